"""Articles are in the seed format and the planted claims sit at their stated offsets."""

from __future__ import annotations

import json
import re

import pandas as pd

from reckon.claims.model import CATEGORIES, QUALIFIERS


def planted(out) -> list[dict]:
    lines = (out / "articles" / "claims_truth.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_articles_open_with_the_date_header_and_text_on_the_same_line(event):
    out, _ = event
    files = sorted((out / "articles").glob("*.txt"))
    assert [f.name[:4] for f in files] == [f"{i:03d}_" for i in range(12)]
    dates = []
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.match(r"^ date (\d{4}-\d{2}-\d{2}) (\S.*)$", first)
        assert match, first[:40]
        dates.append(match.group(1))
    assert dates == sorted(dates) and dates[0] == "2025-02-17" and dates[-1] == "2025-03-18"


def test_quotes_sit_at_their_offsets(event):
    out, truth = event
    claims = planted(out)
    assert len(claims) == truth.claims >= 24
    for claim in claims:
        text = (out / "articles" / claim["file"]).read_text(encoding="utf-8")
        assert text[claim["start"]:claim["end"]] == claim["quote"]
        assert claim["category"] in CATEGORIES and claim["qualifier"] in QUALIFIERS


def test_figures_follow_the_qualifier_conventions(event):
    out, _ = event
    for claim in planted(out):
        low, high, qualifier = claim["figure_low"], claim["figure_high"], claim["qualifier"]
        if qualifier in ("exact", "about"):
            assert low == high
            assert f"{low:,}" in claim["quote"] or str(low) in claim["quote"]
        elif qualifier in ("at least", "over", "vague"):
            assert high is None and low > 0
        elif qualifier == "up to":
            assert low is None and high > 0
        else:
            assert qualifier == "between" and low < high


def test_the_story_spans_claimants_categories_and_disputes(event):
    out, truth = event
    claims = planted(out)
    assert {c["claimant_key"] for c in claims} >= {
        "Interior Ministry", "Democratic Tomorrow Coalition", "Parvaz Rights Collective", "Meridian Wire Service",
        "UN Fact-Finding Panel", "author"}
    assert {c["category"] for c in claims} == {"killed", "injured", "arrested", "scope"}
    assert [c["unit"] for c in claims if c["category"] == "scope"] == ["cities"]
    assert {c["qualifier"] for c in claims} == set(QUALIFIERS)
    killed = {c["claimant_key"]: c for c in claims if c["category"] == "killed" and c["file"].startswith("00")}
    # Government low, opposition high, the rights group near its own list.
    assert killed["Interior Ministry"]["figure_low"] < truth.n_victims < killed["Democratic Tomorrow Coalition"]["figure_low"]
    rights = [c for c in claims if c["file"] == "004_parvaz_rights.txt" and c["place"] is None]
    assert rights[0]["figure_low"] == truth.victims_by_list["rights_group"]
    assert any(c["disputed_by"] == "Interior Ministry" for c in claims)
    reattributed = [c for c in claims if c["claimant_key"] == "Meridian Wire Service" and "confirmed" in c["quote"]]
    assert reattributed and reattributed[0]["figure_low"] == killed["Democratic Tomorrow Coalition"]["figure_low"]
    assert any(c["via"] == "Meridian Wire Service" for c in claims)


def test_subgroup_figures_come_from_the_rights_groups_list(event):
    out, _ = event
    people = pd.read_csv(out / "population.csv").set_index("person_id")
    mapping = pd.read_csv(out / "truth.csv", dtype={"source_record_id": str})
    listed = people.loc[mapping.loc[mapping["list_name"] == "rights_group", "person_id"].unique()]
    subgroups = {c["subgroup"]: c["figure_low"] for c in planted(out) if c["subgroup"]}
    assert subgroups == {"children": int((listed["age"] < 18).sum()), "women": int((listed["sex"] == "female").sum())}


def test_numbers_that_are_not_claims_stay_outside_every_quote(event):
    out, _ = event
    claims = planted(out)
    for path in sorted((out / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = [(c["start"], c["end"]) for c in claims if c["file"] == path.name]
        for distractor in ("200 percent", "17-year-old", "96 hours", "40-day", "212 pages"):
            at = text.find(distractor)
            if at >= 0:
                assert not any(start <= at < end for start, end in spans), (path.name, distractor)
