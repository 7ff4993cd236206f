"""Reviewers' answers recalibrate the model: one fitted shift of every weight (real DuckDB,
real Splink for the run)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from reckon.linkage import LinkageSettings, link_case
from reckon.linkage.defaults import LABEL_SHIFT_KEY, LIST_PAIR_PRIORS_KEY
from reckon.linkage.label_calibration import calibration_shift, shift_priors
from reckon.linkage.review import record_decision


def test_no_answers_no_shift():
    assert calibration_shift(np.array([]), np.array([]), 1.0) == 0.0


def test_answers_that_agree_with_the_model_on_average_do_not_move_it():
    # Two pairs at even odds, one a match: exactly what the model expected.
    assert calibration_shift(np.array([0.0, 0.0]), np.array([1, 0]), 1.0) == pytest.approx(0.0, abs=1e-9)


def test_the_shift_is_where_the_penalised_likelihood_is_flat():
    weights, matches, sd = np.array([0.0, -1.0, 0.5, 2.0]), np.array([1, 1, 1, 0]), 1.0
    shift = calibration_shift(weights, matches, sd)
    p = 1 / (1 + 2.0 ** -(weights + shift))
    assert math.log(2) * (matches - p).sum() - shift / sd**2 == pytest.approx(0.0, abs=1e-9)
    assert shift > 0  # three matches where the model expected about two


def test_few_answers_move_the_model_less_than_many():
    one = calibration_shift(np.zeros(3), np.ones(3), 1.0)
    many = calibration_shift(np.zeros(30), np.ones(30), 1.0)
    assert 0 < one < many
    assert calibration_shift(np.zeros(3), np.zeros(3), 1.0) == pytest.approx(-one)


def test_many_answers_find_how_far_off_the_model_is():
    # A model whose pairs are each 1.5 bits more likely to match than it says.
    rng = np.random.default_rng(3)
    weights = rng.uniform(-3, 3, 20_000)
    matches = rng.random(20_000) < 1 / (1 + 2.0 ** -(weights + 1.5))
    assert calibration_shift(weights, matches, 1.0) == pytest.approx(1.5, abs=0.1)


def test_the_shift_moves_the_common_prior_and_each_list_pairs_prior_alike():
    model = {"probability_two_random_records_match": 0.01, LIST_PAIR_PRIORS_KEY: [["a", "b", 0.2], ["a", "a", 0.001]]}
    moved = shift_priors(model, 1.0)

    def odds(p: float) -> float:
        return p / (1 - p)

    assert odds(moved["probability_two_random_records_match"]) == pytest.approx(2 * odds(0.01))
    assert [odds(p) for _, _, p in moved[LIST_PAIR_PRIORS_KEY]] == pytest.approx([2 * odds(0.2), 2 * odds(0.001)])


def test_must_link_answers_on_doubtful_pairs_raise_the_pairs_like_them(linked_case):
    first = link_case(linked_case).result
    doubtful = first.pairs[first.pairs["match_probability"].between(0.05, 0.95)].sort_values("match_probability")
    assert len(doubtful) >= 4, "the synthetic lists need doubtful pairs for this test"
    answered, others = doubtful.iloc[:3], doubtful.iloc[3:]
    for left, right in answered[["record_id_l", "record_id_r"]].itertuples(index=False):
        record_decision(linked_case, left, right, "must-link", reviewer="tester")
    settings = LinkageSettings(label_pseudo_count=None)  # the shift alone
    second = link_case(linked_case, settings=settings).result
    shift = second.model[LABEL_SHIFT_KEY]
    assert shift["pairs"] == 3 and shift["matches"] == 3
    assert shift["bits"] > 0
    before = others.set_index(["record_id_l", "record_id_r"])["match_probability"]
    after = second.pairs.set_index(["record_id_l", "record_id_r"])["match_probability"].reindex(before.index)
    # Every doubtful pair nobody answered moved up by the same odds ratio, 2^bits (the prior
    # recalibration converges to 1e-4 of itself, run to run).
    ratio = (after / (1 - after)) / (before / (1 - before))
    assert ratio.to_numpy() == pytest.approx(2.0 ** shift["bits"], rel=1e-4)


def test_without_the_setting_answers_do_not_shift_the_model(linked_case):
    first = link_case(linked_case).result
    left, right = first.pairs.sort_values("match_probability").iloc[len(first.pairs) // 2][["record_id_l", "record_id_r"]]
    record_decision(linked_case, left, right, "cannot-link", reviewer="tester")
    second = link_case(linked_case, settings=LinkageSettings(label_shift_sd=None)).result
    assert LABEL_SHIFT_KEY not in second.model
    assert second.summary()["label_shift"] == {}
