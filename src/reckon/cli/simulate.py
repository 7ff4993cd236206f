"""`reckon simulate`: write a synthetic event with known truth (a thin wrapper)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from reckon.cli.common import OutputFormat, console, reckon_errors, render
from reckon.errors import InputError


class PersianEncoding(str, Enum):
    utf8 = "utf-8"
    cp1256 = "cp1256"


class Profile(str, Enum):
    clean = "clean"
    harsh = "harsh"


def simulate(
    out: Path = typer.Argument(..., help="Folder to write into (must be empty unless --force)."),
    victims: int = typer.Option(2000, "--victims", "-n", help="True number of victims N."),
    lists: int = typer.Option(
        None, "--lists", "-k", help="Number of victim lists K (2 to 15); default 4, or one per --sizes.",
        show_default=False,
    ),
    seed: int = typer.Option(0, "--seed", "-s", help="Random seed; the same seed gives byte-identical files."),
    articles: int = typer.Option(12, "--articles", "-m", help="Number of synthetic articles."),
    heterogeneity: float = typer.Option(
        1.0, "--heterogeneity", help="Scale of covariate and hidden effects on capture (0 = everyone alike)."
    ),
    dependence: float = typer.Option(1.0, "--dependence", help="Scale of list dependence (0 = independent lists)."),
    persian_encoding: PersianEncoding = typer.Option(
        PersianEncoding.utf8, "--persian-encoding", help="Encoding of the Persian-format (B) lists."
    ),
    profile: Profile = typer.Option(
        Profile.clean, "--profile", "-p",
        help="clean: tidy lists; harsh: as messy as real ones (unnamed rows, date ranges, sparse fields, "
             ".csv/.xlsx/.json).",
    ),
    sizes: str = typer.Option(
        None, "--sizes", help="People on each list, comma-separated, in list order (e.g. 300,60).",
        show_default=False,
    ),
    force: bool = typer.Option(False, "--force", help="Write into a non-empty folder, overwriting our files."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="How to print the summary."),
) -> None:
    """Simulate an event: true victims, K noisy overlapping lists, articles with planted claims.

    Writes `OUT/lists/<list>.csv` (harsh: also .xlsx, .json), `OUT/articles/NNN_<publisher>.txt` with
    `claims_truth.jsonl`, `OUT/population.csv`, `OUT/truth.csv`, `OUT/truth_histories.csv`
    and `OUT/truth.json`. Everyone is synthetic.
    """
    with reckon_errors():
        from reckon.simulate import simulate_event  # NumPy and pandas: loaded when the command runs

        truth = simulate_event(
            out, victims=victims, lists=lists, seed=seed, articles=articles, heterogeneity=heterogeneity,
            dependence=dependence, persian_encoding=persian_encoding.value, profile=profile.value,
            sizes=_sizes(sizes), force=force,
        )
    rows = [
        {"list": name, "victims": truth.victims_by_list[name], "records": truth.records_by_list[name],
         "duplicates": truth.duplicates_by_list[name]}
        for name in truth.lists
    ]
    render(rows, fmt, title=f"Simulated {truth.n_victims} victims, {truth.documented} documented")
    if fmt is OutputFormat.table:
        console.print(f"{truth.claims} claims planted in {articles} articles; truth in {out / 'truth.json'}")


def _sizes(text: str | None) -> list[int] | None:
    if text is None:
        return None
    try:
        return [int(part) for part in text.split(",")]
    except ValueError:
        raise InputError(f"--sizes {text!r} is not a list of whole numbers", fix="write it like --sizes 300,60") from None


def register(app: typer.Typer) -> None:
    """Add `reckon simulate` to the app."""
    app.command("simulate")(simulate)
