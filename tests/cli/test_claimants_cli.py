"""`reckon claimants` and its merge/rename/split through the real app on the Pelmark case."""

from __future__ import annotations

import csv
import io
import json
import re

from typer.testing import CliRunner

from reckon.case import Case
from reckon.cli.main import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def listing(folder) -> dict:
    result = run("claimants", "--case", str(folder), "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_list_shows_claimants_and_suggested_merges_with_their_commands(pelmark_case) -> None:
    folder = pelmark_case.folder
    pelmark_case.close()
    table = run("claimants", "--case", str(folder))
    assert table.exit_code == 0
    assert "Suggested merges" in table.output
    assert 'reckon claimants merge "Orrin Vale" --into "Interior Ministry"' in " ".join(table.output.split())
    data = listing(folder)
    rows = {row["claimant"]: row for row in data["claimants"]}
    assert rows["Kessel Daily"]["label"] == "Kessel Daily's own count"
    assert "author" not in rows
    assert {"name": "Orrin Vale", "into": "Interior Ministry"}.items() <= next(
        s for s in data["suggestions"] if s["name"] == "Orrin Vale"
    ).items()
    rows_csv = list(csv.DictReader(io.StringIO(run("claimants", "--case", str(folder), "-f", "csv").output)))
    assert {r["claimant"] for r in rows_csv} == set(rows)


def test_merge_rename_split_round_trip(pelmark_case) -> None:
    folder = pelmark_case.folder
    pelmark_case.close()
    merged = run("claimants", "merge", "Orrin Vale", "--into", "Interior Ministry", "--case", str(folder))
    assert merged.exit_code == 0 and "Merged Orrin Vale into Interior Ministry" in merged.output
    rows = {row["claimant"]: row for row in listing(folder)["claimants"]}
    assert "Orrin Vale" not in rows and rows["Interior Ministry"]["merged_from"] == ["Orrin Vale"]
    assert rows["Interior Ministry"]["claims"] == 4

    renamed = run("claimants", "rename", "Interior Ministry", "--to", "Pelmark Interior Ministry", "--case", str(folder))
    assert renamed.exit_code == 0
    rows = {row["claimant"]: row for row in listing(folder)["claimants"]}
    assert rows["Pelmark Interior Ministry"]["claims"] == 4

    split = run("claimants", "split", "Pelmark Interior Ministry", "--name", "Orrin Vale", "--case", str(folder))
    assert split.exit_code == 0, split.output
    rows = {row["claimant"]: row for row in listing(folder)["claimants"]}
    assert rows["Orrin Vale"]["claims"] == 2 and rows["Pelmark Interior Ministry"]["claims"] == 2
    with Case.open(folder) as case:
        actions = [r[0] for r in case.con.execute("SELECT action FROM audit WHERE action LIKE 'claimants.%' ORDER BY seq").fetchall()]
        assert actions == ["claimants.merge", "claimants.rename", "claimants.split"]
        assert case.verify_audit() > 0


def test_merge_suggested_and_the_ledger_shows_each_claimant_once(pelmark_case) -> None:
    folder = pelmark_case.folder
    pelmark_case.close()
    accepted = run("claimants", "merge", "--suggested", "--case", str(folder))
    assert accepted.exit_code == 0 and accepted.output.count("Merged ") >= 3
    assert listing(folder)["suggestions"] == []
    ledger = run("ledger", "--case", str(folder), "--format", "json")
    data = json.loads(ledger.output)
    keys = {e["claimant_key"] for g in data["groups"] for e in g["entries"]}
    assert len(keys) == 4 and not re.search(r"\bauthor\b", ledger.output)
    rows = list(csv.DictReader(io.StringIO(run("ledger", "--case", str(folder), "-f", "csv").output)))
    assert {r["claimant_key"] for r in rows} == keys
    assert "Kessel Daily's own count" in {r["claimant_label"] for r in rows}
    table = run("ledger", "--case", str(folder))
    assert table.exit_code == 0 and "Kessel" in table.output and not re.search(r"\bauthor\b", table.output)


def test_bad_input_is_one_red_line_and_exit_1(pelmark_case) -> None:
    folder = pelmark_case.folder
    pelmark_case.close()
    unknown = run("claimants", "merge", "Nobody", "--into", "Interior Ministry", "--case", str(folder))
    assert unknown.exit_code == 1
    assert "No claimant “Nobody” in this case" in unknown.output and "Traceback" not in unknown.output
    missing_into = run("claimants", "merge", "Orrin Vale", "--case", str(folder))
    assert missing_into.exit_code == 1 and "--into" in missing_into.output
    taken = run("claimants", "rename", "Orrin Vale", "--to", "Interior Ministry", "--case", str(folder))
    assert taken.exit_code == 1 and "merge them instead" in taken.output
    assert listing(folder)["claimants"]  # nothing broke
