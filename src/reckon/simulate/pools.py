"""The text lists draw from: every name in every spelling style, and free-text notes.

Names are rendered once per unique name and style (cached), then indexed by code.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np

from reckon.simulate.names import (
    LATIN_STYLES,
    SCRIPT_STYLES,
    SEYED_FA,
    build_surnames,
    romanise,
    seyed_latin,
    write_script,
)
from reckon.simulate.population import GIVEN

NOTES = (
    "reported by relatives", "died in hospital", "shot near the governor's office",
    "body returned to family", "unverified", "witness statement on file", "buried without ceremony",
)
NOTE_RATE = 0.15


@lru_cache(maxsize=None)
def latin_pool(style: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(given names, surnames, [Seyed, Seyedeh]) in one Latin style, indexed by code."""
    spec = LATIN_STYLES[style]
    given = np.array([romanise(la, spec) for _, la in GIVEN], dtype=object)
    surnames = np.array([romanise(la, spec, surname=True) for _, la in build_surnames()], dtype=object)
    seyed = np.array([seyed_latin(spec, False) + " ", seyed_latin(spec, True) + " "], dtype=object)
    return given, surnames, seyed


@lru_cache(maxsize=None)
def script_pool(style: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(given names, surnames, [سید, سیده]) in one Persian-script style, indexed by code."""
    spec = SCRIPT_STYLES[style]
    given = np.array([write_script(fa, spec) for fa, _ in GIVEN], dtype=object)
    surnames = np.array([write_script(fa, spec) for fa, _ in build_surnames()], dtype=object)
    seyed = np.array([write_script(s, spec) + " " for s in SEYED_FA], dtype=object)
    return given, surnames, seyed


Pool = Callable[[str], tuple[np.ndarray, np.ndarray, np.ndarray]]


def stacked(styles: tuple[tuple[str, float], ...], pool: Pool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each pool part stacked into a (n_styles, n_codes) array for fancy indexing."""
    parts = [pool(name) for name, _ in styles]
    given, surnames, seyed = (np.stack([p[i] for p in parts]) for i in range(3))
    return given, surnames, seyed
