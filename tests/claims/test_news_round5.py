"""Round 5 of the extractor on news (after the fifth set's errors were studied): a body that
puts or gives its own losses, a medium before the subject, the one health body behind "health
officials", a communiqué reproduced point by point, a body that regrets deaths. Every text here
is our own invented sentence (Tarvelia, Ombrin and their bodies are fictional)."""

from __future__ import annotations

from reckon.claims import extract_claims

from .conftest import document


def keyed(body: str, published: str = "2038-03-18") -> list[tuple[int | None, str, str | None]]:
    return [(c.figure_low, c.claimant_key, c.claim_date) for c in extract_claims(document(body, published))]


def test_a_body_that_puts_or_gives_its_own_losses_is_the_claimant():
    body = (
        "The Tarvelian Border Guard put its own losses at six dead and 14 wounded. "
        "On Tuesday the Ombrin Defence Ministry gave its losses as 4 killed."
    )
    got = keyed(body)
    assert [(n, key) for n, key, _ in got] == [
        (6, "Tarvelian Border Guard"), (14, "Tarvelian Border Guard"), (4, "Ombrin Defence Ministry")
    ]


def test_the_post_or_statement_a_body_spoke_in_is_not_the_speaker():
    body = "In the same post the Ombrin Defence Ministry gave its own losses as 11 killed and 26 wounded."
    assert {key for _, key, _ in keyed(body)} == {"Ombrin Defence Ministry"}


def test_health_officials_are_the_one_health_body_even_beside_a_hospital():
    body = (
        "Shelling hit the Ombrin bus station on Sunday, killing at least 21 people, health officials in the city said.\n\n"
        "The Ombrin Health Directorate said 9 of the wounded were in critical condition.\n\n"
        "Doctors at Ombrin Central Hospital said they had run out of blood."
    )
    assert [key for _, key, _ in keyed(body)] == ["Ombrin Health Directorate", "Ombrin Health Directorate"]


def test_health_workers_are_not_officials_of_the_health_body():
    body = (
        "The Ombrin Health Directorate said 9 people were killed.\n\n"
        "Local health workers estimate that 30 more wounded people never reached a hospital."
    )
    assert keyed(body)[1][1] != "Ombrin Health Directorate"


def test_a_communique_reproduced_in_full_speaks_for_its_issuer_through_its_numbered_points():
    body = (
        "The Tarvelian Ministry of Public Order issued on Monday evening its third communiqué on the unrest. "
        "Channel One reproduces the text in full below.\n"
        "COMMUNIQUE No. 3 OF THE MINISTRY OF PUBLIC ORDER\n"
        "1. Rioters attacked police stations in two districts.\n"
        "2. Seventeen (17) officers suffered injuries.\n"
        "3. A total of forty (40) individuals were detained.\n"
        "Our correspondent said 3 shops were burned."
    )
    got = [(c.figure_low, c.claimant_key, c.claim_date) for c in extract_claims(document(body, "2038-03-17")) if c.category != "scope"]
    assert [(n, key) for n, key, _ in got[:2]] == [(17, "Tarvelian Ministry of Public Order"), (40, "Tarvelian Ministry of Public Order")]
    assert got[0][2] == "2038-03-15"  # the Monday it was issued
    assert len(got) == 2  # the correspondent's shops are no casualty figure, and the outlet's voice is its own


def test_a_body_that_regrets_deaths_claims_them():
    body = "The Ministry of Public Order regrets that two citizens lost their lives during an investigation by the prosecutor."
    assert [key for _, key, _ in keyed(body)] == ["Ministry of Public Order"]


def test_a_body_that_has_just_updated_or_gave_figures_speaks_for_the_figures_after_its_colon():
    assert {key for _, key, _ in keyed("The Ombrin Health Directorate has just updated its count for Sunday's strike: 46 dead and 158 wounded.")} == {
        "Ombrin Health Directorate"
    }
    assert {key for _, key, _ in keyed("The Ombrin Health Directorate gave figures for the strike: 46 dead.")} == {"Ombrin Health Directorate"}


