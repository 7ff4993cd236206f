"""`reckon export`: the case's aggregates as CSV and JSON files, for the team or the public."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from reckon.cli.common import case_option, console, open_case, raw_csv, reckon_errors


def register(app: typer.Typer) -> None:
    app.command("export")(export)


def export(
    output: Path = typer.Argument(..., help="A new folder for the files (claims.csv, victims.csv, ..., export.json, manifest.json)."),
    public: bool = typer.Option(
        False, "--public",
        help="Apply the public policy: no list file names or hashes, small counts hidden so they cannot be "
             "recovered from the totals, hidden categories not named; manifest.json says what was removed.",
    ),
    min_cell: int = typer.Option(5, "--min-cell", min=1, help="Smallest count shown in a public export."),
    force: bool = typer.Option(False, "--force", help="Write into OUTPUT even if it already holds files."),
    case: Path = case_option(),
) -> None:
    """Export what the report shows as data: claims, victims by date, province, age and sex, list
    overlap, estimates, lists and articles — never a record or a name from a list.

    Without --public the export is for the team: it keeps every count and file hash; do not
    publish it. Each export carries the audit head (`reckon audit verify --head HASH`).

    Example: `reckon export --public iran-2019-public/`
    """
    from reckon.disclosure import PublicPolicy
    from reckon.export import write_export  # gathering loads every stage's store

    with open_case(case) as opened:
        with reckon_errors():
            result = write_export(
                opened, output, public=public, policy=PublicPolicy(min_cell=min_cell), force=force, raw_csv=raw_csv()
            )
    kind = "Public export" if public else "Team export (not for publication)"
    console.print(f"{kind} written to [bold]{escape(str(result.folder))}[/]: {', '.join(result.files)}.", highlight=False)
    for line in result.manifest.lines():
        console.print(f"  - {line}", highlight=False, markup=False)
    head = result.manifest.audit_head or {}
    console.print(f"Audit head: row {head.get('seq')}, {head.get('hash')}", highlight=False)
