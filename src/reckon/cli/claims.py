"""`reckon claims`, `reckon articles add|list` and `reckon ledger`: from articles to a sourced ledger.

Each command is a thin wrapper: read or open, call one library function, render.
`claims` and `ledger` run statelessly on files given on the command line, or on the case.
The article readers (trafilatura, pypdf), the ledger and the extractor are imported
inside the commands, so `reckon --help` does not pay for them.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.progress import Progress
from rich.table import Table

from reckon.claims.model import Claim
from reckon.cli.common import (
    OutputFormat,
    case_option,
    console,
    err_console,
    open_case,
    reckon_errors,
    render,
)

if TYPE_CHECKING:
    from reckon.ledger import Ledger
    from reckon.articles.document import Document

DEFAULT_MAX_BYTES = 20_000_000  # as reckon.articles.read.DEFAULT_MAX_BYTES (checked in tests)
DEFAULT_MAX_CHARS = 1_000_000  # as reckon.articles.read.DEFAULT_MAX_CHARS (checked in tests)


class Vague(str, Enum):
    reckon = "reckon"
    acled = "acled"


class Category(str, Enum):
    killed = "killed"
    injured = "injured"
    arrested = "arrested"
    missing = "missing"
    executed = "executed"
    scope = "scope"


DATE_HELP = "Publication date (YYYY-MM-DD) for files that state none; a date the file gives wins."
VAGUE_HELP = (
    "How vague words become figures: `reckon` (\"dozens\" = at least 24, \"hundreds\" = 200) "
    "or `acled` (\"dozens\" = 12, \"hundreds\" = 100)."
)
ENCODING_HELP = (
    "Text encoding of .txt files, e.g. cp1256 (Persian/Arabic Windows) or cp1252. "
    "Default: UTF-8, else a clearly detected legacy encoding, with a note."
)
MAX_BYTES_HELP = "Refuse files larger than this many bytes (one article is rarely over 1 MB)."
MAX_CHARS_HELP = (
    "Refuse articles whose text is longer than this many characters: finding claims takes about half a "
    "minute per million, holding the case."
)
PROCESSES_HELP = ("Worker processes that read and extract the files (default: one per core once there are 32 files or more per core, else one).")
TABLE_COLUMNS = ("file", "figure", "category", "claimant_key", "via", "claim_date", "place", "subgroup", "quote")

articles_app = typer.Typer(
    help="Store articles and their claims in the case, and list what is stored.",
    no_args_is_help=True,
    rich_markup_mode="markdown",
)


def register(app: typer.Typer) -> None:
    """Add `claims`, `articles add|list` and `ledger` to the app."""
    app.command("claims")(claims)
    app.command("ledger")(ledger)
    articles_app.command("add")(articles_add)
    articles_app.command("list")(articles_list)
    app.add_typer(articles_app, name="articles")


# -- reckon claims ---------------------------------------------------------------
def claims(
    files: list[Path] = typer.Argument(None, help="Article files (.txt, .html, .pdf). Without files: the case's claims.", show_default=False),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, jsonl (one claim a line) or csv."),
    date: str = typer.Option(None, "--date", help=DATE_HELP, show_default=False),
    vague: Vague = typer.Option(Vague.reckon, "--vague", help=VAGUE_HELP),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP, show_default=False),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help=MAX_BYTES_HELP),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", help=MAX_CHARS_HELP),
    processes: int = typer.Option(None, "--processes", "-p", min=1, help=PROCESSES_HELP, show_default=False),
    case: Path = case_option(),
) -> None:
    """Show every casualty figure claimed in articles: figure, category, qualifier, claimant, quote.

    With FILES it reads and extracts them without touching any case (a quick look);
    without FILES it shows the claims stored in the case by `reckon articles add`.
    A file that cannot be read gets one red line; the others are still shown, and
    the exit code is 1.

    Examples:

        reckon claims report.txt gazette.html --format jsonl

        reckon claims notes.txt --date 2031-03-04 --vague acled

        reckon claims --case my-case --format csv > claims.csv
    """
    if files:
        found, _, failed = _from_files(files, date, vague.value, encoding, (max_bytes, max_chars), processes)
    else:
        with open_case(case, read_only=True) as opened:
            from reckon.claims.store import load_claims

            found, failed = load_claims(opened), False
    _render_claims(found, fmt)
    if failed:
        raise typer.Exit(1)


def _render_claims(found: list[Claim], fmt: OutputFormat) -> None:
    from reckon.ledger import figure_label

    if fmt is OutputFormat.table:
        rows = [{**c.to_dict(), "figure": figure_label(c), "quote": _short(c.quote)} for c in found]
        render(rows, fmt, title=f"{len(found)} claims", columns=TABLE_COLUMNS)
    else:
        rows = [c.to_dict() for c in found]
        render(rows, fmt, columns=list(Claim.__dataclass_fields__))


def _from_files(
    files: list[Path], date: str | None, vague: str, encoding: str | None, limits: tuple[int, int], processes: int | None
) -> tuple[list[Claim], list[Document], bool]:
    """Claims and documents of the files that could be read; one line per note or failure.

    ``limits``: the largest file in bytes and the longest text in characters."""
    from reckon.claims.ingest import FAILED, claims_from_files

    max_bytes, max_chars = limits
    with reckon_errors():
        found = claims_from_files(
            files, date=date, vague=vague, encoding=encoding, max_bytes=max_bytes, max_chars=max_chars, processes=processes
        )
    _print_outcomes(found.outcomes, FAILED)
    return found.claims, found.documents, not found.ok


def _print_outcomes(outcomes: list[Any], failed: str) -> None:
    for outcome in outcomes:
        for note in outcome.notes:
            err_console.print(f"[yellow]Note:[/] {note}", highlight=False, soft_wrap=True)
        if outcome.status == failed:
            err_console.print(f"[bold red]Error:[/] {outcome.error}", highlight=False, soft_wrap=True)


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# -- reckon articles add / list ---------------------------------------------------
def articles_add(
    files: list[Path] = typer.Argument(..., help="Article files to store (.txt, .html, .pdf).", show_default=False),
    date: str = typer.Option(None, "--date", help=DATE_HELP, show_default=False),
    vague: Vague = typer.Option(Vague.reckon, "--vague", help=VAGUE_HELP),
    encoding: str = typer.Option(None, "--encoding", help=ENCODING_HELP, show_default=False),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, "--max-bytes", help=MAX_BYTES_HELP),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", help=MAX_CHARS_HELP),
    case: Path = case_option(),
) -> None:
    """Store articles and the claims found in them in the case, one transaction per file.

    The same file (same bytes) added twice is stored once. A file that cannot be read
    gets one red line and nothing of it is stored; the other files still go in. Exit
    code 1 when any file failed, 0 otherwise.

    Examples:

        reckon articles add articles/*.txt articles/*.html --case my-case

        reckon articles add old-export.txt --encoding cp1256 --date 2031-03-04
    """
    from reckon.claims.ingest import FAILED, add_articles

    with open_case(case) as opened, _ProgressBar(len(files)) as advance:
        report = add_articles(
            opened, files, date=date, vague=vague.value, encoding=encoding, max_bytes=max_bytes, max_chars=max_chars,
            on_file=advance,
        )
    _print_outcomes(report.outcomes, FAILED)
    console.print(report.summary(), highlight=False)
    if not report.ok:
        raise typer.Exit(1)


class _ProgressBar:
    """A Rich progress bar on stderr (hidden when stderr is not a terminal); yields `advance`."""

    def __init__(self, total: int) -> None:
        self.bar = Progress(console=err_console, transient=True, disable=not err_console.is_terminal)
        self.task = self.bar.add_task("Adding articles", total=total)

    def __enter__(self) -> Any:
        self.bar.start()
        return lambda _outcome: self.bar.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()


def articles_list(
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table, json, jsonl or csv."),
    case: Path = case_option(),
) -> None:
    """List the case's documents: file, kind, publication date, publisher, title and claim count.

    Example: `reckon articles list --format csv > documents.csv`
    """
    from reckon.claims.ingest import list_articles

    with open_case(case, read_only=True) as opened:
        rows = list_articles(opened)
    if fmt is OutputFormat.table:
        rows = [{**row, "sha256": str(row["sha256"])[:12]} for row in rows]
        render(rows, fmt, title=f"{len(rows)} documents", columns=("file", "kind", "published", "publisher", "title", "claims", "sha256"))
    else:
        render(rows, fmt)


# -- reckon ledger -----------------------------------------------------------------
def ledger(
    files: list[Path] = typer.Argument(None, help="Article files to read statelessly. Without files: the case.", show_default=False),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="table; json (groups, claimants, flags); csv or jsonl (one row per claim)."),
    category: Category = typer.Option(None, "--category", help="Only this category (killed, injured, arrested, missing, executed, scope).", show_default=False),
    date: str = typer.Option(None, "--date", help=DATE_HELP, show_default=False),
    vague: Vague = typer.Option(Vague.reckon, "--vague", help=VAGUE_HELP),
    processes: int = typer.Option(None, "--processes", "-p", min=1, help=PROCESSES_HELP, show_default=False),
    case: Path = case_option(),
) -> None:
    """Show how figures travel: per category and figure, who claimed it first and when, who
    repeated it and through whom, who disputes it, and flags where a figure is credited to
    someone who passed it on from someone else.

    Examples:

        reckon ledger --category killed

        reckon ledger articles/*.txt --format json > ledger.json
    """
    from reckon.ledger import build_ledger

    wanted = category.value if category else None
    claimants = None  # on files: own voices and spellings resolved; a case adds its alias table
    if files:
        found, documents, failed = _from_files(files, date, vague.value, None, (DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS), processes)
    else:
        from reckon.articles.store import load_documents
        from reckon.claims.aliases import load_claimants, reviewed_claims

        with open_case(case, read_only=True) as opened:
            found, documents, failed = reviewed_claims(opened), load_documents(opened), False
            claimants = load_claimants(opened, found, documents)
    result = build_ledger(found, documents, category=wanted, claimants=claimants)
    _render_ledger(result, fmt)
    if failed:
        raise typer.Exit(1)


def _render_ledger(result: Ledger, fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        _print_json(result.to_dict())
    elif fmt in (OutputFormat.csv, OutputFormat.jsonl):
        render(result.to_rows(), fmt)
    else:
        _print_ledger_tables(result)


def _print_json(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _print_ledger_tables(result: Ledger) -> None:
    if not result.groups:
        console.print("No claims to show. Add articles with `reckon articles add FILES...`, or pass files.")
        return
    for group in result.groups:
        unit = f" {group.unit}" if group.unit else ""
        subgroup = f" ({group.subgroup})" if group.subgroup else ""
        claimants = len({e.claimant_key for e in group.entries})
        table = Table(
            title=f"{group.category}{unit}{subgroup}: {group.figure} — "
            f"{_count(len(group.entries), 'claim')}, {_count(claimants, 'claimant')}",
            title_justify="left",
        )
        for column in ("date", "role", "claimant", "via", "figure", "document", "quote"):
            table.add_column(column, overflow="fold")
        for e in group.entries:
            table.add_row(e.date or "?", e.role, e.claimant_label, e.via or "", e.figure, e.file, _short(e.quote, 60))
        console.print(table)
        if group.disputed_by:
            console.print(f"  disputed by: {', '.join(group.disputed_by)}", highlight=False)
        for flag in group.reattributions:
            console.print(f"  [yellow]re-attribution:[/] {flag.message}", highlight=False)
    _print_claimant_spread(result)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _print_claimant_spread(result: Ledger) -> None:
    table = Table(title="Figures per claimant over time", title_justify="left")
    for column in ("claimant", "category", "figures (date: figure)"):
        table.add_column(column, overflow="fold")
    for series in result.claimants:
        points = " → ".join(f"{d or '?'}: {figure}" for d, figure, _ in series.points)
        table.add_row(series.claimant_label, series.category, points)
    console.print(table)