def test_her_office_is_the_body_of_the_woman_just_named():
    body = "Ombudsman Dalia Varesko said her staff had confirmed 9 deaths. Her office had reported five deaths on Sunday."
    assert [key for _, key, _ in keyed(body)] == ["Ombudsman", "Ombudsman"]


def test_this_newspaper_is_the_publisher_itself():
    assert keyed("This newspaper has confirmed the deaths of 22 of the soldiers.")[0][1] == "author"


def test_a_part_the_writer_verified_stays_the_writers_own_and_not_the_last_body_quoted():
    body = (
        "The Prosecutor's Office said on Wednesday that 1,140 people remained in custody.\n\n"
        "We have received information on the deaths of at least 180 people. We have so far been able to verify 97 of these deaths."
    )
    assert [key for _, key, _ in keyed(body)] == ["Prosecutor's Office", "author", "author"]


def test_a_countrys_defence_ministry_is_the_ministry_of_defence_the_text_names():
    body = (
        "Kordazi Ministry of Defence\n\n"
        "Kordaz's defence ministry wrote on Wednesday that 150 enemy soldiers had been killed."
    )
    assert [key for _, key, _ in keyed(body)] == ["Kordazi Ministry of Defence"]


def categorised(body: str) -> list[tuple[str, int | None]]:
    return [(c.category, c.figure_low) for c in extract_claims(document(body))]


def test_a_part_of_a_stated_total_is_the_claim_and_the_total_is_not():
    assert categorised("The mining company said 212 of its 4,600 employees had been detained.") == [("arrested", 212)]
    assert categorised("The monitor said 14 of the 15 had been shot dead.") == [("killed", 14)]


def test_the_already_dead_among_the_wounded_brought_in_are_dead():
    body = "The hospital received 61 wounded. Fourteen of them were already dead when they reached us."
    assert categorised(body) == [("injured", 61), ("killed", 14)]


def test_people_under_sentence_of_death_are_not_executed_and_beds_are_not_people():
    body = (
        "At least 41 people have been executed since January, and at least 120 others are under sentence of death. "
        "The clinic, which has two operating theatres and 48 beds, received 9 wounded."
    )
    assert categorised(body) == [("executed", 41), ("injured", 9)]


def test_a_group_in_a_wire_lede_is_never_the_wire_and_is_the_body_named_for_its_describing_words():
    body = (
        "OMBRIN, March 14 (Reuters) - At least 47 people have been killed since police began breaking up protests "
        "over the disputed election on Tuesday, a civil liberties group said on Friday.\n\n"
        "The Tarvelian Centre for Civil Liberties (TCCL) said 31 of the dead were killed in the capital."
    )
    assert [(n, key) for n, key, _ in keyed(body, "2038-03-14")][:2] == [
        (47, "Tarvelian Centre for Civil Liberties"), (31, "Tarvelian Centre for Civil Liberties")
    ]


def test_deaths_acknowledged_by_a_body_are_its_claim():
    body = "At least 47 people have been killed since Tuesday, a rights group said, far more than the six deaths acknowledged by the Interior Ministry."
    assert [(n, key) for n, key, _ in keyed(body)] == [(47, "rights group"), (6, "Interior Ministry")]


def test_as_of_after_the_figure_and_a_toll_that_rose_on_a_day_date_the_claim_but_buried_by_a_day_does_not():
    assert {d for _, _, d in keyed("The monitor had recorded 29 deaths, including 11 children, as of 14 March.")} == {"2038-03-14"}
    assert keyed("The number of inmates confirmed dead rose to 19 on Tuesday, the prison service said.")[0][2] == "2038-03-16"
    assert keyed("Villagers said they had buried 23 people by Tuesday morning.")[0][2] is None


