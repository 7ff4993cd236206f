"""Term frequencies with the record at hand left out (frequencies.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from reckon.linkage.frequencies import frequencies, tf_columns


def test_a_value_counts_the_other_records_that_give_it():
    values = pd.Series(["rare", "pair", "pair", "common", "common", "common", "common", "common", None])
    freq = frequencies(values)
    n = 8  # records that give a value
    # One person's two records are not two other people: "pair" is as rare as "rare".
    assert freq["rare"] == pytest.approx(1 / n)
    assert freq["pair"] == pytest.approx(1 / n)
    assert freq["common"] == pytest.approx(4 / n)
    assert frequencies(pd.Series([None, None], dtype="object")).empty


def test_tf_columns_are_those_the_model_adjusts():
    model = {"comparisons": [
        {"comparison_levels": [{"tf_adjustment_column": "native_key"}, {"sql_condition": "ELSE"}]},
        {"comparison_levels": [{"tf_adjustment_column": "full_key"}, {"tf_adjustment_column": "native_key"}]},
    ]}
    assert tf_columns(model) == ["full_key", "native_key"]
