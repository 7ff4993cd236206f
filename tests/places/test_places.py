"""reckon.places: the real gazetteer (GeoNames cities + ISO provinces), built from the
installed packages into the cache folder once, then read from there."""

from __future__ import annotations

from pathlib import Path

import pytest

from reckon.case import Case
from reckon.errors import InputError
from reckon.lists.store import add_list, load_records
from reckon.places import Resolver, detect_country, resolve_places
from reckon.places.gazetteer import Gazetteer, index_folder
from reckon.places.keys import place_key, province_marked, skeleton_key, stripped_key

from tests.lists.conftest import values, write_csv


def test_keys_fold_scripts_spellings_and_generic_words() -> None:
    assert place_key("Khorram Abad") == place_key("Khorramabad")
    assert place_key("خرم‌آباد") == place_key("خرم آباد")
    assert place_key("Fardīs") == place_key("fardis")
    assert place_key("سیستان و بلوچستان") == place_key("سيستان و بلوچستان")
    assert stripped_key("Bandar-e Māhshahr") == place_key("Mahshahr")
    assert skeleton_key("Luristan") == skeleton_key("Lorestan") == skeleton_key("لرستان")
    assert province_marked("Kermanshah Province") == "Kermanshah"
    assert province_marked("استان کرمانشاه") == "کرمانشاه"
    assert province_marked("Харківська область") == "Харківська"
    assert province_marked("Kermanshah") is None


def test_the_gazetteer_is_cached_on_disk_and_joins_cities_to_iso_provinces() -> None:
    gazetteer = Gazetteer.load()
    assert (index_folder() / "cities.parquet").is_file()
    cities = gazetteer.cities.set_index("geonameid")
    assert cities.loc[112931, "name"] == "Tehran" and cities.loc[112931, "province_id"] == "IR-23"
    assert cities.loc[112931, "native"] == "تهران"
    assert cities.loc[128747, "province_id"] == "IR-30"  # Karaj: Alborz, split from Tehran in 2010
    assert len(gazetteer.provinces) > 5000 and gazetteer.cities["province_id"].notna().mean() > 0.99


@pytest.mark.parametrize(
    ("place", "province", "place_name", "province_id"),
    [
        ("تهران", None, "Tehran", "IR-23"),
        ("Tehran", None, "Tehran", "IR-23"),
        ("كرج", None, "Karaj", "IR-30"),  # Arabic kaf
        ("Ahwaz", None, "Ahvaz", "IR-06"),
        ("Urmia", None, "Orūmīyeh", "IR-04"),
        ("خرم‌آباد", None, "Khorramabad", "IR-15"),
        ("Abadan", None, "Abadan", "IR-06"),  # not the village of that name in Sistan: the largest
        ("Mahshahr", None, "Bandar-e Māhshahr", "IR-06"),
        ("کرمانشاه،", None, "Kermanshah", "IR-05"),  # a trailing Persian comma
        ("اهواز; تهران", None, "Ahvaz", "IR-06"),  # two places: the first is where they died
        ("Kermanshah Province", None, None, "IR-05"),  # a province: no city
        ("استان کرمانشاه", None, None, "IR-05"),
        ("البرز", None, None, "IR-30"),  # a province's name, no city of that name in it
        (None, "Luristan", None, "IR-15"),  # another spelling of Lorestan
        (None, "Sistan-Baluchestan", None, "IR-11"),
        (None, "سیستان و بلوچستان", None, "IR-11"),
        (None, "Khorasan Razavi", None, "IR-09"),  # words in the other order
        (None, "کرمانشاه،", None, "IR-05"),
        ("Karaj", "Alborz", "Karaj", "IR-30"),
        ("Shiraz", "Fars Province", "Shiraz", "IR-07"),
        ("Nowhereabad", None, None, None),
    ],
)
def test_iranian_places_in_both_scripts(place, province, place_name, province_id) -> None:
    found = Resolver.for_country("IR").resolve(place, province)
    assert (found.place_name, found.province_id) == (place_name, province_id)


def test_a_resolved_place_carries_both_scripts_and_coordinates() -> None:
    found = Resolver.for_country("IR").resolve("Sanandaj", None)
    assert (found.place_name, found.place_name_native) == ("Sanandaj", "سنندج")
    assert (found.province_name, found.province_name_native, found.country) == ("Kurdistan", "کردستان", "IR")
    assert 35 < found.latitude < 36 and 46 < found.longitude < 48


@pytest.mark.parametrize(
    ("country", "place", "province", "place_name", "province_id"),
    [
        ("SY", "حلب", None, "Aleppo", "SY-HL"),
        ("SY", "Homs", None, "Homs", "SY-HI"),
        ("SY", "دير الزور", None, "Deir ez-Zor", "SY-DY"),
        ("SY", None, "محافظة إدلب", None, "SY-ID"),
        ("UA", "Харків", None, "Kharkiv", "UA-63"),
        ("UA", "Kharkiv", None, "Kharkiv", "UA-63"),
        ("UA", None, "Kharkiv Oblast", None, "UA-63"),
        ("UA", None, "Kyiv Oblast", None, "UA-32"),  # the oblast, not the city with province rank
        ("UA", "Kyiv", None, "Kyiv", "UA-30"),
        ("UA", None, "Харківська область", None, "UA-63"),
        ("UA", "Маріуполь", None, "Mariupol", "UA-14"),
        ("SD", "الفاشر", None, "El Fasher", "SD-DN"),
        ("SD", "Omdurman", None, "Omdurman", "SD-KH"),
        ("SD", None, "North Darfur", None, "SD-DN"),
    ],
)
def test_places_of_other_countries(country, place, province, place_name, province_id) -> None:
    found = Resolver.for_country(country).resolve(place, province)
    assert (found.place_name, found.province_id) == (place_name, province_id)


