"""Where Splink runs: DuckDB (default, in process) or Apache Spark (for lists of millions).

The model and the orchestration are the same on both; only the database API differs.
pyspark is an optional extra, imported only when the Spark backend is asked for.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from typing import Any

import duckdb

from reckon.errors import ReckonError

BACKENDS = ("duckdb", "spark")
# Splink's working database may use this much memory before spilling to a temporary
# folder: a million records then link within about 4 GB in all.
DUCKDB_MEMORY_LIMIT = os.environ.get("RECKON_LINK_MEMORY", "2GB")


def make_db_api(backend: str, *, encrypt_spill: bool = False) -> Any:
    """A fresh Splink database API for ``backend``.

    ``encrypt_spill`` (an encrypted case): whatever the working database spills to disk is
    encrypted too, so no temporary file holds a name in plaintext.
    """
    if backend == "duckdb":
        from splink import DuckDBAPI

        # A private in-memory database: Splink's working tables never touch the case file.
        con = duckdb.connect(":memory:")
        con.execute(f"SET memory_limit = '{DUCKDB_MEMORY_LIMIT}'")
        spill = tempfile.mkdtemp(prefix="reckon-link-")  # 0700
        weakref.finalize(con, shutil.rmtree, spill, ignore_errors=True)
        if encrypt_spill:
            from reckon.storage.encryption import protect_spill

            protect_spill(con, None)
        con.execute(f"SET temp_directory = '{spill}'")
        return DuckDBAPI(con)
    if backend == "spark":
        return _spark_api(encrypt_spill)
    raise ReckonError(f"backend {backend!r} is not one of {', '.join(BACKENDS)} — use --backend duckdb or spark.")


def is_duckdb(db_api: Any) -> bool:
    """Whether ``db_api`` is Splink's DuckDB API (checked by name: Spark may not be installed)."""
    return type(db_api).__name__ == "DuckDBAPI"


def _spark_api(encrypt_spill: bool) -> Any:
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ReckonError(
            "the Spark backend needs pyspark, which is not installed — "
            "run `pip install 'reckon[spark]'`, or use --backend duckdb."
        ) from exc
    from splink.backends.spark import SparkAPI

    builder = SparkSession.builder.appName("reckon-linkage")
    if encrypt_spill:  # Spark's own encryption of shuffle and spill files
        builder = builder.config("spark.io.encryption.enabled", "true")
    session = builder.getOrCreate()
    if encrypt_spill and session.conf.get("spark.io.encryption.enabled", "false") != "true":
        raise ReckonError(
            "this encrypted case needs Spark's spill files encrypted, but a Spark session without "
            "spark.io.encryption.enabled=true is already running — start a new process, or use --backend duckdb."
        )
    return SparkAPI(spark_session=session)
