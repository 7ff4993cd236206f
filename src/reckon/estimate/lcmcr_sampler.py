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

Random numbers come from the kernel's own xoshiro256** generator (`rng_state`, `_uniform`)
and exact samplers written on it (Marsaglia-Tsang gamma, PTRS Poisson, inversion/BTRS
binomial); helpers get raw pointers rather than arrays (see `_data_pointer`).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numba
import numpy as np
from numba.core import types
from llvmlite import ir
from numba.extending import intrinsic

# LCMCR's rule: the unobserved count is redrawn while n0 > CAP_FACTOR * n.
CAP_FACTOR = 20.0

# After this many rejected n0 proposals in one sweep we set n0 to the cap: the truncated
# posterior then has (nearly) all its mass at the cap anyway, and the caller warns.
MAX_CAP_REDRAWS = 1000


@intrinsic
def _data_pointer(typingctx, array):
    """Raw pointer to a C-contiguous array's data, indexable like a 1-d array.

    Every call of a compiled helper that takes an array pays an atomic increment and
    decrement of the array owner's reference count; the draws go through chains of small
    helpers, and these atomics were about 70% of a sweep's time (perf). Pointers are not
    reference counted. run_chain keeps the arrays alive while their pointers are in use.
    """
    signature = types.CPointer(array.dtype)(array)

    def codegen(context, builder, sig, args):
        return context.make_array(sig.args[0])(context, builder, args[0]).data

    return signature, codegen


@numba.njit(cache=True)
def _keep_alive(*arrays) -> None:
    """A use of arrays whose raw pointers were in use until here (see `_data_pointer`)."""
    return None


# ---------------------------------------------------------------------------------------
# Random numbers. The kernel draws from its own xoshiro256** generator (Blackman & Vigna,
# "Scrambled linear pseudorandom number generators", ACM TOMS 2021) held in a 4-word uint64
# array (plus two words for the spare normal). NumPy's Generator inside Numba costs an atomic reference-count increment and
# decrement around every draw, which was most of a sweep's time; a plain array does not.
# The state is seeded from numpy's SeedSequence (`rng_state`), so chains stay reproducible
# and independent (SeedSequence children feed non-overlapping hashed seeds).
# ---------------------------------------------------------------------------------------

_U64_5 = np.uint64(5)
_U64_9 = np.uint64(9)
_U64_7 = np.uint64(7)
_U64_57 = np.uint64(57)
_U64_17 = np.uint64(17)
_U64_45 = np.uint64(45)
_U64_19 = np.uint64(19)
_U64_11 = np.uint64(11)
_TWO_TO_MINUS_53 = 1.0 / 9007199254740992.0


def rng_state(seed) -> np.ndarray:
    """Generator state for the kernel: 4 uint64 xoshiro256** words from SeedSequence(seed) (or
    from a SeedSequence passed as is), never all zero (the one state xoshiro cannot leave),
    then a flag and a slot for the spare normal of the polar method (`_normal`)."""
    sequence = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
    words = np.zeros(6, dtype=np.uint64)
    words[:4] = sequence.generate_state(4, np.uint64)
    if not words[:4].any():
        words[0] = np.uint64(0x9E3779B97F4A7C15)
    return words


@intrinsic
def _float_bits(typingctx, x):
    """The 64 bits of a double, as uint64 (to keep the spare normal in the state array)."""

    def codegen(context, builder, sig, args):
        return builder.bitcast(args[0], ir.IntType(64))

    return types.uint64(types.float64), codegen


@intrinsic
def _bits_float(typingctx, bits):
    """The double whose 64 bits are `bits` (inverse of `_float_bits`)."""

    def codegen(context, builder, sig, args):
        return builder.bitcast(args[0], ir.DoubleType())

    return types.float64(types.uint64), codegen


@numba.njit(cache=True)
def _next_u64(state: np.ndarray) -> np.uint64:
    """One xoshiro256** step: output rotl(s1 * 5, 7) * 9, then the linear state update."""
    s0 = state[0]
    s1 = state[1]
    s2 = state[2]
    s3 = state[3]
    x = s1 * _U64_5
    result = ((x << _U64_7) | (x >> _U64_57)) * _U64_9
    t = s1 << _U64_17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << _U64_45) | (s3 >> _U64_19)
    state[0] = s0
    state[1] = s1
    state[2] = s2
    state[3] = s3
    return result


