"""A person: every record of one person across lists and scripts, with split and merge.

Split and merge are reviewer decisions (reckon.linkage.edits); the person changes on the
next re-run of linkage.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reckon.linkage.edits import merge_records, person_view, split_record
from reckon.linkage.pair_view import VIEW_FIELDS
from reckon.linkage.store import latest_run, person_of_record, persons_of_records
from reckon.lists.store import find_records
from reckon.web.auth import Actor, current_actor, done, handle_post, server_of
from reckon.web.render import respond

router = APIRouter()


@router.get("/persons")
@router.get("/persons.json")
def search(request: Request, q: str = "") -> Response:
    actor = current_actor(request)
    with server_of(request).case(actor.user.name) as case:
        found = find_records(case, q, limit=100) if q.strip() else []
        persons = persons_of_records(case, [r["record_id"] for r in found]) if found and latest_run(case) else {}
    for row in found:
        row["person_id"] = persons.get(row["record_id"])
    return respond(request, "persons.html", {"q": q, "records": found})


@router.get("/person")
@router.get("/person.json")
def person_page(request: Request, id: str = "", record: str = "") -> Response:
    actor = current_actor(request)
    with server_of(request).case(actor.user.name) as case:
        person_id = id or (person_of_record(case, record) if record else None) or id
        view = person_view(case, person_id)
    return respond(request, "person.html", {**view, "fields": [f for f in VIEW_FIELDS if f != "list_name"]})


@router.post("/person/split")
async def split(request: Request) -> Response:
    def work(actor: Actor, form: dict[str, str]) -> Response:
        record_id = form.get("record_id", "")
        with server_of(request).case(actor.user.name) as case:
            person = person_of_record(case, record_id)
            count = split_record(case, record_id, reviewer=actor.user.name, note=form.get("note") or None)
        return done(request, "/person?" + urlencode({"id": person or ""}), {"decisions": count})

    return await handle_post(request, "review", work)


@router.post("/person/merge")
async def merge(request: Request) -> Response:
    def work(actor: Actor, form: dict[str, str]) -> Response:
        record_id, other = form.get("record_id", ""), form.get("other", "").strip()
        with server_of(request).case(actor.user.name) as case:
            person = person_of_record(case, record_id)
            merge_records(case, record_id, other, reviewer=actor.user.name, note=form.get("note") or None)
        return done(request, "/person?" + urlencode({"id": person or ""}), {"merged": [record_id, other]})

    return await handle_post(request, "review", work)
