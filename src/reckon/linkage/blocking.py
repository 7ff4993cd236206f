"""Blocking: which pairs of records Splink compares at all.

Blocking rules use ``l.column`` and ``r.column``. A rule is used only when its columns
hold data, and a rule is priced before it runs: an equality rule's pair count follows
from the block sizes, so a rule that would make too many pairs is skipped or replaced by
a stricter alternative before Splink builds a single pair.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd


def pairs_within(records: pd.DataFrame, keys: list[str]) -> float:
    """Pairs of records equal on ``keys``, counted from group sizes (no pair is built)."""
    sizes = records.groupby(keys, observed=True).size()
    return float((sizes * (sizes - 1) / 2).sum())


class PairCounter:
    """Pairs of ``records`` equal on some columns (records with any of them NULL left out),
    counted from block sizes like ``pairs_within``; each column is turned into integer
    codes once, however many rules use it (a million records' text groups slowly)."""

    def __init__(self, records: pd.DataFrame) -> None:
        self.records = records
        self._codes: dict[tuple[str, ...], np.ndarray] = {}

    def within(self, keys: list[str]) -> float:
        blocks = self._blocks(tuple(keys))
        sizes = np.bincount(blocks[blocks >= 0])
        return float((sizes * (sizes - 1) / 2).sum())

    def _blocks(self, keys: tuple[str, ...]) -> np.ndarray:
        """A code per record for its combination of ``keys`` (-1 where one is NULL), dense
        (0, 1, 2, ...) and kept: rules share their first columns."""
        if keys not in self._codes:
            if len(keys) == 1:
                codes = pd.factorize(self.records[keys[0]])[0]
            else:
                first, last = self._blocks(keys[:-1]), self._blocks(keys[-1:])
                both = (first >= 0) & (last >= 0)
                combined = first.astype(np.int64) * (int(last.max(initial=0)) + 1) + last
                codes = np.where(both, pd.factorize(np.where(both, combined, -1))[0], -1)
            self._codes[keys] = codes.astype(np.int32)
        return self._codes[keys]


def columns_with_data(features: pd.DataFrame) -> set[str]:
    """Prepared columns that are not empty in at least two records (else nothing to compare)."""
    return {c for c in features.columns if features[c].notna().sum() >= 2}


def rules_for_data(rules: list[str], filled: set[str]) -> list[str]:
    """Keep only the rules whose columns all hold data (an empty column blocks nothing)."""
    kept = []
    for rule in rules:
        used = set(re.findall(r"\b[lr]\.([a-z_]+)", rule))
        if used and used <= filled:
            kept.append(rule)
    return kept


_EQUALITY = re.compile(r"^\s*l\.([a-z_]+)\s*=\s*r\.\1\s*$")


def rule_pair_count(features: pd.DataFrame | PairCounter, rule: str) -> int | None:
    """Pairs an equality rule makes (counted from block sizes); None for other rules."""
    columns = []
    for part in re.split(r"\s+and\s+", rule, flags=re.IGNORECASE):
        match = _EQUALITY.match(part)
        if not match:
            return None
        columns.append(match.group(1))
    counter = features if isinstance(features, PairCounter) else PairCounter(features)
    return int(counter.within(columns))


def affordable_rules(
    features: pd.DataFrame | PairCounter, groups: list[list[str]], filled: set[str], limit: float
) -> tuple[list[str], list[list[str]]]:
    """(chosen, skipped): from each group of alternatives, the first rule whose columns hold
    data and whose pair count stays within ``limit``; groups with no such rule are skipped."""
    counter = features if isinstance(features, PairCounter) else PairCounter(features)
    chosen, skipped = [], []
    for group in groups:
        usable = rules_for_data(list(group), filled)
        fitting = [r for r in usable if (rule_pair_count(counter, r) or 0) <= limit]
        if fitting:
            chosen.append(fitting[0])
        elif usable:
            skipped.append(list(group))
    return chosen, skipped
