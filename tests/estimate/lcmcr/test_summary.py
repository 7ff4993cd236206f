"""The judgement of the draws: the warnings a careful reader would write, and the mode counter."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from reckon.errors import StatisticalWarning
from reckon.estimate.histories import CaptureHistories, from_rows
from reckon.estimate.lcmcr import fit_lcmcr
from reckon.estimate.lcmcr.summary import count_modes


def test_short_chains_warn_about_convergence_and_ess(load: Callable[[str], CaptureHistories]) -> None:
    with pytest.warns(StatisticalWarning) as caught:
        result = fit_lcmcr(load("kosovo_4lists.csv"), chains=2, burn_in=200, samples=50, thin=1, processes=1)
    assert any("effective draws" in w for w in result.warnings)
    assert len(caught) == len(result.warnings)


def test_lists_that_barely_overlap_press_against_the_cap() -> None:
    # Four lists of 200 that share one person: the data say N is huge, so the posterior piles
    # up at LCMCR's cap N <= 21 n and the estimate is an artefact of that cap.
    rows = [((1, 0, 0, 0), 200), ((0, 1, 0, 0), 200), ((0, 0, 1, 0), 200), ((0, 0, 0, 1), 200), ((1, 1, 0, 0), 1)]
    histories = from_rows(["A", "B", "C", "D"], rows)
    with pytest.warns(StatisticalWarning):
        result = fit_lcmcr(histories, chains=2, burn_in=2_000, samples=500, thin=10, processes=1)
    assert result.draws.max() <= 21 * 801
    assert result.diagnostics["fraction_at_cap"] > 0.01
    assert any("cap" in w for w in result.warnings)


def test_two_lists_warn_that_the_model_is_not_identified() -> None:
    histories = from_rows(["A", "B"], [((1, 0), 60), ((0, 1), 50), ((1, 1), 30)])
    with pytest.warns(StatisticalWarning, match="only 2 lists"):
        fit_lcmcr(histories, chains=2, burn_in=500, samples=100, thin=5, processes=1)


def test_mode_counter_sees_two_camps_and_one() -> None:
    rng = np.random.default_rng(13)
    two = np.concatenate([rng.lognormal(np.log(12_000), 0.08, 3000), rng.lognormal(np.log(22_000), 0.1, 3000)])
    one = rng.lognormal(np.log(10_500), 0.1, 6000)
    assert count_modes(two.reshape(2, -1)) == 2
    assert count_modes(one.reshape(2, -1)) == 1
