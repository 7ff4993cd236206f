"""Pricing blocking rules: pairs counted from block sizes, by codes, as pandas counts them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from reckon.linkage.blocking import PairCounter, pairs_within, rule_pair_count


def test_the_counter_counts_what_pandas_counts_leaving_nulls_out():
    rng = np.random.default_rng(3)
    n = 2000
    records = pd.DataFrame({
        "name": pd.array(rng.choice(["ali", "reza", "sara", None], n), dtype="string[pyarrow]"),
        "place": pd.array(rng.choice(["tehran", "karaj", None], n), dtype="string[pyarrow]"),
        "age": rng.choice([20.0, 21.0, np.nan], n),
    })
    counter = PairCounter(records)
    for keys in (["name"], ["name", "place"], ["name", "place", "age"], ["age", "name"]):
        assert counter.within(keys) == pairs_within(records[keys].dropna(), keys) > 0


def test_a_rule_is_priced_only_when_it_is_all_equalities():
    records = pd.DataFrame({"a": ["x", "x", "x", "y"], "b": ["p", "p", "q", None]})
    counter = PairCounter(records)
    assert rule_pair_count(counter, "l.a = r.a") == 3
    assert rule_pair_count(counter, "l.a = r.a and l.b = r.b") == 1
    assert rule_pair_count(records, "l.a = r.a and l.b = r.b") == 1
    assert rule_pair_count(counter, "l.a = r.a and abs(l.b - r.b) < 2") is None
