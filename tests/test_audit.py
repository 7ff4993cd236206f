"""The audit trail protects the data: edits and deletions behind reckon's back are found by name.

Each test builds a real case with a list, then tampers with the DuckDB file as an attacker
or a careless colleague would (plain SQL on the database), and asks `reckon audit`.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from reckon.case import DB_NAME, Case
from reckon.cli.main import app
from reckon.lists.store import add_list

# Imported where used, so the tests of defects run (and fail) on code from before issue 13.
GENESIS_HASH = "0" * 64

runner = CliRunner()
PASSPHRASE = "seven purple lanterns drift"


def _list(folder: Path) -> Path:
    path = folder / "ngo.csv"
    rows = ["id,name,age"] + [f"N{i:03d},Invented Person{i},{20 + i}" for i in range(30)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _case(tmp_path: Path, **init) -> Path:
    folder = tmp_path / "case"
    with Case.init(folder, **init) as case:
        add_list(case, _list(tmp_path), name="ngo")
    return folder


def _tamper(folder: Path, *sql: str) -> None:
    """Change the database with plain DuckDB, as anyone holding the file could."""
    con = duckdb.connect(str(folder / DB_NAME))
    for statement in sql:
        con.execute(statement)
    con.close()


def _audit(folder: Path, *args: str):
    return runner.invoke(app, ["audit", *args, "--case", str(folder)])


def test_an_untouched_case_verifies_and_prints_its_head(tmp_path):
    from reckon.audit import audit_head

    folder = _case(tmp_path)
    result = _audit(folder)
    assert result.exit_code == 0, result.output
    with Case.open(folder) as case:
        head = audit_head(case)
    assert "Audit trail intact" in result.output and head.head in result.output
    assert head.rows > 1 and head.head != GENESIS_HASH


# Each of the next four says "Audit trail intact" on the code before issue 13.


def test_a_record_edited_is_found(tmp_path):
    folder = _case(tmp_path)
    _tamper(folder, "UPDATE records SET name = 'Someone Else' WHERE source_record_id = 'N007'")
    result = _audit(folder)
    assert result.exit_code == 1
    assert "table records, list 'ngo': rows were edited after audit row" in result.output
    assert "(lists.add)" in result.output


def test_a_record_deleted_is_found(tmp_path):
    folder = _case(tmp_path)
    _tamper(folder, "DELETE FROM records WHERE source_record_id = 'N012'")
    result = _audit(folder)
    assert result.exit_code == 1
    assert "table records, list 'ngo': 29 rows where audit row" in result.output
    assert "recorded 30 — rows were deleted outside reckon" in result.output


def test_the_newest_audit_rows_deleted_are_found(tmp_path):
    folder = _case(tmp_path)
    with Case.open(folder) as case:
        last = case.con.execute("SELECT max(seq) FROM audit").fetchone()[0]
    # The newest audit row and the list it recorded, both gone: the chain alone is intact.
    _tamper(folder, f"DELETE FROM audit WHERE seq = {last}", "DELETE FROM records", "DELETE FROM lists")
    result = _audit(folder)
    assert result.exit_code == 1
    assert f"table audit, row {last}: missing — the table ends at row {last - 1}" in result.output
    assert "the newest rows were deleted" in result.output


def test_the_audit_table_emptied_is_found(tmp_path):
    folder = _case(tmp_path)
    _tamper(folder, "DELETE FROM audit")
    result = _audit(folder)
    assert result.exit_code == 1
    assert "table audit, row 1: missing — the table is empty but the anchor" in result.output


def test_an_edit_with_every_hash_recomputed_is_found_in_an_encrypted_case(tmp_path):
    """Someone holding the database key (not the passphrase) edits a record and recomputes
    every digest and row hash with SHA-256, as the trail's code would without the key."""
    from reckon.storage.encryption import KdfParams, connect_encrypted

    folder = _case(tmp_path, passphrase=PASSPHRASE, kdf=KdfParams(n=2**12))
    with Case.open(folder, passphrase=PASSPHRASE) as case:
        database_key = case.keys.database
    con = connect_encrypted(folder / DB_NAME, _Keys(database_key), alias="reckon", temp_directory=tmp_path / "t")
    con.execute("UPDATE records SET name = 'Someone Else' WHERE source_record_id = 'N007'")
    _recompute_unkeyed(con)
    con.close()
    with Case.open(folder, passphrase=PASSPHRASE) as case:
        problems = [str(p) for p in case.check_audit().problems]
    assert any("table audit, row 1 " in p and "content was changed" in p and "key" in p for p in problems)
    assert any(p.startswith("table records, list 'ngo': rows were edited") for p in problems)


