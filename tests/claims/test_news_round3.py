"""Round 3 of the extractor on news: who speaks for a list or table, pronouns the cast cannot
place, inverted "said Dr. X", parts of a toll after "He added that", descriptions named later.
Every text here is our own invented sentence (Ternovia, Halvar and their bodies are fictional)."""

from __future__ import annotations

import pytest

from reckon.articles.document import Document
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


# --- claim dates ------------------------------------------------------------------------------

def test_a_month_before_a_counting_verb_is_the_period_counted_not_the_day_of_the_claim():
    body = "In March, the Ternovia Monitoring Mission recorded 171 civilians killed across the country."
    assert keyed(body) == [(171, "Ternovia Monitoring Mission", None)]


def test_a_month_before_a_verb_of_speech_still_dates_the_claim():
    body = "In February the Halvar Rights Council put the civilian toll for the previous year at 9,300."
    assert keyed(body) == [(9300, "Halvar Rights Council", "2034-02")]


def test_a_month_far_after_the_verb_starts_a_period_but_said_in_march_dates_the_claim():
    far = keyed("The Halvar Rights Council published the losses since the start of its operations in January: 4,812 killed.")
    near = keyed("The Halvar Rights Council said in March that 41 detainees had died in custody.")
    assert far[0][2] is None
    assert near == [(41, "Halvar Rights Council", "2034-03")]


def test_published_on_in_an_apposition_dates_the_figure_it_names():
    body = "The most recent figure from the Ternovian Ministry of Health, published on Sunday, is 2,410 people killed."
    assert keyed(body) == [(2410, "Ternovian Ministry of Health", "2034-04-16")]


def test_each_story_of_a_digest_takes_its_own_dateline_date():
    body = (
        "WEEK IN REVIEW\n\nStrike on market\n\n"
        "HALVAR, Ternovia, April 14 (Reuters) - A strike on a market killed at least 31 people, a regional health official said.\n\n"
        "Convoy hit\n\nDORSK, Ternovia, April 16 (Reuters) - Shelling of an aid convoy killed 6 drivers, the Ternovian Red Crescent said.\n"
    )
    assert [date for _, _, date in keyed(body)] == ["2034-04-14", "2034-04-16"]


# --- what a figure counts -------------------------------------------------------------------

def test_a_capitalised_heading_names_the_category_and_source_of_a_one_column_table():
    body = (
        "Weekly update\n\nDEATHS REPORTED THIS WEEK, BY DISTRICT (Halvar Provincial Health Office)\n\n"
        "North district          212\nRiver district           70\nTotal                   282\n"
    )
    got = [(c.figure_low, c.category, c.place, c.claimant_key) for c in extract_claims(document(body))]
    assert got == [
        (212, "killed", "North district", "Halvar Provincial Health Office"),
        (70, "killed", "River district", "Halvar Provincial Health Office"),
        (282, "killed", None, "Halvar Provincial Health Office"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "The council said 900 people had been detained, and that the families of 230 of them had been unable to find out where their relatives were.",
        "Our monitors counted 900 arrests. At least 230 of them remain unaccounted for.",
        "Of the 900 people detained, in 230 of those cases the families have no information on where their relative is held.",
    ],
)
def test_a_part_of_the_detained_whose_fate_is_unknown_is_missing(body):
    got = [(c.figure_low, c.category) for c in extract_claims(document(body))]
    assert got == [(900, "arrested"), (230, "missing")]


def test_figures_that_a_coordinator_read_out_are_the_body_s_he_coordinates():
    body = (
        "Volunteers counted the dead across the town. By district, 31 of the dead were in the camp, according to figures that "
        "Aru Venn, who coordinates the Halvar Emergency Committee, read out to reporters on Friday."
    )
    assert {key for _, key, _ in keyed(body)} == {"Halvar Emergency Committee"}


def test_the_publisher_s_own_reporter_is_the_publisher():
    text = " date 2034-04-20 On Thursday a Halvar Observer reporter counted 17 bodies brought to the cemetery."
    article = Document("observer.txt", "0" * 64, text, "txt", "2034-04-20", publisher="Halvar Observer")
    assert [(c.figure_low, c.claimant_key) for c in extract_claims(article)] == [(17, "author")]


@pytest.mark.parametrize("body", ["The group described the killings in four categories.", "The monitor sorted the deaths into three types."])
def test_a_count_of_categories_is_no_casualty_figure(body):
    assert extract_claims(document(body)) == []


@pytest.mark.parametrize(
    ("body", "person"),
    [
        ("Lawmaker Ilse Marran said 170 people had been killed in her district. The legislator added that 2,000 had been arrested.", "Ilse Marran"),
        ("Activist Aru Venn said 17 people were shot dead. The activist added that 40 were wounded.", "Aru Venn"),
    ],
)
def test_a_title_of_standing_before_a_name_lets_the_description_find_that_person(body, person):
    assert [key for _, key, _ in keyed(body)] == [person, person]


