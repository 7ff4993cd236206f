"""LCMCR Gibbs sampler: its random pieces, its settings, and agreement with R's LCMCR.

Reference values (R 4.2.2 on this project's 2-core machine, R package LCMCR 0.4.14 built from
source; recorded in the shared data README, ``data/mse/README.md``, "Reference-implementation
anchors"):

    sampler <- lcmCR(captures = <table>, K = 10, a_alpha = 0.25, b_alpha = 0.25, seed = s)
    N <- lcmCR_PostSampl(sampler, burnin = 100000, samples = 10000, thinning = 100)

for seeds s in 11, 12, 13, 14, 2024, pooled (5 x 10,000 draws). The raw draws are in
``data/mse/reference_posteriors/`` (columns seed, draw, N).
"""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from reckon.errors import EstimationError, StatisticalWarning
from reckon.estimate import diagnostics
from reckon.estimate.histories import CaptureHistories, from_rows, read_capture_csv
from reckon.estimate.lcmcr import _count_modes, fit_lcmcr
from reckon.estimate.lcmcr_sampler import (
    COLLAPSED_REACH,
    _beta_one_side,
    _binomial,
    _log_collapsed_target,
    _move_missing,
    _next_u64,
    _normal,
    _poisson,
    _split,
    _std_gamma,
    _uniform,
    rng_state,
    run_chain,
)

# Kosovo, LCMCR 0.4.14 as above: pooled posterior median and 95% quantile interval of N.
KOSOVO_R_MEDIAN = 10_438
KOSOVO_R_LOWER = 9_022
KOSOVO_R_UPPER = 13_909
# UK modern slavery 2013, 6 lists, same settings.
UK6_R_MEDIAN = 22_487
UK6_R_LOWER = 16_297
UK6_R_UPPER = 33_653


def reference_draws(mse_data: Path, name: str) -> np.ndarray:
    """R's draws as (chain, draw): one chain per seed."""
    table = np.loadtxt(mse_data / "reference_posteriors" / name, delimiter=",", skiprows=1)
    seeds = np.unique(table[:, 0])
    return np.stack([table[table[:, 0] == s, 2] for s in seeds])


def kosovo(mse_data: Path) -> CaptureHistories:
    return read_capture_csv(mse_data / "kosovo_4lists.csv")[None]


def quantile_z_scores(ours: np.ndarray, theirs: np.ndarray, probs: list[float]) -> list[float]:
    """(our quantile - their quantile) / combined Monte Carlo standard error, per prob.

    The MCSEs come from each sample's own ESS, so autocorrelation is accounted for."""
    z = []
    for p in probs:
        difference = np.quantile(ours, p) - np.quantile(theirs, p)
        se = math.hypot(diagnostics.mcse_quantile(ours, p), diagnostics.mcse_quantile(theirs, p))
        z.append(float(difference / se))
    return z


def ks_on_independent_draws(ours: np.ndarray, theirs: np.ndarray) -> float:
    """Two-sample KS p-value after thinning each sample to about one draw per two effective
    draws (KS assumes independent draws; MCMC draws are autocorrelated, and ESS estimated
    from short chains is optimistic, hence the factor 2)."""
    def thinned(x: np.ndarray) -> np.ndarray:
        step = max(1, int(np.ceil(2 * x.size / diagnostics.ess_bulk(x))))
        return x[:, ::step].ravel()

    return float(stats.ks_2samp(thinned(ours), thinned(theirs)).pvalue)


# --- the random pieces of the sweep -------------------------------------------------------


# --- the kernel's own random numbers (xoshiro256** and the variates built on it) -----------


def test_xoshiro_step_matches_the_published_recurrence() -> None:
    # Blackman & Vigna's xoshiro256**: output rotl(s1 * 5, 7) * 9; t = s1 << 17; s2 ^= s0;
    # s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 45). Re-done in Python integers.
    mask = (1 << 64) - 1

    def rotl(x: int, k: int) -> int:
        return ((x << k) | (x >> (64 - k))) & mask

    state = rng_state(2024)
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
        assert int(_next_u64(state)) == expected
    assert [int(w) for w in state[:4]] == s


def test_seeding_is_reproducible_and_children_differ() -> None:
    a, b = np.random.SeedSequence(5).spawn(2)
    assert (rng_state(a) == rng_state(np.random.SeedSequence(5).spawn(2)[0])).all()
    assert not (rng_state(a)[:4] == rng_state(b)[:4]).any()
    assert rng_state(7).dtype == np.uint64 and rng_state(7)[:4].any()


