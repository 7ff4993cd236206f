"""`reckon report`: the self-contained offline HTML report."""

from __future__ import annotations

from pathlib import Path

import typer

from reckon.cli.common import case_option, console, open_case, reckon_errors
from reckon.storage.files import safe_output_path


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def report(
    output: Path = typer.Option(Path("report.html"), "--output", "-o", help="Where to write the HTML file."),
    public: bool = typer.Option(
        False, "--public", help="Public variant: aggregates only, small cells (below --min-cell) suppressed."
    ),
    min_cell: int = typer.Option(5, "--min-cell", min=1, help="Smallest count shown in the public variant."),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT if it exists."),
    area: str = typer.Option(
        None, "--area", show_default=False,
        help="The place that stands for the whole event (default: the place the claims name that most documents "
        "mention); claims tied to another place are kept out of the headline range.",
    ),
    script: str = typer.Option(
        "latin", "--script",
        help="Name provinces in `latin` script or in the country's own (`native`: Persian for Iran). Each province is shown once either way.",
    ),
    case: Path = case_option(),
) -> None:
    """Write ONE self-contained HTML report: open it offline, e-mail it, carry it on a USB stick.

    It has no external URL of any kind: charts are inline SVG and the data is embedded.
    Sections: the headline; the claims ledger; documented victims; list overlap and estimates;
    methods and caveats; provenance (every input's SHA-256, settings and seeds).

    Example: `reckon report -o iran-2019.html --public`
    """
    from reckon.report import write_report  # gathering loads every stage's store

    with open_case(case) as opened:
        with reckon_errors():
            output = safe_output_path(opened, output, force=force)  # never over the case's own files
            path = write_report(opened, output, force=force, public=public, min_cell=min_cell, area=area, script=script)
    size = path.stat().st_size
    console.print(f"Report written to [bold]{path}[/] ({size / 1024:,.0f} KB){' — public variant' if public else ''}.")
