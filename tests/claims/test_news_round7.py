"""Round 7 of the extractor on news, written against held-back set 11 after its blind run: a
body's name whose field runs on past "and" ("Centre for Justice and Civil Liberties in Varnia"),
"known by its initials X" between a subject and its verb, a report's repeated "Annex:" headings,
"One said" after a group of speakers, a figure another body announced inside the writer's own
sum, and the writer's "That would put the number at 18". Every text here is our own invented
sentence (Varnia, Tesk and their bodies are fictional)."""

from __future__ import annotations

from reckon.claims import extract_claims

from .conftest import document


def keyed(body: str, published: str = "2038-03-18") -> list[tuple[int | None, str]]:
    return [(c.figure_low, c.claimant_key) for c in extract_claims(document(body, published))]


def test_a_bodys_field_runs_on_past_and_and_its_initials_join_it():
    body = (
        "The Centre for Justice and Civil Liberties in Varnia, known by its initials CJCLV, said security forces "
        "had killed 40 people in Tesk. On Friday the CJCLV said 12 more people were missing."
    )
    centre = "Centre for Justice and Civil Liberties in Varnia"
    assert keyed(body) == [(40, centre), (12, centre)]


def test_a_ministrys_two_fields_are_one_name():
    body = "The Ministry of the Interior and Public Order said 23 police officers were injured in Tesk."
    assert keyed(body) == [(23, "Ministry of the Interior and Public Order")]


def test_two_bodies_joined_by_and_stay_two():
    body = "The Varnia Medical Association and Tesk Relief Committee said 31 people were treated for gunshot wounds."
    assert "Varnia Medical Association and Tesk Relief Committee" not in [key for _, key in keyed(body)]


def test_a_reports_annex_headings_are_not_a_speaker():
    body = (
        "Varnia Rights Desk\n\nSummary\nThe Varnia Rights Desk documented 30 killings in Tesk.\n\n"
        "Annex: Killings by district\nNorth district (12 killed): 3 children and 9 men.\nSouth district (18 killed): 18 men.\n\n"
        "Annex: Deaths in custody\nTesk Central Prison: 4 deaths in custody.\n"
    )
    keys = {key for _, key in keyed(body)}
    assert "Annex" not in keys and keys


def test_one_of_a_group_of_speakers_speaks_for_the_group():
    body = (
        "Doctors at two hospitals in Tesk said they had treated 80 wounded protesters. "
        "One said 11 people had died in his ward overnight."
    )
    claims = keyed(body)
    assert claims[1][0] == 11 and claims[1][1] == claims[0][1] != "One"


def test_a_figure_another_body_announced_inside_the_writers_sum():
    body = (
        "Two doctors at the Lower Town hospital said 11 people had died there. That would put the number of dead "
        "in the city at 18, twice the nine deaths the ministry announced on Thursday for the whole country."
    )
    assert keyed(body) == [(11, "Lower Town hospital"), (18, "author"), (9, "ministry")]


def test_the_paper_and_the_society_are_the_outlet_and_the_red_crescent_named_before():
    body = (
        "The opposition Varnia Herald could hardly be more different. Its front page is a wall of photographs. "
        "The paper says its reporters have collected the names of 61 people killed in the strike. "
        "At least 7 people were killed when shells hit a camp outside Tesk, according to the Varnian Red Crescent. "
        "The society's spokeswoman said 5 of the dead were children."
    )
    assert keyed(body) == [(61, "Varnia Herald"), (7, "Varnian Red Crescent"), (5, "Varnian Red Crescent")]


def test_a_table_headings_source_keeps_its_date():
    body = (
        "Tesk flash update\n\nCASUALTIES BY LOCATION (Ministry of Health, as of 21 August)\n"
        "Location    Killed    Injured\nCentral market    71    205\nRiverside camps    36    132\n"
    )
    claims = extract_claims(document(body, "2038-08-24"))
    assert {(c.claimant_key, c.claim_date) for c in claims} == {("Ministry of Health", "2038-08-21")}
    assert sorted(c.figure_low for c in claims) == [36, 71, 132, 205]


