"""The re-run: link, estimate and report again, in a background thread, with its progress.

Each step calls the same library function as its command (`reckon link`, `reckon
estimate`, `reckon report`). Its writes go through the server's single writer lock like
any request's, so reviewers keep working while it runs. One re-run at a time.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable

from reckon.case import now
from reckon.errors import ReckonError

if TYPE_CHECKING:
    from reckon.web.state import ServedCase, Server

REPORTS_FOLDER = "reports"


class JobRunning(ReckonError):
    """A re-run was asked for while another is still running."""


@dataclass
class Step:
    name: str
    status: str = "waiting"  # waiting, running, done, failed, skipped
    detail: str = ""
    seconds: float | None = None


@dataclass
class Job:
    id: str
    user: str
    started_at: datetime
    steps: list[Step]
    status: str = "running"  # running, done, failed
    report: str | None = None  # the report's file name under reports/
    finished_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class JobRunner:
    def __init__(self, server: Server) -> None:
        self.server = server
        self._lock = threading.Lock()
        self.job: Job | None = None

    def start(self, user: str, settings: dict[str, Any]) -> Job:
        with self._lock:
            if self.job is not None and self.job.status == "running":
                raise JobRunning(f"a re-run started by {self.job.user} is still running — wait for it to finish.")
            self.job = Job(uuid.uuid4().hex[:8], user, now(), [Step(n) for n in ("link", "estimate", "sensitivity", "report", "explain")])
        threading.Thread(target=self._run, args=(self.job, settings), name=f"reckon-job-{self.job.id}", daemon=True).start()
        return self.job

    def _run(self, job: Job, settings: dict[str, Any]) -> None:
        steps: dict[str, Callable[[ServedCase], str]] = {
            "link": lambda case: _link(case, settings),
            "estimate": lambda case: _estimate(case, settings, sensitivity=False),
            "sensitivity": lambda case: _estimate(case, settings, sensitivity=True),
            "report": lambda case: _report(case, job),
            "explain": _explain,
        }
        with self.server.case(job.user) as case:
            for step in job.steps:
                step.status, started = "running", time.perf_counter()
                try:
                    step.detail = steps[step.name](case)
                    step.status = "done"
                except ReckonError as exc:
                    step.status, step.detail = "failed", str(exc)
                except Exception as exc:  # a bug must not leave the job "running" for ever
                    step.status, step.detail = "failed", f"unexpected error: {type(exc).__name__}: {exc}"
                step.seconds = round(time.perf_counter() - started, 1)
                if step.status == "failed" and step.name == "link":
                    for later in job.steps[1:]:
                        later.status = "skipped"
                    break
        job.status = "failed" if any(s.status == "failed" for s in job.steps) else "done"
        job.finished_at = now()


def _link(case: ServedCase, settings: dict[str, Any]) -> str:
    from reckon.linkage import LinkageSettings, link_case

    run = link_case(case, settings=LinkageSettings(threshold=float(settings["link_threshold"])))
    summary = run.summary
    return f"{summary['persons']:,} persons from {summary['records']:,} records (run {run.run_id})"


def _estimate(case: ServedCase, settings: dict[str, Any], *, sensitivity: bool) -> str:
    from reckon.estimate.case_estimates import estimate_case

    done = estimate_case(case, settings["estimate_method"], sensitivity=sensitivity, source="web re-run")
    if sensitivity:
        values = [r.estimate for r in done.comparison.results]
        return f"{len(values)} estimates at other linkage thresholds, {min(values):,.0f} to {max(values):,.0f}" if values else "no estimate"
    return "; ".join(f"{r.method}: {r.estimate:,.0f}" for r in done.comparison.results)


def _report(case: ServedCase, job: Job) -> str:
    from reckon.report import write_report

    name = f"report-{job.started_at:%Y%m%dT%H%M%S}.html"
    write_report(case, case.folder / REPORTS_FOLDER / name, force=True)
    job.report = name
    return name


def _explain(case: ServedCase) -> str:
    from reckon.linkage.explain import explain_pairs

    explain_pairs(case, [])  # counts the name frequencies of the new run once, before a reviewer waits for it
    return "review explanations ready"
