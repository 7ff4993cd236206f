"""The event folder has the documented layout and the totals agree."""

from __future__ import annotations

import json


def test_layout_and_totals(event):
    out, truth = event
    names = ["rights_group", "hospital_records", "families_committee", "media_monitor"]
    assert sorted(p.stem for p in (out / "lists").glob("*.csv")) == sorted(names)
    data = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    assert data["N"] == truth.n_victims == 4000
    assert data["lists"] == names
    assert sum(data["overlap"].values()) == data["documented"] == truth.documented
    assert len(list((out / "articles").glob("*.txt"))) == 12
