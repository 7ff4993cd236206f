"""Estimates are stored in the case with their settings, input hash and an audit row."""

from __future__ import annotations

import pytest

from reckon.estimate.histories import histories_hash
from reckon.estimate.loglinear import loglinear
from reckon.estimate.store import load_estimates, save_estimate


def test_round_trip(fresh_case, load, quiet):
    histories = load("kosovo_4lists.csv")
    result = loglinear(histories, max_order=3)
    first = save_estimate(fresh_case, result, histories_hash(histories), source=histories.source)
    second = save_estimate(fresh_case, result, histories_hash(histories))
    assert second == first + 1
    rows = load_estimates(fresh_case)
    assert len(rows) == 2
    row = rows[0]
    assert row["method"] == "loglinear"
    assert row["estimate"] == pytest.approx(10356.5, abs=0.05)
    assert row["lower"] == pytest.approx(8994, abs=0.5)
    assert row["input_hash"] == histories_hash(histories)
    assert row["source"] == "kosovo_4lists.csv"
    assert row["parameters"]["max_order"] == 3
    assert row["diagnostics"]["rcapture_name"] == "[123,14,34]"
    assert row["lists"] == ["EXH", "ABA", "OSCE", "HRW"]
    assert row["warnings"] == list(result.warnings)
    actions = [a for (a,) in fresh_case.con.execute("SELECT action FROM audit ORDER BY seq").fetchall()]
    assert actions.count("estimate.save") == 2
    assert fresh_case.verify_audit() == len(actions)
    assert load_estimates(fresh_case, method="stepwise") == []
