"""A small real case (simulated lists with Persian names, articles, a real linkage run) and a
real `reckon serve` process over a copy of it, on 127.0.0.1."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("argon2", reason="the web UI needs the [web] extra (argon2-cffi)")
pytest.importorskip("fastapi", reason="the web UI needs the [web] extra")

import httpx  # noqa: E402

from reckon.case import Case  # noqa: E402

PASSWORDS = {"ada": "admin-password-1", "mina": "reviewer-password-2", "vic": "viewer-password-3"}
ROLES = {"ada": "admin", "mina": "reviewer", "vic": "viewer"}


@pytest.fixture(scope="session")
def built_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Simulate a small event, add its articles and lists, link, add one user per role."""
    from reckon.claims.ingest import add_articles
    from reckon.linkage import link_case
    from reckon.lists.store import add_list
    from reckon.simulate import simulate_event
    from reckon.team.users import add_user

    root = tmp_path_factory.mktemp("web")
    inputs, folder = root / "inputs", root / "case"
    simulate_event(inputs, victims=240, lists=3, seed=11, articles=4)
    with Case.init(folder) as case:
        add_articles(case, sorted((inputs / "articles").glob("*.txt")))
        for path in sorted((inputs / "lists").glob("*.csv")):
            add_list(case, path, name=path.stem)
        link_case(case)
        for name, role in ROLES.items():
            add_user(case, name, role, PASSWORDS[name])
    return folder


@pytest.fixture
def case_copy(built_case: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built case for a test that changes it."""
    target = tmp_path / "case"
    shutil.copytree(built_case, target)
    return target


@dataclass
class Served:
    folder: Path
    port: int
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 120.0) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reckon.cli.main", "serve", "--case", str(self.folder), "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env={**os.environ, "COLUMNS": "200"},
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"reckon serve exited: {self.process.stdout.read()}")
            try:
                if httpx.get(self.url + "/login", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.3)
        raise RuntimeError("reckon serve did not answer in time")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)
        self.process = None

    def client(self, name: str | None = None) -> httpx.Client:
        """An HTTP client, logged in as ``name`` (with its CSRF token as a header) if given."""
        client = httpx.Client(base_url=self.url, timeout=60)
        if name:
            login(client, name, PASSWORDS[name])
            client.headers["x-csrf-token"] = client.get("/me.json").json()["csrf"]
        return client


def login(client: httpx.Client, name: str, password: str) -> httpx.Response:
    page = client.get("/login")
    token = re.search(r'name="login_token" value="([^"]+)"', page.text).group(1)
    return client.post("/login", data={"login_token": token, "name": name, "password": password})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(built_case: Path, tmp_path_factory: pytest.TempPathFactory):
    """One running server per test module, over its own copy of the case."""
    folder = tmp_path_factory.mktemp("served") / "case"
    shutil.copytree(built_case, folder)
    server = Served(folder, free_port())
    server.start()
    yield server
    server.stop()
