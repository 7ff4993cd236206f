"""Apply a key function to a text column, once per distinct value.

Victim lists repeat the same given names and surnames thousands of times, so keying
distinct values only is what keeps preparing a million records fast.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd


def key_column(values: pd.Series, function: Callable[[str], str]) -> pd.Series:
    """`function` of each stripped value, as pandas strings; blanks and empty keys become NULL.

    >>> key_column(pd.Series(["Ali", " Ali", "", None]), str.upper).tolist()
    ['ALI', 'ALI', <NA>, <NA>]
    """
    text = values.astype("string").str.strip()
    codes, distinct = pd.factorize(text.where(text.str.len() > 0))
    # Each distinct value keyed once, then taken by position (a dict lookup per row is slower).
    keys = pd.array([function(value) or None for value in distinct] + [None], dtype="string")
    return pd.Series(keys.take(np.where(codes < 0, len(distinct), codes)), index=values.index)
