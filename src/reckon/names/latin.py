"""Fold Latin transliterations of Persian/Arabic names to a phonetic key.

The same person is "Mohammad Hosseini", "Muhammad Husseini" or "Mohammed Hoseyni"
depending on who typed the list. `latin_key` maps each spelling onto a small
alphabet in which these agree: one letter per sound class (kh -> x, gh/q -> q,
sh/ch -> c), doubled letters single, vowels folded to a/i/u, the Arabic article
dropped and "-eh/-ah/-e" endings made one. The same alphabet is what `romanize`
produces from Persian script, so the two sides can be compared.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

from reckon.names.compounds import join_halves
from reckon.names.script import is_script, normalize_script

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
JOINING_SUFFIXES = _JOINING_SUFFIXES = frozenset(["zadeh", "zade", "zada", "pour", "pur", "poor", "nejad", "nezhad",
                               "nia", "far", "vand", "allah", "ollah", "ullah", "olah", "ulah",
                               "eddin", "uddin", "oddin", "addin", "aldin", "eldin"])
# First halves that attach to the next word: "Abdol Reza", "Abu Bakr", "Al Ahmad".
_JOINING_PREFIXES = frozenset(["abd", "abdul", "abdol", "abdel", "abdal", "abdu", "abu", "abou",
                               "al", "el", "ul", "ol", "bani", "beni", "ben", "bin", "ibn", "ebn"])

_NOT_LETTER = re.compile(r"[^a-z]+")
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bb\u02bc\u02be\u02bf]")
_DOUBLED = re.compile(r"(.)\1+")
_DOUBLED_ANY_CASE = re.compile(r"(?i)(.)\1+")
_DOUBLED_CONSONANT = re.compile(r"([^aeiou])\1+")


def _initial_vowel(match: re.Match[str]) -> str:
    """An initial vowel is always written (ا or ع), so it is long whatever its spelling."""
    vowels = match.group(0)
    if vowels.startswith(("ou", "oo", "u")):
        return "U"
    return "I" if vowels.startswith(("i", "ee", "ey", "ei")) else "A"


# Prefix rewrites run before doubled letters collapse (they need "rr" in Abdurrahman).
_PREFIX_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"^abd[aeiou]*l(?=[a-z])", "abdl"),  # Abdol/Abdul/Abdel/Abd al- -> one prefix
        (r"^abd[aeiou]+(?=(r|n|s|z|t|d)\1)", "abdl"),  # sun-letter assimilation: Abdurrahman
        (r"^abd(?=[aeiou][a-z]{2,})(?![aeiou]+n)", "abdl"),  # Abdarahim; not Abdou, Abdeen
        (r"^(?:a|e|u|o)l(?=[b-df-hj-kmnp-tz])(?=.{3})", ""),  # article: al-, el-, ol-
        (r"^(?:a|e)l(?=y[aeiou].{2})", ""),  # al-Yami, El Yousfi
        (r"^e(?=([tdsrn])\1.{4})", ""),
        (r"^(?:ben|bin|ibnu?|ebn)(?=[a-z]{3})", "bn"),  # "son of": Ben Ali = Ibn Ali  # the article before a sun letter: Ettaieb, Errachid
    ]
]
_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"(?<=[aeiouy]n)e$", ""),  # French silent -e: Imane, Amine, Yassine
        (r"ae$", "a"),  # French -ae for a final hamza: Chaimae
        (r"(?<=[^aeou])[ae]h$|(?<=[^aeiou])e$", "a"),  # silent final he: -eh/-ah/-e -> one ending (-ie is ی)
        (r"que$", "q"),  # Siddique, Haque
        (r"c(?=[eiy])", "s"),  # French soft c: Nacer, Moncef, Lahcen
        (r"ck|c(?!h)", "k"),
        (r"tch", "c"),
        (r"(?<!ma)dj", "j"),  # French dj, but not Mohammad|javad, Ahmad|jan
        (r"sh|ch|sch", "c"),
        (r"kh", "x"),
        (r"gh|q|kq", "q"),
        (r"zh|(?<!ma)dh|dz", "z"),  # not Mohammad|hossein, Ahmad|hadi
        (r"th", "s"),
        (r"ph", "f"),
        (r"w", "v"),
        (r"ou(?=[aei])", "v"),  # French spelling of و as a consonant: Marouane, Houari, Touil
        (r"(?<=[aeiu])ou(?=[^aeiou]|$)", "vu"),  # Daoud, Raouf: a consonant و then long u
        (r"(?<=[aeiou])v(?![aeiouy])", "u"),  # ow/aw before a consonant is a vowel
        # Vowels: capitals mark spellings that can only stand for a written long vowel
        # (ا و ی); lower case ones may be short vowels, which script does not write.
        (r"^[aeiou]+", _initial_vowel),  # an initial vowel is always written (ا or ع)
        (r"ou|oo|uu|uo", "U"),
        (r"o", "u"),
        (r"i+e+$", "I"),  # Badiee, Marie
        (r"ee|ii|ie|iy|yi", "I"),
        (r"ae", "I"),  # Saeed, Raeisi: a vowel pair over ع/ئ and ی
        (r"(?<=.)y", "I"),  # y inside a word is ی: Hosseyn, Maryam, -y
        (r"[ae][iI]|[aA]I", "I"),  # Hossein/Husain/Hosseyn
        (r"i$", "I"),  # nisba -i is always written ی
        (r"aa", "a"),  # Saad, Maamoun: often an ain, not a long vowel
    ]
]


def fold_ascii(text: str) -> str:
    """Lower-case ASCII letters with accents folded; other characters become spaces."""
    text = _APOSTROPHES.sub("", anyascii(_APOSTROPHES.sub("", text)).lower())
    return _NOT_LETTER.sub(" ", text).strip()


@lru_cache(maxsize=65_536)
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
    if is_script(name):
        return normalize_script(name).split()
    return normalize_latin(name).split()


def _marked_word_key(word: str) -> str:
    """`word_key` before its last folding: spellings that can only stand for a written
    long vowel in capitals (A I U), which the later rewrites rely on, and e still e."""
    word = _ALIASES.get(word, word)
    for pattern, replacement in _PREFIX_REWRITES:
        word = pattern.sub(replacement, word)
    word = _DOUBLED_CONSONANT.sub(r"\1", word)
    for pattern, replacement in _REWRITES:
        word = pattern.sub(replacement, word)
    return _DOUBLED_ANY_CASE.sub(_keep_capital, word)


def _keep_capital(match: re.Match[str]) -> str:
    """One letter for a doubled run; long if any of it was long ("Ii" -> "I")."""
    run = match.group(0)
    return run[0].upper() if any(ch.isupper() for ch in run) else run[0]


@lru_cache(maxsize=262_144)
def word_key(word: str) -> str:
    """The phonetic key of one lower-case ASCII word (e is a: Mohammed = Mohammad)."""
    return _DOUBLED.sub(r"\1", _marked_word_key(word).lower().replace("e", "a"))


def join_compounds(words: list[str]) -> list[str]:
    """Attach compound halves that lists write apart ("Abdol Reza", "Hassan Zadeh")."""
    return join_halves(words, _JOINING_PREFIXES, _JOINING_SUFFIXES)


_ARTICLE = re.compile(r"(?<![a-z])(?<!abd[ -])(?:al|el|ul|ol)[ -](?=[a-z])", re.IGNORECASE)
_HYPHEN = re.compile(r"\s*[-\u2010\u2011]\s*")


def key_words(name: str) -> list[str]:
    """Folded words ready for keying: articles off, hyphenated and known compounds joined."""
    name = _HYPHEN.sub("", _ARTICLE.sub("", name))  # Ali-Reza is one given name
    return join_compounds(normalize_latin(name).split())


@lru_cache(maxsize=65_536)
def latin_key(name: str) -> str:
    """The folded phonetic key of a Latin-script name, word by word.

    >>> latin_key("Mohammad Hosseini") == latin_key("Muhammed Husseyni")
    True

    Hyphenated compounds are joined (Mohammad-Reza -> one word); spaced ones are
    joined only for known halves (-zadeh, -pour, Abdol-, -allah); `keys.joined_skeleton`
    drops the spaces, so "Mohammad Reza" still agrees with "Mohammadreza".
    """
    return " ".join(word_key(w) for w in key_words(name))
