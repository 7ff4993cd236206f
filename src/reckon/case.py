"""A case: one folder, one embedded DuckDB database, migrated forward, with an audit trail.

    case = Case.init("iran-2019")          # create the folder and the database
    case = Case.open("iran-2019")          # open it (migrations run automatically)
    with case.transaction():               # all-or-nothing: one file, one transaction
        case.con.execute("INSERT INTO ...")
        case.audit("documents.add", file="a.txt", sha256="...")

Schema changes live in ``reckon/migrations/NNN_name.sql``; each file is applied once,
in order, inside its own transaction. The ``audit`` table is append-only: every row
stores the SHA-256 of the previous row, so any edit or deletion breaks the chain and
``Case.verify_audit`` says where.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from reckon.errors import CaseError

DB_NAME = "reckon.duckdb"
GENESIS_HASH = "0" * 64
SERVE_LOCK = "serve.lock"  # written by `reckon serve` beside the database: {"pid": n, "url": "..."}


def find_case_folder(folder: str | Path | None = None) -> Path:
    """The case folder to use: the one given, else $RECKON_CASE, else the current folder."""
    if folder is None:
        folder = os.environ.get("RECKON_CASE") or "."
    return Path(folder)


def _migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every migration shipped with the package, in order."""
    found = []
    for entry in resources.files("reckon.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), name[:-4], entry.read_text(encoding="utf-8")))
    return sorted(found)


class Case:
    """One event under study: a folder holding one DuckDB database."""

    def __init__(self, folder: Path, con: duckdb.DuckDBPyConnection) -> None:
        self.folder = folder
        self.con = con
        self.actor = acting_user()  # whom the audit trail names; the web UI sets it per request
        self._in_transaction = False

    # -- opening ---------------------------------------------------------------
    @classmethod
    def init(cls, folder: str | Path) -> Case:
        """Create a new case folder with an empty, fully migrated database."""
        folder = Path(folder)
        if (folder / DB_NAME).exists():
            raise CaseError(f"{folder} already holds a case — open it instead, or choose another folder.")
        folder.mkdir(parents=True, exist_ok=True)
        case = cls._connect(folder)
        case.audit_outside_transaction("case.init", folder=folder.name)
        return case

    @classmethod
    def open(cls, folder: str | Path | None = None, *, create: bool = False) -> Case:
        """Open the case in ``folder`` (default: $RECKON_CASE or the current folder)."""
        folder = find_case_folder(folder)
        if not (folder / DB_NAME).exists():
            if create:
                return cls.init(folder)
            raise CaseError(
                f"No case in {folder} (no {DB_NAME}) — run `reckon init {folder}` first, "
                "or pass --case DIR."
            )
        return cls._connect(folder)

    @classmethod
    def _connect(cls, folder: Path) -> Case:
        try:
            con = duckdb.connect(str(folder / DB_NAME))
        except duckdb.IOException as exc:  # locked by another process, or not a database
            server = serving_process(folder)
            if server is not None:
                raise CaseError(
                    f"this case is open in reckon serve at {server['url']} (PID {server['pid']}) — "
                    "use the web UI, or stop the server (Ctrl-C in its terminal) to use the command line."
                ) from None
            raise CaseError(f"Cannot open the case database in {folder}: {exc}") from exc
        # DuckDB's progress bar writes to stdout, which would corrupt `--format json` output.
        con.execute("SET enable_progress_bar = false")
        case = cls(folder, con)
        case._migrate()
        return case

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    # -- schema ----------------------------------------------------------------
    def _migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)"
        )
        done = {row[0] for row in self.con.execute("SELECT version FROM schema_migrations").fetchall()}
        for version, name, sql in _migrations():
            if version in done:
                continue
            with self.transaction():
                self.con.execute(sql)
                self.con.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, now()]
                )
                if self.has_table("audit"):
                    self.audit("schema.migrate", version=version, name=name)

    def schema_version(self) -> int:
        row = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """The result of a query as one dict per row (for the stage stores' summaries)."""
        cursor = self.con.execute(sql, params or [])
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        """The first column of the first row of a query (None when there is no row)."""
        row = self.con.execute(sql, params or []).fetchone()
        return row[0] if row else None

    def has_table(self, table: str) -> bool:
        """Whether the schema has this table (a stage's tables exist once its migration ran)."""
        row = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [table]
        ).fetchone()
        return bool(row and row[0])

    # -- transactions ----------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """All-or-nothing: commit when the block ends, roll back if it raises.

        Nested use joins the outer transaction (DuckDB has no savepoints).
        """
        if self._in_transaction:
            yield self.con
            return
        self.con.begin()
        self._in_transaction = True
        try:
            yield self.con
        except BaseException:
            self.con.rollback()
            raise
        else:
            self.con.commit()
        finally:
            self._in_transaction = False

    # -- audit -----------------------------------------------------------------
    def audit(self, action: str, **detail: Any) -> None:
        """Append one row to the audit trail, chained to the previous row's hash."""
        last = self.con.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        seq = (last[0] + 1) if last else 1
        prev_hash = last[1] if last else GENESIS_HASH
        at = now()
        actor = self.actor
        detail_json = json.dumps(detail, sort_keys=True, ensure_ascii=False, default=str)
        digest = audit_row_hash(seq, at, actor, action, detail_json, prev_hash)
        self.con.execute(
            "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?)",
            [seq, at, actor, action, detail_json, prev_hash, digest],
        )

    def audit_outside_transaction(self, action: str, **detail: Any) -> None:
        with self.transaction():
            self.audit(action, **detail)

    def verify_audit(self) -> int:
        """Check the hash chain; return the number of rows, raise CaseError at the first break."""
        rows = self.con.execute(
            "SELECT seq, logged_at, actor, action, detail, prev_hash, hash FROM audit ORDER BY seq"
        ).fetchall()
        expected_prev = GENESIS_HASH
        for index, (seq, at, actor, action, detail, prev_hash, digest) in enumerate(rows, start=1):
            if seq != index:
                raise CaseError(f"Audit trail broken: row {index} is missing (found seq {seq}).")
            if prev_hash != expected_prev:
                raise CaseError(f"Audit trail broken at row {seq}: it does not follow row {seq - 1}.")
            if audit_row_hash(seq, at, actor, action, detail, prev_hash) != digest:
                raise CaseError(f"Audit trail broken at row {seq}: its content was changed.")
            expected_prev = digest
        return len(rows)


