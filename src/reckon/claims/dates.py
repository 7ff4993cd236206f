"""When a claimant made a claim: date expressions in a sentence, resolved to YYYY-MM-DD.

"December 23, 2019" and "15 November 2019" are explicit; "on Monday" resolves to the last
such weekday on or before the document date; "December" alone gives YYYY-MM (the latest such
month not after the document date); "yesterday" is the day before; vaguer words
("earlier", "last week") give None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

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
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<day1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year1>\d{{4}}))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH[11:-4]})\.?(?:,?\s+(?P<year2>\d{{4}}))?"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?:on\s+|last\s+)?(?P<weekday>{'|'.join(WEEKDAYS)})"
    rf"|(?P<yesterday>yesterday)"
    rf"|(?:in|during|since|by)\s+(?P<month3>{_MONTH[11:-4]})(?:\s+(?P<year3>\d{{4}}))?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str | None  # YYYY-MM-DD, YYYY-MM, or None when it cannot be resolved


def find_dates(text: str, document_date: str | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved against ``document_date``."""
    anchor = _anchor(document_date)
    return [DateMention(m.start(), m.end(), _resolve(m, anchor)) for m in _DATE.finditer(text)]


def _anchor(document_date: str | None) -> date | None:
    try:
        return date.fromisoformat(document_date) if document_date else None
    except ValueError:
        return None  # an unknown or partial document date: relative dates stay unresolved


def _resolve(match: re.Match[str], anchor: date | None) -> str | None:
    groups = match.groupdict()
    if groups["iso"]:
        return groups["iso"]
    if groups["weekday"]:
        if anchor is None:
            return None
        back = (anchor.weekday() - WEEKDAYS.index(groups["weekday"].lower())) % 7
        return (anchor - timedelta(days=back)).isoformat()
    if groups["yesterday"]:
        return (anchor - timedelta(days=1)).isoformat() if anchor else None
    month_name = groups["month"] or groups["month2"] or groups["month3"]
    month = MONTHS[month_name.lower().rstrip(".")]
    day = groups["day1"] or groups["day2"]
    year = groups["year1"] or groups["year2"] or groups["year3"]
    year_value = int(year) if year else _latest_year(month, int(day) if day else 1, anchor)
    if year_value is None:
        return None
    if day is None:
        return f"{year_value:04d}-{month:02d}"
    try:
        return date(year_value, month, int(day)).isoformat()
    except ValueError:
        return None


def _latest_year(month: int, day: int, anchor: date | None) -> int | None:
    if anchor is None:
        return None
    try:
        candidate = date(anchor.year, month, min(day, 28))
    except ValueError:
        return None
    return anchor.year if candidate <= anchor else anchor.year - 1
