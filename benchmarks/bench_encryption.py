"""Encryption at rest: what it costs, and whether any plaintext reaches the disk during a link.

    python3 benchmarks/bench_encryption.py [VICTIMS]     (default 63000 → about 100k records)

The lists of `reckon simulate` are imported into a plaintext case and into an encrypted
one (`add_list`), linked (`link_case`, Splink on DuckDB) and the audit trail verified.
Each mode runs in its own process with TMPDIR pointed at a folder of its own, and with
Splink's working database limited to RECKON_LINK_MEMORY (default here 300MB) so that it
spills to disk. While the link runs, another thread greps the temporary folder for 50
names and ids taken from the lists; afterwards the case folder is grepped too. The
plaintext run is the control: its spill files should show the names. Timings are rough:
a 2-core machine shared with other work. Results: benchmarks/results/encryption.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "encryption.json"
PASSPHRASE = "benchmark passphrase, not a secret"


def simulate(folder: Path, victims: int) -> None:
    from reckon.simulate import simulate_event

    simulate_event(folder / "event", victims=victims, lists=4, seed=5, articles=0)


def needles(folder: Path) -> list[str]:
    """50 names and ids from the simulated lists, long enough not to occur by chance."""
    import pandas as pd

    found: list[str] = []
    for path in sorted((folder / "event" / "lists").glob("*.csv")):
        frame = pd.read_csv(path, dtype=str).sample(frac=1.0, random_state=1)
        for column in frame.columns:
            values = [v for v in frame[column].dropna() if len(v) >= 12 and not v.isdigit()]
            found += values[:5]
    return sorted(set(found))[:50]


def record_ids(case) -> list[str]:
    """50 record ids: what Splink's working tables carry for every record."""
    rows = case.con.execute("SELECT record_id FROM records WHERE length(record_id) >= 10 ORDER BY hash(record_id) LIMIT 50")
    return [r[0] for r in rows.fetchall()]


def run_mode(folder: Path, mode: str) -> dict:
    """One mode in this process: import, link, verify; grep the temp folder meanwhile."""
    from reckon.case import Case
    from reckon.linkage import link_case
    from reckon.storage.encryption import passphrase_from_env
    from reckon.lists.store import add_list

    temp = Path(tempfile.gettempdir())
    started = time.perf_counter()
    case = Case.init(folder / mode, passphrase=passphrase_from_env() if mode == "encrypted" else None)
    for path in sorted((folder / "event" / "lists").glob("*.csv")):
        add_list(case, path, name=path.stem)
    imported = time.perf_counter()
    words = needles(folder) + record_ids(case)
    seen, spill_files = _grep_while(lambda: link_case(case), temp, words)
    linked = time.perf_counter()
    rows = case.verify_audit()
    verified = time.perf_counter()
    records = case.con.execute("SELECT count(*) FROM records").fetchone()[0]
    case.close()
    after = _grep_once(folder / mode, words)
    return {
        "mode": mode, "records": records, "import_seconds": round(imported - started, 1),
        "link_seconds": round(linked - imported, 1), "audit_verify_seconds": round(verified - linked, 2),
        "audit_rows": rows, "spill_files_seen": len(spill_files),
        "needles": len(words), "needles_in_temp_during_link": len(seen), "needles_in_case_folder": len(after),
    }


def _grep_once(folder: Path, words: list[str]) -> set[str]:
    found = set()
    for path in folder.rglob("*"):
        if path.is_file():
            try:
                data = path.read_bytes()
            except OSError:  # removed while we looked
                continue
            found |= {w for w in words if w.encode("utf-8") in data}
    return found


def _grep_while(work, folder: Path, words: list[str]) -> tuple[set[str], set[str]]:
    seen: set[str] = set()
    files: set[str] = set()
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            files.update(f for _, _, names in os.walk(folder) for f in names)
            seen.update(_grep_once(folder, words))
            done.wait(1.0)

    thread = threading.Thread(target=poll, daemon=True)
    thread.start()
    try:
        work()
    finally:
        done.set()
        thread.join()
    return seen, files


def main() -> None:
    victims = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 63000
    with tempfile.TemporaryDirectory(prefix="reckon-bench-encryption-") as tmp:
        folder = Path(tmp)
        simulate(folder, victims)
        results = []
        for mode in ("plaintext", "encrypted"):
            temp = folder / f"tmp-{mode}"
            temp.mkdir()
            env = {**os.environ, "TMPDIR": str(temp), "RECKON_PASSPHRASE": PASSPHRASE,
                   "RECKON_LINK_MEMORY": os.environ.get("RECKON_LINK_MEMORY", "300MB")}
            out = subprocess.run([sys.executable, __file__, "--mode", mode, str(folder)],
                                 env=env, capture_output=True, text=True, check=True).stdout
            results.append(json.loads(out.strip().splitlines()[-1]))
            print(json.dumps(results[-1]))
    plain, secret = results
    summary = {
        "victims": victims, "records": plain["records"], "link_memory": os.environ.get("RECKON_LINK_MEMORY", "300MB"),
        "runs": results,
        "import_overhead": round(secret["import_seconds"] / max(plain["import_seconds"], 0.1), 2),
        "link_overhead": round(secret["link_seconds"] / max(plain["link_seconds"], 0.1), 2),
        "note": "2-core machine shared with other work: timings are rough",
    }
    print(f"encrypted/plaintext time: import x{summary['import_overhead']}, link x{summary['link_overhead']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--mode":
        print(json.dumps(run_mode(Path(sys.argv[3]), sys.argv[2])))
    else:
        main()
