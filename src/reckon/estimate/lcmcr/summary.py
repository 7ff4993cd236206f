"""Pool the chains' draws into an EstimateResult: the posterior summary, the diagnostics a
careful reader checks (R-hat, ESS, Monte Carlo errors, modes, the cap) and the warnings
they call for."""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from reckon.errors import StatisticalWarning
from reckon.estimate import diagnostics
from reckon.estimate.histories import CaptureHistories
from reckon.estimate.lcmcr.sampler import CAP_FACTOR, ChainRun
from reckon.estimate.results import EstimateResult

RHAT_LIMIT = 1.01
MIN_ESS_PER_CHAIN = 100  # Vehtari et al. (2021) ask for bulk and tail ESS >= 100 per chain
AT_CAP_SHARE = 0.01  # warn when more than 1% of the draws press against the cap
NEAR_CAP = 0.9  # a draw "presses against the cap" when N >= 90% of the cap on N

PUBLICATION_SETTINGS = "--chains 5 --burn-in 100000 --samples 10000 --thin 100"


def summarise(
    histories: CaptureHistories,
    draws: np.ndarray,
    runs: list[ChainRun],
    seconds: float,
    level: float,
    parameters: dict[str, Any],
) -> EstimateResult:
    """The EstimateResult of pooled draws (chains, samples), warning (StatisticalWarning) about
    whatever `_judge` finds."""
    n = histories.observed
    tail = (1.0 - level) / 2.0
    lower, median, upper = np.quantile(draws, [tail, 0.5, 1.0 - tail])
    cap_N = n + int(CAP_FACTOR * n)

    rhat = diagnostics.rhat(draws)
    ess_bulk = diagnostics.ess_bulk(draws)
    ess_tail = diagnostics.ess_tail(draws)
    near_cap = float(np.mean(draws >= NEAR_CAP * cap_N))
    cap_hits = float(np.mean(np.stack([run.cap_redraws for run in runs]) > 0))
    chain_medians = np.median(draws, axis=1)
    diag: dict[str, Any] = {
        "rhat": rhat,
        "ess_bulk": ess_bulk,
        "ess_tail": ess_tail,
        "ess_per_second": ess_bulk / seconds if seconds > 0 else float("nan"),
        "mean": float(draws.mean()),
        "sd": float(draws.std(ddof=1)) if draws.size > 1 else float("nan"),
        "mcse_median": diagnostics.mcse_quantile(draws, 0.5),
        "mcse_lower": diagnostics.mcse_quantile(draws, tail),
        "mcse_upper": diagnostics.mcse_quantile(draws, 1.0 - tail),
        "seconds": seconds,
        "chain_seconds": [run.seconds for run in runs],
        "chain_cpu_seconds": [run.cpu_seconds for run in runs],
        # ESS per CPU-second of one chain: what each core delivers when the machine is not
        # shared (wall-clock ESS/s depends on other jobs' load).
        "ess_per_cpu_second": ess_bulk / sum(run.cpu_seconds for run in runs)
        if sum(run.cpu_seconds for run in runs) > 0 else float("nan"),
        "iterations_per_second_per_chain": [
            (parameters["burn_in"] + parameters["samples"] * parameters["thin"]) / run.seconds
            if run.seconds > 0 else float("nan") for run in runs
        ],
        "chain_medians": chain_medians.tolist(),
        "cap_N": cap_N,
        "fraction_at_cap": near_cap,
        "fraction_cap_redraws": cap_hits,
        "alpha_mean": float(np.mean([run.alpha.mean() for run in runs])),
        "occupied_classes_mean": float(np.mean([run.occupied.mean() for run in runs])),
    }
    notes = _judge(histories, draws, diag, parameters)
    for note in notes:
        warnings.warn(note, StatisticalWarning, stacklevel=3)
    return EstimateResult(
        method="lcmcr",
        estimate=float(median),
        lower=float(lower),
        upper=float(upper),
        level=level,
        observed=n,
        lists=histories.lists,
        model=f"K={parameters['K']}",
        interval_kind="posterior quantiles",
        warnings=tuple(notes),
        diagnostics=diag,
        parameters=parameters,
        draws=draws,
    )


