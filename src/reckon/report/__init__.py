"""The offline HTML report: one self-contained file a person can open, e-mail or carry.

    from reckon.report import write_report
    write_report(case, "report.html", public=True)
"""

from __future__ import annotations

from pathlib import Path

from reckon.case import Case
from reckon.report.data import ReportData
from reckon.report.gather import gather_report_data
from reckon.report.render import render_report, write_html

__all__ = ["ReportData", "gather_report_data", "render_report", "write_report"]


def write_report(
    case: Case,
    output: str | Path,
    *,
    force: bool = False,
    public: bool = False,
    min_cell: int = 5,
    area: str | None = None,
    script: str = "latin",
) -> Path:
    """Gather the case's aggregates and write the report; refuses to overwrite unless ``force``.

    ``area``: the place that stands for the whole event (see ``reckon.report.scope``);
    ``script``: province names in "latin" or "native" script.
    """
    html = render_report(gather_report_data(case, area=area, script=script), public=public, min_cell=min_cell)
    path = write_html(html, output, force=force)
    with case.transaction():
        case.audit(
            "report.write", file=Path(output).name, public=public, min_cell=min_cell, area=area, script=script,
            bytes=len(html.encode()),
        )
    return path
