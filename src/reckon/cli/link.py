"""CLI for linkage: `reckon link`, `reckon review`, `reckon persons`.

Each command opens the case, calls one library function and renders the result.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.table import Table

from reckon.case import Case, acting_user
from reckon.cli.common import OutputFormat, case_option, console, err_console, fail, open_case, render
from reckon.errors import ReckonError

if TYPE_CHECKING:  # Splink and pandas load when a command runs, not on `reckon --help`
    import pandas as pd

ANSWERS = {"y": "must-link", "n": "cannot-link"}  # the decision names in reckon.linkage


def register(app: typer.Typer) -> None:
    """Add `link`, `review` and `persons` to the app."""
    app.command("link")(link)
    app.command("review")(review)
    app.command("persons")(persons)


def link(
    threshold: float = typer.Option(
        None, "--threshold", "-t", min=0.0, max=1.0,
        help="Match probability at or above which two records may be the same person (default 0.5). "
             "Lower finds more matches and more false ones. A link is still refused when the two "
             "groups of records it would join look, on average, like different people "
             "(setting min_mean_weight; see docs/linkage.md).",
    ),
    backend: str = typer.Option(
        "duckdb", "--backend",
        help="Where Splink runs: duckdb (in process, the default) or spark (local cores or a cluster; "
             "needs `pip install 'reckon[spark]'` and Java; see docs/spark.md). Both find the same persons.",
    ),
    spark_master: str = typer.Option(
        None, "--spark-master",
        help="With --backend spark: local[N] (N cores of this machine; default local[*]) or a cluster's "
             "master URL (spark://host:7077, yarn, k8s://...). Leave it out under spark-submit.",
    ),
    spark_conf: list[str] = typer.Option(
        [], "--spark-conf",
        help="With --backend spark: a Spark setting KEY=VALUE; repeat for more "
             "(e.g. --spark-conf spark.driver.memory=4g).",
    ),
    spark_work_dir: str = typer.Option(
        None, "--spark-work-dir",
        help="With --backend spark: a folder every executor reads and writes (hdfs://..., s3a://..., a shared "
             "mount) for the features and Splink's checkpoints, removed afterwards. Needed on a cluster; "
             "default a temporary local folder.",
    ),
    settings_file: Path = typer.Option(
        None, "--settings", exists=True, dir_okay=False,
        help="A JSON file of linkage settings (comparisons, blocking rules, tolerances, seed); "
             "see docs/linkage.md.",
    ),
    case: Path = case_option(),
) -> None:
    """Link the records of all lists into persons (Splink: train, score pairs, cluster).

    Reviewer decisions from `reckon review` win over the model. Re-running replaces the
    previous links and persons; every run is logged with its trained model.
    """
    from reckon.linkage import LinkageSettings, link_case
    from reckon.linkage.backends import SparkOptions

    settings = LinkageSettings.from_file(settings_file) if settings_file else LinkageSettings()
    if threshold is not None:
        settings = LinkageSettings.from_dict({**settings.to_dict(), "threshold": threshold})
    spark = None
    try:
        if backend == "spark":
            spark = SparkOptions.from_cli(spark_master, spark_conf, spark_work_dir)
        elif spark_master or spark_conf or spark_work_dir:
            raise ReckonError("--spark-master, --spark-conf and --spark-work-dir need --backend spark.")
    except ReckonError as exc:
        raise fail(str(exc)) from None
    with open_case(case) as opened:
        with err_console.status("Linking: training the model, scoring pairs, clustering…") as status:
            try:
                run = link_case(opened, settings=settings, backend=backend, spark=spark,
                                progress=lambda stage: status.update(f"Linking: {stage}…"))
            except ReckonError as exc:  # fail() escapes markup such as `reckon[spark]` itself
                raise fail(str(exc)) from None
        _print_summary(run.summary, run.run_id, settings.threshold, opened)


def _print_summary(summary: dict[str, Any], run_id: str, threshold: float, case: Case) -> None:
    console.print(
        f"[bold]{summary['persons']:,}[/] persons from {summary['records']:,} records "
        f"(run {run_id}, threshold {threshold})"
    )
    console.print(f"within-list duplicates: {summary['within_list_duplicates']:,}")
    console.print(
        f"pairs above threshold: {summary['pairs_above_threshold']:,} of {summary['pairs_scored']:,} scored"
    )
    console.print(f"persons on more than one list: {summary['persons_on_several_lists']:,}")
    _print_model_sources(summary.get("m_sources", {}), summary.get("label_pairs", {}))
    _print_label_shift(summary.get("label_shift", {}))
    if summary["links_refused"]:
        console.print(
            f"links refused by the group check: {summary['links_refused']:,} "
            "(their groups look like different people; see them with `reckon review --refused`)"
        )
    console.print(_overlap_table(case))


def _print_label_shift(shift: dict[str, Any]) -> None:
    """How the reviewers' answers recalibrated the model (linkage/label_calibration.py)."""
    if not shift.get("pairs"):
        return
    bits = float(shift["bits"])
    console.print(
        f"your answers on {shift['pairs']:,} scored pairs ({shift['matches']:,} the same person) moved every pair's "
        f"odds {2 ** bits:.2f}-fold ({bits:+.2f} bits): the model was "
        f"{'under' if bits > 0 else 'over'}confident on pairs like them"
    )


