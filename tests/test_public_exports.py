"""Public outputs that cannot be undone (issue 13, item 7), on a real case, through the CLI."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reckon.case import Case
from reckon.cli.main import app

runner = CliRunner()
SMALL = ["Fars", "Kerman", "Gilan", "Yazd", "Qom"]


@pytest.fixture
def ten_people(tmp_path: Path) -> Path:
    """The issue's case: 10 people, 5 in one province and one in each of five others."""
    folder = tmp_path / "case"
    Case.init(folder).close()
    provinces = ["Tehran"] * 5 + SMALL
    rows = ["id,name,province,age,sex"] + [
        f"{i},Person{i} Testname,{p},{25 + i},{'m' if i % 2 else 'f'}" for i, p in enumerate(provinces, start=1)
    ]
    (tmp_path / "secret-source-list.csv").write_text("\n".join(rows) + "\n")
    result = runner.invoke(app, ["lists", "add", str(tmp_path / "secret-source-list.csv"), "--name", "ten", "--case", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


def _head(folder: Path) -> str:
    result = runner.invoke(app, ["audit", "--case", str(folder)])
    return result.output.split("Head: row ")[1].split(", ")[1].split()[0]


def test_the_public_report_neither_names_nor_leaks_the_small_provinces(ten_people, tmp_path):
    # Fails on the code before issue 13: the five provinces were named, each recoverable as 10 - 5 = 5 x 1.
    head = _head(ten_people)
    out = tmp_path / "public.html"
    result = runner.invoke(app, ["report", "-o", str(out), "--public", "--case", str(ten_people)])
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert not [p for p in SMALL + ["Tehran"] if p in html]
    assert "victims by province: withheld entirely" in html
    assert "secret-source-list" not in html  # the list's file name is dropped
    assert f"hash <code>{head}</code>" in html  # the audit head, as it stood when the report was made
    assert runner.invoke(app, ["audit", "verify", "--head", head, "--case", str(ten_people)]).exit_code == 0


def test_a_public_export_applies_the_policy_and_says_what_it_removed(ten_people, tmp_path):
    # Fails on the code before issue 13: there was no `reckon export`.
    out = tmp_path / "public"
    result = runner.invoke(app, ["export", str(out), "--public", "--case", str(ten_people)])
    assert result.exit_code == 0, result.output
    victims = list(csv.DictReader((out / "victims.csv").open()))
    assert {r["breakdown"] for r in victims} == {"date of death", "sex"}  # province and age band withheld
    assert {(r["category"], r["people"]) for r in victims if r["breakdown"] == "sex"} == {("female", "5"), ("male", "5")}
    lists = list(csv.DictReader((out / "lists.csv").open()))
    assert lists[0]["name"] == "ten" and lists[0]["file"] == "" and lists[0]["sha256"] == ""
    document = json.loads((out / "export.json").read_text())
    manifest = json.loads((out / "manifest.json").read_text())
    assert document["kind"] == "public" and document["manifest"] == manifest
    assert manifest["policy"]["min_cell"] == 5 and "lists.sha256" in manifest["dropped"]
    assert any(s["table"] == "victims by province" and s["withheld"] for s in manifest["suppressed"])
    assert document["audit_head"]["hash"] in result.output
    text = " ".join((out / name).read_text() for name in ("export.json", "manifest.json", "victims.csv", "lists.csv"))
    assert not [p for p in SMALL + ["Tehran", "Person1", "secret-source-list"] if p in text]


def test_a_team_export_keeps_everything_and_says_it_is_not_for_publication(ten_people, tmp_path):
    out = tmp_path / "team"
    result = runner.invoke(app, ["export", str(out), "--case", str(ten_people)])
    assert result.exit_code == 0, result.output
    assert "not for publication" in result.output
    victims = list(csv.DictReader((out / "victims.csv").open()))
    assert {r["category"] for r in victims if r["breakdown"] == "province"} == set(SMALL) | {"Tehran"}
    assert list(csv.DictReader((out / "lists.csv").open()))[0]["file"] == "secret-source-list.csv"


def test_export_refuses_a_file_and_an_existing_folder_in_one_line(ten_people, tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "x.txt").write_text("x")
    (tmp_path / "file.txt").write_text("x")
    for target, message in ((tmp_path / "taken", "already holds files"), (tmp_path / "file.txt", "is a file, not a folder"),
                            (tmp_path / "missing" / "out", "does not exist")):
        result = runner.invoke(app, ["export", str(target), "--public", "--case", str(ten_people)])
        assert result.exit_code == 1 and result.output.startswith("Error: ") and message in result.output
