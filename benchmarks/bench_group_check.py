"""The group check (clusters.py) measured: pair F1 with and without it, at a few settings.

    python3 benchmarks/bench_group_check.py [historical_50k febrl3 pseudopeople simulated]

Each data set of bench_linkage.py is linked with the default settings except the
threshold and ``min_mean_weight`` (None = plain connected components, no check).
Prints one JSON line per run; results: benchmarks/results/group_check.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench_linkage import DATASETS, run

from reckon.linkage import LinkageSettings

RESULTS = Path(__file__).resolve().parent / "results" / "group_check.json"
# (threshold, min_mean_weight): the previous default first, then the check at several vetoes.
VARIANTS = [(0.8, None), (0.5, None), (0.5, -2.0), (0.5, -4.0), (0.5, -6.0), (0.65, -4.0), (0.8, -4.0)]


def main(names: list[str]) -> None:
    results = []
    for name in names or [*DATASETS, "simulated"]:
        for threshold, veto in VARIANTS:
            figures = run(name, LinkageSettings(threshold=threshold, min_mean_weight=veto))
            row = {"data_set": name, "threshold": threshold, "min_mean_weight": veto,
                   **{k: figures[k] for k in ("precision", "recall", "f1", "link_seconds")}}
            print(json.dumps(row), flush=True)
            results.append(row)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
