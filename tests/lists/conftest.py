"""Fixtures: small victim lists in the three shapes the simulator writes, with invented people."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

# Invented people: common Persian given names and surnames combined at random.
LIST_A_ROWS = [
    ["id", "name", "father_name", "sex", "age", "date_of_death", "place_of_death", "province", "notes"],
    ["A1", "Reza Moradi", "Hasan", "m", "16 or 17", "2019-11-16", "Shiraz", "Fars", "student"],
    ["A2", "Maryam Sadeghi", "Ali", "female", "30-35", "17/11/2019", "Tehran", "Tehran", ""],
    ["A3", "Omid Karimi", "", "male", "<18", "2019-11", "Karaj", "Alborz", ""],
    ["A4", "Zahra Hosseini", "Mahmoud", "f", "about 40", "", "Mashhad", "Khorasan Razavi", "witness: neighbour"],
]
LIST_B_ROWS = [
    ["شناسه", "نام", "نام خانوادگی", "نام پدر", "جنسیت", "سن", "تاریخ فوت", "محل فوت", "استان"],
    ["۱", "رضا", "مرادی", "حسن", "مرد", "۱۷", "۱۳۹۸/۰۸/۲۵", "شیراز", "فارس"],
    ["۲", "مریم", "صادقی", "علی", "زن", "۳۲ ساله", "۲۶ آبان ۱۳۹۸", "تهران", "تهران"],
    ["۳", "امید", "کریمی", "", "پسر", "زیر ۱۸", "آبان ۱۳۹۸", "کرج", "البرز"],
]
LIST_C_ROWS = [
    ["record_no", "full_name", "name_fa", "father", "gender", "age", "died", "city", "province"],
    ["101", "Reza Moradi", "رضا مرادی", "Hassan", "M", "17", "1398-08-25", "Shiraz", "Fars"],
    ["102", "Maryam Sadeqi", "مریم صادقی", "Ali", "F", "33", "2019-11-17", "Tehran", "Tehran"],
    ["103", "Saeed Rahimi", "سعید رحیمی", "Karim", "M", "", "1398", "Isfahan", "Isfahan"],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with open(path, "w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def cp1256_cells(rows: list[list[str]]) -> list[list[str]]:
    """What a Windows Persian export holds: Arabic yeh for ی and ASCII digits (cp1256 has neither)."""
    table = str.maketrans("ی۰۱۲۳۴۵۶۷۸۹", "ي0123456789")
    return [[cell.translate(table) for cell in row] for row in rows]


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def list_a(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "list_a.csv", LIST_A_ROWS)


@pytest.fixture
def list_b_cp1256(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "list_b.csv", cp1256_cells(LIST_B_ROWS), encoding="cp1256")


@pytest.fixture
def list_b_utf8(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "list_b_utf8.csv", LIST_B_ROWS, encoding="utf-8-sig")


@pytest.fixture
def list_c_xlsx(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "list_c.xlsx", {"victims": LIST_C_ROWS})


@pytest.fixture
def list_json(tmp_path: Path) -> Path:
    header, *rows = LIST_A_ROWS
    path = tmp_path / "list_a.json"
    path.write_text(json.dumps({"records": [dict(zip(header, r)) for r in rows]}, ensure_ascii=False), encoding="utf-8")
    return path


def values(series: pd.Series) -> list[object]:
    """A column as a plain list, with None for missing (pandas 3 shows missing text as NaN)."""
    return [None if pd.isna(v) else v for v in series.tolist()]
