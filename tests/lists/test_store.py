"""Storing lists in a real case: one transaction per list, idempotent, nothing half-written."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from reckon.case import Case
from reckon.errors import InputError
from reckon.lists.store import add_list, list_problems, list_summaries, load_records, remove_list

from .conftest import write_csv


def _table_counts(case: Case) -> dict[str, int]:
    return {t: case.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("lists", "records", "quarantine", "audit")}


def test_three_lists_stored_and_read_back(
    fresh_case: Case, list_a: Path, list_b_cp1256: Path, list_c_xlsx: Path
) -> None:
    a = add_list(fresh_case, list_a, name="a", organisation="Group A", list_date="2019-12-01")
    b = add_list(fresh_case, list_b_cp1256, name="b", list_date="1398/09/10")
    c = add_list(fresh_case, list_c_xlsx, name="c")
    assert (a.row_count, b.row_count, c.row_count) == (4, 3, 3)
    assert b.encoding == "cp1256" and b.column_fields["نام"] == "given_name"
    records = load_records(fresh_case)
    assert len(records) == 10
    assert records["record_id"].tolist()[:2] == ["a:A1", "a:A2"]
    assert set(records["list_name"]) == {"a", "b", "c"}
    reza_b = records[records["record_id"] == "b:1"].iloc[0]
    assert reza_b["name_native"] == "رضا مرادي"  # as the cp1256 file spells it
    assert str(reza_b["date_of_death_low"].date()) == "2019-11-16"
    summaries = {s["name"]: s for s in list_summaries(fresh_case)}
    assert summaries["a"]["organisation"] == "Group A"
    assert summaries["b"]["list_date"] == "2019-12-01"
    assert summaries["c"]["kind"] == "xlsx"


def test_original_and_extra_columns_are_stored_verbatim(fresh_case: Case, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["name", "سن", "Hair"], [" Ali Rezaei ", "۲۰", "brown"]])
    add_list(fresh_case, path, name="x")
    row = load_records(fresh_case, with_original=True).iloc[0]
    assert row["name"] == "Ali Rezaei"
    assert json.loads(row["original"]) == {"name": " Ali Rezaei ", "سن": "۲۰", "Hair": "brown"}
    assert json.loads(row["extra"]) == {"Hair": "brown"}
    assert row["age_low"] == 20


def test_record_ids_fall_back_to_row_numbers_for_missing_or_repeated_ids(fresh_case: Case, tmp_path: Path) -> None:
    rows = [["id", "name"], ["7", "Ali Rezaei"], ["7", "Ali Rezayi"], ["", "Neda Jafari"], ["8", "Sima Nouri"]]
    rows.append(["#6", "Kaveh Amini"])  # looks like our own row ids: not used as one
    imported = add_list(fresh_case, write_csv(tmp_path / "ids.csv", rows), name="ids")
    assert load_records(fresh_case)["record_id"].tolist() == ["ids:#2", "ids:#3", "ids:#4", "ids:8", "ids:#6"]
    assert "2 rows share a source_record_id with another row" in imported.notes[-1]


def test_same_file_twice_changes_nothing(fresh_case: Case, list_a: Path) -> None:
    first = add_list(fresh_case, list_a, name="a")
    before = _table_counts(fresh_case)
    again = add_list(fresh_case, list_a, name="another name")
    assert again.already_present and not first.already_present
    assert again.name == "a" and again.row_count == 4
    assert _table_counts(fresh_case) == before


def test_different_file_under_a_used_name_is_refused(fresh_case: Case, list_a: Path, list_c_xlsx: Path) -> None:
    add_list(fresh_case, list_a, name="a")
    with pytest.raises(InputError, match="list_c.xlsx: a different file is already stored as list 'a' — choose another --name, or .*lists remove a"):
        add_list(fresh_case, list_c_xlsx, name="a")


def test_failed_import_leaves_the_case_exactly_as_before(fresh_case: Case, list_a: Path, tmp_path: Path) -> None:
    add_list(fresh_case, list_a, name="a")
    before = _table_counts(fresh_case)
    records_before = load_records(fresh_case, with_original=True)
    broken = tmp_path / "broken.csv"
    broken.write_text('name,age\nAli Rezaei,20\n"Neda Jafari,21\n', encoding="utf-8")
    with pytest.raises(InputError, match="broken.csv, row 3"):
        add_list(fresh_case, broken, name="broken")
    with pytest.raises(InputError, match="no column holds the victims' names"):
        add_list(fresh_case, write_csv(tmp_path / "noname.csv", [["id"], ["1"]]), name="noname")
    assert _table_counts(fresh_case) == before
    assert load_records(fresh_case, with_original=True).equals(records_before)
    fresh_case.verify_audit()


def test_failure_inside_the_transaction_rolls_back(fresh_case: Case, tmp_path: Path) -> None:
    # A list name used by quarantine rows of an earlier import makes the last INSERT fail.
    fresh_case.con.execute("INSERT INTO quarantine VALUES ('late', 2, 'planted', '{}')")
    before = _table_counts(fresh_case)
    path = write_csv(tmp_path / "late.csv", [["id", "name", "age"], ["9", "", ""], ["10", "Ali Rezaei", "6"]])
    with pytest.raises(duckdb.ConstraintException):
        add_list(fresh_case, path, name="late")
    assert _table_counts(fresh_case) == before


def test_problems_are_listed_with_rows_and_reasons(fresh_case: Case, tmp_path: Path) -> None:
    rows = [["name", "date_of_death"], ["Ali Rezaei", "1398/08/25"], ["", "?"], ["Neda Jafari", "1398/14/01"]]
    imported = add_list(fresh_case, write_csv(tmp_path / "p.csv", rows), name="p")
    assert (imported.row_count, imported.quarantined_count) == (1, 2)
    problems = list_problems(fresh_case, "p")
    assert [(p["row_number"], p["reason"]) for p in problems] == [
        (3, "no name and nothing else about the person (age, date, place, ...)"),
        (4, "date of death: '1398/14/01' is not a real date"),
    ]
    assert problems[1]["original"] == {"name": "Neda Jafari", "date_of_death": "1398/14/01"}
    with pytest.raises(InputError, match="no list named 'q'"):
        list_problems(fresh_case, "q")


def test_audit_row_for_each_import(fresh_case: Case, list_a: Path) -> None:
    add_list(fresh_case, list_a, name="a")
    action, detail = fresh_case.con.execute(
        "SELECT action, detail FROM audit ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert action == "lists.add"
    assert json.loads(detail)["rows"] == 4
    fresh_case.verify_audit()


def test_bad_list_name_and_date(fresh_case: Case, list_a: Path) -> None:
    with pytest.raises(InputError, match="without ':'"):
        add_list(fresh_case, list_a, name="a:b")
    with pytest.raises(InputError, match="--date 'soon' is not a date"):
        add_list(fresh_case, list_a, name="a", list_date="soon")


def test_remove_a_list_then_add_a_corrected_file_under_the_same_name(fresh_case: Case, list_a: Path, tmp_path: Path) -> None:
    add_list(fresh_case, list_a, name="a")
    assert remove_list(fresh_case, "a") == 4
    assert _table_counts(fresh_case)["records"] == 0 and list_summaries(fresh_case) == []
    corrected = write_csv(tmp_path / "a_fixed.csv", [["id", "name"], ["A1", "Reza Moradi"]])
    assert add_list(fresh_case, corrected, name="a").row_count == 1
    with pytest.raises(InputError, match="no list named 'zzz'"):
        remove_list(fresh_case, "zzz")
    fresh_case.verify_audit()


def test_removing_a_linked_list_needs_force(fresh_case: Case, list_a: Path) -> None:
    add_list(fresh_case, list_a, name="a")
    fresh_case.con.execute("INSERT INTO persons VALUES ('a:A1', 'a:A1', 'a', NULL, 'run-1')")
    with pytest.raises(InputError, match="1 records of list 'a' belong to linked persons — pass --force"):
        remove_list(fresh_case, "a")
    assert remove_list(fresh_case, "a", force=True) == 4
