"""Who claims a figure: our own sentences about a fictional country, Veloria."""

from __future__ import annotations

import pytest


def who(claims):
    return [(c.figure_low or c.figure_high, c.claimant_key, c.via) for c in claims]


@pytest.mark.parametrize(
    ("body", "figure", "key"),
    [
        ("According to the Veloria Rights Monitor, 41 people were killed.", 41, "Veloria Rights Monitor"),
        ("At least 41 people were killed, according to Amnesty International.", 41, "Amnesty International"),
        ("The Veloria Rights Monitor said on Wednesday that 41 people were killed.", 41, "Veloria Rights Monitor"),
        ("Forty-one people were killed, the Veloria Rights Monitor said.", 41, "Veloria Rights Monitor"),
        ("Forty-one people were killed, said the Veloria Rights Monitor.", 41, "Veloria Rights Monitor"),
        ("The Veloria Rights Monitor has documented the deaths of 41 people.", 41, "Veloria Rights Monitor"),
        ("A tally of 41 dead was published by the Veloria Rights Monitor.", 41, "Veloria Rights Monitor"),
        ("The Veloria Rights Monitor's latest figures show 41 people killed.", 41, "Veloria Rights Monitor"),
        ("Police killed 41 protesters in Castrel.", 41, "author"),
        ("We have documented the killing of 41 people.", 41, "author"),
        ("Halvik, the head of the security committee, said 41 people died.", 41, "Halvik"),
    ],
)
def test_claimant_patterns(claims_in, body, figure, key):
    assert who(claims_in(body))[0][:2] == (figure, key)


def test_organisation_aliases_share_one_key(claims_in):
    found = claims_in(
        "The Free Veloria Council (FVC) said 1,500 were killed. The FVC also said 12,000 were arrested. "
        "The council added that 4,000 were injured."
    )
    assert {c.claimant_key for c in found} == {"Free Veloria Council"}
    found = claims_in("Amnesty said 41 were killed. Doctors Without Borders treated 60 wounded people, MSF said.")
    assert {c.claimant_key for c in found} == {"Amnesty International", "MSF"}


def test_a_figure_can_carry_two_claims(claims_in):
    found = claims_in(
        "Meridian Press confirmed on May 6 the toll of 300 that was announced by the Free Veloria Council on May 2.",
        published="2024-05-07",
    )
    assert sorted((c.claimant_key, c.claim_date) for c in found) == [
        ("Free Veloria Council", "2024-05-02"), ("Meridian Press", "2024-05-06"),
    ]


def test_intermediaries(claims_in):
    told = claims_in("Three interior ministry officials told Meridian Press that 1,500 people were killed.")
    citing = claims_in("VTV, citing the Velorian Health Ministry, said 37 people had been killed.")
    assert who(told) == [(1500, "interior ministry", "Meridian Press")]
    assert who(citing) == [(37, "Velorian Health Ministry", "VTV")]


def test_citing_evidence_keeps_the_speaker(claims_in):
    found = claims_in("Security forces shot dead at least 23 children, Amnesty International said, citing witnesses.")
    assert who(found) == [(23, "Amnesty International", None)]


def test_descriptions_resolve_to_the_last_named_body(claims_in):
    found = claims_in(
        "The Veloria Rights Monitor published its report on Monday. The rights group said 58 people were killed. "
        "It added that 19 protesters remain missing."
    )
    assert {c.claimant_key for c in found} == {"Veloria Rights Monitor"}


def test_spokespeople_and_ministers_speak_for_their_body(claims_in):
    found = claims_in(
        "The ministry spokesman, Arun Keel, dismissed the report. Interior Minister Teodor Halvik said 12 people had died. "
        "Some 900 rioters have been detained, Mr Keel said."
    )
    assert [c.claimant_key for c in found] == ["Interior Ministry", "ministry"]


