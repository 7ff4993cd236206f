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
    if m := _AGE_ABOUT.match(key):
        return max(int(m[1]) - ABOUT_MARGIN, 0), int(m[1]) + ABOUT_MARGIN
    if m := _AGE_DECADE.match(key):
        return int(m[1]) * 10, int(m[1]) * 10 + 9
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
    """Read a date; ``month_first`` decides 11/05/2019 (the reader sets it per column)."""
    key = _CALENDAR_MARKS.sub("", lookup_key(text)).strip()
    key = _TIME_PART.sub("", key).strip()
    if is_unknown(key):
        return None
    parts = _numeric_parts(key, month_first)
    if parts is None:
        parts = _named_month_parts(key)
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
