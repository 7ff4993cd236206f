"""Benchmark: time to find the claims of one article as it grows (is it linear in size?).

Builds one long article from examples/articles (our synthetic articles, repeated until the
size is reached) for each size, and times `claims_from_files` on it in this process, the
size limits lifted. Extraction should take time in proportion to the size: the seconds
per MB column should stay flat.

Run from the project root:  python3 benchmarks/bench_article_size.py [--sizes 1 4 8 20]
Prints the figures and writes them to benchmarks/results/article_size.json. Timings on a
shared 2-core machine are rough.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from reckon.claims.ingest import claims_from_files

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "article_size.json"


def long_article(megabytes: float) -> str:
    """Our example articles' bodies, repeated up to ``megabytes`` million characters."""
    bodies = [path.read_text(encoding="utf-8").split("\n", 1)[1] for path in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    corpus = "\n\n".join(bodies)
    size = int(megabytes * 1_000_000)
    return "date 2024-03-13 One very long article\n\n" + ("\n\n".join([corpus] * (size // len(corpus) + 1)))[:size]


def time_one(megabytes: float, folder: Path) -> dict[str, float]:
    path = folder / f"article-{megabytes:g}mb.txt"
    path.write_text(long_article(megabytes), encoding="utf-8")
    started = time.perf_counter()
    found = claims_from_files([path], max_bytes=10**10, max_chars=10**10)
    seconds = time.perf_counter() - started
    if not found.ok:
        raise SystemExit(f"{path.name} was not read: {found.outcomes[0].error}")
    return {"megabytes": megabytes, "seconds": round(seconds, 1), "seconds_per_mb": round(seconds / megabytes, 1), "claims": len(found.claims)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 4, 8, 20], help="article sizes in MB")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in args.sizes:
            rows.append(time_one(megabytes, Path(folder)))
            print(json.dumps(rows[-1]), flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"sizes": rows}, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