def test_uniforms_are_uniform_and_uncorrelated() -> None:
    state = rng_state(31)
    u = np.array([_uniform(state) for _ in range(200_000)])
    assert ((u >= 0) & (u < 1)).all()
    assert stats.kstest(u, "uniform").pvalue > 1e-3
    assert u.mean() == pytest.approx(0.5, abs=4 * math.sqrt(1 / 12 / u.size))
    assert u.var() == pytest.approx(1 / 12, rel=0.01)
    assert abs(np.corrcoef(u[:-1], u[1:])[0, 1]) < 4 / math.sqrt(u.size)


def test_normals_follow_the_normal_law() -> None:
    state = rng_state(32)
    z = np.array([_normal(state) for _ in range(100_000)])
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
    state = rng_state(33)
    g = np.array([_std_gamma(state, shape) for _ in range(40_000)])
    assert (g >= 0).all()
    assert stats.kstest(g, stats.gamma(shape).cdf).pvalue > 1e-3
    assert g.mean() == pytest.approx(shape, abs=4 * math.sqrt(shape / g.size))
    # sd of the sample variance: shape * sqrt((2 + 6 / shape) / n) (excess kurtosis 6 / shape)
    assert g.var() == pytest.approx(shape, abs=4 * shape * math.sqrt((2 + 6 / shape) / g.size))


@pytest.mark.parametrize("mean", [0.4, 3.0, 9.9, 10.0, 57.3, 5000.0, 2.5e6])
def test_poisson_draws_follow_the_poisson_law(mean: float) -> None:
    # Multiplication of uniforms below 10, PTRS from 10 (n0's draw: means in the thousands).
    state = rng_state(34)
    draws = np.array([_poisson(state, mean) for _ in range(40_000)])
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
    rng = rng_state(11)
    log_fact = np.array([math.lgamma(i + 1.0) for i in range(n + 1)])
    draws = np.array([_binomial(rng, n, p, log_fact) for _ in range(40_000)])
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
    rng = rng_state(14)
    draws = np.array([_beta_one_side(rng, a, b) for _ in range(20_000)])
    assert stats.kstest(draws, stats.beta(a, b).cdf).pvalue > 1e-3
    assert ((draws >= 0) & (draws <= 1)).all()


@pytest.mark.parametrize("total", [7, 40, 3000])
def test_split_is_multinomial(total: int) -> None:
    # Counts per class must be Binomial(total, w_k / sum w) marginally and add up to total;
    # the weights include near-empty classes (the lumped tail) and small counts (one by one).
    weights = np.array([0.02, 0.5, 1e-4, 0.3, 0.005, 0.17, 1e-7, 0.004, 0.0, 0.001])
    rng = rng_state(12)
    log_fact = np.array([math.lgamma(i + 1.0) for i in range(total + 1)])
    order = np.empty(10, dtype=np.int64)
    out = np.empty(10, dtype=np.int64)
    reps = 20_000
    draws = np.empty((reps, 10), dtype=np.int64)
    for r in range(reps):
        _split(rng, total, weights, order, out, log_fact, 10)
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
    kernel = [_log_collapsed_target(observed + x, captured, x, alpha, n, log_fact) for x in (a, b)]
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
        current = _log_collapsed_target(observed + missing, captured, missing, alpha, n, log_fact)
        for k in range(len(missing)):
            if observed[k] == 0:
                continue
            reach = 1 + int(COLLAPSED_REACH * np.sqrt(observed[k] + 1.0))
            delta = 1 + int(_uniform(rng) * reach)
            if _uniform(rng) < 0.5:
                delta = -delta
            if missing[k] + delta < 0 or missing.sum() + delta > cap:
                continue
            missing[k] += delta
            proposed = _log_collapsed_target(observed + missing, captured, missing, alpha, n, log_fact)
            if np.log(_uniform(rng)) < proposed - current:
                current = proposed
            else:
                missing[k] -= delta
        return missing

    for trial in range(200):
        missing = state.integers(0, 400, size=5)
        alpha = float(state.uniform(0.1, 3.0))
        expected = python_move(rng_state(trial), missing, alpha)
        got_missing, got_totals = missing.copy(), observed + missing
        K = len(missing)
        scratch = [np.zeros(K, dtype=np.int64), *(np.zeros(K) for _ in range(5))]
        scratch += [np.zeros(K, dtype=np.int8), np.zeros(K, dtype=np.int8)]
        n0 = _move_missing(rng_state(trial), got_missing, got_totals, captured, alpha, n,
                           int(missing.sum()), cap, log_fact, *scratch)
        np.testing.assert_array_equal(got_missing, expected)
        np.testing.assert_array_equal(got_totals, observed + expected)
        assert n0 == expected.sum()


