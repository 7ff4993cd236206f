"""Priors per pair of lists: two records of one list are rarely one person, a record of
each of two lists of the same dead often is (list_priors.py)."""

from __future__ import annotations

import math

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from reckon.linkage import LinkageSettings, link_records
from reckon.linkage.backends import open_backend
from reckon.linkage.defaults import LIST_PAIR_PRIORS_KEY
from reckon.linkage.list_priors import (
    MAX_RATIO, estimate_list_pair_priors, list_pair_totals, to_model, weight_shift_sql, weight_shifts,
)


def _odds(p: float) -> float:
    return math.log2(p / (1 - p))


def _estimate(rows: list[tuple[str, str, float]], prior: float, sizes: dict[str, int]) -> dict:
    table = pa.table({"list_name_l": [r[0] for r in rows], "list_name_r": [r[1] for r in rows],
                      "match_weight": [r[2] for r in rows]})
    with open_backend("duckdb") as engine:
        predictions = engine.register(table)
        return estimate_list_pair_priors(engine, predictions.physical_name, prior, 0.0, sizes)


def test_a_list_pair_holding_the_matches_gets_the_higher_prior():
    # 20 records in each of two lists; 10 strong pairs across them, weak ones inside each.
    prior = 0.01
    rows = [("A", "B", 20.0)] * 10 + [("A", "A", -12.0)] * 5 + [("B", "B", -12.0)] * 5 + [("B", "A", -12.0)] * 20
    priors = _estimate(rows, prior, {"A": 20, "B": 20})
    assert set(priors) == {("A", "A"), ("A", "B"), ("B", "B")}
    assert priors[("A", "B")] > prior > priors[("A", "A")]
    # The fixed point: the expected matches among the 400 pairs across, about the 10 strong ones.
    assert priors[("A", "B")] == pytest.approx(10 / 400, rel=0.2)
    # Inside a list the model finds nothing: the prior stops at its bound, not at zero.
    assert priors[("A", "A")] == pytest.approx(prior / MAX_RATIO)


def test_one_list_has_nothing_to_split():
    assert _estimate([("A", "A", 5.0)], 0.01, {"A": 10}) == {}


def test_list_pair_totals_count_pairs_of_records():
    assert list_pair_totals({"B": 3, "A": 4}) == {("A", "A"): 6, ("A", "B"): 12, ("B", "B"): 3}


def test_weight_shifts_move_each_pair_to_its_lists_prior_whatever_the_order():
    model = {"probability_two_random_records_match": 0.01,
             LIST_PAIR_PRIORS_KEY: to_model({("A", "B"): 0.04, ("A", "A"): 0.001})}
    shifts = weight_shifts(model, ["A", "B", "A", "C"], ["B", "A", "A", "C"])
    assert shifts == pytest.approx([_odds(0.04) - _odds(0.01)] * 2 + [_odds(0.001) - _odds(0.01), 0.0])
    assert not weight_shifts({"probability_two_random_records_match": 0.01}, ["A"], ["B"]).any()


def test_the_engine_moves_the_weights_as_weight_shifts_does():
    model = {"probability_two_random_records_match": 0.01,
             LIST_PAIR_PRIORS_KEY: to_model({("A", "B"): 0.04, ("A", "A"): 0.001})}
    rows = duckdb.sql(
        "SELECT " + weight_shift_sql(model) + " AS shift FROM (VALUES ('A', 'B', 1), ('B', 'A', 2), ('A', 'A', 3), ('C', 'C', 4)) "
        "AS t(list_name_l, list_name_r, i) ORDER BY i"
    ).fetchall()
    assert [r[0] for r in rows] == pytest.approx(list(weight_shifts(model, ["A", "B", "A", "C"], ["B", "A", "A", "C"])))
    assert weight_shift_sql({"probability_two_random_records_match": 0.01}) == "0.0"


def test_a_run_stores_list_pair_priors_and_scores_pairs_with_them(synthetic_lists: pd.DataFrame):
    records = synthetic_lists.drop(columns=["person"])
    result = link_records(records)
    priors = {(a, b): p for a, b, p in result.model[LIST_PAIR_PRIORS_KEY]}
    lists = sorted(records["list_name"].unique())
    assert set(priors) == {(a, b) for i, a in enumerate(lists) for b in lists[i:]}
    common = result.model["probability_two_random_records_match"]
    across = [p for (a, b), p in priors.items() if a != b]
    inside = [p for (a, b), p in priors.items() if a == b]
    # Three lists of the same dead, each mostly naming a person once.
    assert min(across) > common > max(inside)
    # Without them every pair is scored at the common prior: the same pair weighs more across
    # lists with them (its lists' prior is higher), by exactly the difference of priors.
    plain = link_records(records, settings=LinkageSettings(list_pair_priors=False))
    assert LIST_PAIR_PRIORS_KEY not in plain.model
    both = result.pairs.merge(plain.pairs, on=["record_id_l", "record_id_r"], suffixes=("", "_plain"))
    list_of = records.set_index("record_id")["list_name"]
    both = both[both["decided"].isna()]
    moved = both["match_weight"] - both["match_weight_plain"]
    expected = weight_shifts(result.model, both["record_id_l"].map(list_of), both["record_id_r"].map(list_of))
    # The common prior itself is the same in both runs (recalibrated the same way).
    assert result.model["probability_two_random_records_match"] == pytest.approx(
        plain.model["probability_two_random_records_match"])
    assert moved.to_numpy() == pytest.approx(expected, abs=1e-6)


def test_above_the_record_limit_a_run_keeps_one_prior(synthetic_lists: pd.DataFrame):
    records = synthetic_lists.drop(columns=["person"])
    result = link_records(records, settings=LinkageSettings(list_pair_priors_max_records=len(records) - 1))
    assert LIST_PAIR_PRIORS_KEY not in result.model
