"""`reckon lists` through the real CLI on a real case folder."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from reckon.case import Case
from reckon.cli.main import app

from .conftest import write_csv

runner = CliRunner()


def _case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    Case.init(folder).close()
    return folder


def test_add_prints_mapping_extras_and_counts(tmp_path: Path, list_a: Path) -> None:
    folder = _case(tmp_path)
    path = write_csv(tmp_path / "x.csv", [["Full Name", "سن", "Hair"], ["Ali Rezaei", "۲۰", "brown"], ["", "", "grey"]])
    result = runner.invoke(app, ["lists", "add", str(path), "--name", "x", "--case", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Full Name" in result.output and "age" in result.output
    assert "Kept as they are (extra): Hair" in result.output
    assert "Added list x: 1 records, 1 row(s) quarantined" in result.output
    again = runner.invoke(app, ["lists", "add", str(path), "--name", "x", "--case", str(folder)])
    assert "Already added as list x" in again.output and "nothing changed" in again.output


def test_lists_alone_and_show_list_the_lists(tmp_path: Path, list_a: Path) -> None:
    folder = _case(tmp_path)
    empty = runner.invoke(app, ["lists", "--case", str(folder)])
    assert "No lists yet" in empty.output
    runner.invoke(app, ["lists", "add", str(list_a), "-n", "a", "--org", "Group A", "-c", str(folder)])
    shown = runner.invoke(app, ["lists", "show", "--format", "json", "--case", str(folder)])
    rows = json.loads(shown.output)
    assert [(r["name"], r["organisation"], r["row_count"]) for r in rows] == [("a", "Group A", 4)]
    alone = runner.invoke(app, ["lists", "--format", "csv", "--case", str(folder)])
    assert alone.exit_code == 0 and "a,Group A" in alone.output
    group_case = runner.invoke(app, ["lists", "--case", str(folder), "show", "--format", "csv"])
    assert group_case.exit_code == 0 and "a,Group A" in group_case.output
    removed = runner.invoke(app, ["lists", "remove", "a", "-c", str(folder)])
    assert "Removed list a (4 records)." in removed.output
    assert "No lists yet" in runner.invoke(app, ["lists", "-c", str(folder)]).output


def test_map_option_and_problems(tmp_path: Path) -> None:
    folder = _case(tmp_path)
    path = write_csv(tmp_path / "m.csv", [["Victim", "When"], ["Ali Rezaei", "1398/08/25"], ["Neda Jafari", "1398/99/01"]])
    result = runner.invoke(
        app, ["lists", "add", str(path), "-n", "m", "--map", "name=Victim", "--map", "date_of_death=When", "-c", str(folder)]
    )
    assert result.exit_code == 0, result.output
    as_json = runner.invoke(app, ["lists", "add", str(path), "-n", "m", "--map", "name=Victim", "-f", "json", "-c", str(folder)])
    summary = json.loads(as_json.output)[0]
    assert summary["already_present"] is True and summary["mapping"]["date_of_death"] == "When"
    problems = runner.invoke(app, ["lists", "problems", "--list", "m", "--format", "jsonl", "-c", str(folder)])
    row = json.loads(problems.output.splitlines()[0])
    assert (row["row_number"], row["reason"]) == (3, "date of death: '1398/99/01' is not a real date")


def test_bad_input_is_one_red_line(tmp_path: Path) -> None:
    folder = _case(tmp_path)
    path = write_csv(tmp_path / "noname.csv", [["id", "colour"], ["1", "red"]])
    result = runner.invoke(app, ["lists", "add", str(path), "-n", "n", "-c", str(folder)])
    assert result.exit_code == 1
    assert "noname.csv: no column holds the victims' names" in result.output
    assert "Traceback" not in result.output
    bad_map = runner.invoke(app, ["lists", "add", str(path), "-n", "n", "--map", "name", "-c", str(folder)])
    assert bad_map.exit_code == 1 and "CANONICAL=COLUMN" in bad_map.output


def test_every_lists_command_and_option_has_help() -> None:
    for command in (["lists"], ["lists", "add"], ["lists", "show"], ["lists", "problems"], ["lists", "remove"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0
    from reckon.cli.lists import lists_app

    for info in lists_app.registered_commands:
        assert info.callback.__doc__, info.name
        for parameter in [p for p in (info.callback.__defaults__ or ()) if p is not None]:
            assert getattr(parameter, "help", "x"), f"{info.name}: an option without help"


def test_add_says_how_many_places_resolved_and_how_many_are_unidentified(tmp_path: Path) -> None:
    folder = _case(tmp_path)
    rows = [["name", "age", "place"], ["Ali Rezaei", "20", "Tehran"], ["", "19", "کرج"], ["Sara Amini", "", "Nowhereabad"]]
    path = write_csv(tmp_path / "p.csv", rows)
    result = runner.invoke(app, ["lists", "add", str(path), "--name", "p", "--country", "ir", "--case", str(folder)])
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())  # the console wraps long lines
    assert "3 records (1 without a name: unidentified victims), 0 row(s) quarantined" in output
    assert "Places: 2 of 3 records with a place resolved in IR." in output
    assert "not resolved in IR: 'Nowhereabad' (1)" in output
    shown = runner.invoke(app, ["lists", "--case", str(folder), "--format", "json"])
    assert '"unidentified": 1' in shown.output and '"country": "IR"' in shown.output
    other = write_csv(tmp_path / "q.csv", rows[:2])
    bad = runner.invoke(app, ["lists", "add", str(other), "--name", "q", "--country", "Persia", "--case", str(folder)])
    assert bad.exit_code != 0 and "two-letter ISO 3166-1 code" in " ".join(bad.output.split())
