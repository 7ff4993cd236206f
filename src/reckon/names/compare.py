"""Compare two names in any mix of scripts: a score in [0, 1] and a yes/no.

Both names go to the key alphabet (`latin` / `romanize`). Keys are compared word by
word with a vowel-aware edit distance (`align`), tolerant of word order
(surname-first lists) and of compounds written joined or apart; the best reading wins.
"""

from __future__ import annotations

from functools import lru_cache

from reckon.names.align import VOWELS, as_written, key_similarity
from reckon.names.latin import key_words, marked_latin_key, marked_word_key, word_readings
from reckon.names.romanize import romanize
from reckon.names.script import is_script

# Thresholds tuned on the development half of the shared Wikidata pairs (bench_names).
DEFAULT_THRESHOLD = 0.83  # same script: Latin vs Latin (and script vs script)
CROSS_SCRIPT_THRESHOLD = 0.75  # script vs Latin: the script key has fewer letters to agree on
ENDING_PENALTY = 0.25
# Given names that join another in a Persian compound given name and that lists often
# leave out (Mohammad for Mohammad-Mahdi, Asghar for Ali-Asghar); keys, hand-picked.
# -eddin and -ollah are left out on purpose: Saif and Saifeddin are different names.
COMPOUND_HALVES = frozenset(["ali", "raza", "mahdi", "taqi", "hadi", "hasan", "husin", "amin",
                             "akbar", "asqar", "javad", "baqir", "sadiq", "muhamad"])
PARTIAL_COMPOUND_SCORE = 0.85
AFFIX_PENALTY = 0.05  # a Latin word read without an optional affix (see `latin.word_readings`)

# A word as compared: its key first, then the keys of its other readings (Latin only).
Word = tuple[str, ...]


@lru_cache(maxsize=65_536)
def name_key(name: str) -> tuple[str, bool]:
    """(key, from_script). Latin keys keep long vowels in capitals (see `align`)."""
    if is_script(name):
        return romanize(name), True
    return marked_latin_key(name), False


@lru_cache(maxsize=262_144)
def skeleton(key: str) -> str:
    """Consonants of a word key, a leading vowel kept as one mark ("ali" -> "al")."""
    key = key.lower()
    if not key:
        return ""
    head = "a" if key[0] in VOWELS else key[0]
    return head + "".join(ch for ch in key[1:] if ch not in VOWELS)


@lru_cache(maxsize=262_144)
def word_similarity(a: str, b: str, a_script: bool, b_script: bool) -> float:
    """Similarity of two word keys, less a penalty when their endings disagree."""
    if a.lower() == b.lower():
        return 1.0
    if not a or not b:
        return 0.0
    if a_script != b_script:  # against script, Latin e is a (script writes no short vowel)
        a, b = (a, _plain(b)) if a_script else (_plain(a), b)
        if a.lower() == b.lower():
            return 1.0
    if not a_script and not b_script and _is_compound_part(_plain(a).lower(), _plain(b).lower()):
        return PARTIAL_COMPOUND_SCORE
    if a[:4].lower() == b[:4].lower() == "abdl" and len(a) > 4 and len(b) > 4:
        a, b = a[4:], b[4:]  # Abd-compounds differ only in what follows "Abdol"
    return key_similarity(a, b, a_script, b_script) - _ending_penalty(a, b, a_script, b_script)


def _plain(latin_key: str) -> str:
    """A marked Latin word key with e read as a, as in `latin_key` (long vowels stay marked)."""
    return latin_key.replace("e", "a")


