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
