"""Where Splink runs: DuckDB (default, in process) or Apache Spark (for lists of millions).

The model and the orchestration are the same on both; only the database API differs.
pyspark is an optional extra, imported only when the Spark backend is asked for.
"""

from __future__ import annotations

from typing import Any

from reckon.errors import ReckonError

BACKENDS = ("duckdb", "spark")


def make_db_api(backend: str) -> Any:
    """A fresh Splink database API for ``backend``."""
    if backend == "duckdb":
        from splink import DuckDBAPI

        # A private in-memory database: Splink's working tables never touch the case file.
        return DuckDBAPI(":memory:")
    if backend == "spark":
        return _spark_api()
    raise ReckonError(f"backend {backend!r} is not one of {', '.join(BACKENDS)} — use --backend duckdb or spark.")


def _spark_api() -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ReckonError(
            "the Spark backend needs pyspark, which is not installed — "
            "run `pip install 'reckon[spark]'`, or use --backend duckdb."
        ) from exc
    from splink.backends.spark import SparkAPI

    session = SparkSession.builder.appName("reckon-linkage").getOrCreate()
    return SparkAPI(spark_session=session)
