"""The linkage tables: runs, scored pairs, persons and reviewers' decisions.

    save_run(case, run)                     # links + persons replaced, run logged (caller's transaction)
    load_pairs(case) / load_persons(case)   # the latest run's pairs and persons
    latest_run(case) / run_settings(case) / run_model(case)
    insert_decision(case, ...) / load_decisions(case)
    pairs_to_review(case, low=0.3, high=0.9, limit=50, refused=False)

This module is the only one that reads or writes `linkage_runs`, `links`, `persons` and
`decisions` (migration 004). Reading any of them before a run raises NotLinkedError.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd
import pyarrow as pa

from reckon.case import Case, now
from reckon.errors import NotLinkedError
from reckon.linkage.decisions import Decisions
from reckon.linkage.settings import LinkageSettings

RUN_FIELDS = ("run_id", "finished_at", "backend", "threshold", "records", "persons", "pairs", "decisions")


@dataclass(frozen=True)
class StoredRun:
    """One linkage run to store: its provenance, the scored pairs and the persons."""

    run_id: str
    started: datetime
    backend: str
    settings: LinkageSettings
    model_json: str
    pairs: pd.DataFrame  # record_id_l, record_id_r, match_probability, match_weight, decided
    persons: pd.DataFrame  # record_id, person_id, list_name, cluster_probability
    decisions: int


def save_run(case: Case, run: StoredRun) -> None:
    """Replace the links and persons with this run's and log it; the caller holds the transaction."""
    _replace("links", run.pairs.assign(run_id=run.run_id),
             "record_id_l, record_id_r, match_probability, match_weight, decided, run_id", case)
    _replace("persons", run.persons.assign(run_id=run.run_id),
             "record_id, person_id, list_name, cluster_probability, run_id", case)
    case.con.execute(
        "INSERT INTO linkage_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [run.run_id, run.started, now(), run.backend, run.settings.threshold, run.settings.to_json(),
         run.model_json, len(run.persons), int(run.persons["person_id"].nunique()), len(run.pairs), run.decisions],
    )


def _replace(table: str, frame: pd.DataFrame, columns: str, case: Case) -> None:
    case.con.execute(f"DELETE FROM {table}")
    # As Arrow: DuckDB reads it column by column (a million rows' strings from pandas: seconds more).
    case.con.register("incoming", pa.Table.from_pandas(frame, preserve_index=False))
    try:
        case.con.execute(f"INSERT INTO {table} SELECT {columns} FROM incoming")
    finally:
        case.con.unregister("incoming")


def latest_run(case: Case) -> dict[str, Any] | None:
    """The latest run's summary (run_id, finished_at, backend, threshold, counts), None before any."""
    rows = case.rows(f"SELECT {', '.join(RUN_FIELDS)} FROM linkage_runs ORDER BY finished_at DESC LIMIT 1")
    return rows[0] if rows else None


def require_run(case: Case) -> dict[str, Any]:
    """The latest run, or NotLinkedError saying to run `reckon link`."""
    run = latest_run(case)
    if run is None:
        raise NotLinkedError("no linkage run in this case yet — run `reckon link` first.")
    return run


def run_settings(case: Case) -> LinkageSettings:
    """The settings of the latest run (a setting added since gets today's default)."""
    require_run(case)
    text = case.scalar("SELECT settings FROM linkage_runs ORDER BY finished_at DESC LIMIT 1")
    known = set(LinkageSettings.__dataclass_fields__)
    return LinkageSettings.from_dict({k: v for k, v in json.loads(text).items() if k in known})


def latest_run_id(case: Case) -> str | None:
    """The latest run's id (None before any run): a cheap check that the run is still the same."""
    return case.scalar("SELECT run_id FROM linkage_runs ORDER BY finished_at DESC LIMIT 1")


def run_model(case: Case) -> tuple[str, dict[str, Any]]:
    """The latest run's id and its trained Splink model (m, u per level, the prior)."""
    require_run(case)
    run_id, text = case.con.execute(
        "SELECT run_id, model FROM linkage_runs ORDER BY finished_at DESC LIMIT 1"
    ).fetchone()
    return run_id, json.loads(text)


def stored_pair(case: Case, pair: tuple[str, str]) -> dict[str, Any] | None:
    """The latest run's row for one pair (ordered ids): probability, weight, decision; None if not scored."""
    rows = case.rows(
        "SELECT record_id_l, record_id_r, match_probability, match_weight, decided FROM links"
        " WHERE record_id_l = ? AND record_id_r = ?",
        list(pair),
    )
    return rows[0] if rows else None


def person_of_record(case: Case, record_id: str) -> str | None:
    """The person_id of a record in the latest run (None when the record is not linked)."""
    return case.scalar("SELECT person_id FROM persons WHERE record_id = ?", [record_id])


def persons_of_records(case: Case, record_ids: list[str]) -> dict[str, str]:
    """{record_id: person_id} of the latest run, for the given records that are linked."""
    rows = case.con.execute(
        "SELECT record_id, person_id FROM persons WHERE record_id IN (SELECT unnest(?::VARCHAR[]))", [record_ids]
    ).fetchall()
    return dict(rows)


def person_record_ids(case: Case, person_id: str) -> list[str]:
    """The record ids of one person of the latest run, by list."""
    rows = case.con.execute(
        "SELECT record_id FROM persons WHERE person_id = ? ORDER BY list_name, record_id", [person_id]
    ).fetchall()
    return [row[0] for row in rows]