def _is_compound_part(a: str, b: str) -> bool:
    """True when one word is the other plus a known compound half (Mohammad / Mohammadmahdi)."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 3:
        return False
    if long.startswith(short):
        return long[len(short):] in COMPOUND_HALVES
    return long.endswith(short) and long[: len(long) - len(short)] in COMPOUND_HALVES


def _ending_penalty(a: str, b: str, a_script: bool, b_script: bool) -> float:
    """Nisba -i and feminine -a endings tell names apart (Mansur/Mansuri, Mubarak/Mubaraka)."""
    a = as_written(a) if a_script else _plain(a)
    b = as_written(b) if b_script else _plain(b)
    end_a, end_b = a[-1].lower(), b[-1].lower()
    vowel_a, vowel_b = end_a in VOWELS, end_b in VOWELS
    if vowel_a and vowel_b:
        differ = end_a != end_b and "i" in (end_a, end_b) and "e" not in (end_a, end_b)
        return ENDING_PENALTY if differ else 0.0
    if vowel_a == vowel_b:
        return 0.0
    if a_script != b_script:
        latin_end = b[-1] if a_script else a[-1]
        if latin_end in "aiu":
            return 0.0  # a Latin short final vowel, which script does not write
    return ENDING_PENALTY


@lru_cache(maxsize=65_536)
def _name_words(name: str) -> tuple[tuple[Word, ...], bool]:
    """The words of a name as compared, and whether it is in script."""
    key, from_script = name_key(name)
    keys = key.split()
    if from_script:
        return tuple((k,) for k in keys), True
    words = []
    for k, raw in zip(keys, key_words(name)):
        others = {marked_word_key(r) for r in word_readings(raw)} - {k, ""}
        words.append((k, *sorted(others)))
    return tuple(words), False


@lru_cache(maxsize=262_144)
def _word_score(a: Word, b: Word, a_script: bool, b_script: bool) -> float:
    """The best word similarity over both words' readings; a left-out affix costs a little."""
    best = word_similarity(a[0], b[0], a_script, b_script)
    for other in a[1:]:
        best = max(best, word_similarity(other, b[0], a_script, b_script) - AFFIX_PENALTY)
    for other in b[1:]:
        best = max(best, word_similarity(a[0], other, a_script, b_script) - AFFIX_PENALTY)
        for mine in a[1:]:  # both left out: Al-Asad / L'Asaad
            best = max(best, word_similarity(mine, other, a_script, b_script) - 2 * AFFIX_PENALTY)
    return best


def _words_similarity(words_a: list[Word], words_b: list[Word], a_script: bool, b_script: bool) -> float:
    """Each word of the shorter name paired with its best partner, weighted by length."""
    if (len(words_a), words_a, a_script) > (len(words_b), words_b, b_script):
        # the greedy pairing starts from one side; a fixed order keeps the score symmetric
        words_a, words_b, a_script, b_script = words_b, words_a, b_script, a_script
    total = weight = 0.0
    lowest = 1.0
    unused = list(words_b)
    for word in words_a:
        scores = [_word_score(word, other, a_script, b_script) for other in unused]
        best = max(range(len(scores)), key=scores.__getitem__)
        total += scores[best] * len(word[0])
        weight += len(word[0])
        lowest = min(lowest, scores[best])
        unused.pop(best)
    # one clearly different word (another given name) must pull the name down
    return 0.5 * total / weight + 0.5 * lowest


@lru_cache(maxsize=65_536)
def name_similarity(a: str, b: str) -> float:
    """How alike two names are, 0..1, whatever their scripts and word order.

    >>> name_similarity("Mohammad Hosseini", "محمد حسینی")
    1.0
    """
    words_a, a_script = _name_words(a)
    words_b, b_script = _name_words(b)
    if not words_a or not words_b:
        return 0.0
    best = max(_words_similarity(wa, wb, a_script, b_script)
               for wa, wb in _compound_readings(list(words_a), list(words_b)))
    return max(0.0, min(1.0, best))


def _compound_readings(words_a: list[Word], words_b: list[Word]) -> list[tuple[list[Word], list[Word]]]:
    """The names as given, plus the longer one with two neighbouring words joined.

    "Mohammad Reza Karimi" and "Mohammadreza Karimi" then line up word for word.
    """
    readings = [(words_a, words_b)]
    if len(words_a) == len(words_b):
        return readings
    longer_is_a = len(words_a) > len(words_b)
    longer = words_a if longer_is_a else words_b
    for i in range(len(longer) - 1):
        merged = longer[:i] + [(longer[i][0] + longer[i + 1][0],)] + longer[i + 2:]
        readings.append((merged, words_b) if longer_is_a else (words_a, merged))
    return readings


def default_threshold(a: str, b: str) -> float:
    """The tuned threshold for this pair: CROSS_SCRIPT_THRESHOLD when the scripts differ."""
    return CROSS_SCRIPT_THRESHOLD if is_script(a) != is_script(b) else DEFAULT_THRESHOLD


def is_same_name(a: str, b: str, threshold: float | None = None) -> bool:
    """True when `name_similarity(a, b)` reaches `threshold` (default: `default_threshold`)."""
    if threshold is None:
        threshold = default_threshold(a, b)
    return name_similarity(a, b) >= threshold


@lru_cache(maxsize=65_536)
def match_key(name: str) -> str:
    """A coarse blocking key, equal across scripts and word order.

    The consonant skeletons of the first and last word, sorted so that a surname-first
    list gets the same key: match_key("Hosseini Mohammad") == match_key("محمد حسینی").
    """
    words = name_key(name)[0].split()
    if not words:
        return ""
    ends = {skeleton(words[0]), skeleton(words[-1])}
    return " ".join(sorted(ends))
