"""The same persons on every backend and on every run: one seeded link of a simulated case
on DuckDB and on Spark (local[2]), each through `reckon link` in its own process, against
a DuckDB run on a separate copy of the case. Also: Spark's options and its failures."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from reckon.case import Case
from reckon.cli.main import app
from reckon.errors import InputError, ReckonError
from reckon.linkage import LinkageSettings, link_case
from reckon.linkage.backends import SparkOptions, open_backend


@pytest.fixture(scope="module")
def simulated_case(tmp_path_factory) -> Path:
    """A closed case holding the lists of `reckon simulate` (invented people), imported as a user would."""
    from reckon.simulate import simulate_event
    from reckon.lists.store import add_list

    folder = tmp_path_factory.mktemp("simulated")
    simulate_event(folder / "event", victims=300, lists=3, seed=7, articles=0)
    with Case.init(folder / "case") as case:
        for path in sorted((folder / "event" / "lists").glob("*.csv")):
            add_list(case, path, name=path.stem)
    return folder / "case"


def _copy(case: Path, to: Path) -> Path:
    shutil.copytree(case, to)
    return to


def _persons(case: Path) -> pd.DataFrame:
    with Case.open(case) as opened:
        return opened.con.execute("SELECT record_id, person_id FROM persons ORDER BY record_id").df()


def _links(case: Path) -> pd.DataFrame:
    with Case.open(case) as opened:
        return opened.con.execute(
            "SELECT record_id_l, record_id_r, match_probability FROM links ORDER BY record_id_l, record_id_r"
        ).df()


# Term frequencies on, whatever the size: the frequency tables reckon registers must reach
# Spark's workers as they reach DuckDB (a few hundred records would leave them off).
WITH_FREQUENCIES = {"term_frequency_min_records": 0, "place_term_frequency_min_records": 0}


@pytest.fixture(scope="module")
def settings_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("settings") / "settings.json"
    path.write_text(LinkageSettings.from_dict(WITH_FREQUENCIES).to_json())
    return path


@pytest.fixture(scope="module")
def reference(simulated_case: Path, tmp_path_factory) -> Path:
    """The simulated case linked once on DuckDB, in this process, on a copy of its own."""
    copy = _copy(simulated_case, tmp_path_factory.mktemp("reference") / "case")
    with Case.open(copy) as case:
        link_case(case, settings=LinkageSettings.from_dict(WITH_FREQUENCIES))
    return copy


# For a short test: fewer partitions, no web UI, and no costly JIT compiling of a JVM that
# lives a minute (these settings cut the test's CPU time by a third; reckon's defaults are
# for real runs).
QUICK_SPARK = {"spark.sql.shuffle.partitions": "2", "spark.ui.enabled": "false", "spark.sql.codegen.wholeStage": "false",
               "spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1"}
SPARK_ARGS = ["--spark-master", "local[2]", *[arg for key, value in QUICK_SPARK.items()
                                             for arg in ("--spark-conf", f"{key}={value}")]]


@pytest.mark.parametrize("backend", ["duckdb", pytest.param("spark", marks=pytest.mark.spark)])
def test_the_same_persons_on_every_backend_and_every_run(backend, simulated_case, reference, settings_file, tmp_path, request):
    if backend == "spark":
        request.getfixturevalue("spark_installed")
    copy = _copy(simulated_case, tmp_path / "case")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    args = ["link", "--backend", backend, "--case", str(copy), "--settings", str(settings_file),
            *(SPARK_ARGS if backend == "spark" else [])]
    # Its own process, as a user runs it: reckon starts (and stops) its own Spark.
    done = subprocess.run(
        [sys.executable, "-c", "from reckon.cli.main import main; main()", *args],
        capture_output=True, text=True, env={**os.environ, "TMPDIR": str(scratch)}, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "persons from" in done.stdout
    persons = _persons(copy)
    assert len(persons) > 300
    pd.testing.assert_frame_equal(persons, _persons(reference))
    links, expected = _links(copy), _links(reference)
    pd.testing.assert_frame_equal(links[["record_id_l", "record_id_r"]], expected[["record_id_l", "record_id_r"]])
    assert (links["match_probability"] - expected["match_probability"]).abs().max() < 1e-9
    # Spark's work folder, warehouse and checkpoints are gone (DuckDB's spill folder too).
    assert not [p.name for p in scratch.iterdir() if p.name.startswith("reckon-")]


def test_spark_options_from_the_command_line():
    options = SparkOptions.from_cli("local[2]", ["spark.driver.memory=4g", "spark.sql.shuffle.partitions = 8"], None)
    assert options.conf == {"spark.driver.memory": "4g", "spark.sql.shuffle.partitions": "8"}
    with pytest.raises(InputError, match="is not KEY=VALUE"):
        SparkOptions.from_cli(None, ["spark.driver.memory"], None)


def test_spark_options_need_the_spark_backend(case_folder):
    result = CliRunner().invoke(app, ["link", "--spark-master", "local[2]", "--case", str(case_folder)])
    assert result.exit_code == 1
    assert "need --backend spark" in result.output


@pytest.mark.spark
def test_a_spark_failure_is_one_clear_message(spark_session):
    with pytest.raises(ReckonError, match=r"^Spark failed: .*no_such_function"):
        with open_backend("spark") as backend:
            backend.query("SELECT no_such_function(1) AS x")


@pytest.mark.spark
def test_a_running_spark_keeps_its_start_up_settings(spark_session):
    with pytest.raises(ReckonError, match="already running with master 'local\\[2\\]'"):
        with open_backend("spark", SparkOptions(master="local[4]")):
            pass
    with pytest.raises(ReckonError, match="spark-submit as --conf spark.driver.memory=4g"):
        with open_backend("spark", SparkOptions(conf={"spark.driver.memory": "4g"})):
            pass
    # Runtime settings still apply, and reckon leaves a Spark it did not start running.
    with open_backend("spark", SparkOptions(conf={"spark.sql.shuffle.partitions": "3"})) as backend:
        assert backend.query("SELECT 1 AS one")["one"].tolist() == [1]
    assert spark_session.conf.get("spark.sql.shuffle.partitions") == "3"
    assert spark_session.sql("SELECT 2 AS two").collect()[0]["two"] == 2
    spark_session.conf.set("spark.sql.shuffle.partitions", "2")


@pytest.mark.spark
def test_spark_without_the_similarity_jar_says_how_to_add_it(spark_installed, tmp_path):
    # A Spark started before reckon without Splink's jar, as `spark-submit` without --jars.
    script = (
        "from pyspark.sql import SparkSession\n"
        "SparkSession.builder.master('local[1]').config('spark.ui.enabled', 'false')"
        ".config('spark.driver.extraJavaOptions', '-XX:TieredStopAtLevel=1').getOrCreate()\n"
        "from reckon.linkage.backends import open_backend\n"
        "from reckon.errors import ReckonError\n"
        "try:\n"
        "    with open_backend('spark'):\n"
        "        pass\n"
        "except ReckonError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "TMPDIR": str(tmp_path)})
    assert "similarity jar is not on Spark's classpath" in done.stdout, done.stderr[-2000:]
    assert "--jars " in done.stdout and ".jar" in done.stdout


_ENCRYPTED_SPARK_LINK = """
import sys, threading, time
from pathlib import Path
import pandas as pd
from reckon.linkage import link_records

