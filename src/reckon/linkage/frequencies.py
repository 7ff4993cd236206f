"""Term frequencies: how common a name (or place) is, so that a rare one agreeing counts for more.

Splink's frequency of a value is its share of the records, counting the very records being
compared. For a rare name that is mostly the pair itself: a name that only one person's two
records give has frequency 2/n, as if two other people bore it, and in a few hundred
records every name looked common and every true pair lost weight (harsh 300/1,000: named
F1 0.888 without frequencies, 0.735 with Splink's). reckon leaves the record at hand out:
a value that ``k`` records give has frequency ``max(k - 1, 1) / n`` (``n`` the records
that give a value): the chance that another record gives it, never below one record's share.

The same table serves scoring (link.py), the group check (within.py) and explanations
(explain.py), so a pair weighs the same wherever it is computed.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyarrow as pa


def tf_columns(model: dict[str, Any]) -> list[str]:
    """The columns the model adjusts by frequency."""
    return sorted({
        level["tf_adjustment_column"]
        for comparison in model["comparisons"]
        for level in comparison["comparison_levels"]
        if level.get("tf_adjustment_column")
    })


def frequencies(values: pd.Series) -> pd.Series:
    """value → its frequency, the record at hand left out (see the module docstring)."""
    counts = values.dropna().value_counts()
    total = float(counts.sum())
    if not total:
        return counts.astype(float)
    return (counts - 1).clip(lower=1) / total


def register_frequencies(linker: Any, engine: Any, features: pd.DataFrame, model: dict[str, Any]) -> list[Any]:
    """Give ``linker`` reckon's frequency table of each column ``model`` adjusts (else Splink
    would count its own); returns the tables registered in ``engine``."""
    tables = []
    for column in tf_columns(model):
        table = frequencies(features[column]).rename(f"tf_{column}").rename_axis(column).reset_index()
        table[column] = table[column].astype(str)
        registered = engine.register(pa.Table.from_pandas(table, preserve_index=False))
        linker.table_management.register_term_frequency_lookup(registered, column)
        tables.append(registered)
    return tables