def test_a_titled_spokesman_speaks_for_the_body_named_in_the_sentence_before():
    body = (
        "The Interior Ministry gave a far lower toll. Spokesman Colonel Arno Vesk told state television that "
        "eight people had died."
    )
    assert keyed(body) == [(8, "Interior Ministry")]


def test_a_verb_inside_a_relative_aside_speaks_for_no_figure_after_it():
    body = (
        "The opposition Varnia Renewal Front, whose candidate Mira Dobrev says she won the vote, put the number "
        "of dead at 31 and said more than 2,000 of its supporters had been arrested."
    )
    assert keyed(body)[0] == (31, "Varnia Renewal Front")


def test_a_relative_clause_that_gives_the_figure_keeps_it():
    body = (
        "The most widely cited figure comes from Varnia's Ministry of Health, which on Saturday said 236 civilians "
        "had been killed in Tesk since 28 July, up from 214 earlier in the week."
    )
    keys = {key for _, key in keyed(body)}
    assert len(keys) == 1 and "Ministry of Health" in keys.pop()


def test_a_person_who_has_run_a_body_speaks_for_it_in_an_interview():
    body = (
        "TESK WEEKLY - The Interview\n\n"
        "Mira Dobrev, 47, a former labour lawyer, has run the Varnia Centre for Victims' Rights since 2036.\n\n"
        "Tesk Weekly: What is your count today?\n\n"
        "Dobrev: As of this morning we have 31 people killed.\n\n"
        "Tesk Weekly: Is that all?\n\n"
        "Dobrev: I should say that we also have eleven more deaths we are still checking.\n"
    )
    assert keyed(body) == [(31, "Varnia Centre for Victims' Rights"), (11, "Varnia Centre for Victims' Rights")]


def test_a_member_of_parliament_speaks_as_herself_not_for_parliament():
    assert keyed("Minister, a member of parliament claims she saw fifteen bodies.") == [(15, "member of parliament")]
    body = (
        "Mira Dobrev, the independent member of parliament who first put a number on the dead, said she counted "
        "15 bodies in the cold room."
    )
    assert keyed(body) == [(15, "Mira Dobrev")]


def test_a_count_of_the_dead_just_given_in_words_or_as_martyrs():
    assert keyed("Police killed seven protesters in Tesk on Friday, the group said. Six of the seven were shot in the back.") == [
        (7, "group"), (6, "group")]
    assert keyed("The group said 31 people were killed. Thirteen were students of the university.") == [(31, "group"), (13, "group")]
    assert keyed("The group said 31 martyrs fell. Five of the martyrs were women.") == [(31, "group"), (5, "group")]


def test_a_count_of_things_is_not_part_of_the_dead():
    body = "The group said 31 people were killed. Two of the four photographs were published in 2029 by a news agency."
    assert keyed(body) == [(31, "group")]


def test_ages_after_victims_names_are_not_counts():
    body = (
        "The group said seven people were killed. Two of the seven are police officers: Sergeant Hugo Fenner, 34, "
        "and Constable Ada Moss, 29, who were shot at the gate."
    )
    assert [n for n, _ in keyed(body)] == [7, 2]


def test_a_count_after_a_day_and_month_and_a_comma_is_no_year():
    body = "MSF says it has treated 410 wounded patients since 28 July, 143 of them children."
    assert keyed(body) == [(410, "MSF"), (143, "MSF")]
    assert keyed("The ministry said on 28 July 2036 that 12 people had been killed.") == [(12, "ministry")]


def test_a_count_after_a_month_day_and_a_comma_is_no_year():
    body = "The council said 63 residents had been killed since the shelling began on September 28, 21 of them children."
    assert keyed(body) == [(63, "council"), (21, "council")]


