"""Learning curve: precision and recall after 0, 10, 20 and 50 reviewer answers.

    python3 benchmarks/bench_review_curve.py [case] [--low 0.3] [--high 0.9] [--answers 10,20,50] [--learn default]

A simulated case of bench_linkage.py (default harsh_60_300: a list of 300 people and one
of 60, imported as a user would) is linked with the default settings. Then a reviewer who
always answers right (the truth file) works through the library's review queue
(``review_queue``, the pairs `reckon review` offers, most uncertain first) and records each
answer with ``record_decision``; the case is linked again after each batch. Scores are
pair precision / recall / F1 over all documented records (bench_linkage.score_case), over
the imported records only, and over the named records only. The decisions act as
constraints on their own pairs and, as `--learn` says, as labels the model learns from
(docs/linkage.md): "default" as reckon's defaults do (the calibration shift), "shift" by the
shift only, "m" by moving m only (pseudo-count 20), "both", or "none" at all; each point
records what they moved.

Results: benchmarks/results/review_curve.json (one entry per case and queue range).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pandas as pd
from bench_linkage import SIMULATED, score_case, simulated_case

from reckon.case import Case
from reckon.linkage import LinkageSettings, link_case
from reckon.linkage.review import record_decision, review_queue

RESULTS = Path(__file__).resolve().parent / "results" / "review_curve.json"
REVIEWER = "truth file (bench_review_curve)"


def answer(case: Case, person_of: dict[str, str], wanted: int, low: float, high: float) -> dict[str, int]:
    """Answer up to ``wanted`` questions from the queue, as the truth says."""
    queue = review_queue(case, low=low, high=high, limit=wanted)
    counts = {"must-link": 0, "cannot-link": 0}
    for left, right in queue[["record_id_l", "record_id_r"]].itertuples(index=False):
        decision = "must-link" if person_of[left] == person_of[right] else "cannot-link"
        record_decision(case, left, right, decision, reviewer=REVIEWER)
        counts[decision] += 1
    return counts


LEARNING = {  # --learn: the settings that say how the model learns from the answers
    "default": {},
    "shift": {"label_pseudo_count": None},
    "m": {"label_shift_sd": None, "label_pseudo_count": 20.0},
    "both": {"label_pseudo_count": 20.0},
    "none": {"label_pseudo_count": None, "label_shift_sd": None},
}


def curve(name: str, steps: list[int], low: float, high: float, learn: str = "default") -> dict:
    case, truth, info = simulated_case(**SIMULATED[name])
    imported = truth.dropna(subset=["record_id"])
    person_of = dict(zip(imported["record_id"], imported["person_id"]))
    points, answered, told = [], 0, {"must-link": 0, "cannot-link": 0}
    for target in [0, *steps]:
        if target > answered:
            counts = answer(case, person_of, target - answered, low, high)
            told = {k: told[k] + counts[k] for k in told}
            answered += sum(counts.values())
        started = time.perf_counter()
        run = link_case(case, settings=LinkageSettings(**LEARNING[learn]))
        scores = score_case(case, truth)
        point = {"asked": target, "answered": answered, **told, "precision": scores["precision"],
                 "recall": scores["recall"], "f1": scores["f1"], "found_pairs": scores["found_pairs"],
                 "imported_only": scores["imported_only"], "named_only": scores["named_only"],
                 "pairs_scored": run.summary["pairs_scored"], "m_sources": run.summary["m_sources"],
                 "label_pairs": run.summary["label_pairs"], "label_shift": run.summary["label_shift"],
                 "link_seconds": round(time.perf_counter() - started, 1)}
        print(json.dumps(point), flush=True)
        points.append(point)
    case.close()
    return {"data_set": name, "low": low, "high": high, "learn": learn, "true_pairs": scores["true_pairs"], **info,
            "queue_ran_dry": answered < steps[-1], "points": points}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("case", nargs="?", default="harsh_60_300", choices=sorted(SIMULATED))
    parser.add_argument("--low", type=float, default=0.3, help="review queue: lowest probability (reckon review's default)")
    parser.add_argument("--high", type=float, default=0.9, help="review queue: highest probability (exclusive)")
    parser.add_argument("--answers", default="10,20,50", help="cumulative answers after which to link again")
    parser.add_argument("--learn", default="default", choices=sorted(LEARNING),
                        help="how the model learns from the answers (none: constraints only, for comparison)")
    args = parser.parse_args()
    steps = [int(n) for n in args.answers.split(",")]
    result = curve(args.case, steps, args.low, args.high, args.learn)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    results[f"{args.case} low={args.low} high={args.high} learn={args.learn}"] = result
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(pd.DataFrame(result["points"])[["asked", "answered", "must-link", "cannot-link", "precision", "recall", "f1"]]
          .to_string(index=False))


if __name__ == "__main__":
    main()
