"""Reading the messy cells of victim lists: digits, dates, ages, sex, id numbers.

Every parser takes one cell's text and returns either a value, ``None`` for an empty or
explicitly unknown cell, or a ``Problem`` saying why the text could not be read. The
list reader calls them once per *distinct* value of a column, so they may be slow-ish.

Dates: Solar Hijri (years 1200-1499) are converted with jdatetime; Gregorian years
1800-2100 are taken as they are. A date known only to the month or year keeps that
precision: ``YYYY-MM`` or ``YYYY`` for Gregorian, and for Solar Hijri (whose months and
years straddle Gregorian ones) the ISO interval ``YYYY-MM-DD/YYYY-MM-DD``. Each date also
carries ``low``/``high`` bounds for comparison.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

import jdatetime

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

# Cells that explicitly say "not known": read as NULL without a note.
UNKNOWN_WORDS = frozenset(
    {
        "", "-", "--", "?", "??", "na", "n/a", "n.a.", "none", "null", "nan", "unknown", "unk",
        "not known", "نامعلوم", "نامشخص", "مشخص نیست", "معلوم نیست", "نا معلوم", "نا مشخص", "؟",
    }
)


@dataclass(frozen=True)
class Problem:
    """Why a cell could not be read."""

    reason: str
    meant_as_value: bool = False  # the text clearly tried to be a value (a date with digits)


@dataclass(frozen=True)
class DateValue:
    """A date as precise as the source gives it."""

    iso: str  # YYYY-MM-DD, YYYY-MM, YYYY, or low/high for Solar Hijri months and years
    low: date
    high: date


def to_ascii_digits(text: str) -> str:
    """Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII."""
    return text.translate(_DIGITS)


def clean_cell(text: str | None) -> str:
    """ASCII digits, single spaces, no surrounding blanks (ZWNJ kept: it belongs to words)."""
    if text is None:
        return ""
    return " ".join(to_ascii_digits(str(text)).split())


def lookup_key(text: str | None) -> str:
    """A cell as compared with our word lists: clean, lower case, Persian ی/ک for Arabic ي/ك."""
    return clean_cell(text).lower().replace("ي", "ی").replace("ك", "ک")


def is_unknown(text: str) -> bool:
    return lookup_key(text) in UNKNOWN_WORDS


# -- notes inside names -------------------------------------------------------------

# A note in parentheses or brackets inside a name cell: "رضایی (نام کوچک نامشخص)",
# "Rezaei [first name unknown]", "مریم زارعی (قاسمی)" (a second family name).
_ANNOTATION = re.compile(r"\(([^()\[\]]*)\)|\[([^()\[\]]*)\]")
_UNKNOWN_MARKS = (
    "unknown", "not known", "unidentified", "n/a", "?", "نامشخص", "نامعلوم", "نا مشخص", "نا معلوم",
    "مشخص نیست", "معلوم نیست", "مجهول", "غیر معروف", "غير معروف", "غیرمعروف", "؟",
)
_FAMILY_MARKS = (
    "family", "last", "surname", "نام خانوادگی", "نام‌خانوادگی", "فامیلی", "شهرت", "اللقب", "العایله", "العاىله",
    "الکنیه", "نسبت",
)
_NAME_MARKS = ("name", "first", "given", "forename", "نام", "اسم")
# Words that introduce another name: "(aka Ahmadi)", "(معروف به احمدی)".
_ALIAS_MARKS = re.compile(r"^(?:aka|a\.k\.a\.?|alias|also|or|né|née|معروف به|مشهور به|ملقب به|یا|او)\s+")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_\u200c'’\-.]*$")
MAX_ALTERNATIVE_WORDS = 3


@dataclass(frozen=True)
class NameCell:
    """A name cell read for the notes inside it."""

    name: str | None  # the name without its notes (None: only a note was written)
    given_unknown: bool = False  # a note says the given name is not known
    family_unknown: bool = False  # ... or the family name
    alternatives: tuple[str, ...] = ()  # other names in parentheses (a second family name)
    notes: tuple[str, ...] = ()  # anything else written in parentheses


def read_name_cell(text: str) -> NameCell:
    """Split the notes in parentheses or brackets from a name.

    A note that the given (or family) name is unknown sets a flag; a name in parentheses
    (one to three words, no digits) is an alternative name; anything else is a note.
    """
    alternatives: list[str] = []
    notes: list[str] = []
    given_unknown = family_unknown = False
    rest = _ANNOTATION.sub(" ", text)
    for match in _ANNOTATION.finditer(text):
        inner = " ".join((match[1] if match[1] is not None else match[2]).split())
        key = lookup_key(inner)
        if not key:
            continue
        if key in UNKNOWN_WORDS or any(mark in key for mark in _UNKNOWN_MARKS):
            if any(mark in key for mark in _FAMILY_MARKS):
                family_unknown = True
            elif any(mark in key for mark in _NAME_MARKS) or len(rest.split()) <= 1:
                given_unknown = True  # "(first name unknown)", or "Rezaei (unknown)"
            else:
                notes.append(inner)  # "Ali Rezaei (?)": doubt about the whole name
        elif _is_name(_ALIAS_MARKS.sub("", inner)):
            alternatives.append(_ALIAS_MARKS.sub("", inner))
        else:
            notes.append(inner)
    name = " ".join(rest.split()) or None
    if name is not None and is_unknown(name):
        name = None
    return NameCell(name, given_unknown, family_unknown, tuple(alternatives), tuple(notes))


def _is_name(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= MAX_ALTERNATIVE_WORDS and all(_NAME_WORD.match(w) for w in words)


def alternative_full_names(name: str | None, alternatives: tuple[str, ...], *, family_only: bool = False) -> list[str]:
    """Whole names from alternatives. In a full name a one-word alternative replaces the
    family name (``مریم زارعی (قاسمی)`` -> ``مریم قاسمی``; a compound family name such as
    ``رضائی نژاد`` counts as one) and a longer one is a whole name; with ``family_only`` (a
    family-name cell, ``name`` = given + family) every alternative is a family name."""
    words = (name or "").split()
    family = _family_words(words)
    out = []
    for alternative in alternatives:
        if (family_only or len(alternative.split()) == 1) and len(words) > family:
            out.append(" ".join(words[:-family] + [alternative]))
        else:
            out.append(alternative)
    return out


def _family_words(words: list[str]) -> int:
    """How many trailing words make the family name: two when the last is a compound's
    second half written apart (زاده, پور, نژاد; zadeh, pour, nejad), else one."""
    from reckon.names.latin import JOINING_SUFFIXES as LATIN
    from reckon.names.script import JOINING_SUFFIXES as SCRIPT

    last = lookup_key(words[-1]) if words else ""
    return 2 if len(words) > 2 and (last in SCRIPT or last in LATIN) else 1


# -- sex -------------------------------------------------------------------------

_SEX_WORDS = {
    "m": "m", "male": "m", "man": "m", "boy": "m", "mr": "m", "mr.": "m",
    "مرد": "m", "پسر": "m", "آقا": "m", "اقا": "m", "مذکر": "m", "ذکر": "m",
    "f": "f", "female": "f", "woman": "f", "girl": "f", "mrs": "f", "ms": "f", "miss": "f",
    "زن": "f", "دختر": "f", "خانم": "f", "مونث": "f", "مؤنث": "f", "انثی": "f",
}


def parse_sex(text: str) -> str | Problem | None:
    """'m', 'f', None (empty/unknown), or a Problem for a word we do not know."""
    key = lookup_key(text)
    if is_unknown(key):
        return None
    if key in _SEX_WORDS:
        return _SEX_WORDS[key]
    return Problem(f"{text!r} not recognised (expected m/f, male/female, مرد/زن)")


# -- national ids ------------------------------------------------------------------

_NOT_ASCII_DIGIT = re.compile(r"[^0-9]")


def parse_national_id(text: str) -> str | Problem | None:
    """The id's digits as text ('0012345678'): never a number, so leading zeros stay."""
    if is_unknown(text):
        return None
    digits = _NOT_ASCII_DIGIT.sub("", to_ascii_digits(str(text)))
    if not digits:
        return Problem(f"{text!r} has no digits")
    return digits


