"""Turn a :class:`ListDraw` into the columns of its list: the clean profile's three formats
here, the harsh profile's layouts in :mod:`reckon.simulate.layouts`.

    A (Latin):   id,name,father_name,sex,age,date_of_death,place_of_death,province,notes
    B (Persian): شناسه,نام,نام خانوادگی,نام پدر,جنسیت,سن,تاریخ فوت,محل فوت,استان
                 Persian digits, Solar Hijri dates YYYY/MM/DD
    C (both):    record_no,full_name,name_fa,father,gender,age,died,city,province

The list importer maps these headers automatically: keep them exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

import jdatetime
import numpy as np
import pandas as pd

from reckon.simulate.layouts import LAYOUTS, layout_frame, layout_record_ids
from reckon.simulate.lists import ListDraw
from reckon.simulate.noise import PERSIAN_DIGITS, add_typos, persian_digits
from reckon.simulate.pools import NOTE_RATE, NOTES, latin_pool, script_pool, stacked
from reckon.simulate.population import EVENT_START, PLACES, Population

HEADERS = {
    "A": ["id", "name", "father_name", "sex", "age", "date_of_death", "place_of_death", "province", "notes"],
    "B": ["شناسه", "نام", "نام خانوادگی", "نام پدر", "جنسیت", "سن", "تاریخ فوت", "محل فوت", "استان"],
    "C": ["record_no", "full_name", "name_fa", "father", "gender", "age", "died", "city", "province"],
}
ASCII_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")


def latin_names(pop: Population, draw: ListDraw) -> tuple[np.ndarray, np.ndarray]:
    """(full name, father's name) in Latin letters for every record."""
    given, surnames, seyed = stacked(draw.spec.latin_styles, latin_pool)
    p, s = draw.person, draw.latin_style
    prefix = np.where(pop.seyed[p], seyed[s, pop.female[p].astype(int)], "")
    full = prefix + given[s, pop.given[p]] + " " + surnames[s, pop.surname[p]]
    return full, given[s, pop.father[p]]


def script_names(pop: Population, draw: ListDraw) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(given name with any سید prefix, surname, father's name) in Persian script."""
    given, surnames, seyed = stacked(draw.spec.script_styles, script_pool)
    p, s = draw.person, draw.script_style
    prefix = np.where(pop.seyed[p], seyed[s, pop.female[p].astype(int)], "")
    return prefix + given[s, pop.given[p]], surnames[s, pop.surname[p]], given[s, pop.father[p]]


def iso_dates(day: np.ndarray) -> np.ndarray:
    return _map(day, lambda d: (EVENT_START + dt.timedelta(days=int(d))).isoformat())


def hijri_dates(day: np.ndarray) -> np.ndarray:
    """Solar Hijri YYYY/MM/DD in Persian digits."""
    def convert(d: int) -> str:
        jalali = jdatetime.date.fromgregorian(date=EVENT_START + dt.timedelta(days=int(d)))
        return jalali.strftime("%Y/%m/%d").translate(PERSIAN_DIGITS)
    return _map(day, convert)


def _map(values: np.ndarray, convert: Callable[[int], str]) -> np.ndarray:
    """Apply ``convert`` once per distinct non-missing value (a handful of days or ages)."""
    out = np.empty(values.size, dtype=object)
    present = np.array([v is not None for v in values], dtype=bool)
    numbers = values[present].astype(np.int64)
    if numbers.size:
        distinct, inverse = np.unique(numbers, return_inverse=True)
        table = np.array([convert(int(v)) for v in distinct], dtype=object)
        out[present] = table[inverse]
    return out


def _masked(values: np.ndarray, missing: np.ndarray) -> np.ndarray:
    out = values.astype(object)
    out[missing] = None
    return out


def _places(pop: Population, draw: ListDraw, latin: bool) -> tuple[np.ndarray, np.ndarray]:
    place = pop.place[draw.person]
    if latin:
        # Lists in a second spelling style use the alternative city spelling (Ahwaz, Esfahan).
        city_table = np.array([[pl.cities[0] for pl in PLACES], [pl.cities[-1] for pl in PLACES]], dtype=object)
        city = city_table[np.minimum(draw.latin_style, 1), place]
        province = np.array([pl.province for pl in PLACES], dtype=object)[place]
    else:
        city = np.array([pl.city_fa for pl in PLACES], dtype=object)[place]
        province = np.array([pl.province_fa for pl in PLACES], dtype=object)[place]
    return _masked(city, draw.place_missing), _masked(province, draw.province_missing)


def _sex(pop: Population, draw: ListDraw, words: tuple[str, str]) -> np.ndarray:
    return _masked(np.where(pop.female[draw.person], words[1], words[0]).astype(object), draw.sex_missing)


def _ages(draw: ListDraw) -> np.ndarray:
    return _map(draw.age, str)


def frame_a(pop: Population, draw: ListDraw, rng: np.random.Generator) -> pd.DataFrame:
    name, father = latin_names(pop, draw)
    city, province = _places(pop, draw, latin=True)
    notes = np.array(NOTES, dtype=object)[rng.integers(0, len(NOTES), draw.size)]
    notes[rng.random(draw.size) >= NOTE_RATE] = None
    ids = np.array([f"{draw.spec.id_prefix}-{i:06d}" for i in range(1, draw.size + 1)], dtype=object)
    columns = [ids, add_typos(name, draw.typo, rng), _masked(father, draw.father_missing),
               _sex(pop, draw, ("M", "F")), _ages(draw), iso_dates(draw.day), city, province, notes]
    return pd.DataFrame(dict(zip(HEADERS["A"], columns)))


def frame_b(pop: Population, draw: ListDraw, rng: np.random.Generator) -> pd.DataFrame:
    given, surname, father = script_names(pop, draw)
    city, province = _places(pop, draw, latin=False)
    ids = persian_digits(np.array([str(i) for i in range(1, draw.size + 1)], dtype=object))
    ages = _ages(draw)
    columns = [ids, given, add_typos(surname, draw.typo, rng), _masked(father, draw.father_missing),
               _sex(pop, draw, ("مرد", "زن")), persian_digits(ages), hijri_dates(draw.day), city, province]
    return pd.DataFrame(dict(zip(HEADERS["B"], columns)))


def frame_c(pop: Population, draw: ListDraw, rng: np.random.Generator) -> pd.DataFrame:
    name, father = latin_names(pop, draw)
    given_fa, surname_fa, _ = script_names(pop, draw)
    name_fa = add_typos(given_fa + " " + surname_fa, draw.typo & (rng.random(draw.size) < 0.5), rng)
    # Some rows carry only one script: the other cell was left blank.
    only_one = rng.random(draw.size) < 2 * draw.spec.missing_rate
    latin_blank = only_one & (rng.random(draw.size) < 0.3)
    city, province = _places(pop, draw, latin=True)
    columns = [np.arange(1, draw.size + 1), _masked(add_typos(name, draw.typo, rng), latin_blank),
               _masked(name_fa, only_one & ~latin_blank), _masked(father, draw.father_missing),
               _sex(pop, draw, ("male", "female")), _ages(draw), iso_dates(draw.day), city, province]
    return pd.DataFrame(dict(zip(HEADERS["C"], columns)))


FRAMES = {"A": frame_a, "B": frame_b, "C": frame_c}


class ListFile(NamedTuple):
    """How a list is published."""

    kind: str  # "csv", "xlsx" or "json": also the file's suffix
    encoding: str
    first_row: int  # the importer's row number of the first record (1 = the CSV header line)


def list_file(fmt: str, persian_encoding: str = "utf-8") -> ListFile:
    """The file a list of format ``fmt`` is written to; B takes ``persian_encoding``."""
    if fmt in LAYOUTS:
        layout = LAYOUTS[fmt]
        return ListFile(layout.kind, layout.encoding, layout.first_row)
    return ListFile("csv", persian_encoding if fmt == "B" else "utf-8", 2)


def list_frame(pop: Population, draw: ListDraw, rng: np.random.Generator) -> pd.DataFrame:
    """The list's file content as a DataFrame with the format's exact headers."""
    if draw.spec.format in LAYOUTS:
        return layout_frame(pop, draw, LAYOUTS[draw.spec.format], rng)
    return FRAMES[draw.spec.format](pop, draw, rng)


def record_ids(frame: pd.DataFrame, fmt: str) -> np.ndarray:
    """The source record id of each row, Persian digits folded to ASCII (as the importer stores it)."""
    if fmt in LAYOUTS:
        return layout_record_ids(frame, LAYOUTS[fmt])
    ids = frame[HEADERS[fmt][0]].astype(str)
    return ids.str.translate(ASCII_DIGITS).to_numpy(dtype=object) if fmt == "B" else ids.to_numpy(dtype=object)
