"""Safe files: private modes, no symbolic links followed, outputs never over the case."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reckon.case import DB_NAME, Case
from reckon.cli.main import app
from reckon.errors import InputError

runner = CliRunner()


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def loose_umask():
    """The common default umask (022): files come out world-readable unless reckon says otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_case_folder_is_0700_and_database_0600(tmp_path, loose_umask):
    # Fails on the code before issue 13: 0755 and 0644.
    folder = tmp_path / "case"
    with Case.init(folder) as case:
        case.audit_outside_transaction("test.step")  # a write: DuckDB creates its WAL
    assert _mode(folder) == 0o700
    assert _mode(folder / DB_NAME) == 0o600
    assert all(_mode(p) == 0o600 for p in folder.iterdir() if p.is_file())


def test_an_existing_case_file_is_tightened_on_open(tmp_path, loose_umask):
    folder = tmp_path / "case"
    Case.init(folder).close()
    os.chmod(folder / DB_NAME, 0o644)
    Case.open(folder).close()
    assert _mode(folder / DB_NAME) == 0o600


def test_report_over_the_case_database_is_refused_even_with_force(tmp_path, monkeypatch):
    # Fails on the code before issue 13: the report replaced the database.
    folder = tmp_path / "case"
    Case.init(folder).close()
    monkeypatch.chdir(folder)
    result = runner.invoke(app, ["report", "-o", "reckon.duckdb", "--force"])
    assert result.exit_code == 1
    assert "is the case's own file reckon.duckdb; writing there would destroy the case" in result.output
    with Case.open(folder) as case:  # the case is whole
        assert case.verify_audit() > 0


def test_report_may_overwrite_its_own_earlier_output_in_the_case_folder(tmp_path, monkeypatch):
    folder = tmp_path / "case"
    Case.init(folder).close()
    monkeypatch.chdir(folder)
    assert runner.invoke(app, ["report", "-o", "report.html"]).exit_code == 0
    assert runner.invoke(app, ["report", "-o", "report.html", "--force"]).exit_code == 0
    (folder / "notes.html").write_text("the recorder's own notes")
    result = runner.invoke(app, ["report", "-o", "notes.html", "--force"])
    assert result.exit_code == 1 and "reckon did not write" in result.output
    assert (folder / "notes.html").read_text() == "the recorder's own notes"


def test_safe_output_path_refusals_have_clear_messages(tmp_path):
    from reckon.storage.files import safe_output_path

    folder = tmp_path / "case"
    Case.init(folder).close()
    (tmp_path / "out").mkdir()
    (tmp_path / "link.html").symlink_to(tmp_path / "elsewhere.html")
    cases = {
        tmp_path / "out": "is a folder",
        tmp_path / "missing" / "r.html": "does not exist",
        tmp_path / "link.html": "is a symbolic link",
        folder / "reckon.audit-anchor.json": "the case's own file",
    }
    for path, message in cases.items():
        with pytest.raises(InputError, match=message):
            safe_output_path(folder, path, force=True)
    (tmp_path / "old.html").write_text("x")
    with pytest.raises(InputError, match="pass --force"):
        safe_output_path(folder, tmp_path / "old.html")
    assert safe_output_path(folder, tmp_path / "old.html", force=True) == tmp_path / "old.html"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_is_named(tmp_path):
    from reckon.storage.files import safe_output_path

    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(InputError, match="is not writable"):
        safe_output_path(tmp_path, locked / "r.html")


def test_write_atomically_never_follows_a_planted_link(tmp_path):
    from reckon.storage.files import write_atomically

    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (tmp_path / "report.html.partial").symlink_to(victim)  # the old fixed temporary name
    write_atomically(tmp_path / "report.html", "<html>report</html>")
    assert victim.read_text() == "precious"
    assert (tmp_path / "report.html").read_text() == "<html>report</html>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.html.partial", "victim.txt"]
    (tmp_path / "out.html").symlink_to(victim)
    with pytest.raises(InputError, match="symbolic link"):
        write_atomically(tmp_path / "out.html", "x")
    assert victim.read_text() == "precious"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    from reckon.storage.files import atomic_writer

    target = tmp_path / "r.html"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as handle:
            handle.write(b"half")
            raise RuntimeError("killed")
    assert target.read_text() == "old" and [p.name for p in tmp_path.iterdir()] == ["r.html"]


def test_an_input_behind_a_symbolic_link_is_refused(tmp_path):
    from reckon.storage.files import read_bytes_nofollow

    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0")
    (tmp_path / "article.txt").symlink_to(secret)
    with pytest.raises(InputError, match="symbolic link"):
        read_bytes_nofollow(tmp_path / "article.txt")
    assert read_bytes_nofollow(secret) == b"root:x:0:0"


def test_a_symlinked_database_is_refused(tmp_path):
    folder = tmp_path / "case"
    Case.init(folder).close()
    (folder / DB_NAME).rename(tmp_path / "elsewhere.duckdb")
    (folder / DB_NAME).symlink_to(tmp_path / "elsewhere.duckdb")
    with pytest.raises(InputError, match="the case database is a symbolic link"):
        Case.open(folder)
