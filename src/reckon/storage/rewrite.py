"""Rewrite the case database into a fresh file, and swap it in atomically.

    new = fresh_copy(con, "reckon", folder, key=None)   # every table, sequence, index
    swap_in(new, folder / "reckon.duckdb")             # rename over; the old bytes overwritten

Why: DuckDB keeps deleted rows in freed blocks of the file (DELETE, CHECKPOINT and VACUUM
leave them readable with `grep -a`), so a removed list would stay on a seized disk. A
fresh copy holds only live rows. The same copy, made with a key, turns a plaintext case
into an encrypted one. After the rename, the old file's bytes are overwritten with zeros
before it is closed; on SSDs and copy-on-write file systems the device may still keep
old blocks, which only full-disk encryption rules out (see docs/security.md).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import duckdb

from reckon.storage.encryption import load_openssl, sql_text
from reckon.storage.files import PRIVATE_FILE, fsync_folder, tighten

CHUNK = 1 << 20


def fresh_copy(con: duckdb.DuckDBPyConnection, source: str, folder: Path, *, key: str | None) -> Path:
    """Copy database ``source`` of ``con`` into a new file in ``folder`` (encrypted with ``key``)."""
    target = folder / f".rewrite-{secrets.token_hex(8)}.duckdb"
    con.execute(f"CHECKPOINT {source}")
    options = ""
    if key is not None:
        load_openssl(con)
        options = f" (ENCRYPTION_KEY '{key}')"
    con.execute(f"ATTACH {sql_text(str(target))} AS reckon_fresh{options}")
    try:
        con.execute(f"COPY FROM DATABASE {source} TO reckon_fresh")
        con.execute("CHECKPOINT reckon_fresh")
    except BaseException:
        con.execute("DETACH reckon_fresh")
        discard(target)
        raise
    con.execute("DETACH reckon_fresh")
    tighten(target, PRIVATE_FILE)
    return target


def swap_in(new: Path, path: Path) -> None:
    """Rename ``new`` over ``path`` (atomic), then overwrite the replaced file's bytes."""
    _fsync(new)
    old = None
    try:
        old = os.open(path, os.O_RDWR | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        pass
    try:
        os.replace(new, path)
        fsync_folder(path.parent)
        discard(Path(str(new) + ".wal"))
        if old is not None:
            _overwrite(old)
    finally:
        if old is not None:
            os.close(old)


def discard(path: Path) -> None:
    """Overwrite and remove a file that may hold plaintext (a leftover copy or WAL)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return
    try:
        _overwrite(fd)
    finally:
        os.close(fd)
    path.unlink(missing_ok=True)


def _overwrite(fd: int) -> None:
    size = os.fstat(fd).st_size
    zeros = bytes(CHUNK)
    os.lseek(fd, 0, os.SEEK_SET)
    for start in range(0, size, CHUNK):
        os.write(fd, zeros[: min(CHUNK, size - start)])
    os.fsync(fd)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
