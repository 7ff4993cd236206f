"""The multinomial split of a count across classes."""

from __future__ import annotations

import math

import numpy as np
import pytest

from reckon.estimate.lcmcr.multinomial import multinomial_split
from reckon.estimate.lcmcr.rng import seeded_state


@pytest.mark.parametrize("total", [7, 40, 3000])
def test_split_is_multinomial(total: int) -> None:
    # Counts per class must be Binomial(total, w_k / sum w) marginally and add up to total;
    # the weights include near-empty classes (the lumped tail) and small counts (one by one).
    weights = np.array([0.02, 0.5, 1e-4, 0.3, 0.005, 0.17, 1e-7, 0.004, 0.0, 0.001])
    rng = seeded_state(12)
    log_fact = np.array([math.lgamma(i + 1.0) for i in range(total + 1)])
    order = np.empty(10, dtype=np.int64)
    out = np.empty(10, dtype=np.int64)
    reps = 20_000
    draws = np.empty((reps, 10), dtype=np.int64)
    for r in range(reps):
        multinomial_split(rng, total, weights, order, out, log_fact, 10)
        draws[r] = out
    assert (draws.sum(axis=1) == total).all()
    assert (draws[:, 8] == 0).all()  # a class with weight 0 never gets anyone
    share = weights / weights.sum()
    mean_se = np.sqrt(total * share * (1 - share) / reps)
    assert np.all(np.abs(draws.mean(axis=0) - total * share) <= 5 * mean_se + 1e-12)
    variance = draws[:, [1, 3, 5]].var(axis=0)
    assert variance == pytest.approx(total * share[[1, 3, 5]] * (1 - share[[1, 3, 5]]), rel=0.1)
    # Multinomial counts are negatively correlated: cov = -total p_i p_j.
    cov = np.cov(draws[:, 1], draws[:, 3])[0, 1]
    assert cov == pytest.approx(-total * share[1] * share[3], rel=0.15)