def test_a_count_after_an_age_limit_is_no_age_when_it_says_who_they_were():
    body = "The ministry said 90 people were wounded. Of the wounded, 52 were children under the age of 15 and 38 were women."
    assert [n for n, _ in keyed(body)] == [90, 52, 38]


def test_an_earlier_figure_of_a_toll_that_rose():
    assert keyed("The ministry said the toll had risen to 58, up from 51 this morning.") == [(58, "ministry"), (51, "ministry")]
    assert keyed("The group said 14 were still missing, down from 23 at the start of the week.") == [(14, "group"), (23, "group")]
    assert keyed("The death toll has risen from 29 last Sunday to 41, the group said.") == [(41, "group")]


def test_zeros_and_singular_counts_of_citizens_and_detainees():
    assert keyed("The minister said not a single peaceful citizen had been killed by law enforcement officers.") == [(0, "minister")]
    assert keyed("The ministry insists that not one detainee has died in its custody.") == [(0, "ministry")]
    assert keyed("One detainee has died in custody, the ministry said.") == [(1, "ministry")]


def test_one_officer_is_keyed_as_an_officer():
    assert keyed("One officer said 12 people were killed in Tesk.") == [(12, "officer")]


def test_a_day_just_after_the_dateline_is_this_years():
    body = "TESK, March 15 (Wire) - The relief agency said on March 17 it had evacuated 18 wounded people from Varn."
    claims = extract_claims(document(body, "2039-03-20"))
    assert [(c.figure_low, c.claim_date) for c in claims] == [(18, "2039-03-17")]


def test_a_relative_clause_dates_its_speakers_words():
    body = "The figure comes from the Ministry of Health, which on Saturday said 236 civilians had been killed in the city."
    claims = extract_claims(document(body, "2038-03-18"))
    assert [(c.figure_low, c.claim_date) for c in claims] == [(236, "2038-03-13")]


def test_part_of_the_arrested_that_remain_missing_is_missing():
    claims = extract_claims(document("The prosecutor said 1,100 people had been arrested; 23 of them remain missing.", "2038-03-18"))
    assert [(c.figure_low, c.category) for c in claims] == [(1100, "arrested"), (23, "missing")]


def test_one_night_is_no_count():
    assert keyed('CLAIM: "700 people were shot dead on Tesk Avenue in one night."') == [(700, "author")]


def test_a_post_shared_thousands_of_times_on_a_platform_is_the_claimant():
    body = 'A post shared more than 40,000 times on X claims that "300 people were massacred in Tesk on Thursday."'
    assert keyed(body) == [(300, "post on X")]


def test_a_bare_count_in_a_run_of_competing_tolls():
    body = "The Monitor says 112 people were killed. The Prosecutor General's Office says 57. The government says 15."
    assert keyed(body) == [(112, "Monitor"), (57, "Prosecutor General's Office"), (15, "government")]
    assert keyed("The rights group counted 63 dead. And the CDHRZ speaks of thirty-eight.")[1] == (38, "CDHRZ")


def test_a_breakdown_by_city_under_its_heading():
    body = (
        "Varnia Rights Network press release\n\nThe network said 81 people had been killed.\n\n"
        "Deaths documented by the network, by city (as of 27 April):\nBayt Sahra: 58 (of them 9 in the Nuwayra district)\n"
        "Tell Amrah: 17\nQasr Bahij: 6\n\nDeaths in custody\n\nThe network has confirmed that five detainees died in custody.\n"
    )
    claims = extract_claims(document(body, "2038-05-02"))
    places = [(c.figure_low, c.category, c.place) for c in claims if c.place in ("Bayt Sahra", "Tell Amrah", "Qasr Bahij")]
    assert places == [(58, "killed", "Bayt Sahra"), (17, "killed", "Tell Amrah"), (6, "killed", "Qasr Bahij")]
