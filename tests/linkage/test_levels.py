"""Which comparison level invented record pairs fall on, evaluated by DuckDB from the
model's own SQL (the same conditions Splink runs)."""

from __future__ import annotations

import duckdb
import pandas as pd

from reckon.linkage.model import COMPARISONS
from reckon.linkage.prepare import prepare_features
from reckon.linkage.settings import LinkageSettings


def level_of(comparison: str, left: dict, right: dict) -> str:
    """The label of the first level whose condition holds for the pair (prepared features)."""
    features = prepare_features(pd.DataFrame([
        {"record_id": "a", "list_name": "x", **left}, {"record_id": "b", "list_name": "y", **right},
    ]))
    l, r = features.iloc[[0]].reset_index(drop=True), features.iloc[[1]].reset_index(drop=True)
    pair = pd.concat([l.add_suffix("_l"), r.add_suffix("_r")], axis=1)
    con = duckdb.connect()
    con.register("pair", pair)
    built = COMPARISONS[comparison][1](LinkageSettings()).get_comparison("duckdb").as_dict()
    for level in built["comparison_levels"]:
        condition = level["sql_condition"]
        if condition == "ELSE" or con.execute(f"SELECT ({condition}) FROM pair").fetchone()[0]:
            return level["label_for_charts"]
    raise AssertionError("no level matched")


def test_a_shared_id_with_clearly_different_given_names_is_its_own_level():
    # Two members of one household, the id copied from one to the other.
    mother = {"given_name": "Parvin", "family_name": "Karimi", "national_id": "1234567890"}
    son = {"given_name": "Reza", "family_name": "Karimi", "national_id": "1234567890"}
    assert level_of("national_id", mother, son) == "same id, given names clearly differ"
    # One person: a typo, an initial, given and family swapped all keep the plain exact level.
    for other in ("Parvim", "P", "Parv"):
        assert level_of("national_id", mother, {**mother, "given_name": other}) == "Exact match on national_id"
    swapped = {**mother, "given_name": "Karimi", "family_name": "Parvin"}
    assert level_of("national_id", mother, swapped) == "Exact match on national_id"


def test_family_name_with_an_initial_or_short_given_name_is_kept_apart_from_siblings():
    full = {"given_name": "Abolfazl", "family_name": "Rahimi"}
    assert level_of("name", full, {**full, "given_name": "A"}) == "family name agrees, given name an initial or short form"
    assert level_of("name", full, {**full, "given_name": "Kamran"}) == "family name agrees, given differs"


def test_date_of_birth_levels():
    born = {"given_name": "Sara", "family_name": "Amini", "date_of_birth": "1990-03-07"}
    assert level_of("age", born, {**born, "date_of_birth": "1990-07-03"}) == "day and month of birth swapped"
    assert level_of("age", born, {**born, "date_of_birth": "1990-03-28"}) == "same year and month of birth"
    assert level_of("age", born, {**born, "date_of_birth": "1990-11-28"}) == "same birth year"


def test_province_and_both_initials_block_a_nickname_with_a_changed_family_spelling():
    from reckon.linkage.blocking import affordable_rules, columns_with_data

    rule = ("l.province_key = r.province_key and l.given_initial = r.given_initial"
            " and l.family_initial = r.family_initial")
    records = pd.DataFrame([
        {"record_id": "a", "list_name": "x", "given_name": "William", "family_name": "Wordsworth", "province": "Kent"},
        {"record_id": "b", "list_name": "y", "given_name": "Will", "family_name": "Wadsworth", "province": "Kent"},
        {"record_id": "c", "list_name": "y", "given_name": "Walter", "family_name": "Wood", "province": "Kent"},
    ])
    features = prepare_features(records)
    groups = LinkageSettings().blocking_rules
    assert [rule] in groups
    chosen, _ = affordable_rules(features, [[rule]], columns_with_data(features), limit=10)
    assert chosen == [rule]
    # Over the pair budget (3 pairs here) the rule is skipped, not loosened.
    chosen, skipped = affordable_rules(features, [[rule]], columns_with_data(features), limit=2)
    assert chosen == [] and skipped == [[rule]]


def test_short_forms_of_one_given_name_are_their_own_level():
    formal = {"given_name": "William", "family_name": "Hartley"}
    assert level_of("name", formal, {**formal, "given_name": "Bill"}).startswith("family name agrees, given names forms of one name")
    # Two formal names that share a short form are not one name.
    assert level_of("name", {**formal, "given_name": "Edward"}, {**formal, "given_name": "Edwin"}) != \
        level_of("name", formal, {**formal, "given_name": "Bill"})


def test_a_lone_name_is_kept_apart_by_which_name_it_gives():
    full = {"given_name": "Suzanne", "family_name": "Ellis"}
    assert level_of("name", full, {"given_name": "Suzanne"}) == "one record gives one name only, the other's given name"
    assert level_of("name", full, {"family_name": "Ellis"}) == "one record gives one name only, the other's family name"


def test_relatives_at_one_place_fall_on_the_household_level_not_the_exact_place():
    from reckon.linkage.model import HOUSEHOLD_PLACE_LABEL

    sister = {"given_name": "Maryam", "family_name": "Jafari", "place_of_death": "Karaj"}
    assert level_of("place", sister, {**sister, "given_name": "Leila"}) == HOUSEHOLD_PLACE_LABEL
    # A lone family name could be anyone in the family.
    assert level_of("place", sister, {"family_name": "Jafari", "place_of_death": "Karaj"}) == HOUSEHOLD_PLACE_LABEL
    # One person (same given name, or a short form of it) keeps the exact place.
    assert level_of("place", sister, {**sister, "name_native": "مریم جعفری"}) == "Exact match on place_key"
    bill = {"given_name": "William", "family_name": "Hartley", "place_of_death": "Leeds"}
    assert level_of("place", bill, {**bill, "given_name": "Bill"}) == "Exact match on place_key"


def test_place_stays_trainable_when_em_blocks_must_tighten():
    # EM cannot train a comparison whose columns a block holds equal. On a million records
    # the loose blocks do not fit and their tighter forms are used: at least one group's
    # second form must leave place and province free, or place is never trained.
    groups = LinkageSettings().training_blocks
    assert any(len(g) > 1 and "place_key" not in g[1] and "province_key" not in g[1] for g in groups)
