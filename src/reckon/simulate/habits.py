"""How carefully a list writes its records down, and the values it writes that way.

Real lists leave most fields empty, write an age as "16 or 17" or "under 18", a date of
death as "2019-11-16 or 2019-11-17", and a place as a city, a province, or two places at
once. :class:`Habits` holds one list's rates for all of this (shares of its records, so
a profile is data); the functions here turn recorded values into such text. Random
numbers are drawn as whole arrays first, then applied, so the stream never depends on
the strings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass
from functools import lru_cache

import jdatetime
import numpy as np

from reckon.simulate.noise import PERSIAN_DIGITS
from reckon.simulate.population import EVENT_START

# An age given loosely, and how often each way (shares of the loose ages).
AGE_FORMS: tuple[tuple[str, float], ...] = (
    ("or_next", 0.3),  # 16 or 17
    ("range", 0.3),  # 30-35
    ("under", 0.15),  # under 18 (a child); an adult's age is given as a range instead
    ("probably", 0.15),  # probably 17
    ("or_ten", 0.1),  # 17 or 27: one digit unsure
)
# A date of death given as two days or as a span (real lists: 43 and 46 of 89 ranges).
DATE_FORMS: tuple[tuple[str, float], ...] = (("or", 0.5), ("to", 0.5))

WORDS: dict[str, dict[str, str]] = {
    "en": {"or": " or ", "to": " to ", "under": "under ", "probably": "probably ", "province": "{} Province"},
    "fa": {"or": " یا ", "to": " تا ", "under": "زیر ", "probably": "احتمالا ", "province": "استان {}"},
}
PERSIAN_COMMA = "\u060c"
ADULT = 18


@dataclass(frozen=True)
class Habits:
    """One list's writing habits, as shares of its records (0 = never, 1 = always)."""

    name_blank: float = 0.0  # no name at all (age, place and date still given); the less visible more often
    name_in_latin: float = 0.0  # a list in Persian script writes these names in Latin letters
    given_unknown: float = 0.0  # given name left out, with a note saying so inside the name
    second_surname_note: float = 0.0  # of people with two family names: "MAIN (SECOND)"
    second_surname_only: float = 0.0  # ... or the second family name alone
    decomposed: float = 0.0  # Persian letters stored as letter + combining mark (آ as ا + U+0653)
    placeholder: float = 0.0  # a U+FFFC object placeholder left in the name by copy and paste
    father_fill: float = 1.0
    sex_fill: float = 1.0
    age_fill: float = 1.0
    age_loose: float = 0.0  # of the ages given: written as a range or a guess (AGE_FORMS)
    date_fill: float = 1.0
    date_range: float = 0.0  # of the named records' dates: two days or a span (DATE_FORMS)
    date_range_unnamed: float = 0.0  # ... of the unnamed records' dates (known less well: most are ranges)
    place_fill: float = 1.0
    place_forms: tuple[tuple[str, float], ...] = (("city", 1.0),)  # see PLACE_FORMS in layouts.py
    province_fill: float = 1.0
    province_comma: float = 0.0  # the province written with a trailing Persian comma (کرمانشاه،)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["place_forms"] = dict(self.place_forms)
        return data


def filled(n: int, rate: float, rng: np.random.Generator) -> np.ndarray:
    """Which of n cells a list fills in."""
    return rng.random(n) < rate


def choose(forms: tuple[tuple[str, float], ...], n: int, rng: np.random.Generator) -> np.ndarray:
    """A form name for each of n records, drawn with the forms' weights."""
    names = np.array([name for name, _ in forms], dtype=object)
    weights = np.array([weight for _, weight in forms], dtype=float)
    return names[rng.choice(len(forms), size=n, p=weights / weights.sum())]


def digits(text: str, persian: bool) -> str:
    return text.translate(PERSIAN_DIGITS) if persian else text


# -- ages --------------------------------------------------------------------------------