# -- ages ------------------------------------------------------------------------

MAX_AGE = 120

_AGE_UNIT = re.compile(r"\s*(years? old|years?|yrs?\.?|y/o|yo|y\.?|ساله|سال)$")
_AGE_SINGLE = re.compile(r"^(\d{1,3})$")
_AGE_RANGE = re.compile(r"^(\d{1,3})\s*(?:-|–|—|to|or|/|تا|یا|الی)\s*(\d{1,3})$")
_AGE_UNDER = re.compile(r"^(?:<|under|below|less than|younger than|زیر|کمتر از|کم‌تر از)\s*(\d{1,3})$")
_AGE_OVER = re.compile(r"^(?:>|over|above|more than|older than|بالای|بیش از|بیشتر از|بالاتر از)\s*(\d{1,3})$")
_AGE_PLUS = re.compile(r"^(\d{1,3})\s*\+$")
_AGE_ABOUT = re.compile(
    r"^(?:about|approx\.?|approximately|around|circa|ca\.?|c\.|~|±|حدود|حدودا|حدوداً|تقریبا|تقریباً)\s*(\d{1,3})$"
)
# "probably 17": the list's best reading, kept as the age itself (the text keeps the doubt).
_AGE_PROBABLY = re.compile(
    r"^(?:probably|likely|possibly|perhaps|maybe|prob\.?|احتمالا|احتمالاً|احتمال|شاید|ظاهرا|ظاهراً)\s*(\d{1,3})$"
)
# Two ages offered as alternatives: "17 or 27", "۱۷ یا ۲۷".
_AGE_ALTERNATIVE = re.compile(r"^(\d{1,3})\s*(?:or|/|یا)\s*(\d{1,3})$")
WIDE_ALTERNATIVE_YEARS = 5  # "16 or 17" is one uncertain age; "17 or 27" two different readings
_AGE_DECADE = re.compile(r"^(\d)0s$")
_AGE_MONTHS = re.compile(r"^(\d{1,2})\s*(?:months?|mo|ماه|ماهه|days?|روز|روزه|weeks?|هفته)$")
_AGE_WORDS = {
    "infant": (0, 1), "baby": (0, 1), "نوزاد": (0, 1), "child": (0, 12), "کودک": (0, 12),
    "teen": (13, 19), "teenager": (13, 19), "نوجوان": (13, 19),
}
ABOUT_MARGIN = 2  # "about 40" is read as 38-42


