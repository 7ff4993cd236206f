"""Header auto-mapping (English and Persian), --map overrides, and the no-name error."""

from __future__ import annotations

import pytest

from reckon.errors import InputError
from reckon.lists.columns import auto_map, header_key, parse_map_options, resolve_mapping

from .conftest import LIST_A_ROWS, LIST_B_ROWS, LIST_C_ROWS


def test_header_keys_ignore_case_spacing_zwnj_and_arabic_letters() -> None:
    assert header_key("Full_Name") == header_key("full name") == header_key("FullName")
    assert header_key("نام\u200cخانوادگی") == header_key("نام خانوادگی") == header_key("نام خانوادگي")
    assert header_key("Father's name") == header_key("fathers_name")
    assert header_key("شهرك") == header_key("شهرک")


def test_latin_list_a_maps_every_column() -> None:
    assert auto_map(LIST_A_ROWS[0]) == {
        "name": "name", "father_name": "father_name", "sex": "sex", "age": "age",
        "date_of_death": "date_of_death", "place_of_death": "place_of_death",
        "province": "province", "source_record_id": "id", "notes": "notes",
    }


def test_persian_list_b_takes_nam_as_given_name_beside_a_family_name() -> None:
    assert auto_map(LIST_B_ROWS[0]) == {
        "given_name": "نام", "family_name": "نام خانوادگی", "father_name": "نام پدر", "sex": "جنسیت",
        "age": "سن", "date_of_death": "تاریخ فوت", "place_of_death": "محل فوت", "province": "استان",
        "source_record_id": "شناسه",
    }


def test_bilingual_list_c_maps_both_names() -> None:
    assert auto_map(LIST_C_ROWS[0]) == {
        "name": "full_name", "name_native": "name_fa", "father_name": "father", "sex": "gender",
        "age": "age", "date_of_death": "died", "place_of_death": "city", "province": "province",
        "source_record_id": "record_no",
    }


def test_persian_synonyms_for_dates_places_ids_and_notes() -> None:
    mapping = auto_map(["ردیف", "نام", "تاریخ شهادت", "شهر", "توضیحات", "رنگ"])
    assert mapping == {
        "name": "نام", "date_of_death": "تاریخ شهادت", "place_of_death": "شهر",
        "source_record_id": "ردیف", "notes": "توضیحات",
    }


def test_overrides_win_and_an_empty_column_unmaps() -> None:
    columns = ["No.", "Victim", "Place", "Comment"]
    mapping = resolve_mapping(columns, {"name": "Victim", "notes": ""}, file="x.csv")
    assert mapping == {"name": "Victim", "place_of_death": "Place", "source_record_id": "No."}


def test_no_name_column_is_an_error_that_lists_the_columns() -> None:
    with pytest.raises(InputError) as caught:
        resolve_mapping(["id", "colour", "city"], None, file="x.csv")
    message = str(caught.value)
    assert "x.csv" in message
    assert "pass --map name=COLUMN; the columns are: id, colour, city" in message


def test_override_naming_a_missing_column_or_field() -> None:
    with pytest.raises(InputError, match="no column 'Nom'.*the columns are: id, name"):
        resolve_mapping(["id", "name"], {"name": "Nom"}, file="x.csv")
    with pytest.raises(InputError, match="'nom' is not a canonical field"):
        resolve_mapping(["id", "name"], {"nom": "name"}, file="x.csv")


def test_map_options_parse_and_reject_missing_equals() -> None:
    assert parse_map_options(["name=Full Name", "notes="]) == {"name": "Full Name", "notes": ""}
    with pytest.raises(InputError, match="CANONICAL=COLUMN"):
        parse_map_options(["name"])