def test_a_quotation_keeps_its_speaker(claims_in):
    found = claims_in(
        "The Free Veloria Council's leader, Anya Sorel, told a rally in Brussels:\n\n"
        "\u201cThe regime has killed three hundred of our young people. It has hanged two more.\u201d\n\n"
        "Police later said 40 people had been arrested."
    )
    assert [(c.figure_low, c.category, c.claimant_key) for c in found] == [
        (300, "killed", "Free Veloria Council"), (2, "executed", "Free Veloria Council"), (40, "arrested", "Police"),
    ]


def test_first_person_in_a_quotation_is_the_speaker(claims_in):
    found = claims_in('"Our researchers have confirmed each of the 41 deaths," said Mira Jansen, a lawyer in Castrel.')
    assert who(found) == [(41, "Mira Jansen", None)]


def test_disputes_name_who_rejects_the_figure(claims_in):
    same = claims_in("The ministry dismissed Amnesty's figure of 304 deaths as exaggerated.")
    later = claims_in("Amnesty International said 304 people had been killed. The government rejected the figure.")
    assert [(c.claimant_key, c.disputed_by) for c in same] == [("Amnesty International", "The ministry")]
    assert [(c.claimant_key, c.disputed_by) for c in later] == [("Amnesty International", "The government")]


@pytest.mark.parametrize(
    ("body", "hedged"),
    [
        ("At least 45 people may have been killed, the UN said.", True),
        ("Reportedly 45 people were killed.", True),
        ("As many as 45 people are believed to have died.", True),
        ("At least 45 people were killed, the UN said.", False),
    ],
)
def test_hedges(claims_in, body, hedged):
    assert [c.hedged for c in claims_in(body)] == [hedged]


@pytest.mark.parametrize(
    ("body", "date"),
    [
        ("On March 10, 2024, the Monitor said 41 people were killed.", "2024-03-10"),
        ("The Monitor said on Monday that 41 people were killed.", "2024-03-11"),  # document: Wed 13th
        ("The Monitor said on Wednesday that 41 people were killed.", "2024-03-13"),
        ("The Monitor said in February that 41 people were killed.", "2024-02"),
        ("The Monitor said yesterday that 41 people were killed.", "2024-03-12"),
        ("The Monitor said earlier that 41 people were killed.", None),
        ("41 people were killed on Monday.", None),  # the author's own claim: the document date applies
    ],
)
def test_claim_dates(claims_in, body, date):
    assert [c.claim_date for c in claims_in(body, published="2024-03-13")] == [date]


def test_offsets_index_the_whole_file(claims_in):
    from tests.claims.conftest import document

    doc = document("Police said 240 people had been detained. Officials said 7 died.")
    from reckon.claims import extract_claims

    for claim in extract_claims(doc):
        assert doc.text[claim.start : claim.end] == claim.quote
        assert claim.file == "t.txt" and claim.document_date == "2024-03-13"


def test_a_further_figure_continues_the_previous_account(claims_in):
    found = claims_in(
        "According to the Interior Ministry, 14 people died. A further 230 officers were injured.\n\n"
        "Another 12 were arrested in Pellin."
    )
    assert [(c.figure_low, c.claimant_key) for c in found] == [
        (14, "Interior Ministry"), (230, "Interior Ministry"), (12, "author"),
    ]


def test_more_real_world_phrasings(claims_in):
    found = claims_in(
        "Amnesty International published a report on Monday. Officials met the press later. "
        'A spokesman for the judiciary said that "about 7,000" had been detained. '
        "Local media reported that 40 people had been killed in Pellin, a figure disputed by officials. "
        "The rights group estimated that 304 men, women and children were killed."
    )
    assert [(c.figure_low, c.category, c.claimant_key, c.disputed_by, c.subgroup) for c in found] == [
        (7000, "arrested", "judiciary", None, None),
        (40, "killed", "local media", "officials", None),
        (304, "killed", "Amnesty International", None, None),
    ]


