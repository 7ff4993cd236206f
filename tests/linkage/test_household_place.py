"""household_place_u: how often two people of one family share a place, counted exactly."""

from __future__ import annotations

import itertools

import pandas as pd

from reckon.linkage.model import household_place_u
from reckon.linkage.prepare import prepare_features


def _records(rows: list[tuple[str, str, int, str]]) -> pd.DataFrame:
    return pd.DataFrame([
        {"record_id": f"r{i}", "list_name": "x", "given_name": g, "family_name": f, "birth_year": y, "place_of_death": p}
        for i, (g, f, y, p) in enumerate(rows)
    ])


def _brute_force(features: pd.DataFrame) -> float:
    """The same share by enumerating pairs: family agrees, given differs, years > 2 apart."""
    rows = features.dropna(subset=["family_coarse", "given_coarse", "place_key", "birth_year"]).to_dict("records")
    relatives = sharing = 0
    for a, b in itertools.combinations(rows, 2):
        if a["family_coarse"] == b["family_coarse"] and a["given_coarse"] != b["given_coarse"] \
                and abs(a["birth_year"] - b["birth_year"]) > 2:
            relatives += 1
            sharing += a["place_key"] == b["place_key"]
    return sharing / relatives


def test_counted_share_equals_pair_enumeration():
    givens = ["Ali", "Reza", "Sara", "Maryam", "Hossein", "Leila", "Amir"]
    families = ["Karimi", "Jafari", "Ahmadi"]
    places = ["Tehran", "Karaj", "Shiraz"]
    rows = [(givens[i % 7], families[i % 3], 1950 + (i * 7) % 40, places[(i // 2) % 3]) for i in range(120)]
    features = prepare_features(_records(rows))
    share = household_place_u(features)
    assert share is not None
    assert abs(share - _brute_force(features)) < 1e-12
    assert 0.0 < share < 1.0


def test_too_few_relatives_to_count_gives_none():
    features = prepare_features(_records([("Ali", "Karimi", 1980, "Tehran"), ("Reza", "Karimi", 1960, "Tehran")]))
    assert household_place_u(features) is None


def test_one_person_spelled_twice_is_not_counted_as_relatives():
    # Same family, "different" given skeletons but born the same year: not counted.
    rows = [("Ali", "Karimi", 1980, "Tehran"), ("Aly", "Karimi", 1980, "Tehran")] * 60
    features = prepare_features(_records(rows))
    assert household_place_u(features) is None
