"""Round 4 of the extractor on news (after a fourth set written blind by another author):
report headers, asides between a subject and its verb, revised figures, fates unknown, ages,
ranks before a role. Every text here is our own invented sentence (Orlavia, Pemberine and
their bodies are fictional)."""

from __future__ import annotations

import hashlib

from reckon.articles.document import Document
from reckon.claims import extract_claims
from reckon.claims.cast import body_of_role
from reckon.claims.numbers import numeral_value

from .conftest import document


def keyed(body: str, published: str = "2037-05-20") -> list[tuple[int | None, str, str | None]]:
    return [(c.figure_low, c.claimant_key, c.claim_date) for c in extract_claims(document(body, published))]


def categories(body: str) -> list[tuple[str, int | None]]:
    return [(c.category, c.figure_low) for c in extract_claims(document(body))]


def test_a_report_without_metadata_takes_its_body_and_date_from_a_header_split_by_middle_dots():
    text = (
        "OMBUDS COMMISSION FOR DETAINEES · REPUBLIC\nOF ORLAVIA\nSpecial Report on the Keshet prison fire\n"
        "Report No. 4/2037 · Pemberine, 9 May 2037\n1. Summary\n"
        "The Commission has established that 12 detainees died in the fire.\n"
        "On 2 May, the Prison Service reported 7 deaths.\n"
    )
    doc = Document("r.pdf", hashlib.sha256(text.encode()).hexdigest(), text, "pdf", None)
    got = [(c.figure_low, c.claimant_key, c.claim_date) for c in extract_claims(doc)]
    assert got == [(12, "Ombuds Commission for Detainees", None), (7, "Prison Service", "2037-05-02")]


def test_the_document_a_body_spoke_in_stands_between_it_and_its_verb():
    body = "The Interior Ministry, in its reply to the ombudsman dated 12 May, acknowledged 9 deaths in custody."
    assert keyed(body) == [(9, "Interior Ministry", "2037-05-12")]


def test_a_body_that_revises_its_figure_still_speaks_and_it_is_the_body_before():
    body = (
        "On 3 May, the Prison Service of Orlavia reported 7 deaths among detainees. "
        "On 5 May it revised its figure to 11, without explanation."
    )
    assert keyed(body) == [(7, "Prison Service of Orlavia", "2037-05-03"), (11, "Prison Service of Orlavia", "2037-05-05")]


def test_half_a_million_is_five_hundred_thousand():
    assert numeral_value("half a million") == 500_000
    assert keyed("The conflict has killed more than half a million people, the United Nations says.")[0][0] == 500_000


def test_people_not_heard_from_or_whose_families_were_never_told_are_missing():
    assert categories("At least 14 protesters who were last seen near the square have not been heard from since, the league said.") == [
        ("missing", 14)
    ]
    assert categories("There are 230 people who were detained and whose families have never been told where they are, she said.") == [
        ("missing", 230)
    ]


def test_an_age_bound_of_the_dead_is_not_a_figure_but_a_toll_over_a_number_is():
    assert categories("Five of the dead were under 18, the league said.") == [("killed", 5)]
    assert categories("The toll was over 300 on Friday, the league said.") == [("killed", 300)]


def test_a_rank_before_a_role_does_not_hide_the_body_the_pronoun_names():
    body = (
        "The Pemberine Detainees' Watch keeps the only list of the dead. Its joint secretary, Anselm Vorik, "
        "spoke to us on Friday. Vorik said 61 detainees died in custody."
    )
    assert keyed(body) == [(61, "Pemberine Detainees' Watch", None)]


def test_a_spokesman_for_a_body_with_its_acronym_and_place_speaks_for_the_body():
    assert body_of_role("A spokesman for the Armed Forces of Orlavia (AFO) in Keshet") == "the Armed Forces of Orlavia"
    assert body_of_role("head of surgery at Pemberine General Hospital") == "Pemberine General Hospital"
    body = "A spokesman for the Armed Forces of Orlavia (AFO) in Keshet, Major Ilse Darnov, said 17 civilians had died."
    assert keyed(body) == [(17, "Armed Forces of Orlavia", None)]
