"""From a place and a province as a list writes them to one canonical place.

    country = detect_country(["تهران", "کرج", "Sanandaj"])      # "IR": most texts are places there
    resolver = Resolver.for_country("IR")
    resolver.resolve("کرمانشاه،", None)    # Place(city Kermanshah, province IR-05 Kermanshah, IR, ...)
    resolver.resolve("Kermanshah Province", None)    # the province only: place_id None
    resolver.resolve("اهواز; تهران", None)  # two places (where they died; where they lived): the first

How a text is matched, within one country, tier after tier: its exact folded key; the key
without generic words ("Bandar", "Province", "استان"); the consonant skeleton of the name
(``reckon.names``: Luristan = Lorestan, any script); for provinces also a unique prefix
(Kharkiv -> Kharkivska) and a close fuzzy match. Several cities with one name: the one
in the province the row gives, else the most populous. A text that names a province and
also a town elsewhere is the province. A city and a province cell that disagree keep the
province and leave the place unresolved.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import lru_cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from reckon.places.gazetteer import Gazetteer
from reckon.places.keys import place_key, province_marked, skeleton_key, stripped_key

# Parts of one cell: "اهواز; تهران" (two places), "Karaj, Alborz" (place and province),
# "کرمانشاه،" (a trailing Persian comma).
_PARTS = re.compile(r"[;؛|,،/]")
MIN_SKELETON = 3  # shorter skeletons (Sari: "sr") match too many places
MIN_PREFIX = 4
FUZZY_CUTOFF = 88  # rapidfuzz ratio of two provinces' keys


@dataclass(frozen=True)
class Place:
    """A canonical place: a city (if known) and its province, in Latin and the country's script."""

    place_id: str | None = None  # GeoNames id
    place_name: str | None = None
    place_name_native: str | None = None
    province_id: str | None = None  # ISO 3166-2
    province_name: str | None = None
    province_name_native: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    latitude: float | None = None
    longitude: float | None = None

    @property
    def resolved(self) -> bool:
        return self.place_id is not None or self.province_id is not None


PLACE_COLUMNS = tuple(f.name for f in fields(Place))
UNRESOLVED = Place()


def detect_country(texts: Iterable[str | None], weights: Iterable[int] | None = None) -> str | None:
    """The country most of the texts name a place in (each text weighted, e.g. by its rows).

    None when no text names a known place. A text that names places in several
    countries (Abadan is in Iran and Turkmenistan) votes for each.
    """
    texts = list(texts)
    weights = list(weights) if weights is not None else [1] * len(texts)
    keys_of = {t: _lookup_keys(t) for t in set(texts) if isinstance(t, str)}
    wanted = {k for keys in keys_of.values() for k in keys}
    if not wanted:
        return None
    gazetteer = Gazetteer.load()
    names, value_set = gazetteer.city_names, pa.array(sorted(wanted), pa.string())
    found = pc.or_(pc.is_in(names["key"], value_set=value_set), pc.is_in(names["stripped"], value_set=value_set))
    hits = names.filter(found).to_pandas()
    countries_of: dict[str, set[str]] = {}
    for key, stripped, country in zip(hits["key"], hits["stripped"], hits["country"]):
        countries_of.setdefault(key, set()).add(country)
        countries_of.setdefault(stripped, set()).add(country)
    for key, country in _province_keys(gazetteer):
        if key in wanted:
            countries_of.setdefault(key, set()).add(country)
    votes: Counter[str] = Counter()
    for text, weight in zip(texts, weights):
        if isinstance(text, str):
            for country in set().union(*(countries_of.get(k, set()) for k in keys_of[text])):
                votes[country] += weight
    return votes.most_common(1)[0][0] if votes else None


def _lookup_keys(text: str) -> set[str]:
    keys = set()
    for part in _PARTS.split(text):
        part = province_marked(part) or part
        keys |= {place_key(part), stripped_key(part)}
    return {k for k in keys if k}


