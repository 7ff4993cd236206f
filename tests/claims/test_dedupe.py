"""Repeats: one claim per claimant, category, figure, subgroup, place and period."""

from __future__ import annotations


def test_a_repeated_figure_becomes_alt_quotes(claims_in):
    found = claims_in(
        "The regime gunned down 300 people in the streets. Their families still grieve. "
        "The blood of 300 martyrs will not be forgotten."
    )
    assert len(found) == 1
    assert found[0].quote.endswith("gunned down 300 people in the streets")
    assert [q.text for q in found[0].alt_quotes] == ["The blood of 300 martyrs will not be forgotten"]


def test_the_direct_claim_is_kept_over_a_reattribution(claims_in):
    found = claims_in(
        "Meridian Press confirmed the toll of 1,500 announced by the Free Veloria Council. "
        "On March 2, the Free Veloria Council reported that at least 1,500 were killed."
    )
    council = [c for c in found if c.claimant_key == "Free Veloria Council"]
    assert [(c.figure_low, c.figure_high, c.qualifier) for c in council] == [(1500, None, "at least")]
    assert len(council[0].alt_quotes) == 1


def test_different_claimants_stay_separate(claims_in):
    found = claims_in(
        "The Monitor said 41 people were killed. The Free Veloria Council also said 41 people were killed. "
        "Police killed 41 people, witnesses said."
    )
    assert sorted(c.claimant_key for c in found) == ["Free Veloria Council", "Monitor", "witnesses"]


def test_different_places_and_subgroups_stay_separate(claims_in):
    found = claims_in(
        "The Monitor said 12 were killed in Castrel. The Monitor said 12 were killed in Pellin. "
        "The Monitor said 12 children were killed."
    )
    assert sorted((c.place, c.subgroup or "-") for c in found) == [("Castrel", "-"), ("Castrel", "children"), ("Pellin", "-")]


def test_a_claimant_named_more_or_less_fully_is_one_claimant(claims_in):
    found = claims_in(
        "The health ministry said 640 people were killed. The health ministry in Arvo says 640 people "
        "have been killed, and the ministry repeated the figure of 640 deaths on Friday."
    )
    assert [(c.figure_low, len(c.alt_quotes)) for c in found] == [(640, 2)]


def test_a_mention_without_a_place_repeats_one_with_a_place_but_not_a_table_row(claims_in):
    found = claims_in("A doctor said 17 people were killed in Arvo. \"We received 17 dead,\" the doctor said.")
    assert [(c.figure_low, c.place, len(c.alt_quotes)) for c in found] == [(17, "Arvo", 1)]
    table = claims_in(
        "The ministry said at least 35 people were killed.\n\nLocality      Killed   Injured\n"
        "Arvo (market)   35       104\n"
    )
    killed = sorted((c.figure_low, c.qualifier, c.quote) for c in table if c.category == "killed")
    assert killed == [(35, "at least", "The ministry said at least 35 people were killed"), (35, "exact", "Arvo (market)   35       104")]
