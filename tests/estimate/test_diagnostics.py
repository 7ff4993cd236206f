"""R-hat and ESS on processes whose answers are known in closed form."""

from __future__ import annotations

import numpy as np
import pytest

from reckon.estimate.diagnostics import ess_bulk, ess_mean, ess_tail, mcse_quantile, rhat, split_chains


def ar1(rng: np.random.Generator, chains: int, n: int, phi: float) -> np.ndarray:
    """Stationary AR(1) chains x_t = phi x_{t-1} + e_t; ESS per draw = (1 - phi) / (1 + phi)."""
    x = np.empty((chains, n))
    x[:, 0] = rng.normal(size=chains) / np.sqrt(1 - phi**2)
    noise = rng.normal(size=(chains, n))
    for t in range(1, n):
        x[:, t] = phi * x[:, t - 1] + noise[:, t]
    return x


def test_iid_normal_has_rhat_one_and_ess_near_n() -> None:
    draws = np.random.default_rng(1).normal(size=(4, 2000))
    assert rhat(draws) == pytest.approx(1.0, abs=0.01)
    # Independent draws: ESS ~ 8000; its sampling error is a few percent.
    assert ess_bulk(draws) == pytest.approx(8000, rel=0.1)
    assert ess_mean(draws) == pytest.approx(8000, rel=0.1)
    assert ess_tail(draws) == pytest.approx(8000, rel=0.15)


@pytest.mark.parametrize("phi", [0.5, 0.9])
def test_ar1_ess_matches_theory(phi: float) -> None:
    draws = ar1(np.random.default_rng(2), chains=4, n=20_000, phi=phi)
    expected = draws.size * (1 - phi) / (1 + phi)  # 26,667 for 0.5; 4,211 for 0.9
    assert ess_mean(draws) == pytest.approx(expected, rel=0.15)
    assert ess_bulk(draws) == pytest.approx(expected, rel=0.15)
    assert rhat(draws) < 1.01


def test_chains_with_different_means_have_large_rhat() -> None:
    rng = np.random.default_rng(3)
    draws = rng.normal(size=(4, 1000)) + np.array([0.0, 0.0, 0.0, 3.0])[:, None]
    assert rhat(draws) > 1.3


def test_chains_with_different_spread_are_caught_by_folded_rhat() -> None:
    # Same centre, different scale: the bulk R-hat cannot see it, the folded one can.
    rng = np.random.default_rng(4)
    draws = rng.normal(size=(4, 2000)) * np.array([1.0, 1.0, 1.0, 4.0])[:, None]
    assert rhat(draws) > 1.05


def test_trend_within_one_chain_is_caught_by_splitting() -> None:
    rng = np.random.default_rng(5)
    draws = rng.normal(size=(1, 2000)) + np.linspace(0, 4, 2000)[None, :]
    assert split_chains(draws).shape == (2, 1000)
    assert rhat(draws) > 1.2


def test_mcse_of_median_for_iid_normal() -> None:
    # Theory: sd(median) = sqrt(pi / 2) / sqrt(n) for standard normal draws.
    draws = np.random.default_rng(6).normal(size=(4, 2500))
    assert mcse_quantile(draws, 0.5) == pytest.approx(np.sqrt(np.pi / 2) / 100, rel=0.2)


def test_constant_draws_give_nan_not_an_error() -> None:
    draws = np.ones((2, 100))
    assert np.isnan(ess_mean(draws))
    assert np.isnan(rhat(draws))
