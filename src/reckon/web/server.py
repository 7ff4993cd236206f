"""Run the web UI over a case: hold the case, write the lock file the CLI reads, start uvicorn."""

from __future__ import annotations

import ipaddress
import json
import os
from collections.abc import Callable
from pathlib import Path

from reckon.case import SERVE_LOCK, find_case_folder
from reckon.storage.files import write_atomically
from reckon.errors import ReckonError


def serve(
    folder: str | Path | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    certfile: Path | None = None,
    keyfile: Path | None = None,
    allowed_hosts: list[str] | None = None,
    passphrase: str | None = None,
    say: Callable[[str], None] = print,
) -> None:
    """Serve the case until Ctrl-C (or SIGTERM). Needs at least one admin user; an encrypted
    case needs its ``passphrase`` (default: $RECKON_PASSPHRASE)."""
    import uvicorn

    from reckon.team.users import has_admin
    from reckon.web.app import create_app
    from reckon.web.state import Server

    if (certfile is None) != (keyfile is None):
        raise ReckonError("https needs both --certfile and --keyfile.")
    folder = find_case_folder(folder)
    scheme = "https" if certfile else "http"
    url = f"{scheme}://{_url_host(host)}:{port}"
    server = Server(folder, url, passphrase=passphrase)
    lock: Path | None = None

    def stop() -> None:  # once: from the app's shutdown, or below if uvicorn never started
        if lock is not None:
            lock.unlink(missing_ok=True)
        server.close()

    try:
        if not has_admin(server.root):
            raise ReckonError(
                f"no admin user in {folder} yet — add one with `reckon user add NAME --role admin --case {folder}`."
            )
        _prepare_review(server, say)
        lock = _write_lock(folder, url)
        app = create_app(server, allowed_hosts=_hosts(host, allowed_hosts), on_stop=stop)
    except BaseException:
        stop()
        raise
    say(f"Serving {folder.resolve().name} at {url} — Ctrl-C to stop.")
    if not _is_loopback(host):
        say("Warning: this address is reachable from other machines; serve over https (--certfile/--keyfile).")
    uvicorn.run(
        app, host=host, port=port, log_level="warning", server_header=False, timeout_keep_alive=30,
        ssl_certfile=str(certfile) if certfile else None, ssl_keyfile=str(keyfile) if keyfile else None,
    )


def _prepare_review(server, say: Callable[[str], None]) -> None:  # noqa: ANN001
    """Count the name frequencies the review page's explanations need, before anyone waits."""
    from reckon.linkage.explain import explain_pairs
    from reckon.linkage.store import latest_run

    with server.case("reckon serve") as case:
        if latest_run(case) is not None:
            say("Preparing the review queue's explanations…")
            explain_pairs(case, [])


def _write_lock(folder: Path, url: str) -> Path:
    """serve.lock beside the database: a CLI command that finds the database locked names this server."""
    path = folder / SERVE_LOCK
    write_atomically(path, json.dumps({"pid": os.getpid(), "url": url}).encode("utf-8"))
    return path


def _hosts(host: str, extra: list[str] | None) -> list[str]:
    """Host names the server answers to; others are refused (a guard against DNS rebinding).
    Listening on every address without --allowed-host, any name is accepted."""
    everywhere = host in ("0.0.0.0", "::")
    if everywhere and not extra:
        return ["*"]
    hosts = {"127.0.0.1", "localhost", "[::1]", *(extra or ())}
    if not everywhere:
        hosts.add(_url_host(host))
    return sorted(hosts)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
