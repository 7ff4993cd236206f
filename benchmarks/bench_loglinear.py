"""Speed of the full hierarchical log-linear search against Rcapture, with the same answer.

    python3 benchmarks/bench_loglinear.py

Rcapture 1.4-4's ``closedpMS.t`` took 19.6 s on the UK 2013 5-list table and 387 s on the
6-list table (R 4.2.2 on this 2-core machine; steering note for issue 4). The 6-list run
can only have been at maxorder 2 (Rcapture refuses 6 lists at maxorder >= 3 unless told
otherwise); for the 5-list run the order is not recorded, so both its default (4) and 2
are timed. "Identical" compares our BIC-selected model with Rcapture's, where known
(data/mse/README.md anchors). Timings are rough: the machine is shared. Each case is run
REPEATS times after one warm-up call (Numba compiles once, then loads from its cache);
the best and median times are reported. Models holding an interaction of lists that share
nobody have no finite MLE; Rcapture fits them anyway. Each case is timed twice: fitting all
models as Rcapture does, and skipping those (reckon's default).
Results: benchmarks/results/loglinear.json.
"""

from __future__ import annotations

import json
import os
import statistics
import time
import warnings
from pathlib import Path

from reckon.errors import StatisticalWarning
from reckon.estimate.histories import read_capture_csv
from reckon.estimate.design import rcapture_name
from reckon.estimate.loglinear import search_models

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("RECKON_SHARED", ROOT.parent / "shared")) / "data" / "mse"
RESULTS = ROOT / "benchmarks" / "results" / "loglinear.json"
REPEATS = 3

CASES = [
    # file, max_order, R seconds, R's BIC-best model (None: not recorded)
    ("uk_modern_slavery_2013_5lists.csv", 2, 19.6, "[12,13,23,25,34]"),
    ("uk_modern_slavery_2013_5lists.csv", 4, 19.6, None),
    ("uk_modern_slavery_2013_6lists.csv", 2, 387.0, "[12,13,25,35,36,45]"),
    ("kosovo_4lists.csv", 3, None, "[123,14,34]"),
]


def time_search(file: str, max_order: int, skip: bool) -> tuple[list[float], str, int, float]:
    histories = read_capture_csv(DATA / file)[None]
    search_models(histories, max_order, "bic", skip_empty_overlaps=skip)  # warm-up: Numba compile/cache load
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        chosen, summary = search_models(histories, max_order, "bic", skip_empty_overlaps=skip)
        times.append(time.perf_counter() - start)
    return times, rcapture_name(chosen.terms, histories.n_lists), summary["n_models"], chosen.estimate


def main() -> None:
    warnings.simplefilter("ignore", StatisticalWarning)
    rows = []
    for file, max_order, r_seconds, r_model in CASES:
        for skip in (False, True):
            times, model, n_fitted, estimate = time_search(file, max_order, skip)
            best, median = min(times), statistics.median(times)
            row = {
                "file": file, "max_order": max_order, "skip_empty_overlaps": skip, "models_fitted": n_fitted,
                "seconds_best": round(best, 3), "seconds_median": round(median, 3), "selected": model,
                "estimate": round(estimate, 1), "rcapture_seconds": r_seconds, "rcapture_selected": r_model,
                "speedup_vs_rcapture": round(r_seconds / median, 1) if r_seconds else None,
                "identical_model": (model == r_model) if r_model else None,
            }
            rows.append(row)
            speed = f"{row['speedup_vs_rcapture']}x vs R {r_seconds} s" if r_seconds else "no R timing"
            same = {True: "identical", False: "DIFFERENT", None: "R's choice not recorded"}[row["identical_model"]]
            mode = "skipping empty-overlap models" if skip else "all models, as Rcapture"
            print(f"{file} max_order={max_order}, {mode}: {n_fitted:,} fitted in {median:.3f} s "
                  f"(best {best:.3f}); {speed}; BIC-best {model} ({estimate:,.1f}), {same}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"benchmark": "loglinear", "repeats": REPEATS, "rows": rows}, indent=2) + "\n")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
