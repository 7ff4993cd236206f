"""EM on a sample of a big block's records: about max_pairs pairs, drawn the same way every run."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from reckon.linkage import LinkageSettings, link_records
from reckon.linkage.defaults import m_values
from reckon.linkage.link import EM_DRAW, em_sample


def test_a_block_within_the_limit_is_left_as_it_is():
    assert em_sample("l.a = r.a", 1000, 2e6) == "l.a = r.a"
    assert em_sample("l.a = r.a", None, 2e6) == "l.a = r.a"  # not an equality rule: pairs unknown
    assert em_sample("l.a = r.a", 10**9, None) == "l.a = r.a"  # sampling off


def test_a_big_block_keeps_about_max_pairs_of_its_pairs():
    n, blocks = 3000, 10
    records = pd.DataFrame({"id": np.arange(n), "a": np.arange(n) % blocks,
                            EM_DRAW: np.random.default_rng([42, 1]).random(n)})
    pairs = blocks * (n // blocks) * (n // blocks - 1) // 2  # 448,500
    rule = em_sample("l.a = r.a", pairs, 50_000)
    assert rule != "l.a = r.a"
    con = duckdb.connect()
    con.register("t", records)
    kept = con.execute(f"SELECT count(*) FROM t l JOIN t r ON {rule} AND l.id < r.id").fetchone()[0]
    assert 45_000 <= kept <= 55_000, kept


def test_linking_with_sampled_em_blocks_still_finds_the_persons(synthetic_lists):
    records = synthetic_lists.drop(columns=["person"])
    # EM is used whatever it finds (these lists are far too small for the default 1,000 matches).
    full = link_records(records, settings=LinkageSettings(min_em_matches=0))
    sampled = link_records(records, settings=LinkageSettings(min_em_matches=0, max_pairs_for_em=50))
    again = link_records(records, settings=LinkageSettings(min_em_matches=0, max_pairs_for_em=50))
    assert m_values(sampled.model) != m_values(full.model)  # EM saw other pairs ...
    person = sampled.clusters.set_index("record_id")["person_id"]
    assert (full.clusters.set_index("record_id")["person_id"] == person).mean() > 0.95  # ... to the same end
    assert _rounded(m_values(again.model)) == _rounded(m_values(sampled.model))  # the same draw every run


def _rounded(values: dict[str, list[float | None]]) -> dict[str, list[float | None]]:
    return {name: [None if m is None else round(m, 9) for m in ms] for name, ms in values.items()}
