"""The start page, and the admin's page: users and the team's settings."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from reckon.claims.store import claim_counts
from reckon.linkage.store import latest_run, person_count
from reckon.lists.store import record_counts
from reckon.team.settings import SETTINGS, change_setting, team_settings
from reckon.team.users import ROLES, add_user, list_users, remove_user, set_password, set_role
from reckon.web.auth import Actor, current_actor, done, handle_post, server_of
from reckon.web.render import respond

router = APIRouter()


@router.get("/")
@router.get("/home.json")
def home(request: Request) -> Response:
    actor = current_actor(request)
    with server_of(request).case(actor.user.name) as case:
        counts = record_counts(case)
        data = {
            "case": case.folder.resolve().name,
            "records": counts["records"], "quarantined": counts["quarantined"],
            "persons": person_count(case), "claims": sum(claim_counts(case).values()),
            "run": latest_run(case),
        }
    return respond(request, "home.html", data)


@router.get("/admin")
@router.get("/admin.json")
def admin_page(request: Request) -> Response:
    actor = current_actor(request, "admin")
    with server_of(request).case(actor.user.name) as case:
        users = list_users(case)
        settings = team_settings(case)
    return respond(request, "admin.html", {
        "users": users, "roles": list(ROLES), "settings": settings,
        "_settings_help": {key: s for key, s in SETTINGS.items()},
    })


def _admin_action(request: Request, action) -> Response:  # noqa: ANN001 - action(case, actor, form)
    async def run() -> Response:
        def work(actor: Actor, form: dict[str, str]) -> Response:
            with server_of(request).case(actor.user.name) as case:
                action(case, actor, form)
            return done(request, "/admin")

        return await handle_post(request, "admin", work)

    return run()


@router.post("/admin/users/add")
async def user_add(request: Request) -> Response:
    return await _admin_action(request, lambda case, actor, form: add_user(case, form.get("name", ""), form.get("role", ""), form.get("password", "")))


@router.post("/admin/users/remove")
async def user_remove(request: Request) -> Response:
    return await _admin_action(request, lambda case, actor, form: remove_user(case, form.get("name", "")))


@router.post("/admin/users/role")
async def user_role(request: Request) -> Response:
    return await _admin_action(request, lambda case, actor, form: set_role(case, form.get("name", ""), form.get("role", "")))


@router.post("/admin/users/password")
async def user_password(request: Request) -> Response:
    return await _admin_action(request, lambda case, actor, form: set_password(case, form.get("name", ""), form.get("password", "")))


@router.post("/admin/settings")
async def settings_change(request: Request) -> Response:
    return await _admin_action(request, lambda case, actor, form: change_setting(case, form.get("key", ""), form.get("value", "")))
