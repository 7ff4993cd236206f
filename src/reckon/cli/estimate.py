"""`reckon estimate`: how many in all — multiple systems estimation from overlapping lists."""

from __future__ import annotations

import json
import sys
import warnings
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.table import Table

from reckon.cli.common import OutputFormat, case_option, console, fail, open_case, reckon_errors, render
from reckon.errors import StatisticalWarning

if TYPE_CHECKING:  # the estimators load SciPy and Numba: import them when a command runs
    from reckon.estimate.compare import MethodComparison
    from reckon.estimate.results import EstimateResult

class Method(str, Enum):
    chapman = "chapman"
    loglinear = "loglinear"
    stepwise = "stepwise"
    lcmcr = "lcmcr"
    all = "all"


class Criterion(str, Enum):
    aic = "aic"
    bic = "bic"


def register(app: typer.Typer) -> None:
    app.command("estimate")(estimate)


def estimate(
    file: Path = typer.Argument(
        None, exists=True, dir_okay=False, show_default=False,
        help="Capture-history CSV: one 0/1 column per list and a `count` column. Without it: the case's linked persons.",
    ),
    method: Method = typer.Option(Method.loglinear, "--method", "-m", help="Estimator, or `all` side by side."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
    level: float = typer.Option(0.95, "--level", help="Interval level, e.g. 0.9 or 0.95."),
    max_order: int = typer.Option(None, "--max-order", help="loglinear: highest interaction order searched (default k-1, or 2 beyond 5 lists)."),
    select: Criterion = typer.Option(Criterion.bic, "--select", help="loglinear: choose the model by AIC or BIC."),
    model: str = typer.Option(None, "--model", help="loglinear: fit this model instead of searching, e.g. '[EXH*ABA, OSCE*HRW]'."),
    p_value: float = typer.Option(0.02, "--p-value", help="stepwise: add an interaction while its p-value is below this."),
    strata: str = typer.Option(None, "--strata", help="CSV column to stratify by: estimate each stratum and the total."),
    chains: int = typer.Option(None, "--chains", help="lcmcr: number of chains (run in parallel)."),
    burn_in: int = typer.Option(None, "--burn-in", help="lcmcr: iterations discarded per chain."),
    samples: int = typer.Option(None, "--samples", help="lcmcr: draws kept per chain."),
    thin: int = typer.Option(None, "--thin", help="lcmcr: keep one iteration in this many."),
    seed: int = typer.Option(None, "--seed", help="lcmcr: random seed (runs are reproducible)."),
    sensitivity: bool = typer.Option(False, "--linkage-sensitivity", help="Re-link the case at several thresholds and show how the estimate moves."),
    identified_only: bool = typer.Option(
        False, "--identified-only",
        help="Leave out unidentified victims (records without a name): each is otherwise one person on one list.",
    ),
    case: Path = case_option(),
) -> None:
    """Estimate the total, documented and undocumented, from how the lists overlap (capture–recapture).

    With FILE, works on that table alone (no case needed). Without it, uses the people
    linked in the case and stores the result there.
    """
    from reckon.estimate.case_estimates import estimate_case
    from reckon.estimate.histories import read_capture_csv
    from reckon.estimate.methods import EstimateSettings
    from reckon.estimate.runner import estimate_strata

    warnings.simplefilter("ignore", StatisticalWarning)  # listed plainly under the table instead
    settings = EstimateSettings(
        level=level, max_order=max_order, select=select.value, model=model, p_value=p_value,
        chains=chains, burn_in=burn_in, samples=samples, thin=thin, seed=seed,
    )
    if file is not None:
        if sensitivity:
            raise fail("--linkage-sensitivity works on a case's linkage; leave out FILE and pass --case DIR.")
        if identified_only:
            raise fail("--identified-only works on a case's records; leave out FILE and pass --case DIR.")
        with reckon_errors():
            by_stratum = read_capture_csv(file, strata=strata)
            comparison = estimate_strata(by_stratum, method.value, settings)
        show(comparison, fmt, by_stratum)
        return
    if strata:
        raise fail("--strata needs a capture-history FILE with that column; strata of a case are not supported yet.")
    with open_case(case) as opened:
        done = estimate_case(opened, method.value, settings, sensitivity=sensitivity, identified_only=identified_only)
    show(done.comparison, fmt, {None: done.histories})


def show(comparison: MethodComparison, fmt: OutputFormat, by_stratum: dict) -> None:
    """Print the results: a table with warnings and notes under it, or JSON."""
    from reckon.estimate.strata import TOTAL

    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2, default=str) + "\n")
        return
    if fmt in (OutputFormat.jsonl, OutputFormat.csv):
        render([_flat(r) for r in comparison.results], fmt)
        return
    observed = sum(h.observed for h in by_stratum.values())
    lists = next(iter(by_stratum.values())).lists
    console.print(f"{observed:,} people documented on {len(lists)} lists ({', '.join(lists)})", highlight=False)
    console.print(_table(comparison.results))
    kinds = {r.method: r.interval_kind for r in comparison.results if r.interval_kind}
    _print_plainly("Intervals", [f"{method}: {kind}" for method, kind in kinds.items()])
    # A total repeats its strata's warnings (so it can stand alone in JSON); list them once here.
    own = [r for r in comparison.results if r.stratum != TOTAL]
    _print_plainly("Warnings", [f"{_label(r)}: {w}" for r in own for w in r.warnings])
    _print_plainly("Not run", [f"{name}: {why}" for name, why in comparison.skipped.items()])
    _print_plainly("Notes", list(comparison.notes))


def _table(results: tuple[EstimateResult, ...]) -> Table:
    with_strata = any(r.stratum is not None for r in results)
    with_threshold = any("linkage_threshold" in r.parameters for r in results)
    table = Table(show_lines=False)
    if with_strata:
        table.add_column("stratum")
    if with_threshold:
        table.add_column("threshold", justify="right")
    level = f"{results[0].level:.0%} interval" if results else "interval"
    for name, justify in (("method", "left"), ("model", "left"), ("estimate", "right"),
                          (level, "right"), ("observed", "right")):
        table.add_column(name, justify=justify)
    for r in results:
        cells = [str(r.stratum)] if with_strata else []
        if with_threshold:
            cells.append(str(r.parameters.get("linkage_threshold", "")))
        cells += [r.method, r.model or "", f"{r.estimate:,.1f}", _interval(r), f"{r.observed:,}"]
        table.add_row(*cells)
    return table


def _interval(r: EstimateResult) -> str:
    if r.lower is None:
        return "none"
    upper = f"{r.upper:,.0f}" if r.upper is not None else "beyond search"
    return f"{r.lower:,.0f}–{upper}"


def _label(r: EstimateResult) -> str:
    return r.method if r.stratum is None else f"{r.method}, stratum {r.stratum}"


def _print_plainly(title: str, lines: list[str]) -> None:
    if lines:
        console.print(f"\n{title}:", style="bold", highlight=False)
        for line in lines:
            console.print(f"  - {line}", highlight=False, markup=False)


def _flat(r: EstimateResult) -> dict[str, Any]:
    keys = ("stratum", "method", "model", "estimate", "lower", "upper", "level", "observed", "interval_kind")
    row = {k: getattr(r, k) for k in keys}
    row["linkage_threshold"] = r.parameters.get("linkage_threshold")
    row["warnings"] = list(r.warnings)
    return row
