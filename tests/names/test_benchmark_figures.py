"""Pin the held-out accuracy of name comparison on the shared Wikidata pairs.

The held-out half (by script-key hash) was not looked at while tuning. A seeded
sample keeps this under a few seconds; benchmarks/bench_names.py gives the full figures.
"""

from pathlib import Path

import numpy as np
import pytest

from reckon.names import is_same_name
from reckon.names.evaluate import build_script_latin_pairs, load_variant_pairs, score_decisions

SEED = 20191115


@pytest.fixture
def names_folder(shared: Path) -> Path:
    folder = shared / "data" / "names"
    if not (folder / "name_variant_pairs.csv").exists():
        pytest.skip("shared name data not found")
    return folder


def test_script_to_latin_meets_target_on_held_out(names_folder: Path) -> None:
    pairs = build_script_latin_pairs(names_folder, per_split=800, seed=SEED)
    held = pairs[pairs["split"] == "held"]
    matched = np.array([is_same_name(s, l) for s, l in zip(held["script"], held["latin"])])
    scores = score_decisions(matched, held["label"].to_numpy())
    # issue 3 target: >= 85% of true pairs at <= 3% false positives
    assert scores.recall >= 0.85
    assert scores.false_match_rate <= 0.03


def test_script_to_latin_single_words_on_held_out(names_folder: Path) -> None:
    # single name units are harder than full names: one letter is a larger share
    pairs = build_script_latin_pairs(names_folder, per_split=800, seed=SEED, words=True)
    held = pairs[pairs["split"] == "held"]
    matched = np.array([is_same_name(s, l) for s, l in zip(held["script"], held["latin"])])
    scores = score_decisions(matched, held["label"].to_numpy())
    assert scores.recall >= 0.88
    assert scores.false_match_rate <= 0.035


def test_latin_variant_pairs_on_held_out(names_folder: Path) -> None:
    pairs = load_variant_pairs(names_folder)
    held = pairs[pairs["split"] == "held"].sample(4000, random_state=SEED)
    matched = np.array([is_same_name(a, b) for a, b in zip(held["latin_a"], held["latin_b"])])
    scores = score_decisions(matched, held["label"].to_numpy(), (held["kind"] == "hard_neg").to_numpy())
    # Full held-out half (benchmarks/results/names.json): F1 0.932, hard negatives 2.6%
    # (this sample: 0.942, 2.2%). Pinned at the target (F1 >= 0.92, <= 3%),
    # well above the baselines (Jaro-Winkler 0.64, double metaphone 0.80).
    assert scores.f1 >= 0.92
    assert scores.hard_false_match_rate <= 0.03