records = pd.read_pickle(sys.argv[1])
needles = [line.encode() for line in Path(sys.argv[2]).read_text().splitlines()]
watched, seen, done = Path(sys.argv[3]), set(), threading.Event()

def watch():  # the work folder lives only during the run: look while it runs
    while not done.is_set():
        for path in watched.rglob("*"):
            try:
                data = path.read_bytes() if path.is_file() else b""
            except OSError:
                continue
            seen.update(str(path.relative_to(watched)) for needle in needles if needle in data)
        time.sleep(0.05)

watcher = threading.Thread(target=watch, daemon=True)
watcher.start()
result = link_records(records, backend="spark", encrypt_spill=True)
done.set()
watcher.join()
print("PERSONS", result.clusters["person_id"].nunique())
print("LEAKS", sorted(seen))
"""


@pytest.mark.spark
def test_an_encrypted_case_on_spark_writes_no_record_in_plaintext(spark_installed, synthetic_lists, tmp_path):
    """Splink's Parquet checkpoints and the features file are not covered by Spark's I/O
    encryption: for an encrypted case they must stay in Spark's (encrypted) block store."""
    records = synthetic_lists.drop(columns=["person"])
    records.to_pickle(tmp_path / "records.pkl")
    needles = [rid for rid in records["record_id"]][:40]
    (tmp_path / "needles.txt").write_text("\n".join(needles))
    spill = tmp_path / "tmp"
    spill.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", _ENCRYPTED_SPARK_LINK, str(tmp_path / "records.pkl"), str(tmp_path / "needles.txt"), str(spill)],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "TMPDIR": str(spill), "PYSPARK_SUBMIT_ARGS": "--master local[1] "
             "--driver-java-options -XX:TieredStopAtLevel=1 pyspark-shell"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "PERSONS " in done.stdout
    assert "LEAKS []" in done.stdout, done.stdout[-2000:]
