"""Recording errors: typos in names, ages a few years off, dates a day or two off, blanks.

Random numbers are drawn as whole arrays first (so the stream does not depend on the
strings), then applied; only the few records that get a typo go through Python code.
"""

from __future__ import annotations

import numpy as np

LATIN_VOWEL_SWAPS = {"a": "e", "e": "a", "o": "u", "u": "o", "i": "e"}
# Letters that look or sound alike and are confused when copying Persian by hand.
SCRIPT_SWAPS = {"ه": "ح", "ح": "ه", "س": "ص", "ص": "س", "ز": "ذ", "ذ": "ز", "ت": "ط", "ط": "ت", "ق": "غ", "غ": "ق"}
PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def typo(text: str, op: int, where: float) -> str:
    """One keyboard or copying slip: 0 delete, 1 swap neighbours, 2 double, 3 look-alike."""
    letters = [i for i, ch in enumerate(text) if ch.isalpha()]
    if len(letters) < 3:
        return text
    i = letters[1 + int(where * (len(letters) - 2))]  # never the first letter
    if op == 0:
        return text[:i] + text[i + 1:]
    if op == 1 and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2:]
    if op == 3:
        ch = text[i]
        swap = SCRIPT_SWAPS.get(ch) or LATIN_VOWEL_SWAPS.get(ch)
        if swap:
            return text[:i] + swap + text[i + 1:]
    return text[:i] + text[i] + text[i:]


def add_typos(names: np.ndarray, mask: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Copy of ``names`` with one typo in each masked, non-empty entry."""
    ops = rng.integers(0, 4, size=names.size)
    where = rng.random(names.size)
    out = names.copy()
    for i in np.flatnonzero(mask):
        if out[i]:
            out[i] = typo(out[i], int(ops[i]), float(where[i]))
    return out


def shift(values: np.ndarray, rate: float, steps: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Add a random non-zero step (from ``steps``) to a ``rate`` share of the values."""
    hit = rng.random(values.size) < rate
    delta = rng.choice(steps, size=values.size)
    return np.where(hit, values + delta, values)


def blank(values: np.ndarray, rate: float, rng: np.random.Generator) -> np.ndarray:
    """Object array with a ``rate`` share of entries set to None (a missing field)."""
    out = values.astype(object)
    out[rng.random(values.size) < rate] = None
    return out


def persian_digits(values: np.ndarray) -> np.ndarray:
    """Write the digits of each string (None stays None) in Persian digits."""
    return np.array([v.translate(PERSIAN_DIGITS) if v is not None else None for v in values], dtype=object)
