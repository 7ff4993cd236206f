"""The harsh profile's list layouts: which columns a list has, what it calls them, how it
writes them, and in which file type it is published.

A :class:`Layout` is data: the columns as (field, header) pairs, the script, digits and
calendar, the words of its ranges, its :class:`~reckon.simulate.habits.Habits` and its
file kind. :func:`layout_frame` writes any layout. The headers are ones the list importer
maps by itself; what the importer cannot read yet (date ranges, unnamed rows) is the point.

Fields: ``id``, ``name`` (in the layout's script), ``name_latin``, ``name_fa``,
``given_fa``, ``family_fa``, ``father``, ``sex``, ``age``, ``date``, ``place``,
``province``, ``notes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from reckon.simulate.damage import GIVEN_UNKNOWN, decompose, full_names, placeholders, second_surnames
from reckon.simulate.habits import PERSIAN_COMMA, WORDS, Habits, age_text, choose, date_text, digits, filled, with_comma
from reckon.simulate.lists import ListDraw
from reckon.simulate.names import build_surnames
from reckon.simulate.noise import add_typos
from reckon.simulate.pools import NOTES, NOTE_RATE, latin_pool, script_pool, stacked
from reckon.simulate.population import PLACES, Population

# How a place cell is written: the city, the province ("Tehran"), the province named as one
# ("Tehran Province", "استان تهران"), two places ("تهران; کرج": where they died and where they
# lived), or the province with a trailing Persian comma ("کرمانشاه،").
PLACE_FORMS = ("city", "province", "named_province", "two_places", "province_comma")
SURNAMES_COUNT = len(build_surnames())


@dataclass(frozen=True)
class Layout:
    """How one list is written and published."""

    name: str
    kind: str  # "csv", "xlsx" or "json"
    columns: tuple[tuple[str, str], ...]  # (field, header) in file order
    script: bool  # names, fathers and places in Persian script (else Latin)
    persian_digits: bool = False  # ids, ages and dates in Persian digits
    calendar: str = "gregorian"  # or "solar_hijri" (YYYY/MM/DD)
    words: str = "en"  # the language of ranges and guesses: "16 or 17" or "۱۶ یا ۱۷"
    sex_words: tuple[str, str] = ("male", "female")
    habits: Habits = field(default_factory=Habits)
    encoding: str = "utf-8"

    @property
    def first_row(self) -> int:
        """The importer's number of the first record: the line or sheet row after the header;
        in JSON, the position in the array."""
        return 1 if self.kind == "json" else 2

    def header(self, name: str) -> str:
        return dict(self.columns)[name]

    def to_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "columns": dict(self.columns), "script": self.script,
                "persian_digits": self.persian_digits, "calendar": self.calendar, "words": self.words,
                "encoding": self.encoding, "habits": self.habits.to_dict()}


# A human-rights group's list (like the real list A): Persian script only, a fifth of the rows
# without a name, ages for half, places at every granularity, and 30 % of the dates ranges:
# most of the unnamed rows' (in list A, 98 rows are unnamed or ranged, of 66 and 89).
RIGHTS_CSV = Layout(
    "rights_csv", "csv",
    (("id", "No."), ("name", "Name"), ("age", "Age"), ("date", "Date of death"), ("place", "Place of death"),
     ("notes", "Notes")),
    script=True,
    habits=Habits(
        name_blank=0.22, name_in_latin=0.07, given_unknown=0.03, second_surname_note=0.6, decomposed=0.3,
        placeholder=0.03, age_fill=0.54, age_loose=0.3, date_range=0.13, date_range_unnamed=0.86, place_fill=0.97,
        place_forms=(("city", 0.7), ("two_places", 0.12), ("province_comma", 0.1), ("province", 0.08)),
    ),
)
# A memorial's spreadsheet (like list B): both scripts for everyone, exact dates, ages for
# fewer than half, a city or "X Province".
MEMORIAL_XLSX = Layout(
    "memorial_xlsx", "xlsx",
    (("id", "#"), ("name_latin", "Full name"), ("name_fa", "Name (fa)"), ("age", "Age"), ("date", "Date"),
     ("place", "Location")),
    script=False,
    habits=Habits(second_surname_only=0.3, age_fill=0.44, place_forms=(("city", 0.75), ("named_province", 0.25))),
)
# A families' committee in Persian: Persian headers and digits, Solar Hijri dates, given and
# family name apart, the only list with fathers' names.
COMMITTEE_CSV = Layout(
    "committee_csv", "csv",
    (("id", "ردیف"), ("given_fa", "نام"), ("family_fa", "نام خانوادگی"), ("father", "نام پدر"), ("age", "سن"),
     ("date", "تاریخ شهادت"), ("place", "شهر"), ("province", "استان")),
    script=True, persian_digits=True, calendar="solar_hijri", words="fa", sex_words=("مرد", "زن"),
    habits=Habits(
        name_blank=0.05, given_unknown=0.02, second_surname_note=0.3, second_surname_only=0.2, decomposed=0.5,
        placeholder=0.01, father_fill=0.6, age_fill=0.7, age_loose=0.2, date_fill=0.95, date_range=0.15,
        date_range_unnamed=0.6,
        place_fill=0.9, province_fill=0.8, province_comma=0.25,
    ),
    encoding="utf-8-sig",  # as Excel saves "CSV UTF-8"
)
# A news tally published as JSON: Latin names only, sex for most, places often only a province.
TALLY_JSON = Layout(
    "tally_json", "json",
    (("id", "id"), ("name", "name"), ("sex", "gender"), ("age", "age"), ("date", "date"), ("place", "place")),
    script=False,
    habits=Habits(
        given_unknown=0.02, second_surname_only=0.2, sex_fill=0.7, age_fill=0.5, age_loose=0.25, date_fill=0.9,
        date_range=0.2, date_range_unnamed=0.2, place_fill=0.95, place_forms=(("city", 0.5), ("named_province", 0.3), ("province", 0.2)),
    ),
)
LAYOUTS: dict[str, Layout] = {layout.name: layout for layout in (RIGHTS_CSV, MEMORIAL_XLSX, COMMITTEE_CSV, TALLY_JSON)}


def layout_frame(pop: Population, draw: ListDraw, layout: Layout, rng: np.random.Generator) -> pd.DataFrame:
    """The list's file content: one column per (field, header) of the layout, in order."""
    cells = _Cells(pop, draw, layout, rng)
    return pd.DataFrame({header: cells.column(name) for name, header in layout.columns})