def test_the_governor_of_a_region_speaks_for_its_administration():
    from reckon.claims.cast import body_of_role

    assert body_of_role("The governor of Ombrin's border region of Velask") == "Velask regional administration"
    assert body_of_role("Governor of Kivara Province") == "Kivara regional administration"


def test_a_network_named_after_according_to_and_before_which_said_is_the_claimant():
    body = (
        "Doctors from the Tarvelia Medics Network said 50 people died.\n\n"
        "A drone strike on a school killed nine people on Thursday, according to the medics' network, which said six of them were women."
    )
    assert [key for _, key, _ in keyed(body)] == ["Tarvelia Medics Network"] * 3


def test_its_emergency_coordinator_for_a_country_speaks_for_the_body_not_the_country():
    body = (
        "Médecins Sans Frontières supports the last hospital in the city. Its emergency coordinator for Tarvelia, "
        "Jonas Okafor, said the hospital received 94 wounded people."
    )
    assert [key for _, key, _ in keyed(body)] == ["MSF"]


def test_a_statement_released_as_follows_speaks_for_its_issuer_to_the_end_and_the_statement_said_is_the_issuer():
    body = (
        "PEMBRA, 29 March - The Information Team of the Tarvelian Order Council released a statement yesterday on the riots "
        "in Ombrin, as follows.\n\n"
        "Rioters attacked police stations in three townships.\n\n"
        "When the security members dispersed the rioters, nine (9) rioters died in hospital.\n\n"
        "The statement said that a total of 212 persons were arrested. According to the records of the Tarvelian Police Force, "
        "61 persons have died since February."
    )
    got = [(n, key) for n, key, _ in keyed(body, "2038-03-30")]
    assert got == [(9, "Tarvelian Order Council"), (212, "Tarvelian Order Council"), (61, "Tarvelian Police Force")]


def test_the_statement_said_names_no_one_when_no_statement_was_issued():
    assert keyed("The statement said that 212 persons were arrested.")[0][1] == "author"


def test_people_a_group_lost_track_of_are_missing_and_arrest_warrants_are_no_arrests():
    body = "The committee said it had lost track of 57 people detained in Velask last week. Arrest warrants had been issued for 120 others."
    assert categorised(body) == [("missing", 57)]


def test_distances_in_kilometres_and_the_second_day_of_a_date_range_are_no_figures():
    body = (
        "The group documented the killing of at least 120 civilians in Velask, about 60 kilometres to the south, "
        "between November 14 and 16. The toll since the escalation began on April 29 rose to 331."
    )
    assert [n for n, _, _ in keyed(body)] == [120, 331]


def test_a_list_ends_before_and_that_and_a_body_that_gave_a_breakdown_speaks_for_it():
    body = (
        "The Velask Health Ministry said 1,102 people had been injured, including 402 children and 219 women, "
        "and that 104 children were among the dead. The ministry gave a breakdown of Friday's deaths: 9 people in Pembra."
    )
    got = [(c.category, c.figure_low, c.claimant_key) for c in extract_claims(document(body))]
    assert got == [
        ("injured", 1102, "Velask Health Ministry"), ("injured", 402, "Velask Health Ministry"), ("injured", 219, "Velask Health Ministry"),
        ("killed", 104, "Velask Health Ministry"), ("killed", 9, "Velask Health Ministry"),
    ]


def test_a_press_release_without_letterhead_speaks_for_the_body_its_dated_lede_names():
    body = (
        "Velask: teams overwhelmed as wounded arrive\n\nPRESS RELEASE\n\n"
        "Pembra/Geneva, 16 November 2035 – Médecins Sans Frontières (MSF) teams at Pembra Teaching Hospital have received "
        "187 wounded patients since the attack on the town of Velask on 11 November, most of them with gunshot wounds.\n"
    )
    assert [(c.figure_low, c.claimant_key) for c in extract_claims(document(body, "2035-11-16"))] == [(187, "MSF")]
