"""Import speed of a 1,000,000-row victim list.

    python3 benchmarks/bench_lists.py [--rows N] [--seed S]

Writes a seeded CSV of invented people (both scripts, Solar Hijri and Gregorian dates, ages
as lists write them), then imports it into a fresh case in a child process so that the peak
memory measured is the import's alone. Prints and writes benchmarks/results/lists.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

RESULTS = Path(__file__).resolve().parent / "results" / "lists.json"

GIVEN = [("Ali", "علی"), ("Reza", "رضا"), ("Maryam", "مریم"), ("Zahra", "زهرا"), ("Hossein", "حسین"),
         ("Sara", "سارا"), ("Mohammad", "محمد"), ("Fatemeh", "فاطمه"), ("Omid", "امید"), ("Neda", "ندا"),
         ("Hamid", "حمید"), ("Leila", "لیلا"), ("Saeed", "سعید"), ("Mina", "مینا"), ("Kaveh", "کاوه")]
FAMILY = [("Ahmadi", "احمدی"), ("Karimi", "کریمی"), ("Moradi", "مرادی"), ("Hosseini", "حسینی"),
          ("Rahimi", "رحیمی"), ("Jafari", "جعفری"), ("Sadeghi", "صادقی"), ("Rezaei", "رضایی"),
          ("Nouri", "نوری"), ("Amini", "امینی"), ("Ghasemi", "قاسمی"), ("Mohammadi", "محمدی")]
CITIES = [("Tehran", "Tehran"), ("Shiraz", "Fars"), ("Mashhad", "Khorasan Razavi"), ("Karaj", "Alborz"),
          ("Isfahan", "Isfahan"), ("Ahvaz", "Khuzestan"), ("Tabriz", "East Azerbaijan")]
AGE_FORMS = ["{a}", "{a}", "{a}", "{a} years", "{a} or {b}", "about {a}", "۱۷", ""]


def write_list(path: Path, rows: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    given = rng.integers(0, len(GIVEN), rows)
    family = rng.integers(0, len(FAMILY), rows)
    family2 = rng.integers(0, len(FAMILY), rows)  # double surnames make names more distinct
    latin = np.array([g for g, _ in GIVEN], dtype=object)[given] + " " + np.array(
        [f for f, _ in FAMILY], dtype=object)[family] + "-" + np.array([f for f, _ in FAMILY], dtype=object)[family2]
    native = np.array([g for _, g in GIVEN], dtype=object)[given] + " " + np.array(
        [f for _, f in FAMILY], dtype=object)[family] + " " + np.array([f for _, f in FAMILY], dtype=object)[family2]
    days = rng.integers(0, 60, rows)
    gregorian = (pd.Timestamp("2019-11-15") + pd.to_timedelta(days, unit="D")).strftime("%Y-%m-%d").to_numpy(dtype=object)
    solar = np.array([f"۱۳۹۸/۰۸/{d:02d}".translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")) for d in range(1, 31)], dtype=object)
    died = np.where(rng.random(rows) < 0.5, gregorian, solar[days % 30])
    ages = rng.integers(12, 70, rows)
    age_text = [AGE_FORMS[k].format(a=a, b=a + 1) for k, a in zip(rng.integers(0, len(AGE_FORMS), rows), ages)]
    city = rng.integers(0, len(CITIES), rows)
    frame = pd.DataFrame({
        "record_no": np.arange(1, rows + 1),
        "full_name": latin,
        "name_fa": native,
        "father": np.array([g for g, _ in GIVEN], dtype=object)[rng.integers(0, len(GIVEN), rows)],
        "gender": np.where(rng.random(rows) < 0.8, "male", "female"),
        "age": age_text,
        "died": died,
        "city": np.array([c for c, _ in CITIES], dtype=object)[city],
        "province": np.array([p for _, p in CITIES], dtype=object)[city],
    })
    frame.to_csv(path, index=False)


def import_once(path: Path, case_folder: Path) -> dict[str, float]:
    """Runs in the child process: time the read and the store, and the peak memory."""
    from reckon.case import Case
    from reckon.lists.store import add_list

    case = Case.init(case_folder)
    case.con.execute("SET enable_progress_bar = false")
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    result = add_list(case, path, name="bench")
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
    case.close()
    return {
        "cpu_seconds": round(cpu, 2),  # all threads; less sensitive than wall time to a busy machine
        "rows_stored": result.row_count,
        "rows_quarantined": result.quarantined_count,
        "seconds": round(seconds, 2),
        "rows_per_second": round(result.row_count / seconds),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(import_once(Path(args.child[0]), Path(args.child[1]))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench_list.csv"
        write_list(path, args.rows, args.seed)
        child = subprocess.run(
            [sys.executable, __file__, "--child", str(path), str(Path(tmp) / "case")],
            check=True, capture_output=True, text=True,
        )
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        figures.update(
            rows=args.rows, seed=args.seed, file_mb=round(path.stat().st_size / 2**20, 1),
            load_average_1min=round(os.getloadavg()[0], 1), cores=os.cpu_count(),
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
