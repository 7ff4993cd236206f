"""LCMCR Gibbs sampler: speed against R's LCMCR, and agreement with R's posterior draws.

    python3 benchmarks/bench_lcmcr.py            # speed + full-length Kosovo (+ UK 6-list)
    python3 benchmarks/bench_lcmcr.py --quick    # speed only (keeps the last comparison in the JSON)
    python3 benchmarks/bench_lcmcr.py --no-uk    # skip the UK 6-list comparison

Writes benchmarks/results/lcmcr.json. The shared data folder is $RECKON_SHARED or ../shared.

R's figures (R 4.2.2, LCMCR 0.4.14, this 2-core machine, measured by the lead): 0.0142 s per
1,000 iterations at K = 10 on Kosovo, about 75-150 effective draws per second. Timings here
are wall-clock on a shared machine where other jobs run: they are rough, so the CPU time of
the chain is reported next to the wall time.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from scipy import stats

from reckon.errors import StatisticalWarning
from reckon.estimate import diagnostics
from reckon.estimate.histories import CaptureHistories, read_capture_csv
from reckon.estimate.lcmcr import fit_lcmcr
from reckon.estimate.lcmcr.rng import seeded_state
from reckon.estimate.lcmcr.sampler import run_chain

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RECKON_SHARED", ROOT.parent / "shared"))
MSE = SHARED / "data" / "mse"
R_SECONDS_PER_1000 = 0.0142  # R LCMCR, Kosovo, K = 10, this machine
R_ESS_PER_SECOND = (75, 150)
FULL = dict(chains=5, burn_in=100_000, samples=10_000, thin=100)  # R's reference settings
R_ANCHORS = {  # pooled 5-chain LCMCR 0.4.14 runs, data/mse/README.md
    "kosovo_4lists": {"median": 10_438, "lower": 9_022, "upper": 13_909},
    "uk_modern_slavery_2013_6lists": {"median": 22_487, "lower": 16_297, "upper": 33_653},
}
PROBS = [0.025, 0.25, 0.5, 0.75, 0.975]


def load(name: str) -> CaptureHistories:
    return read_capture_csv(MSE / f"{name}.csv")[None]


def reference(name: str) -> np.ndarray:
    table = np.loadtxt(MSE / "reference_posteriors" / f"lcmcr_{name}_K10_5chains.csv", delimiter=",", skiprows=1)
    return np.stack([table[table[:, 0] == s, 2] for s in np.unique(table[:, 0])])


def single_chain_speed(histories: CaptureHistories, collapsed: bool, iterations: int = 300_000) -> dict:
    rng = seeded_state(1)
    run_chain(histories.patterns, histories.counts, 10, 0.25, 0.25, 10, 10, 1, 20.0, rng, collapsed)  # load
    wall, cpu = time.perf_counter(), time.process_time()
    run_chain(histories.patterns, histories.counts, 10, 0.25, 0.25, iterations, 1, 1, 20.0, rng, collapsed)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    r_rate = 1000 / R_SECONDS_PER_1000
    return {
        "iterations": iterations,
        "wall_seconds": wall,
        "cpu_seconds": cpu,
        "iterations_per_second_wall": iterations / wall,
        "iterations_per_second_cpu": iterations / cpu,
        "seconds_per_1000_iterations_wall": 1000 * wall / iterations,
        "r_iterations_per_second": r_rate,
        "speedup_vs_r_wall": iterations / wall / r_rate,
        "speedup_vs_r_cpu": iterations / cpu / r_rate,
    }


def two_chain_ess_rate(histories: CaptureHistories, collapsed: bool) -> dict:
    # Thin 50: draws about 10x closer than the autocorrelation time (400-1,000 sweeps), so
    # thinning loses little ESS and the arrays stay small. 400,000 sweeps per chain so the
    # ESS estimate is stable.
    settings = dict(chains=2, burn_in=10_000, samples=8_000, thin=50, seed=5, processes=2,
                    collapsed_moves=collapsed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StatisticalWarning)
        result = fit_lcmcr(histories, **settings)
    d = result.diagnostics
    sampling = settings["samples"] * settings["thin"]
    total = settings["burn_in"] + sampling
    chain_wall = max(d["chain_seconds"])
    return {
        "settings": settings,
        "wall_seconds": d["seconds"],
        "ess_bulk": d["ess_bulk"],
        "ess_tail": d["ess_tail"],
        "rhat": d["rhat"],
        "ess_per_second_wall": d["ess_bulk"] / d["seconds"],  # includes process start and burn-in
        "ess_per_second_sampling": d["ess_bulk"] / (chain_wall * sampling / total),
        "iterations_per_ess": 2 * sampling / d["ess_bulk"],
        # What two unshared cores would deliver: ESS per CPU-second of a chain, times 2.
        "ess_per_second_two_idle_cores": 2 * d["ess_per_cpu_second"],
        "r_ess_per_second": R_ESS_PER_SECOND,
    }


def compare_with_r(name: str, seed: int) -> dict:
    histories = load(name)
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", StatisticalWarning)
        result = fit_lcmcr(histories, seed=seed, **FULL)
    seconds = time.perf_counter() - start
    ours, theirs = result.draws, reference(name)
    rows = []
    for p in PROBS:
        q_ours, q_theirs = float(np.quantile(ours, p)), float(np.quantile(theirs, p))
        se_ours, se_theirs = diagnostics.mcse_quantile(ours, p), diagnostics.mcse_quantile(theirs, p)
        rows.append({"prob": p, "ours": q_ours, "r": q_theirs, "mcse_ours": se_ours, "mcse_r": se_theirs,
                     "z": (q_ours - q_theirs) / math.hypot(se_ours, se_theirs)})

    def thinned(x: np.ndarray) -> np.ndarray:
        return x[:, :: max(1, int(np.ceil(x.size / diagnostics.ess_bulk(x))))].ravel()

    a, b = thinned(ours), thinned(theirs)
    ks = stats.ks_2samp(a, b)
    return {
        "data": name,
        "settings": {**FULL, "seed": seed},
        "seconds": seconds,
        "ours": {"median": result.estimate, "lower": result.lower, "upper": result.upper,
                 "rhat": result.diagnostics["rhat"], "ess_bulk": result.diagnostics["ess_bulk"],
                 "ess_tail": result.diagnostics["ess_tail"], "chain_medians": result.diagnostics["chain_medians"],
                 "warnings": [str(w.message) for w in caught]},
        "r_anchor": R_ANCHORS[name],
        "r_draws": {"rhat": diagnostics.rhat(theirs), "ess_bulk": diagnostics.ess_bulk(theirs),
                    "ess_tail": diagnostics.ess_tail(theirs)},
        "quantiles": rows,
        "max_abs_z": max(abs(r["z"]) for r in rows),
        "ks_thinned": {"n_ours": int(a.size), "n_r": int(b.size), "statistic": float(ks.statistic),
                       "pvalue": float(ks.pvalue)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="speed only, no full-length comparison")
    parser.add_argument("--no-uk", action="store_true", help="skip the UK 6-list comparison")
    args = parser.parse_args()
    if not MSE.is_dir():
        sys.exit(f"shared MSE data not found at {MSE}; set RECKON_SHARED")

    kosovo = load("kosovo_4lists")
    out: dict = {"machine": {"cpus": os.cpu_count(), "load_average": os.getloadavg()}}
    for collapsed, label in ((True, "default (Gibbs + collapsed moves)"), (False, "plain Gibbs (as LCMCR)")):
        key = "collapsed" if collapsed else "plain_gibbs"
        out[f"single_chain_{key}"] = speed = single_chain_speed(kosovo, collapsed)
        print(f"{label}, single chain, Kosovo K=10: {speed['iterations_per_second_wall']:,.0f} it/s wall "
              f"({speed['seconds_per_1000_iterations_wall']:.4f} s / 1000 it; CPU {speed['iterations_per_second_cpu']:,.0f} it/s)"
              f" = {speed['speedup_vs_r_wall']:.2f}x R wall, {speed['speedup_vs_r_cpu']:.2f}x R CPU")
        out[f"two_chains_{key}"] = rate = two_chain_ess_rate(kosovo, collapsed)
        print(f"{label}, 2 chains in parallel: bulk ESS {rate['ess_bulk']:.0f} in {rate['wall_seconds']:.1f} s = "
              f"{rate['ess_per_second_wall']:.0f} ESS/s wall (incl. start-up and burn-in), "
              f"{rate['ess_per_second_sampling']:.0f} ESS/s while sampling; {rate['iterations_per_ess']:.0f} sweeps per ESS; "
              f"{rate['ess_per_second_two_idle_cores']:.0f} ESS/s on two unshared cores (from CPU time)")
    if not args.quick:
        names = ["kosovo_4lists"] + ([] if args.no_uk else ["uk_modern_slavery_2013_6lists"])
        out["compare_with_r"] = []
        for name in names:
            row = compare_with_r(name, seed=2024)
            out["compare_with_r"].append(row)
            o = row["ours"]
            print(f"{name}: ours median {o['median']:,.0f} [{o['lower']:,.0f}, {o['upper']:,.0f}] vs R "
                  f"{row['r_anchor']['median']:,} [{row['r_anchor']['lower']:,}, {row['r_anchor']['upper']:,}]; "
                  f"R-hat {o['rhat']:.3f}, ESS {o['ess_bulk']:.0f}; quantile z "
                  + ", ".join(f"{r['prob']:g}:{r['z']:+.2f}" for r in row["quantiles"])
                  + f"; KS on thinned draws p = {row['ks_thinned']['pvalue']:.3f}; {row['seconds']:.0f} s")
            for w in o["warnings"]:
                print(f"  warning: {w}")
    out["machine"]["load_average_end"] = os.getloadavg()
    path = ROOT / "benchmarks" / "results" / "lcmcr.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    if args.quick and path.exists():  # refresh the speed figures, keep the last comparison with R
        previous = json.loads(path.read_text())
        if "compare_with_r" in previous:
            out["compare_with_r"] = previous["compare_with_r"]
            out["compare_with_r_machine"] = previous.get("compare_with_r_machine", previous.get("machine"))
    path.write_text(json.dumps(out, indent=2, default=float) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