@numba.njit(cache=True)
def _uniform(state: np.ndarray) -> float:
    """Uniform on [0, 1) with 53 random bits (the top bits of the output)."""
    return float(_next_u64(state) >> _U64_11) * _TWO_TO_MINUS_53


@numba.njit(cache=True)
def _normal(state: np.ndarray) -> float:
    """Standard normal by Marsaglia's polar method. Each accepted pair of uniforms gives two
    independent normals: the second is kept in state[5] (flag state[4]) for the next call."""
    if state[4] != 0:
        state[4] = 0
        return _bits_float(state[5])
    while True:
        u = 2.0 * _uniform(state) - 1.0
        v = 2.0 * _uniform(state) - 1.0
        s = u * u + v * v
        if 0.0 < s < 1.0:
            factor = math.sqrt(-2.0 * math.log(s) / s)
            state[5] = _float_bits(v * factor)
            state[4] = 1
            return u * factor


@numba.njit(cache=True)
def _std_gamma(state: np.ndarray, shape: float) -> float:
    """Gamma(shape, 1): Marsaglia & Tsang (2000) for shape >= 1; below 1 through their boost
    Gamma(a) = Gamma(a + 1) * U^(1/a)."""
    if shape < 1.0:
        return _std_gamma(state, shape + 1.0) * _uniform(state) ** (1.0 / shape)
    d = shape - 1.0 / 3.0
    c = 1.0 / math.sqrt(9.0 * d)
    while True:
        x = _normal(state)
        v = 1.0 + c * x
        if v <= 0.0:
            continue
        v = v * v * v
        u = _uniform(state)
        x2 = x * x
        if u < 1.0 - 0.0331 * x2 * x2:
            return d * v
        if math.log(u) < 0.5 * x2 + d * (1.0 - v + math.log(v)):
            return d * v


@numba.njit(cache=True)
def _beta_general(state: np.ndarray, a: float, b: float) -> float:
    """Beta(a, b) as X / (X + Y), X ~ Gamma(a), Y ~ Gamma(b) (shapes >= 1 here)."""
    x = _std_gamma(state, a)
    y = _std_gamma(state, b)
    return x / (x + y)


@numba.njit(cache=True)
def _poisson(state: np.ndarray, mean: float) -> int:
    """Poisson(mean): multiplication of uniforms below mean 10, otherwise Hörmann's (1993)
    transformed rejection with squeeze (PTRS)."""
    if mean <= 0.0:
        return 0
    if mean < 10.0:
        limit = math.exp(-mean)
        k = 0
        prod = _uniform(state)
        while prod > limit:
            k += 1
            prod *= _uniform(state)
        return k
    slam = math.sqrt(mean)
    log_mean = math.log(mean)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    log_inv_alpha = math.log(1.1239 + 1.1328 / (b - 3.4))
    v_r = 0.9277 - 3.6224 / (b - 2.0)
    while True:
        u = _uniform(state) - 0.5
        v = _uniform(state)
        us = 0.5 - abs(u)
        k = math.floor((2.0 * a / us + b) * u + mean + 0.43)
        if us >= 0.07 and v <= v_r:
            return int(k)
        if k < 0.0 or (us < 0.013 and v > us):
            continue
        if math.log(v) + log_inv_alpha - math.log(a / (us * us) + b) <= -mean + k * log_mean - math.lgamma(k + 1.0):
            return int(k)


@numba.njit(cache=True)
def _log_gamma_draw(state: np.ndarray, shape: float) -> float:
    """log of a Gamma(shape, 1) draw, exact also for tiny shapes where the draw underflows."""
    if shape >= 1.0:
        return np.log(_std_gamma(state, shape))
    # Gamma(a) = Gamma(a + 1) * U^(1/a) (Marsaglia & Tsang's boost), taken in logs.
    return np.log(_std_gamma(state, shape + 1.0)) + np.log(_uniform(state)) / shape


@numba.njit(cache=True)
def _log_beta_pair(state: np.ndarray, a: float, b: float) -> tuple[float, float]:
    """(log V, log(1 - V)) for V ~ Beta(a, b), without forming 1 - V."""
    if a >= 1.0 and b >= 1.0:
        # Both gamma draws are ordinary positive numbers here (no underflow): three logs,
        # where the log-sum-exp form below needs three logs and two exps.
        x = _std_gamma(state, a)
        y = _std_gamma(state, b)
        log_sum = np.log(x + y)
        return np.log(x) - log_sum, np.log(y) - log_sum
    log_x = _log_gamma_draw(state, a)
    log_y = _log_gamma_draw(state, b)
    top = max(log_x, log_y)
    log_sum = top + np.log(np.exp(log_x - top) + np.exp(log_y - top))
    return log_x - log_sum, log_y - log_sum


