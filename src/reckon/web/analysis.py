"""Lists (import notes, quarantined rows), estimates (warnings, the linkage-sensitivity chart),
the background re-run with its progress, and the reports it writes."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from reckon.estimate.store import load_estimates
from reckon.lists.store import list_details, list_problems, list_summaries, records_with_import_notes
from reckon.report.charts import RangeRow, range_chart
from reckon.team.settings import team_settings
from reckon.web.auth import Actor, Denied, current_actor, done, handle_post, server_of
from reckon.web.jobs import REPORTS_FOLDER
from reckon.web.render import respond

router = APIRouter()
REPORT_NAME = re.compile(r"^report-\d{8}T\d{6}\.html$")


@router.get("/lists")
@router.get("/lists.json")
def lists_page(request: Request) -> Response:
    actor = current_actor(request)
    with server_of(request).case(actor.user.name) as case:
        lists = list_summaries(case)
    return respond(request, "lists.html", {"lists": lists})


@router.get("/list")
@router.get("/list.json")
def list_page(request: Request, name: str = "") -> Response:
    actor = current_actor(request)
    with server_of(request).case(actor.user.name) as case:
        details = list_details(case, name)
        quarantined = list_problems(case, name)
        noted = records_with_import_notes(case, name)
    return respond(request, "list.html", {"list": details, "quarantined": quarantined, "records_with_notes": noted})


@router.get("/estimates")
@router.get("/estimates.json")
def estimates_page(request: Request) -> Response:
    actor = current_actor(request)
    server = server_of(request)
    with server.case(actor.user.name) as case:
        estimates = load_estimates(case)
        settings = team_settings(case)
    job = server.jobs.job
    return respond(request, "estimates.html", {
        "estimates": estimates, "settings": settings, "job": job.to_dict() if job else None,
        "_sensitivity": _sensitivity_chart(estimates),
    })


@router.get("/jobs/current.json")
def job_status(request: Request) -> Response:
    current_actor(request)
    job = server_of(request).jobs.job
    return respond(request, "", {"job": job.to_dict() if job else None})


@router.post("/jobs/rerun")
async def rerun(request: Request) -> Response:
    def work(actor: Actor, form: dict[str, str]) -> Response:
        server = server_of(request)
        with server.case(actor.user.name) as case:
            settings = team_settings(case)
            case.audit_outside_transaction("web.rerun", threshold=settings["link_threshold"], method=settings["estimate_method"])
        job = server.jobs.start(actor.user.name, settings)
        return done(request, "/estimates#job", {"job": job.id})

    return await handle_post(request, "review", work)


@router.get("/reports/{name}")
def report_file(request: Request, name: str) -> Response:
    """A report a re-run wrote. Only names the re-run gives are served, from reports/ only."""
    current_actor(request)
    if not REPORT_NAME.fullmatch(name):  # checked first: nothing else reaches the file system
        raise Denied(404, "no such report")
    folder = (server_of(request).folder / REPORTS_FOLDER).resolve()
    path = (folder / name).resolve()
    if path.parent != folder or not path.is_file():
        raise Denied(404, "no such report")
    response = FileResponse(path, media_type="text/html; charset=utf-8")
    # The report is self-contained (inline styles and charts, no script runs): let it style itself, nothing more.
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
    return response


def _sensitivity_chart(estimates: list[dict[str, Any]]) -> str | None:
    """The estimate at each linkage threshold (from the latest sensitivity run), as an SVG."""
    runs = [e for e in estimates if (e.get("parameters") or {}).get("linkage_threshold") is not None]
    if not runs:
        return None
    latest: dict[tuple[str, float], dict[str, Any]] = {}
    for row in runs:  # oldest first: later runs replace earlier ones
        latest[(row["method"], float(row["parameters"]["linkage_threshold"]))] = row
    rows = [
        RangeRow(f"{method}, threshold {threshold:g}", row.get("lower"), row.get("upper"), "estimate", row["estimate"])
        for (method, threshold), row in sorted(latest.items())
    ]
    described = "; ".join(f"{r.label}: {r.point:,.0f}" for r in rows)
    return range_chart(rows, "Estimate by linkage threshold",
                       "How the estimate moves when records are joined at a stricter or looser match probability: " + described)
