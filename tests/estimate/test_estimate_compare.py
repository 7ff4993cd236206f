"""compare_methods: every method side by side and a plain note when they disagree."""

from __future__ import annotations

import pytest

from reckon.estimate.compare import compare_methods, disagreement_notes
from reckon.estimate.methods import EstimateSettings
from reckon.estimate.results import EstimateResult


def test_uk_splits_into_two_camps(load, quiet):
    comparison = compare_methods(load("uk_modern_slavery_2013_5lists.csv"), EstimateSettings(max_order=2),
                                 methods=["loglinear", "stepwise"])
    by_method = {r.method: r for r in comparison.results}
    assert by_method["loglinear"].estimate == pytest.approx(22991.3, abs=0.05)
    assert by_method["stepwise"].estimate == pytest.approx(11312.99, abs=0.01)
    assert "disagree by more than their intervals" in comparison.notes[0]
    assert "range from 11,313 (stepwise) to 22,991 (loglinear)" in comparison.notes[1]


def test_chapman_skipped_with_reason_for_four_lists(load, quiet):
    comparison = compare_methods(load("kosovo_4lists.csv"), methods=["chapman", "stepwise"])
    assert [r.method for r in comparison.results] == ["stepwise"]
    assert "exactly 2 lists" in comparison.skipped["chapman"]


def test_overlapping_intervals_give_no_note():
    a = EstimateResult("x", 100, 90, 110, 0.95, 50, ("A", "B"))
    b = EstimateResult("y", 105, 95, 120, 0.95, 50, ("A", "B"))
    assert disagreement_notes([a, b]) == []
