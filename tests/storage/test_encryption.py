"""Encryption at rest on real DuckDB files: no plaintext in the case folder or the temp folder."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from reckon.case import DB_NAME, Case
from reckon.cli.main import app
from reckon.errors import CaseError
from reckon.linkage.backends import make_db_api
from reckon.storage.encryption import KdfParams

sys.path.insert(0, str(Path(__file__).parents[1] / "linkage"))  # the invented lists (importlib mode)

from linkage_synthetic import make_lists

runner = CliRunner()
CHEAP = KdfParams(n=2**12)  # the real cost (2**17) is for people; tests open many cases
PASSPHRASE = "seven purple lanterns drift"


def occurrences(folder: Path, needles: list[str]) -> dict[str, list[str]]:
    """{needle: files under ``folder`` whose bytes hold it} — what `grep -ra` would find."""
    found: dict[str, list[str]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            for needle in needles:
                if needle.encode("utf-8") in data:
                    found.setdefault(needle, []).append(path.name)
    return found


def write_lists(folder: Path) -> tuple[list[Path], list[str]]:
    """Three invented lists as CSV files; 50 names and 50 ids to look for afterwards."""
    frame = make_lists(300, seed=11)
    frame["source_record_id"] = "VX" + frame["list_name"].str[-1].str.upper() + frame["source_record_id"].str.zfill(5)
    paths = []
    for name, rows in frame.groupby("list_name"):
        path = folder / f"{name}.csv"
        columns = ["source_record_id", "name", "name_native", "father_name", "sex", "age_low", "date_of_death",
                   "place_of_death", "province"]
        out = rows.reindex(columns=columns).rename(columns={"source_record_id": "id", "age_low": "age"})
        out["age"] = out["age"].astype("Int64")
        out.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL)
        paths.append(path)
    sample = frame.sample(50, random_state=3)
    names = [n for n in sample["name"].fillna(sample["name_native"])]
    return paths, list(sample["source_record_id"]) + names


def run_pipeline(folder: Path, lists: list[Path], report: Path, *init_args: str) -> None:
    """init, lists add, link, estimate, report: the CLI as a user runs it."""
    steps = [["init", str(folder), *init_args]]
    steps += [["lists", "add", str(p), "--name", p.stem, "--case", str(folder)] for p in lists]
    steps += [["link", "--case", str(folder)], ["estimate", "--case", str(folder)],
              ["report", "-o", str(report), "--case", str(folder)]]
    for step in steps:
        result = runner.invoke(app, step)
        assert result.exit_code == 0, (step, result.output)


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TMPDIR pointed at a folder of the test's own, so whatever lands there can be grepped."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_encrypted_case_leaves_no_name_or_id_in_the_case_or_temp_folders(tmp_path, private_tmp, monkeypatch):
    # Fails on the code before issue 13: `reckon init` had no --encrypt.
    lists, needles = write_lists(tmp_path)
    plain = tmp_path / "plain"
    run_pipeline(plain, lists, tmp_path / "plain.html")
    # The control: the same grep does find the names in a plaintext case.
    assert len(occurrences(plain, needles)) >= 25

    monkeypatch.setenv("RECKON_PASSPHRASE", PASSPHRASE)
    secret = tmp_path / "secret"
    run_pipeline(secret, lists, tmp_path / "secret.html", "--encrypt")
    assert occurrences(secret, needles) == {}
    assert occurrences(private_tmp, needles) == {}
    with Case.open(secret, read_only=True) as case:  # and the data is all there
        assert case.con.execute("SELECT count(*) FROM records").fetchone()[0] == sum(
            len(pd.read_csv(p)) for p in lists
        )
        assert case.con.execute("SELECT count(*) FROM persons").fetchone()[0] > 0
        assert case.verify_audit() > 0


def test_a_wrong_passphrase_gets_one_clear_message(tmp_path, monkeypatch):
    folder = tmp_path / "case"
    Case.init(folder, passphrase=PASSPHRASE, kdf=CHEAP).close()
    monkeypatch.setenv("RECKON_PASSPHRASE", "not the passphrase at all")
    result = runner.invoke(app, ["lists", "--case", str(folder)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: wrong passphrase for the encrypted case in {folder} — nothing was opened; try again."
    ]
    monkeypatch.delenv("RECKON_PASSPHRASE")
    result = runner.invoke(app, ["lists", "--case", str(folder)])
    assert result.exit_code == 1 and "is encrypted — set RECKON_PASSPHRASE" in result.output


def test_the_database_file_opens_only_with_the_derived_key(tmp_path):
    folder = tmp_path / "case"
    with Case.init(folder, passphrase=PASSPHRASE, kdf=CHEAP) as case:
        case.con.execute("CREATE TABLE note AS SELECT 'Quillon Vardamère' AS who")
    assert b"Quillon" not in (folder / DB_NAME).read_bytes()
    import duckdb

    with pytest.raises(duckdb.Error, match="encrypted"):
        duckdb.connect(str(folder / DB_NAME))
    with Case.open(folder, passphrase=PASSPHRASE) as case:
        assert case.con.execute("SELECT who FROM note").fetchone()[0] == "Quillon Vardamère"


def test_a_lost_key_file_is_named(tmp_path):
    folder = tmp_path / "case"
    Case.init(folder, passphrase=PASSPHRASE, kdf=CHEAP).close()
    (folder / "reckon.encryption.json").unlink()
    with pytest.raises(CaseError, match="key file reckon.encryption.json is missing"):
        Case.open(folder)


def test_reckon_encrypt_turns_a_plaintext_case_into_an_encrypted_one(tmp_path, monkeypatch):
    folder = tmp_path / "case"
    with Case.init(folder) as case:
        case.con.execute("CREATE TABLE note AS SELECT 'Quillon Vardamère' AS who")
        case.audit_outside_transaction("test.note")
        published = case.check_audit().head.head
    assert b"Quillon" in (folder / DB_NAME).read_bytes()
    monkeypatch.setenv("RECKON_PASSPHRASE", PASSPHRASE)
    result = runner.invoke(app, ["encrypt", "--case", str(folder)])
    assert result.exit_code == 0, result.output
    assert b"Quillon" not in (folder / DB_NAME).read_bytes()
    assert sorted(p.name for p in folder.iterdir()) == [
        "reckon.audit-anchor.json", "reckon.duckdb", "reckon.encryption.json"
    ]
    with Case.open(folder) as case:
        assert case.con.execute("SELECT who FROM note").fetchone()[0] == "Quillon Vardamère"
        check = case.check_audit(published_head=published)  # a head published before still checks
        assert check.ok and check.head.keyed and check.published_head_row is not None


def test_linkage_spill_files_are_encrypted_for_an_encrypted_case(private_tmp):
    """Splink's working database, forced to spill, writes no plaintext to the temp folder."""
    for encrypted in (False, True):
        con = make_db_api("duckdb", encrypt_spill=encrypted)._con
        con.execute("SET memory_limit = '40MB'")
        con.execute("SET preserve_insertion_order = false")
        con.execute("CREATE TABLE t AS SELECT 'Zebulon Quixotefox ' || i AS name FROM range(1500000) r(i)")
        plaintext, spill_files = _poll_while(lambda con=con: con.execute(
            "SELECT count(*) FROM (SELECT a.name FROM t a JOIN t b USING (name) ORDER BY a.name)"
        ).fetchone(), private_tmp, "Zebulon Quixotefox")
        con.close()
        assert spill_files, "nothing spilled: the test would prove nothing"
        if encrypted:
            assert plaintext == []
        else:  # the control: the same grep finds the names in plaintext spill files
            assert plaintext


def _poll_while(work, folder: Path, needle: str) -> tuple[list[str], set[str]]:
    """Run ``work`` while another thread greps ``folder`` for ``needle``.

    Returns the files the needle was found in, and every spill file seen meanwhile.
    """
    found: list[str] = []
    files: set[str] = set()
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            files.update(f for _, _, names in os.walk(folder) for f in names if f.startswith("duckdb_temp"))
            out = subprocess.run(["grep", "-rla", needle, str(folder)], capture_output=True, text=True, check=False).stdout
            found.extend(line for line in out.splitlines() if line)

    thread = threading.Thread(target=poll)
    thread.start()
    try:
        work()
    finally:
        done.set()
        thread.join()
    return found, files