def _print_model_sources(sources: dict[str, str], label_pairs: dict[str, int]) -> None:
    """Which comparisons' m were trained on this case, and which are reckon's defaults."""
    from reckon.linkage.defaults import DEFAULT, EM, LABELS

    def named(source: str) -> str:
        return ", ".join(name for name, value in sources.items() if value == source)

    if named(EM):
        console.print(f"model trained here (EM on this case's records): {named(EM)}")
    if named(LABELS):
        labelled = ", ".join(f"{name} ({label_pairs.get(name, 0)} pairs)" for name, value in sources.items() if value == LABELS)
        console.print(f"model moved by your review decisions (must-link pairs as labels): {labelled}")
    if named(DEFAULT):
        console.print(
            f"model defaults (shipped with reckon, learned on simulated lists; too few matches here to train): "
            f"{named(DEFAULT)}"
        )
    console.print("u (how often different people agree) was estimated from this case's records for every comparison.")


def _overlap_table(case: Case) -> Table:
    """Persons per list (diagonal) and persons shared by each two lists."""
    from reckon.estimate.histories import capture_histories

    histories = capture_histories(case)
    table = Table(title="Persons per list and overlap")
    table.add_column("list")
    for name in histories.lists:
        table.add_column(name, justify="right")
    for row in histories.lists:
        table.add_row(row, *[f"{histories.overlap(row, col):,}" for col in histories.lists])
    return table


def review(
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many pairs in this session."),
    low: float = typer.Option(0.3, "--low", help="Offer pairs whose match probability is at least this."),
    high: float = typer.Option(0.9, "--high", help="…and below this (the uncertain middle)."),
    refused: bool = typer.Option(
        False, "--refused",
        help="Instead, offer the links the group check refused: likely pairs whose records were kept in "
             "different persons because the rest of their groups disagree (strongest first).",
    ),
    reviewer: str = typer.Option(
        None, "--reviewer", help="Your name, stored with each decision (default: $RECKON_USER or your login)."
    ),
    case: Path = case_option(),
) -> None:
    """Review uncertain pairs in the terminal: y = same person, n = different, s = skip, q = quit.

    The two records are shown side by side; agreeing fields are green, differing ones red.
    Answers can be piped on stdin (one letter per line). Decisions take effect on the next
    `reckon link`, and on every run after it.
    """
    from reckon.linkage import CANNOT_LINK, MUST_LINK, review_queue

    who = reviewer or acting_user()
    with open_case(case) as opened:
        queue = review_queue(opened, low=low, high=high, limit=limit, refused=refused)
        if queue.empty:
            console.print("No refused links to review." if refused else
                          "No undecided pairs in that probability range. Run `reckon link` first, or widen --low/--high.")
            return
        counts = _review_loop(opened, queue, who)
    console.print(f"must-link {counts[MUST_LINK]}, cannot-link {counts[CANNOT_LINK]}, skipped {counts['skip']}")


def _review_loop(case: Case, queue: pd.DataFrame, reviewer: str) -> dict[str, int]:
    from reckon.linkage import record_decision

    counts = {decision: 0 for decision in ANSWERS.values()} | {"skip": 0}
    for number, pair in enumerate(queue.to_dict("records"), start=1):
        console.print(_pair_table(pair, number, len(queue)))
        answer = _ask()
        if answer == "q":
            break
        if answer in ANSWERS:
            record_decision(case, pair["record_id_l"], pair["record_id_r"], ANSWERS[answer], reviewer)
            counts[ANSWERS[answer]] += 1
        else:
            counts["skip"] += 1
    return counts


def _ask() -> str:
    """One answer from the keyboard or from piped stdin; end of input means quit."""
    while True:
        console.print("Same person? [bold]y[/]es / [bold]n[/]o / [bold]s[/]kip / [bold]q[/]uit: ", end="")
        line = sys.stdin.readline()
        if not line:
            console.print()
            return "q"
        answer = line.strip().lower()[:1]
        if answer in ("y", "n", "s", "q"):
            return answer
        console.print(f"[red]{line.strip()!r} is not y, n, s or q.[/]")


def _pair_table(pair: dict[str, Any], number: int, total: int) -> Table:
    from reckon.linkage.review import REVIEW_FIELDS

    title = f"Pair {number} of {total} — match probability {pair['match_probability']:.2f}"
    table = Table(title=title)
    table.add_column("field")
    table.add_column(pair["record_id_l"])
    table.add_column(pair["record_id_r"])
    for field in REVIEW_FIELDS:
        left, right = _text(pair[f"{field}_l"]), _text(pair[f"{field}_r"])
        if not left and not right:
            continue
        style = _agreement_style(field, left, right)
        # Values are escaped: a name with brackets must not be read as Rich markup.
        table.add_row(
            field,
            f"[{style}]{escape(left)}[/]" if left else "",
            f"[{style}]{escape(right)}[/]" if right else "",
        )
    return table


def _agreement_style(field: str, left: str, right: str) -> str:
    from reckon.linkage.pair_view import field_agreement  # the review page marks fields the same way

    return {"agree": "green", "differ": "red"}.get(field_agreement(field, left or None, right or None), "default")


def _text(value: Any) -> str:
    import pandas as pd

    if value is None or (isinstance(value, float) and value != value) or value is pd.NA or value is pd.NaT:
        return ""
    return str(value)


def persons(
    fmt: OutputFormat = typer.Option(
        OutputFormat.table, "--format", "-f", help="table for reading; csv or json for other tools."
    ),
    case: Path = case_option(),
) -> None:
    """One row per record: its list, source_record_id, person_id and the probability of its link.

    Records with the same person_id are one person; cluster_probability is the strongest
    link that holds the record in its person (empty when the record stands alone).
    """
    import pandas as pd

    from reckon.linkage import persons_table

    with open_case(case, read_only=True) as opened:
        frame = persons_table(opened)
    rows = [
        {k: (None if pd.isna(v) else v) for k, v in row.items()}
        for row in frame.to_dict("records")
    ]
    render(rows, fmt, title="Persons", columns=list(frame.columns))
