"""Name keys: what linkage compares, one Latin key alphabet whatever the script.

    name_key("Mohammad Hosseini")          -> "muhamad husini"
    name_key("محمد حسینی")                 -> "mhmd hsini"   (script writes no short vowel)
    skeleton("muhamad husini")             -> "mhmd hsn"     (equal for both spellings)
    joined_skeleton("muhamad rza")         -> "mhmdrz"       (compounds joined or apart agree)
    coarse_key("Hosseini Mohammad")        -> "hsn mhmd"     (blocking: any script, any word order)

Linkage puts these keys into columns (see `series.key_column`) and its model compares
them: the same key, the same skeleton, or skeletons close by Jaro-Winkler.
"""

from __future__ import annotations

import re

from reckon.names.latin import latin_key
from reckon.names.romanize import romanize
from reckon.names.script import is_script

_VOWELS = re.compile(r"[aeiou]")
_INITIAL_VOWEL = re.compile(r"^[aeiou]")
_DOUBLED = re.compile(r"(.)\1+")


def name_key(text: str) -> str:
    """One key for a name in either script (romanised if it is Persian/Arabic script)."""
    return romanize(text) if is_script(text) else latin_key(text)


def _consonants(word: str) -> str:
    """A word key's first letter, an initial vowel as 'a', then the consonants after it.

    Script writes an initial vowel as alef or ayn whatever its sound (اصفهان = Isfahan),
    and no short vowel after it.
    """
    return _INITIAL_VOWEL.sub("a", word[:1]) + _VOWELS.sub("", word[1:])


def skeleton(key: str) -> str:
    """The consonants of each word of a key, for comparing spellings across scripts.

    On top of `_consonants`: a v inside a word is dropped (و is a vowel or a consonant
    by position, and lists read it both ways: پویا = Puya = Pouya, ابوالفضل = Abolfazl),
    a doubled consonant is one, and -nejad/-nezhad/نژاد keep one form (nzd).
    """
    words = []
    for word in key.split():
        consonants = _consonants(word)
        consonants = consonants[:1] + consonants[1:].replace("v", "")
        words.append(_DOUBLED.sub(r"\1", consonants).replace("njd", "nzd"))
    return " ".join(words)


def joined_skeleton(key: str) -> str:
    """`skeleton` without spaces: compounds are written joined or apart (Mohammadirad, Mohammadi Rad)."""
    return _DOUBLED.sub(r"\1", skeleton(key).replace(" ", ""))


def coarse_key(text: str) -> str:
    """A blocking key of a full name, equal across scripts and word order.

    The consonants of the first and last word, sorted, so that a surname-first list
    gets the same key: coarse_key("Hosseini Mohammad") == coarse_key("محمد حسینی").
    It keeps what `skeleton` folds (an inner v, doubled consonants): the blocking rules
    were measured with this finer key.
    """
    return coarse_of_key(name_key(text))


def coarse_of_key(key: str) -> str:
    """`coarse_key` of a name already keyed by `name_key`."""
    words = key.lower().split()
    if not words:
        return ""
    return " ".join(sorted({_consonants(words[0]), _consonants(words[-1])}))
