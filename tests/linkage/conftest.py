"""Fixtures for linkage tests: invented lists (see linkage_synthetic.py), a case holding them,
and a Spark session in local mode."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from reckon.case import Case

sys.path.insert(0, str(Path(__file__).parent))  # tests import linkage_synthetic (importlib mode)

from linkage_synthetic import insert_records, make_lists  # noqa: E402


@pytest.fixture(scope="session")
def synthetic_lists() -> pd.DataFrame:
    return make_lists()


@pytest.fixture
def linked_case(fresh_case: Case, synthetic_lists: pd.DataFrame) -> Case:
    insert_records(fresh_case, synthetic_lists)
    return fresh_case


@pytest.fixture
def case_folder(linked_case: Case) -> Path:
    return Path(linked_case.folder)


@pytest.fixture
def spark_installed() -> None:
    """Skip cleanly where pyspark or Java is missing (CI installs both; see .ci/run)."""
    _skip_without_spark()


def _skip_without_spark() -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'reckon[spark]')")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java, and none is installed")


@pytest.fixture(scope="session")
def spark_session():
    """One Spark in local[2] for the tests that run SQL in it (starting one takes seconds).

    Started as reckon starts its own (Splink's jar on spark.jars): reckon's Spark backend
    then finds Spark running and uses it, as under spark-submit.
    """
    _skip_without_spark()
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    session = (
        SparkSession.builder.master("local[2]").appName("reckon-tests")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")  # a short-lived JVM: skip C2
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.pyspark.python", sys.executable)
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
