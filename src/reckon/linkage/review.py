"""Reviewer decisions in a case: record them, and find pairs to review side by side.

Decisions are never edited or deleted: a new decision on the same pair supersedes the
old one (the history stays, and each decision is in the audit trail).
"""

from __future__ import annotations

import pandas as pd

from reckon.case import Case
from reckon.errors import InputError
from reckon.linkage.decisions import DECISIONS, ordered
from reckon.linkage.store import insert_decision, load_decisions, pairs_to_review
from reckon.lists.store import records_by_id

# Record fields shown side by side when reviewing a pair.
REVIEW_FIELDS = (
    "list_name", "source_record_id", "name", "name_native", "father_name", "sex",
    "age_text", "age_low", "age_high", "date_of_death", "place_of_death", "province", "national_id",
)

__all__ = ["REVIEW_FIELDS", "load_decisions", "record_decision", "review_queue"]


def record_decision(
    case: Case, left: str, right: str, decision: str, reviewer: str, note: str | None = None
) -> None:
    """Store a must-link / cannot-link verdict on a pair; it wins over the model from now on."""
    if decision not in DECISIONS:
        raise InputError(f"decision {decision!r} is not one of {', '.join(DECISIONS)}", fix="use must-link or cannot-link")
    if not reviewer:
        raise InputError("a decision needs the reviewer's name", fix="pass reviewer='your name'")
    pair = ordered(left, right)
    _check_records_exist(case, pair)
    with case.transaction():
        insert_decision(case, pair, decision, reviewer, note)  # persons change on the next `reckon link`
        case.audit("link.decide", left=pair[0], right=pair[1], decision=decision, reviewer=reviewer, note=note)


def _check_records_exist(case: Case, pair: tuple[str, str]) -> None:
    found = set(records_by_id(case, list(pair), ["record_id"])["record_id"])
    for record_id in pair:
        if record_id not in found:
            raise InputError(f"no record {record_id!r} in this case", fix="use record ids as `reckon persons` shows them")


def review_queue(
    case: Case, *, low: float = 0.3, high: float = 0.9, limit: int = 50, refused: bool = False
) -> pd.DataFrame:
    """Undecided pairs with low <= probability < high, most uncertain first.

    With ``refused``: instead, the links the group check refused (probability at or above
    the run's threshold, yet the two records were left in different persons), strongest
    first: the check is the model's judgement, and a reviewer may overrule it.

    One row per pair: record_id_l, record_id_r, match_probability, match_weight, then each
    field in REVIEW_FIELDS twice, as ``<field>_l`` and ``<field>_r`` (the two records side by side).
    """
    if not 0 <= low < high <= 1:
        raise InputError(f"review range low={low}, high={high} is not 0 <= low < high <= 1", fix="e.g. --low 0.3 --high 0.9")
    pairs = pairs_to_review(case, low=low, high=high, limit=limit, refused=refused)
    records = records_by_id(case, [*pairs["record_id_l"], *pairs["record_id_r"]], REVIEW_FIELDS)
    for side in ("l", "r"):
        named = records.rename(columns={c: f"{c}_{side}" for c in records.columns})
        pairs = pairs.merge(named, on=f"record_id_{side}", how="inner", sort=False)
    return pairs.reset_index(drop=True)
