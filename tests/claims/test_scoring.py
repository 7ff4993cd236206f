"""The scorer: one-to-one matches on file, category, figures and overlapping quotes."""

from __future__ import annotations

from reckon.claims import Claim, Quote, score_claims
from reckon.claims.scoring import claimants_agree


def gold(**overrides):
    row = {"file": "a.txt", "category": "killed", "figure_low": 41, "figure_high": 41,
           "claimant_key": "Veloria Rights Monitor", "start": 10, "end": 40, "quote": "q"}
    return {**row, **overrides}


def predicted(**overrides):
    values = dict(file="a.txt", figure_low=41, figure_high=41, category="killed", qualifier="exact",
                  claimant="the Monitor", claimant_key="Veloria Rights Monitor", quote="q", start=30, end=60)
    return Claim(**{**values, **overrides})


def test_perfect_match():
    result = score_claims([predicted()], [gold()])
    assert (result["precision"], result["recall"], result["f1"], result["claimant_accuracy"]) == (1, 1, 1, 1)


def test_figures_category_file_and_overlap_all_count():
    golds = [gold()]
    for wrong in (predicted(figure_high=None), predicted(category="injured"), predicted(file="b.txt"),
                  predicted(start=40, end=60)):
        assert score_claims([wrong], golds)["matched"] == 0


def test_an_alt_quote_can_carry_the_overlap():
    claim = predicted(start=100, end=120, alt_quotes=(Quote("q", 20, 30),))
    assert score_claims([claim], [gold()])["matched"] == 1


def test_matches_are_one_to_one_and_f1_combines_both_rates():
    result = score_claims([predicted(), predicted()], [gold(), gold(figure_low=7, figure_high=7)])
    assert (result["matched"], result["precision"], result["recall"], result["f1"]) == (1, 0.5, 0.5, 0.5)


def test_claimant_accuracy_counts_only_matches():
    result = score_claims([predicted(claimant_key="author")], [gold()])
    assert (result["f1"], result["claimant_accuracy"]) == (1.0, 0.0)


def test_claimant_keys_agree_modulo_case_and_a_missing_qualifier_word():
    assert claimants_agree("interior ministry", "Velorian Interior Ministry")
    assert claimants_agree("Amnesty", "Amnesty International")
    assert not claimants_agree("Foreign Ministry", "Interior Ministry")
    assert not claimants_agree("ministry", "Velorian Interior Ministry")  # too generic alone
    assert not claimants_agree("author", "Reuters")
    assert not claimants_agree("Veloria", "Veloria Rights Monitor")  # a place alone names no body
    assert not claimants_agree("Velorian", "Velorian Interior Ministry")
    assert claimants_agree("Federal Ministry of Health", "Velorian Federal Ministry of Health")


def test_united_nations_spelled_out_or_abbreviated_is_one_key():
    assert claimants_agree("UN Stabilization Mission in Orlavia", "United Nations Stabilization Mission in Orlavia")
    assert not claimants_agree("UN Stabilization Mission in Orlavia", "United Nations Development Programme")
