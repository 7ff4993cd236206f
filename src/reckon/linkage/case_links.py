"""Linkage inside a case: read the records, link them, store links and persons.

    run = link_case(case)                 # links + persons replaced in one transaction
    persons_table(case)                   # one row per record with its person_id
    capture_histories(case)               # which lists document each person → the estimator
    capture_histories(case, threshold=0.7)  # the same, re-clustered from the stored links
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import pandas as pd

from reckon.case import Case
from reckon.errors import ReckonError
from reckon.estimate.histories import CaptureHistories, from_rows
from reckon.linkage.backends import SparkOptions, make_db_api
from reckon.linkage.clusters import cluster_records
from reckon.linkage.link import LinkageResult, link_records
from reckon.linkage.review import load_decisions
from reckon.linkage.settings import LinkageSettings

RECORD_FIELDS = (
    "record_id", "list_name", "source_record_id", "name", "name_native", "given_name", "family_name",
    "father_name", "sex", "age_low", "age_high", "birth_year", "date_of_birth", "date_of_death",
    "date_of_death_low", "date_of_death_high", "place_of_death", "province", "national_id",
)


@dataclass
class LinkageRun:
    """One stored linkage run: its id, what it found, and the full result."""

    run_id: str
    summary: dict[str, Any]
    result: LinkageResult


def load_case_records(case: Case) -> pd.DataFrame:
    """The case's records in canonical columns (the importer's `records` table)."""
    frame = case.con.execute(f"SELECT {', '.join(RECORD_FIELDS)} FROM records ORDER BY record_id").df()
    if frame.empty:
        raise ReckonError("this case has no records to link — add lists first with `reckon lists add FILE --name NAME`.")
    return frame


def link_case(
    case: Case, *, settings: LinkageSettings | None = None, backend: str = "duckdb", spark: SparkOptions | None = None
) -> LinkageRun:
    """Link all records of the case; replace `links` and `persons`; log the run."""
    started = _now()
    decisions = load_decisions(case)
    result = link_records(load_case_records(case), settings=settings, decisions=decisions, backend=backend, spark=spark)
    run_id = f"{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
    summary = result.summary()
    with case.transaction():
        _replace_links(case, result, run_id)
        _replace_persons(case, result, run_id)
        case.con.execute(
            "INSERT INTO linkage_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [run_id, started, _now(), backend, result.settings.threshold, result.settings.to_json(),
             result.model_json, summary["records"], summary["persons"], summary["pairs_scored"], len(decisions)],
        )
        case.audit("link.run", run_id=run_id, backend=backend, threshold=result.settings.threshold,
                   records=summary["records"], persons=summary["persons"], decisions=len(decisions))
    return LinkageRun(run_id=run_id, summary=summary, result=result)


def _replace_links(case: Case, result: LinkageResult, run_id: str) -> None:
    links = result.pairs.assign(run_id=run_id)
    case.con.execute("DELETE FROM links")
    case.con.register("new_links", links)
    case.con.execute(
        "INSERT INTO links SELECT record_id_l, record_id_r, match_probability, match_weight, decided, run_id FROM new_links"
    )
    case.con.unregister("new_links")


def _replace_persons(case: Case, result: LinkageResult, run_id: str) -> None:
    persons = result.clusters.merge(result.records, on="record_id").assign(run_id=run_id)
    case.con.execute("DELETE FROM persons")
    case.con.register("new_persons", persons)
    case.con.execute(
        "INSERT INTO persons SELECT record_id, person_id, list_name, cluster_probability, run_id FROM new_persons"
    )
    case.con.unregister("new_persons")


def persons_table(case: Case) -> pd.DataFrame:
    """One row per record: list, source_record_id, record_id, person_id, cluster_probability."""
    _require_run(case)
    return case.con.execute(
        """
        SELECT p.list_name AS list, r.source_record_id, p.record_id, p.person_id, p.cluster_probability
        FROM persons p JOIN records r USING (record_id)
        ORDER BY p.person_id, p.list_name, p.record_id
        """
    ).df()


def capture_histories(case: Case, *, threshold: float | None = None) -> CaptureHistories:
    """One capture pattern per person: the set of lists that document them.

    With ``threshold``, the stored links (reviewer decisions applied) are clustered again
    at that probability; pairs scored below the run's ``keep_pairs_above`` were not stored.
    """
    _require_run(case)
    if threshold is None:
        persons = case.con.execute("SELECT person_id, list_name FROM persons").df()
    else:
        persons = _recluster(case, threshold)
    lists = sorted(case.con.execute("SELECT DISTINCT list_name FROM records").df()["list_name"])
    patterns = Counter(
        tuple(int(name in documented) for name in lists)
        for documented in persons.groupby("person_id")["list_name"].agg(frozenset)
    )
    source = f"case {case.folder.name}" + (f" at threshold {threshold}" if threshold is not None else "")
    return from_rows(lists, sorted(patterns.items(), reverse=True), source=source)


def _recluster(case: Case, threshold: float) -> pd.DataFrame:
    """Persons at another threshold, checked against the same mean weight as the run's."""
    records = case.con.execute("SELECT record_id, list_name FROM records").df()
    pairs = case.con.execute("SELECT record_id_l, record_id_r, match_probability, match_weight, decided FROM links").df()
    clusters = cluster_records(
        records["record_id"], pairs, threshold, load_decisions(case), make_db_api("duckdb"),
        min_mean_weight=_run_settings(case).min_mean_weight,
    )
    return clusters.merge(records, on="record_id")[["person_id", "list_name"]]


def _run_settings(case: Case) -> LinkageSettings:
    (text,) = case.con.execute("SELECT settings FROM linkage_runs ORDER BY finished_at DESC LIMIT 1").fetchone()
    known = set(LinkageSettings.__dataclass_fields__)
    # A run stored before a setting existed lacks it and gets today's default.
    return LinkageSettings.from_dict({k: v for k, v in json.loads(text).items() if k in known})


def latest_run(case: Case) -> dict[str, Any] | None:
    row = case.con.execute(
        "SELECT run_id, finished_at, backend, threshold, records, persons, pairs, decisions"
        " FROM linkage_runs ORDER BY finished_at DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    keys = ("run_id", "finished_at", "backend", "threshold", "records", "persons", "pairs", "decisions")
    return dict(zip(keys, row))


def _require_run(case: Case) -> None:
    if latest_run(case) is None:
        raise ReckonError("no linkage run in this case yet — run `reckon link` first.")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


__all__ = ["LinkageRun", "capture_histories", "link_case", "load_case_records", "persons_table", "latest_run"]
