"""From scored pairs to persons: connected components, then a check of each component.

1. Every pair at or above the threshold (and every must-link pair) is an edge; the
   connected components are candidate persons.
2. One wrong link chains two people together: a son's tax form filed under his
   father's id, a child given her mother's date of birth. Connected components cannot
   tell, because a single edge is enough. So each component whose records do not all
   agree is rebuilt: its edges are added strongest first, and an edge that would join
   two groups is skipped when
   - a reviewer said a record of one group and a record of the other are different
     people (cannot-link: the decision wins), or
   - the two groups' records, compared across, average a match weight below
     ``min_mean_weight``: taken together they look like different people, whatever the
     one link says. (Average linkage as a veto; all pairs inside a component were
     scored by ``within.py``, so the average is over every cross pair.)
   A must-link edge is never vetoed by the average: the reviewer has looked.
3. A component larger than ``max_group_records`` is first cut at stricter thresholds:
   a few thousand records are not one person, and rebuilding them would cost millions
   of comparisons.

person_id is the smallest record_id in the person. cluster_probability is the
strongest link that holds the record in its person (NULL for a record alone).

Record ids may be strings or a run's integer codes (codes.py); inside, every record is
its position in record-id order and every component an integer, so a million records are
arrays, not lookups by text.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from reckon.linkage.decisions import CANNOT_LINK, MUST_LINK, Decisions
from reckon.linkage.one_per_list import join_mutual_best

MAX_GROUP_RECORDS = 2000
TIE_DECIMALS = 12  # probabilities equal to this many decimals are a tie (broken by record ids)


def cluster_records(
    record_ids: pd.Series,
    pairs: pd.DataFrame,
    threshold: float,
    decisions: Decisions | None,
    *,
    min_mean_weight: float | None = None,
    max_group_records: int = MAX_GROUP_RECORDS,
    list_of: pd.Series | None = None,
    mutual_best: tuple[float, float] | None = None,
) -> pd.DataFrame:
    """One row per record: record_id, person_id, cluster_probability.

    ``pairs`` has record_id_l, record_id_r, match_probability, match_weight and decided.
    Without ``min_mean_weight`` the persons are the connected components (cannot-link
    decisions still split them). With ``mutual_best`` (floor, ratio) and ``list_of``
    (record_id → list name), clear one-to-one pairs across lists join too (one_per_list.py).
    """
    components = candidate_groups(record_ids, pairs, threshold, max_group_records)
    return persons_from_groups(components, pairs, threshold, decisions, min_mean_weight, list_of, mutual_best)


def candidate_groups(
    record_ids: pd.Series | np.ndarray, pairs: pd.DataFrame, threshold: float, max_group_records: int = MAX_GROUP_RECORDS
) -> pd.DataFrame:
    """record_id, component (an integer): the connected components at ``threshold``,
    oversized ones cut; one row per record, in record-id order."""
    ids = np.sort(np.asarray(record_ids))
    left, right, probability = _edge_positions(pd.Index(ids), _edges(pairs, threshold))
    labels = _components(len(ids), left, right)
    labels = _cut_oversized(labels, left, right, probability, threshold, max_group_records)
    return pd.DataFrame({"record_id": ids, "component": labels})


def persons_from_groups(
    components: pd.DataFrame,
    pairs: pd.DataFrame,
    threshold: float,
    decisions: Decisions | None,
    min_mean_weight: float | None,
    list_of: pd.Series | None = None,
    mutual_best: tuple[float, float] | None = None,
) -> pd.DataFrame:
    """Rebuild the components that need it (see the module's docstring), name persons, and
    join clear one-to-one pairs across lists (``mutual_best``: floor and ratio; ``list_of``:
    record_id → list name; one_per_list.py)."""
    if not components["record_id"].is_monotonic_increasing:
        components = components.sort_values("record_id", kind="stable", ignore_index=True)
    ids = components["record_id"].to_numpy()
    index = pd.Index(ids)
    label = pd.factorize(components["component"])[0]
    left, right = index.get_indexer(pairs["record_id_l"]), index.get_indexer(pairs["record_id_r"])
    known = (left >= 0) & (right >= 0)
    inside = known & (label[np.where(known, left, 0)] == label[np.where(known, right, 0)])
    within = _Pairs.of(pairs, inside, left, right)
    edge = (within.probability >= threshold) & (within.decided != CANNOT_LINK)
    undecided = pd.isna(within.decided)
    cannot = _cannot_positions(index, decisions)
    doubtful = _components_to_check(label, cannot, within, undecided, min_mean_weight)
    if doubtful.size:
        label = _rebuild_components(label, within.subset(edge), within.subset(undecided), cannot, doubtful,
                                    min_mean_weight)
    persons = _finish(ids, label, within.subset(edge))
    if mutual_best is None or list_of is None:
        return persons
    return join_mutual_best(persons, pairs, list_of, *mutual_best, decisions)  # all pairs: across components too


class _Pairs:
    """Pairs as arrays of record positions (left < right in record-id order) and their scores."""

    def __init__(self, left: np.ndarray, right: np.ndarray, probability: np.ndarray, weight: np.ndarray,
                 decided: np.ndarray) -> None:
        self.left, self.right, self.probability, self.weight, self.decided = left, right, probability, weight, decided

    @classmethod
    def of(cls, pairs: pd.DataFrame, rows: np.ndarray, left: np.ndarray, right: np.ndarray) -> _Pairs:
        weight = pairs["match_weight"] if "match_weight" in pairs else pd.Series(np.nan, index=pairs.index)
        return cls(left[rows], right[rows], pairs["match_probability"].to_numpy(dtype=float)[rows],
                   weight.to_numpy(dtype=float)[rows], pairs["decided"].to_numpy(dtype=object)[rows])

    def subset(self, rows: np.ndarray) -> _Pairs:
        return _Pairs(self.left[rows], self.right[rows], self.probability[rows], self.weight[rows], self.decided[rows])

    def __len__(self) -> int:
        return len(self.left)


def _edges(pairs: pd.DataFrame, threshold: float) -> pd.DataFrame:
    keep = (pairs["match_probability"] >= threshold) & (pairs["decided"] != CANNOT_LINK)
    return pairs.loc[keep, ["record_id_l", "record_id_r", "match_probability"]]


def _edge_positions(index: pd.Index, edges: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Both ends' positions and the probability of each edge between two known records."""
    left, right = index.get_indexer(edges["record_id_l"]), index.get_indexer(edges["record_id_r"])
    known = (left >= 0) & (right >= 0)
    return left[known], right[known], edges["match_probability"].to_numpy(dtype=float)[known]


def _components(n: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    graph = coo_matrix((np.ones(len(left), dtype=np.int8), (left, right)), shape=(n, n))
    return connected_components(graph, directed=False)[1].astype(np.int64)


def _cut_oversized(labels: np.ndarray, left: np.ndarray, right: np.ndarray, probability: np.ndarray,
                   threshold: float, limit: int) -> np.ndarray:
    """Components above ``limit`` records, cut again with only their stronger edges (and
    again, stricter each time, while a piece is still too large)."""
    while True:
        big = np.bincount(labels)[labels] > limit
        if not big.any():
            return labels
        threshold = 1 - (1 - threshold) / 2
        members = np.flatnonzero(big)
        position = np.full(len(labels), -1)
        position[members] = np.arange(len(members))
        inside = big[left] & (probability >= threshold)
        pieces = _components(len(members), position[left[inside]], position[right[inside]])
        labels = labels.copy()
        labels[members] = labels.max(initial=-1) + 1 + pieces
        if threshold >= 1 - 1e-9:
            return labels


def _cannot_positions(index: pd.Index, decisions: Decisions | None) -> np.ndarray:
    """The cannot-link pairs between known records, as an (n, 2) array of positions."""
    if not decisions or not decisions.cannot_link:
        return np.empty((0, 2), dtype=np.int64)
    ordered = sorted(decisions.cannot_link)
    ends = np.column_stack([index.get_indexer([a for a, _ in ordered]), index.get_indexer([b for _, b in ordered])])
    return ends[(ends >= 0).all(axis=1)]


def _components_to_check(label: np.ndarray, cannot: np.ndarray, within: _Pairs, undecided: np.ndarray,
                         min_mean_weight: float | None) -> np.ndarray:
    """Components holding a cannot-link pair, or a pair that alone weighs below the veto."""
    doubtful = [label[cannot[:, 0]][label[cannot[:, 0]] == label[cannot[:, 1]]]]
    if min_mean_weight is not None:
        doubtful.append(label[within.left[undecided & (within.weight < min_mean_weight)]])
    return np.unique(np.concatenate(doubtful))


def _rebuild_components(label: np.ndarray, edges: _Pairs, inner: _Pairs, cannot: np.ndarray,
                        doubtful: np.ndarray, min_mean_weight: float | None) -> np.ndarray:
    """``label`` with each doubtful component replaced by the groups its rebuild makes."""
    label = label.copy()
    chosen = np.zeros(label.max(initial=-1) + 1, dtype=bool)
    chosen[doubtful] = True
    # Strongest first; equally strong edges in record-id order, whatever order the pairs came in.
    # Equal to 12 decimals is equal: two pairs with the same evidence can differ in the last
    # bit, by the order the engine summed in, and must not swap places from run to run.
    edges = edges.subset(chosen[label[edges.left]])
    edges = edges.subset(np.lexsort((edges.right, edges.left, -np.round(edges.probability, TIE_DECIMALS))))
    inner = inner.subset(chosen[label[inner.left]])
    cannot = cannot[chosen[label[cannot[:, 0]]] & (label[cannot[:, 0]] == label[cannot[:, 1]])]
    next_label = label.max(initial=-1) + 1
    for members, own_edges, own_weights, own_cannot in _slices(label, doubtful, edges, inner, cannot):
        groups = _rebuild(members, own_edges, own_weights, own_cannot, min_mean_weight)
        label[members] = next_label + groups
        next_label += len(members)
    return label


def _slices(label: np.ndarray, chosen: np.ndarray, edges: _Pairs, inner: _Pairs,
            cannot: np.ndarray) -> Iterator[tuple[np.ndarray, _Pairs, _Pairs, np.ndarray]]:
    """Per chosen component: its members (positions), edges, inner pairs and cannot-links."""
    members_of = _positions(label, np.isin(label, chosen))
    edges_of = _positions(label[edges.left])
    inner_of = _positions(label[inner.left])
    cannot_of = _positions(label[cannot[:, 0]])
    nothing = np.array([], dtype=np.int64)
    for component in chosen:
        yield (members_of[component], edges.subset(edges_of.get(component, nothing)),
               inner.subset(inner_of.get(component, nothing)), cannot[cannot_of.get(component, nothing)])


def _positions(labels: np.ndarray, mask: np.ndarray | None = None) -> dict[int, np.ndarray]:
    """label → the positions where it occurs (where ``mask`` holds), ascending, in one pass."""
    rows = np.arange(len(labels)) if mask is None else np.flatnonzero(mask)
    if not len(rows):
        return {}
    found = pd.Series(rows).groupby(labels[rows], sort=False).indices
    return {key: rows[value] for key, value in found.items()}


def _rebuild(members: np.ndarray, edges: _Pairs, weights: _Pairs, cannot: np.ndarray,
             min_mean_weight: float | None) -> np.ndarray:
    """One group number per member (0..len-1): the component rebuilt edge by edge, edges
    strongest first; ``weights``: the undecided pairs inside it."""
    def local(positions: np.ndarray) -> np.ndarray:  # members are in ascending order
        return np.searchsorted(members, positions)

    matrix = np.full((len(members), len(members)), np.nan)
    matrix[local(weights.left), local(weights.right)] = weights.weight
    matrix[local(weights.right), local(weights.left)] = weights.weight
    conflicts: dict[int, set[int]] = {}
    for a, b in local(cannot).tolist():
        conflicts.setdefault(a, set()).add(b)
        conflicts.setdefault(b, set()).add(a)
    return _constrained_union(len(members), local(edges.left).tolist(), local(edges.right).tolist(),
                              (edges.decided == MUST_LINK).tolist(), matrix, conflicts, min_mean_weight)


def _constrained_union(
    n: int,
    lefts: list[int],
    rights: list[int],
    reviewed: list[bool],
    matrix: np.ndarray,
    conflicts: dict[int, set[int]],
    min_mean_weight: float | None,
) -> np.ndarray:
    """Kruskal-style: join the strongest edges first, skipping a join that a reviewer's
    cannot-link forbids or that the two groups' mean weight vetoes."""
    parent = list(range(n))
    groups = {i: [i] for i in range(n)}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    cross = _CrossWeights(matrix)
    for left, right, must in zip(lefts, rights, reviewed):
        a, b = root(left), root(right)
        if a == b or any(conflicts.get(x, set()).intersection(groups[b]) for x in groups[a]):
            continue
        if not must and min_mean_weight is not None:
            mean = cross.mean(a, b)
            if mean is not None and mean < min_mean_weight:
                continue
        parent[b] = a
        groups[a] += groups.pop(b)
        cross.join(a, b)
    return np.array([root(i) for i in range(n)], dtype=np.int64)


class _CrossWeights:
    """Between every two groups: the sum and count of the weights of their records' scored
    pairs, kept up to date as groups join, so that a veto is a lookup rather than a mean
    over a sub-matrix (tens of thousands of vetoes are checked at a million records)."""

    def __init__(self, matrix: np.ndarray) -> None:
        scored = ~np.isnan(matrix)
        self.total = np.where(scored, matrix, 0.0)
        self.scored = scored.astype(np.int64)
        self.finite = np.isfinite(matrix).astype(np.int64)

    def mean(self, a: int, b: int) -> float | None:
        """The mean weight of the pairs across groups a and b; None if none is finite."""
        return float(self.total[a, b] / self.scored[a, b]) if self.finite[a, b] else None

    def join(self, a: int, b: int) -> None:
        """Group b joins group a (a's row and column then hold the two together)."""
        for sums in (self.total, self.scored, self.finite):
            sums[a, :] += sums[b, :]
            sums[:, a] += sums[:, b]


def _finish(ids: np.ndarray, label: np.ndarray, edges: _Pairs) -> pd.DataFrame:
    """person_id (the smallest record id of each group: ids are sorted, so its first
    position) and cluster_probability (the strongest edge held inside the person)."""
    first = np.zeros(label.max(initial=-1) + 1, dtype=np.int64)
    found, at = np.unique(label, return_index=True)
    first[found] = at
    person = first[label]
    held = person[edges.left] == person[edges.right]
    strongest = np.full(len(ids), -np.inf)
    for side in (edges.left[held], edges.right[held]):
        np.maximum.at(strongest, side, edges.probability[held])
    return pd.DataFrame({
        "record_id": ids,
        "person_id": ids[person],
        "cluster_probability": np.where(np.isfinite(strongest), strongest, np.nan),
    })