def test_collapsed_moves_leave_the_posterior_unchanged() -> None:
    # Same small table, plain Gibbs (LCMCR's sampler) and Gibbs + collapsed moves: the
    # posterior quantiles of N agree within Monte Carlo error.
    histories = from_rows(["A", "B", "C"], [((1, 0, 0), 60), ((0, 1, 0), 50), ((0, 0, 1), 40),
                                            ((1, 1, 0), 20), ((1, 0, 1), 15), ((0, 1, 1), 10), ((1, 1, 1), 6)])
    draws = {}
    for collapsed in (False, True):
        chains = []
        for seed in (1, 2):
            rng = rng_state([seed, int(collapsed)])
            N, *_ = run_chain(histories.patterns, histories.counts, 10, 0.25, 0.25, 5_000, 4_000, 20, 20.0, rng, collapsed)
            chains.append(N)
        draws[collapsed] = np.stack(chains)
    for p in (0.1, 0.5, 0.9):
        difference = np.quantile(draws[True], p) - np.quantile(draws[False], p)
        se = math.hypot(diagnostics.mcse_quantile(draws[True], p), diagnostics.mcse_quantile(draws[False], p))
        # N is a small integer here (about 350), so allow 2 for the draws' discreteness.
        assert abs(difference) <= 4 * se + 2, (p, difference, se)


# --- settings, result shape, reproducibility ----------------------------------------------


def test_result_has_the_documented_shape(mse_data: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StatisticalWarning)
        result = fit_lcmcr(kosovo(mse_data), chains=2, burn_in=500, samples=100, thin=5, processes=1)
    assert result.method == "lcmcr"
    assert result.model == "K=10"
    assert result.interval_kind == "posterior quantiles"
    assert result.observed == 4_400
    assert result.draws.shape == (2, 100)
    assert result.estimate == float(np.median(result.draws))
    assert result.lower == pytest.approx(np.quantile(result.draws, 0.025))
    assert result.upper == pytest.approx(np.quantile(result.draws, 0.975))
    assert (result.draws >= 4_400).all() and (result.draws <= 21 * 4_400).all()
    for key in ("rhat", "ess_bulk", "ess_tail", "ess_per_second", "ess_per_cpu_second", "mean", "seconds",
                "fraction_at_cap"):
        assert key in result.diagnostics
    assert result.parameters["K"] == 10 and result.parameters["a_alpha"] == 0.25
    assert result.to_dict()["method"] == "lcmcr"


def test_same_seed_same_draws_in_one_process_or_two(mse_data: Path) -> None:
    settings = dict(chains=2, burn_in=300, samples=50, thin=3, seed=42)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StatisticalWarning)
        calls: list[tuple[int, int]] = []
        serial = fit_lcmcr(kosovo(mse_data), processes=1, progress=lambda *a: calls.append(a), **settings)
        parallel = fit_lcmcr(kosovo(mse_data), processes=2, progress=lambda *a: calls.append(a), **settings)
        other = fit_lcmcr(kosovo(mse_data), processes=1, **{**settings, "seed": 43})
    np.testing.assert_array_equal(serial.draws, parallel.draws)
    assert calls == [(1, 2), (2, 2), (1, 2), (2, 2)]  # progress(done, total) per finished chain
    assert not np.array_equal(serial.draws, other.draws)
    assert not np.array_equal(serial.draws[0], serial.draws[1])  # chains get different streams


@pytest.mark.parametrize(
    "setting,fragment",
    [({"K": 1}, "K=1"), ({"chains": 0}, "chains=0"), ({"thin": 0}, "thin=0"), ({"samples": 2}, "samples=2"),
     ({"level": 1.5}, "level=1.5"), ({"a_alpha": 0.0}, "a_alpha=0.0"), ({"burn_in": -1}, "burn_in=-1")],
)
def test_bad_settings_are_refused_with_the_argument_named(mse_data: Path, setting: dict, fragment: str) -> None:
    with pytest.raises(EstimationError, match=fragment):
        fit_lcmcr(kosovo(mse_data), **setting)