def pair_decisions(case: Case, pair: tuple[str, str]) -> list[dict[str, Any]]:
    """Every verdict on one pair (ordered ids), newest first."""
    return case.rows(
        "SELECT decision, reviewer, decided_at, note FROM decisions WHERE record_id_l = ? AND record_id_r = ?"
        " ORDER BY decided_at DESC, rowid DESC",
        list(pair),
    )


def load_pairs(case: Case) -> pd.DataFrame:
    """The latest run's scored pairs, decisions applied."""
    return case.con.execute(
        "SELECT record_id_l, record_id_r, match_probability, match_weight, decided FROM links"
        " ORDER BY record_id_l, record_id_r"
    ).df()


def load_persons(case: Case) -> pd.DataFrame:
    """One row per linked record: record_id, person_id, list_name, cluster_probability."""
    require_run(case)
    return case.con.execute(
        "SELECT record_id, person_id, list_name, cluster_probability FROM persons ORDER BY person_id, list_name, record_id"
    ).df()


def person_count(case: Case) -> int | None:
    """Distinct persons of the latest run; None when linkage has not run."""
    if latest_run(case) is None:
        return None
    return int(case.scalar("SELECT count(DISTINCT person_id) FROM persons"))


def drop_list_from_run(case: Case, list_name: str) -> None:
    """Take a list being removed out of the stored links and persons, so none of its ids stay.

    A person named after one of its records takes the smallest record id left to it. The
    caller holds the transaction (the list's records go in the same one).
    """
    ids = "SELECT record_id FROM persons WHERE list_name = ?"
    case.con.execute(f"DELETE FROM links WHERE record_id_l IN ({ids}) OR record_id_r IN ({ids})", [list_name, list_name])
    case.con.execute("DELETE FROM persons WHERE list_name = ?", [list_name])
    case.con.execute(
        """
        UPDATE persons SET person_id = renamed.person_id
        FROM (SELECT person_id AS old_id, min(record_id) AS person_id FROM persons GROUP BY person_id) renamed
        WHERE persons.person_id = renamed.old_id AND persons.person_id <> renamed.person_id
        """
    )


def linked_records_in_list(case: Case, list_name: str) -> int:
    """How many records of a list belong to the stored persons."""
    return int(case.scalar("SELECT count(*) FROM persons WHERE list_name = ?", [list_name]))


# -- decisions ---------------------------------------------------------------------------------


def insert_decision(case: Case, pair: tuple[str, str], decision: str, reviewer: str, note: str | None) -> None:
    """Keep a verdict (never edited: a later one supersedes it); the stored pair shows it at once."""
    case.con.execute("INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?)", [*pair, decision, reviewer, now(), note])
    case.con.execute(
        "UPDATE links SET decided = ?, match_probability = ? WHERE record_id_l = ? AND record_id_r = ?",
        [decision, 1.0 if decision == "must-link" else 0.0, *pair],
    )


def load_decisions(case: Case) -> Decisions:
    """Every verdict, oldest first (the latest on a pair counts)."""
    frame = case.con.execute("SELECT record_id_l, record_id_r, decision FROM decisions ORDER BY decided_at, rowid").df()
    return Decisions.from_frame(frame)


def decision_history(case: Case) -> list[dict[str, Any]]:
    """Every verdict with its reviewer, time and note, newest first."""
    return case.rows(
        "SELECT record_id_l, record_id_r, decision, reviewer, decided_at, note FROM decisions ORDER BY decided_at DESC, rowid DESC"
    )


def uncertain_pair_ids(case: Case, *, low: float, high: float, limit: int) -> list[tuple[str, str]]:
    """The ids of the undecided pairs pairs_to_review offers (low <= probability < high, most
    uncertain first), without the persons or any other column: what a busy review queue asks for."""
    rows = case.con.execute(
        "SELECT record_id_l, record_id_r FROM links WHERE decided IS NULL AND match_probability >= ?"
        " AND match_probability < ? ORDER BY abs(match_probability - 0.5), record_id_l, record_id_r LIMIT ?",
        [low, high, int(limit)],
    ).fetchall()
    return [(left, right) for left, right in rows]


def pairs_to_review(
    case: Case, *, low: float = 0.3, high: float = 0.9, limit: int = 50, refused: bool = False
) -> pd.DataFrame:
    """Undecided pairs with low <= probability < high, most uncertain first; or, with
    ``refused``, the links the group check refused (at or above the run's threshold, yet in
    different persons), strongest first. Columns: record_id_l, record_id_r, match_probability, match_weight.
    """
    if refused:
        threshold = require_run(case)["threshold"]
        condition = """k.match_probability >= ? AND pl.person_id <> pr.person_id"""
        order, parameters = "k.match_probability DESC", [threshold]
    else:
        condition, order, parameters = "k.match_probability >= ? AND k.match_probability < ?", "abs(k.match_probability - 0.5)", [low, high]
    return case.con.execute(
        f"""
        SELECT k.record_id_l, k.record_id_r, k.match_probability, k.match_weight
        FROM links k
        LEFT JOIN persons pl ON pl.record_id = k.record_id_l
        LEFT JOIN persons pr ON pr.record_id = k.record_id_r
        WHERE k.decided IS NULL AND {condition}
        ORDER BY {order}, k.record_id_l, k.record_id_r
        LIMIT ?
        """,
        [*parameters, int(limit)],
    ).df()