def age_text(ages: np.ndarray, habits: Habits, words: str, persian: bool, rng: np.random.Generator) -> np.ndarray:
    """The age cell of each record (None where the list gives none)."""
    n = ages.size
    given = filled(n, habits.age_fill, rng) & np.array([a is not None for a in ages], dtype=bool)
    loose = filled(n, habits.age_loose, rng)
    forms = choose(AGE_FORMS, n, rng)
    spread, side = rng.integers(3, 6, size=n), rng.random(n)
    out = np.full(n, None, dtype=object)
    for i in np.flatnonzero(given):
        age = int(ages[i])
        text = _loose_age(age, forms[i], int(spread[i]), float(side[i]), WORDS[words]) if loose[i] else str(age)
        out[i] = digits(text, persian)
    return out


def _loose_age(age: int, form: str, spread: int, side: float, words: dict[str, str]) -> str:
    """An age as a list unsure of it writes it; the recorded age is always inside."""
    if form == "or_next":
        low = age if side < 0.5 or age <= 1 else age - 1
        return f"{low}{words['or']}{low + 1}"
    if form == "under" and age < ADULT:
        return f"{words['under']}{ADULT}"
    if form == "probably":
        return f"{words['probably']}{age}"
    if form == "or_ten" and age > 10:
        low = age if side < 0.5 else age - 10
        return f"{low}{words['or']}{low + 10}"
    low = max(1, age - int(side * (spread + 1)))
    return f"{low}-{low + spread}"


# -- dates -------------------------------------------------------------------------------


def date_text(days: np.ndarray, unnamed: np.ndarray, habits: Habits, calendar: str, words: str, persian: bool,
              rng: np.random.Generator) -> np.ndarray:
    """The date-of-death cell of each record: a day, two days, a span, or None."""
    n = days.size
    present = np.array([d is not None for d in days], dtype=bool)
    given = filled(n, habits.date_fill, rng) & present
    ranged = rng.random(n) < np.where(unnamed, habits.date_range_unnamed, habits.date_range)
    forms = choose(DATE_FORMS, n, rng)
    width, side = rng.integers(1, 4, size=n), rng.random(n)
    day = np.where(present, days, 0).astype(np.int64)
    # "or": the day and its neighbour; "to": a span of 1-3 days around the day.
    low = np.where(forms == "or", day - (side >= 0.5), day - np.floor(side * (width + 1)).astype(np.int64))
    high = np.where(forms == "or", low + 1, low + width)
    write = _date_writer(calendar, persian)
    exact, first, last = write(day), write(low), write(high)
    joiner = np.where(forms == "or", WORDS[words]["or"], WORDS[words]["to"]).astype(object)
    out = np.where(ranged, first + joiner + last, exact).astype(object)
    out[~given] = None
    return out


def _date_writer(calendar: str, persian: bool) -> Callable[[np.ndarray], np.ndarray]:
    """Day offsets -> date text, converting each distinct day once."""
    def write(days: np.ndarray) -> np.ndarray:
        distinct, inverse = np.unique(days, return_inverse=True)
        table = np.array([_one_date(int(d), calendar, persian) for d in distinct], dtype=object)
        return table[inverse]
    return write


@lru_cache(maxsize=None)
def _one_date(day: int, calendar: str, persian: bool) -> str:
    when = EVENT_START + dt.timedelta(days=day)
    if calendar == "solar_hijri":
        return digits(jdatetime.date.fromgregorian(date=when).strftime("%Y/%m/%d"), persian)
    return digits(when.isoformat(), persian)


# -- places ------------------------------------------------------------------------------


def with_comma(values: np.ndarray, rate: float, rng: np.random.Generator) -> np.ndarray:
    """A ``rate`` share of the non-empty cells end in a Persian comma (کرمانشاه،)."""
    out = values.copy()
    hit = filled(values.size, rate, rng) & np.array([v is not None for v in values], dtype=bool)
    out[hit] = out[hit] + PERSIAN_COMMA
    return out
