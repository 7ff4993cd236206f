"""The names of the files a case keeps in its folder (one place, so nothing writes over them)."""

from __future__ import annotations

from pathlib import Path

DB_NAME = "reckon.duckdb"
WAL_NAME = DB_NAME + ".wal"
TEMP_DIR_NAME = DB_NAME + ".tmp"  # DuckDB's spill folder for the case's own connection
KEY_FILE_NAME = "reckon.encryption.json"  # salt, KDF parameters, key check (encrypted cases)
ANCHOR_NAME = "reckon.audit-anchor.json"  # the audit head kept outside the database
OUTPUTS_NAME = "reckon.outputs"  # files reckon wrote into the case folder (may be overwritten)
SERVE_LOCK = "serve.lock"  # written by `reckon serve` beside the database: {"pid": n, "url": "..."}

CASE_FILE_NAMES = (DB_NAME, WAL_NAME, TEMP_DIR_NAME, KEY_FILE_NAME, ANCHOR_NAME, OUTPUTS_NAME, SERVE_LOCK)


def case_files(folder: Path) -> list[Path]:
    """The case's own files: never an output, never overwritten, always private."""
    return [folder / name for name in CASE_FILE_NAMES]
