"""Fold Latin transliterations of Persian/Arabic names to a phonetic key.

The same person is "Mohammad Hosseini", "Muhammad Husseini" or "Mohammed Hoseyni"
depending on who typed the list. `latin_key` maps each spelling onto a small
alphabet in which these agree: one letter per sound class (kh -> x, gh/q -> q,
sh/ch -> c), doubled letters single, vowels folded to a/i/u, the Arabic article
and "eh/ah" endings dropped. The same alphabet is what `romanize` produces from
Persian script, so the two sides can be compared.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

# Honorifics that precede a name (lower case, letters only).
LATIN_TITLES = frozenset(
    ["seyed", "seyyed", "sayyid", "sayed", "sayyed", "syed", "seyyid", "sayid", "seid",
     "seyedeh", "seyyedeh", "sayyida", "sayeda", "syeda",
     "haj", "hajj", "haji", "hajji", "hadj", "hadji", "hajieh", "hajiyeh", "hajja",
     "shahid", "shaheed", "martyr", "dr", "mr", "mrs", "ms", "miss", "agha", "aqa", "khanom"]
)
# Spellings too far from the rules below to be caught by them (hand-picked forms).
_ALIASES = {
    "mohd": "muhamad", "muhd": "muhamad", "md": "muhamad", "mamad": "muhamad",
    "mammad": "muhamad", "mamadali": "muhamadali", "mehmet": "muhamad", "mehmed": "muhamad",
}
# Second halves of compounds that are often written apart: "Tabrizi Zadeh", "Hassan Pour".
_JOINING_SUFFIXES = frozenset(["zadeh", "zade", "zada", "pour", "pur", "poor", "nejad", "nezhad",
                               "nia", "far", "vand", "allah", "ollah", "ullah", "olah", "ulah",
                               "eddin", "uddin", "oddin", "addin", "aldin", "eldin", "al", "el"])
# First halves that attach to the next word: "Abdol Reza", "Abu Bakr", "Al Ahmad".
_JOINING_PREFIXES = frozenset(["abd", "abdul", "abdol", "abdel", "abdal", "abdu", "abu", "abou",
                               "al", "el", "ul", "ol", "bani", "beni"])

_NOT_LETTER = re.compile(r"[^a-z]+")
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02be\u02bf]")
_DOUBLED = re.compile(r"(.)\1+")
_DOUBLED_CONSONANT = re.compile(r"([^aeiou])\1+")

# Prefix rewrites run before doubled letters collapse (they need "rr" in Abdurrahman).
_PREFIX_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"^abd[aeiou]*l(?=[a-z])", "abdl"),  # Abdol/Abdul/Abdel/Abd al- -> one prefix
        (r"^abd[aeiou]+(?=(r|n|s|z|t|d)\1)", "abdl"),  # sun-letter assimilation: Abdurrahman
        (r"^abd(?=[aeiou])", "abdl"),  # Abdallah
        (r"^(?:a|e|u|o)l(?=[b-df-hj-np-tv-z])(?=.{4})", ""),  # article: al-, el-, ol-
    ]
]
_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"(?<=.)[ae]h$", "a"),  # silent final he: -eh/-ah -> one ending
        (r"ck|c(?!h)", "k"),
        (r"tch", "c"),
        (r"dj", "j"),
        (r"sh|ch|sch", "c"),
        (r"kh", "x"),
        (r"gh|q|kq", "q"),
        (r"zh|dh|dz", "z"),
        (r"th", "s"),
        (r"ph", "f"),
        (r"w", "v"),
        (r"(?<=[aeiou])v(?![aeiouy])", "u"),  # ow/aw before a consonant is a vowel
        (r"ou|oo|uo|o", "u"),
        (r"ee|ie|iy|yi", "i"),
        (r"ae|ea", "i"),  # Saeed, Raeisi: a vowel pair over ع/ئ and ی
        (r"(?<=.)y", "i"),  # y inside a word is ی written as a vowel: Hosseyn, Maryam, -y
        (r"[ae]i|ai", "i"),  # Hossein/Husain/Hosseyn
        (r"e", "a"),  # e/a: Mohammed/Mohammad, Fatemeh/Fatemah
    ]
]


def fold_ascii(text: str) -> str:
    """Lower-case ASCII letters with accents folded; other characters become spaces."""
    text = _APOSTROPHES.sub("", anyascii(text).lower())
    return _NOT_LETTER.sub(" ", _APOSTROPHES.sub("", text)).strip()


@lru_cache(maxsize=1_000_000)
def normalize_latin(text: str) -> str:
    """Lower case, accents folded, punctuation to spaces, leading titles removed.

    >>> normalize_latin("Seyyed Ali-Reza Hosseïni")
    'ali reza hosseini'
    """
    words = fold_ascii(text).split()
    start = 0
    while start < len(words) - 1 and words[start] in LATIN_TITLES:
        start += 1
    return " ".join(words[start:])


def name_tokens(name: str) -> list[str]:
    """The words of a name after `normalize_latin` (Latin) or script folding (script)."""
    from reckon.names.script import normalize_script, is_script

    if is_script(name):
        return normalize_script(name).split()
    return normalize_latin(name).split()


@lru_cache(maxsize=1_000_000)
def word_key(word: str) -> str:
    """The phonetic key of one lower-case ASCII word."""
    word = _ALIASES.get(word, word)
    for pattern, replacement in _PREFIX_REWRITES:
        word = pattern.sub(replacement, word)
    word = _DOUBLED_CONSONANT.sub(r"\1", word)
    for pattern, replacement in _REWRITES:
        word = pattern.sub(replacement, word)
    return _DOUBLED.sub(r"\1", word)


def join_compounds(words: list[str]) -> list[str]:
    """Attach compound halves that lists write apart ("Abdol Reza", "Hassan Zadeh")."""
    joined: list[str] = []
    for word in words:
        if joined and (word in _JOINING_SUFFIXES or joined[-1] in _JOINING_PREFIXES):
            joined[-1] += word
        else:
            joined.append(word)
    return joined


@lru_cache(maxsize=1_000_000)
def latin_key(name: str) -> str:
    """The folded phonetic key of a Latin-script name, word by word.

    >>> latin_key("Mohammad Hosseini") == latin_key("Muhammed Husseyni")
    True

    Hyphenated compounds are joined (Mohammad-Reza -> one word); spaced ones are
    joined only for known halves (-zadeh, -pour, Abdol-, -allah); `name_similarity`
    also compares the joined name, so "Mohammad Reza" still matches "Mohammadreza".
    """
    joined_hyphens = re.sub(r"\s*[-\u2010\u2011]\s*", "", name)  # Ali-Reza is one given name
    return " ".join(word_key(w) for w in join_compounds(normalize_latin(joined_hyphens).split()))