@lru_cache(maxsize=1)
def _province_keys(gazetteer: Gazetteer) -> tuple[tuple[str, str], ...]:
    """(key, country) for every province's English and native name."""
    out = []
    for name, native, country in zip(gazetteer.provinces["name"], gazetteer.provinces["native"],
                                     gazetteer.provinces["country"]):
        for text in (name, native):
            if isinstance(text, str):
                out += [(place_key(text), country), (stripped_key(text), country)]
    return tuple(out)


class Resolver:
    """Resolves places and provinces within one country (build one with ``for_country``)."""

    def __init__(self, gazetteer: Gazetteer, country: str) -> None:
        self.country = country
        self.cities = gazetteer.cities[gazetteer.cities["country"] == country].set_index("geonameid")
        self.provinces = gazetteer.provinces[gazetteer.provinces["country"] == country].set_index("province_id")
        names = gazetteer.city_names.filter(pc.equal(gazetteer.city_names["country"], country)).to_pandas()
        self._city_tiers = [_index(names["key"], names["geonameid"]), _index(names["stripped"], names["geonameid"]),
                            _index((skeleton_key(n) for n in names["name"]), names["geonameid"], MIN_SKELETON)]
        labels = [(pid, text) for pid, row in self.provinces.iterrows() for text in (row["name"], row["native"])
                  if isinstance(text, str)]
        ids = [pid for pid, _ in labels]
        self._province_tiers = [_index((place_key(t) for _, t in labels), ids),
                                _index((stripped_key(t) for _, t in labels), ids),
                                _index((skeleton_key(t) for _, t in labels), ids, MIN_SKELETON)]
        self._province_stripped = {stripped_key(t): pid for pid, t in labels}
        # first-level divisions that are cities (Kyiv, Sevastopol): not meant by "X Oblast"
        self._city_ranked = set(self.provinces.index[self.provinces["type"].fillna("") == "city"])
        self._cache: dict[tuple[str | None, str | None], Place] = {}

    @staticmethod
    @lru_cache(maxsize=8)
    def for_country(country: str) -> Resolver:
        return Resolver(Gazetteer.load(), country.upper())

    # -- the public step --------------------------------------------------------------------

    def resolve(self, place: str | None, province: str | None) -> Place:
        """The canonical place of one row's place and province cells (UNRESOLVED if neither)."""
        key = (place, province)
        if key not in self._cache:
            self._cache[key] = self._resolve(place, province)
        return self._cache[key]

    def _resolve(self, place: str | None, province: str | None) -> Place:
        province_id = self._province_cell(province) if province else None
        city_id, named_province = self._place_cell(place, province_id) if place else (None, None)
        if city_id is not None:
            province_id = province_id or self.cities.at[city_id, "province_id"]
        province_id = province_id or named_province
        if city_id is None and province_id is None:
            return UNRESOLVED
        return self._place(city_id, province_id)

    # -- cells ------------------------------------------------------------------------------

    def _province_cell(self, text: str) -> str | None:
        """A province cell: a province, or a city standing for its province."""
        for part in _parts(text):
            marked = province_marked(part)
            found = self.province(marked or part, division=marked is not None)
            if found is None:
                city = self.city(part)
                found = self.cities.at[city, "province_id"] if city is not None else None
            if found is not None:
                return found
        return None

    def _place_cell(self, text: str, province_id: str | None) -> tuple[int | None, str | None]:
        """(city, province named in the cell): the first part that is a city, and the first
        part that names a province ("X Province", or a province's name with no such city in it)."""
        city_id = named = None
        for part in _parts(text):
            marked = province_marked(part)
            if marked is not None:
                named = named or self.province(marked, division=True)
                continue
            exact_province = self.province(part, exact=True)
            city = self.city(part, province_id or exact_province)
            if city is not None:
                city_id = city_id or city
            elif province_id is None:
                named = named or exact_province or self.province(part)
        return city_id, named

    # -- lookups ----------------------------------------------------------------------------

    def city(self, text: str, within: str | None = None) -> int | None:
        """The GeoNames id of the city ``text`` names (in province ``within``, if given)."""
        for tier, key in zip(self._city_tiers, (place_key(text), stripped_key(text), skeleton_key(text))):
            candidates = tier.get(key, [])
            if within is not None:
                candidates = [c for c in candidates if self.cities.at[c, "province_id"] == within]
            if candidates:
                return max(candidates, key=lambda c: (self.cities.at[c, "population"], -c))
        return None

    def province(self, text: str, *, exact: bool = False, division: bool = False) -> str | None:
        """The ISO 3166-2 code of the province ``text`` names. ``division``: the text said
        "province", "oblast"... so a city with province rank (Kyiv) is not meant."""
        keys = (place_key(text), stripped_key(text), skeleton_key(text))
        for tier, key in zip(self._province_tiers[:2] if exact else self._province_tiers, keys):
            candidates = sorted({c for c in tier.get(key, []) if not (division and c in self._city_ranked)})
            if len(candidates) == 1:
                return candidates[0]
        return None if exact else self._near_province(keys[1], division)

    def _near_province(self, key: str, division: bool) -> str | None:
        """A unique prefix (Kharkiv -> Kharkivska), else the one close spelling."""
        stripped = {k: pid for k, pid in self._province_stripped.items() if not (division and pid in self._city_ranked)}
        if len(key) >= MIN_PREFIX:
            prefixed = {pid for k, pid in stripped.items()
                        if k.startswith(key) or (key.startswith(k) and len(k) >= MIN_PREFIX)}
            if len(prefixed) == 1:
                return prefixed.pop()
        from rapidfuzz import fuzz, process

        best = process.extract(key, list(stripped), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=2)
        ids = {stripped[k] for k, _, _ in best}
        return ids.pop() if len(ids) == 1 else None

    def _place(self, city_id: int | None, province_id: str | None) -> Place:
        province = self.provinces.loc[province_id] if province_id in self.provinces.index else None
        if city_id is not None:
            city = self.cities.loc[city_id]
            latitude, longitude = float(city["latitude"]), float(city["longitude"])
        else:
            latitude = _number(province["latitude"]) if province is not None else None
            longitude = _number(province["longitude"]) if province is not None else None
        return Place(
            place_id=str(city_id) if city_id is not None else None,
            place_name=self.cities.at[city_id, "name"] if city_id is not None else None,
            place_name_native=_text(self.cities.at[city_id, "native"]) if city_id is not None else None,
            province_id=province_id,
            province_name=_text(province["name"]) if province is not None else None,
            province_name_native=_text(province["native"]) if province is not None else None,
            country=self.country,
            latitude=latitude,
            longitude=longitude,
        )


