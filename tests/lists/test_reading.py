"""read_list on real files: the simulator's three shapes, encodings, quarantine, broken files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from reckon.errors import InputError
from reckon.lists.reading import read_list

from .conftest import LIST_A_ROWS, LIST_B_ROWS, LIST_C_ROWS, cp1256_cells, values, write_csv, write_xlsx


def test_list_a_latin_csv(list_a: Path) -> None:
    listed = read_list(list_a)
    assert listed.kind == "csv" and listed.encoding == "utf-8"
    records = listed.records
    assert records["name"].tolist() == ["Reza Moradi", "Maryam Sadeghi", "Omid Karimi", "Zahra Hosseini"]
    assert records["row_number"].tolist() == [2, 3, 4, 5]
    assert records["sex"].tolist() == ["m", "f", "m", "f"]
    assert records["age_low"].tolist() == [16, 30, 0, 38]
    assert records["age_high"].tolist() == [17, 35, 17, 42]
    assert values(records["date_of_death"]) == ["2019-11-16", "2019-11-17", "2019-11", None]
    assert records["date_of_death_high"].tolist()[2] == "2019-11-30"
    assert records["notes"].tolist()[3] == "witness: neighbour"
    assert listed.quarantine == [] and listed.extra_columns == []


@pytest.mark.parametrize("fixture", ["list_b_cp1256", "list_b_utf8"])
def test_list_b_persian_in_either_encoding(fixture: str, request: pytest.FixtureRequest) -> None:
    listed = read_list(request.getfixturevalue(fixture))
    assert listed.encoding == ("cp1256" if fixture == "list_b_cp1256" else "utf-8-sig")
    records = listed.records
    # given + family name joined into name_native (Persian script), name left empty
    assert records["name_native"].str.replace("ي", "ی").tolist() == ["رضا مرادی", "مریم صادقی", "امید کریمی"]
    assert records["name"].isna().all()
    assert records["source_record_id"].tolist() == ["1", "2", "3"]
    assert records["age_low"].tolist() == [17, 32, 0]
    assert records["date_of_death"].tolist() == ["2019-11-16", "2019-11-17", "2019-10-23/2019-11-21"]
    assert records["sex"].tolist() == ["m", "f", "m"]


def test_list_c_xlsx_with_both_scripts(list_c_xlsx: Path) -> None:
    listed = read_list(list_c_xlsx)
    assert listed.kind == "xlsx" and listed.encoding is None
    records = listed.records
    assert records["name"].tolist() == ["Reza Moradi", "Maryam Sadeqi", "Saeed Rahimi"]
    assert records["name_native"].tolist() == ["رضا مرادی", "مریم صادقی", "سعید رحیمی"]
    assert records["source_record_id"].tolist() == ["101", "102", "103"]  # numbers read as whole numbers
    assert records["date_of_death"].tolist() == ["2019-11-16", "2019-11-17", "2019-03-21/2020-03-19"]
    assert records["age_low"].isna().tolist() == [False, False, True]


def test_list_c_as_csv_too(tmp_path: Path) -> None:
    listed = read_list(write_csv(tmp_path / "c.csv", LIST_C_ROWS))
    assert listed.mapping["name_native"] == "name_fa"
    assert len(listed.records) == 3


def test_json_array_or_records_object(list_json: Path, tmp_path: Path) -> None:
    listed = read_list(list_json)
    assert listed.kind == "json"
    assert listed.records["name"].tolist()[0] == "Reza Moradi"
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps([{"name": "Ali Rezaei", "age": 21}, 7, {"name": "Neda Jafari"}]), encoding="utf-8")
    listed = read_list(plain)
    assert listed.records["age_low"].tolist()[0] == 21
    assert [(q.row_number, q.reason) for q in listed.quarantine] == [(2, "a int, not an object")]


def test_unknown_columns_are_kept_verbatim(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "x.csv", [["name", "Hair colour", "age"], ["Ali Rezaei", " brown ", "۲۰"]])
    listed = read_list(path)
    assert listed.extra_columns == ["Hair colour"]
    assert listed.raw.loc[0, "Hair colour"] == " brown "
    assert listed.raw.loc[0, "age"] == "۲۰"  # raw keeps the original digits


def test_quarantine_ragged_rows_nameless_rows_and_impossible_dates(tmp_path: Path) -> None:
    rows = [
        ["id", "name", "age", "date_of_death"],
        ["1", "Ali Rezaei", "20", "2019-11-16"],
        ["2", "Neda Jafari", "21"],  # too few cells
        ["3", "", "", "unknown"],  # nothing but an id
        ["4", "Hamid Ahmadi", "23", "1398/13/40"],  # no 13th month
        ["5", "Sima Nouri", "bald", "2019-11-17", "surplus"],  # too many cells
        ["6", "Kaveh Amini", "old", "someday"],  # kept, with notes
        ["7", "", "22", "2019-11-16"],  # no name, but an age and a date: kept, unidentified
    ]
    listed = read_list(write_csv(tmp_path / "q.csv", rows))
    assert [(q.row_number, q.reason.split(" (")[0]) for q in listed.quarantine] == [
        (3, "3 cells where the header has 4"),
        (4, "no name and nothing else about the person"),
        (5, "date of death: '1398/13/40' is not a real date"),
        (6, "5 cells where the header has 4"),
    ]
    assert listed.quarantine[3].original["(cells beyond the header)"] == ["surplus"]
    assert listed.records["row_number"].tolist() == [2, 7, 8]
    assert listed.records["identified"].tolist() == [True, True, False]
    kept = listed.records.iloc[1]
    assert kept["age_text"] == "old" and pd.isna(kept["age_low"])
    assert "age: 'old' not read" in kept["import_notes"]
    assert "date of death: 'someday'" in kept["import_notes"]


def test_duplicate_and_blank_headers_are_renamed(tmp_path: Path) -> None:
    listed = read_list(write_csv(tmp_path / "d.csv", [["name", "", "name"], ["Ali Rezaei", "x", "y"]]))
    assert listed.columns == ["name", "column_2", "name (2)"]
    assert any("renamed" in note for note in listed.notes)


def test_semicolon_delimited_csv(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("name;age\nAli Rezaei;20\n", encoding="utf-8")
    assert read_list(path).records["age_low"].tolist() == [20]


def test_persian_comma_delimited_csv(tmp_path: Path) -> None:
    path = tmp_path / "fa.csv"
    path.write_text("نام،سن\nعلی رضایی،۲۰\n", encoding="utf-8")
    listed = read_list(path)
    assert listed.records["name_native"].tolist() == ["علی رضایی"]
    assert "cells separated by '،'" in listed.notes


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "u16.csv", LIST_B_ROWS, encoding="utf-16")
    listed = read_list(path)
    assert listed.encoding == "utf-16"
    assert listed.records["given_name"].tolist()[0] == "رضا"


def test_xlsx_with_two_sheets_takes_the_first_non_empty_and_says_so(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "two.xlsx", {"empty": [], "main": LIST_C_ROWS, "old": LIST_A_ROWS})
    listed = read_list(path)
    assert listed.mapping["name_native"] == "name_fa"
    assert "sheet 'main'" in listed.notes
    assert "took the first non-empty sheet; not read: 'old'" in listed.notes
    assert listed.records["row_number"].tolist() == [2, 3, 4]


# -- broken input: one InputError naming the file, the row and the fix -----------------------


def test_wrong_encoding_hint_names_the_row_and_the_right_encoding(list_b_cp1256: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_list(list_b_cp1256, encoding="utf-8")
    assert caught.value.file == "list_b.csv"
    assert caught.value.row == 1
    assert "--encoding cp1256" in str(caught.value)


def test_latin1_hint_on_persian_cp1256_is_refused(list_b_cp1256: Path) -> None:
    with pytest.raises(InputError, match="pass --encoding cp1256"):
        read_list(list_b_cp1256, encoding="latin-1")


def test_explicit_cp1256_works(list_b_cp1256: Path) -> None:
    assert read_list(list_b_cp1256, encoding="cp1256").encoding == "cp1256"


def test_unbalanced_quote_is_one_error_with_the_row(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text('name,age\nAli Rezaei,20\n"Neda Jafari,21\nSima Nouri,22\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_list(path)
    assert caught.value.file == "quote.csv" and caught.value.row == 3
    assert "quote" in caught.value.fix


@pytest.mark.parametrize("content", [b"", b"   \n\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match="empty.csv: the file is empty — export the list again"):
        read_list(path)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_header_without_rows(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"header_only.{suffix}"
    if suffix == "csv":
        write_csv(path, [["name", "age"]])
    else:
        write_xlsx(path, {"s": [["name", "age"]]})
    with pytest.raises(InputError, match=f"header_only.{suffix}: the file has a header but no rows"):
        read_list(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError, match="photo.csv: .*binary.*export the list as"):
        read_list(path)


def test_missing_name_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "noname.csv", [["id", "age"], ["1", "20"]])
    with pytest.raises(InputError, match="noname.csv: no column holds the victims' names — pass --map name=COLUMN"):
        read_list(path)


@pytest.mark.parametrize("payload", ['{"name": "Ali"}', '"just text"', "[1, 2, 3]"])
def test_json_that_is_not_a_list_of_objects(tmp_path: Path, payload: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(payload, encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.json: the JSON .*array of objects"):
        read_list(path)


def test_invalid_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n{"name": "Ali"},\n{"name": }\n]', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_list(path)
    assert caught.value.row == 3


def test_unsupported_extension_and_corrupt_xlsx(tmp_path: Path) -> None:
    old = tmp_path / "list.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(InputError, match="Save As .xlsx"):
        read_list(old)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("name\nAli\n", encoding="utf-8")
    with pytest.raises(InputError, match="fake.xlsx: not a readable .xlsx"):
        read_list(fake)


def test_cp1256_fixture_really_is_cp1256(list_b_cp1256: Path) -> None:
    data = list_b_cp1256.read_bytes()
    assert data.decode("cp1256").splitlines()[1] == ",".join(cp1256_cells(LIST_B_ROWS)[1])
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_blank_lines_keep_exact_row_numbers(tmp_path: Path) -> None:
    with_blank_lines = LIST_A_ROWS[:3] + [[], []] + LIST_A_ROWS[3:] + [[]]
    listed = read_list(write_csv(tmp_path / "blank.csv", with_blank_lines))  # CRLF line ends
    assert listed.records["row_number"].tolist() == [2, 3, 6, 7]
    assert "2 blank line(s) skipped" in listed.notes


def test_row_by_row_reading_gives_the_same_records_as_the_fast_path(tmp_path: Path) -> None:
    fast = read_list(write_csv(tmp_path / "fast.csv", LIST_A_ROWS))
    with_space_line = LIST_A_ROWS[:3] + [[" "]] + LIST_A_ROWS[3:]  # forces the row-by-row reader
    slow = read_list(write_csv(tmp_path / "slow.csv", with_space_line))
    assert "1 blank line(s) skipped" in slow.notes
    assert slow.records["row_number"].tolist() == [2, 3, 5, 6]
    columns = [c for c in fast.records.columns if c != "row_number"]
    assert slow.records[columns].equals(fast.records[columns])
    assert slow.raw.equals(fast.raw)


def test_cells_spanning_lines_keep_exact_row_numbers(tmp_path: Path) -> None:
    rows = [["name", "notes"], ["Ali Rezaei", "first line\nsecond line"], ["Neda Jafari", ""]]
    listed = read_list(write_csv(tmp_path / "multi.csv", rows))
    assert listed.records["row_number"].tolist() == [2, 3]
    assert listed.records["notes"].tolist()[0] == "first line second line"
    assert listed.raw.loc[0, "notes"] == "first line\nsecond line"


def test_xlsx_date_and_number_cells_become_text(tmp_path: Path) -> None:
    from datetime import datetime

    path = write_xlsx(tmp_path / "typed.xlsx", {"s": [["name", "age", "died"], ["Ali Rezaei", 17, datetime(2019, 11, 16)]]})
    listed = read_list(path)
    assert listed.raw.loc[0, "age"] == "17"
    assert listed.records["date_of_death"].tolist() == ["2019-11-16"]
