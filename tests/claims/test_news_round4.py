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
from reckon.claims.outlet import own_body

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


def test_each_item_of_a_press_review_is_dated_by_its_heading():
    body = (
        "Orlavia press review, 20 May 2037\n\nPEMBERINE MONITOR\n\nSelected reports from the Orlavian press, translated.\n\n"
        "THE KESHET DAILY (independent, Keshet), 16 May 2037\n\nThe Keshet Daily said 31 people had been killed in the raid.\n\n"
        "VOICE OF PEMBERINE (state radio), 18 May 2037\n\nThe radio said 12 \"terrorists\" were killed.\n"
    )
    assert keyed(body) == [(31, "Keshet Daily", "2037-05-16"), (12, "radio", "2037-05-18")]


def test_a_source_quoted_with_an_apposition_as_saying_is_the_claimant():
    body = "The weekly quoted Marta Selin, a member of the Orlavian parliament, as saying she had a list of 52 dead."
    assert keyed(body) == [(52, "Marta Selin", None)]


def test_a_second_verb_after_citing_someone_is_the_reporter_s_own():
    body = "The Keshet Daily reported that the toll had risen to 40, citing the Pemberine Relief Committee, and said at least 9 were children."
    assert keyed(body) == [(40, "Pemberine Relief Committee", None), (9, "Keshet Daily", None)]


def test_an_office_holder_with_a_relative_clause_speaks_for_the_office():
    body = "The Attorney General, Rhea Morland, who spoke after the minister, said 6 people had died in custody."
    assert keyed(body) == [(6, "Attorney General", None)]


def test_colleagues_at_a_named_office_are_that_office():
    body = "Our colleagues at the UN Joint Monitoring Office in Orlavia have documented the killing of at least 33 civilians."
    assert keyed(body) == [(33, "UN Joint Monitoring Office in Orlavia", None)]


def test_unnamed_sources_in_a_body_s_own_briefing_are_its_own_evidence():
    text = (
        "Press briefing notes by the Pemberine Human Rights Commission\n\n"
        "At least 610 people have been killed since March, according to multiple credible sources.\n"
    )
    doc = Document("b.txt", hashlib.sha256(text.encode()).hexdigest(), text, "txt", "2037-05-20")
    assert [c.claimant_key for c in extract_claims(doc)] == ["Pemberine Human Rights Commission"]
    assert [key for _, key, _ in keyed("At least 610 people have been killed, according to multiple credible sources.")] == [
        "multiple credible sources"
    ]


def test_an_unnamed_surgeon_speaks_for_the_one_hospital_the_article_names():
    body = (
        "Doctors at the Keshet General Hospital say they have not slept since Monday. "
        "A surgeon who asked not to be named said he had operated on 11 people with gunshot wounds."
    )
    assert keyed(body) == [(11, "Keshet General Hospital", None)]


def test_a_single_spaced_header_with_columns_of_several_words_reads_its_rows():
    body = (
        "The number of deaths in custody recorded by the Commission has risen.\n"
        "Year Deaths in custody of which violent\n2034 83 31\n2035 97 41\n"
        "Source: Commission annual reports, 2034 - 2035.\n"
    )
    got = [(c.category, c.figure_low, c.subgroup) for c in extract_claims(document(body))]
    assert got == [("killed", 83, None), ("killed", 31, "violent"), ("killed", 97, None), ("killed", 41, "violent")]


def test_a_section_title_read_as_a_header_does_not_hide_the_table_header_under_it():
    body = (
        "3. Deaths and injuries by area of the prison\nArea Killed Injured\nWing A 2 6\nWing C 16 29\nTotal 18 35\n"
    )
    got = [(c.figure_low, c.place) for c in extract_claims(document(body))]
    assert got[:4] == [(2, "Wing A"), (6, "Wing A"), (16, "Wing C"), (29, "Wing C")]


def test_people_held_who_were_then_executed_were_executed():
    assert categories("At least 4 people held in connection with the uprising were executed, the office said.") == [("executed", 4)]