def test_the_city_a_group_is_based_in_is_not_the_place_of_the_dead():
    body = "Halvar Rights Watch, a rights group based in London, has documented 304 deaths."
    assert [c.place for c in extract_claims(document(body))] != ["London"]


def test_people_who_died_when_drones_struck_are_people_not_drones():
    body = "At least 29 people died when drones struck the camp on Sunday, according to the Halvar Physicians' Network."
    assert keyed(body) == [(29, "Halvar Physicians' Network", None)]
    assert extract_claims(document("The army shot down 12 Halvari-made drones.")) == []


def test_a_bracketed_source_may_be_written_in_lower_case_but_must_name_a_body():
    body = "Key figures\n\nArrested: 7,000 (judiciary)\nCivilians injured since 12 April (state ministry of health) 4,390\nKilled (civilians): 120\n"
    assert [(n, key) for n, key, _ in keyed(body)] == [(7000, "judiciary"), (4390, "state ministry of health"), (120, "author")]


@pytest.mark.parametrize(
    ("said", "date"),
    [("a week ago", "2034-04-13"), ("two days ago", "2034-04-18"), ("3 days ago", "2034-04-17")],
)
def test_days_and_weeks_ago_count_back_from_the_document_date(said, date):
    assert keyed(f"Ilse Marran said {said} that 170 people had died.") == [(170, "Ilse Marran", date)]


def test_a_report_published_on_a_day_by_a_body_is_that_body_s_once():
    assert keyed("According to a report published on Friday by Halvar Rights Watch, 304 people were killed.") == [
        (304, "Halvar Rights Watch", "2034-04-14")
    ]


def test_a_digest_resolves_a_later_story_s_day_against_its_publication_not_its_first_dateline():
    body = (
        "DIGEST\n\nHALVAR, Ternovia, April 14 (Reuters) - A strike killed at least 31 people, a health official said.\n\n"
        "DORSK, Ternovia, April 16 (Reuters) - The Ternovian Red Crescent said on April 16 that 6 people had been killed.\n"
    )
    assert [date for _, _, date in keyed(body)] == ["2034-04-14", "2034-04-16"]


@pytest.mark.parametrize(
    "body",
    [
        "At least 14 men and 3 women died in the market fire, the civil defence said.",
        "At least 14 shoppers and 3 vendors died in the market fire, the civil defence said.",
        "The Red Crescent said 14 drivers and 3 paramedics were killed.",
    ],
)
def test_coordinated_people_share_the_verb_that_follows_the_last(body):
    assert [(c.figure_low, c.category) for c in extract_claims(document(body))] == [(14, "killed"), (3, "killed")]


# --- a body's own publication and its tables ---------------------------------------------------

def test_a_source_line_under_a_table_gives_its_rows_their_body_and_date_but_not_the_prose_below():
    body = (
        "Halvar Health Cluster weekly update\n\nCasualties admitted after the market attack, 14 - 15 March:\n\n"
        "Facility                          Deaths    Injured\nNorth Hospital                    22          63\n"
        "Field points (Halvar Civil Defence)  8       -\nTotal                             30          63\n\n"
        "Source: Halvar Health Directorate, hospital reports compiled on 16 March.\n\n"
        "Of the 30 deaths, 12 were children, the cluster said.\n"
    )
    got = [(c.figure_low, c.claimant_key, c.claim_date) for c in extract_claims(document(body, "2034-04-20"))]
    directorate = [g for g in got if g[1] == "Halvar Health Directorate"]
    assert {(n, d) for n, _, d in directorate} == {(22, "2034-03-16"), (63, "2034-03-16"), (8, "2034-03-16"), (30, "2034-03-16")}
    assert got[-1][:2] == (12, "Halvar Health Cluster")


@pytest.mark.parametrize("header", ["Press release", "Press briefing notes", "News desk"])
def test_a_masthead_word_alone_is_no_outlet_so_the_body_s_own_publication_speaks_as_the_body(header):
    body = f"HALVAR RIGHTS NETWORK (HRN)\n{header}\n\nThe HRN has documented 26 deaths since 1 June. We have also recorded 40 arrests.\n"
    assert {key for _, key, _ in keyed(body)} == {"Halvar Rights Network"}


def test_an_acronym_key_is_spelled_out_where_the_article_gives_the_full_name():
    body = "The Kouranese League for Human Rights (LKDH) said 82 people were killed. The LKDH added that 18 were missing."
    assert {key for _, key, _ in keyed(body)} == {"Kouranese League for Human Rights"}


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("The attack killed 17 soldiers, two security sources told AFP.", "security sources"),
        ("A local elected official put the toll at 20.", "elected official"),
    ],
)
def test_an_anonymous_source_keeps_the_words_that_describe_it(body, key):
    assert keyed(body)[0][1] == key


@pytest.mark.parametrize("body", ["In March 40 people were killed in the town.", "There were 40 people killed, which the army denied."])
def test_a_month_or_a_clause_is_never_a_claimant(body):
    assert all(not re_key.startswith(("March", "which", "There")) for _, re_key, _ in keyed(body))


