"""Benchmark: the offline report for a 100,000-record case (target <= 10 s and <= 10 MB).

Builds the case once (simulate, import lists, persons from the simulated truth so the
figure measures the report and not linkage), then times `write_report` alone.

    python benchmarks/bench_report.py [--victims 62000]
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

from reckon.case import Case
from reckon.report import write_report
from reckon.simulate import simulate_event
from reckon.lists.store import add_list

RESULTS = Path(__file__).parent / "results" / "report.json"


def build_case(folder: Path, victims: int, seed: int) -> Case:
    inputs = folder / "inputs"
    simulate_event(inputs, victims=victims, lists=4, seed=seed, articles=12)
    case = Case.init(folder / "case")
    for path in sorted((inputs / "lists").glob("*.csv")):
        add_list(case, path, name=path.stem)
    # Persons from the truth: one person per true victim, as perfect linkage would give.
    with case.transaction():
        case.con.execute(
            "INSERT INTO persons SELECT r.record_id, 'p' || t.person_id, r.list_name, 1.0, 'truth' "
            "FROM records r JOIN read_csv(?, all_varchar = true) t "
            "ON t.list_name = r.list_name AND CAST(t.row_number AS INTEGER) = r.row_number",
            [str(inputs / "truth.csv")],
        )
    return case


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--victims", type=int, default=62_000, help="true victims (about 1.6 records each)")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        case = build_case(folder, args.victims, args.seed)
        records = case.con.execute("SELECT count(*) FROM records").fetchone()[0]
        persons = case.con.execute("SELECT count(DISTINCT person_id) FROM persons").fetchone()[0]
        started = time.perf_counter()
        path = write_report(case, folder / "report.html")
        seconds = time.perf_counter() - started
        size = path.stat().st_size
        case.close()
    figures = {
        "records": int(records),
        "persons": int(persons),
        "report_seconds": round(seconds, 2),
        "report_bytes": size,
        "report_mb": round(size / 1e6, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "targets": {"seconds": 10, "mb": 10},
        "pass": seconds <= 10 and size <= 10e6,
    }
    print(json.dumps(figures, indent=2))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
