"""The compiled Gibbs sweep of the LCMCR model (Manrique-Vallier 2016), one chain at a time.

Model, for N people of whom n are on at least one of J lists:

    x_ij | z_i = k  ~ Bernoulli(lambda_jk)        independent lists within a latent class
    z_i             ~ Categorical(pi)             pi = truncated stick-breaking, K classes
    V_k             ~ Beta(1, alpha), V_K = 1     pi_k = V_k * prod_{l<k} (1 - V_l)
    alpha           ~ Gamma(a_alpha, rate b_alpha)
    lambda_jk       ~ Beta(1, 1)
    p(N)            ∝ 1/N

Because people with the same capture pattern are exchangeable, the sampler never looks at
individuals: it keeps, for every observed pattern, how many of its people sit in each class
(a multinomial split of the pattern's count, which is the exact joint conditional of their
class labels summarised by counts). The n0 unobserved people (all-zero pattern) are split the
same way. One sweep:

1. split each observed pattern's count and the n0 unobserved across classes (multinomial);
   then Metropolis moves on the unobserved count per class with pi and lambda integrated out
   (not in LCMCR; same posterior, N mixes ~2.5x faster per sweep);
2. lambda_jk | counts ~ Beta(1 + captured_jk, 1 + m_k - captured_jk);
3. V_k | counts ~ Beta(1 + m_k, alpha + sum_{l>k} m_l), then pi;
4. alpha | V ~ Gamma(a_alpha + K - 1, b_alpha - sum_{k<K} log(1 - V_k));
5. n0 | pi, lambda ~ NegBinomial(n, 1 - p0), p0 = sum_k pi_k prod_j (1 - lambda_jk),
   redrawn while n0 > cap (LCMCR's rule: cap = 20 n).

Steps 5 and (next sweep's) 1 together draw (n0, classes of the unobserved) jointly given
(pi, lambda), so the sweep is a valid Gibbs sampler. Stick weights are handled on the log
scale because with a small alpha, 1 - V_k underflows to 0 in double precision.

Random numbers come from the kernel's own generator and samplers (`rng`); the splits of
step 1 from `multinomial`, the Metropolis moves from `collapsed`. Helpers get raw pointers
rather than arrays (`intrinsics.data_pointer`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numba
import numpy as np

from reckon.estimate.lcmcr.collapsed import move_missing
from reckon.estimate.lcmcr.intrinsics import data_pointer, keep_alive
from reckon.estimate.lcmcr.multinomial import multinomial_split
from reckon.estimate.lcmcr.rng import beta_integer, log_beta_pair, poisson, seeded_state, std_gamma, uniform

# LCMCR's rule: the unobserved count is redrawn while n0 > CAP_FACTOR * n.
CAP_FACTOR = 20.0

# After this many rejected n0 proposals in one sweep we set n0 to the cap: the truncated
# posterior then has (nearly) all its mass at the cap anyway, and the caller warns.
MAX_CAP_REDRAWS = 1000


@numba.njit(cache=True)
def _stick_weights(
    state: np.ndarray, class_totals: np.ndarray, alpha: float, log_pi: np.ndarray, K: int
) -> float:
    """Draw pi | class totals into log_pi; return sum_{k<K} log(1 - V_k) for the alpha update."""
    after = 0
    for k in range(K):
        after += class_totals[k]
    log_rest = 0.0  # log prod_{l<k} (1 - V_l)
    sum_log_1mv = 0.0
    for k in range(K - 1):
        after -= class_totals[k]
        if class_totals[k] == 0:
            # V ~ Beta(1, b) has 1 - V = U^(1/b) exactly: one uniform instead of two gammas.
            log_1mv = np.log(uniform(state)) / (alpha + after)
            log_v = np.log(-np.expm1(log_1mv))
        else:
            log_v, log_1mv = log_beta_pair(state, 1.0 + class_totals[k], alpha + after)
        log_pi[k] = log_rest + log_v
        log_rest += log_1mv
        sum_log_1mv += log_1mv
    log_pi[K - 1] = log_rest
    return sum_log_1mv


@numba.njit(cache=True)
def run_chain(
    patterns: np.ndarray,
    counts: np.ndarray,
    K: int,
    a_alpha: float,
    b_alpha: float,
    burn_in: int,
    samples: int,
    thin: int,
    cap_factor: float,
    state: np.ndarray,
    collapsed_moves: bool = True,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Run one chain; return per saved draw (N, alpha, occupied classes, n0 redraws at the cap).

    The last array counts the n0 proposals rejected for exceeding the cap during the `thin`
    sweeps that led to each saved draw. collapsed_moves=False gives the plain Gibbs sampler
    of LCMCR (same posterior, about 2.5x slower mixing of N).

    patterns: (P, J) 0/1 int8 observed patterns; counts: (P,) int64 > 0.
    """
    P, J = patterns.shape
    n = 0
    for p in range(P):
        n += counts[p]
    cap = int(cap_factor * n)
    # log(i!) for every count a split or a collapsed move can see (up to n + cap + 1).
    log_fact = np.empty(n + cap + 2)
    log_fact[0] = 0.0
    for i in range(1, log_fact.shape[0]):
        log_fact[i] = log_fact[i - 1] + np.log(i)

    # State, started from the prior (alpha at its prior mean) so chains start dispersed.
    lam = np.empty((J, K))
    for j in range(J):
        for k in range(K):
            lam[j, k] = uniform(state)
    alpha = a_alpha / b_alpha
    log_pi = np.empty(K)
    _stick_weights(state, np.zeros(K, dtype=np.int64), alpha, log_pi, K)
    n0 = n

    weights = np.empty(K)
    pi = np.empty(K)
    order = np.empty(K, dtype=np.int64)  # scratch: classes by weight, per pattern
    miss_weights = np.empty(K)
    split = np.zeros(K, dtype=np.int64)
    class_totals = np.zeros(K, dtype=np.int64)
    captured = np.zeros((J, K), dtype=np.int64)
    mv_after = np.zeros(K, dtype=np.int64)  # scratch of the collapsed move
    mv_lg_after = np.zeros(K)
    mv_stick = np.zeros(K)
    mv_lam_term = np.zeros(K)
    mv_trial = np.zeros(K)
    mv_trial_lg = np.zeros(K)
    mv_lg_ok = np.zeros(K, dtype=np.int8)
    mv_trial_ok = np.zeros(K, dtype=np.int8)

    # Raw pointers for the helpers' arguments (see `data_pointer`); the arrays stay alive here.
    # The sweep below touches these arrays only through their pointers, and `keep_alive`
    # after the loop holds the arrays: Numba frees an array after its last use by name.
    state_p = data_pointer(state)
    log_fact_p = data_pointer(log_fact)
    log_pi_p = data_pointer(log_pi)
    weights_p = data_pointer(weights)
    order_p = data_pointer(order)
    miss_weights_p = data_pointer(miss_weights)
    split_p = data_pointer(split)
    class_totals_p = data_pointer(class_totals)
    mv_after_p = data_pointer(mv_after)
    mv_lg_after_p = data_pointer(mv_lg_after)
    mv_stick_p = data_pointer(mv_stick)
    mv_lam_term_p = data_pointer(mv_lam_term)
    mv_trial_p = data_pointer(mv_trial)
    mv_trial_lg_p = data_pointer(mv_trial_lg)
    mv_lg_ok_p = data_pointer(mv_lg_ok)
    mv_trial_ok_p = data_pointer(mv_trial_ok)

    out_N = np.empty(samples, dtype=np.int64)
    out_alpha = np.empty(samples)
    out_occupied = np.empty(samples, dtype=np.int64)
    out_capped = np.zeros(samples, dtype=np.int64)

    total_iterations = burn_in + samples * thin
    saved = 0
    redraws = 0  # n0 proposals rejected for exceeding the cap since the last saved draw
    for it in range(total_iterations):
        # Class weights of the all-zero pattern: pi_k prod_j (1 - lambda_jk).
        for k in range(K):
            pi[k] = np.exp(log_pi_p[k])
        for k in range(K):
            w = pi[k]
            for j in range(J):
                w *= 1.0 - lam[j, k]
            miss_weights_p[k] = w
            class_totals_p[k] = 0
            for j in range(J):
                captured[j, k] = 0

        # 1. Multinomial split of every observed pattern and of the n0 unobserved.
        for p in range(P):
            for k in range(K):
                w = pi[k]
                for j in range(J):
                    if patterns[p, j] == 1:
                        w *= lam[j, k]
                    else:
                        w *= 1.0 - lam[j, k]
                weights_p[k] = w
            multinomial_split(state_p, counts[p], weights_p, order_p, split_p, log_fact_p, K)
            for k in range(K):
                if split_p[k] > 0:
                    class_totals_p[k] += split_p[k]
                    for j in range(J):
                        if patterns[p, j] == 1:
                            captured[j, k] += split_p[k]
        multinomial_split(state_p, n0, miss_weights_p, order_p, split_p, log_fact_p, K)
        for k in range(K):
            class_totals_p[k] += split_p[k]

        # 1b. Collapsed Metropolis moves on the unobserved count of each class.
        if collapsed_moves:
            n0 = move_missing(
                state_p, split_p, class_totals_p, captured, alpha, n, n0, cap, log_fact_p,
                mv_after_p, mv_lg_after_p, mv_stick_p, mv_lam_term_p, mv_trial_p, mv_trial_lg_p,
                mv_lg_ok_p, mv_trial_ok_p,
            )

        # 2. Capture probabilities per list and class.
        for j in range(J):
            for k in range(K):
                lam[j, k] = beta_integer(state_p, 1 + captured[j, k], 1 + class_totals_p[k] - captured[j, k])

        # 3-4. Stick-breaking weights and their concentration.
        sum_log_1mv = _stick_weights(state_p, class_totals_p, alpha, log_pi_p, K)
        alpha = std_gamma(state_p, a_alpha + K - 1.0) / (b_alpha - sum_log_1mv)

        # 5. Unobserved count: NegBin(n, 1 - p0) as a Gamma-Poisson mixture, truncated at the cap.
        p0 = 0.0
        p_seen = 0.0
        for k in range(K):
            prob_missed = 1.0
            for j in range(J):
                prob_missed *= 1.0 - lam[j, k]
            pk = np.exp(log_pi_p[k])  # pi was redrawn in step 3
            p0 += pk * prob_missed
            p_seen += pk * (1.0 - prob_missed)  # summed separately: 1 - p0 loses digits near 1
        tries = 0
        while True:
            if p_seen <= 0.0:
                n0 = cap
                break
            rate = std_gamma(state_p, float(n)) * (p0 / p_seen)
            # A Poisson mean far beyond the cap is certainly rejected; skip the draw (and the
            # overflow of a Poisson with an astronomically large mean).
            if rate < 1e15:
                n0 = poisson(state_p, rate)
                if n0 <= cap:
                    break
            tries += 1
            redraws += 1
            if tries >= MAX_CAP_REDRAWS:
                n0 = cap
                break

        if it >= burn_in and (it - burn_in + 1) % thin == 0:
            out_N[saved] = n + n0
            out_alpha[saved] = alpha
            occupied = 0
            for k in range(K):
                if class_totals_p[k] > 0:
                    occupied += 1
            out_occupied[saved] = occupied
            out_capped[saved] = redraws
            redraws = 0
            saved += 1
    keep_alive(state, log_fact, log_pi, weights, order, miss_weights, split, class_totals)
    keep_alive(mv_after, mv_lg_after, mv_stick, mv_lam_term, mv_trial, mv_trial_lg, mv_lg_ok, mv_trial_ok)
    return out_N, out_alpha, out_occupied, out_capped


