"""A list names a person once: join records that are each other's clear best choice.

Casualty lists are mostly deduplicated by those who keep them. So when record A's best
candidate in list Y is B, B's best candidate in A's list is A, and in each case the
runner-up in that list scores far below (under ``1 / ratio`` of the best), the pair is
linked even below the threshold, down to ``floor``. This is the one-to-one assignment of
record linkage between deduplicated files (Jaro 1989), taken only where it is clear-cut:
a record with two plausible candidates in one list is left to review.

Small, sparse lists need it most: with no father's name and names in one script, the
model's probabilities for true pairs cluster around 0.3-0.5 although the ranking is right.

A join is refused when it would put two records of one list into one person (the lists'
own duplicates stay as the model found them) or when a reviewer said two of the records
are different people. Runs after the group check, on the persons it made.
"""

from __future__ import annotations

import pandas as pd

from reckon.linkage.decisions import Decisions


def mutual_best_pairs(pairs: pd.DataFrame, list_of: pd.Series, floor: float, ratio: float) -> pd.DataFrame:
    """record_id_l, record_id_r, match_probability of the pairs across two lists that are each
    other's clear best choice (see the module's docstring), strongest first, then by ids."""
    strong = pairs.loc[pairs["match_probability"] >= floor, ["record_id_l", "record_id_r", "match_probability"]]
    left, right = strong["record_id_l"].map(list_of), strong["record_id_r"].map(list_of)
    strong = strong[(left != right).to_numpy() & left.notna().to_numpy() & right.notna().to_numpy()]
    if strong.empty:
        return strong.reset_index(drop=True)
    # Each pair seen from both ends: (record, the other list) → its candidates there.
    seen = pd.concat([
        pd.DataFrame({"me": strong["record_id_l"], "other": strong["record_id_r"], "p": strong["match_probability"]}),
        pd.DataFrame({"me": strong["record_id_r"], "other": strong["record_id_l"], "p": strong["match_probability"]}),
    ], ignore_index=True)
    seen["other_list"] = seen["other"].map(list_of)
    seen = seen.sort_values(["me", "other_list", "p", "other"], ascending=[True, True, False, True], kind="stable")
    rank = seen.groupby(["me", "other_list"], sort=False).cumcount()
    best = seen[rank.to_numpy() == 0].set_index(["me", "other_list"])
    runner_up = seen[rank.to_numpy() == 1].set_index(["me", "other_list"])["p"]
    best = best[best["p"].to_numpy() >= ratio * runner_up.reindex(best.index).fillna(0.0).to_numpy()]
    chosen = set(zip(best.index.get_level_values("me"), best["other"]))
    mutual = [(a, b) for a, b in chosen if a < b and (b, a) in chosen]
    found = pd.DataFrame(mutual, columns=["record_id_l", "record_id_r"])
    found = found.merge(strong, on=["record_id_l", "record_id_r"], how="left")
    return found.sort_values(["match_probability", "record_id_l", "record_id_r"],
                             ascending=[False, True, True], kind="stable").reset_index(drop=True)


def join_mutual_best(
    persons: pd.DataFrame,
    pairs: pd.DataFrame,
    list_of: pd.Series,
    floor: float,
    ratio: float,
    decisions: Decisions | None = None,
) -> pd.DataFrame:
    """``persons`` (record_id, person_id, cluster_probability) with the mutual best pairs'
    persons joined, unless that puts one list twice in a person or a cannot-link inside it."""
    found = mutual_best_pairs(pairs, list_of, floor, ratio)
    if found.empty:
        return persons
    person = dict(zip(persons["record_id"], persons["person_id"]))
    members: dict[str, list[str]] = {}
    for record_id, person_id in person.items():
        members.setdefault(person_id, []).append(record_id)
    cannot = decisions.cannot_link if decisions else set()
    strongest = dict(zip(persons["record_id"], persons["cluster_probability"]))
    for left, right, probability in found.itertuples(index=False):
        a, b = person[left], person[right]
        if a == b or not _may_join(members[a], members[b], list_of, cannot):
            continue
        keep, gone = min(a, b), max(a, b)  # person_id stays the smallest record id
        for record_id in members[gone]:
            person[record_id] = keep
        members[keep] += members.pop(gone)
        for record_id in (left, right):
            current = strongest.get(record_id)
            if current is None or pd.isna(current) or current < probability:
                strongest[record_id] = probability
    ids = persons["record_id"]
    return pd.DataFrame({
        "record_id": ids.to_numpy(),
        "person_id": ids.map(person).to_numpy(),
        "cluster_probability": ids.map(strongest).to_numpy(),
    })


def _may_join(one: list[str], other: list[str], list_of: pd.Series, cannot: set[tuple[str, str]]) -> bool:
    if set(list_of.reindex(one)) & set(list_of.reindex(other)):
        return False
    return not any((min(a, b), max(a, b)) in cannot for a in one for b in other)
