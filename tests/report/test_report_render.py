"""The report's numbers, suppression and self-containment, checked on the HTML itself."""

from __future__ import annotations

import re

import pytest

from reckon.errors import ReckonError
from reckon.report import charts, write_report
from reckon.report.render import (
    choose_headline_estimate,
    headline_sentence,
    render_report,
    suppress_small_cells,
    write_html,
)


def test_nice_ticks_cover_the_top_with_round_steps():
    assert charts.nice_ticks(1450) == [0, 500, 1000, 1500]
    assert charts.nice_ticks(9) == [0, 2, 4, 6, 8, 10]


def test_headline_sentence_quotes_claims_floor_and_estimate(full_report_data):
    sentence = headline_sentence(full_report_data, choose_headline_estimate(full_report_data.estimates))
    assert "from 230 (Veloria Interior Ministry) to 1,500" in sentence
    assert "420 distinct documented victims" in sentence
    assert "about 750 (95% interval 640 to 910)" in sentence
    assert "roughly 330 victims may be undocumented" in sentence


def test_public_variant_suppresses_small_cells(full_report_data):
    public = suppress_small_cells(full_report_data, 5)
    # Isles (3) is hidden, and South (117) with it: alone, 420 - 300 would give Isles back.
    assert public.victims_by["province"] == [("North", 300), ("other (not named)", 120)]
    assert public.victims_by["sex"] == [("male", 380), ("other (not named)", 40)]
    html = render_report(full_report_data, public=True, min_cell=5)
    assert "fewer than 5" in html and "Isles" not in html  # a hidden category is not named either
    assert ">3<" not in re.sub(r"<title>.*?</title>", "", html)  # the 3 people in Isles are not shown


def test_report_has_every_section_and_no_external_reference(full_report_data):
    html = render_report(full_report_data)
    for section in ("headline", "ledger", "victims", "overlap", "methods", "provenance"):
        assert f'id="{section}"' in html
    assert not re.search(r"(?i)(https?:|//[a-z]|src=|href=)", html)
    assert html.count("<svg") == 7  # headline, timeline, four victim charts, overlap
    assert html.count("<title id=") == html.count("<svg") == html.count("<desc id=")
    assert "ab" * 32 in html  # a list's SHA-256 in the provenance
    assert "03_wire.txt credits 1,500" in html


def test_chart_text_is_escaped():
    svg = charts.bar_chart([("<script>", 3)], "t<", "d&")
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_write_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "r.html"
    write_html("<p>one</p>", target)
    with pytest.raises(ReckonError, match="--force"):
        write_html("<p>two</p>", target)
    assert target.read_text() == "<p>one</p>"
    write_html("<p>two</p>", target, force=True)
    assert target.read_text() == "<p>two</p>"


def test_empty_case_report_says_what_is_missing(fresh_case, tmp_path):
    path = write_report(fresh_case, tmp_path / "r.html")
    html = path.read_text()
    assert "Not run yet, so not shown" in html
    assert fresh_case.con.execute("SELECT count(*) FROM audit WHERE action = 'report.write'").fetchone()[0] == 1


def test_headline_groups_a_claimant_however_it_is_capitalised(full_report_data):
    from dataclasses import replace

    from reckon.report.data import ClaimRow
    from reckon.report.render import headline_rows

    extra = ClaimRow("veloria interior ministry", "killed", 250, 250, "exact", "2026-03-11", "05.txt", "250 died")
    data = replace(full_report_data, claims=full_report_data.claims + (extra,))
    rows = [r for r in headline_rows(data, None) if "nterior" in r.label]
    assert len(rows) == 1 and (rows[0].low, rows[0].high) == (230, 250)
