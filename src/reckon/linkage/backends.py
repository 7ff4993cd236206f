"""Where Splink runs: DuckDB (in process, the default) or Apache Spark (beyond one machine).

The orchestration (link.py, within.py, clusters.py) is written once against ``Backend``;
each engine is a small class, the pattern Splink itself follows:

    DuckDBBackend   a private in-memory DuckDB; the features are registered as Arrow (no copy)
    SparkBackend    a Spark session (``local[N]`` or a cluster); the features are written
                    once as Parquet to a work folder that the executors read, Splink's
                    working tables are checkpointed there too, and the folder is removed
                    afterwards

    with open_backend("spark", SparkOptions(master="local[2]")) as backend:
        table = backend.register_features(features)

Spark and Java failures leave ``open_backend`` as one ReckonError. pyspark is an optional
extra, imported only by SparkBackend. docs/spark.md says what crosses the network.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import uuid
import weakref
import warnings
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from reckon.errors import InputError, ReckonError
from reckon.linkage.dialects import SPARK_JARO_WINKLER, jaro_winkler_arrow_function

BACKENDS = ("duckdb", "spark")
# Splink's working database may use this much memory before spilling to a temporary
# folder: a million records then link within about 4 GB in all.
DUCKDB_MEMORY_LIMIT = os.environ.get("RECKON_LINK_MEMORY", "2GB")


@dataclass(frozen=True)
class SparkOptions:
    """How to reach Spark. ``master`` None: local[*], or the Spark already running
    (spark-submit). ``work_dir``: a folder every executor can read and write (HDFS, S3,
    a shared mount); needed on a cluster, a local temporary folder otherwise."""

    master: str | None = None
    conf: dict[str, str] = field(default_factory=dict)
    work_dir: str | None = None

    @classmethod
    def from_cli(cls, master: str | None, conf: list[str], work_dir: str | None) -> SparkOptions:
        """From ``--spark-master``, repeated ``--spark-conf KEY=VALUE`` and ``--spark-work-dir``."""
        pairs = {}
        for item in conf:
            key, equals, value = item.partition("=")
            if not equals or not key.strip():
                raise InputError(f"--spark-conf {item!r} is not KEY=VALUE", fix="e.g. --spark-conf spark.driver.memory=4g")
            pairs[key.strip()] = value.strip()
        return cls(master=master, conf=pairs, work_dir=work_dir)


class Backend(ABC):
    """The few things the orchestration asks of an engine, beyond Splink's own API."""

    name: str
    db_api: Any

    def register(self, table: pa.Table) -> Any:
        """A small table from the driver (the u sample, group members) as a Splink table."""
        return self.db_api.register(table, table_name=_fresh_name("reckon_input"))

    def register_features(self, features: pd.DataFrame) -> Any:
        """The records' features, the table every Splink step reads."""
        return self.register(pa.Table.from_pandas(features, preserve_index=False))

    def query(self, sql: str) -> pd.DataFrame:
        """Run a SELECT in the engine; the (small) result comes back, text as Arrow strings."""
        return self._arrow(sql).to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)

    @abstractmethod
    def execute(self, sql: str) -> None:
        """Run a statement that returns nothing (CREATE VIEW, DROP VIEW)."""

    @abstractmethod
    def drop(self, table: Any) -> None:
        """Forget a table registered with ``register``."""

    def is_fatal(self, error: BaseException) -> bool:
        """Whether ``error`` is the engine failing (memory, lost workers) rather than Splink
        refusing one training step; the first must stop the run."""
        return False

    @contextmanager
    def failures_explained(self) -> Iterator[None]:
        """The engine's own exceptions as one ReckonError (none to translate for DuckDB)."""
        yield

    @abstractmethod
    def close(self) -> None:
        """Release the engine and remove its folders."""

    @abstractmethod
    def _arrow(self, sql: str) -> pa.Table:
        """The result of a SELECT as an Arrow table."""


