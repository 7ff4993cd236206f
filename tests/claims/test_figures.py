"""Figures: numerals in any script, words, ranges, qualifiers, vague words and non-counts."""

from __future__ import annotations

import pytest

from reckon.claims.conventions import vague_table
from reckon.claims.figures import find_figures
from reckon.claims.numbers import numeral_value


def one(text: str, vague: str = "reckon") -> tuple[int | None, int | None, str, str]:
    figures = find_figures(text, vague=vague)
    assert len(figures) == 1, figures
    f = figures[0]
    return f.low, f.high, f.qualifier, text[f.start : f.end]


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("1500", 1500), ("1,500", 1500), ("1.500", 1500), ("1 500", 1500), ("12,000", 12000),
        ("\u06f1\u06f5\u06f0\u06f0", 1500),  # Persian digits
        ("\u0661\u0665\u0660\u0660", 1500),  # Arabic-Indic digits
        ("\u06f1\u066c\u06f5\u06f0\u06f0", 1500),  # Persian digits, Arabic thousands separator
        ("fifteen hundred", 1500), ("two thousand", 2000), ("three hundred and four", 304),
        ("twenty-five", 25), ("a hundred", 100), ("1.5 million", 1_500_000), ("seven", 7),
    ],
)
def test_numerals_in_any_script_or_words(numeral, value):
    assert numeral_value(numeral) == value
    assert one(f"{numeral} people were killed")[:3] == (value, value, "exact")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 1500 killed", (1500, None, "at least", "at least 1500")),
        ("no fewer than 40 dead", (40, None, "at least", "no fewer than 40")),
        ("1,000 or more were held", (1000, None, "at least", "1,000 or more")),
        ("over 190 cities", (190, None, "over", "over 190")),
        ("more than 300 died", (300, None, "over", "more than 300")),
        ("the toll exceeded 300", (300, None, "over", "exceeded 300")),
        ("about 230 people", (230, 230, "about", "about 230")),
        ("nearly 2,900 arrests", (2900, 2900, "about", "nearly 2,900")),
        ("some 900 detained", (900, 900, "about", "some 900")),
        ("up to 7,000 detained", (None, 7000, "up to", "up to 7,000")),
        ("as many as 1,500 dead", (None, 1500, "up to", "as many as 1,500")),
        ("fewer than twenty died", (None, 20, "up to", "fewer than twenty")),
    ],
)
def test_qualifiers(text, expected):
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("between 200 and 300 people", 200, 300),
        ("between 4,000 and 5,000 arrested", 4000, 5000),
        ("200 to 300 dead", 200, 300),
        ("300-400 arrested", 300, 400),
        ("12\u201315 bodies", 12, 15),
        ("five or six more were killed", 5, 6),
    ],
)
def test_ranges_are_one_figure(text, low, high):
    assert one(text)[:3] == (low, high, "between")


def test_and_is_a_range_only_after_between():
    figures = find_figures("killed 20 and injured 30")
    assert [(f.low, f.high, f.qualifier) for f in figures] == [(20, 20, "exact"), (30, 30, "exact")]


@pytest.mark.parametrize(
    ("text", "ours", "acled"),
    [
        ("dozens were killed", 24, 12),
        ("hundreds were arrested", 200, 100),
        ("thousands were detained", 2000, 1000),
        ("tens of thousands marched", 20000, 10000),
        ("several were hurt", 3, 10),
        ("a dozen people", 12, 12),
        ("several hundred injured", 300, 100),
    ],
)
def test_vague_words_follow_the_chosen_convention(text, ours, acled):
    assert one(text, "reckon")[:3] == (ours, None, "vague")
    assert one(text, "acled")[:3] == (acled, None, "vague")


def test_unknown_convention_names_the_choices():
    with pytest.raises(ValueError, match="acled, reckon"):
        vague_table("un")


@pytest.mark.parametrize(
    "text",
    [
        "45 percent of those polled", "a rise of 12% in prices", "prices rose by $300",
        "a 17-year-old boy", "aged 16", "on December 15, 2019", "on 15 November 2019",
        "at 10:30 in the morning", "the 40th day", "one of the protesters",
    ],
)
def test_plain_non_counts_are_not_figures(text):
    assert find_figures(text) == []
