"""The kernel's random numbers: a xoshiro256** generator and exact samplers written on it.

The generator (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS
2021) lives in a plain uint64 array: 4 state words, then a flag and a slot for the spare
normal of the polar method. NumPy's Generator inside Numba costs an atomic reference-count
increment and decrement around every draw, which was most of a sweep's time; a plain array
does not. The state is seeded from NumPy's SeedSequence (`seeded_state`), so chains stay
reproducible and independent (SeedSequence children feed non-overlapping hashed seeds).

Every sampler takes the state array first and is compiled with Numba, so the Gibbs sweep
calls them without leaving compiled code: uniforms from the top 53 bits, normals by
Marsaglia's polar method, gammas by Marsaglia & Tsang, Poisson by multiplication of uniforms
or Hörmann's PTRS, binomials by inversion or Hörmann's BTRS, and Betas built on those.
Changing any of them changes the seeded draws of every LCMCR run.
"""

from __future__ import annotations

import math

import numba
import numpy as np

from reckon.estimate.lcmcr.intrinsics import bits_float, float_bits

_U64_5 = np.uint64(5)
_U64_9 = np.uint64(9)
_U64_7 = np.uint64(7)
_U64_57 = np.uint64(57)
_U64_17 = np.uint64(17)
_U64_45 = np.uint64(45)
_U64_19 = np.uint64(19)
_U64_11 = np.uint64(11)
_TWO_TO_MINUS_53 = 1.0 / 9007199254740992.0


def seeded_state(seed) -> np.ndarray:
    """Generator state for the kernel: 4 uint64 xoshiro256** words from SeedSequence(seed) (or
    from a SeedSequence passed as is), never all zero (the one state xoshiro cannot leave),
    then a flag and a slot for the spare normal of the polar method (`normal`)."""
    sequence = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
    words = np.zeros(6, dtype=np.uint64)
    words[:4] = sequence.generate_state(4, np.uint64)
    if not words[:4].any():
        words[0] = np.uint64(0x9E3779B97F4A7C15)
    return words


@numba.njit(cache=True)
def next_u64(state: np.ndarray) -> np.uint64:
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
def uniform(state: np.ndarray) -> float:
    """Uniform on [0, 1) with 53 random bits (the top bits of the output)."""
    return float(next_u64(state) >> _U64_11) * _TWO_TO_MINUS_53


@numba.njit(cache=True)
def normal(state: np.ndarray) -> float:
    """Standard normal by Marsaglia's polar method. Each accepted pair of uniforms gives two
    independent normals: the second is kept in state[5] (flag state[4]) for the next call."""
    if state[4] != 0:
        state[4] = 0
        return bits_float(state[5])
    while True:
        u = 2.0 * uniform(state) - 1.0
        v = 2.0 * uniform(state) - 1.0
        s = u * u + v * v
        if 0.0 < s < 1.0:
            factor = math.sqrt(-2.0 * math.log(s) / s)
            state[5] = float_bits(v * factor)
            state[4] = 1
            return u * factor


@numba.njit(cache=True)
def std_gamma(state: np.ndarray, shape: float) -> float:
    """Gamma(shape, 1): Marsaglia & Tsang (2000) for shape >= 1; below 1 through their boost
    Gamma(a) = Gamma(a + 1) * U^(1/a)."""
    if shape < 1.0:
        return std_gamma(state, shape + 1.0) * uniform(state) ** (1.0 / shape)
    d = shape - 1.0 / 3.0
    c = 1.0 / math.sqrt(9.0 * d)
    while True:
        x = normal(state)
        v = 1.0 + c * x
        if v <= 0.0:
            continue
        v = v * v * v
        u = uniform(state)
        x2 = x * x
        if u < 1.0 - 0.0331 * x2 * x2:
            return d * v
        if math.log(u) < 0.5 * x2 + d * (1.0 - v + math.log(v)):
            return d * v


@numba.njit(cache=True)
def _beta_general(state: np.ndarray, a: float, b: float) -> float:
    """Beta(a, b) as X / (X + Y), X ~ Gamma(a), Y ~ Gamma(b) (shapes >= 1 here)."""
    x = std_gamma(state, a)
    y = std_gamma(state, b)
    return x / (x + y)


@numba.njit(cache=True)
def beta_integer(state: np.ndarray, a: int, b: int) -> float:
    """Beta(a, b) for integer shapes >= 1, with exact shortcuts when a shape is 1.

    Empty or one-sided classes (nobody in the class, or everybody or nobody in it on a list)
    are common, and Beta(1, b) = 1 - U^(1/b), Beta(a, 1) = U^(1/a) need one uniform where
    the general sampler needs two gamma draws.
    """
    if a == 1 and b == 1:
        return uniform(state)
    if a == 1:
        return -np.expm1(np.log(uniform(state)) / b)
    if b == 1:
        return np.exp(np.log(uniform(state)) / a)
    return _beta_general(state, float(a), float(b))


@numba.njit(cache=True)
def poisson(state: np.ndarray, mean: float) -> int:
    """Poisson(mean): multiplication of uniforms below mean 10, otherwise Hörmann's (1993)
    transformed rejection with squeeze (PTRS)."""
    if mean <= 0.0:
        return 0
    if mean < 10.0:
        limit = math.exp(-mean)
        k = 0
        prod = uniform(state)
        while prod > limit:
            k += 1
            prod *= uniform(state)
        return k
    slam = math.sqrt(mean)
    log_mean = math.log(mean)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    log_inv_alpha = math.log(1.1239 + 1.1328 / (b - 3.4))
    v_r = 0.9277 - 3.6224 / (b - 2.0)
    while True:
        u = uniform(state) - 0.5
        v = uniform(state)
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
        return np.log(std_gamma(state, shape))
    # Gamma(a) = Gamma(a + 1) * U^(1/a) (Marsaglia & Tsang's boost), taken in logs.
    return np.log(std_gamma(state, shape + 1.0)) + np.log(uniform(state)) / shape


@numba.njit(cache=True)
def log_beta_pair(state: np.ndarray, a: float, b: float) -> tuple[float, float]:
    """(log V, log(1 - V)) for V ~ Beta(a, b), without forming 1 - V."""
    if a >= 1.0 and b >= 1.0:
        # Both gamma draws are ordinary positive numbers here (no underflow): three logs,
        # where the log-sum-exp form below needs three logs and two exps.
        x = std_gamma(state, a)
        y = std_gamma(state, b)
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
        u = uniform(state)
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
        u = uniform(state) - 0.5
        v = uniform(state)
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
def binomial(state: np.ndarray, n: int, p: float, log_fact: np.ndarray) -> int:
    """Binomial(n, p): inversion for small means, transformed rejection otherwise."""
    if p <= 0.5:
        if n * p < 10.0:
            return _binomial_inversion(state, n, p)
        return _binomial_btrs(state, n, p, log_fact)
    if n * (1.0 - p) < 10.0:
        return n - _binomial_inversion(state, n, 1.0 - p)
    return n - _binomial_btrs(state, n, 1.0 - p, log_fact)