class DuckDBBackend(Backend):
    name = "duckdb"

    def __init__(self, *, encrypt_spill: bool = False) -> None:
        from splink import DuckDBAPI

        # A private in-memory database: Splink's working tables never touch the case file.
        self._spill = tempfile.mkdtemp(prefix="reckon-link-")  # 0700
        self._con = duckdb.connect(":memory:")
        self._con.execute(f"SET memory_limit = '{DUCKDB_MEMORY_LIMIT}'")
        if encrypt_spill:  # an encrypted case: no temporary file may hold a name in plaintext
            from reckon.storage.encryption import protect_spill

            protect_spill(self._con, None)
        self._con.execute(f"SET temp_directory = '{self._spill}'")
        self.db_api = DuckDBAPI(self._con)

    def execute(self, sql: str) -> None:
        self._con.execute(sql)

    def drop(self, table: Any) -> None:
        # Registered Arrow tables are views in DuckDB; dropping lets the Arrow copy go.
        self._con.unregister(table.physical_name)

    def is_fatal(self, error: BaseException) -> bool:
        return isinstance(error, duckdb.OutOfMemoryException)

    def close(self) -> None:
        self._con.close()
        shutil.rmtree(self._spill, ignore_errors=True)

    def _arrow(self, sql: str) -> pa.Table:
        relation = self._con.sql(sql)
        return relation.to_arrow_table() if hasattr(relation, "to_arrow_table") else relation.arrow()


class SparkBackend(Backend):
    """A Spark session with Splink's similarity jar and reckon's Jaro-Winkler.

    reckon starts the session itself unless Spark is already running in this process
    (spark-submit, the pyspark shell, a notebook, a test's session): then it uses that
    session and leaves it running, and settings that only apply at start-up (the jar,
    memory, master) must have been given to Spark when it started.
    """

    name = "spark"

    def __init__(self, options: SparkOptions, *, encrypt_spill: bool = False) -> None:
        _import_pyspark()
        if encrypt_spill:  # Spark's own encryption of its shuffle and spill files
            options = SparkOptions(options.master, {**options.conf, "spark.io.encryption.enabled": "true"}, options.work_dir)
        from splink.backends.spark import SparkAPI

        # On this machine: Spark's warehouse, and the work folder in local mode.
        self._local = Path(tempfile.mkdtemp(prefix="reckon-spark-"))
        self.spark: Any = None
        self._encrypted = encrypt_spill
        self._owns_session = False
        self._work: str | None = None
        try:
            with _spark_failures_explained():
                self.spark, self._owns_session = _session(options, warehouse=self._local / "warehouse")
                if encrypt_spill and self.spark.conf.get("spark.io.encryption.enabled", "false") != "true":
                    raise ReckonError(
                        "this encrypted case needs Spark's spill files encrypted, but Spark is already running "
                        "without spark.io.encryption.enabled=true — start it with that setting, or use --backend duckdb."
                    )
                self._work = _work_folder(self.spark, options, self._local / "work")
                _register_functions(self.spark, self._owns_session)
                self.spark.sparkContext.setCheckpointDir(f"{self._work}/checkpoints")
                # Splink checkpoints its working tables as Parquet files (break_lineage_method),
                # which Spark's I/O encryption does not cover: an encrypted case persists them in
                # Spark's block store instead, whose blocks on disk that setting encrypts.
                lineage = "persist" if encrypt_spill else "parquet"
                self.db_api = SparkAPI(spark_session=self.spark, break_lineage_method=lineage)
        except BaseException:
            self.close()
            raise

    def register_features(self, features: pd.DataFrame) -> Any:
        # Written once as Parquet in the work folder; the executors read it from there,
        # and every later step starts from those files rather than from the driver.
        # An encrypted case's names never go to a plaintext file: its features are persisted
        # in Spark's block store (spilled blocks encrypted by spark.io.encryption.enabled).
        frame = self.spark.createDataFrame(pa.Table.from_pandas(features, preserve_index=False))
        if self._encrypted:
            return self.db_api.register(frame.persist(), table_name=_fresh_name("reckon_features"))
        path = f"{self._work}/features"
        frame.write.parquet(path)
        return self.db_api.register(self.spark.read.parquet(path), table_name=_fresh_name("reckon_features"))

    def execute(self, sql: str) -> None:
        self.spark.sql(sql)

    def drop(self, table: Any) -> None:
        self.spark.catalog.dropTempView(table.physical_name)

    def is_fatal(self, error: BaseException) -> bool:
        from py4j.protocol import Py4JError
        from pyspark.errors import PySparkException

        return isinstance(error, (Py4JError, PySparkException))

    @contextmanager
    def failures_explained(self) -> Iterator[None]:
        with _spark_failures_explained():
            yield

    def close(self) -> None:
        try:
            if self.spark is not None and self._work is not None:
                # Through Hadoop's file system API: the folder may be on HDFS or S3.
                context = self.spark.sparkContext
                folder = context._jvm.org.apache.hadoop.fs.Path(self._work)
                folder.getFileSystem(context._jsc.hadoopConfiguration()).delete(folder, True)
        finally:
            if self._owns_session:
                self.spark.stop()
            shutil.rmtree(self._local, ignore_errors=True)

    def _arrow(self, sql: str) -> pa.Table:
        return self.spark.sql(sql).toArrow()


