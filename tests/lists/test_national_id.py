"""The national_id field: header mapping, digits kept as text (leading zeros), and the
migration that adds it to cases created before it. Invented people only."""

from __future__ import annotations

from pathlib import Path

import pytest

import reckon.case
from reckon.case import Case
from reckon.lists.columns import auto_map, resolve_mapping
from reckon.lists.values import Problem, parse_national_id
from reckon.lists.reading import read_list
from reckon.lists.store import add_list, load_records

from .conftest import values, write_csv, write_xlsx

NATIONAL_ID_VERSION = 6


@pytest.mark.parametrize(
    "header",
    ["National ID", "national_id", "ID Number", "National Code", "Code Melli", "SSN", "Social Security Number",
     "کد ملی", "کدملی", "كد ملي", "کد\u200cملی", "شماره ملی"],
)
def test_national_id_headers_are_auto_mapped(header: str) -> None:
    assert auto_map(["name", header]) == {"name": "name", "national_id": header}


def test_a_birth_certificate_number_is_not_a_national_id() -> None:
    assert auto_map(["نام", "شماره شناسنامه", "کد ملی"]) == {"name": "نام", "national_id": "کد ملی"}
    assert "national_id" not in auto_map(["نام", "شماره شناسنامه"])


def test_a_plain_id_column_stays_the_lists_own_id() -> None:
    mapping = auto_map(["ID", "Name", "National ID"])
    assert mapping == {"name": "Name", "national_id": "National ID", "source_record_id": "ID"}


def test_map_option_names_the_national_id_column() -> None:
    mapping = resolve_mapping(["name", "Kennung"], {"national_id": "Kennung"}, file="x.csv")
    assert mapping == {"name": "name", "national_id": "Kennung"}


def test_values_keep_digits_only_as_text() -> None:
    assert parse_national_id("۰۰۱۲۳۴۵۶۷۸") == "0012345678"
    assert parse_national_id("٠٠١-٢٣٤٥٦٧-٨") == "0012345678"
    assert parse_national_id(" 001-234567-8 ") == "0012345678"
    assert parse_national_id("نامعلوم") is None
    assert parse_national_id("n/a") is None
    assert isinstance(parse_national_id("not given"), Problem)


def _csv_rows(spanning: bool) -> list[list[str]]:
    # A notes cell spanning lines makes the reader go row by row instead of Arrow's reader.
    notes = "seen\nin two reports" if spanning else "seen"
    return [
        ["name", "کد ملی", "notes"],
        ["Ali Rezaei", "0012345678", notes],
        ["Sara Karimi", "۰۰۹۸۷۶۵۴۳۲", ""],
        ["Reza Moradi", "not given", ""],
        ["Neda Jafari", "", ""],
    ]


@pytest.mark.parametrize("spanning", [False, True], ids=["arrow-reader", "row-reader"])
def test_csv_keeps_leading_zeros_and_notes_ids_without_digits(tmp_path: Path, spanning: bool) -> None:
    listed = read_list(write_csv(tmp_path / "ids.csv", _csv_rows(spanning)))
    assert listed.mapping["national_id"] == "کد ملی"
    assert values(listed.records["national_id"]) == ["0012345678", "0098765432", None, None]
    notes = values(listed.records["import_notes"])
    assert notes[2] == "national id: 'not given' has no digits"
    assert notes[0] is None and notes[3] is None  # an empty cell is NULL without a note


def test_xlsx_text_cells_keep_zeros_and_short_numbers_are_flagged(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["name", "national id"],
        ["Ali Rezaei", "0012345678"],  # a text cell: as written
        ["Sara Karimi", 12345678],  # a number: was it 0012345678?
        ["Reza Moradi", 1234567890],  # a number with all 10 digits
        ["Neda Jafari", 9876543210.0],  # a float cell: no ".0"
    ]
    listed = read_list(write_xlsx(tmp_path / "ids.xlsx", {"victims": rows}))
    assert values(listed.records["national_id"]) == ["0012345678", "12345678", "1234567890", "9876543210"]
    notes = values(listed.records["import_notes"])
    assert notes[1] is not None and "leading zeros may have been lost" in notes[1]
    assert notes[0] is None and notes[2] is None and notes[3] is None
    assert any("1 cell(s) were spreadsheet numbers" in note for note in listed.notes)


def test_add_list_stores_the_national_id_as_text(fresh_case: Case, tmp_path: Path) -> None:
    add_list(fresh_case, write_csv(tmp_path / "ids.csv", _csv_rows(False)), name="ids")
    stored = fresh_case.con.execute(
        "SELECT national_id FROM records WHERE name = 'Ali Rezaei'"
    ).fetchone()
    assert stored == ("0012345678",)
    assert values(load_records(fresh_case)["national_id"]) == ["0012345678", "0098765432", None, None]


def _old_case(folder: Path, list_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A case as created before migration 006: the real migrations 001-005 only, one list."""
    shipped = reckon.case._migrations()
    monkeypatch.setattr(reckon.case, "_migrations", lambda: [m for m in shipped if m[0] < NATIONAL_ID_VERSION])
    with Case.init(folder) as old:
        assert old.schema_version() == NATIONAL_ID_VERSION - 1
        assert "national_id" not in _columns(old, "records")
        add_list(old, list_file, name="old")
    monkeypatch.undo()


def _columns(case: Case, table: str) -> list[str]:
    rows = case.con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]
    ).fetchall()
    return [row[0] for row in rows]


def test_a_case_from_before_the_migration_opens_and_gains_the_column(
    tmp_path: Path, list_a: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "old-case"
    _old_case(folder, list_a, monkeypatch)
    with Case.open(folder) as case:
        assert case.schema_version() >= NATIONAL_ID_VERSION
        assert "national_id" in _columns(case, "records")
        records = load_records(case)
        assert records["record_id"].tolist() == ["old:A1", "old:A2", "old:A3", "old:A4"]
        assert records["national_id"].isna().all()
        assert case.verify_audit() > 0
        migrated = case.con.execute(
            "SELECT count(*) FROM audit WHERE action = 'schema.migrate' AND detail LIKE '%\"version\": 6%'"
        ).fetchone()[0]
        assert migrated == 1
        # A list added after the upgrade stores its ids beside the old records.
        add_list(case, write_csv(tmp_path / "ids.csv", _csv_rows(False)), name="new")
        assert len(load_records(case)) == 8
        assert case.con.execute("SELECT national_id FROM records WHERE record_id = 'new:#2'").fetchone() == ("0012345678",)
