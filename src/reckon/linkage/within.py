"""Score every pair inside each candidate group, so that clusters.py can check the group.

Blocking rules decide which pairs the model compares. A group joined by a chain of links
holds pairs that no rule admitted: a father and son chained through one shared id were
never compared on their names and birth dates. This scores those pairs with the same
trained model (same m, u and prior, the list-pair priors too), by blocking on the group itself.

Term frequencies are still counted over all records, not only the groups' members, the
same way as in the run (frequencies.py).
Only the group members' ids go to the engine, and only the pairs inside groups come back.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

import pandas as pd
import pyarrow as pa
from splink import Linker

from reckon.linkage.backends import Backend
from reckon.linkage.defaults import RECKON_MODEL_KEYS
from reckon.linkage.frequencies import register_frequencies
from reckon.linkage.list_priors import weight_shifts

GROUP_COLUMN = "reckon_group"
WITHIN_COLUMNS = ["record_id_l", "record_id_r", "match_weight"]


def score_within_groups(engine: Backend, model: dict[str, Any], table: Any, groups: pd.DataFrame,
                        features: pd.DataFrame | None = None) -> pd.DataFrame:
    """record_id_l, record_id_r, match_weight of every pair inside a group.

    ``table`` is the engine's features table; ``groups`` has record_id and component;
    groups of one or two records are skipped (the one pair of a two-record group is the
    link that made it). ``features`` (the records registered as ``table``) give the term
    frequencies the run scored with (frequencies.py).
    """
    sizes = groups["component"].map(groups["component"].value_counts())
    members = groups.loc[sizes >= 3, ["record_id", "component"]].rename(columns={"component": GROUP_COLUMN})
    if members.empty:
        return pd.DataFrame(columns=WITHIN_COLUMNS)
    settings = {key: value for key, value in model.items() if key not in RECKON_MODEL_KEYS}
    settings["blocking_rules_to_generate_predictions"] = [
        {"blocking_rule": f"l.{GROUP_COLUMN} = r.{GROUP_COLUMN}", "sql_dialect": settings.get("sql_dialect", engine.name)}
    ]
    member_table = engine.register(pa.Table.from_pandas(members, preserve_index=False))
    view = f"reckon_grouped_{uuid.uuid4().hex[:8]}"
    # A view of the members only: Splink copies its input, and a million rows are not needed.
    engine.execute(
        f"CREATE OR REPLACE TEMP VIEW {view} AS SELECT t.*, m.{GROUP_COLUMN} FROM {table.physical_name} t "
        f"JOIN {member_table.physical_name} m ON t.record_id = m.record_id"
    )
    linker = Linker(engine.db_api.register(view), settings, log_level=logging.ERROR)
    if features is not None:
        register_frequencies(linker, engine, features, settings)
    predictions = linker.inference.predict()
    pairs = engine.query(f"SELECT {', '.join(WITHIN_COLUMNS)}, list_name_l, list_name_r FROM {predictions.physical_name}")
    # At each pair's own lists' prior, as the run scored its pairs (list_priors.py).
    pairs["match_weight"] = pairs["match_weight"].astype(float) + weight_shifts(model, pairs["list_name_l"], pairs["list_name_r"])
    pairs = pairs[WITHIN_COLUMNS]
    linker.table_management.invalidate_cache()  # drops its copy of every record, among others
    engine.execute(f"DROP VIEW {view}")
    engine.drop(member_table)
    return pairs
