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

import numpy as np
import pandas as pd

from reckon.linkage.decisions import Decisions


def lists_by_record(records: pd.DataFrame) -> pd.Series:
    """record_id → list_name, from a table with those two columns."""
    return pd.Series(records["list_name"].to_numpy(), index=records["record_id"].to_numpy())


def mutual_best_pairs(pairs: pd.DataFrame, list_of: pd.Series, floor: float, ratio: float) -> pd.DataFrame:
    """record_id_l, record_id_r, match_probability of the pairs across two lists that are each
    other's clear best choice (see the module's docstring), strongest first, then by ids."""
    strong = pairs.loc[pairs["match_probability"] >= floor, ["record_id_l", "record_id_r", "match_probability"]]
    left, right = strong["record_id_l"].map(list_of), strong["record_id_r"].map(list_of)
    strong = strong[(left != right).to_numpy() & left.notna().to_numpy() & right.notna().to_numpy()]
    strong = strong.reset_index(drop=True)
    if strong.empty:
        return strong
    # Integer codes: a million records' pairs sort in a second as numbers, not as text.
    codes, ids = pd.factorize(pd.concat([strong["record_id_l"], strong["record_id_r"]], ignore_index=True), sort=True)
    half = len(strong)
    lists = pd.factorize(list_of.reindex(ids))[0]
    me = np.concatenate([codes[:half], codes[half:]])  # each pair seen from both ends
    other = np.concatenate([codes[half:], codes[:half]])
    probability = np.tile(strong["match_probability"].to_numpy(dtype=float), 2)
    other_list = lists[other]
    # Per (record, other list): candidates strongest first, ties by the other's id.
    order = np.lexsort((other, -probability, other_list, me))
    me, other, probability, other_list = me[order], other[order], probability[order], other_list[order]
    first = np.ones(len(me), dtype=bool)
    first[1:] = (me[1:] != me[:-1]) | (other_list[1:] != other_list[:-1])
    runner_up = np.zeros(len(me))
    has_second = np.zeros(len(me), dtype=bool)
    has_second[:-1] = first[:-1] & ~first[1:]
    runner_up[has_second] = probability[1:][has_second[:-1]]
    clear = first & (probability >= ratio * runner_up)
    me, other, probability = me[clear], other[clear], probability[clear]
    # Mutual: the other end chose this record too; such a pair is seen from both ends, kept once.
    chosen = me.astype(np.int64) * len(ids) + other
    mutual = pd.Series(other.astype(np.int64) * len(ids) + me).isin(chosen).to_numpy() & (me < other)
    me, other, probability = me[mutual], other[mutual], probability[mutual]
    order = np.lexsort((other, me, -probability))  # strongest first, then by ids
    ids = np.asarray(ids)
    return pd.DataFrame({"record_id_l": ids[me[order]], "record_id_r": ids[other[order]],
                         "match_probability": probability[order]})


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
    index = pd.Index(persons["record_id"].to_numpy())
    # Records as positions, persons as codes in person-id order (the smaller code keeps its id).
    person, person_ids = pd.factorize(persons["person_id"], sort=True)
    person = person.copy()
    left, right = index.get_indexer(found["record_id_l"]), index.get_indexer(found["record_id_r"])
    known = (left >= 0) & (right >= 0)
    apart = known & (person[np.where(known, left, 0)] != person[np.where(known, right, 0)])
    if not apart.any():
        return persons
    left, right, probability = left[apart], right[apart], found["match_probability"].to_numpy(dtype=float)[apart]
    # Only the persons a join may change are looked at (a few, among a million records).
    joining = np.zeros(person.max(initial=-1) + 1, dtype=bool)
    joining[person[left]] = joining[person[right]] = True
    touched = np.flatnonzero(joining[person])
    members: dict[int, list[int]] = {}
    for position, code in zip(touched.tolist(), person[touched].tolist()):
        members.setdefault(code, []).append(position)
    list_code = pd.factorize(list_of.reindex(index))[0]
    lists_in = {code: {int(list_code[r]) for r in records} for code, records in members.items()}
    kept_apart = _cannot_partners(index, decisions)
    strongest = persons["cluster_probability"].to_numpy(dtype=float).copy()
    for one, other, p in zip(left.tolist(), right.tolist(), probability.tolist()):
        a, b = int(person[one]), int(person[other])
        if a == b or lists_in[a] & lists_in[b] or _kept_apart(members[a], members[b], kept_apart):
            continue
        keep, gone = min(a, b), max(a, b)  # person_id stays the smallest record id
        person[members[gone]] = keep
        members[keep] += members.pop(gone)
        lists_in[keep] |= lists_in.pop(gone)
        for record in (one, other):
            if np.isnan(strongest[record]) or strongest[record] < p:
                strongest[record] = p
    return persons.assign(person_id=np.asarray(person_ids)[person], cluster_probability=strongest)


def _cannot_partners(index: pd.Index, decisions: Decisions | None) -> dict[int, set[int]]:
    """Record position → the positions a reviewer said are someone else."""
    apart: dict[int, set[int]] = {}
    if not decisions or not decisions.cannot_link:
        return apart
    ordered = sorted(decisions.cannot_link)
    lefts, rights = index.get_indexer([a for a, _ in ordered]), index.get_indexer([b for _, b in ordered])
    for a, b in zip(lefts.tolist(), rights.tolist()):
        if a >= 0 and b >= 0:
            apart.setdefault(a, set()).add(b)
            apart.setdefault(b, set()).add(a)
    return apart


def _kept_apart(one: list[int], other: list[int], apart: dict[int, set[int]]) -> bool:
    """Whether a reviewer said some record of ``one`` and some record of ``other`` differ."""
    if not apart:
        return False
    others = set(other)
    return any(apart.get(record, set()) & others for record in one)
