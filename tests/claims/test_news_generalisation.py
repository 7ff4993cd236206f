"""Rules written from the errors on the news-style sets, each on our own synthetic sentences
(Veloria, Castrel and the bodies named here are fictional)."""

from __future__ import annotations

import pytest

from reckon.claims.layout import LineReading, label_line, table_rows

from .conftest import document
from reckon.claims import extract_claims


def read(claims):
    return [(c.figure_low, c.figure_high, c.category, c.subgroup) for c in claims]


def keyed(claims):
    return [(c.figure_low, c.claimant_key) for c in claims]


# --- what a figure counts -------------------------------------------------------------------

@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The council said 97 people had been abducted, of whom 31 are still missing.", [(31, 31, "missing", None)]),
        ("Since May, 1,183 fighters have been killed, and 2,240 fighters and their supporters have been arrested.",
         [(1183, 1183, "killed", None), (2240, 2240, "arrested", None)]),
        ("Relatives of at least 85 detainees do not know where they are.", [(85, None, "missing", None)]),
        ("We know of 420 cases where the family still does not know where their relative is held.", [(420, 420, "missing", None)]),
        ("Around 30 men were taken from a bus on Saturday, and their families have heard nothing since, the group said.",
         [(30, 30, "missing", None)]),
        ("The union says 1,900 have been detained, and that the whereabouts of 240 of them are unknown.",
         [(1900, 1900, "arrested", None), (240, 240, "missing", None)]),
        ("At least 47 men who disappeared in prison have been registered as dead, the network said.", [(47, None, "killed", None)]),
        ("On 2 May, soldiers executed at least 43 men by the river.", [(43, None, "killed", "summarily executed")]),
        ("In 2031 the council executed four prisoners in Castrel prison.", [(4, 4, "executed", None)]),
        ("The monitor verified that 212 civilians were killed and 1,041 injured. Nineteen of those killed were children.",
         [(212, 212, "killed", None), (1041, 1041, "injured", None), (19, 19, "killed", "children")]),
        ("Airstrikes were the main cause: 212 of the 348 victims were killed by bombs.", [(212, 212, "killed", None)]),
        ("Four (4) members of the security forces sacrificed their lives and nine (9) were wounded.",
         [(4, 4, "killed", "security forces"), (9, 9, "injured", None)]),
        ("Eleven people were taken to hospital, the governor said.", [(11, 11, "injured", None)]),
        ("The service estimates that around 900 people remain under collapsed buildings.", [(900, 900, "missing", None)]),
    ],
)
def test_categories_as_news_writes_them(claims_in, body, expected):
    assert read(claims_in(body)) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Aid groups say more than 250,000 people remain trapped inside the city.",
        "Estimates put the number of soldiers killed or wounded on both sides in the hundreds of thousands.",
        "Military tribunals sentenced 88 people, 9 of them to death.",
    ],
)
def test_not_casualty_figures(claims_in, body):
    assert claims_in(body) == []


def test_a_town_held_by_a_side_is_no_arrest(claims_in):
    assert read(claims_in("The agency said shelling had killed four people in government-held Sourin.")) == [(4, 4, "killed", None)]


# --- label lines and tables -----------------------------------------------------------------

def test_bulleted_label_lines_and_their_parts():
    assert label_line("* Martyrs: 3,120") == (11, LineReading("killed"))
    assert label_line("* Of whom children: 1,204", LineReading("killed")) == (20, LineReading("killed", "children"))
    assert label_line("* Of whom elderly: 211", LineReading("killed"))[1].subgroup == "elderly"
    assert label_line("* Of whom children: 1,204") is None  # a part of nothing


def test_a_list_after_a_record_speaks_for_its_issuer():
    found = extract_claims(document(
        "The Castrel Health Office issued its report on Tuesday.\n\nThe report, published on the office's website, "
        "gave the following breakdown:\n\n* Killed: 310\n* Of whom children: 104\n* Missing under the rubble: about 60\n"
    ))
    assert [(c.figure_low, c.category, c.subgroup, c.claimant_key) for c in found] == [
        (310, "killed", None, "Castrel Health Office"), (104, "killed", "children", "Castrel Health Office"),
        (60, "missing", None, "Castrel Health Office"),
    ]


def test_an_owners_figures_as_follows_speak_for_the_owner():
    found = extract_claims(document(
        "The Veloria Rescue Service said 64 people died.\n\nBy village, the Rescue Service's figures were as follows:\n"
        "- Pellin: 31 killed, 74 injured\n- Castrel: 14 killed, 20 injured\n"
    ))
    assert {c.claimant_key for c in found} == {"Veloria Rescue Service"}
    assert len(found) == 5


def test_table_columns_that_name_a_part_of_the_column_before():
    text = "Region        Killed   Of whom women   Of whom children\nPellin           151             34                 41\n"
    [row] = table_rows(text).values()
    assert row == [LineReading("killed", None, "Pellin"), LineReading("killed", "women", "Pellin"), LineReading("killed", "children", "Pellin")]


def test_a_pdf_table_with_cells_run_together():
    found = extract_claims(document(
        "Casualties recorded by the state health ministry, by locality:\nLocality Killed Injured\n"
        "Castrel city centre 67 181\nPellin camp 8 23\nTotal 94 250\nThe number of people detained rose.\n"
    ))
    assert [(c.figure_low, c.category, c.place) for c in found][:2] == [(67, "killed", "Castrel city centre"), (181, "injured", "Castrel city centre")]
    assert (94, "killed", None) in [(c.figure_low, c.category, c.subgroup) for c in found]  # 94 and 250, not 94,250
    assert {c.claimant_key for c in found} == {"state health ministry"}


