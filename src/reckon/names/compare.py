"""Compare two names in any mix of scripts: a score in [0, 1] and a yes/no.

Both names go to the key alphabet (`latin_key` or `romanize`). Keys are compared
word by word, tolerant of word order (surname-first lists) and of compounds
written joined or apart, and the best reading wins.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein, LCSseq

from reckon.names.latin import latin_key
from reckon.names.romanize import romanize
from reckon.names.script import is_script

VOWELS = frozenset("aiu")
DEFAULT_THRESHOLD = 0.75


@lru_cache(maxsize=1_000_000)
def name_key(name: str) -> tuple[str, bool]:
    """(key, from_script): the name's key and whether it came from script (no short vowels)."""
    if is_script(name):
        return romanize(name), True
    return latin_key(name), False


@lru_cache(maxsize=1_000_000)
def skeleton(key: str) -> str:
    """Consonants of a word key, keeping a leading vowel as one mark ("ali" -> "al")."""
    if not key:
        return ""
    head = "a" if key[0] in VOWELS else key[0]
    return head + "".join(ch for ch in key[1:] if ch not in VOWELS)


def word_similarity(a: str, b: str, a_script: bool, b_script: bool) -> float:
    """Similarity of two word keys; a script key's missing short vowels cost nothing."""
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    consonants = Levenshtein.normalized_similarity(skeleton(a), skeleton(b))
    if a_script == b_script:
        letters = Levenshtein.normalized_similarity(a, b)
    else:
        script, latin = (a, b) if a_script else (b, a)
        # share of the script key's letters found, in order, in the Latin key
        letters = LCSseq.similarity(script, latin) / len(script)
    score = 0.5 * consonants + 0.5 * letters
    return score - _ending_penalty(a, b, a_script, b_script)


def _ending_penalty(a: str, b: str, a_script: bool, b_script: bool) -> float:
    """Nisba -i and feminine -a endings tell names apart (Mansur/Mansuri, Mubarak/Mubaraka)."""
    end_a, end_b = a[-1] in VOWELS, b[-1] in VOWELS
    if end_a == end_b:
        return 0.0 if not end_a or a[-1] == b[-1] or "i" not in (a[-1], b[-1]) else 0.25
    if a_script != b_script:
        script = a if a_script else b
        if script[-1] not in VOWELS:
            return 0.0  # Latin may end on a short vowel the script does not write
    return 0.25


def _words_similarity(words_a: list[str], words_b: list[str], a_script: bool, b_script: bool) -> float:
    """Each word of the shorter name paired with its best partner, weighted by length."""
    if len(words_a) > len(words_b):
        words_a, words_b, a_script, b_script = words_b, words_a, b_script, a_script
    total = weight = 0.0
    unused = list(words_b)
    for word in words_a:
        scores = [word_similarity(word, other, a_script, b_script) for other in unused]
        best = max(range(len(scores)), key=scores.__getitem__)
        total += scores[best] * len(word)
        weight += len(word)
        unused.pop(best)
    return total / weight if weight else 0.0


@lru_cache(maxsize=200_000)
def name_similarity(a: str, b: str) -> float:
    """How alike two names are, 0..1, whatever their scripts and word order.

    >>> name_similarity("Mohammad Hosseini", "محمد حسینی") > 0.9
    True
    """
    key_a, a_script = name_key(a)
    key_b, b_script = name_key(b)
    words_a, words_b = key_a.split(), key_b.split()
    if not words_a or not words_b:
        return 0.0
    joined = word_similarity("".join(words_a), "".join(words_b), a_script, b_script)
    by_word = _words_similarity(words_a, words_b, a_script, b_script)
    return max(0.0, min(1.0, max(joined, by_word)))


def is_same_name(a: str, b: str, threshold: float = DEFAULT_THRESHOLD) -> bool:
    """True when `name_similarity(a, b)` reaches the threshold (tuned on the development split)."""
    return name_similarity(a, b) >= threshold


@lru_cache(maxsize=1_000_000)
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
