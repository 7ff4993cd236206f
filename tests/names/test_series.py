"""key_column: a key function over a text column, once per distinct value."""

import pandas as pd

from reckon.names import key_column, name_key


def test_key_column_calls_once_per_distinct_value() -> None:
    calls: list[str] = []

    def record(value: str) -> str:
        calls.append(value)
        return value.lower()

    out = key_column(pd.Series(["Ali", "Ali", " Reza ", None, "Ali"]), record)
    assert out.tolist() == ["ali", "ali", "reza", pd.NA, "ali"]
    assert sorted(calls) == ["Ali", "Reza"]  # values are stripped before keying


def test_blanks_and_empty_keys_become_null_and_the_index_stays() -> None:
    names = pd.Series(["Ali", "  ", "علی", "-", None], index=[10, 11, 12, 13, 14])
    keys = key_column(names, name_key)  # "-" has no letters: an empty key
    assert keys.tolist() == ["ali", pd.NA, "ali", pd.NA, pd.NA]
    assert keys.index.tolist() == [10, 11, 12, 13, 14]
    assert str(keys.dtype) == "string"
