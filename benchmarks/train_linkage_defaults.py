"""Learn reckon's default linkage model once, offline, from large simulated events.

    python3 benchmarks/train_linkage_defaults.py        # writes src/reckon/linkage/default_model.json

Every event of CORPORA is simulated (`reckon simulate`, both profiles), imported as a user
would (bench_linkage.simulated_case) and compared with reckon's own comparisons
(default LinkageSettings). m of each comparison level is counted from the TRUE matching
pairs of the simulation's truth (every pair of records of one simulated person), pooled
over the events of one profile:

    m(level) = (pairs of one person on the level + 1) / (such pairs with data + levels)

(one pseudo-pair per level, so no level gets m = 0), then averaged over the two profiles
(so the clean profile's larger events do not outweigh the harsh one). u, the fallback for a level no pair
of a real case's random sample falls on, is reckon's own u estimate on each event (every
pair of a seeded sample), averaged over the events. A level no simulated pair falls on
at all (the simulator writes no date of birth and no id number) gets a value set by hand
(HAND_SET), marked as such in the file; EM replaces those on lists large enough.

The seeds differ from the benchmarks' (bench_linkage.py uses 11): the benchmark cases
are not the training data. Also writes benchmarks/results/linkage_defaults.json (the counts).
"""

from __future__ import annotations

import json
import logging
import sys
from collections import defaultdict
from pathlib import Path

from bench_linkage import simulated_case
from splink import Linker

from reckon.linkage.backends import open_backend
from reckon.linkage.blocking import affordable_rules, columns_with_data
from reckon.linkage.case_links import load_case_records
from reckon.linkage.defaults import level_counts, level_label, non_null_levels
from reckon.linkage.link import comparison_levels_of_groups, estimate_u
from reckon.linkage.model import build_settings
from reckon.linkage.prepare import prepare_features
from reckon.linkage.settings import ALL_COMPARISONS, LinkageSettings

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "reckon" / "linkage" / "default_model.json"
RESULTS = ROOT / "benchmarks" / "results" / "linkage_defaults.json"

CORPORA = (
    {"profile": "clean", "victims": 10000, "lists": 4, "seed": 101},
    {"profile": "harsh", "sizes": (6000, 2000), "seed": 102},
    {"profile": "harsh", "sizes": (3000, 1000, 1500, 1000), "seed": 103},
    {"profile": "clean", "sizes": (3000, 1000), "seed": 104},
)

# Levels the simulator never produces (no date of birth, no id number): a guess of how
# often one person's two records fall on them.
HAND_SET = {
    ("age", "Exact match on date_of_birth"): 0.6,
    ("age", "dates of birth one typo apart"): 0.08,
    ("age", "day and month of birth swapped"): 0.01,
    ("age", "same year and month of birth"): 0.03,
    ("age", "same birth year"): 0.05,
    ("national_id", "same id, given names clearly differ"): 0.005,
    ("national_id", "Exact match on national_id"): 0.85,
    ("national_id", "one typo apart"): 0.05,
    ("national_id", "All other comparisons"): 0.1,
}
HAND_SET_OTHER = 0.01


def count_event(spec: dict, settings: LinkageSettings) -> tuple[dict, dict, dict]:
    """(level counts over true pairs, u per level, the model's levels) for one simulated event."""
    case, truth, _ = simulated_case(**spec)
    records = load_case_records(case)
    case.close()
    features = prepare_features(records)
    person = features["record_id"].map(truth.dropna(subset=["record_id"]).set_index("record_id")["person_id"])
    filled = columns_with_data(features)
    # Every comparison, whatever the blocking: only the levels of pairs are wanted here.
    blocking, _ = affordable_rules(features, settings.blocking_rules, filled, settings.max_pairs_per_rule)
    with open_backend("duckdb") as engine:
        table = engine.register_features(features)
        linker = Linker(table, build_settings(settings, filled, blocking), log_level=logging.ERROR)
        model = estimate_u(engine, linker, features, settings)
        counts = level_counts(comparison_levels_of_groups(engine, features, person, model), model)
    u = {(c["output_column_name"], level_label(level)): level.get("u_probability")
         for c in model["comparisons"] for level in non_null_levels(c)}
    levels = {c["output_column_name"]: [level_label(level) for level in non_null_levels(c)] for c in model["comparisons"]}
    return counts, u, levels


def main() -> None:
    settings = LinkageSettings()
    totals: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    us: dict[tuple[str, str], list[float]] = defaultdict(list)
    levels: dict[str, list[str]] = {}
    events = []
    for spec in CORPORA:
        counts, u, seen = count_event(spec, settings)
        events.append({"event": {k: list(v) if isinstance(v, tuple) else v for k, v in spec.items()}, "counts": counts})
        print(json.dumps(events[-1]), flush=True)
        for name, by_level in counts.items():
            for label, n in by_level.items():
                totals[spec["profile"]][name][label] += n
        for key, value in u.items():
            if isinstance(value, (int, float)):
                us[key].append(float(value))
        for name, labels in seen.items():
            levels.setdefault(name, labels)
    comparisons: dict[str, dict[str, dict]] = {}
    for name in ALL_COMPARISONS:
        labels = levels.get(name) or [label for comparison, label in HAND_SET if comparison == name]
        comparisons[name] = {}
        for label in labels:
            ms, n = [], 0
            for by_comparison in totals.values():
                pairs = sum(by_comparison[name].values())
                if pairs:
                    ms.append((by_comparison[name].get(label, 0) + 1) / (pairs + len(labels)))
                    n += by_comparison[name].get(label, 0)
            observed = ms and (n > 0 or us.get((name, label)))
            entry = {"m": round(sum(ms) / len(ms), 6), "true_pairs": n, "source": "simulated"} if observed else \
                {"m": HAND_SET.get((name, label), HAND_SET_OTHER), "true_pairs": 0, "source": "set by hand"}
            u = us.get((name, label))
            entry["u"] = round(sum(u) / len(u), 8) if u else None
            comparisons[name][label] = entry
    out = {
        "about": "reckon's default linkage model: m per comparison level from the true pairs of simulated "
                 "events, u a fallback; written by benchmarks/train_linkage_defaults.py",
        "events": [e["event"] for e in events],
        "comparisons": comparisons,
    }
    OUT.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"events": events}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
