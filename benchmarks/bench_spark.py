"""Spark against DuckDB on simulated cases: time, peak memory, and whether the persons agree.

    python benchmarks/bench_spark.py [--victims 15300 62300] [--master local[2]] [--spark-conf KEY=VALUE ...]
    python benchmarks/bench_spark.py --victims 15300                                   # the figures in docs/spark.md
    python benchmarks/bench_spark.py --victims 62300 --spark-conf spark.driver.memory=4g

For each size: `reckon simulate` lists (seed 5, 4 lists; 15,300 and 62,300 victims give about
24,600 and 100,000 records) are imported into a case (`lists add`), and the case is linked
by `reckon link` in a child process, once per backend, each on its own copy of the case.
The child's process tree is sampled every 0.2 s from /proc (Linux): the Python driver, the
JVM (in local mode it holds Spark's driver and executors) and the Python workers Spark
starts for reckon's Jaro-Winkler. Peak memory is the largest sum of their proportional set
sizes (a page shared by several processes, as Spark's forked Python workers share theirs,
is split between them) seen at one moment, and per part. Persons are compared record by record; pair F1 is
against the simulation's truth. Results: benchmarks/results/spark.json.

Timing on a shared machine is noisy; Spark on two local cores is expected to be slower
than DuckDB: the point is the same answer, and a way to more machines (docs/spark.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "spark.json"
sys.path.insert(0, str(ROOT / "benchmarks"))


def make_case(folder: Path, victims: int) -> tuple[Path, pd.Series]:
    """A closed case with the simulated lists, and the truth (record_id → person)."""
    from bench_linkage import simulated_case

    case, truth, _ = simulated_case(victims, lists=4, seed=5)
    truth = truth.dropna(subset=["record_id"]).set_index("record_id")["person_id"]  # the imported records
    path = Path(case.folder)
    case.close()
    moved = folder / "case"
    shutil.move(str(path), moved)
    return moved, truth


# -- memory of a process tree, from /proc -------------------------------------------------
def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(child) for child in handle.read().split()]
    except OSError:  # the process ended between two reads
        pass
    return found


def _tree(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        queue += _children(current)
    return pids


def _part(pid: int, root: int) -> str | None:
    try:
        with open(f"/proc/{pid}/comm") as handle:
            name = handle.read().strip()
    except OSError:
        return None
    if pid == root:
        return "driver_python"
    return "jvm" if name == "java" else "python_workers"


def _memory(pid: int) -> int:
    """Proportional set size: pages shared between processes (Spark forks its Python
    workers from one daemon) are split between them, not counted in each."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            return next(int(line.split()[1]) * 1024 for line in handle if line.startswith("Pss:"))
    except (OSError, StopIteration):
        return 0


class TreeMemory(threading.Thread):
    """Samples the memory of a process and its descendants until stopped."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.peak_total = 0
        self.peak_part: dict[str, int] = {}
        self.most_workers = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            parts: dict[str, int] = {}
            workers = 0
            for pid in _tree(self.pid):
                part = _part(pid, self.pid)
                if part:
                    parts[part] = parts.get(part, 0) + _memory(pid)
                    workers += part == "python_workers"
            self.most_workers = max(self.most_workers, workers)
            self.peak_total = max(self.peak_total, sum(parts.values()))
            for part, size in parts.items():
                self.peak_part[part] = max(self.peak_part.get(part, 0), size)
            self._done.wait(self.every)

    def stop(self) -> dict:
        self._done.set()
        self.join()
        gb = lambda size: round(size / 1e9, 2)  # noqa: E731
        return {"peak_gb": gb(self.peak_total), **{f"peak_{part}_gb": gb(size) for part, size in sorted(self.peak_part.items())},
                "most_python_workers": self.most_workers}


# -- one run ------------------------------------------------------------------------------
def link(case: Path, backend: str, spark_args: list[str]) -> dict:
    """`reckon link` on ``case`` in a child process: wall time, peak memory, the persons."""
    args = ["link", "--backend", backend, "--case", str(case), *(spark_args if backend == "spark" else [])]
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", "from reckon.cli.main import main; main()", *args],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(child.pid)
    memory.start()
    out, err = child.communicate()
    seconds = time.perf_counter() - started
    figures = memory.stop()
    if child.returncode != 0:
        raise SystemExit(f"reckon link --backend {backend} failed:\n{err[-3000:]}")
    from reckon.case import Case

    with Case.open(case) as opened:
        persons = opened.con.execute("SELECT record_id, person_id FROM persons ORDER BY record_id").df()
    return {"seconds": round(seconds, 1), **figures, "persons": persons, "summary": next((line for line in out.splitlines() if "persons from" in line), "")}


def run_size(victims: int, spark_args: list[str]) -> dict:
    from bench_linkage import pair_scores

    folder = Path(tempfile.mkdtemp(prefix="reckon-bench-spark-"))
    try:
        case, truth = make_case(folder, victims)
        figures: dict = {"victims": victims, "records": int(len(truth)), "spark_args": spark_args}
        persons = {}
        for backend in ("duckdb", "spark"):
            copy = folder / backend
            shutil.copytree(case, copy)
            result = link(copy, backend, spark_args)
            persons[backend] = result.pop("persons")
            found = persons[backend].set_index("record_id")["person_id"].reindex(truth.index)
            result["f1"] = pair_scores(truth, found)["f1"]
            result["persons_found"] = int(persons[backend]["person_id"].nunique())
            figures[backend] = result
            print(json.dumps({"victims": victims, "backend": backend, **result}), flush=True)
        same = persons["duckdb"].equals(persons["spark"])
        differing = (persons["duckdb"]["person_id"] != persons["spark"]["person_id"]).sum() if \
            persons["duckdb"]["record_id"].equals(persons["spark"]["record_id"]) else None
        figures["identical_persons"] = bool(same)
        figures["records_in_other_persons"] = None if differing is None else int(differing)
        return figures
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--victims", type=int, nargs="+", default=[15300, 62300])
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--spark-conf", action="append", default=[])
    options = parser.parse_args()
    spark_args = ["--spark-master", options.master]
    for item in options.spark_conf:
        spark_args += ["--spark-conf", item]
    # Runs of other sizes stay in the results file; a size measured again replaces its run.
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {"runs": []}
    results["machine"] = {"cores": os.cpu_count(), "note": "shared machine: timings are noisy"}
    for victims in options.victims:
        figures = run_size(victims, spark_args)
        results["runs"] = sorted([run for run in results["runs"] if run["victims"] != victims] + [figures],
                                 key=lambda run: run["victims"])
        print(json.dumps({k: v for k, v in figures.items() if k not in ("duckdb", "spark")}), flush=True)
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
