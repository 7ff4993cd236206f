"""The FastAPI application: the pages, security headers on every answer, one error shape."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from reckon.errors import CaseError, NotLinkedError, ReckonError
from reckon.web import admin, analysis, auth, claims, persons, review
from reckon.web.auth import Denied, NeedLogin, login_redirect
from reckon.web.jobs import JobRunning
from reckon.web.render import error_response, wants_json
from reckon.web.state import Server

log = logging.getLogger("reckon.web")

# Scripts and styles from this server only (no inline script, no CDN); no frames; forms post here only.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cache-Control": "no-store",  # pages hold victims' names: no copies in shared caches or history
}


def create_app(
    server: Server, *, allowed_hosts: list[str] | None = None, on_stop: Callable[[], None] | None = None
) -> FastAPI:
    """The app over a served case; ``on_stop`` runs when the server shuts down (uvicorn ends
    the process with the signal that stopped it right after, so later cleanup would not run)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            if on_stop is not None:
                on_stop()

    app = FastAPI(title="reckon", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.server = server
    for module in (auth, admin, review, persons, claims, analysis):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=str(resources.files("reckon.web") / "static")), name="static")
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_api_route("/favicon.ico", lambda: Response(status_code=204), include_in_schema=False)
    _add_headers(app)
    _add_error_handlers(app)
    return app


def _add_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def security_headers(request: Request, call_next) -> Response:  # noqa: ANN001
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.scheme == "https":
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NeedLogin)
    async def need_login(request: Request, exc: NeedLogin) -> Response:
        if wants_json(request) or request.method != "GET":
            return error_response(request, 401, "log in first.")
        return login_redirect(request)

    @app.exception_handler(Denied)
    async def denied(request: Request, exc: Denied) -> Response:
        headers = {"Retry-After": "60"} if exc.status == 429 else None
        return error_response(request, exc.status, exc.message, headers=headers)

    @app.exception_handler(ReckonError)
    async def refused(request: Request, exc: ReckonError) -> Response:
        status = 409 if isinstance(exc, (NotLinkedError, CaseError, JobRunning)) else 400
        return error_response(request, status, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        fields = ", ".join(str(e.get("loc", ["?"])[-1]) for e in exc.errors())
        return error_response(request, 400, f"these parameters could not be read: {fields}")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "something went wrong on the server; the error is in its log.")
