"""The whole pipeline on a synthetic event: simulate → claims → lists → link → estimate → report.

    result = run_demo("reckon-demo")
    print(result.headline)

Each stage is a call to the same public function a user would call; a stage that is
not available is skipped and said so, never silently.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reckon.case import Case
from reckon.errors import ReckonError

Progress = Callable[[str], None]


@dataclass
class DemoResult:
    """What the demo did, stage by stage, and the numbers a reader wants first."""

    folder: Path
    report: Path | None = None
    stages: list[tuple[str, str]] = field(default_factory=list)  # (stage, what happened)
    numbers: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    def note(self, stage: str, text: str) -> None:
        self.stages.append((stage, text))


def prepare_folder(folder: Path, *, force: bool) -> None:
    """Refuse a non-empty folder unless ``force``; with force, start from an empty one."""
    if folder.exists() and any(folder.iterdir()):
        if not force:
            raise ReckonError(f"{folder} is not empty — pass --force to replace it, or choose another --out folder.")
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)


def run_demo(
    folder: str | Path = "reckon-demo",
    *,
    victims: int = 2000,
    lists: int = 4,
    seed: int = 7,
    force: bool = False,
    progress: Progress | None = None,
) -> DemoResult:
    """Simulate an event with known truth, run every stage into a fresh case, write the report."""
    started = time.perf_counter()
    folder = Path(folder)
    prepare_folder(folder, force=force)
    say = progress or (lambda text: None)
    result = DemoResult(folder)
    inputs = folder / "inputs"
    with Case.init(folder) as case:  # the demo folder is the case; inputs/ and report.html sit beside its database
        for stage, step in (
            ("simulate", lambda: _simulate(inputs, victims, lists, seed, result)),
            ("claims", lambda: _claims(case, inputs, result)),
            ("lists", lambda: _lists(case, inputs, result)),
            ("linkage", lambda: _link(case, result)),
            ("estimation", lambda: _estimate(case, seed, result)),
            ("report", lambda: _report(case, folder, result)),
        ):
            say(f"{stage}…")
            try:
                step()
            except _StageMissing as missing:
                result.note(stage, f"skipped: {missing}")
    result.seconds = time.perf_counter() - started
    return result


class _StageMissing(Exception):
    """A stage whose code is not installed or whose input is absent."""


def _need(module: str, *names: str) -> list[Any]:
    try:
        imported = __import__(module, fromlist=list(names))
        return [getattr(imported, name) for name in names]
    except (ImportError, AttributeError) as exc:
        raise _StageMissing(f"{module} is not available ({exc})") from exc


def _simulate(inputs: Path, victims: int, lists: int, seed: int, result: DemoResult) -> None:
    (simulate_event,) = _need("reckon.simulate", "simulate_event")
    truth = simulate_event(inputs, victims=victims, lists=lists, seed=seed)
    result.numbers["true_victims"] = victims
    result.note("simulate", f"{victims:,} synthetic victims, {lists} lists, articles (seed {seed}); truth kept in {inputs.name}/")
    result.numbers["truth"] = truth


def _claims(case: Case, inputs: Path, result: DemoResult) -> None:
    (add_articles,) = _need("reckon.claims.store", "add_articles")
    articles = sorted((inputs / "articles").glob("*.txt"))
    if not articles:
        raise _StageMissing("no articles were simulated")
    report = add_articles(case, articles)
    claims = case.con.execute("SELECT count(*) FROM claims").fetchone()[0]
    result.numbers["claims"] = int(claims)
    result.note("claims", f"{len(articles)} articles, {claims} claims extracted ({_failed(report)})")


def _failed(report: Any) -> str:
    failures = getattr(report, "failed", None) or getattr(report, "errors", None) or []
    return f"{len(failures)} files failed" if failures else "no file failed"


def _lists(case: Case, inputs: Path, result: DemoResult) -> None:
    (add_list,) = _need("reckon.victim_lists", "add_list")
    files = sorted((inputs / "lists").glob("*.csv"))
    if not files:
        raise _StageMissing("no lists were simulated")
    for path in files:
        add_list(case, path, name=path.stem)
    records = case.con.execute("SELECT count(*) FROM records").fetchone()[0]
    quarantined = case.con.execute("SELECT count(*) FROM quarantine").fetchone()[0]
    result.numbers["records"] = int(records)
    result.note("lists", f"{len(files)} lists, {records:,} records imported, {quarantined} rows quarantined")


def _link(case: Case, result: DemoResult) -> None:
    (link_case,) = _need("reckon.linkage", "link_case")
    link_case(case)
    persons = case.con.execute("SELECT count(DISTINCT person_id) FROM persons").fetchone()[0]
    result.numbers["documented"] = int(persons)
    result.note("linkage", f"{persons:,} distinct people documented")


def _estimate(case: Case, seed: int, result: DemoResult) -> None:
    (capture_histories,) = _need("reckon.linkage", "capture_histories")
    run_method, settings_type, save_estimate, histories_hash = _need(
        "reckon.estimate", "run_method", "EstimateSettings", "save_estimate", "histories_hash"
    )
    histories = capture_histories(case)
    for method in ("loglinear", "lcmcr"):
        try:
            estimate = run_method(method, histories, settings_type(seed=seed))
        except ReckonError as exc:
            result.note("estimation", f"{method} refused: {exc}")
            continue
        save_estimate(case, estimate, histories_hash(histories), source="demo")
        result.numbers[method] = estimate
        result.note("estimation", estimate.summary().splitlines()[0])


def _report(case: Case, folder: Path, result: DemoResult) -> None:
    from reckon.report import write_report

    result.report = write_report(case, folder / "report.html", force=True)
    result.note("report", f"written to {result.report}")
