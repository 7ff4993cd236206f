"""Weighted edit distance between word keys, aware of unwritten short vowels.

Keys use one alphabet (see `latin`): consonant classes in lower case, vowels a/i/u.
In a Latin key, capitals A/I/U mark vowels that must have been written in script
(ou, ee, a final -i, an initial vowel); lower-case vowels may be short, and a short
vowel missing from the script spelling costs nothing — script does not write it.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numba import njit

# E: a script final ی, read -i (Karimi) or -a (Mostafa, Huda); O: a script initial ا or ع,
# which Latin writes as any vowel (Ebrahim, Ismail, Omid).
VOWELS = frozenset("aiueAIUEO")
SEMIVOWELS = {"v": "u", "y": "i"}  # و and ی are consonant or vowel: Pouya پویا, Kian کیان
# Consonant classes that spellings confuse, and what swapping them costs (1 otherwise).
# Chosen on the development pairs: k/q and g/j (Kasem/Qasem, Gamal/Jamal) are almost
# always the same name; sh/s or t/d almost never. b/p and g/k: Arabic keyboards lack پ گ.
# Persian ژ is written j or zh (Mojgan/Mozhgan, Pejman/Pezhman); خ is k or kh in
# South-Asian spellings (Khokar/Khokhar).
CLOSE_CONSONANTS = {
    frozenset("kq"): 0.15, frozenset("gj"): 0.15, frozenset("gq"): 0.3,
    frozenset("dz"): 0.4, frozenset("sz"): 0.5, frozenset("bp"): 0.5, frozenset("gk"): 0.5,
    frozenset("jz"): 0.4, frozenset("kx"): 0.4,
}
# Against script only: Latin "th" (read as ث, s) may be ت + ه as in Fathi فتحی.
CROSS_SCRIPT_CLOSE_CONSONANTS = {**CLOSE_CONSONANTS, frozenset("st"): 0.4}
# Between Latin spellings d/z (ذ ض ظ: Dhiaa/Ziaa/Diaa) is closer still.
LATIN_CLOSE_CONSONANTS = {**CLOSE_CONSONANTS, frozenset("dz"): 0.3}
# One Latin vowel for another, by quality (o is u in keys), chosen on the development
# pairs: Latin e stands for a or i (Mohammed/Mohammad, Kazem/Kazim, Mohsen/Muhsin), a for
# u is common (Morteza/Murtaza), a for i less so (Badar/Badir), i for u rare (Zahir/Zahur).
VOWEL_CHANGE_COST = {frozenset("ae"): 0.1, frozenset("ei"): 0.05, frozenset("eu"): 0.15,
                     frozenset("au"): 0.2, frozenset("iu"): 0.5, frozenset("ai"): 0.3}
SHORT_LONG_CHANGE_COST = 0.3  # added when a short vowel stands for a written long one of another quality
LONG_VOWEL_CHANGE_COST = 0.2  # one written long vowel for another (Ashur/Ashir)
# Against script a vowel is certain: ی read as a Latin "a" means another name (Hosseini/Hassani)
SCRIPT_VOWEL_CHANGE_COST = 0.8
SEMIVOWEL_COST = 0.2
LONG_VOWEL_COST = 0.8  # a written long vowel (script vowel, Latin capital) left unmatched
# A Latin ou/ee/-i with no vowel letter in the script name: strong evidence of another
# name (Mahmoud vs محمد, Hossein vs حسن), because script always writes long vowels.
LATIN_LONG_VS_SCRIPT_COST = 1.0
SHORT_VOWEL_COST = {True: 0.0, False: 0.3}  # an unwritten vowel: free against script, cheap in Latin
# Between Latin spellings, by vowel: a dropped short e or u is common (Ahmed/Ahamed), a
# dropped a less (Arafa/Arfa), a dropped i rare (Sadeqi/Sedqi, Samira/Samra are other names).
LATIN_SHORT_VOWEL_COST = {"a": 0.4, "e": 0.3, "i": 0.6, "u": 0.3}


def _latin_delete_cost(ch: str, other_is_script: bool) -> float:
    """Cost of leaving a Latin key letter unmatched."""
    if ch not in VOWELS:
        return 1.0
    if ch.isupper():
        return LATIN_LONG_VS_SCRIPT_COST if other_is_script else LONG_VOWEL_COST
    return SHORT_VOWEL_COST[True] if other_is_script else LATIN_SHORT_VOWEL_COST.get(ch, SHORT_VOWEL_COST[False])


def _substitute_cost(x: str, y: str, across_scripts: bool = False) -> float:
    if x == y:
        return 0.0
    lx, ly = x.lower(), y.lower()
    if lx == ly:
        return 0.0
    x_vowel, y_vowel = x in VOWELS, y in VOWELS
    if x_vowel and y_vowel:
        if across_scripts:
            # E, O: script final ی and initial ا/ع (Latin e is read as a against script)
            if "o" in (lx, ly) or ("e" in (lx, ly) and ({lx, ly} - {"e"}) <= {"i", "a"}):
                return 0.0
            return SCRIPT_VOWEL_CHANGE_COST
        longs = x.isupper() + y.isupper()
        if longs == 2:
            return LONG_VOWEL_CHANGE_COST
        change = VOWEL_CHANGE_COST.get(frozenset((lx, ly)), 0.3)
        return change + SHORT_LONG_CHANGE_COST if longs == 1 else change
    if x_vowel or y_vowel:
        return SEMIVOWEL_COST if SEMIVOWELS.get(lx) == ly or SEMIVOWELS.get(ly) == lx else 1.0
    close = CROSS_SCRIPT_CLOSE_CONSONANTS if across_scripts else LATIN_CLOSE_CONSONANTS
    return close.get(frozenset((lx, ly)), 1.0)


_SCRIPT_VOWELS_LONG = str.maketrans("aiu", "AIU")


def as_written(script_key: str) -> str:
    """A script word key with its vowels marked long, a final ی after a consonant as E
    and an initial alef or ain as O."""
    key = script_key.translate(_SCRIPT_VOWELS_LONG)
    if len(key) > 1 and key[-1] == "I" and key[-2] not in VOWELS:
        key = key[:-1] + "E"
    if len(key) > 1 and key[0] == "A":
        key = "O" + key[1:]
    return key


_ALPHABET = "abcdefghijklmnopqrstuvwxyzAEIOU"


def _substitution_matrix(across_scripts: bool) -> np.ndarray:
    """Substitution costs indexed by character code; outside the key alphabet, 1."""
    substitution = np.ones((128, 128))
    np.fill_diagonal(substitution, 0.0)
    for x in _ALPHABET:
        for y in _ALPHABET:
            substitution[ord(x), ord(y)] = _substitute_cost(x, y, across_scripts)
    return substitution


def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The deletion-cost tables (script, Latin against script, Latin against Latin)."""
    script, latin_vs_script, latin_vs_latin = np.ones(128), np.ones(128), np.ones(128)
    for ch in _ALPHABET:
        script[ord(ch)] = LONG_VOWEL_COST if ch in VOWELS else 1.0
        latin_vs_script[ord(ch)] = _latin_delete_cost(ch, True)
        latin_vs_latin[ord(ch)] = _latin_delete_cost(ch, False)
    return script, latin_vs_script, latin_vs_latin


