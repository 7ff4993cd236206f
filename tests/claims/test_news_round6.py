"""Round 6 of the extractor on news: a subject set off from its verb by a long aside ("X, one
of the volunteer groups that ..., put the toll at"; "X, which represents some 9,000 doctors,
said"), a toll owned by a day ("put the day's toll at"), a figure a body "had given", and an
acronym used without its spelled-out form beside it. Every text here is our own invented
sentence (Pellona, Varsk and their bodies are fictional)."""

from __future__ import annotations

from reckon.claims import extract_claims

from .conftest import document


def keyed(body: str, published: str = "2038-03-18") -> list[tuple[int | None, str, str | None]]:
    return [(c.figure_low, c.claimant_key, c.claim_date) for c in extract_claims(document(body, published))]


def test_a_subject_keeps_its_verb_across_a_long_apposition():
    body = (
        "The Varsk Neighbourhood Relief Room, one of dozens of volunteer groups that have run clinics "
        "since the siege began, put the toll higher, at 48 dead, and said at least 9 people were missing."
    )
    assert [(n, key) for n, key, _ in keyed(body)] == [(48, "Varsk Neighbourhood Relief Room"), (9, "Varsk Neighbourhood Relief Room")]


def test_a_relative_clause_with_a_grouped_number_does_not_hide_the_subject():
    body = (
        "The Pellonese Union of Hospital Doctors (PUHD), which represents some 7,500 doctors, said on Monday "
        "that at least 27 protesters had been treated for gunshot wounds."
    )
    assert keyed(body) == [(27, "Pellonese Union of Hospital Doctors", "2038-03-15")]  # its members are no figure


def test_the_days_toll_and_a_figure_given_earlier_are_the_bodys():
    body = (
        "The Varsk Monitor for Civil Rights, which follows the conflict through contacts on the ground, "
        "put the day's toll at 15. On Sunday the monitor had given a figure of 11 dead."
    )
    assert [(n, key) for n, key, _ in keyed(body)] == [(15, "Varsk Monitor for Civil Rights"), (11, "Varsk Monitor for Civil Rights")]


def test_an_acronym_used_before_its_body_is_named_is_that_body():
    body = (
        "The PPRW counts 33 deaths in custody since the coup.\n\n"
        "They are the Pellona Prisoners' Rights Watch, a group of former detainees who keep a register of the dead."
    )
    assert [(n, key) for n, key, _ in keyed(body)] == [(33, "Pellona Prisoners' Rights Watch")]


def test_initials_of_two_bodies_decide_nothing():
    body = (
        "The PRW counts 33 deaths in custody.\n\n"
        "Both the Pellona Rights Watch and the Prison Reform Watch have criticised the prisons."
    )
    assert [(n, key) for n, key, _ in keyed(body)] == [(33, "PRW")]


def test_a_denial_that_kills_no_one_is_a_figure_of_zero():
    body = 'The Varsk Defence Ministry said on Tuesday: "Our strikes did not kill a single civilian in Pellona."'
    claims = extract_claims(document(body, "2038-03-18"))
    assert [(c.figure_low, c.figure_high, c.category, c.claimant_key) for c in claims] == [(0, 0, "killed", "Varsk Defence Ministry")]


def test_part_of_the_deaths_a_verifier_has_verified_is_a_toll():
    body = "The UN Human Rights Monitoring Mission in Pellona said it had so far verified 12 of the deaths."
    assert [(c.figure_low, c.category) for c in extract_claims(document(body))] == [(12, "killed")]


def test_a_label_line_ending_in_a_full_stop_is_read():
    body = "Daily update of the Pellona Prisoners' Rights Watch\n\nKilled since 7 Feb: 182.\nArrested: 1,204"
    claims = extract_claims(document(body))
    assert [(c.figure_low, c.category) for c in claims] == [(182, "killed"), (1204, "arrested")]


