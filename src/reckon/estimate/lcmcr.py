"""Bayesian non-parametric latent-class capture-recapture (LCMCR, Manrique-Vallier 2016).

    fit_lcmcr(histories, K=10, chains=4, ...) -> EstimateResult (method "lcmcr")

The model explains dependence between lists by heterogeneity: people fall into up to K latent
classes, and within a class the lists capture independently, each with its own probability.
Class weights get a truncated Dirichlet-process (stick-breaking) prior, so the data decide
how many classes are used. Priors and defaults are those of the R package LCMCR (0.4.14,
function ``lcmCR``): K = 10, alpha ~ Gamma(0.25, 0.25), lambda ~ Beta(1, 1), p(N) ∝ 1/N,
and the number of unobserved people is redrawn while it exceeds 20 times the observed (so
N <= 21 n).

Assumptions: a closed population (nobody enters or leaves the frame between lists), people
matched perfectly across lists, and list dependence that can be described as a mixture of
classes within which lists are independent. Dependence caused by one list feeding another
(referrals) is not of that kind and biases the estimate.

The posterior is often multimodal on sparse tables (see docs/lcmcr.md). Run several chains
(the default), read the warnings, and for publication use long chains: ``chains=5,
burn_in=100_000, samples=10_000, thin=100`` (the settings of the reference runs).

The Gibbs sweep itself is in ``lcmcr_sampler`` (compiled with Numba); it adds to LCMCR's
Gibbs steps a collapsed Metropolis move that leaves the posterior unchanged and mixes N
about twice as fast per sweep. This module runs the chains in parallel processes, pools
their draws and judges them.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import threading
import time
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from reckon.errors import EstimationError, StatisticalWarning
from reckon.estimate import diagnostics
from reckon.estimate.histories import CaptureHistories
from reckon.estimate.lcmcr_sampler import CAP_FACTOR, ChainRun, run_one_chain
from reckon.estimate.results import EstimateResult

RHAT_LIMIT = 1.01
MIN_ESS_PER_CHAIN = 100  # Vehtari et al. (2021) ask for bulk and tail ESS >= 100 per chain
AT_CAP_SHARE = 0.01  # warn when more than 1% of the draws press against the cap
NEAR_CAP = 0.9  # a draw "presses against the cap" when N >= 90% of the cap on N

PUBLICATION_SETTINGS = "--chains 5 --burn-in 100000 --samples 10000 --thin 100"


def fit_lcmcr(
    histories: CaptureHistories,
    *,
    K: int = 10,
    a_alpha: float = 0.25,
    b_alpha: float = 0.25,
    chains: int = 4,
    burn_in: int = 10_000,
    samples: int = 1_000,
    thin: int = 100,
    seed: int = 0,
    level: float = 0.95,
    processes: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    collapsed_moves: bool = True,
) -> EstimateResult:
    """Posterior of the population size N under LCMCR, from `chains` independent chains.

    Each chain runs ``burn_in + samples * thin`` Gibbs sweeps and keeps every ``thin``-th
    draw after burn-in. The defaults (4 x 110,000 sweeps, a few seconds on two cores) give a
    quick answer with a bulk ESS near a thousand on Kosovo; LCMCR's own default thinning of
    10 would leave the draws too autocorrelated to judge. For publication use
    ``chains=5, burn_in=100_000, samples=10_000, thin=100``.

    Chain c uses the c-th child of ``np.random.SeedSequence(seed)``, so a run is reproducible
    and does not depend on `processes`. Chains run in parallel processes (``processes=None``:
    one per chain up to the number of CPUs; ``processes=1``: in this process).
    ``progress(done, total)`` is called as chains finish. ``collapsed_moves=False`` runs
    LCMCR's plain Gibbs sampler (same posterior, N mixes about 2.5x slower per sweep).

    Returns an EstimateResult with the posterior median, the central `level` quantile
    interval, ``draws`` shaped (chains, samples), and diagnostics (R-hat, bulk and tail ESS,
    ESS per second, Monte Carlo errors, per-chain medians, the share of draws at the cap).
    Statistical trouble (no convergence, low ESS, several modes, the cap) is warned about
    with StatisticalWarning and listed in ``result.warnings``.
    """
    _check_settings(histories, K, a_alpha, b_alpha, chains, burn_in, samples, thin, level, processes)
    seeds = np.random.SeedSequence(seed).spawn(chains)
    workers = min(chains, os.cpu_count() or 1) if processes is None else min(processes, chains)
    jobs = [
        (histories.patterns, histories.counts, K, a_alpha, b_alpha, burn_in, samples, thin, s, collapsed_moves)
        for s in seeds
    ]

    started = time.perf_counter()
    runs: list[ChainRun | None] = [None] * chains
    if workers <= 1:
        for index, job in enumerate(jobs):
            runs[index] = run_one_chain(*job)
            if progress is not None:
                progress(index + 1, chains)
    else:
        context = _process_context()
        if context.get_start_method() == "fork":
            # Compile or load the kernel once here, so forked workers inherit it instead of
            # each compiling it (a cold Numba cache costs seconds per process).
            run_one_chain(*jobs[0][:5], 0, 1, 1, np.random.SeedSequence(0), collapsed_moves)
        with concurrent.futures.ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = {pool.submit(run_one_chain, *job): index for index, job in enumerate(jobs)}
            for done, future in enumerate(concurrent.futures.as_completed(futures), start=1):
                runs[futures[future]] = future.result()
                if progress is not None:
                    progress(done, chains)
    seconds = time.perf_counter() - started

    finished = [run for run in runs if run is not None]
    draws = np.stack([run.N for run in finished])
    return _summarise(histories, draws, finished, seconds, level, {
        "K": K, "a_alpha": a_alpha, "b_alpha": b_alpha, "chains": chains, "burn_in": burn_in,
        "samples": samples, "thin": thin, "seed": seed, "processes": workers,
        "cap_factor": CAP_FACTOR, "collapsed_moves": collapsed_moves,
    })


def _process_context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe (POSIX, no other Python threads): workers start in milliseconds
    with the compiled kernel already loaded. Otherwise spawn (a web server's threads could
    hold locks across a fork); spawned workers import only the light sampler module, which
    loads the kernel from Numba's on-disk cache, about a second each."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _summarise(
    histories: CaptureHistories,
    draws: np.ndarray,
    runs: list[ChainRun],
    seconds: float,
    level: float,
    parameters: dict[str, Any],
) -> EstimateResult:
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
    modes = _count_modes(draws)
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


def _count_modes(draws: np.ndarray, min_height: float = 0.1, max_dip: float = 0.75) -> int:
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


def _check_settings(
    histories: CaptureHistories,
    K: int,
    a_alpha: float,
    b_alpha: float,
    chains: int,
    burn_in: int,
    samples: int,
    thin: int,
    level: float,
    processes: int | None,
) -> None:
    checks = [
        (K >= 2, f"K={K!r}: the model needs at least 2 latent classes; LCMCR's default is K=10"),
        (a_alpha > 0 and b_alpha > 0,
         f"a_alpha={a_alpha!r}, b_alpha={b_alpha!r}: the Gamma prior needs both > 0; LCMCR uses 0.25, 0.25"),
        (chains >= 1, f"chains={chains!r}: run at least 1 chain (4 or more to judge convergence)"),
        (burn_in >= 0, f"burn_in={burn_in!r}: must be >= 0"),
        (samples >= 4, f"samples={samples!r}: keep at least 4 draws per chain (1,000 or more is usual)"),
        (thin >= 1, f"thin={thin!r}: must be >= 1 (1 keeps every iteration)"),
        (0 < level < 1, f"level={level!r}: must be between 0 and 1, e.g. 0.95"),
        (processes is None or processes >= 1, f"processes={processes!r}: must be >= 1, or None for one per CPU"),
    ]
    for ok, message in checks:
        if not ok:
            raise EstimationError(message)
    if histories.observed <= 0:
        raise EstimationError("nobody is documented: LCMCR needs at least one observed person")
