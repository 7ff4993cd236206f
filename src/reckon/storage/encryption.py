"""Encryption at rest: a passphrase becomes keys; DuckDB encrypts the database with one of them.

    params = new_key_file(folder, passphrase)         # salt + scrypt parameters + key check
    keys = unlock(folder, passphrase)                 # CaseError for a wrong passphrase
    con = connect_encrypted(db_path, keys)            # DuckDB ATTACH ... (ENCRYPTION_KEY ...)

The passphrase goes through scrypt (memory-hard: 128 MiB and about half a second per try,
so guessing is slow) with a random salt. From the result, HMAC-SHA-256 derives separate
keys: one for DuckDB's AES-GCM database encryption, one for the audit trail's keyed
hashes, and a short check value stored beside the database so a wrong passphrase gets
one clear message before DuckDB's. The salt, the parameters and the check value are not
secret; without the passphrase they open nothing.

DuckDB writes encrypted files only with OpenSSL, which its httpfs extension brings; the
Python package ``duckdb-extension-httpfs`` ships the extension for one DuckDB version and
it is loaded from that package's folder (nothing is downloaded).
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.util
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from reckon.errors import CaseError
from reckon.storage.files import PRIVATE_FILE, refuse_symlink, write_atomically
from reckon.storage.layout import KEY_FILE_NAME

PASSPHRASE_ENV = "RECKON_PASSPHRASE"
MIN_PASSPHRASE_LENGTH = 10
FORMAT = 1


@dataclass(frozen=True)
class KdfParams:
    """scrypt's cost: n (CPU/memory, a power of 2), r (block size), p (parallelism)."""

    n: int = 2**17  # with r=8: 128 MiB of memory per derivation
    r: int = 8
    p: int = 1

    @property
    def memory(self) -> int:
        return 128 * self.r * self.n


@dataclass(frozen=True)
class CaseKeys:
    """The keys derived from a case's passphrase (never stored)."""

    database: str = field(repr=False)  # DuckDB's ENCRYPTION_KEY (hex)
    audit: bytes = field(repr=False)  # HMAC key for the audit trail


def is_encrypted(folder: Path) -> bool:
    """Whether the case in ``folder`` is encrypted (it has a key file)."""
    return os.path.lexists(folder / KEY_FILE_NAME)


def passphrase_from_env() -> str | None:
    return os.environ.get(PASSPHRASE_ENV) or None


def new_key_file(
    folder: Path, passphrase: str, params: KdfParams | None = None, *, name: str = KEY_FILE_NAME
) -> CaseKeys:
    """Write a new key file (fresh salt) into ``folder``; return the keys it unlocks."""
    check_new_passphrase(passphrase)
    params = params or KdfParams()
    salt = secrets.token_bytes(16)
    master = _master(passphrase, salt, params)
    content = {
        "format": FORMAT,
        "kdf": "scrypt",
        "n": params.n,
        "r": params.r,
        "p": params.p,
        "salt": salt.hex(),
        "check": _derive(master, "check")[:16].hex(),
        "cipher": "DuckDB database encryption (AES-GCM), key from HMAC-SHA-256 of the scrypt output",
    }
    write_atomically(folder / name, json.dumps(content, indent=2) + "\n", mode=PRIVATE_FILE)
    return _keys(master)


def unlock(folder: Path, passphrase: str | None) -> CaseKeys:
    """The keys of the encrypted case in ``folder``; CaseError for a missing or wrong passphrase."""
    content = _read_key_file(folder)
    if not passphrase:
        raise CaseError(
            f"the case in {folder} is encrypted — set {PASSPHRASE_ENV}, or run the command in a "
            "terminal to be asked for the passphrase."
        )
    params = KdfParams(n=int(content["n"]), r=int(content["r"]), p=int(content["p"]))
    master = _master(passphrase, bytes.fromhex(content["salt"]), params)
    if not hmac.compare_digest(_derive(master, "check")[:16].hex(), content["check"]):
        raise CaseError(f"wrong passphrase for the encrypted case in {folder} — nothing was opened; try again.")
    return _keys(master)


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase or "") < MIN_PASSPHRASE_LENGTH:
        raise CaseError(
            f"the passphrase is too short — use at least {MIN_PASSPHRASE_LENGTH} characters "
            "(several words are easier to remember than symbols)."
        )


# -- DuckDB --------------------------------------------------------------------------------


def connect_encrypted(
    path: Path, keys: CaseKeys, *, alias: str, temp_directory: Path, read_only: bool = False
) -> duckdb.DuckDBPyConnection:
    """A connection whose default database is the encrypted file ``path`` (created if missing).

    Spill files go to ``temp_directory`` and are encrypted too.
    """
    con = duckdb.connect(":memory:")
    try:
        load_openssl(con)
        options = f"ENCRYPTION_KEY '{keys.database}'" + (", READ_ONLY" if read_only else "")
        con.execute(f"ATTACH {sql_text(str(path))} AS {alias} ({options})")
        con.execute(f"USE {alias}")
        protect_spill(con, temp_directory)
    except BaseException:
        con.close()
        raise
    return con


def protect_spill(con: duckdb.DuckDBPyConnection, temp_directory: Path | None) -> None:
    """Encrypt whatever this connection spills to disk (DuckDB uses a random session key)."""
    load_openssl(con)
    con.execute("SET temp_file_encryption = true")
    if temp_directory is not None:
        con.execute(f"SET temp_directory = {sql_text(str(temp_directory))}")


def load_openssl(con: duckdb.DuckDBPyConnection) -> None:
    """Load the httpfs extension (DuckDB's OpenSSL) from the installed Python package."""
    con.execute(f"LOAD {sql_text(str(httpfs_extension_path()))}")


def httpfs_extension_path() -> Path:
    spec = importlib.util.find_spec("duckdb_extension_httpfs")
    version = duckdb.__version__
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / "extensions" / f"v{version}" / "httpfs.duckdb_extension"
            if candidate.is_file():
                return candidate
    raise CaseError(
        f"encrypted cases need DuckDB's OpenSSL, shipped by the package duckdb-extension-httpfs=={version} — "
        f"install it with `pip install duckdb-extension-httpfs=={version}` (it matches duckdb {version})."
    )


def sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# -- keys ------------------------------------------------------------------------------------


def _master(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hashlib.scrypt(
        secret, salt=salt, n=params.n, r=params.r, p=params.p, maxmem=params.memory + (32 << 20), dklen=32
    )


def _derive(master: bytes, purpose: str) -> bytes:
    return hmac.new(master, f"reckon/{purpose}".encode(), hashlib.sha256).digest()


def _keys(master: bytes) -> CaseKeys:
    return CaseKeys(database=_derive(master, "database").hex(), audit=_derive(master, "audit"))


def _read_key_file(folder: Path) -> dict:
    path = folder / KEY_FILE_NAME
    refuse_symlink(path, "the key file")
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
        if content.get("format") != FORMAT or content.get("kdf") != "scrypt":
            raise ValueError(f"unknown format {content.get('format')!r} / kdf {content.get('kdf')!r}")
        bytes.fromhex(content["salt"])
        return content
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise CaseError(
            f"the key file {path} cannot be read ({exc}) — restore it from a backup; "
            "without it the encrypted case cannot be opened."
        ) from None
