"""fit_lcmcr: its settings, the shape and reproducibility of its result, and agreement with R's LCMCR.

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
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from reckon.errors import EstimationError, StatisticalWarning
from reckon.estimate import diagnostics
from reckon.estimate.histories import CaptureHistories, read_capture_csv
from reckon.estimate.lcmcr import fit_lcmcr
from reckon.estimate.lcmcr.summary import count_modes

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


@pytest.fixture
def kosovo(load: Callable[[str], CaptureHistories]) -> CaptureHistories:
    return load("kosovo_4lists.csv")


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


# --- settings, result shape, reproducibility ----------------------------------------------


def test_result_has_the_documented_shape(kosovo: CaptureHistories) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StatisticalWarning)
        result = fit_lcmcr(kosovo, chains=2, burn_in=500, samples=100, thin=5, processes=1)
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


def test_same_seed_same_draws_in_one_process_or_two(kosovo: CaptureHistories) -> None:
    settings = dict(chains=2, burn_in=300, samples=50, thin=3, seed=42)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StatisticalWarning)
        calls: list[tuple[int, int]] = []
        serial = fit_lcmcr(kosovo, processes=1, progress=lambda *a: calls.append(a), **settings)
        parallel = fit_lcmcr(kosovo, processes=2, progress=lambda *a: calls.append(a), **settings)
        other = fit_lcmcr(kosovo, processes=1, **{**settings, "seed": 43})
    np.testing.assert_array_equal(serial.draws, parallel.draws)
    assert calls == [(1, 2), (2, 2), (1, 2), (2, 2)]  # progress(done, total) per finished chain
    assert not np.array_equal(serial.draws, other.draws)
    assert not np.array_equal(serial.draws[0], serial.draws[1])  # chains get different streams


@pytest.mark.parametrize(
    "setting,fragment",
    [({"K": 1}, "K=1"), ({"chains": 0}, "chains=0"), ({"thin": 0}, "thin=0"), ({"samples": 2}, "samples=2"),
     ({"level": 1.5}, "level=1.5"), ({"a_alpha": 0.0}, "a_alpha=0.0"), ({"burn_in": -1}, "burn_in=-1")],
)
def test_bad_settings_are_refused_with_the_argument_named(kosovo: CaptureHistories, setting: dict, fragment: str) -> None:
    with pytest.raises(EstimationError, match=fragment):
        fit_lcmcr(kosovo, **setting)


# --- agreement with R's LCMCR -------------------------------------------------------------


def test_reference_draws_give_the_published_anchor(mse_data: Path) -> None:
    draws = reference_draws(mse_data, "lcmcr_kosovo_4lists_K10_5chains.csv")
    assert draws.shape == (5, 10_000)
    assert np.quantile(draws, 0.5) == pytest.approx(KOSOVO_R_MEDIAN, abs=1)
    assert np.quantile(draws, 0.025) == pytest.approx(KOSOVO_R_LOWER, abs=1)
    assert np.quantile(draws, 0.975) == pytest.approx(KOSOVO_R_UPPER, abs=1)
    assert count_modes(draws) == 1
    uk = reference_draws(mse_data, "lcmcr_uk_modern_slavery_2013_6lists_K10_5chains.csv")
    assert np.quantile(uk, [0.025, 0.5, 0.975]) == pytest.approx([UK6_R_LOWER, UK6_R_MEDIAN, UK6_R_UPPER], abs=1)
    # R's own UK run has not fully mixed by the rank-normalised R-hat: be honest about it.
    assert diagnostics.rhat(uk) > 1.01


def test_kosovo_matches_r_in_distribution_short_run(mse_data: Path, kosovo: CaptureHistories) -> None:
    # A shorter run than R's (4 x (10k + 2k x 50) sweeps): the tolerance is its Monte Carlo
    # error, taken from both samples' ESS, not a fixed number.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StatisticalWarning)
        result = fit_lcmcr(kosovo, chains=4, burn_in=10_000, samples=2_000, thin=50, seed=7)
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
def test_kosovo_matches_r_at_full_length(mse_data: Path, kosovo: CaptureHistories) -> None:
    # R's exact settings: 5 chains, 100,000 burn-in, 10,000 samples thinned by 100.
    result = fit_lcmcr(kosovo, chains=5, burn_in=100_000, samples=10_000, thin=100, seed=2024)
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