def test_it_refers_to_the_sentence_subject_not_the_dateline(claims_in):
    found = claims_in(
        "ALDMAR, May 6 (Continental Wire) - Veloria's government on Monday raised its toll to 37, "
        "more than double the 14 it had announced in March.",
        published="2024-05-07",
    )
    assert [(c.figure_low, c.claimant_key) for c in found] == [(37, "Veloria's government"), (14, "Veloria's government")]


# -- Rules added for unseen phrasings (our own sentences; none taken from the simulator) --------
def keys(claims):
    return {(c.figure_low or c.figure_high, c.claimant_key) for c in claims}


@pytest.mark.parametrize(
    ("body", "figure", "key"),
    [
        # a description resolves to the body named earlier whose name holds its head noun
        ("The Tarn Valley Inquiry Commission opened hearings on Monday. The commission believes "
         "40 to 90 people were killed.", 40, "Tarn Valley Inquiry Commission"),
        ("The Northern Unity Front called a strike. Fresh counts push the toll higher: over 300 "
         "deaths have been logged, the front said.", 300, "Northern Unity Front"),
        ("The Harbour Relief Collective met donors. A collective spokesman said 55 people died.",
         55, "Harbour Relief Collective"),
        # a named body inside the UN keeps its own name, and later UN descriptions resolve to it
        ("The UN Independent Inquiry Team arrived on Monday. The team believes 50 to 80 people "
         "were killed.", 50, "UN Independent Inquiry Team"),
        ("The UN Independent Inquiry Team arrived in May. Two weeks on, United Nations "
         "investigators put the toll at 95.", 95, "UN Independent Inquiry Team"),
        ("The United Nations said 12 aid workers were injured.", 12, "United Nations"),
        # an unnamed source behind a named subject is evidence, not the claimant
        ("The Daily Lantern put the toll at about 60, according to two officials who asked not "
         "to be named.", 60, "Daily Lantern"),
        ("About 60 people were killed, the Daily Lantern has learned, according to two officials.",
         60, "Daily Lantern"),
        ("At least 60 people were killed, according to the Castrel Bar Association.", 60, "Castrel Bar Association"),
        # verbs the old list missed
        ("The health ministry has spoken of 70 dead.", 70, "health ministry"),
        ("The Kestrel Observatory counts 77 people killed in the port.", 77, "Kestrel Observatory"),
        ("The Harbour Relief Network has now named 120 victims.", 120, "Harbour Relief Network"),
        # a sentence-opening adverbial phrase or function word is never the claimant
        ("In its annual review, the Kestrel Observatory lists 77 people killed.", 77, "Kestrel Observatory"),
        ("New reports from the coast raise the count: 44 deaths have been logged, the Northern "
         "Unity Front said.", 44, "Northern Unity Front"),
        ("Police said 240 people had been detained.", 240, "Police"),
    ],
)
def test_generalised_attribution(claims_in, body, figure, key):
    assert (figure, key) in keys(claims_in(body))


def test_a_comment_on_the_figure_is_not_the_claim(claims_in):
    found = claims_in("The Harbour Relief Network has now named 120 victims, a number that "
                      "neighbours there say is far too low.")
    assert keys(found) == {(120, "Harbour Relief Network")}


def test_a_later_verb_with_its_own_figure_does_not_take_ours(claims_in):
    found = claims_in("The health ministry has spoken of 70 dead, while a exile group says at "
                      "least 650 were killed.")
    assert (70, "health ministry") in keys(found)
    assert (70, "exile group") not in keys(found)


def test_lowercase_spokesperson_title_speaks_for_the_body(claims_in):
    found = claims_in("Security ministry spokeswoman Lena Dorsk announced that 45 people had died. "
                      "Later, she said up to 300 protesters had been detained.")
    assert keys(found) == {(45, "Security Ministry"), (300, "Security Ministry")}


