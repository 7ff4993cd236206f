"""The whole pipeline on a synthetic event: simulate → claims → claimants → lists → link → estimate → report.

    result = run_demo("reckon-demo")
    print(result.numbers["documented"], result.report)

Each stage is a call to the same public function a user would call, so the demo is
also the end-to-end check of the pipeline (tests/test_demo.py).
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
            ("claimants", lambda: _claimants(case, result)),
            ("lists", lambda: _lists(case, inputs, result)),
            ("linkage", lambda: _link(case, result)),
            ("estimation", lambda: _estimate(case, seed, result)),
            ("report", lambda: _report(case, folder, result)),
        ):
            say(f"{stage}…")
            step()
    result.seconds = time.perf_counter() - started
    return result


def _simulate(inputs: Path, victims: int, lists: int, seed: int, result: DemoResult) -> None:
    from reckon.simulate import simulate_event  # each stage loads its libraries when it runs

    simulate_event(inputs, victims=victims, lists=lists, seed=seed)
    result.numbers["true_victims"] = victims
    result.note("simulate", f"{victims:,} synthetic victims, {lists} lists, articles (seed {seed}); truth kept in {inputs.name}/")


def _claims(case: Case, inputs: Path, result: DemoResult) -> None:
    from reckon.claims.ingest import add_articles

    articles = sorted((inputs / "articles").glob("*.txt"))
    report = add_articles(case, articles)
    claims = sum(outcome.claims for outcome in report.added)
    result.numbers["claims"] = int(claims)
    failed = f"{len(report.failed)} files failed" if report.failed else "no file failed"
    result.note("claims", f"{len(articles)} articles, {claims} claims extracted ({failed})")


def _claimants(case: Case, result: DemoResult) -> None:
    """Accept the merges the case's own claims suggest, as a user would after `reckon claimants`."""
    from reckon.claims.claimant_suggestions import merge_suggested

    merged = merge_suggested(case)
    result.numbers["claimant_merges"] = len(merged)
    shown = "; ".join(f"{s.name} → {s.into}" for s in merged) or "none suggested"
    result.note("claimants", f"{len(merged)} suggested merges accepted ({shown})")


def _lists(case: Case, inputs: Path, result: DemoResult) -> None:
    from reckon.lists.store import add_list, record_counts

    files = sorted((inputs / "lists").glob("*.csv"))
    for path in files:
        add_list(case, path, name=path.stem)
    counts = record_counts(case)
    records, quarantined = counts["records"], counts["quarantined"]
    result.numbers["records"] = int(records)
    result.note("lists", f"{len(files)} lists, {records:,} records imported, {quarantined} rows quarantined")


def _link(case: Case, result: DemoResult) -> None:
    from reckon.linkage import link_case

    persons = link_case(case).summary["persons"]
    result.numbers["documented"] = int(persons)
    result.note("linkage", f"{persons:,} distinct people documented")


def _estimate(case: Case, seed: int, result: DemoResult) -> None:
    from reckon.estimate import EstimateSettings
    from reckon.estimate.case_estimates import estimate_case

    for method in ("loglinear", "lcmcr"):
        try:
            done = estimate_case(case, method, EstimateSettings(seed=seed), source="demo")
        except ReckonError as exc:
            result.note("estimation", f"{method} refused: {exc}")
            continue
        estimate = done.comparison.results[0]
        result.numbers[method] = estimate
        result.note("estimation", estimate.summary().splitlines()[0])


def _report(case: Case, folder: Path, result: DemoResult) -> None:
    from reckon.report import write_report

    result.report = write_report(case, folder / "report.html", force=True)
    result.note("report", f"written to {result.report}")
