"""The case: a real DuckDB file, forward migrations, transactions and the audit chain."""

from __future__ import annotations

import pytest

from reckon.case import DB_NAME, Case
from reckon.errors import CaseError


def test_init_creates_database_and_migrates(tmp_path):
    case = Case.init(tmp_path / "c")
    assert (tmp_path / "c" / DB_NAME).exists()
    assert case.schema_version() >= 1
    case.close()


def test_init_refuses_existing_case(fresh_case):
    with pytest.raises(CaseError, match="already holds a case"):
        Case.init(fresh_case.folder)


def test_open_missing_case_says_what_to_do(tmp_path):
    with pytest.raises(CaseError, match="reckon init"):
        Case.open(tmp_path / "nowhere")


def test_reopen_keeps_data_and_does_not_remigrate(fresh_case):
    folder = fresh_case.folder
    version = fresh_case.schema_version()
    fresh_case.audit_outside_transaction("test.note", text="kept")
    fresh_case.close()
    with Case.open(folder) as again:
        assert again.schema_version() == version
        actions = [r[0] for r in again.con.execute("SELECT action FROM audit ORDER BY seq").fetchall()]
    assert actions[-1] == "test.note"
    assert actions.count("case.init") == 1


def test_transaction_rolls_back_everything_on_error(fresh_case):
    before = fresh_case.con.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(RuntimeError):
        with fresh_case.transaction():
            fresh_case.audit("test.half", step=1)
            raise RuntimeError("boom")
    after = fresh_case.con.execute("SELECT count(*) FROM audit").fetchone()[0]
    assert after == before


def test_audit_chain_verifies_and_detects_tampering(fresh_case):
    for i in range(3):
        fresh_case.audit_outside_transaction("test.step", i=i)
    assert fresh_case.verify_audit() == fresh_case.con.execute("SELECT count(*) FROM audit").fetchone()[0]
    fresh_case.con.execute("UPDATE audit SET detail = '{\"i\": 99}' WHERE action = 'test.step' AND detail LIKE '%1%'")
    with pytest.raises(CaseError, match="content was changed"):
        fresh_case.verify_audit()


def test_audit_chain_detects_deletion(fresh_case):
    for i in range(3):
        fresh_case.audit_outside_transaction("test.step", i=i)
    last = fresh_case.con.execute("SELECT max(seq) FROM audit").fetchone()[0]
    fresh_case.con.execute("DELETE FROM audit WHERE seq = ?", [last - 1])
    with pytest.raises(CaseError, match="missing"):
        fresh_case.verify_audit()