# --- who: keys ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("The so-called resistance committees claim 1,455 deaths.", "resistance committees"),
        ("It rejected the figure of 310 deaths spread by the illegal regional administration.", "regional administration"),
        ("The Veloria Liberation Front said on Monday its losses were small. Balance of the battle, according to the Front's general command:\n\nEnemy soldiers killed: 300\n",
         "Veloria Liberation Front"),
        ("The Free Veloria Council met on Monday. In a statement, its human rights ministry said troops had killed 230 civilians.",
         "Free Veloria Council"),
        ("Yesterday the UN's children's agency said that more than 1,100 children had been killed.", "UNICEF"),
        ("The UN human rights monitoring mission in Veloria said at least 212 civilians had been killed. "
         "At least 13,400 civilians have been killed since the war began, according to the UN.", "UN Human Rights Monitoring Mission in Veloria"),
        ("A UN inquiry later put the death toll at 2,196.", "UN Inquiry"),
        ("The agency quoted a military source as saying that the army had killed more than 300 fighters.", "army"),
        ("Reuters, citing officials at the Castrel Medical Complex, reported that the hospital had received 19 bodies.", "Castrel Medical Complex"),
        ("A doctor at the city's general hospital said it had received four bodies.", "general hospital"),
        ("A jet bombed the village, killing at least 63 people, residents and a local resistance group said.", "residents"),
    ],
)
def test_keys_name_the_body(claims_in, body, key):
    assert claims_in(body)[-1].claimant_key == key


def test_a_bare_spokesman_speaks_for_the_body_that_spoke_last(claims_in):
    found = claims_in("The Castrel Health Office now says 23 people were killed in the strike. A spokesman said 61 people were wounded.")
    assert keyed(found) == [(23, "Castrel Health Office"), (61, "Castrel Health Office")]


def test_a_governor_speaks_for_the_administration_the_text_names(claims_in):
    found = claims_in("The toll has risen to 14, Pellin Oblast Governor Ana Lind reported. In January, attacks killed 41 civilians, the regional administration said.")
    assert found[0].claimant_key == "Pellin Oblast Administration"
    elsewhere = claims_in("Pellin Governor Ana Lind said 14 people were killed.")
    assert elsewhere[0].claimant_key == "Pellin Governorate"


def test_a_country_name_is_not_expanded_to_a_phrase_ending_in_it(claims_in):
    found = claims_in("Politicians in Hallen disagree. Hallen has acknowledged holding 300 detainees.")
    assert found[0].claimant_key == "Hallen"


# --- who: subjects as news writes them ------------------------------------------------------

@pytest.mark.parametrize(
    ("body", "key"),
    [
        ("The Castrel Families Committee, a grassroots group that has documented attacks since April, said 11 of the dead were boys.",
         "Castrel Families Committee"),
        ("The People's Defence Column (PDC) that controls the area put the toll higher, at 71.", "People's Defence Column"),
        ("The fighting follows the killings in Pellin, which Human Rights Watch said on Wednesday had left at least 120 civilians dead.",
         "Human Rights Watch"),
        ("Veloria's federal Human Rights Commission, a state-funded but nominally independent body, said on Thursday that at least 600 civilians had been detained.",
         "Human Rights Commission"),
        ("A doctor at the Castrel General Hospital, reached by our correspondent on Monday evening, said the hospital had received six bodies.",
         "Castrel General Hospital"),
        ("In the past 24 hours, hospitals received 58 martyrs, the directorate said, describing the strikes.", "directorate"),
        ("The figures of the committees are lower than those of the Pellin State Ministry of Health, which this week put the number of civilians killed at 1,702.",
         "Pellin State Ministry of Health"),
        ("The Castrel Observatory counts them every day. The Observatory's overall toll since 2 June now stands at 3,301.", "Castrel Observatory"),
        ("By the Castrel Observatory's count, 1,587 of the dead are children.", "Castrel Observatory"),
        ("A member of parliament, Ivo Brandt, made this claim in a television interview, saying that at least 2,500 fighters had been killed.",
         "Ivo Brandt"),
        ("The group found that at least 120 people were killed. Local elders who buried the dead believe the real number is between 180 and 200.",
         "elders"),
        ("A review by the Ministry of Defence has established that 12 civilians lost their lives in the crossfire.", "Ministry of Defence"),
        ("The Castrel Observatory is based abroad. The ministry reported 1,240 deaths, compared with the Observatory's 440.", "Castrel Observatory"),
        ('Claim 1: "The Castrel health office has counted more than 4,000 dead."', "Castrel health office"),
    ],
)
def test_subjects_as_news_writes_them(claims_in, body, key):
    assert claims_in(body)[-1].claimant_key == key


def test_a_part_of_the_dead_continues_the_account_before_it(claims_in):
    found = claims_in("The toll has risen to 14, Governor Ana Lind of Pellin reported.\n\nTwo children are among the dead.")
    assert [c.claimant_key for c in found] == [found[0].claimant_key] * 2 and found[0].claimant_key != "author"


def test_according_to_a_statement_opens_a_paragraph_it_reports(claims_in):
    found = claims_in(
        "The Information Unit of the Veloria State Council released a statement on Monday.\n\n"
        "According to the statement, fighters had gathered in the village. The air force struck the camp, and 26 fighters were found dead."
    )
    assert [(c.figure_low, c.claimant_key) for c in found] == [(26, "Veloria State Council")]


def test_the_statement_is_the_issuers_not_the_last_speaker(claims_in):
    found = claims_in(
        "In a statement issued this afternoon, the Veloria Information Service said 38 civilians were killed. "
        "It rejected the figure of 1,240 deaths released by the Pellin Health Bureau. "
        "According to the statement, the attack killed 214 soldiers."
    )
    assert [(c.figure_low, c.claimant_key) for c in found][-1] == (214, "Veloria Information Service")
