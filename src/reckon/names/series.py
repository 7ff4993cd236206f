"""Apply a name function to a pandas Series, once per distinct value.

Victim lists repeat the same given names and surnames thousands of times, so working
on unique values is what keeps normalising a million records fast.
"""

from __future__ import annotations

from typing import Callable

import pandas as pd


def map_unique(names: pd.Series, function: Callable[[str], object]) -> pd.Series:
    """`function` applied to each distinct non-null value of `names`; nulls stay null.

    >>> map_unique(pd.Series(["Ali", "Ali", None]), str.upper).tolist()
    ['ALI', 'ALI', None]
    """
    codes, uniques = pd.factorize(names, use_na_sentinel=True)
    results = pd.Series([function(str(value)) for value in uniques], dtype=object)
    mapped = results.reindex(codes).to_numpy()
    out = pd.Series(mapped, index=names.index, dtype=object, name=names.name)
    out[codes == -1] = None
    return out
