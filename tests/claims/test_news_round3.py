"""Round 3 of the extractor on news: who speaks for a list or table, pronouns the cast cannot
place, inverted "said Dr. X", parts of a toll after "He added that", descriptions named later.
Every text here is our own invented sentence (Ternovia, Halvar and their bodies are fictional)."""

from __future__ import annotations

import pytest

from reckon.claims import extract_claims
from reckon.claims.scoring import claimants_agree

from .conftest import document


def keyed(body: str, published: str = "2034-04-20") -> list[tuple[int | None, str, str | None]]:
    return [(c.figure_low, c.claimant_key, c.claim_date) for c in extract_claims(document(body, published))]


def test_a_source_line_gives_the_claimant_and_an_as_of_heading_the_date_of_the_lines_below():
    body = (
        "Halvar Health Cluster situation report\n\nKEY FIGURES, AS OF 18 APRIL 2034\n"
        "(Source: Ternovian Ministry of Health unless otherwise stated)\n\nKilled: 2,410\nInjured: 7,055\n"
        "Of the killed, children: 611\n"
    )
    got = keyed(body)
    assert got == [
        (2410, "Ternovian Ministry of Health", "2034-04-18"),
        (7055, "Ternovian Ministry of Health", "2034-04-18"),
        (611, "Ternovian Ministry of Health", "2034-04-18"),
    ]


def test_a_named_body_s_figures_line_owns_every_row_of_the_table_below_it():
    body = (
        "Shelling continued through the week.\n"
        "Halvar Provincial Health Office figures for 3 - 9 April, by location:\n"
        "Location Killed Injured\nOld market 14 40\nRiver quarter (north bank, mills) 9 22\nTotal 23 62\n"
        "These figures include only people who reached a clinic.\n"
    )
    keys = {key for _, key, _ in keyed(body)}
    assert keys == {"Halvar Provincial Health Office"}
    assert len(keyed(body)) == 6


def test_a_label_line_names_its_source_in_brackets_before_the_figure():
    body = "Briefing\n\nCivilians killed in Halvar since 1 March (Halvar Provincial Health Office) 1,318\n"
    assert keyed(body) == [(1318, "Halvar Provincial Health Office", None)]


@pytest.mark.parametrize(
    "body",
    [
        "The Halvar Emergency Response Room says the toll is 40. It said on Monday that 12 more had died.",
        "The Halvar Shelter Cell says the toll is 40. It said on Monday that 12 more had died.",
    ],
)
def test_it_is_the_body_that_spoke_before_even_when_its_name_has_no_head_we_know(body):
    got = keyed(body)
    assert [key for _, key, _ in got] == [got[0][1], got[0][1]]
    assert got[0][1].startswith("Halvar")
    assert got[1][2] == "2034-04-17"


def test_the_source_is_the_military_source_that_spoke_before():
    body = (
        "Army units struck positions in the hills, killing dozens of militants, a military source said, "
        "according to the Ternovian Army's press office.\n\n"
        "The source told the agency that the strikes killed 34 militants."
    )
    keys = [key for _, key, _ in keyed(body)]
    assert "source" not in keys
    assert keys[-1] == keys[0]


def test_said_before_a_titled_name_takes_that_name_after_an_aside():
    body = "Thirty-eight people were wounded, nine of them seriously, said Dr. Ilse Marran, who runs a clinic nearby."
    assert keyed(body) == [(38, "Ilse Marran", None), (9, "Ilse Marran", None)]


def test_a_part_of_the_toll_after_he_added_that_is_a_claim_of_the_same_speaker():
    got = [(c.figure_low, c.subgroup) for c in extract_claims(document("The monitor said 40 people died. He added that 12 of them were children."))]
    assert got == [(40, None), (12, "children")]


def test_an_indefinite_description_is_the_body_the_article_later_calls_by_that_word():
    body = (
        "An airstrike hit a village school, killing at least 21 people, a local resistance group said Tuesday.\n\n"
        "The strike destroyed the main building, said Aru Venn, a spokesperson for the Halvar People's Defence Army, "
        "an armed group opposed to military rule."
    )
    assert keyed(body, "2034-04-18")[0] == (21, "Halvar People's Defence Army", "2034-04-18")


@pytest.mark.parametrize(
    ("predicted", "gold", "agree"),
    [
        ("WHO", "World Health Organization", True),
        ("UN Human Rights Monitoring Mission in Ternovia", "U.N. human rights monitoring mission in Ternovia", True),
        ("WHO", "UN OCHA", False),
        ("UN OCHA", "United Nations", False),
        ("World Health Organization office in Halvar", "WHO", False),
    ],
)
def test_the_scorer_reads_one_body_in_the_shipped_table_and_dotted_abbreviations_as_one(predicted, gold, agree):
    assert claimants_agree(predicted, gold) is agree
