"""The simulated lists go through the real list importer without loss, and join to truth.csv."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from reckon.simulate import simulate_event
from reckon.lists.reading import read_list


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256"])
def test_every_list_reads_cleanly_and_joins_to_the_truth(tmp_path, encoding):
    out = tmp_path / "event"
    truth = simulate_event(out, victims=600, lists=4, seed=3, articles=0, persian_encoding=encoding)
    mapping = pd.read_csv(out / "truth.csv", dtype={"source_record_id": str})
    people = pd.read_csv(out / "population.csv").set_index("person_id")
    for name in truth.lists:
        listed = read_list(out / "lists" / f"{name}.csv")
        assert not listed.quarantine
        assert len(listed.records) == truth.records_by_list[name]
        joined = listed.records.merge(mapping[mapping["list_name"] == name], on="source_record_id")
        assert len(joined) == len(listed.records)
        assert (joined["row_number_x"] == joined["row_number_y"]).all()
        dated = joined.dropna(subset=["date_of_death"])
        true_dates = people.loc[dated["person_id"], "date_of_death"].to_numpy()
        gaps = [abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)
                for a, b in zip(dated["date_of_death"], true_dates)]
        assert max(gaps) <= 2 and sum(g == 0 for g in gaps) > 0.85 * len(gaps)
