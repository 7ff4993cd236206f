"""The `reckon` command line. Each command group lives in its own module with a
``register(app)`` function; this file only assembles them."""

from __future__ import annotations

import os

import typer

from reckon import __version__
from reckon.cli import case, claimants, claims, demo, estimate, export, link, lists, report, serve, simulate
from reckon.cli.common import RAW_CSV_HELP, set_raw_csv

app = typer.Typer(
    name="reckon",
    help=(
        "From conflicting casualty reports to an honest count.\n\n"
        "Typical flow: `reckon init CASE`, `reckon articles add ARTICLES...`, `reckon ledger`, "
        "`reckon lists add LIST.csv --name NAME`, `reckon link`, `reckon estimate`, "
        "`reckon report -o report.html`. Try `reckon demo` first."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
)

for module in (case, claims, claimants, lists, link, estimate, simulate, report, export, demo, serve):
    module.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reckon {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    raw_csv: bool = typer.Option(False, "--raw-csv", help=RAW_CSV_HELP),
) -> None:
    """From conflicting casualty reports to an honest count."""
    set_raw_csv(raw_csv)


def main() -> None:
    # Everything reckon writes (the case, its WAL, reports, exports) is private by default.
    os.umask(0o077)
    app()


if __name__ == "__main__":
    main()
