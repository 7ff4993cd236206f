"""Fold Persian/Arabic-script names to one canonical spelling.

Two lists rarely write a name the same way: Arabic or Persian keyboards (ي/ی, ك/ک),
hamza seats (أ إ ؤ ئ), optional diacritics, tatweel, and compounds written joined,
spaced or with a zero-width non-joiner (عبدالله / عبد الله / عبد‌الله). The folded
form keeps only what distinguishes names, so equal names fold to equal strings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reckon.names.compounds import join_halves

# Letter variants folded to the one Persian form (Arabic keyboards give the first ones).
_LETTER_FOLDS = {
    "\u064a": "\u06cc",  # ي Arabic yeh -> ی
    "\u0649": "\u06cc",  # ى alef maksura -> ی
    "\u0626": "\u06cc",  # ئ yeh with hamza -> ی
    "\u06d0": "\u06cc",  # ې
    "\u06d2": "\u06cc",  # ے Urdu yeh barree -> ی
    "\u0643": "\u06a9",  # ك Arabic kaf -> ک
    "\u06aa": "\u06a9",  # ڪ swash kaf -> ک
    "\u0629": "\u0647",  # ة teh marbuta -> ه
    "\u06c0": "\u0647",  # ۀ heh with yeh above -> ه
    "\u06d5": "\u0647",  # ە ae -> ه
    "\u06be": "\u0647",  # ھ heh doachashmee -> ه
    "\u06c1": "\u0647",  # ہ heh goal (Urdu) -> ه
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0622": "\u0627",  # آ -> ا
    "\u0671": "\u0627",  # ٱ alef wasla -> ا
    "\u0672": "\u0627",
    "\u0673": "\u0627",
    "\u0624": "\u0648",  # ؤ -> و
    "\u0621": "",  # ء lone hamza carries no letter of its own
    "\u0640": "",  # tatweel (kashida) only stretches the line
}
# Persian (۰-۹) and Arabic-Indic (٠-٩) digits -> ASCII.
for _i in range(10):
    _LETTER_FOLDS[chr(0x06F0 + _i)] = str(_i)
    _LETTER_FOLDS[chr(0x0660 + _i)] = str(_i)

# Repairs before anything compares text. NFC composes the Arabic letters with hamza and
# madda (ا + U+0653 -> آ, و + U+0654 -> ؤ, ي + U+0654 -> ئ, ە + U+0654 -> ۀ), but the
# letters a Persian keyboard types are not their bases: the hamza mark on Persian yeh or
# on heh stays a separate mark in every normal form, so these pairs are composed here.
PERSIAN_COMPOSITIONS: tuple[tuple[str, str], ...] = (
    ("\u06cc\u0654", "\u0626"),  # ی + hamza above -> ئ
    ("\u0649\u0654", "\u0626"),  # ى + hamza above -> ئ
    ("\u0647\u0654", "\u06c0"),  # ه + hamza above -> ۀ
)
# Characters that show nothing and mean nothing in a name or a place: the object
# placeholder and replacement character, zero-width space and joiner, direction marks,
# embeddings and isolates, the Arabic letter mark, BOM, word joiner, soft hyphen.
# ZWNJ (U+200C) is not among them: it belongs to Persian spelling (comparisons fold it).
INVISIBLE = "[\ufffc\ufffd\u200b\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\u2060\u00ad]"
# ZWNJ (U+200C) only joins letters: doubled, next to a space or at either end it is noise.
# (Patterns without look-arounds, so that Arrow's RE2 runs them on whole columns too.)
ZWNJ_REPAIRS: tuple[tuple[str, str], ...] = (
    ("\u200c{2,}", "\u200c"),
    ("\u200c+\\s+\u200c*|\\s+\u200c+", " "),
    ("^\u200c+|\u200c+$", ""),
)
_INVISIBLE = re.compile(INVISIBLE)
_ZWNJ_REPAIRS = tuple((re.compile(pattern), replacement) for pattern, replacement in ZWNJ_REPAIRS)


def repair_text(text: str, *, compatibility: bool = True) -> str:
    """Text as it should have been stored: a Unicode normal form (NFKC for names and places,
    which also folds Arabic presentation forms and ligatures; NFC with ``compatibility=False``),
    the Persian compositions no normal form makes, invisible characters removed, stray ZWNJ
    dropped. Comparisons fold further (``normalize_script``); this is what is stored."""
    text = unicodedata.normalize("NFKC" if compatibility else "NFC", text)
    for pair, letter in PERSIAN_COMPOSITIONS:
        text = text.replace(pair, letter)
    text = _INVISIBLE.sub("", text)
    for pattern, replacement in _ZWNJ_REPAIRS:
        text = pattern.sub(replacement, text)
    return text


# Harakat, tanwin, shadda, sukun, superscript alef and Quranic marks: not written in lists.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
# ZWNJ, ZWJ, direction marks and odd spaces all separate words the same way.
_SEPARATORS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\u00a0\ufeff]")
_NON_LETTER = re.compile(r"[^\w]+|_")
_TRANSLATE = str.maketrans(_LETTER_FOLDS)

# Honorifics that precede a name but are not part of it (folded spellings: آقای -> اقای).
SCRIPT_TITLES = frozenset(
    ["سید", "سیده", "حاج", "حاجی", "حاجیه", "شهید", "شهیده", "مرحوم", "مرحومه",
     "اقای", "خانم", "دکتر", "مهندس", "شیخ"]
)
# Second halves of compounds that attach to the word before them (written joined or not).
JOINING_SUFFIXES = _JOINING_SUFFIXES = frozenset(["الله", "اله", "الدین", "الدوله", "زاده", "پور", "نژاد", "نیا", "فر", "وند"])
# First halves that attach to the word after them.
_JOINING_PREFIXES = frozenset(["عبد", "عبدال", "ابو", "ال", "بنی", "بن"])


def fold_letters(text: str) -> str:
    """Fold letter variants, digits and diacritics; keep word boundaries as they are."""
    text = _DIACRITICS.sub("", text.translate(_TRANSLATE))
    return _SEPARATORS.sub(" ", text)


def script_tokens(text: str) -> list[str]:
    """Folded words of a script name, compounds joined, leading titles removed."""
    words = [w for w in _NON_LETTER.split(fold_letters(text)) if w]
    words = _strip_titles(words)
    return join_halves(words, _JOINING_PREFIXES, _JOINING_SUFFIXES)


@lru_cache(maxsize=65_536)
def normalize_script(text: str) -> str:
    """The canonical folded spelling of a Persian/Arabic-script name.

    >>> normalize_script("عبد‌الله") == normalize_script("عبدالله")
    True
    """
    return " ".join(script_tokens(text))


def _strip_titles(words: list[str]) -> list[str]:
    """Drop leading honorifics, but never the last word (سید alone may be a name)."""
    start = 0
    while start < len(words) - 1 and words[start] in SCRIPT_TITLES:
        start += 1
    return words[start:]




_SCRIPT_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def is_script(text: str) -> bool:
    """True when the text contains Arabic-block letters (Persian, Arabic, Urdu)."""
    return _SCRIPT_LETTER.search(text) is not None