def test_a_toll_revised_by_a_body_is_that_bodys():
    body = (
        "The Pellona Health Ministry said 240 people had been killed.\n\n"
        "The death toll was later revised upwards to 251 by the ministry.\n\n"
        "The ministry's evening figures, which we reported at first as 251 dead, have been revised by the ministry to 249."
    )
    got = [(c.figure_low, c.category, c.claimant_key) for c in extract_claims(document(body))]
    assert got == [
        (240, "killed", "Pellona Health Ministry"),
        (251, "killed", "Pellona Health Ministry"),
        (249, "killed", "Pellona Health Ministry"),
    ]


def test_since_a_month_opening_a_quoted_sentence_is_a_period_not_the_day_of_speech():
    body = (
        "Lena Dorval, who directs the Varsk Medical Relief Society, told the committee:\n\n"
        "\u201cSince May, 23 of our volunteers have been killed. On Monday two more died.\u201d"
    )
    got = [(c.figure_low, c.claimant_key, c.claim_date) for c in extract_claims(document(body, "2038-08-20"))]
    assert got[0] == (23, "Varsk Medical Relief Society", None)


def test_a_bare_role_speaks_for_the_body_named_before_it_in_the_sentence():
    body = (
        "At the Varsk Central Hospital, the city's largest, the director, Dr. Oren Halvik, said 54 people "
        "had been admitted with gunshot wounds since Saturday."
    )
    assert [(c.figure_low, c.category, c.claimant_key) for c in extract_claims(document(body))] == [(54, "injured", "Varsk Central Hospital")]


def test_a_city_before_a_spokespersons_title_is_no_person():
    body = (
        "Speaking to reporters in New York, the spokesperson for the Pellona Relief Agency, Ines Calder, said "
        "at least 31 aid workers had been killed."
    )
    assert [(c.figure_low, c.claimant_key) for c in extract_claims(document(body))] == [(31, "Pellona Relief Agency")]


def test_zeros_a_government_gives_are_figures():
    body = (
        "The Varsk Interior Ministry said nine people had died and that none of them was caused by the police. "
        "The Varsk army says it killed 212 fighters and no civilians. "
        "No one was killed in Pellona, the Varsk Civil Defence said."
    )
    got = [(c.figure_low, c.category) for c in extract_claims(document(body))]
    assert got == [(9, "killed"), (0, "killed"), (212, "killed"), (0, "killed"), (0, "killed")]


def test_no_one_none_and_no_that_count_nobody_are_not_zeros():
    body = (
        "No one has heard anything from the detainees' families since Tuesday. "
        "None of them had been told where the men were being held. "
        "Are you saying no civilians died? "
        "The Varsk army acknowledged no civilian casualties."
    )
    assert extract_claims(document(body)) == []


def test_people_taken_whose_families_have_no_news_are_missing():
    body = (
        "The Varsk Bar Association said 600 men had been detained since February, and that the families of about "
        "150 of them had received no news at all. "
        "It said 80 young men had been rounded up and driven away to an unknown destination. "
        "The association said the relatives of 12 detained students had not been able to find them in any police station."
    )
    got = [(c.figure_low, c.category) for c in extract_claims(document(body))]
    assert got == [(600, "arrested"), (150, "missing"), (80, "missing"), (12, "missing")]


def test_the_fate_phrase_belongs_to_the_figure_nearest_it():
    body = (
        "The Pellona Rights Observatory said 14 of the 15 had been shot, and that it was trying to trace seven "
        "people whose families had not heard from them since their arrest."
    )
    got = [(c.figure_low, c.category) for c in extract_claims(document(body))]
    assert (7, "missing") in got and (14, "missing") not in got


def test_the_euphemisms_of_a_defence_ministry_are_deaths():
    body = (
        "The Varsk general staff said its forces had \"liquidated\" 1,180 enemy troops. "
        "The Pellonese defence ministry said federal forces had \"put out of action\" 640 militia members "
        "and that up to 60 mercenaries were eliminated. "
        "It said 12 soldiers had \"attained martyrdom.\" "
        "The ministry said seventeen (17) members of the security forces have lost their lives."
    )
    got = [(c.figure_low, c.figure_high, c.category) for c in extract_claims(document(body))]
    assert got == [(1180, 1180, "killed"), (640, 640, "killed"), (None, 60, "killed"), (12, 12, "killed"), (17, 17, "killed")]


