"""`reckon claims`, `reckon articles add|list`, `reckon ledger` through the real app and a real case."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reckon.case import Case
from reckon.claims.model import Claim
from reckon.claims.ingest import store_document
from reckon.cli.main import app
from reckon.articles.read import read_article

runner = CliRunner()

# A fictional event; no real names.
WIRE = (
    " date 2031-04-11 The Wire Agency reported that 900 people had been killed in Northport, "
    "citing three hospital officials."
)
DAILY = " date 2031-04-12 The Harbour Daily said the Wire Agency confirmed the toll of 900 killed."


def write(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.write_text(content, encoding="utf-8")
    return path


def quoted(file: str, text: str, quote: str, low: int, claimant_key: str, **extra: object) -> Claim:
    start = text.index(quote)
    return Claim(file, low, low, "killed", "exact", claimant_key, claimant_key, quote, start, start + len(quote), **extra)


@pytest.fixture
def stored_case(tmp_path: Path) -> Path:
    """A case holding two articles and hand-made claims for them (no extractor needed)."""
    folder = tmp_path / "case"
    case = Case.init(folder)
    wire = read_article(write(tmp_path, "wire.txt", WIRE))
    daily = read_article(write(tmp_path, "daily.txt", DAILY))
    store_document(case, wire, [quoted(wire.file, wire.text, "900 people had been killed", 900,
                                       "Northport hospital officials", via="The Wire Agency")])
    store_document(case, daily, [quoted(daily.file, daily.text, "the Wire Agency confirmed the toll of 900", 900,
                                        "Wire Agency", claim_date="2031-04-11")])
    case.close()
    return folder


def has_extractor() -> bool:
    from reckon import claims

    return hasattr(claims, "extract_claims_many")


needs_extractor = pytest.mark.skipif(not has_extractor(), reason="the claim extractor is not built yet")


def test_claims_from_the_case_as_jsonl_have_every_field(stored_case: Path) -> None:
    result = runner.invoke(app, ["claims", "--case", str(stored_case), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["file"], r["figure_low"], r["claimant_key"], r["via"]) for r in rows] == [
        ("wire.txt", 900, "Northport hospital officials", "The Wire Agency"),
        ("daily.txt", 900, "Wire Agency", None),
    ]
    for field in ("figure_high", "category", "qualifier", "claimant", "claim_date", "place", "subgroup",
                  "hedged", "disputed_by", "quote", "start", "end", "alt_quotes", "document_sha256"):
        assert field in rows[0]
    assert WIRE[rows[0]["start"] : rows[0]["end"]] == rows[0]["quote"]


def test_claims_table_and_csv(stored_case: Path) -> None:
    table = runner.invoke(app, ["claims", "--case", str(stored_case)])
    assert table.exit_code == 0 and "2 claims" in table.stdout
    found = runner.invoke(app, ["claims", "--case", str(stored_case), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(found.stdout)))
    assert [r["claim_date"] for r in rows] == ["", "2031-04-11"]


def test_articles_list(stored_case: Path) -> None:
    result = runner.invoke(app, ["articles", "list", "--case", str(stored_case), "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["file"], r["published"], r["claims"]) for r in rows] == [("wire.txt", "2031-04-11", 1), ("daily.txt", "2031-04-12", 1)]


def test_ledger_from_the_case_shows_the_path_and_the_flag(stored_case: Path) -> None:
    result = runner.invoke(app, ["ledger", "--case", str(stored_case), "--category", "killed"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "killed: 900 — 2 claims, 2 claimants" in result.stdout
    assert "re-attribution: daily.txt credits 900 killed to Wire Agency, but wire.txt shows Wire Agency citing" in result.stdout
    assert "Figures per claimant over time" in result.stdout

    data = json.loads(runner.invoke(app, ["ledger", "--case", str(stored_case), "--format", "json"]).stdout)
    assert data["groups"][0]["first"]["claimant_key"] == "Wire Agency"
    assert data["groups"][0]["first"]["date"] == "2031-04-11"
    assert [r["kind"] for r in data["reattributions"]] == ["cited someone else"]

    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["ledger", "--case", str(stored_case), "--format", "csv"]).stdout)))
    assert [(r["role"], r["claimant_key"], r["via"]) for r in rows] == [
        ("first", "Wire Agency", ""), ("repeat", "Northport hospital officials", "The Wire Agency")
    ]


def test_bad_option_values_get_one_clear_line(stored_case: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ledger", "--case", str(stored_case), "--category", "wounded"])
    assert result.exit_code == 2 and "wounded" in result.output
    missing = runner.invoke(app, ["claims", "--case", str(tmp_path / "nowhere")])
    assert missing.exit_code == 1
    assert "No case in" in missing.stderr and "Traceback" not in missing.output
    story = write(tmp_path, "wire.txt", WIRE)
    bad_date = runner.invoke(app, ["claims", str(story), "--date", "4 March"])
    assert bad_date.exit_code == 1
    assert "'4 March' is not a date — write dates as YYYY-MM-DD" in bad_date.stderr


def test_every_command_has_help_with_an_example() -> None:
    for command in (["claims"], ["ledger"], ["articles", "add"], ["articles", "list"]):
        result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0
        assert "Example" in result.stdout, command
        assert "--case" in result.stdout


@needs_extractor
def test_articles_add_stores_good_files_reports_bad_ones_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    assert runner.invoke(app, ["init", str(folder)]).exit_code == 0
    page = (
        "<html><head><title>Northport toll rises</title><meta property='og:site_name' content='Harbour Daily'>"
        "</head><body><article><p>The Harbour Daily said the Wire Agency confirmed the toll of 900 killed in "
        "Northport, and that 45 more people were injured in the clashes near the port.</p></article></body></html>"
    )
    files = [
        write(tmp_path, "wire.txt", WIRE),
        write(tmp_path, "empty.txt", ""),
        write(tmp_path, "daily.html", page),
        write(tmp_path, "notes.docx", "PK"),
    ]
    result = runner.invoke(app, ["articles", "add", *map(str, files), "--case", str(folder), "--date", "2031-04-12"])
    assert result.exit_code == 1
    assert "empty.txt: is empty" in result.stderr
    assert "notes.docx: unknown kind of file '.docx'" in result.stderr
    assert "2 added (" in result.stdout and "0 already in the case, 2 failed" in result.stdout
    listed = json.loads(runner.invoke(app, ["articles", "list", "--case", str(folder), "--format", "json"]).stdout)
    assert [(r["file"], r["kind"], r["publisher"], r["published"]) for r in listed] == [
        ("wire.txt", "txt", None, "2031-04-11"), ("daily.html", "html", "Harbour Daily", "2031-04-12")
    ]
    files = [files[0], files[2]]

    again = runner.invoke(app, ["articles", "add", *map(str, files), "--case", str(folder)])
    assert again.exit_code == 0
    assert "0 added (0 claims), 2 already in the case, 0 failed" in again.stdout


@needs_extractor
def test_claims_stateless_on_files_needs_no_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no case here
    path = write(tmp_path, "wire.txt", WIRE)
    result = runner.invoke(app, ["claims", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["figure_low"] == 900 and r["category"] == "killed" and r["file"] == "wire.txt" for r in rows)
    assert not (tmp_path / "reckon.duckdb").exists()

    bad = runner.invoke(app, ["claims", str(path), str(tmp_path / "missing.pdf")])
    assert bad.exit_code == 1 and "missing.pdf: does not exist" in bad.stderr


@needs_extractor
def test_seeds_jsonl_and_the_1500_ledger(seeds: Path) -> None:
    files = [str(p) for p in sorted(seeds.glob("*.txt"))]
    result = runner.invoke(app, ["claims", "--format", "jsonl", *files])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["file"] for r in rows} == {Path(f).name for f in files}
    assert any(r["figure_low"] == 1500 and r["claimant_key"] == "Reuters" for r in rows)

    ledger = runner.invoke(app, ["ledger", "--category", "killed", "--format", "json", *files])
    group = next(g for g in json.loads(ledger.stdout)["groups"] if g["low"] <= 1500 <= g["high"])
    assert group["first"]["date"] == "2019-12-15"