@dataclass(frozen=True)
class ChainRun:
    """What one chain returns to the parent process."""

    N: np.ndarray  # (samples,) population size draws
    alpha: np.ndarray  # (samples,) stick-breaking concentration
    occupied: np.ndarray  # (samples,) classes holding at least one person
    cap_redraws: np.ndarray  # (samples,) n0 proposals rejected for exceeding the cap
    seconds: float  # wall clock
    cpu_seconds: float  # CPU time of this chain's process: the speed without other jobs' load


def run_one_chain(
    patterns: np.ndarray,
    counts: np.ndarray,
    K: int,
    a_alpha: float,
    b_alpha: float,
    burn_in: int,
    samples: int,
    thin: int,
    seed: np.random.SeedSequence,
    collapsed_moves: bool = True,
) -> ChainRun:
    """Run one chain with its own xoshiro256** stream seeded from `seed` (a plain top-level
    function, so that worker processes can be handed it)."""
    state = seeded_state(seed)
    start, cpu_start = time.perf_counter(), time.process_time()
    N, alpha, occupied, redraws = run_chain(
        np.ascontiguousarray(patterns, dtype=np.int8),
        np.ascontiguousarray(counts, dtype=np.int64),
        K, float(a_alpha), float(b_alpha), burn_in, samples, thin, CAP_FACTOR, state, collapsed_moves,
    )
    return ChainRun(N, alpha, occupied, redraws, time.perf_counter() - start, time.process_time() - cpu_start)
