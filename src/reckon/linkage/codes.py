"""Records as integer codes inside a run: a record's code is its position in record-id order.

The engine joins pairs back to their records a dozen million times at a million records,
and the group check looks records up as often: on integers both are several times faster
than on id strings like ``"families_committee:123456"``. Codes keep the ids' order (code
i < code j exactly when id i < id j), so whatever is ordered or chosen by record id (a pair's
left record, pairs in record-id order, a person named by its smallest record id) comes out
the same in codes as in ids.

    codes = RecordCodes(features["record_id"])       # ids in record-id order
    codes.decode(pairs["record_id_l"])               # codes -> ids
    codes.decisions(decisions)                       # reviewers' pairs in codes
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reckon.linkage.decisions import Decisions


class RecordCodes:
    """The record ids of one run, sorted; code = position."""

    def __init__(self, sorted_ids: pd.Series) -> None:
        self.ids = sorted_ids.reset_index(drop=True)
        self._index: pd.Index | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def decode(self, codes: pd.Series | np.ndarray) -> pd.Series:
        """The record ids of ``codes``."""
        return self.ids.take(np.asarray(codes, dtype=np.int64)).reset_index(drop=True)

    def encode(self, ids: pd.Series | list[str]) -> np.ndarray:
        """The codes of ``ids``; -1 for an id that is not one of the run's records."""
        if self._index is None:
            self._index = pd.Index(self.ids)
        return self._index.get_indexer(pd.Index(ids))

    def decisions(self, decisions: Decisions | None) -> Decisions | None:
        """The reviewers' verdicts on pairs of this run's records, in codes (both keep the
        smaller first: codes keep the order of the ids)."""
        if not decisions:
            return decisions
        return Decisions(must_link=self._pairs(decisions.must_link), cannot_link=self._pairs(decisions.cannot_link))

    def _pairs(self, pairs: set[tuple[str, str]]) -> set[tuple[int, int]]:
        ordered = sorted(pairs)
        left = self.encode([a for a, _ in ordered])
        right = self.encode([b for _, b in ordered])
        return {(int(a), int(b)) for a, b in zip(left, right) if a >= 0 and b >= 0}


def in_record_order(features: pd.DataFrame) -> pd.DataFrame:
    """``features`` sorted by record id (a case's records come sorted: then nothing moves)."""
    if features["record_id"].is_monotonic_increasing:
        return features.reset_index(drop=True)
    return features.sort_values("record_id", kind="stable", ignore_index=True)