_DELETE_SCRIPT, _DELETE_LATIN_VS_SCRIPT, _DELETE_LATIN_VS_LATIN = _tables()
_SUBSTITUTION = {False: _substitution_matrix(False), True: _substitution_matrix(True)}


def _delete_table(is_script: bool, other_is_script: bool) -> np.ndarray:
    if is_script:
        return _DELETE_SCRIPT
    return _DELETE_LATIN_VS_SCRIPT if other_is_script else _DELETE_LATIN_VS_LATIN


def _codes(key: str) -> np.ndarray:
    return np.frombuffer(key.encode("ascii", "replace"), dtype=np.uint8) & 127


@njit(cache=True)
def _edit_cost(a, b, delete_a, delete_b, substitution):  # pragma: no cover - compiled
    """Weighted edit cost of a -> b, and the total deletion weight of each side."""
    m = len(b)
    previous = np.empty(m + 1)
    current = np.empty(m + 1)
    previous[0] = 0.0
    for j in range(m):
        previous[j + 1] = previous[j] + delete_b[b[j]]
    weight_a = 0.0
    for i in range(len(a)):
        delete_x = delete_a[a[i]]
        weight_a += delete_x
        current[0] = previous[0] + delete_x
        for j in range(m):
            best = previous[j] + substitution[a[i], b[j]]
            if previous[j + 1] + delete_x < best:
                best = previous[j + 1] + delete_x
            if current[j] + delete_b[b[j]] < best:
                best = current[j] + delete_b[b[j]]
            current[j + 1] = best
        previous, current = current, previous
    weight_b = 0.0
    for j in range(m):
        weight_b += delete_b[b[j]]
    return previous[m], weight_a, weight_b


@lru_cache(maxsize=262_144)
def key_similarity(a: str, b: str, a_script: bool, b_script: bool) -> float:
    """1 - (weighted edit cost / weight of the heavier key), in [0, 1]."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if a_script:
        a = as_written(a)
    elif b_script:
        a = a.replace("e", "a")
    if b_script:
        b = as_written(b)
    elif a_script:
        b = b.replace("e", "a")
    cost, weight_a, weight_b = _edit_cost(
        _codes(a), _codes(b), _delete_table(a_script, b_script), _delete_table(b_script, a_script),
        _SUBSTITUTION[a_script != b_script],
    )
    return max(0.0, 1.0 - cost / max(weight_a, weight_b, 1.0))
