"""Figures: a numeral (or a vague word, or a range) with its qualifier, found in a sentence.

Conventions (seeds/README.md): a bare N is low = high = N, ``exact``; "at least N" low N;
"over N" low N (not N+1); "about N" low = high = N; "up to N" high N; "between A and B",
"A to B", "A-B", "A or B" low A high B; vague words take a low bound from the convention.
Which figures are casualty claims is decided elsewhere (categories.py); this module only
reads quantities and drops the ones that are plainly not counts (percentages, money, times,
ordinals, day numbers next to a month).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.claims.lowered import Lowered
from reckon.claims.conventions import vague_table
from reckon.claims.numbers import DIGIT, NUMERAL, NUMERAL_LOWER, numeral_value


@dataclass(frozen=True)
class Figure:
    """One quantity in a text: ``text[start:end]`` is the phrase incl. its qualifier."""

    low: int | None
    high: int | None
    qualifier: str
    start: int  # of the whole phrase (qualifier included)
    end: int
    number_start: int  # of the numeral itself, for context look-ups
    number_end: int

    @property
    def value(self) -> int:
        """The number that names this figure (for dedupe and lookup)."""
        return self.low if self.low is not None else self.high  # type: ignore[return-value]


_QUALIFIER_BEFORE = [  # "no more than" is up to, not "more than": order matters
    ("at least", r"at\s+least|at\s+a\s+minimum\s+of|no\s+(?:fewer|less)\s+than|not\s+less\s+than|a\s+minimum\s+of"),
    ("up to", r"up\s+to|as\s+high\s+as|as\s+many\s+as|at\s+most|no\s+more\s+than|fewer\s+than|less\s+than"),
    ("over", r"over|more\s+than|in\s+excess\s+of|upwards\s+of|above|exceeded|exceeding|exceeds|topped|surpassed|beyond|passed"),
    ("about", r"about|around|some|nearly|almost|approximately|roughly|an\s+estimated|estimated|close\s+to|closer\s+to|circa|approx\.|~|something\s+like|in\s+the\s+region\s+of|nears|neared|nearing|approaching|approaches"),
]
_QUALIFIER_RES = [
    (name, re.compile(rf"(?:\b|(?<=~))(?:{words})\s*$", re.IGNORECASE))  # "more than the 750": a comparison
    for name, words in _QUALIFIER_BEFORE
]
_OR_MORE_AFTER = re.compile(r"^(?:\s+or\s+more\b|\s*\+|-plus\b)", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|or|and)\s*$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    # Persian calendar months, as transliterated in English-language reports
    "farvardin|ordibehesht|khordad|tir|mordad|shahrivar|mehr|aban|azar|dey|bahman|esfand"
)
_NOT_A_COUNT_BEFORE = Lowered(
    rf"(?:[$€£¥]\s*|\b(?:{_MONTHS})\.?\s+|\b(?:no|number|article|page|paragraph|line|aged|age|"
    r"ages|route|chapter|section|item|resolution|room|flight|vol\.?)\s+|\d[:.]|/"
    r"|\brepresent(?:s|ed|ing)?\s+(?:some\s+|about\s+|around\s+|nearly\s+|over\s+|more\s+than\s+)?"  # a union's members
    r"|\b(?:built|designed|meant|made)\s+for\s+(?:up\s+to\s+|about\s+)?|\bcapacity\s+of\s+(?:up\s+to\s+|about\s+)?"  # "cells built for 12"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+|\b\d{{1,2}}\s+(?:{_MONTHS})\.?\s+"  # "28 July 2036", not "since 28 July, 143 of them"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|-|–)\s*)$")  # "between November 14 and 16" (not "on April 29 to 331")
_NOT_A_COUNT_AFTER = Lowered(
    rf"^(?:\s*(?:%|percent\b|per\s+cent\b|[:/]\d|st\b|nd\b|rd\b|th\b|\.\d)"
    rf"|\s+(?:{_MONTHS})\b|\s*(?:and|to|or|-|–)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})\b"  # "on 15 and 16 June"
    rf"|-?\s*(?:year|month|week|day|hour|minute)s?[-\s]old\b"
    r"|\s*(?:rials?|tomans?|dollars?|euros?|pounds|usd|eur|bn|billion|trillion|am\b|pm\b|a\.m\.|p\.m\.))")
_AGE_BEFORE = re.compile(
    r"(?:\baged?\s+|\bages\s+(?:of\s+)?|\b(?:under|over|above|below)\s+the\s+age\s+of\s+|"
    r"\b(?:a|an|the)\s+(?:[\w-]+\s+)?(?:girl|boy|child|baby|man|woman|infant|toddler|son|daughter)\s+of\s+|"
    r"\b(?:men|women|people|boys|girls|children|youths?)\s+(?:aged\s+)?between\s+|"
    r"\b(?:children|boys|girls|infants|babies|kids)\s+(?:aged\s+)?(?:under|below|over|above)\s+|"
    r"\b(?:dead|them|victims|killed|whom)\s+(?:were|was|are)\s+(?:all\s+|still\s+)?(?:under|below|younger\s+than)\s+)(?:\d+\s*(?:,|and|or|to|-|–)\s*)*$",  # "Six of the dead were under 18"
    re.IGNORECASE,
)
_SOURCES_BEFORE = re.compile(
    r"\b(?:interview(?:ed|ing|s)?|spoke\s+(?:to|with)|spoken\s+(?:to|with)|talked\s+(?:to|with)|surveyed|consulted|"
    r"analy[sz](?:ed|ing)|reviewed)\s+(?:with\s+)?(?:at\s+least\s+|more\s+than\s+|over\s+|some\s+|about\s+)?$",
    re.IGNORECASE,
)
_SOURCES_HINT = re.compile(r"interview|spoke|spoken|talked|survey|consult|analy|review", re.IGNORECASE)
_FRACTION_AFTER = re.compile(
    r"^[\s-]+(?:fifths?|thirds?|quarters?|tenths?|sixths?|sevenths?|eighths?|ninths?|halves)\b|^\s+in\s+(?:every\s+)?\d",
    re.IGNORECASE,
)
_VAGUE_CACHE: dict[str, re.Pattern[str]] = {}


def find_figures(text: str, *, vague: str = "reckon") -> list[Figure]:
    """Every figure in ``text``, in order; ranges come out as one figure."""
    vague_figures = _vague_figures(text, vague)
    taken = [(f.start, f.end) for f in vague_figures]  # "several hundred" is not "hundred"
    lower = text.lower()
    zeros = _zeros(text) if "no" in lower else []  # every _ZERO match starts with "not", "no" or "none"
    taken += [(f.start, f.end) for f in zeros]
    found = NUMERAL_LOWER.finditer(lower) if len(lower) == len(text) else NUMERAL.finditer(text)
    numerals = [
        m
        for m in found
        if _is_count(text, m.start(), m.end()) and not any(s < m.end() and m.start() < e for s, e in taken)
    ]
    figures = sorted(_join_ranges(text, numerals) + vague_figures + zeros, key=lambda f: f.start)
    return _without_bracketed_repeats(text, figures)


def _without_bracketed_repeats(text: str, figures: list[Figure]) -> list[Figure]:
    """"twenty-six (26) terrorists", "nine (9) were wounded": the digits in brackets repeat
    the words before them; one figure."""
    kept: list[Figure] = []
    for figure in figures:
        before = kept[-1] if kept else None
        if (
            before is not None and (before.low, before.high) == (figure.low, figure.high)
            and re.fullmatch(r"\s*\(", text[before.end : figure.start]) and text[figure.end : figure.end + 1] == ")"
        ):
            continue
        kept.append(figure)
    return kept


_ZERO_PEOPLE = (
    r"(?:(?:peaceful|innocent|unarmed|ordinary)\s+)?(?:civilians?|citizens?|persons?|people|child(?:ren)?|protesters?|demonstrators?|residents?|m[ae]n|wom[ae]n|soldiers?|"
    r"detainees?|prisoners?|journalists?|workers?|patients?|police(?:\s+officers?)?|policem[ae]n|officers?|fighters?|"
    r"students?|deaths?|dead|victims?|fatalit(?:y|ies)|bod(?:y|ies))"
)
# "not a single civilian", "did not kill a single civilian", "not one of these deaths", "no civilian was
# killed", "312 fighters and no civilians", "no one was killed", "none of them was caused by the police"
_ZERO = Lowered(
    rf"\bnot\s+(?P<verb>(?:kill|injure|wound)\s+)?(?P<none>a\s+single|one\s+single|one)(?=\s+(?:of\s+(?:the|these|those|them)\s+)?(?:{_ZERO_PEOPLE}|one)\b)"
    rf"|\b(?P<no>no)(?!\s+[\w-]+\s+casualt)(?=\s+(?:{_ZERO_PEOPLE})\b|\s+one\s+(?:(?:was|were|had|has|have|been|is)\s+){{0,2}}(?:killed|injured|wounded|hurt|died|remain(?:s|ed)?\s+missing)\b)"
    r"|\b(?P<nobody>none)(?=\s+of\s+(?:them|these|those|the\s+(?:deaths|dead|victims|killings))"
    r"(?:\s+[\w-]+){0,2}?\s+(?:(?:was|were)\s+)?(?:caused|at\s+the\s+hands|by|from|killed|died|shot)\b)"
)


def _zeros(text: str) -> list[Figure]:
    """Figures of zero, not in a question ("Are you saying no civilians died?"). A verb before
    the zero ("did not kill a single") gives its category, so the figure starts after it."""
    found = []
    for m in _ZERO.finditer(text):
        if re.match(r"[^.!?]*\?", text[m.end() :]):
            continue
        if m.group("none"):
            start = m.start("none") if m.group("verb") else m.start()
            found.append(Figure(0, 0, "exact", start, m.end(), m.start("none"), m.end("none")))
        else:
            end = m.end() + 4 if text[m.end() : m.end() + 4].lower() == " one" else m.end()  # "no one" is the figure
            found.append(Figure(0, 0, "exact", m.start(), end, m.start(), end))
    return found


_ONE_IN = re.compile(r"\bone\s+in\s+(?:every\s+)?$", re.IGNORECASE)
_RANGE_AFTER = re.compile(rf"^[-–]{DIGIT}")
_RANGE_BEFORE = re.compile(rf"{DIGIT}[-–]$")


_MONTH_DAY_COMMA = Lowered(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,\s*$")
_YEAR = re.compile(r"(?:1[89]|2\d)\d\d")
_WHO_THEY_WERE = re.compile(r"^\s+(?:were|are)\s+(?:women|men|children|girls|boys|minors|students|teenagers|civilians)\b")
_NAME_THEN_COMMA = re.compile(r"\b[A-Z][\w’'-]+\s+[A-Z][\w’'-]+,\s*$")  # "Hugo Fenner, "
_AGE_AFTER = re.compile(r"^\s*(?:,|\)|\s+and\b)")


def _is_count(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 25) : start], text[end : end + 20]
    if _NOT_A_COUNT_BEFORE.search(before) or _NOT_A_COUNT_AFTER.match(after):
        return False
    if _MONTH_DAY_COMMA.search(before) and _YEAR.fullmatch(text[start:end]):
        return False  # "September 28, 2036" (but "on September 28, 21 of them children" counts)
    near = text[max(0, start - 60) : start]
    aged = any(word in near for word in ("age", " of ", "between", "under", "below", "younger")) and _AGE_BEFORE.search(near)
    aged = aged and not _WHO_THEY_WERE.match(after)  # "children under the age of 15 and 38 were women": 38 women
    if aged or (_SOURCES_HINT.search(near) and _SOURCES_BEFORE.search(text[max(0, start - 40) : start])):
        return False  # "aged 19 and 24", "a girl of six", "interviewed 34 people"
    if _FRACTION_AFTER.match(after) or _ONE_IN.search(before):
        return False  # "one fifth of those killed", "one in every 60 people"
    if _NAME_THEN_COMMA.search(before) and _AGE_AFTER.match(after) and text[start:end].isdigit() and int(text[start:end]) < 120:
        return False  # "Sergeant Hugo Fenner, 34, and Constable Ada Moss, 29": their ages
    if _RANGE_AFTER.match(after) is None and _RANGE_BEFORE.search(before):
        return True  # second half of "300-400"
    word = text[start:end].lower()
    if word == "one" and re.match(r"^\s+of\s+whom\b|^\s+of\s+them\s+(?:was|had|later|died|is|a|an)\b", text[end : end + 30]):
        return True  # "one of whom later died": part of a figure before
    return not (word in {"one", "a hundred"} and re.match(r"^\s+(?:of|another|day|night|week|month|year|morning|evening|hour|time|thing|side)\b", after))


def _join_ranges(text: str, numerals: list[re.Match[str]]) -> list[Figure]:
    figures: list[Figure] = []
    i = 0
    while i < len(numerals):
        first = numerals[i]
        second = numerals[i + 1] if i + 1 < len(numerals) else None
        if second is not None and _is_range(text, first, second):
            figures.append(_range_figure(text, first, second))
            i += 2
            continue
        single = _single_figure(text, first)
        if single is not None:
            figures.append(single)
        i += 1
    return figures


def _is_range(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    joint = text[first.end() : second.start()]
    if not _RANGE_JOIN.match(joint):
        return False
    low, high = numeral_value(first.group()), numeral_value(second.group())
    if low is None or high is None or high <= low:
        return False
    if joint.strip().lower() == "and":  # "A and B" is a range only after "between"/"from"
        return bool(_BETWEEN_BEFORE.search(text[: first.start()]))
    return True


def _range_figure(text: str, first: re.Match[str], second: re.Match[str]) -> Figure:
    start = first.start()
    between = _BETWEEN_BEFORE.search(text[: first.start()])
    if between:
        start = between.start()
    return Figure(
        low=numeral_value(first.group()),
        high=numeral_value(second.group()),
        qualifier="between",
        start=start,
        end=second.end(),
        number_start=first.start(),
        number_end=second.end(),
    )


def _single_figure(text: str, match: re.Match[str]) -> Figure | None:
    value = numeral_value(match.group())
    if value is None:
        return None
    qualifier, start, end = "exact", match.start(), match.end()
    before = text[max(0, start - 40) : start]
    for name, pattern in _QUALIFIER_RES:
        found = pattern.search(before)
        if found:
            qualifier, start = name, start - (len(before) - found.start())
            break
    or_more = _OR_MORE_AFTER.match(text[end:])
    if qualifier == "exact" and or_more:
        qualifier = "at least" if "more" in or_more.group() or "+" in or_more.group() else "over"
        end += or_more.end()
    low, high = _bounds(qualifier, value)
    return Figure(low, high, qualifier, start, end, match.start(), match.end())


def _bounds(qualifier: str, value: int) -> tuple[int | None, int | None]:
    if qualifier in ("at least", "over"):
        return value, None
    if qualifier == "up to":
        return None, value
    return value, value


def _vague_figures(text: str, vague: str) -> list[Figure]:
    table = vague_table(vague)
    pattern = _VAGUE_CACHE.get(vague)
    if pattern is None:
        words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in table)  # longest first
        pattern = re.compile(rf"\b(?:{words})\b", re.IGNORECASE)
        _VAGUE_CACHE[vague] = pattern
    figures = []
    for m in pattern.finditer(text):
        if _vague_is_not_a_count(text, m):
            continue
        key = re.sub(r"\s+", " ", m.group().lower())
        figures.append(Figure(table[key], None, "vague", m.start(), m.end(), m.start(), m.end()))
    return figures


def _vague_is_not_a_count(text: str, match: re.Match[str]) -> bool:
    after = text[match.end() : match.end() + 30].lower()
    if re.match(r"(?:several|a\s+few|some)$", match.group().lower()) and re.match(r"^\s+of\s+(?:those|these|the)\b", after):
        return True  # "several of those killed": some of a count, not a count
    # "several days", "thousands of rials", "a few of them said": not a count of people
    return bool(
        re.match(
            r"^\s+(?:of\s+)?(?:times|days|weeks|months|years|hours|minutes|kilomet|miles|"
            r"rials|tomans|dollars|euros|sources|ways|reasons|occasions|more\s+days)",
            after,
        )
    )
