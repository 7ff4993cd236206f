"""Strata: each estimated alone, the total added honestly (intervals or summed draws)."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from reckon.errors import EstimationError
from reckon.estimate.histories import read_capture_csv
from reckon.estimate.methods import EstimateSettings
from reckon.estimate.results import EstimateResult
from reckon.estimate.runner import estimate_strata
from reckon.estimate.strata import combine_strata


def result(estimate, lower, upper, observed, stratum, draws=None, method="loglinear"):
    return EstimateResult(method=method, estimate=estimate, lower=lower, upper=upper, level=0.95,
                          observed=observed, lists=("A", "B", "C"), stratum=stratum, draws=draws)


def test_total_from_intervals_by_hand():
    north = result(300.0, 250.0, 370.0, 200, "north")
    south = result(150.0, 120.0, 200.0, 100, "south")
    total = combine_strata([north, south])
    z = 1.959963984540054
    variance = (120 / (2 * z)) ** 2 + (80 / (2 * z)) ** 2
    spread = math.exp(z * math.sqrt(math.log(1 + variance / 150**2)))
    assert total.estimate == 450.0
    assert total.observed == 300
    assert total.lower == pytest.approx(300 + 150 / spread, rel=1e-12)
    assert total.upper == pytest.approx(300 + 150 * spread, rel=1e-12)
    assert total.stratum == "total"
    assert [s["stratum"] for s in total.diagnostics["strata"]] == ["north", "south"]


def test_total_from_draws_sums_draw_by_draw():
    rng = np.random.default_rng(7)
    a = rng.normal(1000, 50, size=(2, 500))
    b = rng.normal(400, 30, size=(2, 500))
    total = combine_strata([result(1000, 900, 1100, 500, "a", a, "lcmcr"), result(400, 340, 460, 200, "b", b, "lcmcr")])
    summed = a + b
    assert total.estimate == pytest.approx(float(np.median(summed)))
    assert total.lower == pytest.approx(float(np.quantile(summed, 0.025)))
    assert total.draws.shape == (2, 500)
    assert total.interval_kind == "posterior quantiles of the summed draws"


def test_mixed_methods_refused():
    with pytest.raises(EstimationError, match="cannot add strata estimated differently"):
        combine_strata([result(1, 1, 1, 1, "a"), replace(result(1, 1, 1, 1, "b"), method="stepwise")])


def test_csv_strata_end_to_end(load, quiet, csv_file):
    # Kosovo twice, as two strata: each stratum gives Rcapture's 10,356.5, the total twice that.
    kosovo = load("kosovo_4lists.csv")
    lines = ["EXH,ABA,OSCE,HRW,half,count"]
    for pattern, count in zip(kosovo.patterns, kosovo.counts):
        for half in ("first", "second"):
            lines.append(",".join(map(str, pattern)) + f",{half},{count}")
    by_stratum = read_capture_csv(csv_file("two.csv", "\n".join(lines) + "\n"), strata="half")
    comparison = estimate_strata(by_stratum, "loglinear", EstimateSettings(max_order=3))
    first, second, total = comparison.results
    assert (first.stratum, second.stratum, total.stratum) == ("first", "second", "total")
    assert first.estimate == pytest.approx(10356.5, abs=0.05)
    assert total.estimate == pytest.approx(2 * first.estimate)
    assert total.observed == 8800
    assert total.lower < total.estimate < total.upper
