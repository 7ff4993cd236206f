"""One person per list: clear mutual best pairs across lists join below the threshold."""

from __future__ import annotations

import pandas as pd

from reckon.linkage.decisions import CANNOT_LINK, Decisions
from reckon.linkage.one_per_list import join_mutual_best, mutual_best_pairs

LISTS = pd.Series({"a1": "A", "a2": "A", "a3": "A", "a4": "A", "b1": "B", "b2": "B", "b3": "B", "b4": "B", "c1": "C"})


def _pairs(*rows: tuple[str, str, float]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["record_id_l", "record_id_r", "match_probability"])


def _alone(*ids: str) -> pd.DataFrame:
    return pd.DataFrame({"record_id": list(ids), "person_id": list(ids), "cluster_probability": [float("nan")] * len(ids)})


def test_a_clear_mutual_choice_is_found_and_a_close_second_is_not():
    pairs = _pairs(("a1", "b1", 0.40), ("a1", "b2", 0.03),   # b1 is a1's clear best, and a1 is b1's
                   ("a2", "b3", 0.40), ("a2", "b4", 0.35))   # a2 has two plausible candidates in B
    found = mutual_best_pairs(pairs, LISTS, floor=0.2, ratio=10)
    assert list(zip(found["record_id_l"], found["record_id_r"])) == [("a1", "b1")]


def test_pairs_inside_one_list_and_below_the_floor_never_count():
    pairs = _pairs(("a1", "a2", 0.45), ("a3", "b1", 0.15))
    assert mutual_best_pairs(pairs, LISTS, floor=0.2, ratio=10).empty


def test_the_choice_must_be_mutual():
    # b1 prefers a2 clearly; a1's only candidate is b1: a1 -> b1 is not returned.
    pairs = _pairs(("a1", "b1", 0.30), ("a2", "b1", 0.45))
    found = mutual_best_pairs(pairs, LISTS, floor=0.2, ratio=1.2)
    assert list(zip(found["record_id_l"], found["record_id_r"])) == [("a2", "b1")]


def test_joins_persons_and_records_the_link_that_holds_them():
    persons = _alone("a1", "b1", "c1")
    joined = join_mutual_best(persons, _pairs(("a1", "b1", 0.4)), LISTS, 0.2, 10)
    assert dict(zip(joined["record_id"], joined["person_id"])) == {"a1": "a1", "b1": "a1", "c1": "c1"}
    assert joined.set_index("record_id").loc[["a1", "b1"], "cluster_probability"].tolist() == [0.4, 0.4]


def test_a_join_that_would_put_one_list_twice_in_a_person_is_refused():
    # a1 and c1 are one person already; a2 -> c1 would give that person a second record of list A.
    persons = pd.DataFrame({"record_id": ["a1", "a2", "c1"], "person_id": ["a1", "a2", "a1"],
                            "cluster_probability": [0.9, float("nan"), 0.9]})
    joined = join_mutual_best(persons, _pairs(("a2", "c1", 0.4)), LISTS, 0.2, 10)
    assert joined["person_id"].tolist() == ["a1", "a2", "a1"]


def test_a_reviewers_cannot_link_is_never_joined():
    decisions = Decisions()
    decisions.add("a1", "b1", CANNOT_LINK)
    joined = join_mutual_best(_alone("a1", "b1"), _pairs(("a1", "b1", 0.4)), LISTS, 0.2, 10, decisions)
    assert joined["person_id"].tolist() == ["a1", "b1"]


def test_clustering_joins_mutual_best_pairs_that_no_component_holds():
    from reckon.linkage.clusters import persons_from_groups

    pairs = _pairs(("a1", "b1", 0.4)).assign(match_weight=-0.6, decided=None)
    components = pd.DataFrame({"record_id": ["a1", "b1"], "component": ["a1", "b1"]})
    alone = persons_from_groups(components, pairs, 0.5, None, -4.0)
    joined = persons_from_groups(components, pairs, 0.5, None, -4.0, LISTS, (0.2, 10))
    assert alone["person_id"].tolist() == ["a1", "b1"]
    assert joined["person_id"].tolist() == ["a1", "a1"]
