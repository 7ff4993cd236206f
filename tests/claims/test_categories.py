"""What a figure counts: categories, scope units, subgroups, lists, and what is not a claim."""

from __future__ import annotations

import pytest


def readings(claims):
    return [(c.figure_low, c.figure_high, c.category, c.unit, c.subgroup) for c in claims]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Police killed 20 protesters in Castrel.", (20, 20, "killed")),
        ("The unrest left 63 people with gunshot wounds.", (63, 63, "injured")),
        ("Officers detained 240 students overnight.", (240, 240, "arrested")),
        ("At least 19 protesters remain missing.", (19, None, "missing")),
        ("Two protesters were executed at dawn.", (2, 2, "executed")),
        ("The death toll rose to 143 on Monday.", (143, 143, "killed")),
        ("Castrel buried eleven of its sons on Tuesday.", (11, 11, "killed")),
        ("Nine people were still being treated in hospital for injuries.", (9, 9, "injured")),
        ("Some 1,900 people had been held since Friday.", (1900, 1900, "arrested")),
    ],
)
def test_categories(claims_in, body, expected):
    assert [r[:3] for r in readings(claims_in(body))] == [expected]


def test_each_figure_in_a_list_takes_its_own_category(claims_in):
    found = readings(claims_in("The crackdown left over 150 martyrs, 4,000 injured and 12,000 arrests."))
    assert [r[:3] for r in found] == [(150, None, "killed"), (4000, 4000, "injured"), (12000, 12000, "arrested")]


def test_a_list_under_one_qualifier_shares_it(claims_in):
    found = claims_in("At least 20 were killed in Castrel, 15 in Pellin and 4 in Ostra.")
    assert [(c.figure_low, c.qualifier, c.place) for c in found] == [
        (20, "at least", "Castrel"), (15, "at least", "Pellin"), (4, "at least", "Ostra"),
    ]


def test_subsets_inherit_the_category_and_name_the_subgroup(claims_in):
    found = readings(claims_in("At least 300 people were killed, including 13 women and 20 children."))
    assert found == [
        (300, None, "killed", None, None), (13, 13, "killed", None, "women"), (20, 20, "killed", None, "children"),
    ]


def test_security_forces_and_names_are_subgroups(claims_in):
    found = readings(claims_in(
        "Twelve people died, among them four police officers. The group released the names of 504 victims."
    ))
    assert (4, 4, "killed", None, "security forces") in found
    assert (504, 504, "killed", None, "identified by name") in found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Protests quickly spread to over 190 cities.", (190, None, "scope", "cities", None)),
        ("Protesters clashed with police in 800 areas.", (800, 800, "scope", "areas", None)),
        ("Unrest reached 29 of the country's 31 provinces.", (29, 29, "scope", "provinces", None)),
        ("Tens of thousands took to the streets.", (20000, None, "scope", "participants", None)),
    ],
)
def test_scope_figures_carry_their_unit(claims_in, body, expected):
    assert readings(claims_in(body)) == [expected]


@pytest.mark.parametrize(
    "body",
    [
        "Rioters set fire to 87 banks and more than 300 vehicles were burned.",
        "The protests lasted five days, according to witnesses.",
        "Three sources close to the ministry said the order came from the top.",
        "Some 100 members of the European Parliament called for the release of detained protesters.",
        "Police deployed 5,000 riot police in the capital.",
        "Three more have been sentenced to death by a revolutionary court.",
        "Fuel prices rose by 300 percent, angering protesters who were later arrested.",
        "The 2019 protests were the largest since the revolution in 1979.",
        "Of the 900 detained, 450 have since been released on bail.",
    ],
)
def test_not_claims(claims_in, body):
    assert [(c.figure_low, c.category) for c in claims_in(body) if c.figure_low != 900] == []


def test_labels_and_bracketed_sources(claims_in):
    found = claims_in(
        "Casualties so far: killed: 1,500; injured: 4,000; arrested: 12,000.\n\n"
        "Death toll: at least 304 (Amnesty International). Twelve were killed in Pellin (North Varda)."
    )
    assert [(c.figure_low, c.category, c.claimant_key) for c in found] == [
        (1500, "killed", "author"), (4000, "injured", "author"), (12000, "arrested", "author"),
        (304, "killed", "Amnesty International"), (12, "killed", "author"),
    ]


def test_several_cities_is_not_a_scope_figure(claims_in):
    assert claims_in("Rioters attacked public property in several cities.") == []
    assert [c.figure_low for c in claims_in("Protests broke out in dozens of cities.")] == [24]
