"""CLI plumbing: one clean error line, and output formats people can open."""

from __future__ import annotations

import csv
import io
import json

import typer
from typer.testing import CliRunner

from reckon.cli.common import OutputFormat, fail, render
from reckon.errors import InputError

app = typer.Typer()


@app.command()
def boom(kind: str) -> None:
    """Fail the way every command does."""
    if kind == "markup":
        raise fail("run `pip install 'reckon[spark]'`")
    raise fail(str(InputError("count 'x' is not a number", file="h.csv", row=3, fix="use 0, 1, 2 ...")))


def test_error_is_one_line_with_brackets_kept():
    result = CliRunner().invoke(app, ["markup"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: run `pip install 'reckon[spark]'`"


def test_input_error_names_file_row_and_fix():
    result = CliRunner().invoke(app, ["input"])
    assert result.output.strip() == "Error: h.csv, row 3: count 'x' is not a number — use 0, 1, 2 ..."


def test_render_json_and_csv_round_trip():
    rows = [{"claimant": "Veloria Watch", "figure": 304, "via": None}, {"claimant": "a, b", "figure": 1, "via": "x"}]
    out = io.StringIO()
    render(rows, OutputFormat.json, out=out)
    assert json.loads(out.getvalue()) == rows
    out = io.StringIO()
    render(rows, OutputFormat.csv, out=out)
    back = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert back[1] == {"claimant": "a, b", "figure": "1", "via": "x"} and back[0]["via"] == ""
