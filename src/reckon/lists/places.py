"""A list's places and provinces resolved to canonical places (``reckon.places``).

The cells stay as written (``place_of_death``, ``province``); the canonical place goes
beside them (``place_id``, ``province_id``, names in both scripts, country, coordinates).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from reckon.errors import InputError
from reckon.places.resolve import PLACE_COLUMNS

SHOWN_UNRESOLVED = 5  # the most frequent unresolved places named in the import's notes


@dataclass(frozen=True)
class PlacesRead:
    """What resolving a list's places found."""

    country: str | None
    rows_with_place: int  # rows with a place or a province cell
    rows_resolved: int  # ... of which resolved to at least a province
    unresolved: tuple[tuple[str, int], ...] = ()  # the cells that did not resolve, most rows first
    notes: list[str] = field(default_factory=list)


def add_places(
    records: pd.DataFrame, *, country: str | None, default_country: str | None, file: str | None = None
) -> PlacesRead:
    """Add PLACE_COLUMNS to ``records`` (in place) and say how many places resolved."""
    for column in PLACE_COLUMNS:
        records[column] = None
    places, provinces = records["place_of_death"], records["province"]
    given = places.notna() | provinces.notna()
    if not given.any():
        return PlacesRead(country or default_country, 0, 0)
    country = _checked_country(country, file) or _detected(places[given], provinces[given]) or default_country
    from reckon.places.resolve import resolve_places  # loads the gazetteer

    resolved = resolve_places(places, provinces, country)
    for column in PLACE_COLUMNS:
        records[column] = resolved[column].to_numpy()
    found = records["province_id"].notna() | records["place_id"].notna()
    unresolved = Counter(
        " / ".join(str(v) for v in pair if isinstance(v, str))
        for pair in zip(places[given & ~found], provinces[given & ~found])
    ).most_common()
    return PlacesRead(country, int(given.sum()), int((given & found).sum()), tuple(unresolved),
                      _notes(country, int(given.sum()), int((given & found).sum()), unresolved))


def _checked_country(country: str | None, file: str | None) -> str | None:
    if country is None:
        return None
    code = country.strip().upper()
    from reckon.places.gazetteer import Gazetteer

    if code not in set(Gazetteer.load().countries["country"]):
        raise InputError(
            f"--country {country!r} is not a country code we know", file=file,
            fix="give the two-letter ISO 3166-1 code, e.g. IR, SY, UA, SD",
        )
    return code


def _detected(places: pd.Series, provinces: pd.Series) -> str | None:
    from reckon.places.resolve import detect_country

    texts = pd.concat([places, provinces]).dropna()
    counts = texts.value_counts()
    return detect_country(counts.index.tolist(), counts.to_numpy().tolist())


def _notes(country: str | None, given: int, resolved: int, unresolved: list[tuple[str, int]]) -> list[str]:
    if country is None:
        return [f"places: none of the {given} rows with a place names a place we know; pass --country XX"]
    if not unresolved:
        return []  # the counts are in the import's summary
    shown = ", ".join(f"{text!r} ({n})" for text, n in unresolved[:SHOWN_UNRESOLVED])
    more = ", ..." if len(unresolved) > SHOWN_UNRESOLVED else ""
    return [f"places: {given - resolved} of {given} rows with a place not resolved in {country}: {shown}{more}"]
