"""Direction overrides in names and organisations cannot reorder the report (issue 13, item 6)."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest

from reckon.report.render import render_report

OVERRIDE = "Org\u202eevil"  # displays as "Orglive" where the override is obeyed
CHROMIUM = "/usr/bin/chromium"


def test_values_show_overrides_visibly_and_right_to_left_text_is_isolated():
    from reckon.report.render import display_safe

    assert display_safe(OVERRIDE) == "Org<U+202E>evil"
    assert display_safe("علی رضایی") == "\u2068علی رضایی\u2069"
    assert display_safe("Ali") == "Ali" and display_safe(3) == 3


def test_report_html_shows_overrides_visibly_and_isolates_right_to_left_names(full_report_data):
    data = replace(full_report_data, lists=(replace(full_report_data.lists[0], organisation=OVERRIDE),))
    html = render_report(data)
    assert "\u202e" not in html
    assert "Org&lt;U+202E&gt;evil" in html


@pytest.mark.browser
@pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian chromium is not installed")
def test_chromium_shows_an_override_in_a_name_in_reading_order(full_report_data, tmp_path):
    # Fails on the code before issue 13: Chromium drew "Org" + U+202E + "evil" as "Orglive".
    from playwright.sync_api import sync_playwright

    data = replace(full_report_data, lists=(replace(full_report_data.lists[0], organisation=OVERRIDE),))
    page_path = tmp_path / "report.html"
    page_path.write_text(render_report(data), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        page = browser.new_page()
        page.goto(page_path.as_uri())
        # The x position of each letter of the organisation's cell, in the order they are stored.
        xs = page.evaluate(
            """() => {
                const cell = [...document.querySelectorAll('#methods td')].find(td => td.textContent.startsWith('Org'));
                const text = cell.firstChild, range = document.createRange(), xs = [];
                for (let i = 0; i < text.length; i++) {
                    range.setStart(text, i); range.setEnd(text, i + 1);
                    const box = range.getBoundingClientRect();
                    if (box.width > 0) xs.push(box.left);
                }
                return xs;
            }"""
        )
        browser.close()
    assert len(xs) >= 7
    assert xs == sorted(xs)  # left to right as stored: "evil" is not drawn backwards
