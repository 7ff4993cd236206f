"""National ids reach linkage: imported from two list files, read by link_case, compared
by the model. Invented people only (see linkage_synthetic.py)."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from reckon.case import Case
from reckon.linkage import link_case
from reckon.linkage.case_links import load_case_records
from reckon.lists.store import add_list

HEADER = ["id", "name", "name_native", "father_name", "sex", "age", "date_of_death", "place_of_death",
          "province", "national_id"]
# One person written two ways, with the same national code (leading zeros, as Iranian codes
# may have). The second list gives only the name and the code: the names alone do not join
# them at the default threshold, the shared code does.
SHARED_ID = "0012345678"
PAIR = {
    "ngo_a": ["x1", "Ali Rezaei", "", "Hasan", "m", "24", "2019-11-16", "Shiraz", "", SHARED_ID],
    "ngo_c": ["x1", "Ali Rezaee", "", "", "", "", "", "", "", SHARED_ID],
}


def _national_ids(people: pd.Series) -> pd.Series:
    """A 10-digit code per invented person ('p017' -> '0000001017'), the same on every list."""
    return people.str[1:].astype(int).add(1000).map(lambda n: f"{n:010d}")


def _write_list(path: Path, records: pd.DataFrame, list_name: str) -> Path:
    frame = records.assign(
        id=records["source_record_id"], age=records["age_low"].astype("Int64").astype(str),
        national_id=_national_ids(records["person"]),
    )
    rows = frame.reindex(columns=HEADER).astype(object).where(frame.reindex(columns=HEADER).notna(), "")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows.to_numpy().tolist())
        writer.writerow(PAIR[list_name])
    return path


def test_a_shared_national_id_joins_two_spellings_of_one_person(
    fresh_case: Case, synthetic_lists: pd.DataFrame, tmp_path: Path
) -> None:
    for list_name in PAIR:
        records = synthetic_lists[synthetic_lists["list_name"] == list_name]
        imported = add_list(fresh_case, _write_list(tmp_path / f"{list_name}.csv", records, list_name), name=list_name)
        assert imported.mapping["national_id"] == "national_id"
    loaded = load_case_records(fresh_case)
    assert loaded.loc[loaded["record_id"] == "ngo_a:x1", "national_id"].tolist() == [SHARED_ID]
    run = link_case(fresh_case)
    compared = [c["output_column_name"] for c in run.result.model["comparisons"]]
    assert "national_id" in compared
    persons = dict(fresh_case.con.execute(
        "SELECT record_id, person_id FROM persons WHERE record_id IN ('ngo_a:x1', 'ngo_c:x1')"
    ).fetchall())
    assert persons["ngo_a:x1"] == persons["ngo_c:x1"]
