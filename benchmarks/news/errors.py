"""List the extractor's errors on the news-style gold, by kind, and score halves of the sets.

Run from the project root:
    python3 benchmarks/news/errors.py [--half a|b|all] [--kind missed,spurious,claimant,date] [FILE_PREFIX ...]

Prints, per article, the gold claims missed, the predicted claims that match no gold claim,
and the matches with a wrong claimant or claim date; then the scores of each half. The halves
split the articles by event (never one event across both), so that a rule written while
looking at one half can be checked on the other before it is kept.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_claims import NEWS, NEWS_KINDS, NEWS_SETS, read_folder, score  # noqa: E402
from reckon.claims import extract_claims_many, read_gold  # noqa: E402
from reckon.claims.scoring import _match, claimants_agree  # noqa: E402

# Events by the file-name prefix of their articles: half A to develop on, half B to check.
HALF_A = ("d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09", "d10", "d11", "d12", "d13", "d14", "d15",
          "h01", "h02", "h03", "h04", "h11", "h12", "h13", "h14", "h15", "h16")


def half_of(file: str) -> str:
    return "a" if file[:3] in HALF_A else "b"


def load() -> tuple[list[dict], list[dict]]:
    predicted, gold = [], []
    for name in NEWS_SETS:  # each row keeps its set's name, for the scores by set
        folder = NEWS / name
        documents = read_folder(folder, NEWS_KINDS)
        predicted += [{**c.to_dict(), "set": name} for claims in extract_claims_many(documents) for c in claims]
        gold += [{**g, "set": name} for g in read_gold(folder / "gold.jsonl")]
    return predicted, gold


def show(claim: dict) -> str:
    figure = claim["figure_low"] if claim["figure_high"] in (None, claim["figure_low"]) else f'{claim["figure_low"]}-{claim["figure_high"]}'
    return f'{claim["category"]} {claim["qualifier"]} {figure} sub={claim.get("subgroup")} «{claim["quote"][:110]}»'


def report(predicted: list[dict], gold: list[dict], kinds: set[str]) -> None:
    matches = _match(predicted, gold)
    matched_p = {id(p) for p, _ in matches}
    matched_g = {id(g) for _, g in matches}
    counts = dict.fromkeys(("missed", "spurious", "claimant", "date"), 0)
    for file in sorted({c["file"] for c in gold + predicted}):
        lines = []
        for g in (g for g in gold if g["file"] == file and id(g) not in matched_g):
            counts["missed"] += 1
            if "missed" in kinds:
                lines.append(f"  MISSED   {show(g)} [{g['claimant_key']}]")
        for p in (p for p in predicted if p["file"] == file and id(p) not in matched_p):
            counts["spurious"] += 1
            if "spurious" in kinds:
                lines.append(f"  SPURIOUS {show(p)} [{p['claimant_key']}]")
        for p, g in ((p, g) for p, g in matches if g["file"] == file):
            if not claimants_agree(p["claimant_key"], g["claimant_key"]):
                counts["claimant"] += 1
                if "claimant" in kinds:
                    lines.append(f"  CLAIMANT got {p['claimant_key']!r} want {g['claimant_key']!r}: «{g['quote'][:100]}»")
            if (p.get("claim_date") or None) != (g.get("claim_date") or None):
                counts["date"] += 1
                if "date" in kinds:
                    lines.append(f"  DATE     got {p.get('claim_date')} want {g.get('claim_date')}: «{g['quote'][:100]}» ({p.get('claim_date_note')})")
        if lines:
            print(file)
            print("\n".join(lines))
    print(counts)


def scores(predicted: list[dict], gold: list[dict], label: str) -> None:
    row = score(predicted, gold)
    dated = row["claim_date_accuracy_dated"]
    print(f"{label:10s} F1 {row['f1']:.3f} (P {row['precision']:.3f} R {row['recall']:.3f})  claimant {row['claimant_accuracy']:.3f}  "
          f"date {row['claim_date_accuracy']:.3f} / {dated if dated is None else round(dated, 3)}  "
          f"{row['matched']}/{row['gold']} matched, {row['predicted']} predicted")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("a", "b", "all"), default="all")
    parser.add_argument("--kind", default="missed,spurious,claimant,date")
    parser.add_argument("files", nargs="*", help="file-name prefixes to show (default: all)")
    args = parser.parse_args()
    predicted, gold = load()

    def keep(claim: dict) -> bool:
        return (args.half == "all" or half_of(claim["file"]) == args.half) and (
            not args.files or claim["file"].startswith(tuple(args.files)))

    report([p for p in predicted if keep(p)], [g for g in gold if keep(g)], set(args.kind.split(",")))
    for name in NEWS_SETS:
        scores([p for p in predicted if p["set"] == name], [g for g in gold if g["set"] == name], name)
    for half in ("a", "b"):
        scores([p for p in predicted if half_of(p["file"]) == half], [g for g in gold if half_of(g["file"]) == half], f"half {half.upper()}")


if __name__ == "__main__":
    main()