@pytest.mark.parametrize(
    "body",
    [
        "HALVAR RADIO - National news\n\nThe General Staff of the Ternovian Armed Forces this evening published a communiqué on the operation. "
        "Halvar Radio reproduces its main passages below.\n\n\"Units conducted operations in the sector. Forty-three (43) terrorists were neutralised.\n\n"
        "On our side, eleven (11) soldiers were wounded.\"",
        "HALVAR TV - News desk\n\nThe Ternovian Ministry of the Interior issued its Communiqué No. 14 this afternoon.\n\n"
        "The communiqué, which Halvar TV reproduces in full, reads as follows:\n\n\"1. Units of the police were attacked.\n\n"
        "2. 43 officers were injured, and 11 persons were detained.\"",
    ],
)
def test_a_communique_reproduced_by_state_media_speaks_as_its_issuer(body):
    keys = [key for _, key, _ in keyed(body)]
    assert len(keys) == 2 and len(set(keys)) == 1 and keys[0] != "author" and "Ternovian" in keys[0]


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("Halvar Regional Hospital treated the wounded. Eight people died of gunshot wounds, said Dr. Aru Venn, the hospital's deputy director.",
         "Halvar Regional Hospital"),
        ("Ilse Marran, an exiled politician who leads the Bright Road movement, wrote that 150 people had been killed.", "Bright Road movement"),
        ("Ombudsman Ilse Marran told a news conference on Monday that 611 people had been injured.", "Ombudsman"),
    ],
)
def test_a_person_speaks_for_the_body_or_office_they_hold(body, key):
    assert keyed(body)[0][1] == key


def test_a_reproduced_communique_is_dated_by_the_day_it_was_issued():
    body = (
        "HALVAR TV - News desk\n\nThe Ternovian Ministry of the Interior issued its Communiqué No. 14 this afternoon.\n\n"
        "The communiqué, which Halvar TV reproduces in full, reads as follows:\n\n\"2. 43 officers were injured.\""
    )
    assert keyed(body)[0][2] == "2034-04-20"


def test_a_count_by_a_day_is_dated_by_that_day():
    assert keyed("The Halvar Documentation Centre counted 52 dead by Thursday.")[0][2] == "2034-04-20"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The prosecutor said 97 people, 61 of them members of the security forces, had been treated in hospital for injuries.",
         [(97, "injured"), (61, "injured")]),
        ("Among the dead there are also eleven women and at least six children, the league said.", [(11, "killed"), (6, "killed")]),
        ("Among the dead is a mother of four who was shot while looking for her son.", []),
        ("She says she has been to four funerals since Tuesday.", []),
        ("We have counted eleven funerals in this neighbourhood alone.", [(11, "killed")]),
        ("The official said 64 bodies had been buried in two mass graves on Sunday.", [(64, "killed")]),
    ],
)
def test_what_a_figure_counts_in_wire_sentences(body, expected):
    assert [(c.figure_low, c.category) for c in extract_claims(document(body))] == expected


def test_the_highest_figure_so_far_is_a_figure_already_given():
    body = "The Halvar monitor counted 56 dead. The highest figure published so far is 56."
    assert [(n, key) for n, key, _ in keyed(body)] == [(56, "Halvar monitor")]


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("A doctor at Halvar City Hospital No. 2, reached by telephone, said the hospital morgue had received 60 bodies.", "Halvar City Hospital"),
        ("At least 23 people have been killed in protests, the ombudsman said.", "ombudsman"),
    ],
)
def test_numbered_names_and_offices_are_claimants(body, key):
    assert key in keyed(body)[0][1]


def test_rescuers_are_the_one_rescue_body_the_article_names():
    body = (
        "An airstrike hit the market, killing dozens of people, rescuers said Wednesday.\n\n"
        "The Halvar Civil Defence Volunteers later said 41 people had been killed."
    )
    assert [key for _, key, _ in keyed(body)] == ["Halvar Civil Defence Volunteers", "Halvar Civil Defence Volunteers"]


def test_she_is_the_named_official_of_an_apposition_not_the_outlet_she_spoke_to():
    body = (
        "The Minister of Health in the Halvar Salvation Government, Dr. Ilse Marran, told Halvar Pulse that the hospitals "
        "were full. She said 26 of the wounded were in intensive care."
    )
    assert keyed(body)[0][1] == "Ministry of Health in the Halvar Salvation Government"


def test_an_acronym_owner_is_spelled_out_in_the_key():
    body = "The Federal Unity Government (FUG) met on Monday. The FUG's Ministry of Human Rights said the junta had killed at least 412 civilians."
    assert keyed(body)[0][1] == "Federal Unity Government Ministry of Human Rights"


def test_a_claim_or_a_post_is_never_its_own_claimant():
    body = 'A second claim, spread by an account linked to the ruling party, says that "only 3,000 of the dead are women and children".'
    assert "claim" not in keyed(body)[0][1]
