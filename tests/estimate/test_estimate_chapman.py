"""Chapman's two-list estimate: hand-computed values, the untestable-independence warning."""

from __future__ import annotations

import math

import pytest

from reckon.errors import EstimationError, StatisticalWarning
from reckon.estimate.chapman import chapman
from reckon.estimate.histories import from_rows


def two_lists(only_a: int, only_b: int, both: int):
    return from_rows(["A", "B"], [((1, 0), only_a), ((0, 1), only_b), ((1, 1), both)])


def test_chapman_by_hand():
    # n1 = 80, n2 = 60, m = 20: N = 81 * 61 / 21 - 1 = 234.2857...
    with pytest.warns(StatisticalWarning, match="cannot be tested"):
        result = chapman(two_lists(60, 40, 20))
    assert result.estimate == pytest.approx(81 * 61 / 21 - 1, rel=1e-12)
    variance = 81 * 61 * 60 * 40 / (21**2 * 22)
    assert result.diagnostics["stderr"] == pytest.approx(math.sqrt(variance), rel=1e-12)
    # Chao's log-normal interval around the unobserved 234.29 - 120 = 114.29.
    spread = math.exp(1.959963984540054 * math.sqrt(math.log(1 + variance / (result.estimate - 120) ** 2)))
    assert result.lower == pytest.approx(120 + (result.estimate - 120) / spread, rel=1e-9)
    assert result.upper == pytest.approx(120 + (result.estimate - 120) * spread, rel=1e-9)
    assert result.lower > result.observed == 120
    assert result.method == "chapman"


def test_no_overlap_warns_twice():
    with pytest.warns(StatisticalWarning) as caught:
        result = chapman(two_lists(10, 5, 0))
    assert result.estimate == pytest.approx(11 * 6 / 1 - 1)
    assert len(result.warnings) == 2
    assert "no one is on both lists" in result.warnings[1]
    assert len(caught) == 2


def test_more_than_two_lists_points_to_loglinear(load):
    with pytest.raises(EstimationError, match="chapman needs exactly 2 lists.*--method loglinear"):
        chapman(load("kosovo_4lists.csv"))
