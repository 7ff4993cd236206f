"""The claims ledger: filtered claims with their quotes in context, and reviewers' corrections
kept beside the extracted values (reckon.claims.corrections); a CSV export of both."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reckon.claims.corrections import correct_claim
from reckon.claims.model import CATEGORIES
from reckon.claims.review import ClaimFilters, claim_categories_and_claimants, export_rows, reviewed_claims
from reckon.errors import InputError
from reckon.web.auth import Actor, current_actor, done, handle_post, server_of
from reckon.web.render import respond

router = APIRouter()
PAGE_SIZE = 100


def _filters(category: str, claimant: str, place: str, date_from: str, date_to: str) -> ClaimFilters:
    return ClaimFilters(category or None, claimant or None, place or None, date_from or None, date_to or None)


@router.get("/claims")
@router.get("/claims.json")
def claims_page(
    request: Request, category: str = "", claimant: str = "", place: str = "", date_from: str = "", date_to: str = "",
    page: int = 1,
) -> Response:
    actor = current_actor(request)
    filters = _filters(category, claimant, place, date_from, date_to)
    with server_of(request).case(actor.user.name) as case:
        rows = reviewed_claims(case, filters)
        categories, claimants = claim_categories_and_claimants(case)
    page = max(page, 1)
    shown = rows[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
    query = {k: v for k, v in vars(filters).items() if v}
    return respond(request, "claims.html", {
        "filters": vars(filters), "total": len(rows), "page": page, "pages": max(1, -(-len(rows) // PAGE_SIZE)),
        "claims": export_rows(shown), "categories": list(CATEGORIES), "present_categories": categories,
        "claimants": claimants, "_rows": shown, "_query": urlencode(query),
    })


@router.get("/claims.csv")
def claims_csv(
    request: Request, category: str = "", claimant: str = "", place: str = "", date_from: str = "", date_to: str = "",
) -> Response:
    actor = current_actor(request)
    with server_of(request).case(actor.user.name) as case:
        rows = export_rows(reviewed_claims(case, _filters(category, claimant, place, date_from, date_to)))
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return Response(
        buffer.getvalue(), media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="claims.csv"'},
    )


def _csv_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula (=, +, -, @) is prefixed with a quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@router.post("/claims/correct")
async def correct(request: Request) -> Response:
    def work(actor: Actor, form: dict[str, str]) -> Response:
        claim_id = form.get("claim_id", "")
        low, high = _number(form.get("figure_low")), _number(form.get("figure_high"))
        if high is None:  # one number given: that exact figure
            high = low
        with server_of(request).case(actor.user.name) as case:
            correct_claim(
                case, claim_id, reviewer=actor.user.name,
                claimant=form.get("claimant") or None,
                figure=(low, high) if low is not None or high is not None else None,
                category=form.get("category") or None,
                note=form.get("note") or None,
            )
        back = form.get("back", "")
        return done(request, "/claims" + (f"?{back}" if back and not back.startswith(("/", "\\")) else "") + f"#claim-{claim_id.replace('#', '-')}",
                    {"claim_id": claim_id})

    return await handle_post(request, "review", work)


def _number(text: str | None) -> int | None:
    if text is None or not text.strip():
        return None
    cleaned = text.strip().replace(",", "").replace("\u066c", "")
    try:
        return int(cleaned)
    except ValueError:
        raise InputError(f"figure {text[:20]!r} is not a whole number", fix="write it like 300") from None
