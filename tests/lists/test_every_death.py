"""Import keeps every documented death (issue 11): unnamed rows, spans, notes in names, damaged text."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import reckon.case
from reckon.case import Case
from reckon.lists.reading import read_list
from reckon.lists.store import add_list, list_summaries, load_records, record_counts
from reckon.simulate import simulate_event

from .conftest import values, write_csv

# Invented people; the cells are written the way real lists write them.
ROWS = [
    ["No.", "Name", "Age", "Date of death", "Place of death"],
    ["1", "محمد محمدی", "26", "2019-11-16", "کاشان"],
    ["2", "", "19", "2019-11-16 or 2019-11-17", "اصفهان"],  # unnamed, but documented
    ["3", "\ufffcرضا کریمی", "17 or 27", "2019-11-15 to 2019-11-18", "تهران"],
    ["4", "کاظمی‌فر (نام کوچک نامشخص)", "", "2019-11-17", "کرج"],
    ["5", "مریم زارعی (قاسمی)", "18", "2019-11-18", ""],
    ["6", "سارا \u0627\u0653قایی", "probably 30", "۱۳۹۸/۰۸/۲۵ یا ۱۳۹۸/۰۸/۲۶", "سنندج"],
    ["7", "", "", "", ""],  # nothing but an id: quarantined
    ["8", "", "", "", "زاهدان"],  # a place only: still a documented death
]


@pytest.fixture
def harsh_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "rights.csv", ROWS)


def test_unnamed_rows_with_facts_are_kept_as_unidentified(harsh_csv: Path) -> None:
    listed = read_list(harsh_csv)
    assert [q.row_number for q in listed.quarantine] == [8]
    assert listed.quarantine[0].reason.startswith("no name and nothing else")
    records = listed.records
    assert records["row_number"].tolist() == [2, 3, 4, 5, 6, 7, 9]
    assert records["identified"].tolist() == [True, False, True, True, True, True, False]


def test_spans_and_loose_ages_are_read(harsh_csv: Path) -> None:
    records = read_list(harsh_csv).records.set_index("row_number")
    assert records.loc[3, "date_of_death"] == "2019-11-16/2019-11-17"
    assert (str(records.loc[4, "date_of_death_low"]), str(records.loc[4, "date_of_death_high"])) == (
        "2019-11-15", "2019-11-18")
    assert (records.loc[4, "age_low"], records.loc[4, "age_high"]) == (17, 27)
    assert "two different ages" in records.loc[4, "import_notes"]
    assert (records.loc[7, "age_low"], records.loc[7, "age_high"]) == (30, 30)
    assert records.loc[7, "date_of_death"] == "2019-11-16/2019-11-17"  # Solar Hijri, Persian digits


def test_names_are_repaired_and_their_notes_read(harsh_csv: Path) -> None:
    listed = read_list(harsh_csv)
    records = listed.records.set_index("row_number")
    assert records.loc[4, "name_native"] == "رضا کریمی"  # U+FFFC removed
    assert records.loc[7, "name_native"] == "سارا آقایی"  # alef + madda composed
    assert listed.raw.loc[2, "Name"] == "\ufffcرضا کریمی"  # the cell as written stays in raw/original
    given_unknown = records.loc[5]
    assert given_unknown["name_native"] == "کاظمی\u200cفر"
    assert pd.isna(given_unknown["given_name"]) and given_unknown["family_name"] == "کاظمی\u200cفر"
    assert "given name is not known" in given_unknown["import_notes"]
    alternative = records.loc[6]
    assert alternative["name_native"] == "مریم زارعی"
    assert json.loads(alternative["name_alternatives"]) == ["مریم قاسمی"]
    assert values(records["name_alternatives"]).count(None) == 6


def test_stored_unidentified_records_are_counted(fresh_case: Case, harsh_csv: Path) -> None:
    imported = add_list(fresh_case, harsh_csv, name="rights")
    assert (imported.row_count, imported.unidentified, imported.quarantined_count) == (7, 2, 1)
    assert record_counts(fresh_case) == {"records": 7, "unidentified": 2, "quarantined": 1}
    assert list_summaries(fresh_case)[0]["unidentified"] == 2
    stored = load_records(fresh_case, with_original=True).set_index("record_id")
    assert stored.loc["rights:2", "identified"] == False  # noqa: E712 (a numpy bool)
    assert json.loads(stored.loc["rights:3", "original"])["Name"] == "\ufffcرضا کریمی"  # verbatim
    assert json.loads(stored.loc["rights:5", "name_alternatives"]) == ["مریم قاسمی"]
    again = add_list(fresh_case, harsh_csv, name="rights")  # the same file: nothing changes, same counts
    assert again.already_present and again.unidentified == 2 and again.places_resolved == imported.places_resolved


def test_a_case_from_before_migration_8_opens_and_its_records_count_as_identified(
    tmp_path: Path, harsh_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = reckon.case._migrations()
    monkeypatch.setattr(reckon.case, "_migrations", lambda: [m for m in shipped if m[0] < 8])
    named_only = write_csv(tmp_path / "old.csv", ROWS[:2])
    with Case.init(tmp_path / "old") as old:
        add_list(old, named_only, name="old")
    monkeypatch.undo()
    with Case.open(tmp_path / "old") as case:
        assert case.schema_version() == max(m[0] for m in shipped)
        old_records = load_records(case)
        assert old_records["identified"].tolist() == [True]
        assert old_records["province_id"].isna().all()  # resolved only from now on
        add_list(case, harsh_csv, name="new")
        assert record_counts(case)["unidentified"] == 2
        assert case.verify_audit() > 0


def test_harsh_simulated_lists_import_without_quarantine(tmp_path: Path, fresh_case: Case) -> None:
    """The harsh profile reproduces real lists (ranges, unnamed rows, notes in names, damaged
    text, places at every granularity): none of it is quarantined any more."""
    truth = simulate_event(tmp_path / "harsh", profile="harsh", victims=600, seed=3, articles=0)
    files = sorted((tmp_path / "harsh" / "lists").iterdir())
    imports = [add_list(fresh_case, path, name=path.stem) for path in files]
    assert sum(i.quarantined_count for i in imports) == 0
    assert sum(i.row_count for i in imports) == sum(truth.records_by_list.values())
    assert sum(i.unidentified for i in imports) > 0
    assert all(i.country == "IR" for i in imports)
    given = sum(i.places_given for i in imports)
    assert sum(i.places_resolved for i in imports) >= 0.99 * given
    # the resolved province is the person's true province
    records = load_records(fresh_case, columns=("list_name", "row_number", "province_name"))
    people = pd.read_csv(tmp_path / "harsh" / "population.csv", dtype=str)
    links = pd.read_csv(tmp_path / "harsh" / "truth.csv", dtype={"person_id": str})
    checked = records.merge(links, on=["list_name", "row_number"]).merge(people, on="person_id")
    checked = checked[checked["province_name"].notna()]
    same = checked["province_name"].str[:6] == checked["province"].str[:6]  # West Azarbaijan / Azerbaijan
    assert same.mean() >= 0.95
