"""Cheap sentence splitting and the prefilter that decides which sentences to parse.

Parsing is the slow part, so only sentences holding both a quantity and a casualty or scope
word reach spaCy. Offsets are kept so quotes index into the whole document text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from reckon.claims.numbers import DIGIT, UNITS, TENS

_HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s")
_ABBREVIATIONS = "".join(
    rf"(?<!\b{re.escape(a)}\.)"
    for a in ("Mr", "Mrs", "Ms", "Dr", "St", "No", "Gen", "Col", "Lt", "Sgt", "Gov", "Rep", "Sen",
              "Prof", "Jr", "vs", "etc", "approx", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec",
              "U.S", "U.N", "U.K", "E.U", "i.e", "e.g")
)
_BOUNDARY = re.compile(
    rf"{_ABBREVIATIONS}(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9\u0600-\u06ff])|\n\s*\n|\n(?=\s*[\"“A-Z0-9])"
    rf"|{_ABBREVIATIONS}(?<=[a-z]{{3}}\.)\s+(?=[a-z])"
)
_QUANTITY = re.compile(
    rf"{DIGIT}|\b(?:{'|'.join([*UNITS, *TENS])}|hundreds?|thousands?|millions?|dozens?|scores|several|handful|few)\b",
    re.IGNORECASE,
)
_CASUALTY = re.compile(
    r"kill|dead|death|die[sd]?\b|slain|martyr|fatal|murder|massacr|slaughter|gunned|shot|lives|bod(?:y|ies)|"
    r"injur|wound|hurt|maim|blind|arrest|detain|detention|held|jail|prison|custody|rounded|"
    r"missing|disappear|unaccounted|execut|hang|toll|victim|cit(?:y|ies)|town|province|area|"
    r"location|place|village|district|street|rall|march|protest|gather|demonstrat|neighbo|count",
    re.IGNORECASE,
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
        raw = text[start:end]
        stripped = raw.strip()
        if stripped:
            sentences.append(Sentence(start + raw.index(stripped), stripped))
    return sentences


def _spans(text: str, begin: int) -> Iterator[tuple[int, int]]:
    position = begin
    for boundary in _BOUNDARY.finditer(text, begin):
        closing = len(boundary.group()) - len(boundary.group().lstrip("\"”’)]"))
        yield position, boundary.start() + closing  # a closing quote ends its sentence
        position = boundary.end()
    yield position, len(text)


def may_hold_claim(sentence: str) -> bool:
    """True when the sentence has a quantity and a casualty/scope word (cheap, generous)."""
    return bool(_QUANTITY.search(sentence) and _CASUALTY.search(sentence))


def headlines(text: str, sentences: list[Sentence]) -> set[int]:
    """Starts of title lines: short, unpunctuated lines at the top that repeat the body."""
    found = set()
    for sentence in sentences[:3]:
        ends_line = text[sentence.end : sentence.end + 1] in ("\n", "")
        unpunctuated = not sentence.text.rstrip().endswith((".", "!", "?", '"', "”", ":"))
        if ends_line and unpunctuated and len(sentence.text.split()) <= 20:
            found.add(sentence.start)
    return found