@contextmanager
def open_backend(name: str, spark: SparkOptions | None = None, *, encrypt_spill: bool = False) -> Iterator[Backend]:
    """A fresh backend for ``name`` (duckdb or spark), closed (folders removed) on exit;
    ``encrypt_spill``: whatever it writes to disk is encrypted (an encrypted case)."""
    if name == "duckdb":
        backend: Backend = DuckDBBackend(encrypt_spill=encrypt_spill)
    elif name == "spark":
        backend = SparkBackend(spark or SparkOptions(), encrypt_spill=encrypt_spill)
    else:
        raise ReckonError(f"backend {name!r} is not one of {', '.join(BACKENDS)} — use --backend duckdb or spark.")
    try:
        with backend.failures_explained():
            yield backend
    finally:
        backend.close()


def make_db_api(backend: str, *, encrypt_spill: bool = False) -> Any:
    """A Splink database API on a fresh in-memory DuckDB (clustering stored links again)."""
    if backend != "duckdb":
        raise ReckonError("re-clustering stored links runs on DuckDB only.")
    engine = DuckDBBackend(encrypt_spill=encrypt_spill)
    weakref.finalize(engine.db_api, engine.close)  # its spill folder goes with it
    return engine.db_api


def _fresh_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


# -- Spark ---------------------------------------------------------------------------
SIMILARITY_JAR_CLASS = "uk.gov.moj.dash.linkage.LevDamerauDistance"


def _import_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise ReckonError(
            "the Spark backend needs pyspark, which is not installed — "
            "run `pip install 'reckon[spark]'`, or use --backend duckdb."
        ) from exc
    # pyspark warns on every conversion under pandas 3; reckon hands Spark Arrow, not pandas.
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")


def _spark_running() -> bool:
    """Whether a JVM with Spark already runs for this process (spark-submit, pyspark, a notebook)."""
    from pyspark import SparkContext

    return SparkContext._active_spark_context is not None or "PYSPARK_GATEWAY_PORT" in os.environ


def _session(options: SparkOptions, warehouse: Path) -> tuple[Any, bool]:
    """(session, whether reckon started it)."""
    from pyspark.sql import SparkSession

    if _spark_running():
        session = SparkSession.builder.getOrCreate()
        _apply_to_running(session, options)
        return session, False
    from splink.backends.spark import similarity_jar_location

    master = options.master or "local[*]"
    conf = {**_defaults(master), "spark.sql.warehouse.dir": warehouse.as_uri(), **options.conf}
    # The jar that defines damerau_levenshtein joins any jars the user gives.
    conf["spark.jars"] = ",".join(filter(None, [options.conf.get("spark.jars"), similarity_jar_location()]))
    builder = SparkSession.builder.master(master).appName("reckon-link")
    for key, value in conf.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session, True