class _Keys:
    def __init__(self, database: str) -> None:
        self.database = database


def _recompute_unkeyed(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite every audit row's digests and hash as an unkeyed trail would have them."""
    from reckon.audit import row_hash

    rows = con.execute("SELECT seq, logged_at, actor, action, detail, digests FROM audit ORDER BY seq").fetchall()
    prev = GENESIS_HASH
    for seq, at, actor, action, detail, digests in rows:
        new = row_hash(None, seq, at, actor, action, detail, prev, digests)
        con.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", [prev, new, seq])
        prev = new


def test_a_published_head_that_was_cut_off_is_found(tmp_path):
    from reckon.audit import audit_head

    folder = _case(tmp_path)
    with Case.open(folder) as case:
        published = audit_head(case)
        case.audit_outside_transaction("test.step")
    assert _audit(folder, "verify", "--head", published.head).exit_code == 0
    _tamper(folder, f"DELETE FROM audit WHERE seq >= {published.rows}")
    (folder / "reckon.audit-anchor.json").unlink()  # the attacker removed the local anchor too
    result = _audit(folder, "verify", "--head", published.head)
    assert result.exit_code == 1
    assert f"the published head {published.head} is not in this trail" in result.output
    assert "anchor file reckon.audit-anchor.json beside the database is missing" in result.output


def test_a_forged_anchor_is_found_in_an_encrypted_case(tmp_path):
    from reckon.storage.encryption import KdfParams

    folder = _case(tmp_path, passphrase=PASSPHRASE, kdf=KdfParams(n=2**12))
    anchor = folder / "reckon.audit-anchor.json"
    content = json.loads(anchor.read_text())
    content["rows"] -= 1
    content["head"] = hashlib.sha256(b"forged").hexdigest()
    anchor.write_text(json.dumps(content))
    with Case.open(folder, passphrase=PASSPHRASE) as case:
        assert "was altered" in str(case.check_audit().problems[0])


def test_rows_added_behind_reckons_back_are_found(tmp_path):
    folder = _case(tmp_path)
    _tamper(folder, "INSERT INTO decisions VALUES ('ngo:N001', 'ngo:N002', 'must-link', 'x', now(), NULL)")
    result = _audit(folder)
    assert result.exit_code == 1
    assert "table decisions: 1 rows that no audit row recorded" in result.output


def test_a_removed_list_is_not_a_problem(tmp_path):
    from reckon.lists.store import remove_list

    folder = _case(tmp_path)
    with Case.open(folder) as case:
        remove_list(case, "ngo")
        assert case.check_audit().ok


@pytest.mark.parametrize("encrypted", [False, True])
def test_an_old_case_gets_digests_from_its_migration(tmp_path, monkeypatch, encrypted):
    """A case made before migration 009 is vouched for from the moment it is migrated."""
    import reckon.case
    from reckon.storage.encryption import KdfParams

    shipped = reckon.case._migrations()
    monkeypatch.setattr(reckon.case, "_migrations", lambda: [m for m in shipped if m[0] < 9])
    init = {"passphrase": PASSPHRASE, "kdf": KdfParams(n=2**12)} if encrypted else {}
    folder = _case(tmp_path, **init)
    monkeypatch.setattr(reckon.case, "_migrations", lambda: shipped)
    with Case.open(folder, passphrase=PASSPHRASE if encrypted else None) as case:
        assert case.check_audit().ok
        case.con.execute("UPDATE records SET age_text = '99' WHERE source_record_id = 'N003'")
        assert "rows were edited after audit row" in str(case.check_audit().problems[0])
