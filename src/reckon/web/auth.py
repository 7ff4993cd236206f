"""Who is asking, and may they: session cookies, CSRF tokens, roles, and the login page.

- The session cookie is HttpOnly and SameSite=Strict (and Secure when served over https);
  it holds a random token whose SHA-256 the users store keeps (reckon.team.users).
- Every form carries the session's CSRF token (or the X-CSRF-Token header); a POST without
  the right one is refused with 403, as is a POST whose Origin is another site.
- Logging in is limited per client address and per user name (reckon.web.state.LoginLimiter).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from reckon.team.users import SESSION_LIFETIME, Session, User, authenticate, end_session, record_failed_login, session_user, start_session
from reckon.web.render import plain, respond, wants_json

SESSION_COOKIE = "reckon_session"
LOGIN_COOKIE = "reckon_login"  # a pre-session token: the login form's CSRF check
MAX_FORM_BYTES = 64 * 1024

router = APIRouter()


@dataclass(frozen=True)
class Actor:
    user: User
    session: Session


class NeedLogin(Exception):
    """No valid session: HTML pages redirect to the login page, JSON answers 401."""


class Denied(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def server_of(request: Request):  # -> reckon.web.state.Server
    return request.app.state.server


def current_actor(request: Request, permission: str = "read") -> Actor:
    """The logged-in user, or NeedLogin; Denied (403) when their role lacks ``permission``."""
    token = request.cookies.get(SESSION_COOKIE)
    with server_of(request).case("web") as case:
        found = session_user(case, token)
    if found is None:
        raise NeedLogin()
    actor = Actor(*found)
    request.state.actor = actor
    if not actor.user.may(permission):
        raise Denied(403, f"your role ({actor.user.role}) may not do this — ask an admin.")
    return actor


async def read_form(request: Request) -> dict[str, str]:
    """A url-encoded form body (at most 64 KB), as a dict (the last value of a repeated field)."""
    body = await request.body()
    if not body:
        return {}
    if not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        raise Denied(415, "send the form as application/x-www-form-urlencoded")
    if len(body) > MAX_FORM_BYTES:
        raise Denied(413, "the form is too large")
    try:
        return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=200))
    except (UnicodeDecodeError, ValueError):
        raise Denied(400, "the form could not be read") from None


def acting(request: Request, form: dict[str, str], permission: str) -> Actor:
    """For a POST: the user, their CSRF token checked, then their role."""
    _check_origin(request)
    actor = current_actor(request, "read")
    sent = form.get("csrf") or request.headers.get("x-csrf-token") or ""
    if not hmac.compare_digest(sent.encode(), actor.session.csrf_token.encode()):
        raise Denied(403, "the form's security token is missing or wrong — reload the page and try again.")
    if not actor.user.may(permission):
        raise Denied(403, f"your role ({actor.user.role}) may not do this — ask an admin.")
    return actor


def _check_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise Denied(403, "this form was sent from another site.")


def done(request: Request, to: str, data: dict | None = None) -> Response:
    """After a POST: JSON for JSON clients, else a redirect (303) to the next page."""
    if wants_json(request):
        return JSONResponse(plain({"ok": True, **(data or {})}))
    return RedirectResponse(to, status_code=303)


def safe_next(target: str | None) -> str:
    """A local path to go to after logging in; anything else (another site) goes home."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


# -- the login page ----------------------------------------------------------------------------


@router.get("/login")
@router.get("/login.json")
def login_page(request: Request, next: str = "/") -> Response:
    token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(24)
    response = respond(request, "login.html", {"login_token": token, "next": safe_next(next), "message": ""})
    _set_cookie(request, response, LOGIN_COOKIE, token, max_age=3600)
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    form = await read_form(request)
    _check_origin(request)
    sent, expected = form.get("login_token", ""), request.cookies.get(LOGIN_COOKIE, "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise Denied(403, "the login form's security token is missing or wrong — reload the login page.")
    return await run_in_threadpool(_login, request, form)


def _login(request: Request, form: dict[str, str]) -> Response:
    server = server_of(request)
    name, password = form.get("name", "").strip(), form.get("password", "")
    client = request.client.host if request.client else "unknown"
    keys = server.logins.keys(name, client)
    wait = server.logins.wait_seconds(keys)
    if wait:
        raise Denied(429, f"too many failed logins — try again in {wait} seconds.")
    with server.case(name or "anonymous") as case:
        user = authenticate(case, name, password)
        if user is None:
            server.logins.failed(keys)
            record_failed_login(case, name, client)
            raise Denied(401, "wrong name or password.")
        session = start_session(case, user)
    response = done(request, safe_next(form.get("next")), {"user": user.name, "role": user.role, "csrf": session.csrf_token})
    _set_cookie(request, response, SESSION_COOKIE, session.token, max_age=int(SESSION_LIFETIME.total_seconds()))
    response.delete_cookie(LOGIN_COOKIE, path="/")
    return response


async def handle_post(request: Request, permission: str, work: Callable[[Actor, dict[str, str]], Response]) -> Response:
    """Read the form, then (in a worker thread: the database is not async) check the user,
    the CSRF token and the role, and do the work."""
    form = await read_form(request)

    def run() -> Response:
        return work(acting(request, form, permission), form)

    return await run_in_threadpool(run)


@router.post("/logout")
async def logout(request: Request) -> Response:
    def work(actor: Actor, form: dict[str, str]) -> Response:
        with server_of(request).case(actor.user.name) as case:
            end_session(case, actor.session.token, actor.user.name)
        response = done(request, "/login")
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    return await handle_post(request, "read", work)


@router.get("/me.json")
def me(request: Request) -> Response:
    actor = current_actor(request)
    return respond(request, "", {"user": actor.user.name, "role": actor.user.role, "csrf": actor.session.csrf_token})


def login_redirect(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)


def _set_cookie(request: Request, response: Response, name: str, value: str, *, max_age: int) -> None:
    response.set_cookie(
        name, value, max_age=max_age, path="/", httponly=True, samesite="strict",
        secure=request.url.scheme == "https",
    )
