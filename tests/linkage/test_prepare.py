"""prepare_features: place keys and the name columns the linkage model compares."""

from __future__ import annotations

import pandas as pd

from reckon.linkage.prepare import _place_key, prepare_features


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