def resolve_places(
    places: Iterable[str | None], provinces: Iterable[str | None], country: str | None
) -> pd.DataFrame:
    """PLACE_COLUMNS for each row (all NULL where nothing resolves or no country is known).

    Each distinct (place, province) pair is resolved once and spread over its rows.
    """
    place_codes, place_values = pd.factorize(_series(places))
    province_codes, province_values = pd.factorize(_series(provinces))
    if country is None or place_codes.size == 0:
        return pd.DataFrame({c: [None] * place_codes.size for c in PLACE_COLUMNS}, dtype=object)
    resolver = Resolver.for_country(country)
    # one code per (place, province) pair; -1 (missing) becomes the last slot of each
    pair_codes = (place_codes % (len(place_values) + 1)) * (len(province_values) + 1) + province_codes % (len(province_values) + 1)
    distinct, inverse = np.unique(pair_codes, return_inverse=True)
    place_of = [_text(v) for v in place_values] + [None]
    province_of = [_text(v) for v in province_values] + [None]
    width = len(province_values) + 1
    table = pd.DataFrame(
        [resolver.resolve(place_of[code // width], province_of[code % width]) for code in distinct.tolist()],
        columns=list(PLACE_COLUMNS),
    )
    return table.iloc[inverse].reset_index(drop=True)


def _series(values: Iterable[str | None]) -> pd.Series:
    return values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)


def _parts(text: str) -> list[str]:
    return [part.strip() for part in _PARTS.split(text) if part.strip()]


def _index(keys: Iterable[str], ids: Iterable[object], min_length: int = 1) -> dict[str, list]:
    index: dict[str, list] = {}
    for key, value in zip(keys, ids):
        if len(key) >= min_length:
            index.setdefault(key, []).append(value)
    return index


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)
