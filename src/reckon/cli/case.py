"""`reckon init` and `reckon audit`: create a case, check its audit trail."""

from __future__ import annotations

from pathlib import Path

import typer

from reckon.case import Case
from reckon.cli.common import case_option, console, open_case, reckon_errors


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("audit")(audit)


def init(folder: Path = typer.Argument(..., help="Folder for the new case (created if missing).")) -> None:
    """Create a case: a folder with one DuckDB database that every other command reads and writes."""
    with reckon_errors():
        case = Case.init(folder)
    case.close()
    console.print(f"Created case in [bold]{folder}[/] — run reckon commands there, or pass --case {folder}.")


def audit(case: Path = case_option()) -> None:
    """Verify the case's hash-chained audit trail and show its length."""
    with open_case(case) as opened:
        rows = opened.verify_audit()
    console.print(f"Audit trail intact: {rows} entries, each chained to the one before.")
