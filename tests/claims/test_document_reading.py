"""Attribution that reads the whole document: headlines, ledes, quotations, descriptions.

Our own sentences about fictional places; real spaCy is not used by the extractor any more (its
entities changed no claim), so these run the rules alone.
"""

from __future__ import annotations


def keys(claims):
    return [(c.figure_low if c.figure_low is not None else c.figure_high, c.category, c.claimant_key) for c in claims]


def test_a_lede_description_takes_the_name_the_next_paragraph_gives(claims_in):
    found = claims_in(
        "Strikes kill 19 in Dessa, doctors say\n\n"
        "KAVIR, June 2 (Wire) - Air strikes killed at least 19 people in Dessa, a medical group said.\n\n"
        "The Kavir Doctors' Union, which has volunteers in every hospital, said six of the dead were children.",
        published="2031-06-02",
    )
    assert keys(found) == [(19, "killed", "Kavir Doctors' Union"), (6, "killed", "Kavir Doctors' Union")]
    assert found[0].alt_quotes[0].text.startswith("Strikes kill 19")  # the headline repeats the lede


def test_a_headline_figure_the_body_does_not_give_is_the_authors(claims_in):
    found = claims_in("Jets kill 16 as toll nears 500\n\nJets struck three villages, killing 9, 4 and 3 people.")
    assert (16, "killed", "author") in keys(found)
    assert (500, "killed", "author") in keys(found)


def test_several_sources_in_one_sentence_each_keep_their_figure(claims_in):
    found = claims_in("The monitor says 400 have been killed, while the ministry puts the toll at 120 and the rebels at 900.")
    assert keys(found) == [(400, "killed", "monitor"), (120, "killed", "ministry"), (900, "killed", "rebels")]


def test_a_quotation_attributed_where_it_closes(claims_in):
    found = claims_in(
        'Dr. Lea Voss, head of the Arvo Medical Council, spoke by phone.\n\n'
        '"We have the names of 212 of the dead. Another 40 are missing," Dr. Voss said.'
    )
    assert keys(found) == [(212, "killed", "Arvo Medical Council"), (40, "missing", "Arvo Medical Council")]


def test_the_speaker_of_reported_speech_claims_it(claims_in):
    found = claims_in("Spokesman Ivo Lark said UN agencies had confirmed 61 deaths, and that the Arvo Network counted 70.")
    assert (61, "killed", "Ivo Lark") in keys(found)
    relayed = claims_in("The deputy Mara Velt said families had told her of several men who died in custody.")
    assert keys(relayed) == [(3, "killed", "families")]


def test_the_publishers_own_tally_is_the_authors(claims_in):
    found = claims_in(
        "NAIROBI (AFP) - At least 31 people were killed in the attack, according to an AFP tally. "
        "A nurse told AFP that 12 more had died."
    )
    assert keys(found)[0] == (31, "killed", "author")
    assert found[1].via is None  # "told AFP" in an AFP story names no intermediary


def test_owners_of_records_units_and_statements(claims_in):
    found = claims_in(
        "The Arvo Front said its fighters held the town. The Front's field command said 23 villagers died. "
        "The command said 40 or 45 were wounded. The Tarsa Ministry of Health issued a statement. "
        "According to the statement, 214 soldiers were killed."
    )
    assert keys(found) == [
        (23, "killed", "Arvo Front"), (40, "injured", "Arvo Front"), (214, "killed", "Tarsa Ministry of Health"),
    ]


def test_pronouns_follow_the_subject_and_the_last_speaker(claims_in):
    found = claims_in(
        "The Arvo Network, a rights group cited by the United Nations, counts only verified deaths. "
        "It said 15 more people had been killed. A resident reached by phone described the shelling. "
        '"We counted eleven bodies on our street," he said.'
    )
    assert keys(found) == [(15, "killed", "Arvo Network"), (11, "killed", "resident")]


def test_staff_of_a_named_body_and_described_bodies_named_more_fully(claims_in):
    found = claims_in(
        "A doctor at the city's main hospital said 17 people were killed. Dr. Sami Orr, head of "
        "emergency medicine at Arvo Referral Hospital, said 41 were injured. The health ministry in "
        "Arvo says 600 people have been killed. Ministry spokesman Tal Em said 600 had died."
    )
    assert keys(found) == [
        (17, "killed", "Arvo Referral Hospital"), (41, "injured", "Arvo Referral Hospital"), (600, "killed", "Arvo health ministry"),
    ]
    assert len(found[2].alt_quotes) == 1  # the spokesman repeats the ministry's figure


def test_a_figure_the_text_refers_back_to_is_a_quote_of_its_claim(claims_in):
    found = claims_in(
        "The Arvo Network said 1,204 people were killed. A toll of 1,204 is not a headline; "
        "the 1,204 dead are people."
    )
    assert keys(found) == [(1204, "killed", "Arvo Network")]
    assert len(found[0].alt_quotes) == 2
