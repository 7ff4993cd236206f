"""Every comparison level's SQL in both dialects: it parses, it runs, and on Spark it puts
each pair on the same level as DuckDB (reckon's Jaro-Winkler included)."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
import sqlglot

from reckon.linkage.dialects import DIALECTS, SPARK_JARO_WINKLER, jaro_winkler_arrow_function
from reckon.linkage.model import COMPARISONS
from reckon.linkage.prepare import prepare_features
from reckon.linkage.settings import LinkageSettings

SQLGLOT_DIALECT = {"duckdb": "duckdb", "spark": "spark"}


def levels(dialect: str) -> dict[str, list[dict]]:
    """comparison name → its levels rendered for ``dialect`` (sql_condition, label_for_charts)."""
    return {
        name: build(LinkageSettings()).get_comparison(dialect).as_dict()["comparison_levels"]
        for name, (_, build) in COMPARISONS.items()
    }


def level_index_sql(comparison_levels: list[dict]) -> str:
    """A CASE giving the position of the first level that holds (Splink's comparison vector)."""
    whens = [f"WHEN {level['sql_condition']} THEN {i}" for i, level in enumerate(comparison_levels)
             if level["sql_condition"] != "ELSE"]
    return f"CASE {' '.join(whens)} ELSE -1 END"


@pytest.fixture(scope="module")
def pairs(synthetic_lists: pd.DataFrame) -> pd.DataFrame:
    """Record pairs side by side (column_l, column_r) from the invented lists: random pairs,
    pairs within a family name, and every pair of a few records with ids and missing fields."""
    invented = pd.DataFrame([
        {"record_id": "x:1", "given_name": "Reza", "family_name": "Karimi", "national_id": "1234567890", "date_of_birth": "1990-03-07"},
        {"record_id": "x:2", "given_name": "Parvin", "family_name": "Karimi", "national_id": "1234567890"},
        {"record_id": "x:3", "given_name": "Reza", "family_name": "Karimi", "national_id": "1234567809", "date_of_birth": "1990-07-03"},
        {"record_id": "x:4", "given_name": "Reza", "family_name": "Karimi", "national_id": "9999999999", "date_of_birth": "1990-03-17"},
        {"record_id": "x:5", "name": "Reza"},
        {"record_id": "x:6", "given_name": "Bill", "family_name": "Karimi"},
    ]).assign(list_name="x")
    features = prepare_features(pd.concat([synthetic_lists.drop(columns=["person"]), invented], ignore_index=True))
    rng = np.random.default_rng(1)
    by_family = features.reset_index().merge(features.reset_index(), on="family_coarse").head(3000)
    last = np.arange(len(features) - len(invented), len(features))
    left = np.concatenate([rng.integers(0, len(features), 3000), by_family["index_x"], np.repeat(last, len(last))])
    right = np.concatenate([rng.integers(0, len(features), 3000), by_family["index_y"], np.tile(last, len(last))])
    keep = left != right
    return pd.concat([
        features.iloc[left[keep]].reset_index(drop=True).add_suffix("_l"),
        features.iloc[right[keep]].reset_index(drop=True).add_suffix("_r"),
    ], axis=1)


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_level_renders_and_parses_in_both_dialects(dialect):
    for name, comparison_levels in levels(dialect).items():
        for level in comparison_levels:
            condition = level["sql_condition"]
            if condition != "ELSE":
                sqlglot.parse_one(condition, read=SQLGLOT_DIALECT[dialect])  # raises on bad SQL
    rendered = " ".join(level["sql_condition"] for ladder in levels(dialect).values() for level in ladder)
    foreign = {"duckdb": ["array_contains", "startswith", SPARK_JARO_WINKLER],
               "spark": ["list_contains", "starts_with", "jaro_winkler_similarity"]}[dialect]
    assert not [word for word in foreign if word in rendered]


def test_every_level_runs_on_duckdb(pairs):
    con = duckdb.connect()
    con.register("pairs", pa.Table.from_pandas(pairs, preserve_index=False))
    for name, comparison_levels in levels("duckdb").items():
        chosen = con.execute(f"SELECT {level_index_sql(comparison_levels)} FROM pairs").fetchnumpy()
        assert len(chosen[next(iter(chosen))]) == len(pairs), name


def test_reckon_jaro_winkler_is_duckdbs(pairs):
    left = pa.array(pd.concat([pairs["full_skel_l"], pairs["given_key_l"]]).tolist() + ["", "", None, "müller", "محمد"])
    right = pa.array(pd.concat([pairs["full_skel_r"], pairs["given_key_r"]]).tolist() + ["", "a", "a", "muller", "محمود"])
    ours = jaro_winkler_arrow_function()(left, right).to_pylist()
    con = duckdb.connect()
    con.register("strings", pa.table({"a": left, "b": right}))
    theirs = [row[0] for row in con.execute("SELECT jaro_winkler_similarity(a, b) FROM strings").fetchall()]
    assert ours == theirs


@pytest.mark.spark
def test_spark_puts_every_pair_on_duckdbs_level(pairs, spark_session):
    from reckon.linkage.backends import SparkBackend, SparkOptions

    backend = SparkBackend(SparkOptions())  # registers reckon's functions in the running Spark
    try:
        spark_session.createDataFrame(pa.Table.from_pandas(pairs, preserve_index=False)).createOrReplaceTempView("pairs")
        con = duckdb.connect()
        con.register("pairs", pa.Table.from_pandas(pairs, preserve_index=False))
        spark_levels, duckdb_levels = levels("spark"), levels("duckdb")
        for name in COMPARISONS:
            order = "ORDER BY record_id_l, record_id_r"
            on_spark = spark_session.sql(
                f"SELECT record_id_l, record_id_r, {level_index_sql(spark_levels[name])} AS level FROM pairs {order}"
            ).toPandas()["level"].tolist()
            on_duckdb = con.execute(
                f"SELECT record_id_l, record_id_r, {level_index_sql(duckdb_levels[name])} AS level FROM pairs {order}"
            ).df()["level"].tolist()
            assert on_spark == on_duckdb, name
            # The pairs reach several levels of each ladder, not only "else".
            assert len(set(on_duckdb)) >= 3, name
    finally:
        backend.close()


@pytest.mark.spark
def test_spark_string_functions_agree_with_duckdbs_where_the_model_uses_them(spark_session):
    from reckon.linkage.backends import SparkBackend, SparkOptions

    # The model measures edits only on ISO dates and id digits (ASCII: DuckDB counts bytes).
    left = ["1990-03-07", "1990-03-07", "1990-03-07", "12345", "12345", None, "abc", "", "Karimi"]
    right = ["1990-07-03", "1990-03-17", "1990-03-70", "12354", "1234", "1", "acb", "", "Karimy"]
    table = pa.table({"a": left, "b": right, "n": list(range(len(left)))})
    sql = ("SELECT n, {jw}(a, b) AS jw, damerau_levenshtein(a, b) <= 1 AS one_edit FROM strings ORDER BY n")
    backend = SparkBackend(SparkOptions())
    try:
        spark_session.createDataFrame(table).createOrReplaceTempView("strings")
        on_spark = spark_session.sql(sql.format(jw=SPARK_JARO_WINKLER)).toPandas()
    finally:
        backend.close()
    con = duckdb.connect()
    con.register("strings", table)
    on_duckdb = con.execute(sql.format(jw="jaro_winkler_similarity")).df()
    assert np.array_equal(on_spark["jw"].to_numpy(dtype=float), on_duckdb["jw"].to_numpy(dtype=float), equal_nan=True)
    # NULL (DuckDB) and false (the jar says 100 for NULL) put a pair on the same level.
    assert on_spark["one_edit"].fillna(False).astype(bool).tolist() == on_duckdb["one_edit"].fillna(False).astype(bool).tolist()
    assert on_duckdb["one_edit"].fillna(False).astype(bool).tolist() == [False, True, True, True, True, False, True, True, True]