def audit_row_hash(
    seq: int, at: datetime, actor: str, action: str, detail_json: str, prev_hash: str
) -> str:
    """SHA-256 over one audit row's fields and the previous row's hash."""
    stamp = at.replace(tzinfo=None).isoformat(timespec="microseconds")
    payload = "\x1f".join([str(seq), stamp, actor, action, detail_json, prev_hash])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def now() -> datetime:
    """The current time as every table stores it: naive UTC with microseconds.

    The audit hash covers this exact form, so it must survive a round trip through DuckDB.
    """
    return datetime.now(timezone.utc).replace(tzinfo=None)


def serving_process(folder: Path) -> dict[str, Any] | None:
    """{"pid", "url"} of the running `reckon serve` that holds this case, else None (a lock
    file left by a server that died is ignored)."""
    try:
        held = json.loads((folder / SERVE_LOCK).read_text(encoding="utf-8"))
        pid, url = int(held["pid"]), str(held["url"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(pid, 0)  # signal 0 only checks that the process exists
    except PermissionError:  # it does, under another user
        pass
    except OSError:
        return None
    return {"pid": pid, "url": url}


def acting_user() -> str:
    """Who is acting at a terminal: $RECKON_USER if set, else the login name."""
    name = os.environ.get("RECKON_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def sha256_file(path: str | Path) -> str:
    """SHA-256 of a file's original bytes (how every input is identified)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
