"""Comparison SQL that means the same on DuckDB and on Spark.

Most of the model's SQL (=, AND, substr, abs, coalesce) is valid in both dialects as
written. Four things are not, and levels that use them are written as templates:

    {jaro_winkler}(a, b)          string similarity in [0, 1]
    {damerau_levenshtein}(a, b)   edit distance (adjacent swaps count as one edit)
    {list_contains}(list, x)      whether a list holds x
    {starts_with}(a, b)           whether a starts with b
    list[{first}]                 a list's first element (DuckDB counts from 1, Spark from 0)

``Level`` renders a template for the dialect Splink asks for.

Jaro-Winkler on Spark is reckon's, not the engine's: Spark's built-in
jaro_winkler_similarity and the Splink jar's jaro_winkler both give other values than
DuckDB's (up to 0.14 apart on name keys, 1 or 0 for empty text), so the same model would
find other persons. ``jaro_winkler_arrow_function`` runs DuckDB's own function on Spark's
Arrow batches; backends.py registers it in Spark as SPARK_JARO_WINKLER.

damerau_levenshtein comes from Splink's jar on Spark. The model only asks whether it is
at most 1, and only of ISO dates and id digits, where the jar and DuckDB agree: one edit
is one edit whatever the variant, and DuckDB counts bytes, the jar characters, which are
the same in ASCII. For NULL the jar says 100 and DuckDB NULL: both fail the test.
"""

from __future__ import annotations

from collections.abc import Callable

import pyarrow as pa
from splink.internals.comparison_level_creator import ComparisonLevelCreator
from splink.internals.dialects import SplinkDialect

SPARK_JARO_WINKLER = "reckon_jaro_winkler"
DIALECTS = ("duckdb", "spark")

FUNCTIONS: dict[str, dict[str, str]] = {
    "duckdb": {
        "jaro_winkler": "jaro_winkler_similarity",
        "damerau_levenshtein": "damerau_levenshtein",
        "list_contains": "list_contains",
        "starts_with": "starts_with",
        "first": "1",
    },
    "spark": {
        "jaro_winkler": SPARK_JARO_WINKLER,
        "damerau_levenshtein": "damerau_levenshtein",
        "list_contains": "array_contains",
        "starts_with": "startswith",
        "first": "0",
    },
}


def render(template: str, dialect: str) -> str:
    """``template`` with its function names for ``dialect`` (duckdb or spark)."""
    return template.format(**FUNCTIONS[dialect])


class Level(ComparisonLevelCreator):
    """A comparison level written once as a template (see the module docstring)."""

    def __init__(self, template: str, label: str) -> None:
        self.template = template
        self.label = label

    def create_sql(self, sql_dialect: SplinkDialect) -> str:
        return render(self.template, sql_dialect.sql_dialect_str)

    def create_label_for_charts(self) -> str:
        return self.label


def jaro_winkler_level(column: str, threshold: float) -> Level:
    """Splink's JaroWinklerLevel (same SQL on DuckDB, same label), valid on Spark too."""
    return Level(
        f"{{jaro_winkler}}({column}_l, {column}_r) >= {threshold}",
        f"Jaro-Winkler distance of {column} >= {threshold}",
    )


def jaro_winkler_arrow_function() -> Callable[[pa.Array, pa.Array], pa.Array]:
    """DuckDB's jaro_winkler_similarity over two Arrow arrays, element by element.

    Computed by DuckDB itself, on each Arrow batch Spark hands over: bit for bit the
    values the DuckDB backend compares with thresholds. (rapidfuzz's JaroWinkler agrees
    only to the last bit: DuckDB's build rounds the Winkler step once, as a fused
    multiply-add, and a value on a threshold such as 0.8 could then fall either side.)
    Made by a factory so that Spark ships the function itself to its executors (a nested
    function is pickled by value): they need pyarrow and duckdb, not reckon.
    """

    def jaro_winkler(left: pa.Array, right: pa.Array) -> pa.Array:
        import duckdb
        import pyarrow

        # The worker's default DuckDB connection: a new one would cost more than the batch.
        duckdb.execute("SET threads = 1")  # one Spark task, one core; rows stay in order
        scored = duckdb.from_arrow(pyarrow.table({"a": left, "b": right})).project("jaro_winkler_similarity(a, b) AS s")
        # DuckDB 2 renamed arrow() to to_arrow_table().
        table = (getattr(scored, "to_arrow_table", None) or scored.arrow)()
        return table.column("s").combine_chunks().cast(pyarrow.float64())

    return jaro_winkler
