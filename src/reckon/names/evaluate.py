"""Score name comparison on labelled pairs: the measure behind bench_names and its tests.

Reads the shared Wikidata name tables (CC0; see data/names/README.md in the shared
folder). Rows are split into a development half and a held-out half by a hash of the
script key, so every spelling of one name lands in the same half: tune on "dev",
quote "held".
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
import pandas as pd

SPLITS = ("dev", "held")


def split_of(script_key: str) -> str:
    """'dev' or 'held', fixed by the script key's CRC-32 (stable across runs and machines)."""
    return SPLITS[zlib.crc32(script_key.encode("utf-8")) % 2]


@dataclass(frozen=True)
class PairScores:
    """Decision quality of a matcher on labelled pairs at one threshold."""

    f1: float
    precision: float
    recall: float
    false_match_rate: float  # share of negatives called a match
    hard_false_match_rate: float  # the same on hard negatives only (nan when there are none)
    pairs: int

    def to_dict(self) -> dict[str, float]:
        return {k: round(float(v), 4) for k, v in self.__dict__.items()}


def score_decisions(matched: np.ndarray, labels: np.ndarray, hard: np.ndarray | None = None) -> PairScores:
    """F1, precision, recall and false-match rates of boolean decisions against 0/1 labels."""
    matched, labels = np.asarray(matched, bool), np.asarray(labels, bool)
    tp = int((matched & labels).sum())
    fp = int((matched & ~labels).sum())
    fn = int((~matched & labels).sum())
    hard_rate = float("nan")
    if hard is not None and np.asarray(hard).any():
        hard_rate = float(matched[np.asarray(hard, bool)].mean())
    return PairScores(
        f1=2 * tp / max(2 * tp + fp + fn, 1),
        precision=tp / max(tp + fp, 1),
        recall=tp / max(tp + fn, 1),
        false_match_rate=fp / max(int((~labels).sum()), 1),
        hard_false_match_rate=hard_rate,
        pairs=len(labels),
    )


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The threshold with the highest F1 (for tuning baselines on the dev half)."""
    best_f1, best_t = -1.0, 0.5
    for t in np.unique(np.round(scores, 3)):
        f1 = score_decisions(scores >= t, labels).f1
        if f1 > best_f1:
            best_f1, best_t = f1, float(t)
    return best_t


def load_variant_pairs(names_folder: Path) -> pd.DataFrame:
    """name_variant_pairs.csv with a `split` column (by the first script key)."""
    pairs = pd.read_csv(names_folder / "name_variant_pairs.csv", keep_default_na=False)
    return pairs.assign(split=pairs["key_a"].map(split_of))


def build_script_latin_pairs(names_folder: Path, per_split: int, seed: int, words: bool = False) -> pd.DataFrame:
    """True (script, Latin) pairs and as many false ones, per split.

    Full names (wikidata_full_names.csv), or with `words` single name units
    (wikidata_name_units.csv, spellings attested at least twice). A false pair joins a
    script name with the Latin name of a different person (or unit) whose Latin
    spelling starts with the same letter (harder than a random partner).
    """
    table = "wikidata_name_units.csv" if words else "wikidata_full_names.csv"
    names = pd.read_csv(names_folder / table, keep_default_na=False)
    names = names[names["latin"].str.len() > 0]
    if words:
        names = names[names["count"] >= 2]
    names = names.assign(split=names["script_key"].map(split_of),
                         initial=names["latin"].str[:1].str.lower())
    rng = np.random.default_rng(seed)
    frames = []
    for split in SPLITS:
        part = names[names["split"] == split].reset_index(drop=True)
        true = part.iloc[rng.choice(len(part), size=min(per_split, len(part)), replace=False)]
        frames.append(pd.DataFrame({"script": true["script_key"].to_numpy(), "latin": true["latin"].to_numpy(),
                                    "label": 1, "split": split}))
        frames.append(_false_partners(part, true, rng).assign(split=split))
    return pd.concat(frames, ignore_index=True)


def _false_partners(part: pd.DataFrame, true: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    by_initial = {k: v.reset_index(drop=True) for k, v in part.groupby("initial")}
    scripts, latins = [], []
    for script_key, initial in zip(true["script_key"], true["initial"]):
        pool = by_initial[initial]
        for _ in range(20):  # a partner from a different person; give up on tiny pools
            other = pool.iloc[int(rng.integers(len(pool)))]
            if other["script_key"] != script_key:
                scripts.append(script_key)
                latins.append(other["latin"])
                break
    return pd.DataFrame({"script": scripts, "latin": latins, "label": 0})


def similarities(a: pd.Series, b: pd.Series, similarity: Callable[[str, str], float]) -> np.ndarray:
    """similarity(a_i, b_i) for each row."""
    return np.fromiter((similarity(x, y) for x, y in zip(a, b)), float, count=len(a))
