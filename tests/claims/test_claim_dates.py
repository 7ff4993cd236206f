"""Claim dates: read against the dateline, next to the claimant's verb, and said how (our own lines)."""

from __future__ import annotations

import pytest

from reckon.claims.dates import reference_date


def dated(claims):
    return [(c.figure_low, c.claim_date) for c in claims]


def test_the_reference_date_is_the_datelines_else_the_publication_date_else_the_documents_own():
    assert reference_date("TARSA, May 3 (Wire) - Shells hit the market.", "2031-05-06").value == "2031-05-03"
    assert reference_date("Dor, 19 January - The bureau said.", "2031-01-20").source == "dateline"
    assert reference_date("No dateline here.", "2031-01-20").value == "2031-01-20"
    assert reference_date("Health Bulletin No. 5 | Published 25 November 2031", None).value == "2031-11-25"
    assert reference_date("Nothing at all.", None).value is None


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("TARSA, May 3 (Wire) - The ministry said yesterday that 31 people were killed.", "2031-05-02"),
        ("TARSA, May 3 (Wire) - The ministry said Friday that 31 people were killed.", "2031-05-02"),
        ("In a post late on Friday, the ministry said 31 people had been killed.", "2031-05-02"),
        ("The ministry's spokesman told a news conference in Dor on Sunday that 31 had died.", "2031-05-04"),
        ("The union said 139 people were wounded, after it had reported 47 deaths on Sunday.", None),
        ("Shelling killed at least 11 protesters Tuesday, a monitoring group said.", None),
        ("On 2 May, shelling killed 35 people, according to the Tarsa Ministry of Health.", None),
        ("With Friday's dead, the union says 492 people have been killed.", None),
        ("The ministry said 311 soldiers had been killed since 3 May.", None),
        ("The deputy said she had documented 7 such deaths since April.", None),
        ("The civil defence said its teams had recovered 43 bodies from the rubble on Monday morning.", None),
        ("Since the start of the offensive on 24 February 2031, the mission has verified 1,230 deaths.", None),
    ],
)
def test_a_date_dates_the_statement_only_in_the_verbs_own_clause(claims_in, body, date):
    found = claims_in(body, published="2031-05-06")
    assert dated(found)[0][1] == date


def test_resolved_dates_say_how_they_were_read(claims_in):
    found = claims_in("TARSA, May 3 (Wire) - The ministry said yesterday that 31 people were killed.", published="2031-05-06")
    assert found[0].claim_date_note == "“yesterday” read against the dateline (2031-05-03)"
    explicit = claims_in("The ministry said on 4 May 2031 that 31 people were killed.", published="2031-05-06")
    assert (explicit[0].claim_date, explicit[0].claim_date_note) == ("2031-05-04", None)


def test_an_undated_lede_of_a_story_printed_after_its_dateline_takes_the_datelines_date(claims_in):
    found = claims_in(
        "Week in review\n\nKORLA, June 9 (Wire) - A missile strike killed eight workers on Monday, the governor said.\n\n"
        "The governor said 27 people were injured.",
        published="2031-06-12",
    )
    assert dated(found) == [(8, "2031-06-09"), (27, None)]
    assert "published later" in found[0].claim_date_note


def test_as_of_and_by_date_the_figure_and_earlier_figures_keep_their_day(claims_in):
    found = claims_in(
        "On 17 May, the ministry reported that the toll had passed 8,000; by 23 May it stood at 9,846. "
        "The ministry says 9,900 people have been killed, up from 9,846 on Wednesday.",
        published="2031-05-25",
    )
    assert dated(found)[:2] == [(8000, "2031-05-17"), (9846, "2031-05-23")]


def test_a_date_in_a_relative_clause_is_that_clauses(claims_in):
    found = claims_in("The union, which had reported 47 deaths on Sunday, said 139 people were wounded.", published="2031-05-06")
    assert dated(found) == [(47, "2031-05-04"), (139, None)]
