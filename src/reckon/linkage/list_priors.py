"""The prior per pair of lists: how often two records of lists A and B are one person.

Splink has one prior (lambda) for every pair of records. Linking lists of the dead, that
mixes two very different kinds of pair. A list mostly names a person once, so two records
of one list are rarely one person; two lists of the same dead name many of the same
people, so a record of one and a record of the other often are. In the harsh
2,000/5,000 simulation a pair across the two lists is one person 40 times as often as a
pair inside the big list: the one prior overrated every namesake inside a list and
underrated every pair across.

So after the common prior is recalibrated (link.py), it is estimated again for each pair
of lists the same way, with m and u held fixed: the expected share of matches among all
pairs of records of those two lists (a list with itself too), iterated to a fixed point
(pairs no blocking rule admits count as non-matches). Each pair's match weight then moves
by the difference, in log2 odds, between its lists' prior and the common one: its
evidence is unchanged. A list pair's prior stays within ``MAX_RATIO`` of the common
prior either way: where the model finds almost nothing, the fixed point can spiral
towards zero (fewer strong pairs → lower prior → fewer strong pairs). Inside a list it
often ends at that bound, below the true share of duplicates: the lists' own duplicates
then need stronger evidence to join than before.

The priors are stored in the run's model (``LIST_PAIR_PRIORS_KEY``: [list, list, prior]
rows, the lists in sorted order), so that pairs scored later (the group check,
explanations) move the same way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from reckon.linkage.defaults import LIST_PAIR_PRIORS_KEY

MAX_RATIO = 100.0  # a list pair's prior stays within 100-fold of the common prior
ITERATIONS = 50


def _log2_odds(probability: float) -> float:
    return math.log2(probability / (1 - probability))


def _literal(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _shift_sql(shifts: dict[tuple[str, str], float]) -> str:
    """SQL: each pair's weight shift, by its lists (lo, hi: the two names in order)."""
    cases = " ".join(f"WHEN lo = {_literal(a)} AND hi = {_literal(b)} THEN {shift!r}"
                     for (a, b), shift in sorted(shifts.items()) if shift)
    return f"CAST((CASE {cases} ELSE 0.0 END) AS DOUBLE)" if cases else "0.0"


def list_pair_totals(sizes: dict[str, int]) -> dict[tuple[str, str], float]:
    """(list, list) → how many pairs of records the two lists make (a list with itself: n(n-1)/2)."""
    names = sorted(sizes)
    totals = {(a, b): float(sizes[a] * sizes[b] if a != b else sizes[a] * (sizes[a] - 1) / 2)
              for i, a in enumerate(names) for b in names[i:]}
    return {key: total for key, total in totals.items() if total > 0}


def estimate_list_pair_priors(
    engine: Any, predictions: str, prior: float, shift: float, sizes: dict[str, int]
) -> dict[tuple[str, str], float]:
    """(list, list) → prior, for every pair of lists, the lists in sorted order.

    ``predictions`` is the engine's table of scored pairs (match_weight, list_name_l,
    list_name_r), ``match_weight + shift`` each pair's weight at the common ``prior``;
    ``sizes`` the records per list. Empty with fewer than two lists (nothing to split)."""
    if len(sizes) < 2 or not 0 < prior < 1:
        return {}
    totals = list_pair_totals(sizes)
    keys = sorted(totals)
    # One pass in the engine: each pair's list pair as a number and its weight (12 bytes a
    # pair, no list names); the fixed point then iterates on those arrays, not on the table.
    codes = " ".join(f"WHEN least(list_name_l, list_name_r) = {_literal(a)} AND greatest(list_name_l, list_name_r) = "
                     f"{_literal(b)} THEN {i}" for i, (a, b) in enumerate(keys))
    scored = engine.query(f"SELECT CAST((CASE {codes} ELSE -1 END) AS INTEGER) AS pair, match_weight FROM {predictions}")
    pair = scored["pair"].to_numpy(dtype=np.int64)
    weight = scored["match_weight"].to_numpy(dtype=float)[pair >= 0] + shift
    pair = pair[pair >= 0]
    del scored
    total = np.array([totals[key] for key in keys])
    priors = np.full(len(keys), prior)
    base = _log2_odds(prior)
    low, high = prior / MAX_RATIO, min(prior * MAX_RATIO, 0.5)
    for _ in range(ITERATIONS):
        shifts = np.log2(priors / (1 - priors)) - base
        expected = np.bincount(pair, weights=1 / (1 + np.exp2(-(weight + shifts[pair]))), minlength=len(keys))
        updated = np.clip(expected / total, low, high)
        converged = bool(np.all(np.abs(updated - priors) <= 1e-4 * priors))
        priors = updated
        if converged:
            break
    return {key: float(value) for key, value in zip(keys, priors)}


def to_model(priors: dict[tuple[str, str], float]) -> list[list[Any]]:
    """The priors as JSON rows for the stored model: [list, list, prior]."""
    return [[a, b, value] for (a, b), value in sorted(priors.items())]


def _shifts(model: dict[str, Any]) -> dict[tuple[str, str], float]:
    rows = model.get(LIST_PAIR_PRIORS_KEY) or []
    if not rows:
        return {}
    base = _log2_odds(float(model["probability_two_random_records_match"]))
    return {(str(a), str(b)): _log2_odds(float(p)) - base for a, b, p in rows}


def weight_shifts(model: dict[str, Any], list_l: Sequence[Any], list_r: Sequence[Any]) -> np.ndarray:
    """Per pair, what to add to its match weight at the model's common prior to get its
    weight at its lists' prior (0 where the model holds no list-pair priors)."""
    shifts = _shifts(model)
    n = len(list_l)
    if not shifts or n == 0:
        return np.zeros(n)
    left, right = np.asarray(list_l, dtype=object), np.asarray(list_r, dtype=object)
    return np.array([shifts.get((a, b) if a <= b else (b, a), 0.0) for a, b in zip(left, right)], dtype=float)


def weight_shift_sql(model: dict[str, Any]) -> str:
    """SQL for ``weight_shifts`` over a table with list_name_l and list_name_r columns, so an
    engine can move the weights and cut before any pair leaves it ("0.0" without priors)."""
    shifts = _shifts(model)
    if not shifts:
        return "0.0"
    cases = " ".join(
        f"WHEN least(list_name_l, list_name_r) = {_literal(a)} AND greatest(list_name_l, list_name_r) = {_literal(b)} THEN {value!r}"
        for (a, b), value in sorted(shifts.items()) if value
    )
    return f"CAST((CASE {cases} ELSE 0.0 END) AS DOUBLE)" if cases else "0.0"
