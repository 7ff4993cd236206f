"""The pair-scoring helpers shared by bench_names and the pinned figures."""

import numpy as np
import pandas as pd
import pytest

from reckon.names import map_unique
from reckon.names.evaluate import best_threshold, score_decisions, split_of


def test_split_is_stable_and_covers_both_halves() -> None:
    keys = [f"نام{i}" for i in range(200)]
    splits = [split_of(k) for k in keys]
    assert set(splits) == {"dev", "held"}
    assert splits == [split_of(k) for k in keys]  # same answer every time
    assert split_of("محمد") == "dev"  # CRC-32 is fixed across machines


def test_score_decisions_counts() -> None:
    matched = np.array([1, 1, 0, 0, 1], bool)
    labels = np.array([1, 0, 1, 0, 0], bool)
    hard = np.array([0, 1, 0, 1, 0], bool)
    s = score_decisions(matched, labels, hard)
    assert s.precision == pytest.approx(1 / 3)
    assert s.recall == pytest.approx(1 / 2)
    assert s.f1 == pytest.approx(2 * 1 / (2 * 1 + 2 + 1))
    assert s.false_match_rate == pytest.approx(2 / 3)
    assert s.hard_false_match_rate == pytest.approx(1 / 2)
    assert s.to_dict()["pairs"] == 5


def test_best_threshold_separates_clean_scores() -> None:
    scores = np.array([0.9, 0.8, 0.3, 0.2])
    labels = np.array([1, 1, 0, 0])
    assert 0.3 < best_threshold(scores, labels) <= 0.8


def test_map_unique_calls_once_per_distinct_value() -> None:
    calls: list[str] = []

    def record(value: str) -> str:
        calls.append(value)
        return value.lower()

    out = map_unique(pd.Series(["Ali", "Ali", "Reza", None, "Ali"]), record)
    assert out.tolist() == ["ali", "ali", "reza", None, "ali"]
    assert sorted(calls) == ["Ali", "Reza"]