def test_bodies_pulled_from_houses_and_people_buried_are_dead_but_a_bomb_that_fell_kills_nobody():
    body = (
        "Varsk rescuers said their teams had pulled nine bodies from collapsed houses. "
        "Seventeen people were buried in the eastern cemetery, the council said. "
        "Rescuers said 4 people were buried under the rubble. "
        "A teacher said there were about 110 students in the building when the first bomb fell."
    )
    got = [(c.figure_low, c.category) for c in extract_claims(document(body))]
    assert got == [(9, "killed"), (17, "killed"), (4, "missing")]


def test_people_who_vanished_are_missing():
    assert [(c.figure_low, c.category) for c in extract_claims(document("Rights group says hundreds of Pellonese vanished after mass arrests."))] == [(200, "missing")]


def test_a_pdf_tables_source_column_names_who_gave_each_row():
    body = (
        "Flash update on Varsk\n"
        "Casualties reported by local authorities, 1 - 9 May 2038\n"
        "Neighbourhood Killed Injured Source\n"
        "Old Market 68 201 Varsk Health Directorate\n"
        "al-Qalaa 51 144 Varsk Health Directorate\n"
        "Total 119 345\n"
        "Humanitarian response\n"
    )
    got = [(c.figure_low, c.category, c.claimant_key, c.place) for c in extract_claims(document(body))]
    assert got == [
        (68, "killed", "Varsk Health Directorate", "Old Market"),
        (201, "injured", "Varsk Health Directorate", "Old Market"),
        (51, "killed", "Varsk Health Directorate", "al-Qalaa"),
        (144, "injured", "Varsk Health Directorate", "al-Qalaa"),
        (119, "killed", "Varsk Health Directorate", None),
        (345, "injured", "Varsk Health Directorate", None),
    ]


def test_items_under_a_heading_that_asks_how_many_died_are_tolls_of_their_sources():
    body = (
        "Massacre in Pellona: what we know\n"
        "How many people died?\n"
        "The figures differ:\n"
        "- At least 74 civilians, according to the Pellona Elders' Council\n"
        "- 46 \"terrorists\" and 2 soldiers, according to the army's general staff\n"
        "- More than 100 people, according to the Varsk Cultural Association\n"
        "What happens next?\n"
        "- 12 lawyers, according to the bar association\n"
    )
    got = [(c.figure_low, c.category, c.claimant_key) for c in extract_claims(document(body))]
    assert got == [
        (74, "killed", "Pellona Elders' Council"),
        (46, "killed", "general staff"),
        (2, "killed", "general staff"),
        (100, "killed", "Varsk Cultural Association"),
    ]


def test_what_hospitals_and_monitors_say_of_the_wounded_and_the_unfound():
    body = (
        "The Varsk Health Ministry said 236 citizens had sought medical assistance, 61 of them remain in hospital "
        "and four in serious condition. "
        "The Pellona Rights Network said it had registered 212 people with eye trauma, and that 40 of them have lost an eye. "
        "The network said it could not locate 19 people who had been detained. "
        "The Pellona Resistance Committees said 40 of their members were detained in dawn raids and taken to unknown places. "
        "The union said its own tally put the dead at 21. "
        "Three of the attackers were killed, the Varsk police said."
    )
    got = [(c.figure_low, c.category) for c in extract_claims(document(body))]
    assert got == [(236, "injured"), (61, "injured"), (4, "injured"), (212, "injured"), (40, "injured"),
                   (19, "missing"), (40, "missing"), (21, "killed"), (3, "killed")]


def test_a_printed_interview_labels_its_voices_in_ordinary_case():
    body = (
        "Varsk Weekly - Interview\n\n"
        "Lena Ostrova, 47, is the director of the Pellona Rights Network (PRN), a coalition of monitors.\n\n"
        "Varsk Weekly: How many people have been killed?\n\n"
        "Lena Ostrova: We have registered 31 deaths, and 12 people are still missing.\n\n"
        "Varsk Weekly: And the arrests?\n\n"
        "Lena Ostrova: More than 900 people detained in ten days.\n"
    )
    got = [(c.figure_low, c.category, c.claimant_key) for c in extract_claims(document(body))]
    assert got == [(31, "killed", "Pellona Rights Network"), (12, "missing", "Pellona Rights Network"),
                   (900, "arrested", "Pellona Rights Network")]


