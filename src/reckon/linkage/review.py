"""Reviewer decisions in a case: record them, read them back, and find pairs to review.

Decisions are never edited or deleted: a new decision on the same pair supersedes the
old one (the history stays, and each decision is in the audit trail).
"""

from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd

from reckon.case import Case
from reckon.errors import InputError
from reckon.linkage.decisions import DECISIONS, Decisions, ordered

# Record fields shown side by side when reviewing a pair.
REVIEW_FIELDS = (
    "list_name", "source_record_id", "name", "name_native", "father_name", "sex",
    "age_text", "age_low", "age_high", "date_of_death", "place_of_death", "province", "national_id",
)


def load_decisions(case: Case) -> Decisions:
    frame = case.con.execute(
        "SELECT record_id_l, record_id_r, decision FROM decisions ORDER BY decided_at, rowid"
    ).df()
    return Decisions.from_frame(frame)


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
        case.con.execute(
            "INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?)",
            [*pair, decision, reviewer, datetime.now(timezone.utc).replace(tzinfo=None), note],
        )
        # The stored pair shows the verdict at once; persons change on the next `reckon link`.
        case.con.execute(
            "UPDATE links SET decided = ?, match_probability = ? WHERE record_id_l = ? AND record_id_r = ?",
            [decision, 1.0 if decision == "must-link" else 0.0, *pair],
        )
        case.audit("link.decide", left=pair[0], right=pair[1], decision=decision, reviewer=reviewer, note=note)


def _check_records_exist(case: Case, pair: tuple[str, str]) -> None:
    found = {r[0] for r in case.con.execute("SELECT record_id FROM records WHERE record_id IN (?, ?)", list(pair)).fetchall()}
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
    sides = ", ".join(f"l.{f} AS {f}_l, r.{f} AS {f}_r" for f in REVIEW_FIELDS)
    if refused:
        condition = """k.match_probability >= (SELECT threshold FROM linkage_runs ORDER BY finished_at DESC LIMIT 1)
            AND (SELECT person_id FROM persons WHERE record_id = k.record_id_l)
                <> (SELECT person_id FROM persons WHERE record_id = k.record_id_r)"""
        order, parameters = "k.match_probability DESC", []
    else:
        condition, order, parameters = "k.match_probability >= ? AND k.match_probability < ?", "abs(k.match_probability - 0.5)", [low, high]
    return case.con.execute(
        f"""
        SELECT k.record_id_l, k.record_id_r, k.match_probability, k.match_weight, {sides}
        FROM links k
        JOIN records l ON l.record_id = k.record_id_l
        JOIN records r ON r.record_id = k.record_id_r
        WHERE k.decided IS NULL AND {condition}
        ORDER BY {order}, k.record_id_l, k.record_id_r
        LIMIT ?
        """,
        [*parameters, int(limit)],
    ).df()