def _defaults(master: str) -> dict[str, str]:
    """Start-up settings reckon chooses unless told otherwise."""
    defaults = {"spark.ui.showConsoleProgress": "false"}
    local = re.fullmatch(r"local(?:\[(\d+|\*)(?:,\d+)?\])?", master)
    if local:
        cores = (os.cpu_count() or 2) if local.group(1) in (None, "*") else int(local.group(1))
        # Spark's 200 shuffle partitions are made for clusters; on one machine each costs a task.
        defaults["spark.sql.shuffle.partitions"] = str(max(2, 2 * cores))
        if "PYSPARK_PYTHON" not in os.environ:
            defaults["spark.pyspark.python"] = sys.executable  # workers run this Python
    return defaults


def _apply_to_running(session: Any, options: SparkOptions) -> None:
    """Options for a Spark that is already running: only runtime settings can still change."""
    running_master = session.sparkContext.master
    if options.master and options.master != running_master:
        raise ReckonError(
            f"Spark is already running with master {running_master!r}; --spark-master {options.master!r} "
            "cannot change it — give the master to spark-submit (--master) instead."
        )
    for key, value in options.conf.items():
        if not session.conf.isModifiable(key):
            raise ReckonError(
                f"{key} cannot change once Spark is running — give it to spark-submit as --conf {key}={value}."
            )
        session.conf.set(key, value)


def _work_folder(session: Any, options: SparkOptions, local: Path) -> str:
    """A fresh folder for this run (checkpoints, the features' Parquet), as a URI."""
    if options.work_dir:
        return f"{options.work_dir.rstrip('/')}/reckon-{uuid.uuid4().hex[:12]}"
    if not session.sparkContext.master.startswith("local"):
        raise ReckonError(
            "on a Spark cluster every executor must read the features and Splink's checkpoints: "
            "pass --spark-work-dir with a folder they all reach (hdfs://…, s3a://…, or a shared mount)."
        )
    return local.as_uri()


def _register_functions(session: Any, started_here: bool) -> None:
    """damerau_levenshtein from Splink's jar, and reckon's Jaro-Winkler (see dialects.py)."""
    from pyspark.errors import AnalysisException
    from pyspark.sql.functions import arrow_udf
    from pyspark.sql.types import DoubleType
    from splink.backends.spark import similarity_jar_location

    try:
        session.udf.registerJavaFunction("damerau_levenshtein", SIMILARITY_JAR_CLASS, DoubleType())
    except AnalysisException as exc:
        where = ("Spark was already running (spark-submit, pyspark or a notebook), so reckon could not add it: "
                 f"start Spark with --jars {similarity_jar_location()}") if not started_here else \
                f"reckon put {similarity_jar_location()} on spark.jars, but Spark did not load it"
        raise ReckonError(f"Splink's similarity jar is not on Spark's classpath — {where}.") from exc
    session.udf.register(SPARK_JARO_WINKLER, arrow_udf(jaro_winkler_arrow_function(), "double"))


@contextmanager
def _spark_failures_explained() -> Iterator[None]:
    """Spark's and Java's exceptions as one ReckonError saying what to do."""
    from py4j.protocol import Py4JError
    from pyspark.errors import PySparkException

    try:
        yield
    except (Py4JError, PySparkException) as exc:
        raise ReckonError(spark_failure_message(exc)) from exc


def spark_failure_message(error: BaseException) -> str:
    text = str(error)
    if "OutOfMemoryError" in text or "Java heap space" in text:
        return ("Spark ran out of memory (java.lang.OutOfMemoryError) — give it more, e.g. "
                "--spark-conf spark.driver.memory=4g in local mode, spark.executor.memory on a cluster.")
    if "JAVA_GATEWAY_EXITED" in text or "Java gateway process exited" in text:
        return "Spark could not start Java — install Java 17 or 21 and set JAVA_HOME (see docs/spark.md)."
    try:
        first = str(error.java_exception.toString())  # Py4JJavaError: the Java exception itself
    except Exception:  # not a Java exception, or the JVM is gone
        first = text
    line = next((part.strip() for part in first.splitlines() if part.strip()), type(error).__name__)
    return f"Spark failed: {line[:500]} (Spark's log above holds the full trace)."
