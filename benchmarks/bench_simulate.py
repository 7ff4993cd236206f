"""Benchmark `simulate_event`: wall time, peak memory and output size by number of victims.

    python3 benchmarks/bench_simulate.py                 # 10k, 100k and 1M victims, 4 lists
    python3 benchmarks/bench_simulate.py --victims 1000000 --lists 6

Target (issue 5): 1,000,000 victims in under 2 minutes. Prints one line per size and
writes benchmarks/results/simulate.json. The event is written to a temporary folder
that is removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import shutil
import tempfile
import time
from pathlib import Path

from reckon import __version__
from reckon.simulate import simulate_event

RESULTS = Path(__file__).resolve().parent / "results" / "simulate.json"
TARGET_SECONDS = 120.0


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def run_once(victims: int, lists: int, seed: int) -> dict:
    """Simulate one event into a temporary folder and measure it."""
    folder = Path(tempfile.mkdtemp(prefix="reckon-bench-sim-"))
    try:
        start = time.perf_counter()
        truth = simulate_event(folder / "event", victims=victims, lists=lists, seed=seed)
        seconds = time.perf_counter() - start
        return {
            "victims": victims, "lists": lists, "seed": seed, "seconds": round(seconds, 2),
            "records": sum(truth.records_by_list.values()), "documented": truth.documented,
            "output_mb": round(folder_bytes(folder / "event") / 1e6, 1),
            "victims_per_second": int(victims / seconds),
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--victims", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--lists", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    runs = []
    for victims in args.victims:
        row = run_once(victims, args.lists, args.seed)
        runs.append(row)
        print(f"{victims:>9,} victims  {row['records']:>9,} records  {row['seconds']:7.2f} s  "
              f"{row['output_mb']:7.1f} MB  {row['victims_per_second']:>9,}/s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    largest = max(runs, key=lambda r: r["victims"])
    result = {
        "benchmark": "simulate", "reckon_version": __version__, "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}", "runs": runs,
        "peak_rss_mb": round(peak_mb), "target": f"1,000,000 victims in < {TARGET_SECONDS:.0f} s",
        "target_met": largest["victims"] >= 1_000_000 and largest["seconds"] < TARGET_SECONDS,
    }
    print(f"peak memory {result['peak_rss_mb']} MB; target met: {result['target_met']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
