"""Reviewers' corrections are kept beside the extracted claim, never over it."""

from __future__ import annotations

import pytest

from reckon.claims.corrections import correct_claim, correction_history, current_corrections
from reckon.claims.ingest import add_articles
from reckon.claims.review import ClaimFilters, export_rows, reviewed_claims
from reckon.claims.store import load_claims_by_id
from reckon.errors import InputError

ARTICLE = """title: Clashes in the river town
publisher: Example Daily
date: 2031-03-04

The provincial health office said at least 40 people were killed in Riverton on March 2.
A rights group later said 112 people had been arrested in Riverton since the protests began.
"""


@pytest.fixture
def claims_case(fresh_case, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    add_articles(fresh_case, [path])
    return fresh_case


def test_a_correction_is_kept_beside_the_extracted_value(claims_case):
    claim_id, extracted = next(iter(load_claims_by_id(claims_case).items()))
    correct_claim(claims_case, claim_id, reviewer="mina", claimant="Riverton health office", note="named in the headline")
    correct_claim(claims_case, claim_id, reviewer="ada", figure=(41, 41))
    assert load_claims_by_id(claims_case)[claim_id] == extracted  # the extractor's claim is untouched
    corrected = current_corrections(claims_case)[claim_id]
    assert corrected.claimant == "Riverton health office" and corrected.figure == (41, 41)
    assert corrected.category is None and corrected.reviewer == "ada"
    assert [h["reviewer"] for h in correction_history(claims_case, claim_id)] == ["ada", "mina"]
    row = export_rows(reviewed_claims(claims_case))[0]
    assert (row["claimant"], row["corrected_claimant"]) == (extracted.claimant, "Riverton health office")
    assert (row["figure_low"], row["corrected_figure_low"]) == (extracted.figure_low, 41)
    assert claims_case.scalar("SELECT count(*) FROM audit WHERE action = 'claims.correct'") == 2


def test_filters_use_the_corrected_values_and_quotes_come_with_context(claims_case):
    rows = reviewed_claims(claims_case)
    assert len(rows) >= 2
    killed = [r for r in rows if r.claim.category == "killed"][0]
    assert killed.claim.quote in ARTICLE and ARTICLE.find(killed.before + killed.claim.quote + killed.after) >= 0
    correct_claim(claims_case, killed.id, reviewer="mina", category="injured")
    assert killed.id not in [r.id for r in reviewed_claims(claims_case, ClaimFilters(category="killed"))]
    assert killed.id in [r.id for r in reviewed_claims(claims_case, ClaimFilters(category="injured"))]
    assert all("riverton" in (r.claim.place or "").lower() for r in reviewed_claims(claims_case, ClaimFilters(place="RIVER")))
    assert reviewed_claims(claims_case, ClaimFilters(date_from="2031-04")) == []


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({}, "changes nothing"),
        ({"category": "wounded"}, "not one of"),
        ({"figure": (50, 10)}, "above the high one"),
        ({"figure": (-3, None)}, "whole number"),
        ({"claimant": "x" * 201}, "longer than 200"),
    ],
)
def test_bad_corrections_are_refused(claims_case, fields, says):
    claim_id = next(iter(load_claims_by_id(claims_case)))
    with pytest.raises(InputError, match=says):
        correct_claim(claims_case, claim_id, reviewer="mina", **fields)
    assert current_corrections(claims_case) == {}


def test_a_correction_of_an_unknown_claim_is_refused(claims_case):
    with pytest.raises(InputError, match="no claim"):
        correct_claim(claims_case, "nope#1", reviewer="mina", claimant="x")
