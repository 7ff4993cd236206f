"""The collapsed move: its target is the documented formula, and its incremental update takes
the same decisions as a recomputation of the whole target."""

from __future__ import annotations

import numpy as np
import pytest

from reckon.estimate.lcmcr.collapsed import COLLAPSED_REACH, log_collapsed_target, move_missing
from reckon.estimate.lcmcr.rng import seeded_state, uniform


def test_collapsed_target_is_the_documented_formula() -> None:
    # Two moves of the unobserved counts must change the target exactly as the formula says
    # (written here with SciPy's log-beta and log-gamma, independently of the kernel).
    from scipy.special import betaln, gammaln

    captured = np.array([[30, 5, 0], [12, 7, 0]], dtype=np.int64)  # J=2 lists, K=3 classes
    observed = np.array([40, 20, 0], dtype=np.int64)
    alpha, n = 0.7, 60
    log_fact = gammaln(np.arange(1, 2000) + 0.0)

    def formula(missing: np.ndarray) -> float:
        m = observed + missing
        N = n + missing.sum()
        value = gammaln(N) - gammaln(missing + 1.0).sum()
        value += sum(betaln(1 + m[k], alpha + m[k + 1 :].sum()) for k in range(2))
        value += sum(betaln(1 + captured[j, k], 1 + m[k] - captured[j, k]) for j in range(2) for k in range(3))
        return float(value)

    a, b = np.array([100, 7, 3]), np.array([160, 2, 9])
    kernel = [log_collapsed_target(observed + x, captured, x, alpha, n, log_fact) for x in (a, b)]
    assert kernel[1] - kernel[0] == pytest.approx(formula(b) - formula(a), rel=1e-9)


def test_incremental_collapsed_move_equals_the_full_recomputation() -> None:
    # The kernel updates the target incrementally; a plain-Python move that recomputes the
    # whole target, fed the same random stream, must take exactly the same decisions.
    from scipy.special import gammaln

    captured = np.array([[900, 40, 30, 0, 2], [700, 60, 5, 0, 1], [300, 10, 22, 0, 0]], dtype=np.int64)
    observed = np.array([1500, 120, 60, 0, 4], dtype=np.int64)
    n, cap = int(observed.sum()), 20 * int(observed.sum())
    log_fact = gammaln(np.arange(1, n + cap + 3) + 0.0)
    state = np.random.default_rng(21)

    def python_move(rng: np.ndarray, missing: np.ndarray, alpha: float) -> np.ndarray:
        missing = missing.copy()
        current = log_collapsed_target(observed + missing, captured, missing, alpha, n, log_fact)
        for k in range(len(missing)):
            if observed[k] == 0:
                continue
            reach = 1 + int(COLLAPSED_REACH * np.sqrt(observed[k] + 1.0))
            delta = 1 + int(uniform(rng) * reach)
            if uniform(rng) < 0.5:
                delta = -delta
            if missing[k] + delta < 0 or missing.sum() + delta > cap:
                continue
            missing[k] += delta
            proposed = log_collapsed_target(observed + missing, captured, missing, alpha, n, log_fact)
            if np.log(uniform(rng)) < proposed - current:
                current = proposed
            else:
                missing[k] -= delta
        return missing

    for trial in range(200):
        missing = state.integers(0, 400, size=5)
        alpha = float(state.uniform(0.1, 3.0))
        expected = python_move(seeded_state(trial), missing, alpha)
        got_missing, got_totals = missing.copy(), observed + missing
        K = len(missing)
        scratch = [np.zeros(K, dtype=np.int64), *(np.zeros(K) for _ in range(5))]
        scratch += [np.zeros(K, dtype=np.int8), np.zeros(K, dtype=np.int8)]
        n0 = move_missing(seeded_state(trial), got_missing, got_totals, captured, alpha, n,
                           int(missing.sum()), cap, log_fact, *scratch)
        np.testing.assert_array_equal(got_missing, expected)
        np.testing.assert_array_equal(got_totals, observed + expected)
        assert n0 == expected.sum()
