"""Capture is heterogeneous (rates differ by covariate) and lists are dependent."""

from __future__ import annotations

import json

import pandas as pd

from reckon.simulate import simulate_event


def capture_table(out) -> pd.DataFrame:
    """One row per true person: covariates and a 0/1 flag per list, built from the files."""
    people = pd.read_csv(out / "population.csv")
    mapping = pd.read_csv(out / "truth.csv", dtype={"source_record_id": str})
    flags = pd.crosstab(mapping["person_id"], mapping["list_name"]).clip(upper=1)
    return people.set_index("person_id").join(flags).fillna({name: 0 for name in flags.columns})


def test_capture_rates_differ_by_province_age_and_sex(event):
    out, _ = event
    table = capture_table(out)
    by_province = table.groupby("province")["hospital_records"].mean()
    # Hospitals in the capital record far more of their dead than those in the south-east.
    assert by_province["Tehran"] - by_province["Sistan and Baluchestan"] > 0.25
    young = table["age"] < 25
    committee = table["families_committee"]
    assert committee[young].mean() - committee[~young].mean() > 0.05
    female = table["sex"] == "female"
    assert committee[female].mean() > committee[~female].mean()


def test_lists_are_dependent(event):
    out, _ = event
    table = capture_table(out)
    on_rights = table["rights_group"] == 1
    committee = table["families_committee"]
    # The families committee works from the rights group's list.
    assert committee[on_rights].mean() - committee[~on_rights].mean() > 0.2
    # Under independence, the expected 1-1 cell is n1 * n2 / N; the truth far exceeds it.
    n = len(table)
    both = ((table["rights_group"] == 1) & (table["media_monitor"] == 1)).sum()
    assert both > 1.3 * on_rights.sum() * table["media_monitor"].sum() / n


def test_not_everyone_is_documented_and_every_list_is_partial(event):
    out, truth = event
    table = capture_table(out)
    rates = table[list(truth.lists)].mean()
    assert ((rates > 0.15) & (rates < 0.7)).all()
    assert 0.6 < truth.documented / truth.n_victims < 0.95


def test_heterogeneity_and_dependence_can_be_switched_off(tmp_path):
    simulate_event(tmp_path / "flat", victims=4000, seed=11, articles=0, heterogeneity=0, dependence=0)
    table = capture_table(tmp_path / "flat")
    by_province = table.groupby("province")["hospital_records"].mean()
    assert abs(by_province["Tehran"] - by_province["Sistan and Baluchestan"]) < 0.08
    on_rights = table["rights_group"] == 1
    committee = table["families_committee"]
    assert abs(committee[on_rights].mean() - committee[~on_rights].mean()) < 0.04
    data = json.loads((tmp_path / "flat" / "truth.json").read_text(encoding="utf-8"))
    assert data["parameters"]["heterogeneity"] == 0 and data["parameters"]["dependence"] == 0
    assert all(spec["visibility"] == 0 and spec["dependence"] == 0 for spec in data["parameters"]["list_specs"])
    assert set(data["copied_by_list"].values()) == {0}


def test_dependent_lists_copy_some_records_word_for_word(event):
    out, truth = event
    mapping = pd.read_csv(out / "truth.csv", dtype={"source_record_id": str})

    def rows(name: str, columns: list[str]) -> pd.DataFrame:
        frame = pd.read_csv(out / "lists" / f"{name}.csv", dtype=str, keep_default_na=False)[columns]
        frame.columns = ["name", "age", "date", "father"]
        ids = mapping.loc[mapping["list_name"] == name, "person_id"].to_numpy()
        return frame.assign(person=ids).drop_duplicates("person")

    rights = rows("rights_group", ["name", "age", "date_of_death", "father_name"])
    media = rows("media_monitor", ["name", "age", "date_of_death", "father_name"])
    committee = rows("families_committee", ["full_name", "age", "died", "father"])
    for copier, name in ((media, "media_monitor"), (committee, "families_committee")):
        both = copier.merge(rights, on="person", suffixes=("", "_rights"))
        same = (both[["name", "age", "date", "father"]].to_numpy()
                == both[["name_rights", "age_rights", "date_rights", "father_rights"]].to_numpy()).all(axis=1)
        assert truth.copied_by_list[name] > 0.2 * len(both)
        assert same.sum() >= truth.copied_by_list[name]
    assert truth.copied_by_list["rights_group"] == truth.copied_by_list["hospital_records"] == 0
