"""A real `reckon serve` process on 127.0.0.1 over a copy of a case, and logging in to it."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

PASSWORDS = {"ada": "admin-password-1", "mina": "reviewer-password-2", "vic": "viewer-password-3"}
ROLES = {"ada": "admin", "mina": "reviewer", "vic": "viewer"}


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
