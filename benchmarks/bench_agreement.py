"""Agreement between annotators on the news gold, with the extractor beside them.

How far do two careful people agree when they annotate the same articles by the conventions of
benchmarks/news/STYLES.md? Their agreement is the ceiling any extractor can be measured against:
a target above it measures the annotators, not the extractor.

For each held-back set with second annotations (benchmarks/news/agreement/<set>/<annotator>/
gold.jsonl, written independently by annotators who saw neither the set's gold nor the
extractor), every pair of annotations is scored with the claims scorer (F1; claimant and claim
date agreement over the claims both found), and so is the extractor against each annotation.

Run from the project root:  python3 benchmarks/bench_agreement.py
Prints a table and writes benchmarks/results/agreement.json.
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path

from bench_claims import NEWS, NEWS_KINDS, ROOT, read_folder, score
from reckon.claims import extract_claims_many, read_gold

AGREEMENT = NEWS / "agreement"
AUTHOR = "author"  # the annotation the set's own author wrote: benchmarks/news/<set>/gold.jsonl
FIGURES = ("f1", "claimant_accuracy", "claim_date_accuracy", "matched", "predicted", "gold")


def annotations(name: str) -> dict[str, list[dict]]:
    """Every annotation of one set by annotator: its author's, then each second annotator's."""
    found = {AUTHOR: read_gold(NEWS / name / "gold.jsonl")}
    for folder in sorted(p for p in (AGREEMENT / name).iterdir() if (p / "gold.jsonl").exists()):
        found[folder.name] = read_gold(folder / "gold.jsonl")
    return found


def on_common_files(rows: list[dict], files: set[str]) -> list[dict]:
    return [row for row in rows if row["file"] in files]


def agreement(name: str) -> dict:
    """Pairwise scores between the annotations of one set, and the extractor against each."""
    found = annotations(name)
    files = set.intersection(*({row["file"] for row in rows} for rows in found.values()))
    found = {who: on_common_files(rows, files) for who, rows in found.items()}
    documents = [d for d in read_folder(NEWS / name, NEWS_KINDS) if Path(d.file).name in files]
    texts = {Path(d.file).name: d.text for d in documents}
    extracted = [c.to_dict() for claims in extract_claims_many(documents) for c in claims]
    extracted = [{**row, "file": Path(row["file"]).name} for row in extracted]
    pairs = {
        f"{a} vs {b}": _figures(score(as_predicted(found[a], texts), found[b])) for a, b in itertools.combinations(found, 2)
    }
    extractor = {f"extractor vs {who}": _figures(score(extracted, rows)) for who, rows in found.items()}
    return {"articles": len(files), "annotators": list(found), "pairs": pairs, "extractor": extractor}


def as_predicted(rows: list[dict], texts: dict[str, str]) -> list[dict]:
    """An annotation scored as if predicted: its other quotes of a claim (a headline's, a
    repeat's), given in the gold as text, located in the article as the extractor gives them."""
    located = []
    for row in rows:
        text = texts.get(row["file"], "")
        spans = [(text.find(quote), quote) for quote in row.get("alt_quotes") or [] if isinstance(quote, str)]
        alt = [{"text": quote, "start": at, "end": at + len(quote)} for at, quote in spans if at >= 0]
        located.append({**row, "alt_quotes": alt})
    return located


def _figures(row: dict) -> dict:
    return {key: row[key] for key in FIGURES}


def mean(rows: list[dict], key: str) -> float:
    return round(sum(row[key] for row in rows) / len(rows), 3)


def main() -> None:
    sets = sorted(p.name for p in AGREEMENT.iterdir() if p.is_dir()) if AGREEMENT.exists() else []
    if not sets:
        raise SystemExit(f"no second annotations under {AGREEMENT.relative_to(ROOT)}")
    results = {name: agreement(name) for name in sets}
    pairs = [row for result in results.values() for row in result["pairs"].values()]
    extractor = [row for result in results.values() for row in result["extractor"].values()]
    results["mean"] = {
        "annotator_pairs": {key: mean(pairs, key) for key in ("f1", "claimant_accuracy", "claim_date_accuracy")},
        "extractor_vs_annotators": {key: mean(extractor, key) for key in ("f1", "claimant_accuracy", "claim_date_accuracy")},
    }
    for name in sets:
        for label, row in {**results[name]["pairs"], **results[name]["extractor"]}.items():
            print(f"{name:11s} {label:28s} F1 {row['f1']:.3f}  claimant {row['claimant_accuracy']:.3f}  "
                  f"claim date {row['claim_date_accuracy']:.3f}  ({row['matched']} matched)", file=sys.stderr)
    for label, row in results["mean"].items():
        print(f"mean        {label:28s} F1 {row['f1']:.3f}  claimant {row['claimant_accuracy']:.3f}  "
              f"claim date {row['claim_date_accuracy']:.3f}", file=sys.stderr)
    out = ROOT / "benchmarks" / "results" / "agreement.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results["mean"], indent=2))
    print(f"wrote {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