def _judge(
    histories: CaptureHistories, draws: np.ndarray, diag: dict[str, Any], parameters: dict[str, Any]
) -> list[str]:
    """The warnings a careful reader of these draws would write down."""
    notes: list[str] = []
    chains = draws.shape[0]
    if parameters["burn_in"] >= 100_000 and parameters["samples"] * parameters["thin"] >= 1_000_000:
        longer = "even these long chains are not enough: run several times longer (more --samples or --thin)"
    else:
        longer = f"rerun with more iterations, e.g. {PUBLICATION_SETTINGS}"
    if histories.n_lists < 3:
        notes.append(
            f"only {histories.n_lists} lists: the latent-class model is not identified with fewer "
            "than 3 lists, so the estimate reflects the priors more than the data"
        )
    if np.isfinite(diag["rhat"]) and diag["rhat"] > RHAT_LIMIT:
        notes.append(
            f"chains have not converged: R-hat {diag['rhat']:.3f} > {RHAT_LIMIT} "
            f"(chain medians {_range(diag['chain_medians'])}); {longer}"
        )
    ess_needed = MIN_ESS_PER_CHAIN * chains
    low = [f"{name} ESS {diag[key]:.0f}" for name, key in (("bulk", "ess_bulk"), ("tail", "ess_tail"))
           if not np.isfinite(diag[key]) or diag[key] < ess_needed]
    if low:
        notes.append(
            f"too few effective draws for a reliable interval: {', '.join(low)} "
            f"< {ess_needed} ({MIN_ESS_PER_CHAIN} per chain); {longer}"
        )
    modes = count_modes(draws)
    if modes > 1:
        notes.append(
            f"the posterior of N has {modes} modes (chain medians {_range(diag['chain_medians'])}): "
            "a single median hides that; report the modes and compare with other methods"
        )
    if diag["fraction_at_cap"] > AT_CAP_SHARE or diag["fraction_cap_redraws"] > AT_CAP_SHARE:
        notes.append(
            f"the posterior presses against LCMCR's cap N <= {diag['cap_N']:,} "
            f"(21 x observed): {diag['fraction_at_cap']:.1%} of draws are within 10% of it and "
            f"{diag['fraction_cap_redraws']:.1%} needed redraws; the upper end is an artefact of the cap"
        )
    return notes


def _range(values: list[float]) -> str:
    return f"{min(values):,.0f}–{max(values):,.0f}"


def count_modes(draws: np.ndarray, min_height: float = 0.1, max_dip: float = 0.75) -> int:
    """Count clear modes of the pooled draws of log N with a Gaussian kernel density.

    A second mode counts only if its peak is at least `min_height` of the highest peak and
    the density between the two falls below `max_dip` of the lower peak. Silverman's
    bandwidth over-smooths a multimodal density, so this errs towards "one mode".
    """
    from scipy.stats import gaussian_kde

    values = np.log(np.asarray(draws, dtype=float).ravel())
    if values.size < 50 or np.ptp(values) == 0:
        return 1
    if values.size > 5000:  # an evenly spaced subsample keeps the KDE fast and deterministic
        values = np.sort(values)[:: values.size // 5000]
    density = gaussian_kde(values, bw_method="silverman")
    grid = np.linspace(values.min(), values.max(), 256)
    height = density(grid)
    peaks = [i for i in range(1, len(grid) - 1) if height[i] >= height[i - 1] and height[i] > height[i + 1]]
    peaks = [i for i in peaks if height[i] >= min_height * height.max()]
    if len(peaks) < 2:
        return 1
    # Merge neighbouring peaks that are not separated by a real dip.
    kept = [peaks[0]]
    for peak in peaks[1:]:
        dip = height[kept[-1] : peak + 1].min()
        if dip < max_dip * min(height[kept[-1]], height[peak]):
            kept.append(peak)
        elif height[peak] > height[kept[-1]]:
            kept[-1] = peak
    return len(kept)
