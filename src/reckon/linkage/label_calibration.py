"""Reviewers' answers recalibrate the model's probabilities.

The review queue offers the pairs the model is least sure of, so the answered pairs are no
random sample of matches: m learned from them learns the queue's oddities (the doubtful
date ranges, the rare spellings) and moves pairs that were fine. But whether a pair *with a
given score* is a match is exactly what an answer tells, whatever picked that pair: the
queue selects on the score, and calibration is a statement given the score. So reckon
reads the answers as a check of calibration: one shift of every pair's weight (in bits,
the log-odds intercept) fitted to the answered pairs by penalised maximum likelihood. A
normal prior on the shift (sd ``LinkageSettings.label_shift_sd`` bits) keeps a few answers
from moving it far. The shift moves the common prior and every list pair's prior alike,
so the evidence of each pair is unchanged and the run's model stays one model.

The answered pairs themselves are decided by their answers (decisions.py); the shift moves
the pairs like them that nobody has answered yet.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from reckon.linkage.decisions import Decisions
from reckon.linkage.defaults import LABEL_SHIFT_KEY, LIST_PAIR_PRIORS_KEY
_LN2 = math.log(2)


def calibration_shift(weights: np.ndarray, matches: np.ndarray, sd: float) -> float:
    """The shift s (bits) that maximises the answers' likelihood, each pair a match with
    probability 1 / (1 + 2^-(weight + s)), times a normal prior on s (mean 0, ``sd`` bits).
    The penalised log-likelihood is concave in s, so Newton's method finds its one maximum."""
    weights = np.asarray(weights, dtype=float)
    matches = np.asarray(matches, dtype=float)
    if len(weights) == 0 or sd <= 0:
        return 0.0
    shift = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp2(-(weights + shift)))
        gradient = _LN2 * float(np.sum(matches - p)) - shift / sd**2
        curvature = _LN2**2 * float(np.sum(p * (1 - p))) + 1 / sd**2
        step = gradient / curvature
        shift += step
        if abs(step) < 1e-9:
            break
    return shift


def answered_pair_weights(engine: Any, predictions: str, weight_sql: str, decisions: Decisions) -> pd.DataFrame:
    """The answered pairs the run scored: record_id_l, record_id_r, match_weight (as
    ``weight_sql`` computes it over the ``predictions`` table) and match (the answer)."""
    answers = [(left, right, True) for left, right in decisions.must_link]
    answers += [(left, right, False) for left, right in decisions.cannot_link]
    if not answers:
        return pd.DataFrame(columns=["record_id_l", "record_id_r", "match_weight", "match"])
    left, right, match = zip(*answers)
    table = engine.register(pa.table({"a": list(left), "b": list(right), "match": list(match)}))
    try:
        # Splink orders a pair by its own ids; reckon's decisions by record id: match both ways.
        return engine.query(
            f"SELECT p.record_id_l, p.record_id_r, {weight_sql} AS match_weight, d.match "
            f"FROM {predictions} AS p JOIN {table.physical_name} AS d "
            "ON (p.record_id_l = d.a AND p.record_id_r = d.b) OR (p.record_id_l = d.b AND p.record_id_r = d.a)"
        )
    finally:
        engine.drop(table)


def shift_priors(model: dict[str, Any], bits: float) -> dict[str, Any]:
    """The model with its common prior and every list pair's prior moved by ``bits`` of
    log-odds (each pair's weight moves by the same)."""
    moved = {**model, "probability_two_random_records_match": _moved(float(model["probability_two_random_records_match"]), bits)}
    if model.get(LIST_PAIR_PRIORS_KEY):
        moved[LIST_PAIR_PRIORS_KEY] = [[a, b, _moved(float(p), bits)] for a, b, p in model[LIST_PAIR_PRIORS_KEY]]
    return moved


def _moved(probability: float, bits: float) -> float:
    odds = probability / (1 - probability) * 2.0**bits
    return odds / (1 + odds)


__all__ = ["LABEL_SHIFT_KEY", "answered_pair_weights", "calibration_shift", "shift_priors"]