@numba.njit(cache=True)
def _binomial_inversion(state: np.ndarray, n: int, p: float) -> int:
    """Binomial(n, p) by inversion, for small means (n p below ~10), with p <= 0.5.

    Most class-split draws have a tiny mean (a pattern rarely falls in a minor class); this
    costs one uniform and one exp there, against ~60 ns for the general-purpose sampler.
    """
    q = 1.0 - p
    if n <= 65536:
        # (1 - p)^n by repeated squaring: at most 17 multiplications instead of log1p and exp;
        # the rounding of q costs about n/2 ulp of relative error in p0 (~1e-13 at n = 1,000).
        p0 = 1.0
        base = q
        e = n
        while e > 0:
            if e & 1:
                p0 *= base
            base *= base
            e >>= 1
    else:
        p0 = np.exp(n * np.log1p(-p))
    mean = n * p
    bound = min(float(n), mean + 10.0 * np.sqrt(mean * q + 1.0))
    while True:
        u = _uniform(state)
        x = 0
        px = p0
        while u > px:
            u -= px
            x += 1
            if x > bound:
                break
            px *= (n - x + 1) * p / (x * q)
        if x <= bound:
            return x
        # Rounding pushed the walk past any plausible value: start over (as NumPy does).


@numba.njit(cache=True)
def _binomial_btrs(state: np.ndarray, n: int, p: float, log_fact: np.ndarray) -> int:
    """Binomial(n, p) for n p >= 10 and p <= 0.5: Hörmann's (1993) transformed rejection
    with squeeze (BTRS).

    Most proposals are accepted by the squeeze with two uniforms and a few flops; NumPy's
    BTPE needs a costlier set-up on every call, which dominates here because (n, p) change
    with every draw. log_fact[i] = log(i!) for i <= n (a table: the slow path is common
    when n p is small, and three lgamma calls there cost more than the rest of the draw).
    """
    q = 1.0 - p
    spq = np.sqrt(n * p * q)
    b = 1.15 + 2.53 * spq
    a = -0.0873 + 0.0248 * b + 0.01 * p
    c = n * p + 0.5
    v_r = 0.92 - 4.2 / b
    have_log_terms = False
    alpha = 0.0
    log_odds = 0.0
    mode = 0.0
    log_f_mode = 0.0
    while True:
        u = _uniform(state) - 0.5
        v = _uniform(state)
        us = 0.5 - abs(u)
        k = np.floor((2.0 * a / us + b) * u + c)
        if k < 0.0 or k > n:
            continue
        if us >= 0.07 and v <= v_r:
            return int(k)
        if not have_log_terms:  # only the rare slow path pays for the log-gamma terms
            alpha = (2.83 + 5.1 / b) * spq
            log_odds = np.log(p / q)
            mode = np.floor((n + 1) * p)
            log_f_mode = log_fact[int(mode)] + log_fact[n - int(mode)]
            have_log_terms = True
        v = np.log(v * alpha / (a / (us * us) + b))
        ik = int(k)
        if v <= log_f_mode - log_fact[ik] - log_fact[n - ik] + (k - mode) * log_odds:
            return int(k)


@numba.njit(cache=True)
def _binomial(state: np.ndarray, n: int, p: float, log_fact: np.ndarray) -> int:
    """Binomial(n, p): inversion for small means, transformed rejection otherwise."""
    if p <= 0.5:
        if n * p < 10.0:
            return _binomial_inversion(state, n, p)
        return _binomial_btrs(state, n, p, log_fact)
    if n * (1.0 - p) < 10.0:
        return n - _binomial_inversion(state, n, 1.0 - p)
    return n - _binomial_btrs(state, n, 1.0 - p, log_fact)


# Classes at the end of the visiting order that together hold less than this share of a
# pattern's weight are split off in one draw; usually nobody falls there and they are skipped.
TAIL_SHARE = 0.01


# Below this many people left to place, one uniform per person beats a binomial per class.
FEW_PEOPLE = 12


