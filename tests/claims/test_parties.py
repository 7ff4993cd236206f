"""Whether two free-text names name the same party, and whether a sentence says a claimant confirmed."""

from __future__ import annotations

from reckon.claims.parties import name_words, same_party
from reckon.claims.stance import said_to_confirm


def test_same_party_by_distinguishing_words() -> None:
    assert same_party("three Interior Ministry officials", "Interior Ministry")
    assert same_party("MEK", "PMOI/MEK-NCRI")
    assert not same_party("Reuters", "Interior Ministry")
    assert not same_party("the", "the Front")
    assert name_words("The Officials of the Front") == {"front"}


def test_a_confirm_verb_counts_only_with_the_claimant_named_before_it() -> None:
    sentence = "The Wire Agency confirmed on Friday the toll of 900 given by the Front"
    assert said_to_confirm("The Wire Agency", "Wire Agency", sentence)
    # The Front's own figure in the same sentence is not a confirmation by the Front.
    assert not said_to_confirm("the Front", "Liberation Front", sentence)
    assert not said_to_confirm("The Wire Agency", "Wire Agency", "The Wire Agency reported 900 deaths")


def test_the_extractor_marks_the_claim_a_claimant_confirms() -> None:
    from reckon.articles.document import Document
    from reckon.claims.extractor import extract_claims

    text = (" date 2031-04-20 Toll confirmed\n\nThe Wire Agency confirmed on Friday the toll of 900 dead "
            "announced by the Liberation Front last week.")
    claims = extract_claims(Document("late.txt", "e" * 64, text, "txt", "2031-04-20"))
    by_claimant = {c.claimant_key: c.confirms for c in claims if c.figure_low == 900}
    assert by_claimant.get("Wire Agency") is True
    assert not any(confirms for key, confirms in by_claimant.items() if key != "Wire Agency")
