"""Run LCMCR's chains in parallel processes and hand their draws to `summary`.

    fit_lcmcr(histories, K=10, chains=4, ...) -> EstimateResult (method "lcmcr")
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import threading
import time
from collections.abc import Callable

import numpy as np

from reckon.errors import EstimationError
from reckon.estimate.histories import CaptureHistories
from reckon.estimate.lcmcr.sampler import CAP_FACTOR, ChainRun, run_one_chain
from reckon.estimate.lcmcr.summary import summarise
from reckon.estimate.results import EstimateResult


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
    return summarise(histories, draws, finished, seconds, level, {
        "K": K, "a_alpha": a_alpha, "b_alpha": b_alpha, "chains": chains, "burn_in": burn_in,
        "samples": samples, "thin": thin, "seed": seed, "processes": workers,
        "cap_factor": CAP_FACTOR, "collapsed_moves": collapsed_moves,
    })


def _process_context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe (POSIX, no other Python threads): workers start in milliseconds
    with the compiled kernel already loaded. Otherwise spawn (a web server's threads could
    hold locks across a fork); spawned workers import the sampler and load the kernel from
    Numba's on-disk cache, a second or more each."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


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
