"""What copying, typing and converting do to the text of real lists.

* notes inside the name: the given name left out with a note saying so
  (``رضایی (نام کوچک نامشخص)``), a second family name in parentheses (``رضایی (احمدی)``);
* letters stored decomposed: آ as ا + U+0653 (NFC puts it back together), ئ as the Persian
  ی + U+0654 (a sequence no Unicode normal form composes);
* U+FFFC, the object replacement character a pasted image or field leaves behind.

Each function takes whole columns and a mask of the records to change.
"""

from __future__ import annotations

import numpy as np

GIVEN_UNKNOWN = {True: "(نام کوچک نامشخص)", False: "(given name unknown)"}  # by script
OBJECT_PLACEHOLDER = "\ufffc"
# Decomposed spellings: آ -> ا + madda; the -ایی ending (رضایی) spelt -ائی with the hamza
# as a separate mark on a Persian yeh.
DECOMPOSED = (("آ", "ا\u0653"), ("ایی", "ای\u0654ی"))


def second_surnames(family: np.ndarray, second: np.ndarray, mode: np.ndarray) -> np.ndarray:
    """The family name as written: mode 0 the usual one, 1 "USUAL (SECOND)", 2 the second alone."""
    out = family.copy()
    noted, alone = mode == 1, mode == 2
    out[noted] = family[noted] + " (" + second[noted] + ")"
    out[alone] = second[alone]
    return out


def full_names(given: np.ndarray, family: np.ndarray, given_unknown: np.ndarray, script: bool) -> np.ndarray:
    """Given and family name joined; where the given name is unknown, the note takes its place."""
    noted = family + " " + GIVEN_UNKNOWN[script]
    return np.where(given_unknown, noted, given + " " + family).astype(object)


def decompose(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Masked Persian cells with their letters stored decomposed (others unchanged)."""
    out = values.copy()
    for i in np.flatnonzero(mask):
        if out[i] is not None:
            for composed, parts in DECOMPOSED:
                out[i] = out[i].replace(composed, parts)
    return out


def placeholders(values: np.ndarray, mask: np.ndarray, at_start: np.ndarray) -> np.ndarray:
    """Masked cells with U+FFFC before or after the text."""
    out = values.copy()
    hit = mask & np.array([v is not None for v in values], dtype=bool)
    out[hit & at_start] = OBJECT_PLACEHOLDER + out[hit & at_start]
    out[hit & ~at_start] = out[hit & ~at_start] + OBJECT_PLACEHOLDER
    return out