def parse_age(text: str) -> tuple[int, int | None] | Problem | None:
    """(low, high) in years; high is None when open-ended ("over 60", "60+")."""
    key = lookup_key(text)
    if is_unknown(key):
        return None
    if key in _AGE_WORDS:
        return _AGE_WORDS[key]
    if _AGE_MONTHS.match(key):
        return (0, 0)
    key = _AGE_UNIT.sub("", key).strip()
    bounds = _age_bounds(key)
    if bounds is None:
        return Problem(f"{text!r} not read")
    low, high = bounds
    if low > MAX_AGE or (high is not None and (high > MAX_AGE or high < low)):
        return Problem(f"{text!r} is not a plausible age")
    return bounds


def _age_bounds(key: str) -> tuple[int, int | None] | None:
    if m := _AGE_SINGLE.match(key):
        return int(m[1]), int(m[1])
    if m := _AGE_RANGE.match(key):
        low, high = sorted((int(m[1]), int(m[2])))
        return low, high
    if m := _AGE_UNDER.match(key):
        return 0, max(int(m[1]) - 1, 0)
    if m := _AGE_OVER.match(key):
        return int(m[1]) + 1, None
    if m := _AGE_PLUS.match(key):
        return int(m[1]), None
    if m := _AGE_PROBABLY.match(key):
        return int(m[1]), int(m[1])
    if m := _AGE_ABOUT.match(key):
        return max(int(m[1]) - ABOUT_MARGIN, 0), int(m[1]) + ABOUT_MARGIN
    if m := _AGE_DECADE.match(key):
        return int(m[1]) * 10, int(m[1]) * 10 + 9
    return None


def age_note(text: str) -> str | None:
    """A note for an age kept as a range that is really two readings ("17 or 27")."""
    m = _AGE_ALTERNATIVE.match(_AGE_UNIT.sub("", lookup_key(text)).strip())
    if m and abs(int(m[2]) - int(m[1])) > WIDE_ALTERNATIVE_YEARS:
        low, high = sorted((int(m[1]), int(m[2])))
        return f"age: {text!r} gives two different ages; kept as the range {low}-{high}"
    return None


# -- years -------------------------------------------------------------------------

