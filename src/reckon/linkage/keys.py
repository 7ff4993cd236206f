"""Name keys for linkage: the one place that talks to ``reckon.names``.

Every name, in Persian script or in any Latin spelling, becomes a key in one Latin key
alphabet (``latin_key`` / ``romanize``), so a list written in Persian can be compared
with a list written in English. Persian script leaves short vowels unwritten, so the
model also compares *skeletons* (the consonants of each word), on which "Mohammad
Hosseini" and "محمد حسینی" agree. ``reckon.names`` owns the rules; this module only
applies them to whole columns, once per distinct value (names repeat a lot).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd

from reckon.names import latin_key, match_key, romanize

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATER_VOWELS = re.compile(r"[aeiou]")
_INITIAL_VOWEL = re.compile(r"^[aeiou]")
_DOUBLED = re.compile(r"(.)\1+")


def has_arabic_script(text: str) -> bool:
    return bool(_ARABIC_SCRIPT.search(text))


def name_key(text: str) -> str:
    """One key for a name in either script (romanised if it is Persian/Arabic script)."""
    return romanize(text) if has_arabic_script(text) else latin_key(text)


def skeleton(key: str) -> str:
    """The consonants of each word of a key, for comparing spellings across scripts.

    A word's first letter is kept, an initial vowel as 'a' (script writes it as alef or
    ayn whatever its sound: اصفهان = Isfahan). A v inside a word is dropped: و is a
    vowel or a consonant by position, and lists read it both ways (پویا = Puya = Pouya,
    ابوالفضل = Abolfazl). -nejad/-nezhad/نژاد keep one form (nzd). A doubled consonant is one.
    """
    words = []
    for word in key.split():
        first, rest = word[:1], _LATER_VOWELS.sub("", word[1:]).replace("v", "")
        words.append(_DOUBLED.sub(r"\1", _INITIAL_VOWEL.sub("a", first) + rest).replace("njd", "nzd"))
    return " ".join(words)


def coarse_key(text: str) -> str:
    """A coarse, script-independent key of a full name for blocking."""
    return match_key(text)


def key_column(values: pd.Series, function: Callable[[str], str]) -> pd.Series:
    """Apply a key function to a text column, once per distinct value; blanks become NULL."""
    text = values.astype("string").str.strip()
    text = text.where(text.str.len() > 0)
    distinct = text.dropna().unique()
    mapping = {value: (function(value) or None) for value in distinct}
    return text.map(mapping).astype("string")
