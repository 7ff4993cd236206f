"""Provinces in the report: one bar per canonical province, in the reader's script; the
unidentified victims and the gazetteer's sources are stated."""

from __future__ import annotations

from pathlib import Path

import pytest

from reckon.case import Case
from reckon.errors import InputError
from reckon.lists.store import add_list
from reckon.report import gather_report_data, render_report
from tests.lists.conftest import write_csv

LATIN = [["name", "age", "date of death", "place", "province"],
         ["Reza Moradi", "20", "2019-11-16", "Tehran", "Tehran"],
         ["Omid Karimi", "31", "2019-11-17", "Karaj", ""],
         ["Sara Amini", "25", "2019-11-17", "Kermanshah Province", ""]]
PERSIAN = [["نام", "سن", "تاریخ فوت", "شهر", "استان"],
           ["مریم صادقی", "۲۲", "۱۳۹۸/۰۸/۲۵", "تهران", "تهران"],
           ["", "۱۹", "۱۳۹۸/۰۸/۲۵ یا ۱۳۹۸/۰۸/۲۶", "کرج", ""],
           ["علی رضایی", "۴۰", "۱۳۹۸/۰۸/۲۶", "جوانرود", "کرمانشاه،"],
           ["حسن نادری", "۳۳", "۱۳۹۸/۰۸/۲۶", "روستای ناشناخته", "استان ناشناخته"]]


@pytest.fixture
def two_scripts(fresh_case: Case, tmp_path: Path) -> Case:
    add_list(fresh_case, write_csv(tmp_path / "latin.csv", LATIN), name="latin")
    add_list(fresh_case, write_csv(tmp_path / "persian.csv", PERSIAN), name="persian")
    return fresh_case


def test_each_province_once_in_latin_script(two_scripts: Case) -> None:
    data = gather_report_data(two_scripts)
    assert dict(data.victims_by["province"]) == {"Tehran": 2, "Alborz": 2, "Kermanshah": 2, "ناشناخته": 1}
    assert data.unidentified == 1 and data.records == 7
    assert "GeoNames" in data.places_attribution


def test_each_province_once_in_native_script(two_scripts: Case) -> None:
    data = gather_report_data(two_scripts, script="native")
    assert dict(data.victims_by["province"]) == {"تهران": 2, "البرز": 2, "کرمانشاه": 2, "ناشناخته": 1}
    html = render_report(data)
    assert "1 of the 7 records give no name" in html
    assert "GeoNames" in html and "ODbL" in html
    with pytest.raises(InputError, match="--script"):
        gather_report_data(two_scripts, script="arabic")