def layout_record_ids(frame: pd.DataFrame, layout: Layout) -> np.ndarray:
    """Each row's id as the importer stores it (text, ASCII digits)."""
    ids = frame[layout.header("id")].astype(str)
    return ids.str.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")).to_numpy(dtype=object)


def _unnamed(visibility: np.ndarray, rate: float, rng: np.random.Generator) -> np.ndarray:
    """Records without a name: about ``rate`` of them, mostly of people whose death was
    little seen (and so who are on fewer other lists, where someone would have named them)."""
    weight = np.exp(-visibility)
    return rng.random(visibility.size) < rate * weight / weight.mean() if visibility.size else visibility > 0


class _Cells:
    """The cells of one list, field by field. Per-record choices that several columns share
    (who is unnamed, whose text is damaged) are drawn once, first."""

    def __init__(self, pop: Population, draw: ListDraw, layout: Layout, rng: np.random.Generator) -> None:
        self.pop, self.draw, self.layout, self.rng = pop, draw, layout, rng
        habits, n = layout.habits, draw.size
        self.unnamed = _unnamed(pop.visibility[draw.person], habits.name_blank, rng)
        self.in_latin = filled(n, habits.name_in_latin, rng) & layout.script
        self.given_unknown = filled(n, habits.given_unknown, rng)
        has_second = pop.second_surname[draw.person] >= 0
        pick = rng.random(n)
        self.second_mode = np.where(has_second & (pick < habits.second_surname_note), 1,
                                    np.where(has_second & (pick >= 1 - habits.second_surname_only), 2, 0))
        self.decomposed = filled(n, habits.decomposed, rng)
        self.placeholder = filled(n, habits.placeholder, rng)
        self.placeholder_first = rng.random(n) < 0.5
        self._parts: dict[bool, tuple[np.ndarray, np.ndarray]] = {}

    def column(self, name: str) -> np.ndarray:
        return getattr(self, f"_{name}")()

    # -- names ----------------------------------------------------------------------------

    def _name_parts(self, script: bool) -> tuple[np.ndarray, np.ndarray]:
        """(given name with any honorific, family name as written) in one script."""
        if script not in self._parts:
            pop, draw = self.pop, self.draw
            styles = draw.spec.script_styles if script else draw.spec.latin_styles
            given, surnames, seyed = stacked(styles, script_pool if script else latin_pool)
            style, p = (draw.script_style if script else draw.latin_style), draw.person
            prefix = np.where(pop.seyed[p], seyed[style, pop.female[p].astype(int)], "")
            family = second_surnames(surnames[style, pop.surname[p]],
                                     surnames[style, np.maximum(pop.second_surname[p], 0)], self.second_mode)
            family = add_typos(family.astype(object), draw.typo, self.rng)
            self._parts[script] = ((prefix + given[style, pop.given[p]]).astype(object), family)
        return self._parts[script]

    def _full(self, script: bool) -> np.ndarray:
        given, family = self._name_parts(script)
        return self._damaged(full_names(given, family, self.given_unknown, script))

    def _damaged(self, values: np.ndarray) -> np.ndarray:
        values = decompose(values, self.decomposed)
        values = placeholders(values, self.placeholder, self.placeholder_first)
        return self._blank(values, self.unnamed)

    @staticmethod
    def _blank(values: np.ndarray, missing: np.ndarray) -> np.ndarray:
        out = values.astype(object)
        out[missing] = None
        return out

    def _name(self) -> np.ndarray:
        if not self.layout.script:
            return self._full(False)
        return np.where(self.in_latin, self._full(False), self._full(True)).astype(object)

    def _name_latin(self) -> np.ndarray:
        return self._full(False)

    def _name_fa(self) -> np.ndarray:
        return self._full(True)

    def _given_fa(self) -> np.ndarray:
        given, _ = self._name_parts(True)
        return self._damaged(np.where(self.given_unknown, GIVEN_UNKNOWN[True], given).astype(object))

    def _family_fa(self) -> np.ndarray:
        _, family = self._name_parts(True)
        return self._damaged(family)

    # -- other fields ---------------------------------------------------------------------

    def _id(self) -> np.ndarray:
        numbers = np.arange(1, self.draw.size + 1)
        prefix = self.draw.spec.id_prefix
        if prefix:
            return np.array([f"{prefix}-{i:05d}" for i in numbers], dtype=object)
        return np.array([digits(str(i), self.layout.persian_digits) for i in numbers], dtype=object)

    def _father(self) -> np.ndarray:
        script = self.layout.script
        pool, styles = (script_pool, self.draw.spec.script_styles) if script else (latin_pool, self.draw.spec.latin_styles)
        given, _, _ = stacked(styles, pool)
        style = self.draw.script_style if script else self.draw.latin_style
        fathers = given[style, self.pop.father[self.draw.person]].astype(object)
        # A list that does not know who someone was does not know their father either.
        return self._blank(fathers, ~filled(self.draw.size, self.layout.habits.father_fill, self.rng) | self.unnamed)

    def _sex(self) -> np.ndarray:
        words = np.where(self.pop.female[self.draw.person], *reversed(self.layout.sex_words)).astype(object)
        return self._blank(words, ~filled(self.draw.size, self.layout.habits.sex_fill, self.rng))

    def _age(self) -> np.ndarray:
        layout = self.layout
        return age_text(self.draw.age, layout.habits, layout.words, layout.persian_digits, self.rng)

    def _date(self) -> np.ndarray:
        layout = self.layout
        return date_text(self.draw.day, self.unnamed, layout.habits, layout.calendar, layout.words,
                         layout.persian_digits, self.rng)

    def _place_names(self, place: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(city, province, province named as one) for place codes, in the layout's script."""
        if self.layout.script:
            city = np.array([p.city_fa for p in PLACES], dtype=object)[place]
            province = np.array([p.province_fa for p in PLACES], dtype=object)
        else:
            # Lists in a second spelling style use the alternative city spelling (Ahwaz, Esfahan).
            spellings = np.array([[p.cities[0] for p in PLACES], [p.cities[-1] for p in PLACES]], dtype=object)
            city = spellings[np.minimum(self.draw.latin_style, 1), place]
            province = np.array([p.province for p in PLACES], dtype=object)
        named = np.array([WORDS["fa" if self.layout.script else "en"]["province"].format(p) for p in province],
                         dtype=object)
        return city, province[place], named[place]

    def _place(self) -> np.ndarray:
        habits, n = self.layout.habits, self.draw.size
        place = self.pop.place[self.draw.person]
        forms = choose(habits.place_forms, n, self.rng)
        elsewhere = (place + self.rng.integers(1, len(PLACES), size=n)) % len(PLACES)
        city, province, named = self._place_names(place)
        other_city, _, _ = self._place_names(elsewhere)
        written = {
            "city": city, "province": province, "named_province": named,
            "two_places": city + "; " + other_city, "province_comma": province + PERSIAN_COMMA,
        }
        out = np.empty(n, dtype=object)
        for form in PLACE_FORMS:
            out[forms == form] = written[form][forms == form]
        out = self._blank(out, ~filled(n, habits.place_fill, self.rng))
        return decompose(out, self.decomposed)

    def _province(self) -> np.ndarray:
        habits = self.layout.habits
        _, province, _ = self._place_names(self.pop.place[self.draw.person])
        province = self._blank(province, ~filled(self.draw.size, habits.province_fill, self.rng))
        return decompose(with_comma(province, habits.province_comma, self.rng), self.decomposed)

    def _notes(self) -> np.ndarray:
        notes = np.array(NOTES, dtype=object)[self.rng.integers(0, len(NOTES), self.draw.size)]
        return self._blank(notes, ~filled(self.draw.size, NOTE_RATE, self.rng))
