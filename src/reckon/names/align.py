"""Weighted edit distance between word keys, aware of unwritten short vowels.

Keys use one alphabet (see `latin`): consonant classes in lower case, vowels a/i/u.
In a Latin key, capitals A/I/U mark vowels that must have been written in script
(ou, ee, a final -i, an initial vowel); lower-case vowels may be short, and a short
vowel missing from the script spelling costs nothing — script does not write it.
"""

from __future__ import annotations

from functools import lru_cache

VOWELS = frozenset("aiueAIUE")  # E: a script final ی, read -i (Karimi) or -a (Mostafa, Huda)
# Consonant classes that transliterations confuse (Kasem/Qasem, Gamal/Jamal, Zia/Dia).
_CLOSE = frozenset(
    frozenset(pair) for pair in ["kq", "jg", "sz", "td", "hx", "cs", "zd", "vf", "bp", "qg", "ts"]
)
CLOSE_COST = 0.4
VOWEL_CHANGE_COST = 0.3  # a short vowel for another vowel (Mohammad/Muhammad)
LONG_VOWEL_CHANGE_COST = 0.3  # one written long vowel for another (Ashur/Ashir)
LONG_VOWEL_COST = 0.8  # a written long vowel (script vowel, Latin capital) left unmatched
# A Latin ou/ee/-i with no vowel letter in the script name: strong evidence of another
# name (Mahmoud vs محمد, Hossein vs حسن), because script always writes long vowels.
LATIN_LONG_VS_SCRIPT_COST = 1.0
SHORT_VOWEL_COST = {True: 0.0, False: 0.4}  # an unwritten vowel: free against script, cheap in Latin


def _latin_delete_cost(ch: str, other_is_script: bool) -> float:
    """Cost of leaving a Latin key letter unmatched."""
    if ch not in VOWELS:
        return 1.0
    if ch.isupper():
        return LATIN_LONG_VS_SCRIPT_COST if other_is_script else LONG_VOWEL_COST
    return SHORT_VOWEL_COST[other_is_script]


def _substitute_cost(x: str, y: str) -> float:
    if x == y:
        return 0.0
    lx, ly = x.lower(), y.lower()
    if lx == ly:
        return 0.0
    x_vowel, y_vowel = x in VOWELS, y in VOWELS
    if x_vowel and y_vowel:
        if "e" in (lx, ly) and ({lx, ly} - {"e"}) <= {"i", "a"}:
            return 0.0
        return LONG_VOWEL_CHANGE_COST if x.isupper() and y.isupper() else VOWEL_CHANGE_COST
    if x_vowel or y_vowel:
        return 1.0
    return CLOSE_COST if frozenset((lx, ly)) in _CLOSE else 1.0


_SCRIPT_VOWELS_LONG = str.maketrans("aiu", "AIU")


def as_written(script_key: str) -> str:
    """A script word key with its vowels marked long, a final ی after a consonant as E."""
    key = script_key.translate(_SCRIPT_VOWELS_LONG)
    if len(key) > 1 and key[-1] == "I" and key[-2] not in VOWELS:
        key = key[:-1] + "E"
    return key


def _costs(key: str, is_script: bool, other_is_script: bool) -> list[float]:
    if is_script:
        return [LONG_VOWEL_COST if ch in VOWELS else 1.0 for ch in key]
    return [_latin_delete_cost(ch, other_is_script) for ch in key]


@lru_cache(maxsize=500_000)
def key_similarity(a: str, b: str, a_script: bool, b_script: bool) -> float:
    """1 - (weighted edit cost / weight of the heavier key), in [0, 1]."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if a_script:
        a = as_written(a)
    if b_script:
        b = as_written(b)
    del_a = _costs(a, a_script, b_script)
    del_b = _costs(b, b_script, a_script)
    previous = [0.0]
    for cost in del_b:
        previous.append(previous[-1] + cost)
    for i, x in enumerate(a):
        current = [previous[0] + del_a[i]]
        for j, y in enumerate(b):
            current.append(
                min(
                    previous[j] + _substitute_cost(x, y),
                    previous[j + 1] + del_a[i],
                    current[j] + del_b[j],
                )
            )
        previous = current
    weight = max(sum(del_a), sum(del_b), 1.0)
    return max(0.0, 1.0 - previous[-1] / weight)
