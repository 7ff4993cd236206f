"""Real deletion (nothing of a removed list left in the file) and clear concurrency messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from reckon.case import DB_NAME, Case
from reckon.cli.main import app
from reckon.errors import CaseError
from reckon.lists.store import add_list, remove_list

runner = CliRunner()
NAMES = [f"Quorvald Essentrin{i:02d}" for i in range(40)]
IDS = [f"QX-{7000 + i}" for i in range(40)]


def _write_list(path: Path, names: list[str], ids: list[str]) -> Path:
    rows = ["id,name,father_name,age"] + [f"{i},{n},Father {n},{30 + k}" for k, (i, n) in enumerate(zip(ids, names))]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _in_file(path: Path, needles: list[str]) -> list[str]:
    data = path.read_bytes()
    return [n for n in needles if n.encode() in data]


def test_removing_a_list_leaves_none_of_its_names_or_ids_in_the_file(tmp_path):
    # Fails on the code before issue 13: every name and id stayed readable in freed blocks.
    folder = tmp_path / "case"
    kept = _write_list(tmp_path / "kept.csv", [f"Bellamy Tursk{i}" for i in range(5)], [f"K-{i}" for i in range(5)])
    with Case.init(folder) as case:
        add_list(case, _write_list(tmp_path / "gone.csv", NAMES, IDS), name="gone")
        add_list(case, kept, name="kept")
        case.con.execute("CHECKPOINT")
    assert len(_in_file(folder / DB_NAME, NAMES + IDS)) > 40  # the control: grep sees them
    result = runner.invoke(app, ["lists", "remove", "gone", "--case", str(folder)])
    assert result.exit_code == 0, result.output
    leftovers = [p for p in folder.iterdir() if p.is_file()]
    assert all(_in_file(p, NAMES + IDS) == [] for p in leftovers)
    with Case.open(folder) as case:  # the rest is intact and the trail vouches for it
        assert case.con.execute("SELECT count(*) FROM records").fetchone()[0] == 5
        assert case.verify_audit() > 0
        add_list(case, _write_list(tmp_path / "again.csv", NAMES[:3], IDS[:3]), name="again")


def test_removing_a_linked_list_takes_its_ids_out_of_links_and_persons(tmp_path):
    folder = tmp_path / "case"
    with Case.init(folder) as case:
        add_list(case, _write_list(tmp_path / "a.csv", NAMES[:4], IDS[:4]), name="a")
        add_list(case, _write_list(tmp_path / "b.csv", NAMES[:4], [f"B-{i}" for i in range(4)]), name="b")
        # One stored run, as `reckon link` leaves it: a:QX-7000 and b:B-0 are one person.
        with case.transaction():
            case.con.execute("INSERT INTO links VALUES ('a:QX-7000', 'b:B-0', 0.99, 9.0, NULL, 'r1')")
            case.con.execute(
                "INSERT INTO persons SELECT record_id, CASE WHEN record_id = 'b:B-0' THEN 'a:QX-7000' ELSE record_id END,"
                " list_name, NULL, 'r1' FROM records"
            )
            case.audit("link.run", run_id="r1")
        remove_list(case, "a", force=True)
        assert case.con.execute("SELECT count(*) FROM links").fetchone()[0] == 0
        persons = case.con.execute("SELECT record_id, person_id FROM persons ORDER BY 1").fetchall()
        assert persons == [(f"b:B-{i}", f"b:B-{i}") for i in range(4)]
        assert case.check_audit().ok
    assert all(_in_file(p, IDS[:4]) == [] for p in folder.iterdir() if p.is_file())


def test_an_encrypted_case_is_rewritten_encrypted(tmp_path):
    from reckon.storage.encryption import KdfParams

    folder = tmp_path / "case"
    with Case.init(folder, passphrase="seven purple lanterns drift", kdf=KdfParams(n=2**12)) as case:
        add_list(case, _write_list(tmp_path / "gone.csv", NAMES, IDS), name="gone")
        remove_list(case, "gone")
        assert case.encrypted and case.check_audit().ok
    with pytest.raises(duckdb.Error, match="encrypted"):
        duckdb.connect(str(folder / DB_NAME))


@pytest.fixture
def busy_case(tmp_path):
    """A case held open for writing by another process, as a long `reckon` command would."""
    folder = tmp_path / "case"
    Case.init(folder).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         ("import sys, time; from reckon.case import Case; c = Case.open(sys.argv[1]); print('open', flush=True); "
          "time.sleep(60)"), str(folder)],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout.readline().strip() == "open"
    yield folder, holder.pid
    holder.kill()
    holder.wait()


def test_a_second_command_is_told_which_command_holds_the_case(busy_case):
    # Fails on the code before issue 13: DuckDB's raw "Could not set lock on file ..." message.
    folder, pid = busy_case
    result = runner.invoke(app, ["lists", "--case", str(folder)])
    assert result.exit_code == 1
    assert f"another reckon command (PID {pid}) is using this case" in result.output
    assert "wait for it to finish or stop it" in result.output
    assert "Could not set lock" not in result.output


def test_read_only_commands_run_side_by_side(tmp_path):
    folder = tmp_path / "case"
    Case.init(folder).close()
    reader = subprocess.Popen(
        [sys.executable, "-c",
         ("import sys, time; from reckon.case import Case; c = Case.open(sys.argv[1], read_only=True); "
          "print('open', flush=True); time.sleep(60)"), str(folder)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "open"
        with Case.open(folder, read_only=True) as case:
            assert case.check_audit().ok
            with pytest.raises(duckdb.Error):
                case.con.execute("CREATE TABLE x (i INTEGER)")
        with pytest.raises(CaseError, match=f"PID {reader.pid}"):
            Case.open(folder)  # a writer waits for the readers
    finally:
        reader.kill()
        reader.wait()
