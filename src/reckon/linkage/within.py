"""Score every pair inside each candidate group, so that clusters.py can check the group.

Blocking rules decide which pairs the model compares. A group joined by a chain of links
holds pairs that no rule admitted: a father and son chained through one shared id were
never compared on their names and birth dates. This scores those pairs with the same
trained model (same m, u and prior), by blocking on the group itself.

Term frequencies are still counted over all records, not only the groups' members: the
groups are joined to the full input table, and records outside a group have no group.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import pandas as pd
import pyarrow as pa
from splink import Linker

from reckon.linkage.backends import is_duckdb

GROUP_COLUMN = "reckon_group"


def score_within_groups(model: dict[str, Any], features: pd.DataFrame, table: Any, groups: pd.DataFrame, db_api: Any) -> pd.DataFrame:
    """record_id_l, record_id_r, match_probability, match_weight of every pair inside a group.

    ``groups`` has record_id and component; groups of one or two records are skipped (the
    one pair of a two-record group is the link that made it).
    """
    sizes = groups["component"].map(groups["component"].value_counts())
    members = groups.loc[sizes >= 3, ["record_id", "component"]].rename(columns={"component": GROUP_COLUMN})
    if members.empty:
        return pd.DataFrame(columns=["record_id_l", "record_id_r", "match_probability", "match_weight"])
    settings = {key: value for key, value in model.items() if key != "prior_recalibrated_from_pairs"}
    settings["blocking_rules_to_generate_predictions"] = [
        {"blocking_rule": f"l.{GROUP_COLUMN} = r.{GROUP_COLUMN}", "sql_dialect": settings.get("sql_dialect", "duckdb")}
    ]
    grouped = _table_with_groups(db_api, table, features, members)
    linker = Linker(grouped, settings, log_level=logging.ERROR)
    pairs = linker.inference.predict().as_pandas_dataframe()
    linker.table_management.invalidate_cache()  # drops its copy of every record, among others
    return pairs[["record_id_l", "record_id_r", "match_probability", "match_weight"]]


def _table_with_groups(db_api: Any, table: Any, features: pd.DataFrame, members: pd.DataFrame) -> Any:
    """The input table with each record's group (NULL outside every group), registered."""
    name = f"reckon_grouped_{uuid.uuid4().hex[:8]}"
    if not is_duckdb(db_api):
        return db_api.register(features.merge(members, on="record_id", how="left"), table_name=name)
    # In DuckDB a view over the already registered records: a million rows are not copied.
    con = db_api._con
    con.register(f"{name}_members", pa.Table.from_pandas(members, preserve_index=False))
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT t.*, m.{GROUP_COLUMN} FROM {table.physical_name} t "
        f"LEFT JOIN {name}_members m USING (record_id)"
    )
    return db_api.register(name)
