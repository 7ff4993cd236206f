"""Cheap sentence splitting and the prefilter that decides which sentences to parse.

Parsing is the slow part, so only sentences holding both a quantity and a casualty or scope
word reach spaCy. Offsets are kept so quotes index into the whole document text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reckon.claims.numbers import DIGIT, UNITS, TENS

MAX_SENTENCE = 1000  # characters; longer runs are cut so rules stay fast
_HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s")
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "gen", "col", "lt", "sgt", "gov", "rep", "sen", "prof",
    "jr", "vs", "etc", "approx", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "u.s", "u.n",
    "u.k", "e.u", "i.e", "e.g", "a.m", "p.m",
}
# A candidate break: end punctuation (with closing quotes) and space, or a line break.
_BREAK = re.compile(r"[.!?][\"”’)\]]*\s+|\n\s*")
_RUNS_ON = re.compile(r"\s(?:the|a|an|of|to|and|or|by|in|on|for|with|from|at|that|according\s+to)$")
_DAY_THEN_MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
# Matched on lower-cased text: a case-insensitive alternation is several times slower.
_QUANTITY = re.compile(
    rf"{DIGIT}|\b(?:{'|'.join([*UNITS, *TENS])}|hundreds?|thousands?|millions?|dozens?|scores|several|handful|few|single|"
    r"none\s+of|no\s+(?:civilians?|one|deaths?|casualties|fatalities|protesters?|demonstrators?))\b",  # a figure of zero
)
_CASUALTY = re.compile(
    r"kill|dead|death|die[sd]?\b|slain|martyr|fatal|murder|massacr|slaughter|gunned|shot|lives|bod(?:y|ies)|"
    r"injur|wound|hurt|maim|blind|arrest|detain|detention|held|jail|prison|custody|rounded|"
    r"missing|disappear|unaccounted|execut|hang|toll|victim|cit(?:y|ies)|town|province|area|"
    r"location|place|village|district|street|rall|march|protest|gather|demonstrat|neighbo|count|"
    r"buri|funeral|grave|corpse|hospital|treated|eliminat|neutrali|fallen|\bfell\b|captur|rubble|trapped|\bfate\b|"
    r"whereabouts|succumb|casualt|prisoner|hostage|lost|names|\btotal\b|\btally\b|\bfigure\b|\bcount\b|\bnumber\b|"
    r"heard\s+nothing|not\s+been\s+told|not\s+know|no\s+news|collapsed|debris|ruins|liquidat|out\s+of\s+action|sacrific|unknown|vanish|"
    r"unable\s+to\s+(?:learn|find|locate|trace|reach)|not\s+(?:locate|find|trace)|medical\s+(?:assistance|treatment|care)|"
    r"\beyes?\b|condition",
)


@dataclass(frozen=True)
class Sentence:
    start: int  # offset of the sentence in the document text
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; the seed-format date header is left out."""
    header = _HEADER.match(text)
    begin = header.end() if header else 0
    sentences = []
    for start, end in _spans(text, begin):
        for piece_start, piece_end in _bounded(text, start, end):
            raw = text[piece_start:piece_end]
            stripped = raw.strip()
            if stripped:
                sentences.append(Sentence(piece_start + raw.index(stripped), stripped))
    return sentences


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a run-on "sentence" (tables, text without full stops) into readable pieces."""
    while end - start > MAX_SENTENCE:
        window = text[start + MAX_SENTENCE // 2 : start + MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" "))
        cut = start + MAX_SENTENCE // 2 + cut + 1 if cut >= 0 else start + MAX_SENTENCE
        yield start, cut
        start = cut
    yield start, end


def _spans(text: str, begin: int) -> Iterator[tuple[int, int]]:
    position = begin
    for found in _BREAK.finditer(text, begin):
        if not _is_boundary(text, found):
            continue
        mark = found.group()
        end = found.start()
        if mark[0] in ".!?":  # keep the full stop and any closing quotes with the sentence
            end += len(mark) - len(mark[1:].lstrip("\"”’)]"))
        yield position, end
        position = found.end()
    yield position, len(text)


def _is_boundary(text: str, found: re.Match[str]) -> bool:
    mark, following = found.group()[0], text[found.end() : found.end() + 2]
    if mark == "\n":
        line = text[text.rfind("\n", 0, found.start()) + 1 : found.start()]
        if line.count("(") > line.count(")"):
            return False  # "Deaths reported by the ministry (as of 23\nNovember) 9,846": a PDF line break
        if line.strip().isupper() and len(line.split()) <= 6:
            return True  # "HIGHLIGHTS" over "local health authorities report ...": a heading ends its line
        if "\n" not in found.group()[1:] and (_RUNS_ON.search(line) or _DAY_THEN_MONTH.match(text, found.end()) and re.search(r"\s\d{1,2}$", line)):
            return False  # "According to the\nSahrun Health Directorate, 43 ...": no sentence ends on "the"
        return (
            "\n" in found.group()[1:] or following[:1].isupper() or following[:1] in "\"“(•*·–—-" or following[:1].isdigit()
        )
    if not following:
        return False
    if "\n" in found.group():
        return True  # a full stop at the end of a line (a bullet, a paragraph) ends the sentence
    word = _WORD_BEFORE.search(text, max(0, found.start() - 12), found.start() + 1)
    if mark == "." and word and word.group(1).lower() in _ABBREVIATIONS:
        return False
    first = following[0]
    if first.isupper() or first.isdigit() or first in "\"“‘([" or "\u0600" <= first <= "\u06ff":
        return True
    # a clause after a full stop that starts in lower case still starts a new sentence
    return mark == "." and first.islower() and bool(re.search(r"[a-z]{3}$", text[max(0, found.start() - 3) : found.start()]))


def has_quantity(sentence: str) -> bool:
    """True when the sentence holds a number or a vague quantity (digits in any script, words)."""
    return bool(_QUANTITY.search(sentence.lower()))


def may_hold_claim(sentence: str) -> bool:
    """True when the sentence has a quantity and a casualty/scope word (cheap, generous)."""
    lower = sentence.lower()
    return bool(_QUANTITY.search(lower) and _CASUALTY.search(lower))


def headlines(text: str, sentences: list[Sentence]) -> set[int]:
    """Starts of title lines: headlines, standfirsts, subheadings and key points (short lines
    without a full stop), which mostly repeat the body's figures."""
    found = set()
    for i, sentence in enumerate(sentences):
        ends_line = text[sentence.end : sentence.end + 1] in ("\n", "")
        starts_line = i == 0 or "\n" in text[sentences[i - 1].end : sentence.start]
        unpunctuated = not sentence.text.rstrip().endswith((".", "!", "?", '"', "”", ":", ";", ","))
        if ends_line and starts_line and unpunctuated and len(sentence.text.split()) <= 25:
            found.add(sentence.start)
    return found
