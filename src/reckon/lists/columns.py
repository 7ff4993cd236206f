"""Mapping a list's columns onto the canonical victim fields.

Headers are compared by a *key*: lower case, Arabic ي/ك as Persian ی/ک, diacritics,
tatweel, ZWNJ, spaces, underscores and punctuation removed — so "Full_Name", "full name"
and "FullName" are one key, as are "نام‌خانوادگی" and "نام خانوادگی".
"""

from __future__ import annotations

import re
import unicodedata

from reckon.errors import InputError

CANONICAL_FIELDS = (
    "name",
    "name_native",
    "given_name",
    "family_name",
    "father_name",
    "sex",
    "age",
    "birth_year",
    "date_of_birth",
    "date_of_death",
    "place_of_death",
    "province",
    "national_id",
    "source_record_id",
    "notes",
)
NAME_FIELDS = ("name", "name_native", "given_name", "family_name")

# Header phrases per field, most specific first. A bare "name"/"نام" means the given name
# when the list also has a family-name column (Persian lists: نام + نام خانوادگی).
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name_native": (
        "name_native", "name_fa", "name_farsi", "name_persian", "persian name", "farsi name",
        "native name", "name in persian", "name (fa)", "نام فارسی", "نام به فارسی",
    ),
    "name": (
        "full name", "name", "victim name", "name of victim", "victim", "name_en", "name latin",
        "english name", "name (en)", "نام و نام خانوادگی", "نام کامل", "نام و نام‌خانوادگی", "اسم", "نام",
    ),
    "family_name": ("family name", "surname", "last name", "family", "نام خانوادگی", "فامیلی", "شهرت"),
    "given_name": ("given name", "first name", "forename", "first", "نام کوچک"),
    "father_name": ("father name", "father's name", "fathers name", "father", "name of father", "نام پدر", "پدر"),
    "sex": ("sex", "gender", "جنسیت", "جنس"),
    "age": ("age", "age at death", "سن", "سن هنگام فوت", "سن هنگام مرگ"),
    "birth_year": ("birth year", "year of birth", "yob", "سال تولد"),
    "date_of_birth": ("date of birth", "dob", "birth date", "birthdate", "born", "تاریخ تولد"),
    "date_of_death": (
        "date of death", "died", "dod", "death date", "date died", "date killed", "تاریخ فوت",
        "تاریخ درگذشت", "تاریخ شهادت", "تاریخ کشته شدن", "تاریخ جان باختن", "تاریخ مرگ", "date", "تاریخ",
    ),
    "place_of_death": (
        "place of death", "place died", "death place", "place", "city", "location", "town",
        "محل فوت", "محل درگذشت", "محل شهادت", "محل کشته شدن", "محل جان باختن", "شهر", "محل", "مکان",
    ),
    "province": ("province", "state", "region", "ostan", "استان"),
    # Not شماره شناسنامه: a birth-certificate number is another number (kept as an extra column).
    "national_id": (
        "national id", "national id number", "national id no", "id number", "national code",
        "national number", "code melli", "melli code", "national card number", "id card number",
        "identity card number", "ssn", "social security number", "social security no",
        "کد ملی", "شماره ملی", "شماره کارت ملی", "کارت ملی",
    ),
    "source_record_id": (
        "id", "record id", "record no", "record number", "record", "no", "number", "#", "row",
        "شناسه", "ردیف", "شماره", "کد",
    ),
    "notes": ("notes", "note", "comments", "comment", "remarks", "description", "توضیحات", "ملاحظات", "شرح", "توضیح"),
}

_ARABIC_TO_PERSIAN = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا"})
_NOT_WORD = re.compile(r"[\W_]+")


def header_key(header: str) -> str:
    """The comparison key of a header (see the module docstring)."""
    text = unicodedata.normalize("NFKC", str(header)).lower().translate(_ARABIC_TO_PERSIAN)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn" and ch != "\u0640")
    key = _NOT_WORD.sub("", text)
    return key or ("#" if "#" in str(header) else "")


_SYNONYM_KEYS = {field: [header_key(p) for p in phrases] for field, phrases in HEADER_SYNONYMS.items()}


def auto_map(columns: list[str]) -> dict[str, str]:
    """{canonical field: column} guessed from the headers; unknown columns stay unmapped."""
    by_key: dict[str, str] = {}
    for column in columns:
        by_key.setdefault(header_key(column), column)
    has_family = any(key in by_key for key in _SYNONYM_KEYS["family_name"])
    taken: set[str] = set()
    mapping: dict[str, str] = {}
    for field in _field_order(has_family):
        for key in _keys_for(field, has_family):
            column = by_key.get(key)
            if column is not None and column not in taken:
                mapping[field] = column
                taken.add(column)
                break
    return {field: mapping[field] for field in CANONICAL_FIELDS if field in mapping}


def _field_order(has_family: bool) -> list[str]:
    # With a family-name column, the given name claims the bare "name" before `name` does.
    order = list(HEADER_SYNONYMS)
    if has_family:
        order.remove("given_name")
        order.insert(order.index("name"), "given_name")
    return order


_BARE_NAME_KEYS = {header_key("name"), header_key("نام"), header_key("اسم")}


def _keys_for(field: str, has_family: bool) -> list[str]:
    keys = _SYNONYM_KEYS[field]
    if has_family and field == "given_name":
        return keys + sorted(_BARE_NAME_KEYS)
    if has_family and field == "name":
        return [k for k in keys if k not in _BARE_NAME_KEYS]
    return keys


def resolve_mapping(columns: list[str], overrides: dict[str, str] | None, *, file: str) -> dict[str, str]:
    """Auto-mapping with ``overrides`` ({canonical: column}; an empty column unmaps a field)."""
    overrides = overrides or {}
    chosen: dict[str, str | None] = {}
    for field, column in overrides.items():
        chosen[field] = _check_override(field, column, columns, file)
    used = {c for c in chosen.values() if c}
    for field, column in auto_map([c for c in columns if c not in used]).items():
        chosen.setdefault(field, column)
    mapping = {field: chosen[field] for field in CANONICAL_FIELDS if chosen.get(field)}
    if not any(field in mapping for field in NAME_FIELDS):
        raise InputError(
            "no column holds the victims' names",
            file=file,
            fix=f"pass --map name=COLUMN; the columns are: {', '.join(columns)}",
        )
    return mapping  # type: ignore[return-value]


def _check_override(field: str, column: str, columns: list[str], file: str) -> str | None:
    if field not in CANONICAL_FIELDS:
        raise InputError(
            f"--map {field}={column}: {field!r} is not a canonical field",
            file=file,
            fix=f"use one of: {', '.join(CANONICAL_FIELDS)}",
        )
    if not column:
        return None
    if column in columns:
        return column
    matches = [c for c in columns if header_key(c) == header_key(column)]
    if len(matches) == 1:
        return matches[0]
    raise InputError(
        f"--map {field}={column}: the file has no column {column!r}",
        file=file,
        fix=f"the columns are: {', '.join(columns)}",
    )


def parse_map_options(options: list[str]) -> dict[str, str]:
    """['name=Full Name', 'sex='] -> {'name': 'Full Name', 'sex': ''} (CLI --map values)."""
    mapping: dict[str, str] = {}
    for option in options:
        field, sep, column = option.partition("=")
        if not sep:
            raise InputError(
                f"--map {option!r} is not CANONICAL=COLUMN",
                fix="write it like --map name=\"Full Name\" (or --map notes= to leave a field unmapped)",
            )
        mapping[field.strip()] = column.strip()
    return mapping