def test_among_a_total_given_before_are_parts_of_it():
    body = "The league said 212 people had been killed. Among the 212 on its list are 31 children and 18 women."
    assert [(c.category, c.figure_low) for c in extract_claims(document(body))] == [("killed", 212), ("killed", 31), ("killed", 18)]
    assert categories("Among the dead there are also nine women, the league said.") == [("killed", 9)]


def test_a_name_known_as_an_alias_after_an_apposition_is_one_body_wherever_the_alias_appears():
    body = (
        "The Green Scarves say at least 6 people are still under the rubble. "
        "The Keshet Civil Defence, a volunteer rescue service known as the Green Scarves, says at least 12 people were killed."
    )
    assert {key for _, key, _ in keyed(body)} == {"Keshet Civil Defence"}


def test_who_heads_the_directorate_and_a_spokesman_in_the_province_speak_for_their_bodies():
    assert body_of_role("a spokesman for the Green Scarves in the province") == "the Green Scarves"
    body = "The Keshet Health Directorate says 35 people were killed. The dead include 10 children, according to Dr. Lena Haro, who heads the directorate."
    assert keyed(body) == [(35, "Keshet Health Directorate", None), (10, "Keshet Health Directorate", None)]


def test_a_pdf_line_ending_on_the_runs_on_and_a_sitrep_line_ends_with_its_source():
    text = (
        "Flash update\n\nHIGHLIGHTS\nOn 4 May, air strikes hit the market in Keshet. According to the\n"
        "Keshet Health Directorate, 43 people were killed and 117 injured.\n"
        "Three health workers were killed and two ambulances damaged in a strike on\nthe road to Arvel on 5 May (WHO).\n"
    )
    doc = Document("f.pdf", hashlib.sha256(text.encode()).hexdigest(), text, "pdf", "2037-05-07")
    got = [(c.figure_low, c.claimant_key) for c in extract_claims(doc)]
    assert got == [(43, "Keshet Health Directorate"), (117, "Keshet Health Directorate"), (3, "WHO")]


def test_days_of_a_month_are_no_figure():
    assert categories("The clinic received 74 wounded patients on 15 and 16 June, the group said.") == [("injured", 74)]


def test_a_masthead_in_capitals_is_the_publisher_and_its_own_count_is_the_author_s():
    body = "Deaths in the north\n\nTHE KESHET TIMES\n\nBy Ana Velt\n\nA Keshet Times count of death notices has found at least 49 people who died from gunshot wounds.\n"
    assert keyed(body) == [(49, "author", None)]


def test_in_the_publisher_s_own_interview_its_questions_relay_and_your_figure_is_the_guest_s():
    body = (
        "'We count names': the Watch on its list\n\nRADIO KESHET - INTERVIEW\n\nThe Pemberine Detainees' Watch keeps a list of the dead. Its director, Ilan Vosk, spoke to us.\n\n"
        "RADIO KESHET: Your latest figure is 2,310 people killed. How do you count?\n\n"
        "VOSK: We count names. Among the 2,310 on our list are 301 children.\n\n"
        "RADIO KESHET: The army says it killed 400 fighters.\n\nVOSK: They publish no list.\n"
    )
    got = [(c.figure_low, c.claimant_key) for c in extract_claims(document(body))]
    assert got == [(2310, "Pemberine Detainees' Watch"), (301, "Pemberine Detainees' Watch"), (400, "army")]


def test_label_lines_whereabouts_unknown_places_in_brackets_and_a_date_cut_by_a_line_break():
    body = (
        "Key figures\n\nDied in custody: 2 (Keshet, Arvel)\nWhereabouts unknown after detention: 16\n"
        "Civilians killed since 14\nSeptember: 1,236\n"
    )
    got = [(c.category, c.figure_low) for c in extract_claims(document(body))]
    assert ("killed", 2) in got and ("missing", 16) in got
    assert ("killed", 14) not in got and ("arrested", 16) not in got


def test_ascended_to_martyrdom_is_killed():
    assert categories("Four heroes of the army ascended to martyrdom, the source said.") == [("killed", 4)]


