"""prepare_features: place keys and the name columns the linkage model compares."""

from __future__ import annotations

import pandas as pd

from reckon.linkage.prepare import _place_key, prepare_features
from reckon.names import name_key


def test_place_keys_join_words_and_translate_compass_words():
    assert _place_key("West Azerbaijan") == _place_key("آذربایجان غربی")
    assert _place_key("Sistan and Baluchestan") == _place_key("سیستان و بلوچستان")
    assert _place_key("Razavi Khorasan") == _place_key("خراسان رضوی")
    assert _place_key("Khorram Abad") == _place_key("Khorramabad") == _place_key("خرم‌آباد")
    assert _place_key("Urmia") == _place_key("ارومیه")
    assert _place_key("West Azerbaijan") != _place_key("East Azerbaijan")
    assert _place_key("2000 AB") == "2000ab"  # codes with digits as written


def test_features_are_arrow_strings_with_initials():
    records = pd.DataFrame({"record_id": ["a:1", "b:1"], "list_name": ["a", "b"],
                            "name": ["Reza Karimi", None], "name_native": [None, "رضا کریمی"]})
    features = prepare_features(records)
    assert str(features["full_skel"].dtype) == "string"
    assert features["full_skel"].tolist() == ["rzkrm", "rzkrm"]
    assert features["given_initial"].tolist() == ["r", "r"]
    assert features["family_initial"].tolist() == ["k", "k"]


def test_an_unnamed_record_is_compared_only_with_an_id_or_a_date_of_birth():
    records = pd.DataFrame({
        "record_id": ["a:1", "a:2", "b:1", "b:2"], "list_name": ["a", "a", "b", "b"],
        "name": ["Reza Karimi", None, None, None], "identified": [True, False, False, False],
        "age_low": [20, 20, 30, 40], "age_high": [20, 20, 30, 40],
        "date_of_death": ["2019-11-16"] * 4, "place_of_death": ["Tehran"] * 4,
        "date_of_birth": [None, None, "1989-04-02", None], "national_id": [None, None, None, "0012345678"],
    })
    features = prepare_features(records).set_index("record_id")
    compared = ["age_low", "death_low", "place_key", "province_key"]
    assert features.loc["a:1", compared].notna().sum() == 3  # named: compared on everything it has
    assert features.loc["a:2"].drop("list_name").isna().all()  # no name, no id: compared on nothing
    assert features.loc["b:1", "date_of_birth"] == "1989-04-02"  # a date of birth can identify alone
    assert features.loc["b:1", "place_key"] == features.loc["a:1", "place_key"]
    assert features.loc["b:2", "national_id"] == "0012345678"
    assert pd.api.types.is_numeric_dtype(features["age_low"])  # blanking keeps the column types
    assert str(features["full_key"].dtype) == "string"


def test_canonical_places_give_one_province_key_for_a_city_and_its_province():
    records = pd.DataFrame({
        "record_id": ["a:1", "b:1", "c:1", "d:1"], "list_name": ["a", "b", "c", "d"],
        "name": ["Reza Karimi"] * 4,
        "place_of_death": ["کرمانشاه", "Kermanshah Province", "Javanrud", "Village X"],
        "province": [None, None, None, "Kermanshah"],
        "place_name": ["Kermanshah", None, "Javānrūd", None],
        "province_name": ["Kermanshah", "Kermanshah", "Kermanshah", "Kermanshah"],
    })
    features = prepare_features(records).set_index("record_id")
    assert features["province_key"].nunique() == 1
    assert features.loc["a:1", "place_key"] == _place_key("Kermanshah")
    assert pd.isna(features.loc["b:1", "place_key"])  # "X Province" says nothing finer
    assert features.loc["d:1", "place_key"] == _place_key("Village X")  # unresolved: as written


def test_an_alternative_name_is_the_other_key_when_no_other_script_is():
    records = pd.DataFrame({"record_id": ["a:1", "a:2"], "list_name": ["a", "a"],
                            "name_native": ["مریم زارعی", "علی رضایی"], "name": [None, "Ali Rezaei"],
                            "name_alternatives": ['["مریم قاسمی"]', '["علی احمدی"]']})
    features = prepare_features(records).set_index("record_id")
    assert features.loc["a:1", "alt_key"] == name_key("مریم قاسمی")
    assert features.loc["a:2", "alt_key"] == name_key("علی رضایی")  # the other script comes first
