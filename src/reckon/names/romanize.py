"""Persian/Arabic script -> the key alphabet of `latin_key`.

Script writes consonants and the long vowels (ا و ی) but not the short ones, so the
key of "حسین" is "hsin" while the Latin key of "Hossein" is "husin": the two agree on
their consonants (see `keys.skeleton`).
"""

from __future__ import annotations

from functools import lru_cache

from reckon.names.script import script_tokens

# One sound class per letter, the same classes `latin_key` uses (sh/ch -> c, kh -> x, gh/q -> q).
_CONSONANTS = {
    "ب": "b", "پ": "p", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "j",
    "چ": "c", "ح": "h", "خ": "x", "د": "d", "ذ": "z", "ر": "r", "ز": "z", "ژ": "z",
    "ض": "z", "ظ": "z", "ش": "c", "غ": "q", "ق": "q", "ف": "f", "ک": "k", "گ": "g",
    "ل": "l", "م": "m", "ن": "n",
    # Urdu and Maghrebi letters met in the same lists
    "ٹ": "t", "ڈ": "d", "ڑ": "r", "ں": "n", "ڤ": "v", "ڨ": "g", "ڭ": "g",
}
_VOWEL_LETTERS = "اوی"


def _letter_key(word: str, i: int) -> str:
    """The key of the i-th letter of a folded script word, which depends on its neighbours."""
    letter = word[i]
    first, last = i == 0, i == len(word) - 1
    nxt = word[i + 1] if not last else ""
    if letter in _CONSONANTS:
        return _CONSONANTS[letter]
    if letter == "ا":
        return "a"
    if letter == "ع":
        return "a" if first else ""  # ain: an initial vowel in Latin, silent inside
    if letter == "ه":
        return "a" if last and i > 0 else "h"  # silent final he: -eh/-ah
    if letter == "و":
        consonant = first or word[i - 1] == "ا" or (nxt in _VOWEL_LETTERS and nxt != "")
        return "v" if consonant else "u"
    if letter == "ی":
        return "y" if first and len(word) > 1 and nxt != "ی" else "i"
    return letter if letter.isascii() and letter.isalpha() else ""


@lru_cache(maxsize=262_144)
def romanize_word(word: str) -> str:
    """Key of one folded script word (no spaces)."""
    if word.startswith("عبد") and len(word) > 3:
        rest = word[5:] if word.startswith("عبدال") and len(word) > 6 else word[3:]
        return _dedouble("abdl" + _word_body(rest))
    if word.startswith("ال") and len(word) > 3 and word[2] != "ی" and word != "الله":
        word = word[2:]  # the article, as latin_key drops al-/el-
    return _dedouble(_word_body(word))


def _word_body(word: str) -> str:
    if len(word) > 2 and word[0] == "ا" and word[1] in "وی":
        # initial ای/او is one vowel: Iraj ایرج, Ostad اوستا
        return ("i" if word[1] == "ی" else "u") + "".join(_letter_key(word, i) for i in range(2, len(word)))
    return "".join(_letter_key(word, i) for i in range(len(word)))


def _dedouble(key: str) -> str:
    out = []
    for ch in key:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65_536)
def romanize(script_name: str) -> str:
    """A Persian/Arabic-script name in the key alphabet of `latin_key`, word by word.

    >>> romanize("محمد حسینی")
    'mhmd hsini'
    """
    return " ".join(romanize_word(w) for w in script_tokens(script_name))
