"""Shared CLI plumbing: opening the case, turning errors into clean messages, rendering rows."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from reckon.case import Case, find_case_folder
from reckon.errors import ReckonError
from reckon.storage import encryption
from reckon.storage.cells import cell_text, csv_text

console = Console()
err_console = Console(stderr=True)

CASE_OPTION_HELP = "Case folder (default: $RECKON_CASE, else the current folder)."
RAW_CSV_HELP = (
    "Write CSV cells exactly as stored. By default a cell a spreadsheet would run as a formula "
    "(starting with =, +, -, @) gets a leading ', and direction overrides (U+202E ...) are written "
    "as <U+202E>; see docs/security.md."
)
_raw_csv = False  # set once per run by the root option --raw-csv


def set_raw_csv(raw: bool) -> None:
    """Whether CSV output keeps cells as stored (``reckon --raw-csv ...``)."""
    global _raw_csv
    _raw_csv = raw


def raw_csv() -> bool:
    """The root option --raw-csv, for commands that write CSV files."""
    return _raw_csv


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def case_option() -> Any:
    return typer.Option(None, "--case", "-c", help=CASE_OPTION_HELP, show_default=False)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one clear red line to stderr and return the Exit to raise."""
    # Escape the message: bracketed text such as `reckon[spark]` is not Rich markup.
    err_console.print(f"[bold red]Error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


@contextmanager
def reckon_errors() -> Iterator[None]:
    """Turn our own exceptions into one clean message and exit code 1 (no traceback)."""
    try:
        yield
    except ReckonError as exc:
        raise fail(str(exc)) from None


@contextmanager
def open_case(folder: Path | None, *, read_only: bool = False) -> Iterator[Case]:
    """The case, opened for the command; an encrypted case's passphrase is asked for if needed."""
    with reckon_errors():
        case = Case.open(folder, passphrase=ask_passphrase(folder), read_only=read_only)
    try:
        with reckon_errors():
            yield case
    finally:
        case.close()


def ask_passphrase(folder: Path | None, *, new: bool = False) -> str | None:
    """$RECKON_PASSPHRASE, else a prompt on the terminal when the case needs one (None if not)."""
    if not new and not encryption.is_encrypted(find_case_folder(folder)):
        return None
    given = encryption.passphrase_from_env()
    if given or not sys.stdin.isatty():
        return given  # without a terminal the library's message names $RECKON_PASSPHRASE
    if not new:
        return getpass.getpass("Passphrase for this case: ")
    first = getpass.getpass("New passphrase for the case (at least 10 characters): ")
    if getpass.getpass("The same passphrase again: ") != first:
        raise fail("the two passphrases differ — nothing was changed; try again.")
    return first


def render(
    rows: Sequence[dict[str, Any]],
    fmt: OutputFormat,
    *,
    title: str | None = None,
    columns: Sequence[str] | None = None,
    out: Any = None,
) -> None:
    """Print rows as a Rich table, JSON, JSON Lines or CSV (cells made safe for spreadsheets)."""
    columns = list(columns or (rows[0].keys() if rows else []))
    stream = out or sys.stdout
    if fmt is OutputFormat.json:
        stream.write(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str) + "\n")
    elif fmt is OutputFormat.jsonl:
        for row in rows:
            stream.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt is OutputFormat.csv:
        stream.write(csv_text(rows, columns, raw=_raw_csv))
    else:
        table = Table(title=title, show_lines=False)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*[cell_text(row.get(k)) for k in columns])
        console.print(table)
