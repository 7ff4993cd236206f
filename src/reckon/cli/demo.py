"""`reckon demo`: the whole pipeline on a synthetic event, offline, in about a minute."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from reckon.cli.common import console, err_console, reckon_errors
from reckon.demo import run_demo


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def demo(
    out: Path = typer.Option(Path("reckon-demo"), "--out", "-o", help="Folder for the demo case, its inputs and report."),
    victims: int = typer.Option(2000, "--victims", min=50, help="How many synthetic victims the event has."),
    lists: int = typer.Option(4, "--lists", min=2, max=8, help="How many victim lists document them."),
    seed: int = typer.Option(7, "--seed", help="Seed for every random step (same seed, same result)."),
    force: bool = typer.Option(False, "--force", help="Replace OUT if it is not empty."),
) -> None:
    """Simulate a fictional event and run every stage on it: claims, lists, linkage, estimation, report.

    Everything runs offline on the embedded DuckDB database. The simulated truth is kept next to
    the case (OUT/inputs/truth.json), so you can see how close each stage gets.

    Example: `reckon demo --out demo-5000 --victims 5000 --force`
    """
    with reckon_errors():
        result = run_demo(out, victims=victims, lists=lists, seed=seed, force=force,
                          progress=lambda text: err_console.print(f"[dim]{text}[/]"))
    for stage, text in result.stages:
        console.print(f"[bold]{stage:>10}[/]  {escape(text)}")  # model names look like [a*b] markup
    _print_headline(result.numbers)
    if result.report:
        console.print(f"\nOpen the report: [bold]{result.report}[/]  (took {result.seconds:.0f} s)")


def _print_headline(numbers: dict) -> None:
    console.print()
    if "true_victims" in numbers:
        console.print(f"True number of victims (known only because this event is simulated): {numbers['true_victims']:,}")
    if "documented" in numbers:
        console.print(f"Documented by the lists, after linkage: {numbers['documented']:,}")
    for method in ("loglinear", "lcmcr"):
        estimate = numbers.get(method)
        if estimate is not None:
            console.print(
                f"Estimated total ({method}): {estimate.estimate:,.0f} "
                f"({estimate.level:.0%} interval {estimate.lower:,.0f}–{estimate.upper:,.0f})"
            )
