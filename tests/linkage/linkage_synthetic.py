"""Invented victims in three lists (Latin only, Persian only, both scripts), with the truth.

Names are combinations of common given and family names, drawn at random: no real person.
Each list writes the names in its own way (other spellings, other script), rounds ages
into ranges, shifts dates of death by a day, and one list holds a person twice.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from reckon.case import Case

GIVEN = [  # (Latin spellings, Persian script, sex)
    (("Mohammad", "Mohammed", "Muhammad"), "محمد", "m"), (("Ali",), "علی", "m"),
    (("Reza",), "رضا", "m"), (("Hossein", "Hosein", "Hussein"), "حسین", "m"),
    (("Mehdi", "Mahdi"), "مهدی", "m"), (("Amir",), "امیر", "m"),
    (("Saeed", "Saeid"), "سعید", "m"), (("Hamid",), "حمید", "m"),
    (("Javad",), "جواد", "m"), (("Majid",), "مجید", "m"), (("Farhad",), "فرهاد", "m"),
    (("Behnam",), "بهنام", "m"), (("Pouya", "Puya"), "پویا", "m"), (("Navid",), "نوید", "m"),
    (("Arash",), "آرش", "m"), (("Babak",), "بابک", "m"), (("Kaveh",), "کاوه", "m"),
    (("Omid",), "امید", "m"), (("Peyman", "Payman"), "پیمان", "m"), (("Siavash", "Siyavash"), "سیاوش", "m"),
    (("Maryam",), "مریم", "f"), (("Zahra",), "زهرا", "f"), (("Neda",), "ندا", "f"),
    (("Nasrin",), "نسرین", "f"), (("Shirin",), "شیرین", "f"), (("Mina",), "مینا", "f"), (("Leila", "Leyla"), "لیلا", "f"), (("Sara",), "سارا", "f"),
]
FAMILY = [
    (("Hosseini", "Hosseyni"), "حسینی"), (("Ahmadi",), "احمدی"), (("Rezaei", "Rezaee"), "رضایی"),
    (("Karimi",), "کریمی"), (("Moradi",), "مرادی"), (("Jafari", "Jafary"), "جعفری"),
    (("Mohammadi",), "محمدی"), (("Rahimi",), "رحیمی"), (("Kazemi",), "کاظمی"),
    (("Sadeghi", "Sadeqi"), "صادقی"), (("Ghasemi", "Qasemi"), "قاسمی"), (("Heidari", "Heydari"), "حیدری"),
    (("Nouri", "Nuri"), "نوری"), (("Abbasi",), "عباسی"), (("Safari",), "صفری"),
    (("Bagheri", "Baqeri"), "باقری"), (("Azizi",), "عزیزی"), (("Soltani",), "سلطانی"),
    (("Yousefi", "Yusefi"), "یوسفی"), (("Najafi",), "نجفی"), (("Tavakoli", "Tavakkoli"), "توکلی"),
    (("Shams",), "شمس"), (("Farahani",), "فراهانی"), (("Golzar",), "گلزار"), (("Mirzaei", "Mirzaee"), "میرزایی"),
    (("Bahrami",), "بهرامی"), (("Zamani",), "زمانی"), (("Ebrahimi",), "ابراهیمی"), (("Asadi",), "اسدی"),
    (("Khademi", "Khadem"), "خادمی"),
]
PLACES = [("Tehran", "تهران", "Tehran"), ("Shiraz", "شیراز", "Fars"), ("Karaj", "کرج", "Alborz"),
          ("Mahshahr", "ماهشهر", "Khuzestan"), ("Isfahan", "اصفهان", "Isfahan")]
LISTS = ("ngo_a", "ngo_b", "ngo_c")
COVERAGE = {"ngo_a": 0.6, "ngo_b": 0.5, "ngo_c": 0.4}


def _people(n: int, rng: np.random.Generator) -> pd.DataFrame:
    given = rng.integers(len(GIVEN), size=n)
    return pd.DataFrame({
        "person": [f"p{i:03d}" for i in range(n)],
        "given": given,
        "family": rng.integers(len(FAMILY), size=n),
        "father": rng.integers(20, size=n),  # fathers are among the male names
        "age": rng.integers(12, 70, size=n),
        "day": rng.integers(15, 26, size=n),
        "place": rng.integers(len(PLACES), size=n),
    })


def _latin(names: tuple[str, ...], rng: np.random.Generator) -> str:
    return names[int(rng.integers(len(names)))]


def _record(p, list_name: str, rng: np.random.Generator) -> dict:
    latin_given, script_given, sex = GIVEN[p.given]
    latin_family, script_family = FAMILY[p.family]
    latin_name = f"{_latin(latin_given, rng)} {_latin(latin_family, rng)}"
    script_name = f"{script_given} {script_family}"
    day = p.day + (int(rng.integers(-1, 2)) if list_name == "ngo_b" else 0)
    row = {"list_name": list_name, "person": p.person, "sex": sex, "date_of_death": f"2019-11-{day:02d}"}
    place = PLACES[p.place]
    if list_name == "ngo_a":
        row |= {"name": latin_name, "father_name": _latin(GIVEN[p.father][0], rng),
                "age_low": p.age, "age_high": p.age, "place_of_death": place[0]}
    elif list_name == "ngo_b":
        low = p.age - int(rng.integers(0, 3))
        row |= {"name_native": script_name, "father_name": GIVEN[p.father][1],
                "age_low": low, "age_high": low + 2, "place_of_death": place[1], "province": place[2]}
    else:
        row |= {"name": latin_name, "name_native": script_name, "age_low": p.age, "age_high": p.age,
                "province": place[2]}
    return row


def make_lists(n: int = 400, seed: int = 7) -> pd.DataFrame:
    """Records of three lists in the importer's canonical columns, plus `person` (the truth)."""
    rng = np.random.default_rng(seed)
    rows = []
    for p in _people(n, rng).itertuples(index=False):
        for list_name in LISTS:
            if rng.random() < COVERAGE[list_name]:
                rows.append(_record(p, list_name, rng))
    rows.append(_record(next(_people(n, np.random.default_rng(seed)).itertuples(index=False)), "ngo_a", rng))
    frame = pd.DataFrame(rows)
    frame["source_record_id"] = frame.groupby("list_name").cumcount().add(1).astype(str)
    frame["record_id"] = frame["list_name"] + ":" + frame["source_record_id"]
    return frame


def true_pairs(frame: pd.DataFrame, by: str) -> set[tuple[str, str]]:
    """Every pair of records that share a value of `by` (smaller id first)."""
    pairs = set()
    for ids in frame.groupby(by)["record_id"]:
        members = sorted(ids[1])
        pairs |= {(a, b) for i, a in enumerate(members) for b in members[i + 1:]}
    return pairs


def insert_records(case: Case, frame: pd.DataFrame) -> None:
    """Put records into the case's `records` table as the list importer would."""
    columns = [c for c in frame.columns if c != "person"]
    rows = frame[columns].copy()
    rows["row_number"] = rows.groupby("list_name").cumcount() + 2
    rows["original"] = "{}"
    with case.transaction():
        case.con.register("incoming", rows)
        names = ", ".join(rows.columns)
        case.con.execute(f"INSERT INTO records ({names}) SELECT {names} FROM incoming")
        case.con.unregister("incoming")
        for name, count in rows["list_name"].value_counts().items():  # the audit rows the importer writes
            case.audit("lists.add", list=name, rows=int(count))


