"""The collapsed Metropolis move on the unobserved count of each class (not in LCMCR).

Plain Gibbs mixes slowly in N: the unobserved people's classes pin down the capture
probabilities lambda and the class weights pi, which pin down the unobserved count. This
move changes each class's unobserved count with pi and lambda integrated out
(`log_collapsed_target`); the sweep then redraws pi and lambda from their full conditionals.
Same posterior; N mixes about 2.5x faster per sweep.
"""

from __future__ import annotations

import math

import numba
import numpy as np

from reckon.estimate.lcmcr.rng import uniform

# Random-walk reach of the collapsed move, in units of sqrt(observed people in the class).
# Tuned on Kosovo: 30-100 cut the sweeps per effective draw of N from ~960 to ~400; 300 is
# too bold (most proposals rejected).
COLLAPSED_REACH = 30.0


@numba.njit(cache=True)
def log_collapsed_target(
    class_totals: np.ndarray, captured: np.ndarray, missing: np.ndarray, alpha: float, n: int,
    log_fact: np.ndarray,
) -> float:
    """log p(unobserved per class | observed people's classes, alpha), up to a constant,
    with the class weights pi and capture probabilities lambda integrated out:

        (N - 1)! / prod_k m0_k!                                 prior 1/N times C(N, n) n0!/prod m0_k!
        * prod_{k<K} B(1 + m_k, alpha + sum_{l>k} m_l)            stick-breaking weights, integrated
        * prod_k prod_j B(1 + s_jk, 1 + m_k - s_jk)               Beta(1, 1) lambdas, integrated

    (m_k = people in class k, observed or not; s_jk = those on list j; N = n + sum m0).
    """
    J, K = captured.shape
    n0 = 0
    for k in range(K):
        n0 += missing[k]
    N = n + n0
    total = log_fact[N - 1]
    after = N
    for k in range(K):
        m = class_totals[k]
        total -= log_fact[missing[k]]
        after -= m
        if k < K - 1:
            total += log_fact[m] + math.lgamma(alpha + after) - math.lgamma(1.0 + m + alpha + after)
        for j in range(J):
            total += log_fact[m - captured[j, k]] - log_fact[m + 1]
    return total


# Up to this class size, the stick term log B(1 + m, b) = log m! - log(b (b + 1) ... (b + m))
# costs one log of a short product instead of two lgamma calls (and has no cancellation).
SMALL_CLASS = 16


@numba.njit(cache=True)
def _log_stick_small(m: int, b: float, log_fact: np.ndarray) -> float:
    """log B(1 + m, b) for a small integer m >= 0 and b > 0."""
    prod = b
    for i in range(1, m + 1):
        prod *= b + i
    return log_fact[m] - np.log(prod)


@numba.njit(cache=True)
def move_missing(
    state: np.ndarray,
    missing: np.ndarray,
    class_totals: np.ndarray,
    captured: np.ndarray,
    alpha: float,
    n: int,
    n0: int,
    cap: int,
    log_fact: np.ndarray,
    after: np.ndarray,
    lg_after: np.ndarray,
    stick: np.ndarray,
    lam_term: np.ndarray,
    trial: np.ndarray,
    trial_lg: np.ndarray,
    lg_ok: np.ndarray,
    trial_ok: np.ndarray,
) -> int:
    """Metropolis moves on the unobserved count of each class, with pi and lambda integrated out.

    Plain Gibbs mixes slowly in N: given the unobserved people's classes, lambda and pi are
    pinned down, and given those, n0 is pinned down. This move changes m0_k by a symmetric
    random step and accepts by the collapsed target (`log_collapsed_target`); pi and lambda
    are then redrawn from their full conditionals (steps 2-3), which makes the pair a valid
    partially collapsed Gibbs update. The step size depends only on the class's observed
    people, which the move does not change, so the proposal stays symmetric. Classes without
    observed people are left to the Gibbs steps. Updates `missing` and `class_totals`;
    returns the new n0.

    The target's change is computed incrementally: moving class k changes the N term, class
    k's own terms, and the stick terms of the classes before k (their "people after" grows).
    """
    J, K = captured.shape
    N = n + n0
    # Scratch of length K from the caller (allocating it here cost ~2% of a sweep):
    # after: people in classes after k; lg_after: lgamma(alpha + after_k), current where
    # lg_ok (small classes skip it); stick: log B(1 + m_k, alpha + after_k), k < K - 1;
    # lam_term: sum_j log B(1 + s_jk, 1 + m_k - s_jk), up to constants; trial, trial_lg,
    # trial_ok: the proposed stick terms, lgamma(alpha + after_l) and their flags.
    rest = N
    for k in range(K):
        m = class_totals[k]
        rest -= m
        after[k] = rest
        if k < K - 1:
            lg_ok[k] = 0
            if m <= SMALL_CLASS:
                stick[k] = _log_stick_small(m, alpha + rest, log_fact)
            else:
                lg_after[k] = math.lgamma(alpha + rest)
                lg_ok[k] = 1
                stick[k] = log_fact[m] + lg_after[k] - math.lgamma(1.0 + m + alpha + rest)
        term = 0.0
        for j in range(J):
            term += log_fact[m - captured[j, k]]
        lam_term[k] = term - J * log_fact[m + 1]

    for k in range(K):
        m = class_totals[k]
        if m - missing[k] == 0:
            continue
        reach = 1 + int(COLLAPSED_REACH * np.sqrt(m - missing[k] + 1.0))
        delta = 1 + int(uniform(state) * reach)
        if uniform(state) < 0.5:
            delta = -delta
        if missing[k] + delta < 0 or n0 + delta > cap:
            continue
        new_m = m + delta
        change = log_fact[N + delta - 1] - log_fact[N - 1]
        change -= log_fact[missing[k] + delta] - log_fact[missing[k]]
        new_lam = 0.0
        for j in range(J):
            new_lam += log_fact[new_m - captured[j, k]]
        new_lam -= J * log_fact[new_m + 1]
        change += new_lam - lam_term[k]
        if k < K - 1:
            if new_m <= SMALL_CLASS:
                trial[k] = _log_stick_small(new_m, alpha + after[k], log_fact)
            else:
                if lg_ok[k] == 0:
                    lg_after[k] = math.lgamma(alpha + after[k])
                    lg_ok[k] = 1
                trial[k] = log_fact[new_m] + lg_after[k] - math.lgamma(1.0 + new_m + alpha + after[k])
            change += trial[k] - stick[k]
        for l in range(k):
            a = alpha + after[l] + delta
            if class_totals[l] <= SMALL_CLASS:
                trial[l] = _log_stick_small(class_totals[l], a, log_fact)
                trial_ok[l] = 0
            else:
                trial_lg[l] = math.lgamma(a)
                trial_ok[l] = 1
                trial[l] = log_fact[class_totals[l]] + trial_lg[l] - math.lgamma(1.0 + class_totals[l] + a)
            change += trial[l] - stick[l]
        u = uniform(state)
        if change >= 0.0 or np.log(u) < change:  # log u < 0 <= change: no log needed
            for l in range(k):
                stick[l] = trial[l]
                after[l] += delta
                lg_after[l] = trial_lg[l]
                lg_ok[l] = trial_ok[l]
            if k < K - 1:
                stick[k] = trial[k]
            lam_term[k] = new_lam
            class_totals[k] = new_m
            missing[k] += delta
            n0 += delta
            N += delta
    return n0
