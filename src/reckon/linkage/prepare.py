"""Turn records (canonical fields) into the columns the linkage model compares.

Input: one row per record with ``record_id``, ``list_name`` and any of the canonical
fields (``name``, ``name_native``, ``given_name``, ``family_name``, ``father_name``,
``sex``, ``age_low``/``age_high``, ``birth_year``, ``date_of_birth``,
``date_of_death`` or ``date_of_death_low``/``_high``, ``place_of_death``,
``province``, and ``national_id``: an identity-card or social-security number, which
few casualty lists have). From ``reckon lists`` also ``identified``, ``name_alternatives``
and the canonical place (``place_name``, ``province_name``: reckon.places). Missing
columns are treated as empty.

A record without a name (``identified`` false, or no name field at all) is an
unidentified victim. Unless it gives an id number or a full date of birth (evidence that
can identify a person by itself; such a record is compared like any other), all its
columns but record_id and list_name are NULL: no blocking rule pairs it and it stays a
person of its own, since an age, a place and a date of death must not join it to a named
person.

Output columns (all may be NULL except the first two):

    record_id, list_name
    full_key, alt_key       the name keyed in one Latin key space; alt_key is the other
                            script's spelling when a record gives both
    full_skel, alt_skel     their consonant skeletons, spaces removed (no short vowels in script)
    native_key              the name in its own (Persian/Arabic) script, folded
                            (reckon.names.normalize_script) with spaces and ZWNJ removed;
                            NULL for a record with no name in that script
    name_coarse             coarse key of the full name (reckon.names.coarse_key), for blocking
    given_key, family_key   first and last part of the name (or the given fields)
    given_forms             the given name's key, then the keys of names it is listed with as a
                            short or full form (Bill: bil, ..., viliam; reckon.names.nicknames),
                            NULL if none known
    given_coarse, family_coarse   their skeletons
    given_initial, family_initial their first letters (for blocking)
    father_key              skeleton of the father's name key
    sex                     'm' / 'f'
    age_low, age_high       age at death as a range (from birth year if not given)
    birth_year, date_of_birth (ISO text)
    death_low, death_high   date-of-death bounds (DATE); death_month 'YYYY-MM' for blocking
    place_key, province_key skeletons of the place names' keys (codes with digits as written);
                            the canonical place's and province's Latin names where they resolved
                            (so a city and "X Province" share a province_key), the text otherwise
    national_id             the id number's digits
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pyarrow as pa

from reckon.errors import InputError
from reckon.names import coarse_of_key, is_script, joined_skeleton, key_column, name_key, normalize_script, skeleton
from reckon.names.nicknames import formal_forms

TEXT = pd.StringDtype("pyarrow")
FEATURE_COLUMNS = (
    "record_id", "list_name", "full_key", "alt_key", "full_skel", "alt_skel", "native_key", "name_coarse", "given_key", "family_key",
    "given_forms", "given_coarse", "family_coarse", "given_initial", "family_initial", "father_key", "sex", "age_low", "age_high", "birth_year",
    "date_of_birth", "death_low", "death_high", "death_month", "place_key", "province_key", "national_id",
)


def prepare_features(records: pd.DataFrame) -> pd.DataFrame:
    """The linkage columns for every record (see the module docstring)."""
    _check_ids(records)
    col = _column_getter(records)
    # Text stays Arrow strings throughout (.array, not .to_numpy(): no Python string per row).
    out = pd.DataFrame({"record_id": records["record_id"].astype(TEXT).array})
    out["list_name"] = col("list_name").fillna("list").astype(TEXT).array
    _add_names(out, col)
    out["father_key"] = key_column(col("father_name"), _skeleton_key).array
    out["sex"] = _sex(col("sex")).to_numpy()
    _add_dates(out, col)
    out["national_id"] = key_column(col("national_id"), _digits).array
    _add_places(out, col)
    out = out[list(FEATURE_COLUMNS)]
    _blank_unnamed(out, col)
    # Text as Arrow strings: a fraction of the memory of Python strings at a million records.
    text = [c for c in out.columns if c not in ("death_low", "death_high")
            and (out[c].dtype == object or isinstance(out[c].dtype, pd.StringDtype))]
    return out.astype({c: TEXT for c in text})




def _check_ids(records: pd.DataFrame) -> None:
    if "record_id" not in records.columns:
        raise InputError("records have no `record_id` column", fix="give each record a unique id")
    duplicated = records["record_id"][records["record_id"].duplicated()]
    if len(duplicated):
        raise InputError(
            f"record_id {duplicated.iloc[0]!r} appears more than once",
            fix="record ids must be unique ('<list>:<id>')",
        )


def _column_getter(records: pd.DataFrame):
    empty = pd.Series([None] * len(records), index=records.index, dtype="object")

    def col(name: str) -> pd.Series:
        return records[name] if name in records.columns else empty

    return col


def _add_names(out: pd.DataFrame, col) -> None:
    # One name is keyed once, though several columns give it (the name, its coarse key).
    keyed: dict[str, str] = {}

    def key(text: str) -> str:
        found = keyed.get(text)
        if found is None:
            found = keyed[text] = name_key(text)
        return found

    latin = key_column(col("name"), key)
    native = key_column(col("name_native"), key)
    given = key_column(col("given_name"), key)
    family = key_column(col("family_name"), key)
    # A list may give only given and family names: join them into the full name.
    joined = (given.fillna("") + " " + family.fillna("")).str.strip()
    joined = joined.where(joined.str.len() > 0)
    full = latin.fillna(native).fillna(joined)
    alt = native.where(latin.notna() & native.notna() & (native != latin))
    # A second name the list gives in parentheses ("Maryam Zarei (Ghasemi)") where no other
    # script's spelling takes the place.
    alt = alt.fillna(key_column(_first_alternative(col("name_alternatives")), key))
    raw = col("name").fillna(col("name_native")).astype("string")
    raw_joined = (col("given_name").fillna("").astype(str) + " " + col("family_name").fillna("").astype(str)).str.strip()
    raw = raw.fillna(raw_joined.where(raw_joined.str.len() > 0).astype("string"))
    out["full_key"] = full.array
    out["alt_key"] = alt.array
    # Two names in one script are compared as written (folded), not through a romanisation.
    script = col("name_native").where(col("name_native").notna(), col("name"))
    out["native_key"] = key_column(script, _native_fold).array
    out["full_skel"] = key_column(full, joined_skeleton).array
    out["alt_skel"] = key_column(alt, joined_skeleton).array
    out["given_key"] = given.fillna(key_column(full, _first_word)).array
    out["family_key"] = family.fillna(key_column(full, _last_word)).array
    out["name_coarse"] = key_column(raw, lambda text: coarse_of_key(key(text))).array
    out["given_forms"] = _given_forms(out["given_key"])
    out["given_coarse"] = key_column(out["given_key"], skeleton).array
    out["family_coarse"] = key_column(out["family_key"], skeleton).array
    # First letters, for blocking on one name part and the other's initial (Bill/William).
    out["given_initial"] = out["given_coarse"].str[:1].array
    out["family_initial"] = out["family_coarse"].str[:1].array


def _first_word(key: str) -> str:
    return key.split(" ")[0]


def _last_word(key: str) -> str:
    return key.split(" ")[-1]


def _first_alternative(values: pd.Series) -> pd.Series:
    """The first name of a JSON array of alternative names (NULL if none)."""
    import json

    def first(text: object) -> str | None:
        if not isinstance(text, str):
            return None
        names = json.loads(text)
        return names[0] if names else None

    return values.map(first).astype("object")


def _blank_unnamed(out: pd.DataFrame, col) -> None:
    """Unidentified records without an id number or a date of birth are compared on nothing
    (see the module docstring)."""
    named = pd.Series(False, index=out.index)
    for name in ("name", "name_native", "given_name", "family_name"):
        named |= col(name).notna().to_numpy()
    identified = col("identified")
    named &= ~(identified.notna() & (identified.astype("boolean") == False)).to_numpy()  # noqa: E712
    identifiable = out["national_id"].notna() | out["date_of_birth"].notna()
    blank = ~(named | identifiable).to_numpy()
    if not blank.any():
        return
    for column in FEATURE_COLUMNS:
        if column not in ("record_id", "list_name"):
            out[column] = out[column].mask(blank)  # keeps each column's type


def _add_places(out: pd.DataFrame, col) -> None:
    """place_key and province_key: from the canonical names where the gazetteer resolved them.

    A place cell that resolved to a province only ("Kermanshah Province", and no province
    cell it could have come from) has no place_key: it says nothing finer than its province.
    """
    place_text = col("place_name").where(col("place_name").notna(), col("place_of_death"))
    province_only = col("place_name").isna() & col("province_name").notna() & col("province").isna()
    place_text = place_text.where(~province_only, None)
    province_text = col("province_name").where(col("province_name").notna(), col("province"))
    out["place_key"] = key_column(place_text, _place_key).array
    out["province_key"] = key_column(province_text, _place_key).array


def _given_forms(given_keys: pd.Series) -> pd.Series:
    """Lists of keys (Arrow), NULL for names with no known short or formal form."""
    codes, distinct = pd.factorize(given_keys)
    forms = pd.array([formal_forms(key) for key in distinct] + [None], dtype=pd.ArrowDtype(pa.list_(pa.string())))
    return pd.Series(forms.take(np.where(codes < 0, len(distinct), codes)))


def _native_fold(text: str) -> str:
    """A script name folded (letter variants, diacritics, titles), its word breaks dropped:
    one list writes محمدعلی, another محمد علی or محمد‌علی. "" for Latin text."""
    return normalize_script(text).replace(" ", "") if is_script(text) else ""


def _skeleton_key(text: str) -> str:
    return skeleton(name_key(text))


def _digits(text: str) -> str:
    """An id number's digits in ASCII (Persian and Arabic-Indic digits too), nothing else."""
    return "".join(str(int(ch)) for ch in text if ch.isdigit())


