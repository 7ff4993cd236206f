"""Linkage inside a case: read the records, link them, store links and persons.

    run = link_case(case)                 # links + persons replaced in one transaction
    persons_table(case)                   # one row per record with its person_id
    recluster_persons(case, 0.7)          # persons again from the stored links, at another threshold
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from reckon.case import Case, now
from reckon.errors import ReckonError
from reckon.linkage.backends import SparkOptions
from reckon.linkage.clusters import cluster_records
from reckon.linkage.one_per_list import lists_by_record
from reckon.linkage.link import LinkageResult, link_records
from reckon.linkage.settings import LinkageSettings
from reckon.linkage.stages import stage, timed_stages
from reckon.linkage.store import StoredRun, load_decisions, load_pairs, load_persons, run_settings, save_run
from reckon.lists.store import load_records

RECORD_FIELDS = (
    "record_id", "list_name", "source_record_id", "name", "name_native", "given_name", "family_name",
    "father_name", "sex", "age_low", "age_high", "birth_year", "date_of_birth", "date_of_death",
    "date_of_death_low", "date_of_death_high", "place_of_death", "province", "national_id",
    "identified", "name_alternatives", "place_id", "place_name", "province_id", "province_name",
)


@dataclass
class LinkageRun:
    """One stored linkage run: its id, what it found, and the full result."""

    run_id: str
    summary: dict[str, Any]
    result: LinkageResult


def load_case_records(case: Case) -> pd.DataFrame:
    """The case's records in the canonical columns linkage compares, ordered by record id."""
    frame = load_records(case, columns=RECORD_FIELDS, by_id=True)
    if frame.empty:
        raise ReckonError("this case has no records to link — add lists first with `reckon lists add FILE --name NAME`.")
    return frame


def link_case(
    case: Case, *, settings: LinkageSettings | None = None, backend: str = "duckdb", spark: SparkOptions | None = None,
    progress: Callable[[str], None] | None = None,
) -> LinkageRun:
    """Link all records of the case; replace `links` and `persons`; log the run.

    ``progress(stage)`` is called as each stage begins; the summary's ``seconds`` says how
    long each took (stages.py)."""
    started = now()
    with timed_stages(on_start=progress) as seconds:
        decisions = load_decisions(case)
        # Handed over, not held here: link_records lets a million records' text go once read.
        result = link_records(
            _read_records(case), settings=settings, decisions=decisions, backend=backend, spark=spark,
            encrypt_spill=case.encrypted,
        )
        run_id = f"{started:%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
        with stage("summary"):
            summary = result.summary()
        with stage("store"):
            persons = result.persons()
            stored = StoredRun(run_id, started, backend, result.settings, result.model_json, result.pairs, persons,
                               len(decisions))
            with case.transaction():
                save_run(case, stored)
                case.audit("link.run", run_id=run_id, backend=backend, threshold=result.settings.threshold,
                           records=summary["records"], persons=summary["persons"], decisions=len(decisions))
    summary["seconds"] = {name: round(value, 1) for name, value in seconds.items()}
    return LinkageRun(run_id=run_id, summary=summary, result=result)


def _read_records(case: Case) -> pd.DataFrame:
    with stage("read records"):
        return load_case_records(case)


def persons_table(case: Case) -> pd.DataFrame:
    """One row per record: list, source_record_id, record_id, person_id, cluster_probability."""
    persons = load_persons(case)
    ids = load_records(case, columns=("record_id", "source_record_id"))
    table = persons.merge(ids, on="record_id").rename(columns={"list_name": "list"})
    return table[["list", "source_record_id", "record_id", "person_id", "cluster_probability"]]


def recluster_persons(case: Case, threshold: float) -> pd.DataFrame:
    """person_id, list_name and record_id of every record, with the stored links clustered again at
    ``threshold`` (pairs scored below the run's ``keep_pairs_above`` were not stored) and
    groups checked by the run's mean weight."""
    records = load_records(case, columns=("record_id", "list_name"))
    settings = run_settings(case)
    clusters = cluster_records(
        records["record_id"], load_pairs(case), threshold, load_decisions(case),
        min_mean_weight=settings.min_mean_weight, list_of=lists_by_record(records), mutual_best=settings.mutual_best,
    )
    return clusters.merge(records, on="record_id")[["person_id", "list_name", "record_id"]]


__all__ = ["LinkageRun", "link_case", "load_case_records", "persons_table", "recluster_persons"]
