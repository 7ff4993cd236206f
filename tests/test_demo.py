"""The demo end to end: every stage runs on a small simulated event, and the report it writes
opens in a real browser with the numbers the case holds."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from typer.testing import CliRunner

from reckon.cli.main import app
from reckon.demo import run_demo

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo") / "out"
    return run_demo(folder, victims=400, lists=3, seed=11)


def test_every_stage_ran(demo):
    stages = {stage for stage, text in demo.stages if not text.startswith("skipped")}
    assert stages == {"simulate", "claims", "claimants", "lists", "linkage", "estimation", "report"}, demo.stages


def test_numbers_are_consistent_with_the_simulated_truth(demo):
    truth = json.loads((demo.folder / "inputs" / "truth.json").read_text())
    documented = demo.numbers["documented"]
    # Linkage may merge or split a few people, never by much on clean simulated lists.
    assert abs(documented - truth["documented"]) <= 0.05 * truth["documented"]
    assert demo.numbers["records"] >= documented
    for method in ("loglinear", "lcmcr"):
        estimate = demo.numbers[method]
        assert estimate.observed == documented
        assert estimate.lower <= estimate.estimate <= estimate.upper
        assert estimate.estimate >= documented
    assert demo.numbers["claims"] >= 10


def test_demo_refuses_a_non_empty_folder_without_force(demo):
    result = CliRunner().invoke(app, ["demo", "--out", str(demo.folder), "--victims", "100"])
    assert result.exit_code == 1
    assert "--force" in result.output
    assert (demo.folder / "report.html").exists()


@pytest.mark.browser
@pytest.mark.skipif(shutil.which("/usr/bin/chromium") is None, reason="Debian chromium is not installed")
def test_demo_report_opens_offline_with_the_case_numbers(demo, tmp_path):
    from PIL import Image, ImageStat
    from playwright.sync_api import sync_playwright

    requests, errors = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_context(offline=True).new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(demo.report.resolve().as_uri())
        headline = page.inner_text("#headline .lede")
        claimed = [t for t in page.eval_on_selector_all("#headline svg text", "els => els.map(e => e.textContent)")
                   if t.startswith("claimed: ")]
        body = page.inner_text("body")
        embedded = json.loads(page.inner_text("#report-data"))
        untitled = page.eval_on_selector_all("svg", "els => els.filter(e => !e.querySelector('title, desc')).length")
        page.screenshot(path=str(tmp_path / "demo-report.png"), full_page=True)
        browser.close()
    assert requests == [demo.report.resolve().as_uri()] and errors == []
    assert f"{demo.numbers['documented']:,} distinct documented victims" in headline
    assert embedded["persons"] == demo.numbers["documented"]
    assert untitled == 0
    assert claimed and len(claimed) == len(set(claimed))  # each claimant once
    assert not re.search(r"\bauthor\b", body) and not re.search(r"\bauthor\b", headline)
    assert ImageStat.Stat(Image.open(tmp_path / "demo-report.png").convert("L")).stddev[0] > 10


def test_the_demo_ledger_shows_each_claimant_once_and_never_author(demo):
    """The demo accepted the merges its claims suggest: no claimant is left under two names."""
    from reckon.case import Case
    from reckon.claims.aliases import load_claimants, reviewed_claims
    from reckon.claims.claimant_suggestions import suggest_merges

    assert demo.numbers["claimant_merges"] >= 1
    result = CliRunner().invoke(app, ["ledger", "--case", str(demo.folder), "--format", "json"])
    assert result.exit_code == 0 and not re.search(r"\bauthor\b", result.output)
    labels = {e["claimant_label"] for g in json.loads(result.output)["groups"] for e in g["entries"]}
    assert labels and not any(label.casefold() == "author" for label in labels)
    with Case.open(demo.folder) as case:
        claims = reviewed_claims(case)
        assert suggest_merges(claims, load_claimants(case, claims)) == []


def test_the_report_shows_each_province_once(demo):
    """Lists write provinces in Latin and in Persian (Tehran, تهران): one bar each."""
    html = (demo.folder / "report.html").read_text(encoding="utf-8")
    data = json.loads(html.split('<script type="application/json" id="report-data">')[1].split("</script>")[0])
    labels = [label for label, _ in data["victims_by"]["province"] if label != "unknown"]
    assert len(labels) == len(set(labels)) and 5 <= len(labels) <= 13
    assert not any("\u0600" <= ch <= "\u06ff" for label in labels for ch in label)  # Latin by default
    assert "GeoNames" in (data["places_attribution"] or "")