# Place names are half translated ("West Azerbaijan" = آذربایجان غربی, "Sistan and
# Baluchestan" = سیستان و بلوچستان, "Razavi Khorasan" = خراسان رضوی) and written joined or
# apart ("Khorram Abad", خرم‌آباد). Compass words of both scripts map to one token and go
# first with other qualifiers, "and"/و and a "Bandar" before a city's name are dropped, and
# the words are joined (a later word's initial vowel dropped as in a joined spelling).
_PLACE_WORDS = {"vst": "W", "qrb": "W", "ast": "E", "crq": "E", "nrs": "N", "nrt": "N", "cml": "N",
                "ss": "S", "st": "S", "jnb": "S", "rz": "R", "and": "", "v": ""}
_PLACE_PREFIXES = {"bndr"}


def _place_key(text: str) -> str:
    """Place names like names (any script); codes with digits (postcodes) as written."""
    if any(ch.isdigit() for ch in text):
        return "".join(ch for ch in text.lower() if ch.isalnum())
    words = [_PLACE_WORDS.get(w, w) for w in skeleton(name_key(text)).split()]
    words = [w for w in words if w and not (w in _PLACE_PREFIXES and len(words) > 1)]
    qualifiers = sorted(w for w in words if w.isupper())
    names = [w for w in words if not w.isupper()]
    names = names[:1] + [w[1:] if w.startswith("a") and len(w) > 1 else w for w in names[1:]]
    return "".join(qualifiers + names)


