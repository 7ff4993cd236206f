"""MCMC convergence diagnostics for draws shaped (chain, draw).

Implemented from the definitions in Vehtari, Gelman, Simpson, Carpenter & Bürkner (2021),
"Rank-normalization, folding, and localization: an improved R-hat for assessing convergence
of MCMC", Bayesian Analysis 16(2), and Gelman et al., Bayesian Data Analysis (3rd ed.),
section 11.4-11.5:

- `rhat`: rank-normalised split R-hat, the larger of the bulk and the folded (tail) version.
  Values above 1.01 mean the chains have not mixed.
- `ess_bulk`, `ess_tail`: effective sample sizes of the rank-normalised draws and of the
  5% / 95% quantile indicators; `ess_mean` is the classic ESS of the raw draws.
- `mcse_quantile`: Monte Carlo standard error of a posterior quantile.

ESS uses the multi-chain autocorrelation estimate of BDA3 (eq. 11.7) truncated by Geyer's
(1992) initial monotone sequence.
"""

from __future__ import annotations

import numpy as np
from scipy import stats


def _as_chains(draws: np.ndarray) -> np.ndarray:
    x = np.asarray(draws, dtype=float)
    if x.ndim == 1:
        x = x[None, :]
    if x.ndim != 2:
        raise ValueError(f"draws must be shaped (chain, draw); got shape {x.shape}")
    return x


def split_chains(draws: np.ndarray) -> np.ndarray:
    """Cut every chain into its first and second half (the middle draw of an odd length is
    dropped), so a trend inside one chain shows up as disagreement between halves."""
    x = _as_chains(draws)
    half = x.shape[1] // 2
    return np.concatenate([x[:, :half], x[:, x.shape[1] - half :]], axis=0)


def rank_normalise(draws: np.ndarray) -> np.ndarray:
    """Replace draws by normal scores of their pooled ranks (ties get their average rank)."""
    x = _as_chains(draws)
    ranks = stats.rankdata(x, method="average").reshape(x.shape)
    return stats.norm.ppf((ranks - 3.0 / 8.0) / (x.size + 1.0 / 4.0))


def _rhat_basic(chains: np.ndarray) -> float:
    """Potential scale reduction sqrt(var_plus / W) of already split chains."""
    n = chains.shape[1]
    within = chains.var(axis=1, ddof=1).mean()
    between = n * chains.mean(axis=1).var(ddof=1)
    if within == 0.0:
        return float("nan")
    var_plus = (n - 1) / n * within + between / n
    return float(np.sqrt(var_plus / within))


def rhat(draws: np.ndarray) -> float:
    """Rank-normalised split R-hat (Vehtari et al. 2021): max of bulk and folded R-hat."""
    split = split_chains(draws)
    bulk = _rhat_basic(rank_normalise(split))
    folded = _rhat_basic(rank_normalise(np.abs(split - np.median(split))))
    return float(max(bulk, folded))


def _autocovariance(x: np.ndarray) -> np.ndarray:
    """Biased (divide by n) autocovariance of one chain at lags 0..n-1, by FFT."""
    n = x.shape[0]
    centred = x - x.mean()
    size = 1 << (2 * n - 1).bit_length()  # zero-pad so the circular product is linear
    spectrum = np.fft.rfft(centred, size)
    return np.fft.irfft(spectrum * np.conjugate(spectrum), size)[:n] / n


def _ess(chains: np.ndarray) -> float:
    """ESS of (chain, draw) values by BDA3's multi-chain autocorrelation and Geyer's initial
    monotone sequence."""
    m, n = chains.shape
    if n < 4:
        return float("nan")
    acov = np.array([_autocovariance(chain) for chain in chains])
    chain_var = acov[:, 0] * n / (n - 1.0)
    within = chain_var.mean()
    var_plus = within * (n - 1.0) / n
    if m > 1:
        var_plus += chains.mean(axis=1).var(ddof=1)
    if var_plus <= 0.0 or not np.isfinite(var_plus):
        return float("nan")
    rho = 1.0 - (within - acov.mean(axis=0)) / var_plus
    rho[0] = 1.0
    # Geyer: sums of adjacent pairs are positive and decreasing for a reversible chain; stop
    # at the first negative pair and force the rest to be monotone.
    pair_sums = []
    for t in range(0, n - 1, 2):
        pair = rho[t] + rho[t + 1]
        if pair < 0.0:
            break
        if pair_sums and pair > pair_sums[-1]:
            pair = pair_sums[-1]
        pair_sums.append(pair)
    tau = -1.0 + 2.0 * float(np.sum(pair_sums))
    # Antithetic chains can give tau < 1; Stan bounds it as here so ESS <= S log10(S).
    tau = max(tau, 1.0 / np.log10(m * n))
    return float(m * n / tau)


def ess_mean(draws: np.ndarray) -> float:
    """Classic ESS of the draws themselves (for the posterior mean), on split chains."""
    return _ess(split_chains(draws))


def ess_bulk(draws: np.ndarray) -> float:
    """Bulk ESS: ESS of the rank-normalised split chains (Vehtari et al. 2021)."""
    return _ess(rank_normalise(split_chains(draws)))


def ess_quantile(draws: np.ndarray, prob: float) -> float:
    """ESS for estimating the `prob` quantile: ESS of the indicator draws <= that quantile."""
    x = _as_chains(draws)
    indicator = (x <= np.quantile(x, prob)).astype(float)
    return _ess(split_chains(indicator))


def ess_tail(draws: np.ndarray) -> float:
    """Tail ESS: the smaller of the 5% and 95% quantile ESS."""
    return float(min(ess_quantile(draws, 0.05), ess_quantile(draws, 0.95)))


def mcse_quantile(draws: np.ndarray, prob: float) -> float:
    """Monte Carlo standard error of the `prob` quantile (Vehtari et al. 2021, section 4.3):
    a ±1 standard-deviation interval for the quantile's rank, mapped through sorted draws."""
    x = np.sort(_as_chains(draws).ravel())
    ess = ess_quantile(draws, prob)
    if not np.isfinite(ess):
        return float("nan")
    lower_rank = stats.beta.ppf(stats.norm.cdf(-1.0), ess * prob + 1, ess * (1 - prob) + 1)
    upper_rank = stats.beta.ppf(stats.norm.cdf(1.0), ess * prob + 1, ess * (1 - prob) + 1)
    size = x.size
    lo = x[min(size - 1, max(0, int(np.floor(lower_rank * size))))]
    hi = x[min(size - 1, max(0, int(np.ceil(upper_rank * size)) - 1))]
    return float((hi - lo) / 2.0)
