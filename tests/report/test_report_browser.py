"""The report as a person sees it: headless Chromium, network blocked, no errors, not blank."""

from __future__ import annotations

import shutil

import pytest

from reckon.report.render import render_report

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian chromium is not installed"),
]


def test_report_opens_offline_without_requests_or_errors(full_report_data, tmp_path):
    from PIL import Image, ImageStat
    from playwright.sync_api import sync_playwright

    page_path = tmp_path / "report.html"
    page_path.write_text(render_report(full_report_data), encoding="utf-8")
    requests, console_errors = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        context = browser.new_context(offline=True)
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: console_errors.append(str(e)))
        page.goto(page_path.as_uri())
        charts = page.eval_on_selector_all(
            "svg",
            """els => els.map(e => ({
                title: (e.querySelector('title') || {}).textContent || '',
                desc: (e.querySelector('desc') || {}).textContent || '',
                role: e.getAttribute('role'),
                labelled: e.getAttribute('aria-labelledby') || '',
                width: e.getBoundingClientRect().width }))""",
        )
        headline = page.inner_text("#headline .lede")
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=True)
        browser.close()

    assert requests == [page_path.as_uri()]  # the page itself, nothing else
    assert console_errors == []
    assert len(charts) == 7
    for chart in charts:
        assert chart["role"] == "img" and chart["title"] and len(chart["desc"]) > 20
        assert chart["width"] > 100 and len(chart["labelled"].split()) == 2
    assert "420 distinct documented victims" in headline
    image = Image.open(shot).convert("L")
    assert image.size[1] > 1500  # the whole report, not one screen
    assert ImageStat.Stat(image).stddev[0] > 10  # not blank


def test_pelmark_report_shows_each_claimant_once_and_never_author(pelmark_case, tmp_path):
    """A case whose articles write one alliance four ways, after `reckon claimants merge --suggested`."""
    import re

    from playwright.sync_api import sync_playwright

    from reckon.claims.claimant_suggestions import merge_suggested
    from reckon.report import write_report

    merge_suggested(pelmark_case)
    page_path = write_report(pelmark_case, tmp_path / "pelmark.html")
    requests = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_context(offline=True).new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_path.as_uri())
        rows = page.eval_on_selector_all("#headline svg text", "els => els.map(e => e.textContent)")
        text = page.inner_text("body")
        left_out = page.eval_on_selector_all("#left-out tbody tr", "els => els.map(e => e.innerText)")
        ledger_claimants = page.eval_on_selector_all("#ledger tbody tr td:nth-child(2)", "els => els.map(e => e.innerText)")
        browser.close()

    assert requests == [page_path.as_uri()]
    claimed = [r for r in rows if r.startswith("claimed: ")]
    assert len(claimed) == len(set(claimed)) == 3, claimed
    assert "claimed: Pelmark Civic Alliance" in claimed
    assert not re.search(r"\bauthor\b", text)
    assert "Pelmark Civic Alliance's own count" in ledger_claimants and "Kessel Daily's own count" in ledger_claimants
    assert any(row.startswith("Varnholm") for row in left_out) and any(row.startswith("Kessel") for row in left_out)
    assert "Left out of that range" in text