def test_the_country_comes_from_the_places() -> None:
    assert detect_country(["تهران", "کرج", "Sanandaj", "اهواز"]) == "IR"
    assert detect_country(["حلب", "Homs", "Idlib"]) == "SY"
    assert detect_country(["Kharkiv", "Маріуполь", "Bucha"]) == "UA"
    assert detect_country(["الفاشر", "Omdurman", "Nyala"]) == "SD"
    assert detect_country(["", None]) is None


def test_resolve_places_spreads_each_distinct_pair_over_its_rows() -> None:
    frame = resolve_places(["Karaj", None, "Karaj", "Nowhereabad"], [None, "Alborz", None, None], "IR")
    assert frame["province_id"].tolist()[:3] == ["IR-30", "IR-30", "IR-30"]
    assert values(frame["place_name"])[:3] == ["Karaj", None, "Karaj"]
    assert frame.iloc[3].isna().all()
    assert resolve_places(["Karaj"], [None], None)["province_id"].tolist() == [None]


# -- through the importer, into a real case ---------------------------------------------------

SYRIA = [["name", "age", "date of death", "place", "province"],
         ["Ahmad Khalil", "24", "2013-08-21", "Douma", "Rif Dimashq"],
         ["Omar Haddad", "31", "2016-12-10", "حلب", ""],
         ["", "9", "2016-12-11", "Aleppo", ""],
         ["Hasan Ali", "40", "2017-04-04", "Khan Shaykhun", "محافظة إدلب"]]
UKRAINE = [["name", "age", "date of death", "city", "region"],
           ["Olena Kovalenko", "52", "2022-03-16", "Маріуполь", "Донецька область"],
           ["Ivan Shevchenko", "34", "2022-03-05", "Bucha", "Kyiv Oblast"],
           ["Petro Bondarenko", "61", "2022-04-08", "Kramatorsk", ""]]
SUDAN = [["name", "age", "date of death", "place"],
         ["Adam Yahya", "28", "2023-11-05", "الجنينة"],
         ["Fatima Abdalla", "19", "2024-05-12", "El Fasher"],
         ["Musa Ibrahim", "45", "2023-06-15", "Nyala"]]


@pytest.mark.parametrize(
    ("rows", "country", "provinces"),
    [
        (SYRIA, "SY", ["SY-RD", "SY-HL", "SY-HL", "SY-ID"]),
        (UKRAINE, "UA", ["UA-14", "UA-32", "UA-14"]),
        (SUDAN, "SD", ["SD-DW", "SD-DN", "SD-DS"]),
    ],
)
def test_lists_of_other_countries_resolve_in_their_country(
    fresh_case: Case, tmp_path: Path, rows, country, provinces
) -> None:
    imported = add_list(fresh_case, write_csv(tmp_path / f"{country}.csv", rows), name=country.lower())
    assert imported.country == country
    assert (imported.places_resolved, imported.places_given) == (len(rows) - 1, len(rows) - 1)
    assert load_records(fresh_case)["province_id"].tolist() == provinces
    stored = fresh_case.scalar("SELECT country FROM lists WHERE name = ?", [country.lower()])
    assert stored == country


def test_country_given_on_the_command_line_wins_and_is_checked(fresh_case: Case, tmp_path: Path) -> None:
    # "Abadan" is a city in Iran and a town in Turkmenistan; the list says which.
    path = write_csv(tmp_path / "tm.csv", [["name", "place"], ["Aman Orazov", "Abadan"]])
    imported = add_list(fresh_case, path, name="tm", country="tm")
    assert imported.country == "TM" and load_records(fresh_case)["province_id"].str.startswith("TM-").all()
    with pytest.raises(InputError, match="not a country code"):
        add_list(fresh_case, write_csv(tmp_path / "x.csv", [["name", "place"], ["A B", "Tehran"]]), name="x",
                 country="Iran")


def test_places_that_do_not_resolve_keep_their_text_and_are_reported(fresh_case: Case, tmp_path: Path) -> None:
    rows = [["name", "place"], ["Ali Rezaei", "تهران"], ["Reza Ahmadi", "Qaryeh-ye Nowhere"], ["Sara Amini", ""]]
    imported = add_list(fresh_case, write_csv(tmp_path / "p.csv", rows), name="p")
    assert (imported.places_resolved, imported.places_given) == (1, 2)
    assert "places: 1 of 2 rows with a place not resolved in IR: 'Qaryeh-ye Nowhere' (1)" in imported.notes
    records = load_records(fresh_case).set_index("record_id")
    assert records.loc["p:#3", "place_of_death"] == "Qaryeh-ye Nowhere"
    assert records[["place_id", "province_id"]].isna().loc["p:#3"].all()
