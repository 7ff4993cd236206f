"""Safe outputs (issue 13, item 6): CSV a spreadsheet will not run, direction overrides that
cannot reorder text, reports written without following links, clean messages for bad -o."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reckon.case import Case
from reckon.cli.main import app
from reckon.report.render import write_html

runner = CliRunner()
FORMULA = '=HYPERLINK("http://example.invalid","open")'
OVERRIDE = "Org\u202eevil"  # displays as "Orglive" where the override is obeyed


@pytest.fixture
def hostile_case(tmp_path: Path) -> Path:
    """A case whose list carries a formula for an organisation and a file name starting with @."""
    folder = tmp_path / "case"
    Case.init(folder).close()
    listed = tmp_path / "@SUM(1+1).csv"
    listed.write_text("id,name\n1,Ali Ahmadi\n")
    result = runner.invoke(app, ["lists", "add", str(listed), "--name", "l", "--org", FORMULA, "--case", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_cells_a_spreadsheet_would_run_get_a_leading_quote(hostile_case):
    # Fails on the code before issue 13: the cells were written raw.
    result = runner.invoke(app, ["lists", "--case", str(hostile_case), "--format", "csv"])
    row = _csv_rows(result.stdout)[0]
    assert row["organisation"] == "'" + FORMULA
    assert row["file"] == "'@SUM(1+1).csv"
    assert row["row_count"] == "1"


def test_raw_csv_keeps_cells_as_stored(hostile_case):
    result = runner.invoke(app, ["--raw-csv", "lists", "--case", str(hostile_case), "--format", "csv"])
    assert _csv_rows(result.stdout)[0]["organisation"] == FORMULA


def test_claims_csv_neutralises_a_file_name_and_keeps_numbers(tmp_path):
    article = tmp_path / "-2+3 cmd.txt"
    article.write_text("At least 12 people were killed in Aldmar, the Veloria Rights Monitor said on Monday.\n")
    rows = _csv_rows(runner.invoke(app, ["claims", str(article), "--format", "csv"]).stdout)
    assert rows and all(r["file"] == "'-2+3 cmd.txt" for r in rows)
    assert rows[0]["figure_low"] == "12"
    from reckon.storage.cells import safe_cell

    assert [safe_cell(v) for v in ("-3", "+7.5", "@x", "\tx", "\r=1")] == ["-3", "+7.5", "'@x", "'\tx", "'\r=1"]


def test_direction_overrides_are_written_visibly_in_csv(tmp_path):
    # Fails on the code before issue 13: the U+202E went out raw and reversed "evil".
    folder = tmp_path / "case"
    Case.init(folder).close()
    (tmp_path / "l.csv").write_text("id,name\n1,Ali Ahmadi\n")
    runner.invoke(app, ["lists", "add", str(tmp_path / "l.csv"), "--name", "l", "--org", OVERRIDE, "--case", str(folder)])
    row = _csv_rows(runner.invoke(app, ["lists", "--case", str(folder), "--format", "csv"]).stdout)[0]
    assert row["organisation"] == "Org<U+202E>evil"


def test_the_report_does_not_follow_a_link_planted_at_its_temporary_name(tmp_path):
    # Fails on the code before issue 13: report.html.partial was opened through the link.
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "report.html.partial").symlink_to(victim)
    write_html("<p>report</p>", tmp_path / "report.html")
    assert victim.read_text() == "keep me"
    assert (tmp_path / "report.html").read_text() == "<p>report</p>"


@pytest.mark.parametrize("target, message", [
    ("folder", "is a folder"),
    ("missing/report.html", "does not exist"),
])
def test_report_output_problems_get_one_clean_line(tmp_path, target, message):
    folder = tmp_path / "case"
    Case.init(folder).close()
    (tmp_path / "folder").mkdir()
    result = runner.invoke(app, ["report", "-o", str(tmp_path / target), "--case", str(folder)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and message in result.output and "Traceback" not in result.output