def test_spokesman_in_apposition_and_pronoun_after(claims_in):
    found = claims_in("Omar Felt, the Health Ministry spokesman, said 12 people were injured. "
                      "He added that 30 people were arrested.")
    assert keys(found) == {(12, "Health Ministry"), (30, "Health Ministry")}


def test_a_figure_called_false_is_the_owner_claim_disputed_by_the_speaker(claims_in):
    found = claims_in("Security Ministry spokeswoman Lena Dorsk spoke to reporters. The estimate of "
                      "900 dead put out by the Northern Unity Front is “a lie”, Lena Dorsk said.")
    nine_hundred = [c for c in found if c.figure_low == 900]
    assert [c.claimant_key for c in nine_hundred] == ["Northern Unity Front"]
    assert nine_hundred[0].disputed_by == "Lena Dorsk"


def test_relatives_telling_the_paper_keep_their_claim(claims_in):
    # reported speech with a named source group is that group's claim, not the author's
    found = claims_in("Soldiers detained dozens of students, neighbours told the Courier.")
    assert keys(found) == {(24, "neighbours")}


def test_a_minister_described_by_title_speaks_for_the_ministry_and_dates_are_not_names(claims_in):
    found = claims_in("On Tuesday, the Interior Minister said about 200 people had died.")
    assert keys(found) == {(200, "Interior Ministry")}


def test_its_report_is_the_owner_speaking(claims_in):
    found = claims_in("The Ministry of Health in Varda said 37 people were killed. "
                      "Its latest update reported 59 injured.")
    assert keys(found) == {(37, "Ministry of Health in Varda"), (59, "Ministry of Health in Varda")}


@pytest.mark.parametrize(
    ("body", "figure", "key"),
    [
        ("The Kurdistan-based monitor Dastan Watch reported 18 deaths in Sarabet.", 18, "Dastan Watch"),
        ("The exile outlet Free Voice Radio reported 25 deaths in Lisk.", 25, "Free Voice Radio"),
        ("The toll of 76, compiled from hospital records by the Marrin Medical Council, was "
         "disputed by the health ministry.", 76, "Marrin Medical Council"),
        ("A count of 64 dead released on Friday by the Castrel Families' Committee circulated widely.",
         64, "Castrel Families' Committee"),
    ],
)
def test_descriptors_before_a_name_and_agents_after_a_phrase(claims_in, body, figure, key):
    assert (figure, key) in keys(claims_in(body))


def test_a_subset_sentence_counts_within_the_previous_figure(claims_in):
    found = claims_in("At least 120 people have been killed in Lisk. Among them are 14 children and 9 women.")
    subsets = {(c.figure_low, c.category, c.subgroup, c.claimant_key) for c in found if c.subgroup}
    assert subsets == {(14, "killed", "children", "author"), (9, "killed", "women", "author")}


def test_a_subset_sentence_keeps_the_speaker_and_needs_a_figure_before(claims_in):
    found = claims_in("The Marrin Monitor said 40 people were detained. Of these, 6 are journalists.")
    assert (6, "arrested", "Marrin Monitor") in {(c.figure_low, c.category, c.claimant_key) for c in found}
    assert claims_in("Bread prices rose sharply. Among them are 3 bakeries.") == []


def test_subset_of_a_named_category_and_a_toll_that_may_be_higher(claims_in):
    found = claims_in("Of those killed, 9 were women. Demographers said the real toll could be as high as 600.")
    got = {(c.figure_low, c.figure_high, c.category, c.claimant_key) for c in found}
    assert (9, 9, "killed", "author") in got
    assert (None, 600, "killed", "Demographers") in got


def test_a_subset_sentence_may_follow_one_remark_without_figures(claims_in):
    found = claims_in("At least 120 people have been killed. The real toll is higher. Among them are 14 children.")
    assert (14, "killed", "children") in {(c.figure_low, c.category, c.subgroup) for c in found}
    found = claims_in("At least 120 people have been killed. Rents rose by 30 percent. Among them are 14 children.")
    assert 14 not in {c.figure_low for c in found}


