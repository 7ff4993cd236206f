"""Keys for comparing place names written in any script and spelling.

    place_key("Khorram Abad") == place_key("خرم‌آباد".replace(...))   # no: scripts differ
    place_key("Fardīs") == place_key("fardis")                          # marks and case folded
    place_key("سیستان و بلوچستان") == place_key("سيستان وبلوچستان")     # ي/ی, spaces, "and"
    stripped_key("Bandar-e Mahshahr") == place_key("Mahshahr")          # generic words dropped
    skeleton_key("Luristan") == skeleton_key("Lorestan")                # consonants, any script
    province_marked("Kermanshah Province") -> "Kermanshah"              # the text names a province

The exact keys are script-bound (a Persian name and its Latin spelling differ); the
gazetteer holds each place's names in many scripts, so one of them matches. The skeleton
key (reckon.names: romanised, vowels dropped) crosses scripts and spellings and is tried
after the exact keys, within one country.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from reckon.names import name_key, skeleton
from reckon.names.script import fold_letters

# Words that join parts of a name and are written or left out at will.
_JOINERS = frozenset({"and", "va", "و", "e", "ye", "et", "und", "i", "y", "&"})
# Words that say what kind of place a name is: dropped for the stripped key.
PROVINCE_WORDS = frozenset({
    "province", "provincia", "prov", "ostan", "ostane", "استان", "استانی", "governorate", "muhafazat",
    "mohafazat", "محافظه", "محافظة", "oblast", "oblasti", "область", "обл", "oblast'", "state", "ولایه",
    "ولاية", "ولایت", "region", "regione", "krai", "край", "voivodeship", "governorate's",
})
_OTHER_GENERIC = frozenset({
    "city", "town", "village", "county", "district", "municipality", "rayon", "raion", "район", "місто", "город",
    "шهر", "شهر", "شهرستان", "روستا", "بخش", "مدينة", "مدينه", "bandar", "بندر", "shahrestan", "shahr",
})
GENERIC_WORDS = PROVINCE_WORDS | _OTHER_GENERIC
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = _WORD.findall(fold_letters(text))
    return tuple(w for w in words if w not in _JOINERS)


@lru_cache(maxsize=262_144)
def place_words(text: str) -> tuple[str, ...]:
    """Folded words: lower case, no accents or Arabic marks, one letter per Arabic/Persian
    variant (ي/ی, ك/ک, ة/ه), no joining words ("and", و)."""
    return _words(text)


def name_keys(text: str) -> tuple[str, str]:
    """(place_key, stripped_key) of one name, uncached (for building the gazetteer)."""
    words = _words(text)
    kept = [w for w in words if w not in GENERIC_WORDS]
    return "".join(words), "".join(kept or words)


def place_key(text: str) -> str:
    """The folded words joined: spaces, hyphens and ZWNJ do not matter (Khorram Abad, Khorramabad)."""
    return "".join(place_words(text))


def stripped_key(text: str) -> str:
    """``place_key`` without generic words (province, استان, oblast, city, bandar...), unless
    nothing else is left."""
    words = place_words(text)
    kept = [w for w in words if w not in GENERIC_WORDS]
    return "".join(kept or words)


def province_marked(text: str) -> str | None:
    """The name in a text that says it is a province (``X Province``, ``استان X``,
    ``X Oblast``, ``محافظة X``), without that word; None if the text says no such thing."""
    words = text.split()
    kept = [w for w in words if place_key(w) not in PROVINCE_WORDS]
    if len(kept) == len(words) or not kept:
        return None
    return " ".join(kept)


@lru_cache(maxsize=262_144)
def skeleton_key(text: str) -> str:
    """Consonant skeleton of the name (reckon.names), words joined: Luristan = Lorestan = لرستان."""
    words = [w for w in place_words(text) if w not in GENERIC_WORDS] or list(place_words(text))
    if not words:
        return ""
    return skeleton(name_key(" ".join(words))).replace(" ", "")
