"""`reckon claimants`: who claims figures in the case, and merge, rename or split them.

Thin: open the case, call reckon.claims.aliases / claimant_suggestions, render.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.markup import escape
from rich.table import Table

from reckon.cli.common import OutputFormat, case_option, console, open_case, render

claimants_app = typer.Typer(rich_markup_mode="markdown", invoke_without_command=True)  # help: the callback's docstring

DOCUMENT_HELP = "Only in this document (its file name or SHA-256): for a description that means different bodies in different texts."
ROW_COLUMNS = ("claimant", "claims", "documents", "names", "merged_from")


def register(app: typer.Typer) -> None:
    app.add_typer(claimants_app, name="claimants")


@claimants_app.callback()
def claimants(
    ctx: typer.Context,
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table; json (claimants and suggestions); csv or jsonl (one claimant a row)."),
    case: Path = case_option(),
) -> None:
    """The claimants of the case, with suggested merges; merge, rename or split them.

    Without a command: each claimant's key, claims, documents, the names the texts write,
    the names merged into it, and the merges the case's own claims suggest.

    A claimant is resolved from each claim's extracted key: a document's own voice is its
    outlet ("Harbour Daily's own count", or the file's when the publisher is unknown); names
    that differ only in case or punctuation are one; the case's aliases merge the rest.
    The stored claims are never changed.

    Examples:

        reckon claimants

        reckon claimants merge "opposition coalition" "the opposition" --into "Democratic Tomorrow Coalition"

        reckon claimants merge --suggested
    """
    if ctx.invoked_subcommand is not None:
        return
    from reckon.claims.aliases import claimant_rows, load_claimants, reviewed_claims
    from reckon.claims.claimant_suggestions import suggest_merges

    with open_case(case) as opened:
        claims = reviewed_claims(opened)
        resolver = load_claimants(opened, claims)
        rows = claimant_rows(claims, resolver)
        suggestions = suggest_merges(claims, resolver)
    if fmt is OutputFormat.json:
        data = {"claimants": [_row_dict(r) for r in rows], "suggestions": [s.to_dict() for s in suggestions]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt is not OutputFormat.table:
        render([_row_dict(r) for r in rows], fmt, columns=ROW_COLUMNS)
    else:
        _print_tables(rows, suggestions)


def _row_dict(row: object) -> dict[str, object]:
    from dataclasses import asdict

    return asdict(row)  # type: ignore[call-overload]


def _print_tables(rows: list, suggestions: list) -> None:
    if not rows:
        console.print("No claims in this case yet. Add articles with `reckon articles add FILES...`.")
        return
    table = Table(title=f"{len(rows)} claimants", title_justify="left")
    for column in ("claimant", "claims", "documents", "names written", "merged from"):
        table.add_column(column, overflow="fold")
    for row in rows:
        names = "; ".join(row.names[:4]) + (f" (+{len(row.names) - 4})" if len(row.names) > 4 else "")
        table.add_row(escape(row.claimant), str(row.claims), str(row.documents), escape(names), escape(", ".join(row.merged_from)))
    console.print(table)
    if not suggestions:
        console.print("No merges to suggest.")
        return
    console.print(f"\n[bold]Suggested merges[/] ({len(suggestions)}): run the command to accept one, or `reckon claimants merge --suggested` for all.")
    for suggestion in suggestions:
        console.print(f"  {escape(suggestion.name)} → {escape(suggestion.into)}: {escape('; '.join(suggestion.reasons))}", highlight=False)
        console.print(f"    [dim]{escape(suggestion.command)}[/]", highlight=False)


@claimants_app.command("merge")
def merge(
    names: list[str] = typer.Argument(None, help="Claimants (or names) to merge.", show_default=False),
    into: str = typer.Option(None, "--into", help="The claimant they are: one of them, another claimant, or a new name.", show_default=False),
    suggested: bool = typer.Option(False, "--suggested", help="Accept every merge `reckon claimants` suggests now."),
    document: str = typer.Option(None, "--document", help=DOCUMENT_HELP, show_default=False),
    case: Path = case_option(),
) -> None:
    """Make several claimants one: `reckon claimants merge A B --into A`.

    Every claim of A and B then counts for the one claimant in the ledger and the report;
    names already merged into A or B follow. Undo with `reckon claimants split`.
    """
    from reckon.errors import InputError

    with open_case(case) as opened:
        if suggested:
            if names or into:
                raise InputError("--suggested takes no names and no --into.", fix="run it on its own.")
            from reckon.claims.claimant_suggestions import merge_suggested

            for suggestion in merge_suggested(opened):
                console.print(f"Merged {escape(suggestion.name)} into {escape(suggestion.into)}.", highlight=False)
            return
        if not names or not into:
            raise InputError("Give the names to merge and --into.", fix='e.g. reckon claimants merge "UN" "United Nations" --into "United Nations"')
        from reckon.claims.aliases import merge_claimants

        moved = merge_claimants(opened, names, into=into, document=document)
    where = f" in {document}" if document else ""
    console.print(f"Merged {escape(', '.join(moved)) or 'nothing'} into {escape(into)}{escape(where)}.", highlight=False)


@claimants_app.command("rename")
def rename(
    name: str = typer.Argument(..., help="The claimant to rename."),
    to: str = typer.Option(..., "--to", help="Its new name (not another claimant's: merge those instead)."),
    case: Path = case_option(),
) -> None:
    """Give a claimant the name readers should see: `reckon claimants rename DTC --to "Democratic Tomorrow Coalition"`."""
    from reckon.claims.aliases import rename_claimant

    with open_case(case) as opened:
        rename_claimant(opened, name, to=to)
    console.print(f"Renamed {escape(name)} to {escape(to)}.", highlight=False)


@claimants_app.command("split")
def split(
    claimant: str = typer.Argument(..., help="The claimant names were merged into."),
    names: list[str] = typer.Option(None, "--name", help="A merged name to split off (repeat it); default: all of them.", show_default=False),
    document: str = typer.Option(None, "--document", help="Split only this document's claims (file name or SHA-256).", show_default=False),
    case: Path = case_option(),
) -> None:
    """Undo merges: the names merged into CLAIMANT stand alone again.

    Example: `reckon claimants split "Democratic Tomorrow Coalition" --name opposition --document 010_tribune.txt`
    """
    from reckon.claims.aliases import split_claimant

    with open_case(case) as opened:
        freed = split_claimant(opened, claimant, names=names or (), document=document)
    where = f" in {document}" if document else ""
    console.print(f"Split {escape(', '.join(freed))} from {escape(claimant)}{escape(where)}.", highlight=False)
