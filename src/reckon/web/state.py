"""What the server holds while it runs: the case, its one writer, and who is reviewing what.

DuckDB lets one process write a database file. The server is that process: it opens the
case once and gives each request a cursor of its own (a separate view for reading). Every
write goes through ``Case.transaction``; here that first takes the server's single writer
lock, so writes from concurrent reviewers and from a background re-run happen one after
the other and none is lost. Reads never wait for the lock.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from reckon.case import Case
from reckon.storage.encryption import CaseKeys
from reckon.web.jobs import JobRunner

Pair = tuple[str, str]


class ServedCase(Case):
    """The case as one request (or job) sees it: its own cursor, its user as the actor."""

    def __init__(
        self, folder: Path, con: duckdb.DuckDBPyConnection, write_lock: threading.Lock, actor: str, keys: CaseKeys | None
    ) -> None:
        super().__init__(folder, con, keys=keys)  # an encrypted case keys its audit rows
        self.actor = actor  # the audit trail names the logged-in user
        self._write_lock = write_lock

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._in_transaction:  # nested: joins the outer one, which holds the lock
            with super().transaction() as con:
                yield con
            return
        with self._write_lock, super().transaction() as con:
            yield con


class Server:
    """The served case and the state shared by all requests."""

    def __init__(self, folder: Path, url: str, *, passphrase: str | None = None) -> None:
        self.folder = folder
        self.url = url
        self.root = Case.open(folder, passphrase=passphrase)  # migrates; every request gets a cursor of it
        self.write_lock = threading.Lock()
        self._cursor_lock = threading.Lock()
        self.desk = ReviewDesk()
        self.logins = LoginLimiter()
        self.jobs = JobRunner(self)

    @contextmanager
    def case(self, actor: str) -> Iterator[ServedCase]:
        with self._cursor_lock:
            con = self.root.con.cursor()
        case = ServedCase(self.folder, con, self.write_lock, actor, self.root.keys)
        try:
            yield case
        finally:
            con.close()

    def close(self) -> None:
        self.root.close()


class ReviewDesk:
    """Which pair each reviewer has open, so two reviewers are not shown the same pair, and
    each reviewer's skips and recent answers (for undo). Kept in memory: none of it is a
    decision, and a restart only forgets who was looking at what."""

    HOLD_SECONDS = 600
    HISTORY = 50
    CANDIDATES_SECONDS = 2.0  # a queue's candidates are read again at most this often
    ANSWERED_SECONDS = 30.0  # pairs answered this recently are left out of (possibly older) candidates

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._candidates: dict[str, tuple[float, list[Pair]]] = {}
        self._answered: dict[Pair, float] = {}
        self._held: dict[Pair, tuple[str, float]] = {}
        self._skipped: dict[str, set[Pair]] = defaultdict(set)
        self._history: dict[str, deque[Pair]] = defaultdict(lambda: deque(maxlen=self.HISTORY))

    def candidates(self, queue: str, read: Callable[[], list[Pair]]) -> list[Pair]:
        """A queue's candidate pairs, read with ``read`` at most every CANDIDATES_SECONDS
        (reviewers asking at once share one query), without the pairs answered since."""
        now = time.monotonic()
        cached = self._candidates.get(queue)
        if cached is None or now - cached[0] > self.CANDIDATES_SECONDS:
            cached = (now, read())
            self._candidates[queue] = cached
        with self._lock:
            for pair, at in list(self._answered.items()):
                if now - at > self.ANSWERED_SECONDS:
                    del self._answered[pair]
            return [pair for pair in cached[1] if pair not in self._answered]

    def take(self, user: str, candidates: list[Pair]) -> Pair | None:
        """The first candidate that nobody else holds and the user did not skip; held for them."""
        now = time.monotonic()
        with self._lock:
            for pair, (holder, until) in list(self._held.items()):
                if until < now or holder == user:
                    del self._held[pair]
            for pair in candidates:
                if pair not in self._held and pair not in self._skipped[user]:
                    self._held[pair] = (user, now + self.HOLD_SECONDS)
                    return pair
        return None

    def answered(self, user: str, pair: Pair, skipped: bool) -> None:
        with self._lock:
            self._held.pop(pair, None)
            if not skipped:
                self._answered[pair] = time.monotonic()
            if skipped:
                self._skipped[user].add(pair)
            else:
                self._skipped[user].discard(pair)
            self._history[user].append(pair)

    def undo(self, user: str) -> Pair | None:
        """The user's last answered pair (taken off their history and skips), or None."""
        with self._lock:
            if not self._history[user]:
                return None
            pair = self._history[user].pop()
            self._skipped[user].discard(pair)
            return pair


class LoginLimiter:
    """Failed logins allowed in ``window`` seconds, per kind of key: 5 for one name from one
    address, 10 for one name from anywhere (guessing from many machines), 30 from one address
    (trying many names). Beyond that, logging in is refused until the oldest failure ages out;
    a colleague on the same address with another name is not locked out by one person's typos."""

    LIMITS = {"name+client": 5, "name": 10, "client": 30}

    def __init__(self, window: float = 300.0) -> None:
        self.window = window
        self._lock = threading.Lock()
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    @staticmethod
    def keys(name: str, client: str) -> list[str]:
        name = name.casefold()
        return [f"name+client:{name}\x1f{client}", f"name:{name}", f"client:{client}"]

    def wait_seconds(self, keys: list[str]) -> int:
        now = time.monotonic()
        with self._lock:
            waits = []
            for key in keys:
                failures = self._failures[key]
                while failures and failures[0] < now - self.window:
                    failures.popleft()
                if len(failures) >= self.LIMITS[key.split(":", 1)[0]]:
                    waits.append(int(failures[0] + self.window - now) + 1)
            return max(waits, default=0)

    def failed(self, keys: list[str]) -> None:
        with self._lock:
            for key in keys:
                self._failures[key].append(time.monotonic())