def test_a_list_of_who_says_what_gives_each_line_to_the_body_that_opens_it():
    body = (
        "Who says what:\nKeshet Health Directorate (Sunday night): 38 dead, 112 wounded\n"
        "Front for Renewal: 31 dead (no list published)\nOrlavian Victims Documentation Centre, Lyon: 41 dead\n"
        "Number of people killed: 612\n"
    )
    assert [(n, key) for n, key, _ in keyed(body)] == [
        (38, "Keshet Health Directorate"), (112, "Keshet Health Directorate"), (31, "Front for Renewal"),
        (41, "Orlavian Victims Documentation Centre"), (612, "author"),
    ]


def test_own_publications_named_with_a_bracketed_acronym_a_place_or_produced_by_the_body():
    for header, body in (
        ("Press release\nPemberine Relief Association (PRA) International\nKeshet, 3 May 2037\n", "Pemberine Relief Association International"),
        ("Report\nOrlavian Detainees Observatory (Observatorio de Detenidos, ODO), Keshet.\nPublished 3 May 2037.\n", "Orlavian Detainees Observatory"),
        ("KESHET: Flash Update No. 2\nThis Flash Update is produced by the United Nations Office for the Coordination of Humanitarian Affairs\n(OCHA) in Orlavia.\n", "United Nations Office for the Coordination of Humanitarian Affairs"),
    ):
        text = header + "At least 12 people were killed in the city.\n"
        doc = Document("o.txt", hashlib.sha256(text.encode()).hexdigest(), text, "txt", "2037-05-04")
        assert own_body(doc) == body


def test_a_table_whose_columns_have_several_words_under_a_single_spaced_header():
    body = (
        "Table 1. Deaths, injuries and detentions documented by the Observatory\n"
        "City Killed Injured by firearms Detained\nKeshet 11 97 402\nArvel 7 64 611\n"
    )
    got = [(c.category, c.figure_low, c.place) for c in extract_claims(document(body))]
    assert got == [("killed", 11, "Keshet"), ("injured", 97, "Keshet"), ("arrested", 402, "Keshet"),
                   ("killed", 7, "Arvel"), ("injured", 64, "Arvel"), ("arrested", 611, "Arvel")]


def test_one_of_them_a_police_officer_is_a_part_of_the_toll():
    assert categories("The ministry said eight people had died, one of them a police sergeant.") == [("killed", 8), ("killed", 1)]


def test_fact_check_headings_are_no_speakers_and_a_lower_case_source_line_still_names_its_body():
    body = (
        "CLAIM: \"300 people have been murdered by the regime\"\n\nVERDICT: Not supported.\n\n"
        "Their latest figures, as they gave them to us:\n\n"
        "Human rights ombudsman (as of 16 May): 17 deaths confirmed with death certificates\n"
        "Orlavian Victims Documentation Centre: 19 victims identified by name\n"
        "Rebel fighters captured: 40\n"
    )
    keys = [key for _, key, _ in keyed(body)]
    assert "Claim" not in keys and "Verdict" not in keys
    assert keys[-3:] == ["Human rights ombudsman", "Orlavian Victims Documentation Centre", "author"]


def test_wire_agencies_beyond_the_big_three_are_known_and_their_own_count_is_the_author_s():
    from reckon.claims.claimants import known_claimant

    assert {known_claimant(n) for n in ("dpa", "Deutsche Presse-Agentur")} == {"dpa"}
    assert known_claimant("Xinhua") == "Xinhua" and known_claimant("EFE") == "EFE"
    body = "Zelvino (dpa) - Fighting has killed at least 23 soldiers since Sunday, according to a dpa count.\n"
    assert keyed(body) == [(23, "author", None)]


def test_health_officials_are_the_one_health_body_the_article_names():
    body = (
        "An air strike hit the market, killing at least 38 people, health officials in the city said. "
        "The Keshet Health Directorate later raised the toll to 41."
    )
    assert [key for _, key, _ in keyed(body)] == ["Keshet Health Directorate", "Keshet Health Directorate"]
