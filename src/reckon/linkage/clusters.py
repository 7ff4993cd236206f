"""From scored pairs to persons: connected components, then a check of each component.

1. Every pair at or above the threshold (and every must-link pair) is an edge; the
   connected components are candidate persons (Splink's clustering does this step).
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
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components as scipy_components
from splink.clustering import cluster_pairwise_predictions_at_threshold

from reckon.linkage.decisions import CANNOT_LINK, MUST_LINK, Decisions
from reckon.linkage.one_per_list import join_mutual_best

MAX_GROUP_RECORDS = 2000


def cluster_records(
    record_ids: pd.Series,
    pairs: pd.DataFrame,
    threshold: float,
    decisions: Decisions | None,
    db_api: Any,
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
    components = candidate_groups(record_ids, pairs, threshold, db_api, max_group_records)
    return persons_from_groups(components, pairs, threshold, decisions, min_mean_weight, list_of, mutual_best)


def candidate_groups(
    nodes: pd.Series | Any, pairs: pd.DataFrame, threshold: float, db_api: Any, max_group_records: int = MAX_GROUP_RECORDS
) -> pd.DataFrame:
    """record_id, component: the connected components at ``threshold``, oversized ones cut.

    ``nodes`` are the record ids, or a table in ``db_api`` with a record_id column (the
    features: then only the edges go to the engine). The components are solved in the
    engine (Splink's connected components) and come back one row per record, in
    record-id order.
    """
    edges = _edges(pairs, threshold)
    components = _connected_components(nodes, edges, db_api)
    return _cut_oversized(components, edges, threshold, max_group_records)


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
    component = pd.Series(components["component"].to_numpy(), index=components["record_id"].to_numpy())
    within = pairs.assign(component=pairs["record_id_l"].map(component))
    within = within[within["component"].to_numpy() == within["record_id_r"].map(component).to_numpy()]
    edges = _edges(within, threshold)
    # The model's weight of each undecided pair inside a component, for the average.
    inner = within.loc[within["decided"].isna(), ["record_id_l", "record_id_r", "match_weight", "component"]]
    cannot = decisions.cannot_link if decisions else set()
    doubtful = _components_to_check(component, cannot, inner, min_mean_weight)
    if doubtful:
        rebuilt: dict[str, str] = {}
        for name, members, own_edges, weights in _slices(component, edges, inner, doubtful):
            labels = _rebuild(members, own_edges, weights, cannot, min_mean_weight)
            rebuilt.update((record, f"{name}/{label}") for record, label in zip(members, labels))
        component = component.copy()
        component.loc[list(rebuilt)] = list(rebuilt.values())
    persons = _finish(pd.DataFrame({"record_id": component.index, "component": component.to_numpy()}), edges)
    if mutual_best is None or list_of is None:
        return persons
    return join_mutual_best(persons, pairs, list_of, *mutual_best, decisions)  # all pairs: across components too


def _slices(component: pd.Series, edges: pd.DataFrame, inner: pd.DataFrame, chosen: set[str]):
    """Per chosen component: its name, members, edges (strongest first) and inner weights.

    Arrays, not small DataFrames: thousands of components are checked at a million records.
    """
    members = component[component.isin(chosen)]
    # Strongest first; equally strong edges in record-id order, whatever order the pairs came in.
    edges = edges[edges["component"].isin(chosen)].sort_values(
        ["match_probability", "record_id_l", "record_id_r"], ascending=[False, True, True], kind="stable"
    )
    inner = inner[inner["component"].isin(chosen)]
    ids = members.index.to_numpy()
    edge_columns = [edges[c].to_numpy() for c in ("record_id_l", "record_id_r", "decided")]
    weight_columns = [inner[c].to_numpy() for c in ("record_id_l", "record_id_r", "match_weight")]
    edge_rows, weight_rows = _positions(edges["component"]), _positions(inner["component"])
    nothing = np.array([], dtype=int)
    for name, rows in _positions(members).items():
        own_edges, own_weights = edge_rows.get(name, nothing), weight_rows.get(name, nothing)
        yield name, ids[rows], [c[own_edges] for c in edge_columns], [c[own_weights] for c in weight_columns]


def _positions(labels: pd.Series) -> dict[str, np.ndarray]:
    """label → the positions where it occurs, in one pass."""
    return labels.reset_index(drop=True).groupby(labels.to_numpy(), sort=False).indices


def _edges(pairs: pd.DataFrame, threshold: float) -> pd.DataFrame:
    keep = (pairs["match_probability"] >= threshold) & (pairs["decided"] != CANNOT_LINK)
    columns = [c for c in ("record_id_l", "record_id_r", "match_probability", "decided", "component") if c in pairs]
    return pairs.loc[keep, columns].reset_index(drop=True)


def _connected_components(nodes: pd.Series | Any, edges: pd.DataFrame, db_api: Any) -> pd.DataFrame:
    if isinstance(nodes, pd.Series):
        ids = nodes.astype(str).to_numpy()
        if edges.empty:
            return pd.DataFrame({"record_id": ids, "component": ids}).sort_values("record_id", ignore_index=True)
        nodes = pa.table({"record_id": pa.array(ids, type=pa.string())})
    ends = pa.table({side: pa.array(edges[side].astype(str).to_numpy(), type=pa.string())
                     for side in ("record_id_l", "record_id_r")})
    clustered = cluster_pairwise_predictions_at_threshold(
        nodes, ends, db_api=db_api, node_id_column_name="record_id",
        edge_id_column_name_left="record_id_l", edge_id_column_name_right="record_id_r",
    )
    frame = clustered.as_pyarrow_table().to_pandas()
    clustered.drop_table_from_database_and_remove_from_cache()
    id_column = "record_id" if "record_id" in frame.columns else "node_id"
    components = pd.DataFrame({"record_id": frame[id_column].astype(str), "component": frame["cluster_id"].astype(str)})
    # Engines return rows in no fixed order; the group check must see them in one.
    return components.sort_values("record_id", ignore_index=True)


def _cut_oversized(components: pd.DataFrame, edges: pd.DataFrame, threshold: float, limit: int) -> pd.DataFrame:
    """Components above ``limit`` records, cut again with only their stronger edges."""
    sizes = components["component"].map(components["component"].value_counts())
    if not (sizes > limit).any():
        return components
    components = components.copy()
    big = components[sizes > limit]
    stricter = 1 - (1 - threshold) / 2
    inside = edges[edges["record_id_l"].isin(set(big["record_id"])) & (edges["match_probability"] >= stricter)]
    members = big["record_id"].to_numpy()
    index = pd.Series(np.arange(len(members)), index=members)
    graph = coo_matrix(
        (np.ones(len(inside)), (index[inside["record_id_l"]].to_numpy(), index[inside["record_id_r"]].to_numpy())),
        shape=(len(members), len(members)),
    )
    _, labels = scipy_components(graph, directed=False)
    components.loc[sizes > limit, "component"] = big["component"] + "/" + pd.Series(labels, index=big.index).astype(str)
    # Pieces can still be too large when even the stronger edges chain them; cut again.
    if stricter < 1 - 1e-9:
        return _cut_oversized(components, edges, stricter, limit)
    return components


def _components_to_check(
    component: pd.Series, cannot: set[tuple[str, str]], inner: pd.DataFrame, min_mean_weight: float | None
) -> set[str]:
    """Components holding a cannot-link pair, or a pair that alone weighs below the veto."""
    doubtful = {component[a] for a, b in cannot if a in component.index and b in component.index and component[a] == component[b]}
    if min_mean_weight is not None:
        doubtful |= set(inner.loc[inner["match_weight"] < min_mean_weight, "component"])
    return doubtful


def _rebuild(
    members: np.ndarray,
    edges: list[np.ndarray],
    weights: list[np.ndarray],
    cannot: set[tuple[str, str]],
    min_mean_weight: float | None,
) -> np.ndarray:
    """One label per member: the component rebuilt edge by edge. ``edges``: left, right,
    decided (strongest first); ``weights``: left, right, weight of the pairs inside it."""
    index = {record: i for i, record in enumerate(members)}
    matrix = _weight_matrix(index, weights)
    conflicts = _conflicts(index, cannot)
    return _constrained_union(index, edges, matrix, conflicts, min_mean_weight)


def _conflicts(index: dict[str, int], cannot: set[tuple[str, str]]) -> dict[int, set[int]]:
    """Member → the members a reviewer said are someone else."""
    conflicts: dict[int, set[int]] = {}
    for left, right in cannot:
        if left in index and right in index:
            conflicts.setdefault(index[left], set()).add(index[right])
            conflicts.setdefault(index[right], set()).add(index[left])
    return conflicts


def _constrained_union(
    index: dict[str, int],
    edges: list[np.ndarray],
    matrix: np.ndarray,
    conflicts: dict[int, set[int]],
    min_mean_weight: float | None,
) -> np.ndarray:
    """Kruskal-style: join the strongest edges first, skipping a join that a reviewer's
    cannot-link forbids or that the two groups' mean weight vetoes."""
    parent = list(range(len(index)))
    groups = {i: [i] for i in range(len(index))}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for left, right, decided in zip(*edges):
        a, b = root(index[left]), root(index[right])
        if a == b or any(conflicts.get(x, set()).intersection(groups[b]) for x in groups[a]):
            continue
        if decided != MUST_LINK and min_mean_weight is not None:
            cross = matrix[np.ix_(groups[a], groups[b])]
            if np.isfinite(cross).any() and np.nanmean(cross) < min_mean_weight:
                continue
        parent[b] = a
        groups[a] += groups.pop(b)
    return np.array([root(i) for i in range(len(index))])


def _weight_matrix(index: dict[str, int], weights: list[np.ndarray]) -> np.ndarray:
    """Members × members match weights; NaN where a pair was not scored."""
    matrix = np.full((len(index), len(index)), np.nan)
    left, right, values = weights
    rows = np.array([index[x] for x in left], dtype=int)
    columns = np.array([index[x] for x in right], dtype=int)
    matrix[rows, columns] = values
    matrix[columns, rows] = values
    return matrix


def _finish(components: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    person = components.groupby("component")["record_id"].transform("min")
    person_of = pd.Series(person.to_numpy(), index=components["record_id"].to_numpy())
    held = edges[edges["record_id_l"].map(person_of).to_numpy() == edges["record_id_r"].map(person_of).to_numpy()]
    strongest = pd.concat([
        held.set_index("record_id_l")["match_probability"], held.set_index("record_id_r")["match_probability"],
    ]).groupby(level=0).max()
    persons = pd.DataFrame({
        "record_id": components["record_id"].to_numpy(),
        "person_id": person.to_numpy(),
        "cluster_probability": components["record_id"].map(strongest).to_numpy(),
    })
    return persons.sort_values("record_id").reset_index(drop=True)