@numba.njit(cache=True)
def _split_range(
    state: np.ndarray,
    total: int,
    weights: np.ndarray,
    order: np.ndarray,
    start: int,
    stop: int,
    mass: float,
    out: np.ndarray,
    log_fact: np.ndarray,
) -> None:
    """Multinomial split of `total` over classes order[start:stop] (summed weight `mass`)."""
    left = total
    for i in range(start, stop - 1):
        if left == 0:
            return
        if left <= FEW_PEOPLE:
            # Place the last few people one by one: a categorical draw over the classes
            # still open, scanned largest first so the scan is short.
            for _ in range(left):
                u = _uniform(state) * mass
                chosen = order[stop - 1]
                for m in range(i, stop - 1):
                    u -= weights[order[m]]
                    if u < 0.0:
                        chosen = order[m]
                        break
                out[chosen] += 1
            return
        k = order[i]
        p = weights[k] / mass if mass > 0.0 else 0.0
        if p >= 1.0:
            out[k] += left
            return
        if p > 0.0:
            drawn = _binomial(state, left, p, log_fact)
            out[k] += drawn
            left -= drawn
        mass -= weights[k]
    out[order[stop - 1]] += left


@numba.njit(cache=True)
def _split(
    state: np.ndarray,
    total: int,
    weights: np.ndarray,
    order: np.ndarray,
    out: np.ndarray,
    log_fact: np.ndarray,
    K: int,
) -> None:
    """Multinomial(total, weights[:K] / sum(weights[:K])) into out, by conditional binomials.

    Classes are visited largest weight first (sorted into the scratch array `order`), so the
    count is usually used up after a few classes. The trailing classes that hold less than
    TAIL_SHARE of the weight first get their joint share in one binomial draw (multinomial
    cells can be merged and split again exactly), so the many near-empty classes usually cost
    one cheap draw instead of one each.
    """
    for k in range(K):
        out[k] = 0
    # Insertion sort of the class indices by this pattern's own weights, largest first:
    # a pattern's mass usually sits in two or three classes, whatever their stick order.
    for i in range(K):
        order[i] = i
    for i in range(1, K):
        k = order[i]
        w = weights[k]
        j = i - 1
        while j >= 0 and weights[order[j]] < w:
            order[j + 1] = order[j]
            j -= 1
        order[j + 1] = k
    total_mass = 0.0
    for k in range(K):
        total_mass += weights[k]
    if total_mass <= 0.0 or total == 0:
        out[order[0]] = total
        return
    # Find the head: the shortest prefix of `order` holding >= 1 - TAIL_SHARE of the weight.
    head_mass = 0.0
    head = 0
    while head < K and head_mass < (1.0 - TAIL_SHARE) * total_mass:
        head_mass += weights[order[head]]
        head += 1
    if head >= K - 1:  # no tail worth separating
        _split_range(state, total, weights, order, 0, K, total_mass, out, log_fact)
        return
    tail_mass = total_mass - head_mass
    in_tail = _binomial(state, total, min(1.0, max(0.0, tail_mass / total_mass)), log_fact)
    _split_range(state, total - in_tail, weights, order, 0, head, head_mass, out, log_fact)
    if in_tail > 0:
        _split_range(state, in_tail, weights, order, head, K, tail_mass, out, log_fact)


@numba.njit(cache=True)
def _beta_one_side(state: np.ndarray, a: int, b: int) -> float:
    """Beta(a, b) for integer shapes >= 1, with exact shortcuts when a shape is 1.

    Empty or one-sided classes (nobody in the class, or everybody or nobody in it on a list)
    are common, and Beta(1, b) = 1 - U^(1/b), Beta(a, 1) = U^(1/a) need one uniform where
    the general sampler needs two gamma draws.
    """
    if a == 1 and b == 1:
        return _uniform(state)
    if a == 1:
        return -np.expm1(np.log(_uniform(state)) / b)
    if b == 1:
        return np.exp(np.log(_uniform(state)) / a)
    return _beta_general(state, float(a), float(b))


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
            log_1mv = np.log(_uniform(state)) / (alpha + after)
            log_v = np.log(-np.expm1(log_1mv))
        else:
            log_v, log_1mv = _log_beta_pair(state, 1.0 + class_totals[k], alpha + after)
        log_pi[k] = log_rest + log_v
        log_rest += log_1mv
        sum_log_1mv += log_1mv
    log_pi[K - 1] = log_rest
    return sum_log_1mv