SOLAR_YEARS = range(1200, 1500)
GREGORIAN_YEARS = range(1800, 2101)
SOLAR_TO_GREGORIAN_YEARS = 621  # Solar year Y starts in March of Gregorian year Y + 621


def parse_birth_year(text: str) -> int | Problem | None:
    """A Gregorian year; a Solar Hijri year is taken as the Gregorian year it starts in."""
    key = clean_cell(text)
    if is_unknown(key):
        return None
    if not re.fullmatch(r"\d{4}", key):
        return Problem(f"{text!r} not read")
    year = int(key)
    if year in SOLAR_YEARS:
        return year + SOLAR_TO_GREGORIAN_YEARS
    if year in GREGORIAN_YEARS:
        return year
    return Problem(f"{text!r} is neither a Solar Hijri nor a Gregorian year")


# -- dates -------------------------------------------------------------------------

SOLAR_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ["فروردین"], ["اردیبهشت"], ["خرداد"], ["تیر"], ["مرداد", "امرداد"], ["شهریور"],
            ["مهر"], ["آبان", "ابان"], ["آذر", "اذر"], ["دی"], ["بهمن"], ["اسفند"],
        ],
        start=1,
    )
    for name in names
}
GREGORIAN_MONTHS = {
    **{calendar.month_name[i].lower(): i for i in range(1, 13)},
    **{calendar.month_abbr[i].lower(): i for i in range(1, 13)},
    "sept": 9,
    # Gregorian month names as written in Persian
    **{
        name: number
        for number, name in enumerate(
            ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"],
            start=1,
        )
    },
}
_CALENDAR_MARKS = re.compile(r"(?<=[\d\s])\s*(ه\.?\s?ش\.?|هجری شمسی|شمسی|ش|میلادی|م|ad|a\.d\.|sh|ap)$")
_TIME_PART = re.compile(r"[ t]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
_YMD = re.compile(r"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")
_YM = re.compile(r"^(\d{4})[/\-.](\d{1,2})$")
_MY = re.compile(r"^(\d{1,2})[/\-.](\d{4})$")
_Y = re.compile(r"^(\d{4})$")
_TWO_DIGIT_YEAR = re.compile(r"^(\d{2}[/\-.]\d{1,2}[/\-.]\d{1,2}|\d{1,2}[/\-.]\d{1,2}[/\-.]\d{2})$")
_WORD_TOKENS = re.compile(r"[^\W\d_]+|\d+")


def parse_date(text: str, *, month_first: bool = False) -> DateValue | Problem | None:
    """Read a date, or a span or alternative of dates (``X or Y``, ``X to Y``, ``between X
    and Y``, ``16/17 November 2019``): a span is stored as the interval ``low/high``.
    ``month_first`` decides 11/05/2019 (the reader sets it per column)."""
    key = _date_key(text)
    if is_unknown(key):
        return None
    parts = _parts(key, month_first)
    if parts is None:
        span = _span(key, month_first)
        if span is not None:
            return span if isinstance(span, DateValue) else Problem(f"{text!r} is not a real date", True)
    has_digits = any(ch.isdigit() for ch in key)
    if parts is None and _TWO_DIGIT_YEAR.match(key):
        return Problem(f"{text!r} has a two-digit year; write the year in full (1398/08/25)", meant_as_value=True)
    if parts is None:
        return Problem(f"{text!r} is not a date we can read", meant_as_value=has_digits)
    year, month, day = parts
    try:
        return _date_value(year, month, day)
    except ValueError:
        return Problem(f"{text!r} is not a real date", meant_as_value=True)


def _date_key(text: str) -> str:
    """The cell as the date rules read it: lookup key, without calendar marks or a time."""
    key = _CALENDAR_MARKS.sub("", lookup_key(text)).strip()
    return _TIME_PART.sub("", key).strip()


def _parts(key: str, month_first: bool) -> tuple[int, int | None, int | None] | None:
    return _numeric_parts(key, month_first) or _named_month_parts(key)


# -- spans and alternatives: "X or Y", "X to Y", "between X and Y", "16/17 November 2019" ----

_SPAN_OPENER = re.compile(r"^(?:between|from|بین|مابین|از)\s+")
# Words and dashes that join two dates; a bare "-" or "/" only with spaces around it (ISO
# and d/m/Y dates hold them), unspaced ones are tried by _split_unspaced.
_SPAN_JOINER = re.compile(
    r"\s+(?:or|to|until|till|through|and|یا|تا|الی|لغایت|و)\s+|\s*[–—]\s*|\s+[-/]\s+"
)
_DAY_SPAN_JOINER = re.compile(r"^\s*(?:-|–|—|/|or|to|and|یا|تا|و|الی)\s*$")
# 16-17/11/2019 and 1398/08/25-26: two days of one month, written numerically.
_DMY_DAY_SPAN = re.compile(r"^(\d{1,2})\s*(?:-|–|/|or|to|یا|تا)\s*(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$")
_YMD_DAY_SPAN = re.compile(r"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})\s*(?:-|–|/|or|to|یا|تا)\s*(\d{1,2})$")


def _span(key: str, month_first: bool) -> DateValue | Problem | None:
    """Two dates as one interval (the earliest low to the latest high), or None if not a span.

    A Problem means both sides were read but one is not a real date (``1398/12/31 or ...``).
    """
    try:
        for first, second in _span_sides(key, month_first):
            return DateValue(f"{first.low.isoformat()}/{second.high.isoformat()}", first.low, second.high)
    except ValueError:
        return Problem("not a real date", meant_as_value=True)
    return None


def _span_sides(key: str, month_first: bool) -> list[tuple[DateValue, DateValue]]:
    """The (earlier, later) dates of a span, as a one-item list; empty if ``key`` is none."""
    body = _SPAN_OPENER.sub("", key)
    sides = _SPAN_JOINER.split(body, maxsplit=1)
    pairs = [tuple(sides)] if len(sides) == 2 else _split_unspaced(body, month_first)
    for left, right in pairs:
        left, right = (_CALENDAR_MARKS.sub("", side.strip()).strip() for side in (left, right))
        right_parts = _parts(right, month_first)
        if right_parts is None:
            continue
        left_parts = _parts(left, month_first) or _completed(left, right_parts)
        if left_parts is not None:
            return [_ordered(_date_value(*left_parts), _date_value(*right_parts))]
    days = _day_span(body)
    if days is not None:
        (year, month, first_day), last_day = days
        return [_ordered(_date_value(year, month, first_day), _date_value(year, month, last_day))]
    return []


def _ordered(a: DateValue, b: DateValue) -> tuple[DateValue, DateValue]:
    return (a, b) if a.low <= b.low else (b, a)


def _split_unspaced(body: str, month_first: bool) -> list[tuple[str, str]]:
    """``2019-11-16-2019-11-17``: the one split at a dash where both sides are whole dates."""
    splits = []
    for match in re.finditer(r"[-–]", body):
        left, right = body[: match.start()], body[match.end():]
        if _parts(left, month_first) and _parts(right, month_first):
            splits.append((left, right))
    return splits if len(splits) == 1 else []


def _completed(left: str, right: tuple[int, int | None, int | None]) -> tuple[int, int | None, int | None] | None:
    """A left side that gives only a day, or a day and a month, completed from the right side:
    ``16`` or ``16 november`` before ``17 november 2019``."""
    year, month, _ = right
    tokens = _WORD_TOKENS.findall(left)
    numbers = [t for t in tokens if t.isdigit()]
    words = [t for t in tokens if not t.isdigit()]
    if len(numbers) != 1 or len(numbers[0]) > 2 or len(words) > 1 or month is None:
        return None
    if words:
        month = _month_number(words[0], year)
        if month is None:
            return None
    return year, month, int(numbers[0])


def _day_span(body: str) -> tuple[tuple[int, int | None, int], int] | None:
    """Two days of one month: ``16/17 november 2019``, ``november 16-17, 2019``,
    ``۲۵ یا ۲۶ آبان ۱۳۹۸``, ``16-17/11/2019``, ``1398/08/25-26``. ((year, month, day), last day)."""
    if m := _DMY_DAY_SPAN.match(body):
        return (int(m[4]), int(m[3]), int(m[1])), int(m[2])
    if m := _YMD_DAY_SPAN.match(body):
        return (int(m[1]), int(m[2]), int(m[3])), int(m[4])
    tokens = list(_WORD_TOKENS.finditer(body))
    numbers = [t for t in tokens if t[0].isdigit()]
    months = [t for t in tokens if t[0] in SOLAR_MONTHS or t[0] in GREGORIAN_MONTHS]
    years = [t for t in numbers if len(t[0]) == 4]
    days = [t for t in numbers if len(t[0]) <= 2]
    others = [t for t in tokens if not t[0].isdigit() and t not in months and not _DAY_SPAN_JOINER.match(t[0])]
    if len(months) != 1 or len(years) != 1 or len(days) != 2 or others or len(numbers) != 3:
        return None
    if not _DAY_SPAN_JOINER.match(body[days[0].end(): days[1].start()]):
        return None
    year = int(years[0][0])
    month = _month_number(months[0][0], year)
    if month is None:
        return None
    return (year, month, int(days[0][0])), int(days[1][0])


def _month_number(name: str, year: int) -> int | None:
    """A month name in the calendar its year belongs to (Solar names only with Solar years)."""
    if name in SOLAR_MONTHS and year in SOLAR_YEARS:
        return SOLAR_MONTHS[name]
    return GREGORIAN_MONTHS.get(name)


def looks_month_first(texts: list[str]) -> bool:
    """True when a column's d/m/Y-shaped dates only make sense as m/d/Y (a second part > 12)."""
    firsts_over_12 = seconds_over_12 = False
    for text in texts:
        if m := _DMY.match(clean_cell(text)):
            firsts_over_12 |= int(m[1]) > 12
            seconds_over_12 |= int(m[2]) > 12
    return seconds_over_12 and not firsts_over_12


def _numeric_parts(key: str, month_first: bool) -> tuple[int, int | None, int | None] | None:
    if m := _YMD.match(key):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _DMY.match(key):
        first, second = int(m[1]), int(m[2])
        day, month = (second, first) if month_first else (first, second)
        return int(m[3]), month, day
    if m := _YM.match(key):
        return int(m[1]), int(m[2]), None
    if m := _MY.match(key):
        return int(m[2]), int(m[1]), None
    if m := _Y.match(key):
        return int(m[1]), None, None
    return None


def _named_month_parts(key: str) -> tuple[int, int | None, int | None] | None:
    """'25 آبان 1398', 'آبان 1398', '16 November 2019', 'Nov 16, 2019'."""
    tokens = _WORD_TOKENS.findall(key)
    months = [t for t in tokens if t in SOLAR_MONTHS or t in GREGORIAN_MONTHS]
    numbers = [t for t in tokens if t.isdigit()]
    words = [t for t in tokens if not t.isdigit()]
    if len(months) != 1 or len(words) != 1 or not 1 <= len(numbers) <= 2:
        return None
    years = [n for n in numbers if len(n) == 4]
    days = [n for n in numbers if len(n) <= 2]
    if len(years) != 1 or len(days) != len(numbers) - 1:
        return None
    year = int(years[0])
    name = months[0]
    is_solar_name = name in SOLAR_MONTHS and year in SOLAR_YEARS
    month = SOLAR_MONTHS[name] if is_solar_name else GREGORIAN_MONTHS.get(name)
    if month is None:
        return None
    return year, month, int(days[0]) if days else None


def _date_value(year: int, month: int | None, day: int | None) -> DateValue:
    if month is not None and not 1 <= month <= 12:
        raise ValueError("month")
    if year in SOLAR_YEARS:
        return _solar_date(year, month, day)
    if year in GREGORIAN_YEARS:
        return _gregorian_date(year, month, day)
    raise ValueError("year")


def _gregorian_date(year: int, month: int | None, day: int | None) -> DateValue:
    if month is None:
        return DateValue(f"{year:04d}", date(year, 1, 1), date(year, 12, 31))
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return DateValue(f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last))
    exact = date(year, month, day)
    return DateValue(exact.isoformat(), exact, exact)


def _solar_date(year: int, month: int | None, day: int | None) -> DateValue:
    if day is not None:
        exact = jdatetime.date(year, month, day).togregorian()
        return DateValue(exact.isoformat(), exact, exact)
    first_month, last_month = (month, month) if month else (1, 12)
    low = jdatetime.date(year, first_month, 1).togregorian()
    high = jdatetime.date(year, last_month, _solar_month_length(year, last_month)).togregorian()
    return DateValue(f"{low.isoformat()}/{high.isoformat()}", low, high)


def _solar_month_length(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11:
        return 30
    return 30 if jdatetime.date(year, 1, 1).isleap() else 29
