"""When a claimant made a claim: date expressions in a sentence, resolved to YYYY-MM-DD.

"December 23, 2019" and "15 November 2019" are explicit; "on Monday" resolves to the last such
weekday on or before the reference date; "December" alone gives YYYY-MM (the latest such month
not after it); "yesterday", "today", "last month" count from it; vaguer words ("earlier",
"last week") give None. The reference date is the document's (``reference_date``): the
dateline's date where the story has one ("OSKARIN, May 3 (Reuters) -", "Maykel, 19 January -",
which a digest or reprint published days later keeps), else the publication date, else (a PDF
without metadata) a dated line of its own ("Published 25 November 2031", a header's "San
Ciprián, 28 April 2036").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from reckon.claims.lowered import Lowered
from reckon.claims.numbers import numeral_value

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")]
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DATE = Lowered(
    rf"\b(?:{_MONTH}\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year1>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_NAMES})\.?(?:,?\s+(?P<year2>\d{{4}}))?"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?:on\s+|last\s+)?(?P<weekday>{'|'.join(WEEKDAYS)})"
    rf"|(?P<yesterday>yesterday)|(?P<today>today|tonight|this\s+morning|this\s+afternoon|this\s+evening)"
    rf"|(?P<last_month>last\s+month)"
    rf"|(?P<ago>a|one|two|three|four|five|six|seven|\d{{1,2}})\s+(?P<ago_unit>days?|weeks?)\s+ago"
    rf"|(?:in|during|since|by)\s+(?P<month3>{_MONTH_NAMES})(?:\s+(?P<year3>\d{{4}}))?)\b")
# "OSKARIN, May 3 (Reuters) -", "Maykel, 19 January -", "NAY SHWE TAUNG, 15 March —", "Lisra City, Nov 12 -"
_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][\w .'’-]{{1,40}},\s+(?:[A-Z][\w .'’-]{{1,30}},\s+)?(?:(?P<month>{_MONTH_NAMES})\.?\s+(?P<day1>\d{{1,2}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH_NAMES}))\b[^\n]{{0,30}}?[-–—]",
    re.IGNORECASE | re.MULTILINE,
)
_OWN_DATE = re.compile(
    rf"\b(?:published|issued|dated|updated)\s+(?:on\s+)?(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_NAMES})\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)

# A report's place and date closing a header line: "Report No. 7/2036 · San Ciprián, 28 April 2036".
_HEADER_PLACE_DATE = re.compile(
    rf"[A-Z][\w .'’-]{{1,40}},\s+(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_NAMES})|(?P<month2>{_MONTH_NAMES})\s+(?P<day2>\d{{1,2}}),?)"
    rf"\s+(?P<year>\d{{4}})[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None  # YYYY-MM-DD, YYYY-MM, or None when it cannot be resolved
    relative: bool = False  # resolved against the reference date (a weekday, "yesterday", a month alone)


@dataclass(frozen=True)
class Reference:
    """The date relative dates count from, and where it comes from."""

    value: str | None
    source: str  # "dateline", "publication date" or "the document's own date"


def reference_date(text: str, published: str | None) -> Reference:
    """The document's reference date: its dateline's, else its publication date, else its own."""
    head = text[:700]
    dateline = _DATELINE.search(head)
    anchor = _anchor(published)
    digest = dateline is not None and _DATELINE.search(text, dateline.end()) is not None
    if dateline and anchor is not None and not digest:  # a digest's stories each have their own dateline
        month = MONTHS[(dateline.group("month") or dateline.group("month2")).lower().rstrip(".")]
        day = int(dateline.group("day1") or dateline.group("day2"))
        year = _latest_year(month, day, anchor)
        if year is not None:
            try:
                return Reference(date(year, month, day).isoformat(), "dateline")
            except ValueError:
                pass
    if anchor is not None:
        return Reference(anchor.isoformat(), "publication date")
    own = _OWN_DATE.search(text[:1500]) or _HEADER_PLACE_DATE.search(text[:600])
    if own:
        day, month = own.group("day") or own.groupdict().get("day2"), own.group("month") or own.groupdict().get("month2")
        try:
            value = date(int(own.group("year")), MONTHS[month.lower().rstrip(".")], int(day))
            return Reference(value.isoformat(), "the document's own date")
        except ValueError:
            pass
    return Reference(None, "none")


def find_dates(text: str, document_date: str | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``document_date``."""
    return list(_dates_in(text, document_date))


@lru_cache(maxsize=1024)  # a claim sentence is read for dates once per figure
def _dates_in(text: str, document_date: str | None) -> tuple[DateMention, ...]:
    anchor = _anchor(document_date)
    found = []
    for m in _DATE.finditer(text):
        value, relative = _resolve(m, anchor)
        found.append(DateMention(m.start(), m.end(), value, relative))
    return tuple(found)


def _anchor(document_date: str | None) -> date | None:
    try:
        return date.fromisoformat(document_date) if document_date else None
    except ValueError:
        return None  # an unknown or partial document date: relative dates stay unresolved


def _resolve(match: re.Match[str], anchor: date | None) -> tuple[str | None, bool]:
    groups = match.groupdict()
    if groups["iso"]:
        return groups["iso"], False
    if groups["weekday"]:
        if anchor is None:
            return None, True
        back = (anchor.weekday() - WEEKDAYS.index(groups["weekday"].lower())) % 7
        return (anchor - timedelta(days=back)).isoformat(), True
    if groups["yesterday"]:
        return ((anchor - timedelta(days=1)).isoformat() if anchor else None), True
    if groups["today"]:
        return (anchor.isoformat() if anchor else None), True
    if groups["ago"]:  # "two days ago", "a week ago"
        count = numeral_value(groups["ago"]) or 1
        days = count * (7 if groups["ago_unit"].lower().startswith("week") else 1)
        return ((anchor - timedelta(days=days)).isoformat() if anchor else None), True
    if groups["last_month"]:
        if anchor is None:
            return None, True
        first = anchor.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}", True
    month_name = groups["month"] or groups["month2"] or groups["month3"]
    month = MONTHS[month_name.lower().rstrip(".")]
    day = groups["day1"] or groups["day2"]
    year = groups["year1"] or groups["year2"] or groups["year3"]
    year_value = int(year) if year else _latest_year(month, int(day) if day else 1, anchor)
    if year_value is None:
        return None, not year
    if day is None:
        return f"{year_value:04d}-{month:02d}", not year
    try:
        return date(year_value, month, int(day)).isoformat(), not year
    except ValueError:
        return None, not year


def _latest_year(month: int, day: int, anchor: date | None) -> int | None:
    if anchor is None:
        return None
    try:
        candidate = date(anchor.year, month, min(day, 28))
    except ValueError:
        return None
    # A day up to two weeks after the anchor is this year's (a digest's item dated after its
    # dateline, an announced funeral); later in the calendar, it was last year's.
    return anchor.year if (candidate - anchor).days <= _AHEAD_DAYS else anchor.year - 1


_AHEAD_DAYS = 14
