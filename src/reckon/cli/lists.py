"""`reckon lists`: add victim lists to the case, show them, show the rows that could not be read."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from reckon.cli.common import OutputFormat, case_option, console, open_case, reckon_errors, render
from reckon.lists.columns import CANONICAL_FIELDS, parse_map_options

if TYPE_CHECKING:
    from reckon.lists.store import ListImport

lists_app = typer.Typer(
    help=(
        "Victim lists: import .csv, .xlsx or .json lists of names, see them, see the rows "
        "that could not be read. `reckon lists` alone shows the stored lists."
    ),
    invoke_without_command=True,
    no_args_is_help=False,
)

FORMAT_HELP = "How to print: table (for people), json, jsonl or csv (for other programs)."


def register(app: typer.Typer) -> None:
    """Add the `lists` group to the app."""
    app.add_typer(lists_app, name="lists")


@lists_app.callback()
def lists_root(
    ctx: typer.Context,
    case: Path = case_option(),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Victim lists in the case. Without a subcommand, show the stored lists (as `reckon lists show`)."""
    ctx.obj = {"case": case}  # so `reckon lists --case DIR problems` works too
    if ctx.invoked_subcommand is None:
        _show(case, fmt)


@lists_app.command("add")
def add(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="The list: .csv (any common delimiter), .xlsx (first non-empty sheet) or .json (an array of objects, or {\"records\": [...]})."),
    name: str = typer.Option(..., "--name", "-n", help="A short name for this list, e.g. `amnesty`; it prefixes every record id (`amnesty:17`)."),
    organisation: str = typer.Option(None, "--organisation", "--org", help="Who published the list, e.g. \"Amnesty International\"."),
    list_date: str = typer.Option(None, "--date", help="When the list was published: 2019-12-01, 2019-12, or Solar Hijri like 1398/09/10."),
    maps: list[str] = typer.Option(
        None, "--map", "-m",
        help=(
            "CANONICAL=COLUMN: read COLUMN as that field, overriding the automatic mapping; repeat "
            "for more (--map name=\"Full Name\" --map age=سن). CANONICAL=  (empty) leaves a field "
            f"unmapped. Fields: {', '.join(CANONICAL_FIELDS)}."
        ),
    ),
    encoding: str = typer.Option(None, "--encoding", "-e", help="The file's text encoding (utf-8, utf-8-sig, utf-16, cp1256 for Windows Persian, latin-1). Detected when omitted."),
    country: str = typer.Option(
        None, "--country",
        help="Where the list's places are (ISO code: IR, SY, UA, SD...). Default: the country most of its places name, else the case's.",
    ),
    case: Path = case_option(),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table prints the mapping and counts for people; json/jsonl/csv print one summary row for programs."),
) -> None:
    """Add a victim list to the case: map its columns, read its values, set aside unreadable rows.

    Prints the mapping used (column -> field), the extra columns kept as they are, and the
    counts. Adding the same file again changes nothing. See `reckon lists problems` for the
    rows that could not be read.
    """
    with reckon_errors():
        mapping = parse_map_options(maps or [])
    with open_case(_case(ctx, case)) as opened:
        from reckon.lists.store import add_list  # loads pandas: only when the command runs

        result = add_list(
            opened, file, name=name, organisation=organisation, list_date=list_date,
            mapping=mapping, encoding=encoding, country=country,
        )
    if fmt is OutputFormat.table:
        _print_import(result)
    else:
        render([asdict(result)], fmt)


@lists_app.command("show")
def show(
    ctx: typer.Context,
    case: Path = case_option(),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Show the stored lists: name, organisation, date, file, records kept and rows quarantined."""
    _show(_case(ctx, case), fmt)


def _show(case: Path | None, fmt: OutputFormat) -> None:
    with open_case(case, read_only=True) as opened:
        from reckon.lists.store import list_summaries  # loads pandas: only when the command runs

        rows = list_summaries(opened)
    if not rows and fmt is OutputFormat.table:
        console.print("No lists yet — add one with `reckon lists add FILE --name NAME`.")
        return
    columns = ["name", "organisation", "list_date", "file", "row_count", "unidentified", "quarantined_count", "country"]
    render(rows, fmt, title="Victim lists", columns=columns)


@lists_app.command("problems")
def problems(
    ctx: typer.Context,
    list_name: str = typer.Option(None, "--list", "-l", help="Only this list (by its --name)."),
    case: Path = case_option(),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Show the quarantined rows: which list, which row of the file, why it could not be read, and its cells.

    Fix the rows in the file and add it under a new --name, or leave them out knowingly.
    """
    with open_case(_case(ctx, case), read_only=True) as opened:
        from reckon.lists.store import list_problems  # loads pandas: only when the command runs

        rows = list_problems(opened, list_name)
    if not rows and fmt is OutputFormat.table:
        console.print("No quarantined rows: every row of every list was read.")
        return
    render(rows, fmt, title="Quarantined rows", columns=["list_name", "row_number", "reason", "original"])


@lists_app.command("remove")
def remove(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The list to remove (its --name, as shown by `reckon lists`)."),
    force: bool = typer.Option(False, "--force", help="Remove it even if its records are already linked; run `reckon link` again afterwards."),
    case: Path = case_option(),
) -> None:
    """Remove a list with its records and quarantined rows, e.g. to add a corrected file under the same name.

    Reviewer decisions are kept: the corrected list gets the same record ids where its ids match.
    """
    with open_case(_case(ctx, case)) as opened:
        from reckon.lists.store import remove_list  # loads pandas: only when the command runs

        removed = remove_list(opened, name, force=force)
    console.print(f"Removed list [bold]{name}[/] ({removed} records).", highlight=False)


def _case(ctx: typer.Context, case: Path | None) -> Path | None:
    """The subcommand's --case, else the group's (`reckon lists --case DIR add ...`)."""
    return case if case is not None else (ctx.obj or {}).get("case")


def _print_import(result: ListImport) -> None:
    if result.already_present:
        console.print(
            f"Already added as list [bold]{result.name}[/] (same file, sha256 {result.sha256[:12]}…): nothing changed."
        )
        return
    render(
        [{"column": c, "field": f} for c, f in result.column_fields.items()],
        OutputFormat.table,
        title=f"Columns of {result.file} -> canonical fields",
    )
    if result.extra_columns:
        console.print("Kept as they are (extra): " + ", ".join(result.extra_columns), highlight=False)
    for note in result.notes:
        console.print(f"Note: {note}", highlight=False)
    console.print(
        f"Added list [bold]{result.name}[/]: {result.row_count} records"
        + (f" ({result.unidentified} without a name: unidentified victims)" if result.unidentified else "")
        + f", {result.quarantined_count} row(s) quarantined"
        + (" — see `reckon lists problems --list " + result.name + "`" if result.quarantined_count else "")
        + ".",
        highlight=False,
    )
    if result.places_given:
        console.print(
            f"Places: {result.places_resolved} of {result.places_given} records with a place resolved"
            + (f" in {result.country}" if result.country else "") + ".",
            highlight=False,
        )
