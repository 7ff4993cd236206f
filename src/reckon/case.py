"""A case: one folder, one embedded DuckDB database, migrated forward, with an audit trail.

    case = Case.init("iran-2019")          # create the folder (0700) and the database (0600)
    case = Case.init("iran-2019", passphrase="...")   # ... encrypted at rest
    case = Case.open("iran-2019")          # open it (migrations run automatically)
    case = Case.open("iran-2019", read_only=True)     # for commands that only read
    with case.transaction():               # all-or-nothing: one file, one transaction
        case.con.execute("INSERT INTO ...")
        case.audit("documents.add", file="a.txt", sha256="...")

Schema changes live in ``reckon/migrations/NNN_name.sql``; each file is applied once,
in order, inside its own transaction. The audit trail (``reckon.audit``) chains its rows
by hash and records a digest of the data each change left, so ``Case.check_audit``
finds edited or deleted audit rows and records alike. An encrypted case (a key file
beside the database) is opened with its passphrase, given or read from
$RECKON_PASSPHRASE; see ``reckon.storage.encryption``.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from reckon import audit as audit_trail
from reckon.audit import now
from reckon.errors import CaseError, ReckonError
from reckon.storage import encryption, rewrite
from reckon.storage.encryption import CaseKeys, KdfParams
from reckon.storage.files import (
    PRIVATE_FILE,
    make_private_folder,
    refuse_symlink,
    tighten,
)
from reckon.storage.layout import (
    ANCHOR_NAME,
    DB_NAME,
    KEY_FILE_NAME,
    OUTPUTS_NAME,
    SERVE_LOCK,
    TEMP_DIR_NAME,
    WAL_NAME,
)

__all__ = ["DB_NAME", "Case", "find_case_folder", "sha256_file"]

GENESIS_HASH = audit_trail.GENESIS_HASH
CATALOG = "reckon"  # the database's name in SQL, encrypted or not (the file's stem)


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

    def __init__(
        self, folder: Path, con: duckdb.DuckDBPyConnection, *, keys: CaseKeys | None = None, read_only: bool = False
    ) -> None:
        self.folder = folder
        self.con = con
        self.actor = acting_user()  # whom the audit trail names; the web UI sets it per request
        self.keys = keys
        self.read_only = read_only
        self._in_transaction = False
        self._anchor_due = False

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def init(cls, folder: str | Path, *, passphrase: str | None = None, kdf: KdfParams | None = None) -> Case:
        """Create a new case folder with an empty, fully migrated database.

        With ``passphrase`` the database is encrypted at rest (DuckDB's AES-GCM); ``kdf``
        sets scrypt's cost (tests use a cheaper one; the default suits a laptop).
        """
        folder = Path(folder)
        if os.path.lexists(folder / DB_NAME):
            raise CaseError(f"{folder} already holds a case — open it instead, or choose another folder.")
        keys = None
        if passphrase is not None:
            encryption.check_new_passphrase(passphrase)
        make_private_folder(folder)
        if passphrase is not None:
            keys = encryption.new_key_file(folder, passphrase, kdf)
        case = cls._connect(folder, keys)
        case.audit_outside_transaction("case.init", folder=folder.name, encrypted=keys is not None)
        return case

    @classmethod
    def open(
        cls,
        folder: str | Path | None = None,
        *,
        create: bool = False,
        passphrase: str | None = None,
        read_only: bool = False,
    ) -> Case:
        """Open the case in ``folder`` (default: $RECKON_CASE or the current folder).

        An encrypted case needs ``passphrase`` (default: $RECKON_PASSPHRASE). With
        ``read_only`` the database is opened for reading only: several such commands may
        run at once, and none can change the case by mistake.
        """
        folder = find_case_folder(folder)
        if not os.path.lexists(folder / DB_NAME):
            if create:
                return cls.init(folder, passphrase=passphrase)
            raise CaseError(
                f"No case in {folder} (no {DB_NAME}) — run `reckon init {folder}` first, "
                "or pass --case DIR."
            )
        _finish_encryption(folder)
        keys = None
        if encryption.is_encrypted(folder):
            keys = encryption.unlock(folder, passphrase or encryption.passphrase_from_env())
        if read_only and _pending_migrations(folder, keys):
            cls._connect(folder, keys).close()  # migrate once, then reopen for reading
        return cls._connect(folder, keys, read_only=read_only)

    @classmethod
    def _connect(cls, folder: Path, keys: CaseKeys | None, *, read_only: bool = False) -> Case:
        path = folder / DB_NAME
        refuse_symlink(path, "the case database")
        refuse_symlink(folder / WAL_NAME, "the case's write-ahead log")
        con = _open_database(folder, keys, read_only=read_only)
        # DuckDB's progress bar writes to stdout, which would corrupt `--format json` output.
        con.execute("SET enable_progress_bar = false")
        case = cls(folder, con, keys=keys, read_only=read_only)
        case._tighten_files()
        if not read_only:
            case._migrate()
        return case

    def close(self) -> None:
        self.con.close()
        self._tighten_files()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @property
    def encrypted(self) -> bool:
        return self.keys is not None

    # -- schema ----------------------------------------------------------------------------
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
                    # A migration may reshape any table: its row records a digest of all of them.
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
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ? AND table_catalog = current_database()",
            [table],
        ).fetchone()
        return bool(row and row[0])

    # -- transactions ----------------------------------------------------------------------
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
            self._anchor_due = False
            raise
        else:
            self.con.commit()
        finally:
            self._in_transaction = False
        self._after_commit()

    def _after_commit(self) -> None:
        if self._anchor_due:
            self._anchor_due = False
            audit_trail.write_anchor(self)
        tighten(self.folder / WAL_NAME)

    # -- audit -----------------------------------------------------------------------------
    def audit(self, action: str, *, changed: Sequence[tuple[str, Any]] | None = None, **detail: Any) -> None:
        """Append one row to the audit trail, chained to the previous row's hash.

        ``changed`` lists what the change wrote as (table, part) pairs, part None for the
        whole table; by default the trail knows it from the action (``reckon.audit.CHANGES``).
        """
        audit_trail.append(self, action, detail, changed)
        self._anchor_due = True
        if not self._in_transaction:  # DuckDB committed the row already
            self._after_commit()

    def audit_outside_transaction(self, action: str, **detail: Any) -> None:
        with self.transaction():
            self.audit(action, **detail)

    def check_audit(self, *, published_head: str | None = None) -> audit_trail.AuditCheck:
        """Check the trail, its anchor and the data; every problem names its table and row."""
        return audit_trail.verify(self, published_head=published_head)

    def verify_audit(self) -> int:
        """The number of audit rows; CaseError naming every problem if the check fails."""
        check = self.check_audit()
        if not check.ok:
            raise CaseError("Audit trail broken: " + " ".join(str(p) for p in check.problems))
        return check.head.rows

    # -- rewriting the file ----------------------------------------------------------------
    def purge_deleted(self) -> None:
        """Rewrite the database into a fresh file so deleted rows leave nothing in it.

        DuckDB keeps deleted rows in freed blocks; only a fresh copy drops them. Call it
        after deleting personal data, outside any transaction.
        """
        self._rewrite(self.keys)

    def encrypt(self, passphrase: str, *, kdf: KdfParams | None = None) -> None:
        """Turn this plaintext case into an encrypted one, in place.

        The data is copied into a new encrypted file which replaces the old one in one
        rename; the plaintext file's bytes are then overwritten. The audit trail is
        re-hashed with the new key and records the plaintext head it had.
        """
        if self.encrypted:
            raise CaseError(f"the case in {self.folder} is already encrypted.")
        encryption.check_new_passphrase(passphrase)
        pending = self.folder / (KEY_FILE_NAME + ".new")
        keys = encryption.new_key_file(self.folder, passphrase, kdf, name=pending.name)
        self._rewrite(keys)
        os.replace(pending, self.folder / KEY_FILE_NAME)
        with self.transaction():
            old = audit_trail.rechain(self)
            self.audit("case.encrypt", plaintext_head=old, plaintext_rows=audit_trail.audit_head(self).rows)

    def _rewrite(self, keys: CaseKeys | None) -> None:
        if self._in_transaction or self.read_only:
            raise CaseError("the case file can only be rewritten outside a transaction, opened for writing.")
        fresh = rewrite.fresh_copy(self.con, self._catalog(), self.folder, key=keys.database if keys else None)
        self.con.close()
        try:
            rewrite.swap_in(fresh, self.db_path)
        finally:
            if not os.path.lexists(fresh):  # swapped in: the file now opens with the new keys
                self.keys = keys
            self.con = _open_database(self.folder, self.keys)
            self.con.execute("SET enable_progress_bar = false")
        self._tighten_files()

    def _catalog(self) -> str:
        return str(self.con.execute("SELECT current_database()").fetchone()[0])

    def _tighten_files(self) -> None:
        for name in (DB_NAME, WAL_NAME, KEY_FILE_NAME, ANCHOR_NAME, OUTPUTS_NAME):
            tighten(self.folder / name, PRIVATE_FILE)


# -- opening the database ---------------------------------------------------------------------


def _open_database(folder: Path, keys: CaseKeys | None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = folder / DB_NAME
    old_umask = os.umask(0o077)  # the database, its WAL and spill folder: owner only
    try:
        if keys is None:
            return duckdb.connect(str(path), read_only=read_only)
        return encryption.connect_encrypted(
            path, keys, alias=CATALOG, temp_directory=folder / TEMP_DIR_NAME, read_only=read_only
        )
    except duckdb.Error as exc:
        raise _open_error(folder, exc) from None
    finally:
        os.umask(old_umask)


LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")


def _open_error(folder: Path, exc: duckdb.Error) -> ReckonError:
    """DuckDB's message turned into one that says what to do."""
    text = str(exc)
    held = LOCK_HOLDER.search(text)
    server = serving_process(folder)
    if server is not None:
        return CaseError(
            f"this case is open in reckon serve at {server['url']} (PID {server['pid']}) — "
            "use the web UI, or stop the server (Ctrl-C in its terminal) to use the command line."
        )
    if held:
        pid, program = held["pid"], os.path.basename(held["program"])
        who = "another reckon command" if ("python" in program or "reckon" in program) else f"another program ({program})"
        return CaseError(
            f"{who} (PID {pid}) is using this case in {folder}; wait for it to finish or stop it (kill {pid})."
        )
    if "without a key" in text:
        return CaseError(
            f"the database in {folder} is encrypted but its key file {KEY_FILE_NAME} is missing — restore it "
            "from a backup; without it the case cannot be opened."
        )
    if "Wrong encryption key" in text:
        return CaseError(
            f"the key file {KEY_FILE_NAME} in {folder} does not belong to this database (DuckDB refused the key) — "
            "restore the key file that was made with this database."
        )
    if "different configuration" in text:
        return CaseError(f"the case in {folder} is already open in this program in another mode; close it first.")
    return CaseError(f"Cannot open the case database in {folder}: {text}")


def _pending_migrations(folder: Path, keys: CaseKeys | None) -> bool:
    try:
        con = _open_database(folder, keys, read_only=True)
    except CaseError:
        return False  # the real open below says why
    try:
        if not con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
            " AND table_catalog = current_database()"
        ).fetchone()[0]:
            return True
        done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    finally:
        con.close()
    return any(version not in done for version, _, _ in _migrations())


def _finish_encryption(folder: Path) -> None:
    """Complete or undo a `reckon encrypt` that was killed between its two renames."""
    pending = folder / (KEY_FILE_NAME + ".new")
    if not os.path.lexists(pending) or os.path.lexists(folder / KEY_FILE_NAME):
        return
    try:
        duckdb.connect(str(folder / DB_NAME), read_only=True).close()
    except duckdb.Error as exc:
        if "without a key" in str(exc):  # the encrypted copy is in place: keep its key file
            os.replace(pending, folder / KEY_FILE_NAME)
            return
        raise _open_error(folder, exc) from None
    pending.unlink()  # the plaintext database is still in place: the attempt never finished


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
    refuse_symlink(Path(path), "the input")  # hashed and read the same way: never through a link
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