def test_the_name_before_an_apposition_decides_the_key(claims_in):
    found = claims_in("Kestrel News, a news agency close to the Republican Guards, said 15 members of "
                      "the security forces died.")
    assert keys(found) == {(15, "Kestrel News")}


def test_according_to_figures_compiled_by_one_claim(claims_in):
    found = claims_in("The Lisk Families Network met on Sunday. According to figures compiled by the "
                      "network, which relies on volunteers, 612 people have been arrested.")
    assert keys(found) == {(612, "Lisk Families Network")}


@pytest.mark.parametrize(
    ("body", "figure", "key"),
    [
        ("Earlier this week the Lisk Bar Association said 70 lawyers had been detained.", 70, "Lisk Bar Association"),
        ("Local journalist Mina Rast wrote on social media that 12 people were shot dead.", 12, "Mina Rast"),
        ("Two medical sources told the Lisk Herald that at least 33 bodies had arrived.", 33, "medical sources"),
    ],
)
def test_time_phrases_roles_and_bare_adjectives_in_keys(claims_in, body, figure, key):
    assert (figure, key) in keys(claims_in(body))


def test_an_indefinite_resolves_only_to_a_name_with_its_head_word(claims_in):
    found = claims_in("The Democratic Renewal Coalition held a rally. An opposition coalition says at "
                      "least 800 were killed. The Red Crescent met donors. Lisk Radio, quoting a "
                      "provincial official, said 6 police officers had been killed.")
    assert keys(found) == {(800, "Democratic Renewal Coalition"), (6, "provincial official")}


def test_opposition_before_a_party_name_and_people_among_the_wounded(claims_in):
    found = claims_in("The opposition Liberty Party put the number of dead at 210. The Red Crescent "
                      "said 17 volunteers were among the wounded.")
    assert keys(found) == {(210, "Liberty Party"), (17, "Red Crescent")}


def test_the_opposition_resolves_only_to_a_body_called_opposition(claims_in):
    found = claims_in("The UN Office in Lisk met donors. The opposition speaks of more than 1,050 dead.")
    assert keys(found) == {(1050, "opposition")}
    found = claims_in("The Liberty Party, the main opposition group, held a rally. The UN Office met. "
                      "The opposition says 300 were killed.")
    assert keys(found) == {(300, "Liberty Party")}


@pytest.mark.parametrize(
    ("body", "figure", "key"),
    [
        ("The report, released by the Castrel Human Rights Centre on Tuesday, lists 143 people killed.",
         143, "Castrel Human Rights Centre"),
        ("A hospital director in Lisk, speaking anonymously, said his hospital had received 31 bodies.",
         31, "Lisk hospital director"),
        ("Veloria's health minister, Ana Sorn, told parliament on Wednesday that 58 people had died.",
         58, "Health Ministry"),
    ],
)
def test_records_places_and_titled_names_before_the_verb(claims_in, body, figure, key):
    assert keys(claims_in(body)) == {(figure, key)}


def test_a_quotation_attributed_after_it_runs_on_into_the_next_quoted_sentence(claims_in):
    found = claims_in("“They opened fire without warning,” said Tomas Krall, a shopkeeper in Varro. "
                      "“I saw at least eight bodies in the street.”")
    assert keys(found) == {(8, "Tomas Krall")}
    found = claims_in("“It was chaos,” Lina Marsh said. At least 30 people died in the clashes.")
    assert keys(found) == {(30, "author")}


def test_narration_after_a_trailing_attribution_is_the_authors(claims_in):
    found = claims_in("Troops have killed at least 20 people, the Lisk Monitor said on Friday, as "
                      "protests spread to more than 15 towns.")
    assert keys(found) == {(20, "Lisk Monitor"), (15, "author")}
    found = claims_in("The Lisk Monitor said 20 people were killed, while 300 were detained.")
    assert keys(found) == {(20, "Lisk Monitor"), (300, "Lisk Monitor")}
