"""A reviewer's session in headless Chromium against a real `reckon serve`: review three pairs
by keyboard, correct a claim, restart the server, find all four kept, the audit trail intact;
and every page looked at: not blank, no sideways scrolling, Persian names shown."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from reckon.case import Case

from webcase import PASSWORDS, Served, free_port

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian chromium is not installed"),
]
PERSIAN = re.compile(r"[\u0600-\u06FF]")
NEW_CLAIMANT = "Provincial health office (استانداری)"


def launch(playwright):
    return playwright.chromium.launch(
        executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    )


def log_in(page, url: str, name: str) -> None:
    page.goto(url + "/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORDS[name])
    with page.expect_navigation():
        page.press("input[name=password]", "Enter")
    assert "/login" not in page.url


def watch(page, url: str) -> list[str]:
    """Console errors, failed requests and any request to another address, as they happen."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"off-site: {r.url}") if not r.url.startswith((url, "data:")) else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    return problems


def test_review_by_keyboard_correct_a_claim_restart_and_find_it_all_kept(case_copy):
    from playwright.sync_api import sync_playwright

    served = Served(case_copy, free_port())
    served.start()
    answered: list[tuple[str, str, str]] = []
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            problems = watch(page, served.url)
            log_in(page, served.url, "mina")
            page.goto(served.url + "/review")
            for key, verdict in (("s", "same person"), ("d", "different people"), ("s", "same person")):
                left = page.get_attribute("input[name=left]", "value")
                right = page.get_attribute("input[name=right]", "value")
                page.locator("body").click(position={"x": 5, "y": 300})  # focus the page, not a text field
                with page.expect_navigation():
                    page.keyboard.press(key)
                new_left = page.get_attribute("input[name=left]", "value")
                new_right = page.get_attribute("input[name=right]", "value")
                assert (new_left, new_right) != (left, right)  # the next pair came up
                answered.append((left, right, verdict))
            page.goto(served.url + "/claims")
            article = page.locator("article.claim").first
            claim_id = article.locator("code").inner_text()
            extracted = article.locator("header bdi").first.inner_text()
            article.locator("summary").click()
            article.locator("input[name=claimant]").fill(NEW_CLAIMANT)
            with page.expect_navigation():
                article.locator("button[type=submit]").click()
            assert problems == []
            browser.close()
    finally:
        served.stop()

    served.port = free_port()
    served.start()  # a new process over the same case
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            log_in(page, served.url, "vic")
            for left, right, verdict in answered:
                page.goto(f"{served.url}/review?left={left}&right={right}")
                assert f"Current verdict: {verdict} by mina" in " ".join(page.inner_text(".verdict").split())
            page.goto(served.url + "/claims")
            kept = page.locator(f"article.claim:has(code:text-is('{claim_id}'))")
            assert NEW_CLAIMANT in kept.locator(".corrected").inner_text()
            assert extracted in kept.locator(".struck").inner_text()  # the extracted claimant, beside it
            browser.close()
    finally:
        served.stop()

    audit = subprocess.run([sys.executable, "-m", "reckon.cli.main", "audit", "--case", str(case_copy)],
                           capture_output=True, text=True, timeout=120)
    assert audit.returncode == 0 and "Audit trail intact" in audit.stdout
    with Case.open(case_copy) as case:
        actions = case.rows("SELECT actor, action FROM audit WHERE actor = 'mina' ORDER BY seq")
        decisions = case.rows("SELECT record_id_l, record_id_r, decision, reviewer FROM decisions ORDER BY rowid")
    assert [a["action"] for a in actions if a["action"] in ("link.decide", "claims.correct")] == ["link.decide"] * 3 + ["claims.correct"]
    assert [d["reviewer"] for d in decisions] == ["mina"] * 3
    assert [d["decision"] for d in decisions] == ["must-link", "cannot-link", "must-link"]


PAGES = ["/", "/review", "/review?queue=refused", "/claims", "/lists", "/estimates", "/admin", "/persons?q=a"]


def test_every_page_is_drawn_fits_the_window_and_shows_persian_names(served, tmp_path):
    from PIL import Image, ImageStat
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1024, "height": 768})
        problems = watch(page, served.url)
        log_in(page, served.url, "ada")
        found = page.evaluate("fetch('/persons.json?q=' + encodeURIComponent('محمد')).then(r => r.json())")["records"]
        record = next(r for r in found if r["person_id"] and r["list_name"].startswith("hospital"))
        in_script = [f"/persons?q={record['name_native'][:3]}", f"/person?record={record['record_id']}",
                     f"/list?name={record['list_name']}"]
        for path in PAGES + in_script:
            page.goto(served.url + path)
            shot = tmp_path / f"page-{len(list(tmp_path.iterdir()))}.png"
            page.screenshot(path=str(shot), full_page=True)
            image = Image.open(shot).convert("L")
            assert ImageStat.Stat(image).stddev[0] > 15, f"{path} looks blank"
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"
            if path in in_script:
                assert PERSIAN.search(page.inner_text("main")), f"{path} shows no Persian name"
        browser.close()
    assert problems == []