# --- honest warnings ----------------------------------------------------------------------


def test_short_chains_warn_about_convergence_and_ess(mse_data: Path) -> None:
    with pytest.warns(StatisticalWarning) as caught:
        result = fit_lcmcr(kosovo(mse_data), chains=2, burn_in=200, samples=50, thin=1, processes=1)
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
    assert _count_modes(two.reshape(2, -1)) == 2
    assert _count_modes(one.reshape(2, -1)) == 1


# --- agreement with R's LCMCR -------------------------------------------------------------


def test_reference_draws_give_the_published_anchor(mse_data: Path) -> None:
    draws = reference_draws(mse_data, "lcmcr_kosovo_4lists_K10_5chains.csv")
    assert draws.shape == (5, 10_000)
    assert np.quantile(draws, 0.5) == pytest.approx(KOSOVO_R_MEDIAN, abs=1)
    assert np.quantile(draws, 0.025) == pytest.approx(KOSOVO_R_LOWER, abs=1)
    assert np.quantile(draws, 0.975) == pytest.approx(KOSOVO_R_UPPER, abs=1)
    assert _count_modes(draws) == 1
    uk = reference_draws(mse_data, "lcmcr_uk_modern_slavery_2013_6lists_K10_5chains.csv")
    assert np.quantile(uk, [0.025, 0.5, 0.975]) == pytest.approx([UK6_R_LOWER, UK6_R_MEDIAN, UK6_R_UPPER], abs=1)
    # R's own UK run has not fully mixed by the rank-normalised R-hat: be honest about it.
    assert diagnostics.rhat(uk) > 1.01


def test_kosovo_matches_r_in_distribution_short_run(mse_data: Path) -> None:
    # A shorter run than R's (4 x (10k + 2k x 50) sweeps): the tolerance is its Monte Carlo
    # error, taken from both samples' ESS, not a fixed number.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StatisticalWarning)
        result = fit_lcmcr(kosovo(mse_data), chains=4, burn_in=10_000, samples=2_000, thin=50, seed=7)
    theirs = reference_draws(mse_data, "lcmcr_kosovo_4lists_K10_5chains.csv")
    # ~100 effective draws per chain: too few for R-hat <= 1.01 (the sampler warns), enough
    # to rule out chains stuck in different places.
    assert result.diagnostics["rhat"] < 1.1
    assert result.diagnostics["ess_bulk"] > 100
    z = quantile_z_scores(result.draws, theirs, [0.025, 0.25, 0.5, 0.75, 0.975])
    assert max(abs(v) for v in z) < 4.0, z
    median_tolerance = 4 * math.hypot(result.diagnostics["mcse_median"], diagnostics.mcse_quantile(theirs, 0.5))
    assert result.estimate == pytest.approx(KOSOVO_R_MEDIAN, abs=median_tolerance)
    assert ks_on_independent_draws(result.draws, theirs) > 1e-3


@pytest.mark.slow
def test_kosovo_matches_r_at_full_length(mse_data: Path) -> None:
    # R's exact settings: 5 chains, 100,000 burn-in, 10,000 samples thinned by 100.
    result = fit_lcmcr(kosovo(mse_data), chains=5, burn_in=100_000, samples=10_000, thin=100, seed=2024)
    theirs = reference_draws(mse_data, "lcmcr_kosovo_4lists_K10_5chains.csv")
    assert result.warnings == ()
    z = quantile_z_scores(result.draws, theirs, [0.025, 0.25, 0.5, 0.75, 0.975])
    assert max(abs(v) for v in z) < 4.0, z
    assert ks_on_independent_draws(result.draws, theirs) > 1e-3


@pytest.mark.slow
def test_uk_six_lists_is_in_the_same_place_as_r(mse_data: Path) -> None:
    # Multimodal and slow to mix (R's own run has R-hat > 1.01), so only a loose check: the
    # median within 10% of R's and the 95% intervals overlapping by most of their width.
    histories = read_capture_csv(mse_data / "uk_modern_slavery_2013_6lists.csv")[None]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StatisticalWarning)
        result = fit_lcmcr(histories, chains=4, burn_in=50_000, samples=2_000, thin=100, seed=3)
    assert result.estimate == pytest.approx(UK6_R_MEDIAN, rel=0.10)
    overlap = min(result.upper, UK6_R_UPPER) - max(result.lower, UK6_R_LOWER)
    assert overlap > 0.7 * (UK6_R_UPPER - UK6_R_LOWER)
