"""The kernel's random numbers: the xoshiro256** recurrence, seeding, and each sampler against
its exact law (KS and chi-square tests at a 1e-3 level, moments within 4 standard errors)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from reckon.estimate.lcmcr.rng import (
    beta_integer,
    binomial,
    next_u64,
    normal,
    poisson,
    seeded_state,
    std_gamma,
    uniform,
)


def test_xoshiro_step_matches_the_published_recurrence() -> None:
    # Blackman & Vigna's xoshiro256**: output rotl(s1 * 5, 7) * 9; t = s1 << 17; s2 ^= s0;
    # s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45). Re-done in Python integers.
    mask = (1 << 64) - 1

    def rotl(x: int, k: int) -> int:
        return ((x << k) | (x >> (64 - k))) & mask

    state = seeded_state(2024)
    s = [int(w) for w in state[:4]]
    for _ in range(1000):
        expected = (rotl((s[1] * 5) & mask, 7) * 9) & mask
        t = (s[1] << 17) & mask
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        assert int(next_u64(state)) == expected
    assert [int(w) for w in state[:4]] == s


def test_seeding_is_reproducible_and_children_differ() -> None:
    a, b = np.random.SeedSequence(5).spawn(2)
    assert (seeded_state(a) == seeded_state(np.random.SeedSequence(5).spawn(2)[0])).all()
    assert not (seeded_state(a)[:4] == seeded_state(b)[:4]).any()
    assert seeded_state(7).dtype == np.uint64 and seeded_state(7)[:4].any()


def test_uniforms_are_uniform_and_uncorrelated() -> None:
    state = seeded_state(31)
    u = np.array([uniform(state) for _ in range(200_000)])
    assert ((u >= 0) & (u < 1)).all()
    assert stats.kstest(u, "uniform").pvalue > 1e-3
    assert u.mean() == pytest.approx(0.5, abs=4 * math.sqrt(1 / 12 / u.size))
    assert u.var() == pytest.approx(1 / 12, rel=0.01)
    assert abs(np.corrcoef(u[:-1], u[1:])[0, 1]) < 4 / math.sqrt(u.size)


def test_normals_follow_the_normal_law() -> None:
    state = seeded_state(32)
    z = np.array([normal(state) for _ in range(100_000)])
    assert stats.kstest(z, "norm").pvalue > 1e-3
    assert z.mean() == pytest.approx(0.0, abs=4 / math.sqrt(z.size))
    assert z.var() == pytest.approx(1.0, rel=0.02)
    # The polar method's pair is used in turn (the second kept for the next call): the two
    # halves of each pair must be independent, not just uncorrelated.
    first, second = z[0::2], z[1::2]
    bound = 4 / math.sqrt(first.size)
    assert abs(np.corrcoef(first, second)[0, 1]) < bound
    assert abs(np.corrcoef(first**2, second**2)[0, 1]) < bound
    assert abs(np.corrcoef(np.abs(first), np.abs(second))[0, 1]) < bound


@pytest.mark.parametrize("shape", [0.05, 0.3, 1.0, 2.5, 9.25, 300.0, 4400.0])
def test_gamma_draws_follow_the_gamma_law(shape: float) -> None:
    # Marsaglia-Tsang above 1, the boost below (the stick-breaking and alpha draws use both).
    state = seeded_state(33)
    g = np.array([std_gamma(state, shape) for _ in range(40_000)])
    assert (g >= 0).all()
    assert stats.kstest(g, stats.gamma(shape).cdf).pvalue > 1e-3
    assert g.mean() == pytest.approx(shape, abs=4 * math.sqrt(shape / g.size))
    # sd of the sample variance: shape * sqrt((2 + 6 / shape) / n) (excess kurtosis 6 / shape)
    assert g.var() == pytest.approx(shape, abs=4 * shape * math.sqrt((2 + 6 / shape) / g.size))


@pytest.mark.parametrize("mean", [0.4, 3.0, 9.9, 10.0, 57.3, 5000.0, 2.5e6])
def test_poisson_draws_follow_the_poisson_law(mean: float) -> None:
    # Multiplication of uniforms below 10, PTRS from 10 (n0's draw: means in the thousands).
    state = seeded_state(34)
    draws = np.array([poisson(state, mean) for _ in range(40_000)])
    lo, hi = (int(v) for v in stats.poisson.ppf([1e-3, 1 - 1e-3], mean))
    if hi - lo > 60:  # large means: chi-square on 40 equal-probability bins
        edges = np.unique(stats.poisson.ppf(np.linspace(0, 1, 41)[1:-1], mean))
        cdf = np.concatenate([[0.0], stats.poisson.cdf(edges, mean), [1.0]])
        observed = np.bincount(np.searchsorted(edges, draws, side="left"), minlength=len(cdf) - 1)
        expected = len(draws) * np.diff(cdf)
    else:
        lo = max(lo, 0)
        observed = np.array([(draws <= lo).sum(), *((draws == k).sum() for k in range(lo + 1, hi)), (draws >= hi).sum()])
        expected = len(draws) * np.concatenate(
            [[stats.poisson.cdf(lo, mean)], stats.poisson.pmf(np.arange(lo + 1, hi), mean), [stats.poisson.sf(hi - 1, mean)]]
        )
    chi2 = float(((observed - expected) ** 2 / expected).sum())
    assert stats.chi2.sf(chi2, len(observed) - 1) > 1e-3
    assert draws.mean() == pytest.approx(mean, abs=4 * math.sqrt(mean / len(draws)))
    assert draws.var() == pytest.approx(mean, abs=4 * mean * math.sqrt((2 + 1 / mean) / len(draws)))


@pytest.mark.parametrize("n,p", [(18, 0.3), (20, 0.5), (100, 0.1), (1000, 0.3), (1000, 0.995), (5000, 0.002)])
def test_binomial_draws_follow_the_binomial_law(n: int, p: float) -> None:
    # Covers inversion (small mean), BTRS (large mean) and the p > 1/2 reflections.
    rng = seeded_state(11)
    log_fact = np.array([math.lgamma(i + 1.0) for i in range(n + 1)])
    draws = np.array([binomial(rng, n, p, log_fact) for _ in range(40_000)])
    lo, hi = (int(v) for v in stats.binom.ppf([1e-3, 1 - 1e-3], n, p))
    observed = np.array([(draws <= lo).sum(), *((draws == k).sum() for k in range(lo + 1, hi)), (draws >= hi).sum()])
    expected = len(draws) * np.concatenate(
        [[stats.binom.cdf(lo, n, p)], stats.binom.pmf(np.arange(lo + 1, hi), n, p), [stats.binom.sf(hi - 1, n, p)]]
    )
    chi2 = float(((observed - expected) ** 2 / expected).sum())
    assert stats.chi2.sf(chi2, len(observed) - 1) > 1e-3
    assert draws.mean() == pytest.approx(n * p, abs=4 * math.sqrt(n * p * (1 - p) / len(draws)))


@pytest.mark.parametrize("a,b", [(1, 1), (1, 60), (45, 1), (2, 2), (5, 7), (300, 4000)])
def test_beta_draws_with_their_shortcuts_follow_the_beta_law(a: int, b: int) -> None:
    rng = seeded_state(14)
    draws = np.array([beta_integer(rng, a, b) for _ in range(20_000)])
    assert stats.kstest(draws, stats.beta(a, b).cdf).pvalue > 1e-3
    assert ((draws >= 0) & (draws <= 1)).all()