# Random-walk reach of the collapsed move, in units of sqrt(observed people in the class).
# Tuned on Kosovo: 30-100 cut the sweeps per effective draw of N from ~960 to ~400; 300 is
# too bold (most proposals rejected).
COLLAPSED_REACH = 30.0


@numba.njit(cache=True)
def _log_collapsed_target(
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
def _move_missing(
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
    random step and accepts by the collapsed target (`_log_collapsed_target`); pi and lambda
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
        delta = 1 + int(_uniform(state) * reach)
        if _uniform(state) < 0.5:
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
        u = _uniform(state)
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
            lam[j, k] = _uniform(state)
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

    # Raw pointers for the helpers' arguments (see `_data_pointer`); the arrays stay alive here.
    # The sweep below touches these arrays only through their pointers, and `_keep_alive`
    # after the loop holds the arrays: Numba frees an array after its last use by name.
    state_p = _data_pointer(state)
    log_fact_p = _data_pointer(log_fact)
    log_pi_p = _data_pointer(log_pi)
    weights_p = _data_pointer(weights)
    order_p = _data_pointer(order)
    miss_weights_p = _data_pointer(miss_weights)
    split_p = _data_pointer(split)
    class_totals_p = _data_pointer(class_totals)
    mv_after_p = _data_pointer(mv_after)
    mv_lg_after_p = _data_pointer(mv_lg_after)
    mv_stick_p = _data_pointer(mv_stick)
    mv_lam_term_p = _data_pointer(mv_lam_term)
    mv_trial_p = _data_pointer(mv_trial)
    mv_trial_lg_p = _data_pointer(mv_trial_lg)
    mv_lg_ok_p = _data_pointer(mv_lg_ok)
    mv_trial_ok_p = _data_pointer(mv_trial_ok)

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
            _split(state_p, counts[p], weights_p, order_p, split_p, log_fact_p, K)
            for k in range(K):
                if split_p[k] > 0:
                    class_totals_p[k] += split_p[k]
                    for j in range(J):
                        if patterns[p, j] == 1:
                            captured[j, k] += split_p[k]
        _split(state_p, n0, miss_weights_p, order_p, split_p, log_fact_p, K)
        for k in range(K):
            class_totals_p[k] += split_p[k]

        # 1b. Collapsed Metropolis moves on the unobserved count of each class.
        if collapsed_moves:
            n0 = _move_missing(
                state_p, split_p, class_totals_p, captured, alpha, n, n0, cap, log_fact_p,
                mv_after_p, mv_lg_after_p, mv_stick_p, mv_lam_term_p, mv_trial_p, mv_trial_lg_p,
                mv_lg_ok_p, mv_trial_ok_p,
            )

        # 2. Capture probabilities per list and class.
        for j in range(J):
            for k in range(K):
                lam[j, k] = _beta_one_side(state_p, 1 + captured[j, k], 1 + class_totals_p[k] - captured[j, k])

        # 3-4. Stick-breaking weights and their concentration.
        sum_log_1mv = _stick_weights(state_p, class_totals_p, alpha, log_pi_p, K)
        alpha = _std_gamma(state_p, a_alpha + K - 1.0) / (b_alpha - sum_log_1mv)

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
            rate = _std_gamma(state_p, float(n)) * (p0 / p_seen)
            # A Poisson mean far beyond the cap is certainly rejected; skip the draw (and the
            # overflow of a Poisson with an astronomically large mean).
            if rate < 1e15:
                n0 = _poisson(state_p, rate)
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
    _keep_alive(state, log_fact, log_pi, weights, order, miss_weights, split, class_totals)
    _keep_alive(mv_after, mv_lg_after, mv_stick, mv_lam_term, mv_trial, mv_trial_lg, mv_lg_ok, mv_trial_ok)
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
    """Run one chain with its own xoshiro256** stream seeded from `seed`. Top-level in this light module (NumPy and
    Numba only) so that a spawned worker process starts quickly."""
    state = rng_state(seed)
    start, cpu_start = time.perf_counter(), time.process_time()
    N, alpha, occupied, redraws = run_chain(
        np.ascontiguousarray(patterns, dtype=np.int8),
        np.ascontiguousarray(counts, dtype=np.int64),
        K, float(a_alpha), float(b_alpha), burn_in, samples, thin, CAP_FACTOR, state, collapsed_moves,
    )
    return ChainRun(N, alpha, occupied, redraws, time.perf_counter() - start, time.process_time() - cpu_start)
