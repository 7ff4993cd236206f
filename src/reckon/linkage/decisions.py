"""Reviewer decisions: must-link and cannot-link pairs, which win over the model.

A decision is about an unordered pair of records; it is stored and applied with the
smaller record id on the left, the same orientation Splink uses for its pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from reckon.errors import InputError

MUST_LINK = "must-link"
CANNOT_LINK = "cannot-link"
DECISIONS = (MUST_LINK, CANNOT_LINK)

Pair = tuple[str, str]


def ordered(left: str, right: str) -> Pair:
    """The pair with the smaller record id first."""
    if left == right:
        raise InputError(f"a record cannot be paired with itself ({left!r})", fix="give two different record ids")
    return (left, right) if left < right else (right, left)


@dataclass
class Decisions:
    """The reviewers' verdicts; the latest verdict on a pair is the one that counts."""

    must_link: set[Pair] = field(default_factory=set)
    cannot_link: set[Pair] = field(default_factory=set)

    def add(self, left: str, right: str, decision: str) -> None:
        if decision not in DECISIONS:
            raise InputError(f"decision {decision!r} is not one of {', '.join(DECISIONS)}", fix="use must-link or cannot-link")
        pair = ordered(left, right)
        self.must_link.discard(pair)
        self.cannot_link.discard(pair)
        (self.must_link if decision == MUST_LINK else self.cannot_link).add(pair)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Decisions:
        """From rows (record_id_l, record_id_r, decision), oldest first."""
        decisions = cls()
        for left, right, decision in frame[["record_id_l", "record_id_r", "decision"]].itertuples(index=False):
            decisions.add(left, right, decision)
        return decisions

    def __len__(self) -> int:
        return len(self.must_link) + len(self.cannot_link)


def apply_decisions(pairs: pd.DataFrame, decisions: Decisions | None) -> pd.DataFrame:
    """Pairs with the reviewers' verdicts applied and recorded in the `decided` column.

    must-link: probability 1 (the pair is added if the model never compared it);
    cannot-link: probability 0, so the pair never joins two records into one person.
    """
    pairs = pairs.copy()
    pairs["decided"] = pd.Series([None] * len(pairs), index=pairs.index, dtype="object")
    if not decisions:
        return pairs
    keys = list(zip(pairs["record_id_l"], pairs["record_id_r"]))
    must = np.array([k in decisions.must_link for k in keys], dtype=bool)
    cannot = np.array([k in decisions.cannot_link for k in keys], dtype=bool)
    pairs.loc[must, ["match_probability", "match_weight", "decided"]] = [1.0, np.inf, MUST_LINK]
    pairs.loc[cannot, ["match_probability", "match_weight", "decided"]] = [0.0, -np.inf, CANNOT_LINK]
    missing = sorted(decisions.must_link - set(keys))
    if missing:
        extra = pd.DataFrame(
            {
                "record_id_l": [p[0] for p in missing],
                "record_id_r": [p[1] for p in missing],
                "match_probability": 1.0,
                "match_weight": np.inf,
                "decided": MUST_LINK,
            }
        )
        pairs = pd.concat([pairs, extra], ignore_index=True)
    return pairs
