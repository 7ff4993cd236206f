"""Figures as news writes them: parts, breakdowns, implicit categories, totals; and what is not
a casualty figure (ages, fractions, sources, hostages). Our own sentences."""

from __future__ import annotations

import pytest


def figures(claims):
    return [(c.figure_low, c.figure_high, c.category, c.subgroup) for c in claims]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Shelling killed 23 villagers, 14 of them children, the group said.",
         [(23, 23, "killed", None), (14, 14, "killed", "children")]),
        ("The bureau said 1,240 were killed. Of the dead, 389 were women and 151 were children.",
         [(1240, 1240, "killed", None), (389, 389, "killed", "women"), (151, 151, "killed", "children")]),
        ("Seven of the injured had died in hospital, he said.", [(7, 7, "killed", "died of wounds")]),
        ("The group said 11 children and nine women were among the dead.",
         [(11, 11, "killed", "children"), (9, 9, "killed", "women")]),
        ("The director reported 11 patients and two nurses killed in the strike.",
         [(11, 11, "killed", None), (2, 2, "killed", None)]),
        ("Police injured five officers, one of whom later succumbed to his injuries.",
         [(5, 5, "injured", "security forces"), (1, 1, "killed", "died of wounds")]),
        ("The army said 19 of the prisoners were wounded.", [(19, 19, "injured", None)]),
        ("At least 12 detainees have died in custody, the mission said.", [(12, None, "killed", "died in custody")]),
    ],
)
def test_parts_of_a_figure(claims_in, body, expected):
    assert figures(claims_in(body)) == expected


def test_breakdowns_by_place_share_the_lists_qualifier(claims_in):
    found = claims_in("Jets killed at least 9 civilians in Kafra, 4 in Derra and 3 in al-Mazra, the civil defence said.")
    assert [(c.figure_low, c.qualifier, c.place) for c in found] == [
        (9, "at least", "Kafra"), (4, "at least", "Derra"), (3, "at least", "al-Mazra"),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("More than 1,800 people, among them 1,000 children, are still under the rubble.",
         [(1800, None, "missing", None), (1000, 1000, "missing", "children")]),
        ("Gunmen took away at least 11 other men, whose fate is unknown.", [(11, None, "missing", None)]),
        ("The fighters captured 312 soldiers near the border.", [(312, 312, "arrested", "security forces")]),
        ('The army said its jets had "eliminated more than 2,000 rebels".', [(2000, None, "killed", None)]),
        ('"Fewer than a hundred" fighters had fallen, the spokesman said.', [(None, 100, "killed", None)]),
        ("MSF reported treating 58 patients with blast and gunshot injuries.", [(58, 58, "injured", None)]),
        ("A defector's photographs show the bodies of 6,700 detainees.", [(6700, 6700, "killed", None)]),
        ('A spokesman said "not a single civilian" had been killed.', [(0, 0, "killed", None)]),
        ("Rebels summarily executed at least 18 men and boys, witnesses said.", [(18, None, "killed", "summarily executed")]),
    ],
)
def test_implicit_categories_and_euphemisms(claims_in, body, expected):
    assert figures(claims_in(body)) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("In February the ministry put the national civilian toll for the previous year at 9,300.", [(9300, 9300, "killed")]),
        ("The association said its count of people killed now stood at 640.", [(640, 640, "killed")]),
        ("The army said the number of soldiers killed in the operation had risen to 47.", [(47, 47, "killed")]),
        ("The union says 492 civilians have been killed. The observatory puts the number at 440.",
         [(492, 492, "killed"), (440, 440, "killed")]),
        ("The bureau counted 1,240 deaths, far more than the 750 announced by the governor.",
         [(1240, 1240, "killed"), (750, 750, "killed")]),
        ("The toll had passed 8,000 by Friday, the ministry said.", [(8000, None, "killed")]),
    ],
)
def test_totals_stated_with_their_own_verb_or_compared(claims_in, body, expected):
    assert [(c.figure_low, c.figure_high, c.category) for c in claims_in(body)] == expected


@pytest.mark.parametrize(
    "body",
    [
        "Two youths, aged 19 and 24, were arrested in the square, the group said.",
        "About one fifth of those killed were under the age of 25, she said.",
        "The researchers interviewed 34 people and analysed 19 videos.",
        "A court sentenced three young men to death on Monday.",
        "Fighters killed 300 people and took some 140 captive.",
        "Government forces recaptured at least 14 villages south of the town.",
        "The ministry said 198 health workers had been killed and 56 ambulances damaged.",
        "That is about one in every 60 people who lived there.",
        "(Corrects number of injured in paragraph 2 to 27 from 72)",
    ],
)
def test_what_is_not_a_casualty_figure(claims_in, body):
    found = {(c.figure_low, c.category) for c in claims_in(body)}
    assert not found & {(19, "arrested"), (24, "arrested"), (1, "killed"), (25, "killed"), (34, "killed"),
                        (3, "killed"), (3, "executed"), (140, "killed"), (14, "scope"), (56, "killed"), (60, "killed"),
                        (72, "injured"), (27, "injured")}