def _sex(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.strip().str.lower().str[:1]
    return text.where(text.isin(["m", "f"]))


def _per_date(dates: pd.Series, convert: Callable[[pd.Series], pd.Series]) -> np.ndarray:
    """``convert(dates).to_numpy()``, ``convert`` being elementwise, computed on one row per
    distinct date (NaT too) and spread back: a million records hold a few thousand dates."""
    codes = pd.factorize(dates, use_na_sentinel=True)[0]
    distinct, first = np.unique(codes, return_index=True)
    values = convert(dates.iloc[first]).to_numpy()
    return values[np.searchsorted(distinct, codes)]


def _add_dates(out: pd.DataFrame, col) -> None:
    dob = pd.to_datetime(col("date_of_birth"), errors="coerce", format="mixed")
    birth_year = pd.to_numeric(col("birth_year"), errors="coerce").fillna(dob.dt.year)
    out["birth_year"] = birth_year.astype("Int64").to_numpy()
    out["date_of_birth"] = pd.Series(_per_date(dob, lambda d: d.dt.strftime("%Y-%m-%d"))).astype("string").array
    # An interval ("2019-11-16/2019-11-17") has its bounds in _low/_high; pandas would misread it.
    written = col("date_of_death").astype("string")
    exact = pd.to_datetime(written.where(~written.str.contains("/", regex=False).fillna(False)),
                           errors="coerce", format="mixed")
    low = pd.to_datetime(col("date_of_death_low"), errors="coerce").fillna(exact)
    high = pd.to_datetime(col("date_of_death_high"), errors="coerce").fillna(exact).fillna(low)
    out["death_low"] = _per_date(low, lambda d: d.dt.date)
    out["death_high"] = _per_date(high, lambda d: d.dt.date)
    month = pd.Series(_per_date(low, lambda d: d.dt.strftime("%Y-%m"))).astype("string")
    out["death_month"] = month.where((low.dt.month == high.dt.month).to_numpy()).array
    age_low = pd.to_numeric(col("age_low"), errors="coerce")
    age_high = pd.to_numeric(col("age_high"), errors="coerce").fillna(age_low)
    # Without an age, the age at death follows from the birth year and the year of death.
    derived = low.dt.year - birth_year
    out["age_low"] = age_low.fillna(derived - 1).astype("Int64").to_numpy()
    out["age_high"] = age_high.fillna(derived).astype("Int64").to_numpy()