def test_a_double_surname_used_alone_is_the_person_named_in_full():
    body = (
        "The Ombudsman, Dr. Marta Ocaña Ruiz, spoke to reporters.\n\n"
        "OCAÑA: We have registered 23 deaths since June.\n\n"
        "QUESTION (Varsk Radio): And the injured?\n\n"
        "OCAÑA: At least 140 people were injured.\n"
    )
    got = [(c.figure_low, c.claimant_key) for c in extract_claims(document(body))]
    assert got == [(23, "Ombudsman"), (140, "Ombudsman")]


def test_claimant_names_lose_what_is_not_the_name():
    from reckon.claims.claimants import canonical_claimant

    assert canonical_claimant("a list of names compiled by village elders") == "village elders"
    assert canonical_claimant("the Confederation of Pellonese Workers (CPW") == "Confederation of Pellonese Workers"
    assert canonical_claimant("the press service of the Varsk Interior Ministry") == "Varsk Interior Ministry"


def test_a_prefect_and_a_hospitals_management_speak_and_an_events_day_in_words_is_not_theirs():
    body = (
        "In Bouanga, the prefect of the province told Varsk Radio that one person had died and five had been "
        "injured on Thursday. "
        "The management of the Varsk General Hospital reports that 58 injured people have been treated there."
    )
    got = [(c.figure_low, c.claimant_key, c.claim_date) for c in extract_claims(document(body))]
    assert got == [(1, "prefect of the province", None), (5, "prefect of the province", None), (58, "Varsk General Hospital", None)]


def test_the_group_is_the_human_rights_centre_named_before_it():
    body = (
        "At least 23 people have been killed in three nights of protests, the Varsk Human Rights Centre said on Thursday.\n\n"
        "The group, which gathers information from hospitals, morgues and families, said 17 of the dead were killed in the capital.\n\n"
        "The exiled opposition Free Pellona Council said its own count had reached 31 dead."
    )
    got = [(c.figure_low, c.claimant_key) for c in extract_claims(document(body))]
    assert got == [(23, "Varsk Human Rights Centre"), (17, "Varsk Human Rights Centre"), (31, "Free Pellona Council")]


def test_papers_body_parts_mourners_and_people_found_again_are_not_tolls():
    body = (
        "The Varsk League examined 23 death certificates and said 30 people had been killed. "
        "The ministry said 212 people were injured, 31 of whom had lost the sight of one eye, and 80 eye injuries. "
        "The hospital treated 58 injured people; 40 of them have already gone home. "
        "The network could not locate 19 detainees. Sixteen of them appeared later in the central prison."
    )
    got = [(c.figure_low, c.category) for c in extract_claims(document(body))]
    assert got == [(30, "killed"), (212, "injured"), (31, "injured"), (80, "injured"), (58, "injured"), (19, "missing")]


def test_parts_of_a_named_total_detainees_treated_and_funerals_held():
    body = (
        "The Varsk Rights Coalition said at least 96 of the 640 people arrested were minors and that 11 detainees "
        "had been treated in hospital for injuries. "
        "Our correspondent says funerals for at least 30 of the victims were held this morning."
    )
    got = [(c.figure_low, c.category) for c in extract_claims(document(body))]
    assert got == [(96, "arrested"), (11, "injured"), (30, "killed")]


def test_a_verbatim_records_speaker_keeps_the_floor_until_the_next_label():
    body = (
        "CHAIR (Speaker B. Varo): The floor is given to Deputy Lena Ostrova.\n\n"
        "L. OSTROVA: Thank you, Mr Speaker.\n\n"
        "My office has received the names of 131 people killed in the north alone.\n\n"
        "A. MARKOV (Order faction): The official toll is 57.\n\n"
        "P. DRAVEC (Minister of Internal Affairs): As of this morning, 7,210 people have been detained.\n\n"
        "CHAIR: We move to the next item.\n"
    )
    got = [(c.figure_low, c.category, c.claimant_key) for c in extract_claims(document(body))]
    assert got[0] == (131, "killed", "Lena Ostrova")  # her paragraph after her label's
    assert [key for *_, key in got[1:]] == ["A. Markov", "Ministry of Internal Affairs"]


