"""From scored pairs to persons: connected components, then cannot-link repair.

1. Every pair at or above the threshold (and every must-link pair) is an edge; the
   connected components are the persons (Splink's clustering does this step).
2. A chain of links can still join two records a reviewer said are different people
   (A–B and B–C both strong, but A cannot-link C). Each such component is rebuilt by
   adding its edges strongest first and skipping any edge that would join a
   cannot-link pair: the weakest links in the chain give way, the decision wins.

person_id is the smallest record_id in the person. cluster_probability is the
strongest link that holds the record in its person (NULL for a record alone).
"""

from __future__ import annotations

import pandas as pd
from splink.clustering import cluster_pairwise_predictions_at_threshold

from reckon.linkage.decisions import CANNOT_LINK, Decisions


def cluster_records(
    record_ids: pd.Series,
    pairs: pd.DataFrame,
    threshold: float,
    decisions: Decisions | None,
    db_api,
) -> pd.DataFrame:
    """One row per record: record_id, person_id, cluster_probability."""
    edges = _edges(pairs, threshold)
    nodes = pd.DataFrame({"record_id": record_ids.astype(str).to_numpy()})
    components = _connected_components(nodes, edges, db_api)
    if decisions and decisions.cannot_link:
        components = _split_cannot_links(components, edges, decisions)
    return _finish(components, edges)


def _edges(pairs: pd.DataFrame, threshold: float) -> pd.DataFrame:
    keep = (pairs["match_probability"] >= threshold) & (pairs["decided"] != CANNOT_LINK)
    return pairs.loc[keep, ["record_id_l", "record_id_r", "match_probability"]].reset_index(drop=True)


def _connected_components(nodes: pd.DataFrame, edges: pd.DataFrame, db_api) -> pd.DataFrame:
    if edges.empty:
        return nodes.assign(component=nodes["record_id"])
    clustered = cluster_pairwise_predictions_at_threshold(
        nodes, edges, db_api=db_api, node_id_column_name="record_id",
        edge_id_column_name_left="record_id_l", edge_id_column_name_right="record_id_r",
    )
    frame = clustered.as_pandas_dataframe()
    clustered.drop_table_from_database_and_remove_from_cache()
    id_column = "record_id" if "record_id" in frame.columns else "node_id"
    return pd.DataFrame({"record_id": frame[id_column].astype(str), "component": frame["cluster_id"].astype(str)})


def _split_cannot_links(components: pd.DataFrame, edges: pd.DataFrame, decisions: Decisions) -> pd.DataFrame:
    component_of = dict(zip(components["record_id"], components["component"]))
    broken = {
        component_of[a]
        for a, b in decisions.cannot_link
        if a in component_of and b in component_of and component_of[a] == component_of[b]
    }
    for component in broken:
        members = [r for r, c in component_of.items() if c == component]
        inside = edges[edges["record_id_l"].map(component_of).eq(component)]
        for record, root in _constrained_union(members, inside, decisions.cannot_link).items():
            component_of[record] = f"{component}/{root}"
    return pd.DataFrame({"record_id": list(component_of), "component": list(component_of.values())})


def _constrained_union(members: list[str], edges: pd.DataFrame, cannot: set[tuple[str, str]]) -> dict[str, str]:
    """Kruskal-style: join strongest edges first, never joining a cannot-link pair."""
    parent = {m: m for m in members}
    groups = {m: {m} for m in members}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for left, right, _ in edges.sort_values("match_probability", ascending=False, kind="stable").itertuples(index=False):
        a, b = root(left), root(right)
        if a == b or _conflict(groups[a], groups[b], cannot):
            continue
        parent[b] = a
        groups[a] |= groups.pop(b)
    return {m: root(m) for m in members}


def _conflict(first: set[str], second: set[str], cannot: set[tuple[str, str]]) -> bool:
    return any((min(x, y), max(x, y)) in cannot for x in first for y in second)


def _finish(components: pd.DataFrame, edges: pd.DataFrame) -> pd.DataFrame:
    components = components.copy()
    components["person_id"] = components.groupby("component")["record_id"].transform("min")
    person = dict(zip(components["record_id"], components["person_id"]))
    same = edges["record_id_l"].map(person) == edges["record_id_r"].map(person)
    held = edges[same]
    strongest = pd.concat(
        [held[["record_id_l", "match_probability"]].set_axis(["record_id", "p"], axis=1),
         held[["record_id_r", "match_probability"]].set_axis(["record_id", "p"], axis=1)]
    ).groupby("record_id")["p"].max()
    components["cluster_probability"] = components["record_id"].map(strongest)
    return components[["record_id", "person_id", "cluster_probability"]].sort_values("record_id").reset_index(drop=True)
