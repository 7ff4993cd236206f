"""Cell parsers: digits, Solar Hijri and Gregorian dates, ages as written, sex words."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.lists.values import (
    DateValue,
    NameCell,
    Problem,
    age_note,
    alternative_full_names,
    looks_month_first,
    parse_age,
    parse_birth_year,
    parse_date,
    parse_sex,
    read_name_cell,
    to_ascii_digits,
)


def test_persian_and_arabic_indic_digits_become_ascii() -> None:
    assert to_ascii_digits("۱۳۹۸/۰۸/۲۵") == "1398/08/25"
    assert to_ascii_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"


@pytest.mark.parametrize(
    "text",
    ["۱۳۹۸/۰۸/۲۵", "1398-08-25", "25/08/1398", "۲۵ آبان ۱۳۹۸", "1398/8/25 ه.ش", "٢٥/٠٨/١٣٩٨"],
)
def test_solar_hijri_dates_become_gregorian(text: str) -> None:
    assert parse_date(text) == DateValue("2019-11-16", date(2019, 11, 16), date(2019, 11, 16))


@pytest.mark.parametrize(
    "text",
    ["2019-11-16", "16/11/2019", "16.11.2019", "16 November 2019", "Nov 16, 2019", "2019-11-16 00:00:00"],
)
def test_gregorian_dates_in_common_formats(text: str) -> None:
    assert parse_date(text) == DateValue("2019-11-16", date(2019, 11, 16), date(2019, 11, 16))


def test_month_first_dates_when_the_column_says_so() -> None:
    assert looks_month_first(["11/16/2019", "11/17/2019", "12/01/2019"])
    assert not looks_month_first(["16/11/2019", "01/12/2019"])
    assert parse_date("11/16/2019", month_first=True).iso == "2019-11-16"


def test_partial_dates_keep_their_precision() -> None:
    assert parse_date("2019-11") == DateValue("2019-11", date(2019, 11, 1), date(2019, 11, 30))
    assert parse_date("2019") == DateValue("2019", date(2019, 1, 1), date(2019, 12, 31))
    # a Solar month straddles two Gregorian months: kept as an ISO interval
    assert parse_date("آبان ۱۳۹۸") == DateValue("2019-10-23/2019-11-21", date(2019, 10, 23), date(2019, 11, 21))
    assert parse_date("1398").low == date(2019, 3, 21)
    assert parse_date("1398").high == date(2020, 3, 19)  # 1398 is not a leap year: Esfand has 29 days


def test_unknown_dates_are_none_and_bad_dates_are_problems() -> None:
    assert parse_date("") is None
    assert parse_date("نامعلوم") is None
    impossible = parse_date("1398/13/40")
    assert isinstance(impossible, Problem) and impossible.meant_as_value
    unreadable_words = parse_date("last week")
    assert isinstance(unreadable_words, Problem) and not unreadable_words.meant_as_value
    assert isinstance(parse_date("16.11"), Problem)
    two_digit = parse_date("98/08/25")
    assert isinstance(two_digit, Problem) and "two-digit year" in two_digit.reason


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("16", (16, 16)),
        ("۱۷", (17, 17)),
        ("17 years", (17, 17)),
        ("۳۲ ساله", (32, 32)),
        ("16 or 17", (16, 17)),
        ("30-35", (30, 35)),
        ("35 to 30", (30, 35)),
        ("<18", (0, 17)),
        ("زیر ۱۸", (0, 17)),
        ("زير 18", (0, 17)),  # Arabic yeh, as in cp1256 files
        ("about 40", (38, 42)),
        ("حدود ۴۰", (38, 42)),
        ("60+", (60, None)),
        ("over 60", (61, None)),
        ("40s", (40, 49)),
        ("8 months", (0, 0)),
    ],
)
def test_ages_as_written_become_ranges(text: str, bounds: tuple[int, int | None]) -> None:
    assert parse_age(text) == bounds


def test_unreadable_and_implausible_ages() -> None:
    assert parse_age("") is None
    assert parse_age("unknown") is None
    assert isinstance(parse_age("young"), Problem)
    assert isinstance(parse_age("250"), Problem)


@pytest.mark.parametrize(
    ("text", "sex"),
    [("m", "m"), ("Male", "m"), ("مرد", "m"), ("پسر", "m"), ("آقا", "m"),
     ("F", "f"), ("female", "f"), ("زن", "f"), ("دختر", "f"), ("خانم", "f"), ("", None), ("?", None)],
)
def test_sex_words(text: str, sex: str | None) -> None:
    assert parse_sex(text) == sex


def test_unknown_sex_word_is_a_problem() -> None:
    assert isinstance(parse_sex("x"), Problem)


def test_birth_years_solar_and_gregorian() -> None:
    assert parse_birth_year("1380") == 2001
    assert parse_birth_year("۲۰۰۲") == 2002
    assert isinstance(parse_birth_year("80"), Problem)


_DATE_LIKE = st.from_regex(r"\A[0-9۰-۹]{1,4}[/\-. ][0-9۰-۹]{1,4}([/\-. ][0-9۰-۹]{1,4})?\Z")


@settings(max_examples=300, deadline=None, database=None)  # no shared example files
@given(st.one_of(st.text(max_size=20), _DATE_LIKE))
def test_parsers_never_raise_on_any_text(text: str) -> None:
    date_value = parse_date(text)
    assert date_value is None or isinstance(date_value, (DateValue, Problem))
    if isinstance(date_value, DateValue):
        assert date_value.low <= date_value.high
    age = parse_age(text)
    assert age is None or isinstance(age, Problem) or (age[1] is None or age[0] <= age[1])
    assert parse_sex(text) in ("m", "f", None) or isinstance(parse_sex(text), Problem)


# -- spans and alternatives of dates (issue 11: real lists write 2019-11-16 or 2019-11-17) ---------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("2019-11-16 or 2019-11-17", date(2019, 11, 16), date(2019, 11, 17)),
        ("2019-11-15 to 2019-11-18", date(2019, 11, 15), date(2019, 11, 18)),
        ("between 2019-11-15 and 2019-11-18", date(2019, 11, 15), date(2019, 11, 18)),
        ("16/17 November 2019", date(2019, 11, 16), date(2019, 11, 17)),
        ("16-17 November 2019", date(2019, 11, 16), date(2019, 11, 17)),
        ("16 or 17 November 2019", date(2019, 11, 16), date(2019, 11, 17)),
        ("November 16-17, 2019", date(2019, 11, 16), date(2019, 11, 17)),
        ("16-17/11/2019", date(2019, 11, 16), date(2019, 11, 17)),
        ("2019-11-16-2019-11-17", date(2019, 11, 16), date(2019, 11, 17)),
        ("2019-11-16 – 2019-11-17", date(2019, 11, 16), date(2019, 11, 17)),
        ("2019-11-17 or 2019-11-16", date(2019, 11, 16), date(2019, 11, 17)),  # written latest first
        ("November 2019 or December 2019", date(2019, 11, 1), date(2019, 12, 31)),
        # Solar Hijri, Persian digits and words
        ("۱۳۹۸/۰۸/۲۵ یا ۱۳۹۸/۰۸/۲۶", date(2019, 11, 16), date(2019, 11, 17)),
        ("۱۳۹۸/۰۸/۲۴ تا ۱۳۹۸/۰۸/۲۷", date(2019, 11, 15), date(2019, 11, 18)),
        ("بین ۲۵ و ۲۷ آبان ۱۳۹۸", date(2019, 11, 16), date(2019, 11, 18)),
        ("۲۵ یا ۲۶ آبان ۱۳۹۸", date(2019, 11, 16), date(2019, 11, 17)),
        ("از ۲۵ آبان تا ۲۷ آبان ۱۳۹۸", date(2019, 11, 16), date(2019, 11, 18)),
        ("1398/08/25-26", date(2019, 11, 16), date(2019, 11, 17)),
        ("1398/08/25 ه.ش یا 1398/08/26 ه.ش", date(2019, 11, 16), date(2019, 11, 17)),
        # both calendars in one cell
        ("2019-11-16 or 1398/08/26", date(2019, 11, 16), date(2019, 11, 17)),
    ],
)
def test_date_spans_and_alternatives_become_an_interval(text: str, low: date, high: date) -> None:
    assert parse_date(text) == DateValue(f"{low.isoformat()}/{high.isoformat()}", low, high)


def test_a_span_with_an_impossible_side_is_a_problem_meant_as_a_date() -> None:
    problem = parse_date("1398/08/25 or 1398/13/01")
    assert isinstance(problem, Problem) and problem.meant_as_value
    assert isinstance(parse_date("16-11"), Problem)  # no year on either side: not a span
    assert isinstance(parse_date("sometime or other"), Problem)


@pytest.mark.parametrize(
    ("text", "bounds", "noted"),
    [
        ("16 or 17", (16, 17), False),
        ("8-12", (8, 12), False),
        ("under 18", (0, 17), False),
        ("probably 17", (17, 17), False),
        ("17 or 27", (17, 27), True),  # two different readings: kept as the range, with a note
        ("۱۶ یا ۱۷", (16, 17), False),
        ("زیر ۱۸", (0, 17), False),
        ("احتمالا ۱۷", (17, 17), False),
        ("۱۷ یا ۲۷", (17, 27), True),
    ],
)
def test_loose_ages_of_real_lists(text: str, bounds: tuple[int, int], noted: bool) -> None:
    assert parse_age(text) == bounds
    note = age_note(text)
    assert (note is not None) == noted
    if noted:
        assert "two different ages" in note and "17-27" in note


@pytest.mark.parametrize(
    ("text", "name", "given_unknown", "family_unknown", "alternatives", "notes"),
    [
        ("کاظمی (نام کوچک نامشخص)", "کاظمی", True, False, (), ()),
        ("Karimi (given name unknown)", "Karimi", True, False, (), ()),
        ("Rezaei [first name unknown]", "Rezaei", True, False, (), ()),
        ("(نام نامشخص)", None, True, False, (), ()),
        ("Rezaei (unknown)", "Rezaei", True, False, (), ()),  # one word left: it is the family name
        ("رضا (نام خانوادگی نامشخص)", "رضا", False, True, (), ()),
        ("مریم زارعی (قاسمی)", "مریم زارعی", False, False, ("قاسمی",), ()),
        ("Ali Rezaei (aka Ahmadi)", "Ali Rezaei", False, False, ("Ahmadi",), ()),
        ("Ali Rezaei (?)", "Ali Rezaei", False, False, (), ("?",)),  # doubt about the whole name
        ("Ali Rezaei (17 years old)", "Ali Rezaei", False, False, (), ("17 years old",)),
    ],
)
def test_notes_inside_names(text, name, given_unknown, family_unknown, alternatives, notes) -> None:
    assert read_name_cell(text) == NameCell(name, given_unknown, family_unknown, alternatives, notes)


def test_alternative_family_names_make_whole_names() -> None:
    assert alternative_full_names("مریم زارعی", ("قاسمی",)) == ["مریم قاسمی"]
    # a compound family name written apart counts as one name
    assert alternative_full_names("محسن رضائی نژاد", ("زارعی",)) == ["محسن زارعی"]
    # in a family-name column every alternative is a family name
    assert alternative_full_names("اصغر نجفی", ("ابراهیمی راد",), family_only=True) == ["اصغر ابراهیمی راد"]
    assert alternative_full_names("Ali Rezaei", ("Hamid Ahmadi",)) == ["Hamid Ahmadi"]  # a whole other name