def test_known_by_its_initials_names_the_body():
    body = "The Varsk Coalition for Human Rights, known by its French initials CVDH, said 212 people had been wounded. The CVDH put the toll at five."
    assert {c.claimant_key for c in extract_claims(document(body))} == {"Varsk Coalition for Human Rights"}


def test_a_table_comparing_sources_gives_each_row_to_its_source():
    body = (
        "Report of the Varsk Rights Centre\n"
        "Table 2. Official and independent figures compared\n"
        "Source (date) Killed Injured Detained\n"
        "Varsk Interior Ministry (9 January) 44 1,317 5,802\n"
        "Varsk Rights Centre (this report) 118 1,900+ 9,400+\n"
        "The difference cannot be explained by the security forces alone.\n"
    )
    got = [(c.figure_low, c.figure_high, c.category, c.claimant_key) for c in extract_claims(document(body))]
    assert got == [
        (44, 44, "killed", "Varsk Interior Ministry"), (1317, 1317, "injured", "Varsk Interior Ministry"),
        (5802, 5802, "arrested", "Varsk Interior Ministry"), (118, 118, "killed", "Varsk Rights Centre"),
        (1900, None, "injured", "Varsk Rights Centre"), (9400, None, "arrested", "Varsk Rights Centre"),
    ]


def test_a_pdf_table_with_subgroup_columns_and_a_row_label_holding_a_full_stop():
    body = (
        "Report of the Varsk Rights Centre\n"
        "People killed by the security forces, by city\n"
        "City Killed Identified by name Children\n"
        "Nerezh 44 43 6\n"
        "Old town (incl. Kestra block) 29 27 3\n"
        "Total 73 70 9\n"
        "The killings in Nerezh took place on 6 March.\n"
    )
    got = [(c.figure_low, c.category, c.subgroup, c.place) for c in extract_claims(document(body))[:6]]
    assert got == [
        (44, "killed", None, "Nerezh"), (43, "killed", "identified by name", "Nerezh"), (6, "killed", "children", "Nerezh"),
        (29, "killed", None, "Old town (incl. Kestra block)"), (27, "killed", "identified by name", "Old town (incl. Kestra block)"),
        (3, "killed", "children", "Old town (incl. Kestra block)"),
    ]


def test_an_interviewee_who_works_for_a_body_speaks_for_it_and_its_branches_are_its_own():
    body = (
        "VARSK REVIEW - INTERVIEW\n\n"
        "Dana Ilvo has investigated killings in the west for the Pellona Human Rights League since 2031.\n\n"
        "Varsk Review: How many?\n\n"
        "Dana Ilvo: We have 104 names.\n\n"
        "Varsk Review: And the army?\n\n"
        "Dana Ilvo: About 40 men were killed in the square.\n"
    )
    assert {c.claimant_key for c in extract_claims(document(body))} == {"Pellona Human Rights League"}
    party = "The Civic Renewal Party said 52 people had been killed, citing reports from its local branches."
    assert [(c.claimant_key, c.via) for c in extract_claims(document(party))] == [("Civic Renewal Party", None)]


def test_detainees_without_news_are_missing_and_a_cells_size_is_no_figure():
    body = (
        "The Varsk Rights Centre listed the families of 19 detainees without news. "
        "Former detainees told the centre that up to 60 men were held in cells built for 12. "
        "The families of 143 people detained in March have received no official information about where they are held."
    )
    got = [(c.figure_low, c.figure_high, c.category) for c in extract_claims(document(body))]
    assert got == [(19, 19, "missing"), (None, 60, "arrested"), (143, 143, "missing")]


def test_martyrs_and_saboteurs_are_people_counted():
    body = (
        "Among the martyrs are six children and two women, the Varsk Free Radio said. "
        "The ministry said 212 police officers had been injured and 1,480 saboteurs had been detained."
    )
    got = [(c.figure_low, c.category) for c in extract_claims(document(body))]
    assert got == [(6, "killed"), (2, "killed"), (212, "injured"), (1480, "arrested")]
