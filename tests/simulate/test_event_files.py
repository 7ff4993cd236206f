"""Lists, truth.csv and truth.json agree; every record maps to a true person."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from reckon.errors import InputError
from reckon.estimate.histories import read_capture_csv
from reckon.simulate import SimulationTruth, simulate_event

NAMES = ["rights_group", "hospital_records", "families_committee", "media_monitor"]


def read_truth(out) -> pd.DataFrame:
    return pd.read_csv(out / "truth.csv", dtype={"source_record_id": str})


def test_every_record_maps_to_a_true_person(event):
    out, truth = event
    mapping = read_truth(out)
    assert list(mapping.columns) == ["list_name", "source_record_id", "person_id", "row_number"]
    assert mapping["person_id"].between(1, truth.n_victims).all()
    for name in NAMES:
        rows = pd.read_csv(out / "lists" / f"{name}.csv", dtype=str, keep_default_na=False)
        mine = mapping[mapping["list_name"] == name]
        assert len(rows) == len(mine) == truth.records_by_list[name]
        ids = rows.iloc[:, 0].str.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))
        assert ids.tolist() == mine["source_record_id"].tolist()  # same ids, same order
        assert mine["row_number"].tolist() == list(range(2, len(rows) + 2))
        assert mine["person_id"].nunique() == truth.victims_by_list[name]


def test_overlap_counts_follow_from_truth_csv(event):
    out, truth = event
    mapping = read_truth(out)
    flags = pd.crosstab(mapping["person_id"], mapping["list_name"]).clip(upper=1)[NAMES]
    patterns = flags.astype(str).agg("".join, axis=1).value_counts().to_dict()
    assert patterns == truth.overlap
    data = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    assert data["overlap"] == truth.overlap
    assert data["documented"] == len(flags) == truth.documented
    assert data["unobserved"] == truth.n_victims - truth.documented > 0
    assert data["seed"] == 11 and data["parameters"]["victims"] == 4000 and data["reckon_version"]


def test_truth_histories_are_readable_by_the_estimators(event):
    out, truth = event
    histories = read_capture_csv(out / "truth_histories.csv")[None]
    assert histories.lists == tuple(NAMES)
    assert histories.observed == truth.documented
    assert histories.list_totals() == truth.victims_by_list
    assert truth.histories().observed == truth.documented
    assert SimulationTruth.read(out) == truth


def test_reading_truth_from_a_folder_without_one_says_what_to_do(tmp_path):
    with pytest.raises(InputError, match="has no truth.json — run `reckon simulate` into it first"):
        SimulationTruth.read(tmp_path)


def test_internal_duplicates_are_present_and_spelled_differently(event):
    out, truth = event
    mapping = read_truth(out)
    for name in NAMES:
        assert truth.duplicates_by_list[name] >= 1
        mine = mapping[mapping["list_name"] == name]
        twice = mine[mine["person_id"].duplicated(keep=False)]
        assert len(twice) == 2 * truth.duplicates_by_list[name]
        rows = pd.read_csv(out / "lists" / f"{name}.csv", dtype=str, keep_default_na=False)
        name_column = {"hospital_records": "نام خانوادگی"}.get(name, rows.columns[1])
        spellings = rows.iloc[twice["row_number"].to_numpy() - 2].assign(person=twice["person_id"].to_numpy())
        differ = spellings.groupby("person")[name_column].nunique()
        assert (differ == 2).mean() > 0.8  # nearly always a visibly different spelling


def test_more_lists_cycle_formats_and_names(tmp_path):
    truth = simulate_event(tmp_path / "six", victims=400, lists=6, seed=2, articles=0)
    assert truth.lists[4:] == ("diaspora_network", "lawyers_association")
    header_b = (tmp_path / "six" / "lists" / "diaspora_network.csv").read_text(encoding="utf-8").splitlines()[0]
    header_c = (tmp_path / "six" / "lists" / "lawyers_association.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header_b.startswith("شناسه,نام,نام خانوادگی") and header_c.startswith("record_no,full_name,name_fa")
    assert all(len(pattern) == 6 for pattern in truth.overlap)
    on_sixth = sum(count for pattern, count in truth.overlap.items() if pattern[5] == "1")
    assert on_sixth == truth.victims_by_list["lawyers_association"] > 0
    assert not list((tmp_path / "six" / "articles").glob("*.txt"))


def test_two_lists_is_the_minimum(tmp_path):
    truth = simulate_event(tmp_path / "two", victims=300, lists=2, seed=1, articles=1)
    assert set(truth.overlap) <= {"01", "10", "11"} and sum(truth.overlap.values()) == truth.documented
    with pytest.raises(InputError, match="lists must be between 2 and 15, got 1"):
        simulate_event(tmp_path / "one", lists=1)
    with pytest.raises(InputError, match="victims must be at least 1, got 0"):
        simulate_event(tmp_path / "none", victims=0)


def test_cp1256_option_writes_a_windows_arabic_file(tmp_path):
    simulate_event(tmp_path / "w", victims=200, lists=2, seed=4, articles=0, persian_encoding="cp1256")
    raw = (tmp_path / "w" / "lists" / "hospital_records.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1256")
    assert text.splitlines()[0] == "شناسه,نام,نام خانوادگي,نام پدر,جنسيت,سن,تاريخ فوت,محل فوت,استان"
    assert text.splitlines()[1].split(",")[0] == "1"  # Western digits: cp1256 has no Persian ones
