"""Load on `reckon serve`: concurrent reviewers on a large case, over loopback, bounded in time.

Builds (once, then reuses) a simulated case of about --records records with articles and a
linkage run, starts a real `reckon serve` on 127.0.0.1, and lets --reviewers logged-in
clients (httpx, async) work for --seconds: each opens the review queue, answers the pair
(same / different, sometimes skip), and now and then opens a person, the claims, the lists
or the estimates. A reviewer waits --think seconds between actions (0 = as fast as the
server answers). Afterwards the server is stopped and the decisions are counted in the
database: every answer the server acknowledged must be there.

Run from the project root:
    python benchmarks/bench_web.py [--records 100000] [--reviewers 20] [--seconds 60] [--think 1.0]
        [--case benchmarks/.cache/web-100000]
Prints p50/p95 latency per page and the error and decision counts; writes
benchmarks/results/web.json. Figures on a shared 2-core machine are rough.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "benchmark-password"
TARGET_QUEUE_P95_MS = 200.0


def build_case(folder: Path, records: int, reviewers: int) -> dict:
    """A simulated case with about ``records`` records (4 lists), 12 articles, linked; users."""
    from reckon.case import Case
    from reckon.claims.ingest import add_articles
    from reckon.linkage import link_case
    from reckon.lists.store import add_list, record_counts
    from reckon.simulate import simulate_event
    from reckon.team.users import add_user

    started = time.perf_counter()
    inputs = folder.parent / (folder.name + "-inputs")
    # about 1.6 records per victim with the simulator's default four lists
    simulate_event(inputs, victims=int(records / 1.6), lists=4, seed=21, articles=12, force=True)
    with Case.init(folder) as case:
        add_articles(case, sorted((inputs / "articles").glob("*.txt")))
        for path in sorted((inputs / "lists").glob("*.csv")):
            add_list(case, path, name=path.stem)
        link_case(case)
        add_user(case, "admin", "admin", PASSWORD)
        for number in range(reviewers):
            add_user(case, f"reviewer{number:02d}", "reviewer", PASSWORD)
        stored = record_counts(case)["records"]
    return {"records": stored, "build_seconds": round(time.perf_counter() - started, 1)}


def ensure_users(folder: Path, reviewers: int) -> None:
    from reckon.case import Case
    from reckon.team.users import add_user, get_user

    with Case.open(folder) as case:
        for number in range(reviewers):
            if get_user(case, f"reviewer{number:02d}") is None:
                add_user(case, f"reviewer{number:02d}", "reviewer", PASSWORD)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(folder: Path, port: int) -> subprocess.Popen:
    log = open(folder.parent / "bench-web-serve.log", "w")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen([sys.executable, "-m", "reckon.cli.main", "serve", "--case", str(folder), "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"reckon serve exited; see {log.name}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=2).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.5)
    raise SystemExit("reckon serve did not answer within 10 minutes")


def stop_server(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=120)


class Tally:
    def __init__(self) -> None:
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.acknowledged: dict[str, int] = defaultdict(int)  # decisions the server said it stored

    async def timed(self, page: str, call) -> httpx.Response | None:  # noqa: ANN001
        started = time.perf_counter()
        try:
            response = await call
        except httpx.HTTPError as exc:
            self.errors[f"{page}: {type(exc).__name__}"] += 1
            return None
        self.latency[page].append((time.perf_counter() - started) * 1000)
        if response.status_code >= 400:
            self.errors[f"{page}: HTTP {response.status_code}"] += 1
        return response


async def log_in(client: httpx.AsyncClient, name: str) -> None:
    page = await client.get("/login")
    token = re.search(r'name="login_token" value="([^"]+)"', page.text).group(1)
    response = await client.post("/login", data={"login_token": token, "name": name, "password": PASSWORD})
    if response.status_code != 303:
        raise SystemExit(f"{name} could not log in: {response.status_code}")
    client.headers["x-csrf-token"] = (await client.get("/me.json")).json()["csrf"]


async def reviewer(client: httpx.AsyncClient, name: str, deadline: float, think: float, tally: Tally, seed: int) -> None:
    rng = random.Random(seed)
    actions = 0
    while time.monotonic() < deadline:
        actions += 1
        page = await tally.timed("GET /review (queue)", client.get("/review"))
        pair = _pair(page.text) if page is not None and page.status_code == 200 else None
        if pair and time.monotonic() < deadline:
            await asyncio.sleep(think)
            answer = rng.choices(["same", "different", "skip"], weights=[45, 45, 10])[0]
            done = await tally.timed("POST /review/decide", client.post(
                "/review/decide", data={"left": pair[0], "right": pair[1], "answer": answer, "queue": "uncertain"},
                headers={"accept": "application/json"}))
            if done is not None and done.status_code == 200 and answer != "skip":
                tally.acknowledged[name] += 1
        if actions % 5 == 0 and time.monotonic() < deadline:
            await asyncio.sleep(think)
            other = rng.choice(["person", "claims", "lists", "estimates"] if pair else ["claims", "lists", "estimates"])
            path = {"person": f"/person?record={pair[0] if pair else ''}", "claims": "/claims",
                    "lists": "/lists", "estimates": "/estimates"}[other]
            await tally.timed(f"GET /{other}", client.get(path))
        if not pair:
            await asyncio.sleep(max(think, 0.5))
        await asyncio.sleep(think)


def _pair(html: str) -> tuple[str, str] | None:
    left = re.search(r'name="left" value="([^"]+)"', html)
    right = re.search(r'name="right" value="([^"]+)"', html)
    return (_unescape(left.group(1)), _unescape(right.group(1))) if left and right else None


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def stored_decisions(folder: Path) -> dict[str, int]:
    from reckon.case import Case

    with Case.open(folder) as case:
        rows = case.rows("SELECT reviewer, count(*) AS n FROM decisions GROUP BY reviewer")
    return {row["reviewer"]: int(row["n"]) for row in rows}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--think", type=float, default=1.0, help="seconds a reviewer waits between actions")
    parser.add_argument("--case", type=Path, default=None, help="case folder to build or reuse")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "web.json")
    args = parser.parse_args()

    folder = args.case or Path(tempfile.gettempdir()) / f"reckon-bench-web-{args.records}"
    built = {}
    if not (folder / "reckon.duckdb").exists():
        print(f"building a case of about {args.records:,} records in {folder} …", flush=True)
        built = build_case(folder, args.records, args.reviewers)
        print(f"built: {built}", flush=True)
    ensure_users(folder, args.reviewers)
    before = stored_decisions(folder)

    port = free_port()
    started = time.perf_counter()
    process = start_server(folder, port)
    startup = time.perf_counter() - started
    tally = Tally()
    try:
        names = [f"reviewer{n:02d}" for n in range(args.reviewers)]
        asyncio.run(_all(f"http://127.0.0.1:{port}", names, args.seconds, args.think, tally))
    finally:
        stop_server(process)
    after = stored_decisions(folder)

    stored = {name: after.get(name, 0) - before.get(name, 0) for name in tally.acknowledged}
    lost = sum(max(tally.acknowledged[n] - stored.get(n, 0), 0) for n in tally.acknowledged)
    pages = {
        page: {"count": len(values), "p50_ms": round(statistics.median(values), 1),
               "p95_ms": round(percentile(values, 0.95), 1), "max_ms": round(max(values), 1)}
        for page, values in sorted(tally.latency.items())
    }
    queue_p95 = pages.get("GET /review (queue)", {}).get("p95_ms")
    result = {
        "case_records": built.get("records") or _records(folder), "build": built or "reused",
        "reviewers": args.reviewers, "seconds": args.seconds, "think_seconds": args.think,
        "server_startup_seconds": round(startup, 1), "pages": pages, "errors": dict(tally.errors),
        "decisions_acknowledged": sum(tally.acknowledged.values()), "decisions_stored": sum(stored.values()),
        "decisions_lost": lost, "queue_p95_target_ms": TARGET_QUEUE_P95_MS,
        "queue_p95_met": queue_p95 is not None and queue_p95 <= TARGET_QUEUE_P95_MS,
        "machine": f"{os.cpu_count()} cores, shared with other work: timings are rough",
    }
    print(json.dumps(result, indent=2))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


async def _all(url: str, names: list[str], seconds: float, think: float, tally: Tally) -> None:
    """Everyone logs in first (argon2 is slow on purpose), then the clock starts."""
    clients = [httpx.AsyncClient(base_url=url, timeout=60) for _ in names]
    try:
        for client, name in zip(clients, names):
            await log_in(client, name)
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(reviewer(c, n, deadline, think, tally, seed) for seed, (c, n) in enumerate(zip(clients, names))))
    finally:
        for client in clients:
            await client.aclose()


def _records(folder: Path) -> int:
    from reckon.case import Case
    from reckon.lists.store import record_counts

    with Case.open(folder) as case:
        return record_counts(case)["records"]


if __name__ == "__main__":
    main()
