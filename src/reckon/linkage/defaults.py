"""reckon's default model: m (and fallback u) per comparison level, shipped with reckon.

EM cannot learn from a few hundred records of sparse lists: it finds some other split of
the pairs (same age and same date, say) and calls that "match". So linkage starts from
m values learned once, offline, from the true matching pairs of large simulated events
(``benchmarks/train_linkage_defaults.py``, both simulator profiles, reckon's own
comparisons), and moves away from them only on evidence:

* u is always estimated from the data's own random pairs (cheap, and reliable even
  for small lists); the shipped u is a fallback for a level no sampled pair fell on.
* EM replaces a comparison's m only where a training block holds enough expected
  matches (``LinkageSettings.min_em_matches``; see link.py).
* Reviewer decisions are labels: the must-link pairs' levels update m, with the
  current m counted as ``LinkageSettings.label_pseudo_count`` pseudo-pairs.

Every comparison's m is recorded with where it came from (``SOURCES``), in the model
the run stores and in what `reckon link` prints.

Levels are looked up by comparison name and the level's label (``label_for_charts``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import pandas as pd

DEFAULT = "default"
EM = "trained here (EM)"
LABELS = "from reviewer labels"
SOURCES = (DEFAULT, EM, LABELS)
PROVENANCE_KEY = "reckon_m_sources"  # in the model dict: comparison -> source
LABEL_COUNTS_KEY = "reckon_label_pairs"  # comparison -> must-link pairs whose level was known
# Keys reckon adds to Splink's model dict; Splink refuses them, so they are taken out before
# a stored model goes back into Splink.
LIST_PAIR_PRIORS_KEY = "reckon_list_pair_priors"  # [list, list, prior] rows (list_priors.py)
LABEL_SHIFT_KEY = "reckon_label_shift"  # {"bits", "pairs", "matches"} (label_calibration.py)
RECKON_MODEL_KEYS = frozenset({"prior_recalibrated_from_pairs", PROVENANCE_KEY, LABEL_COUNTS_KEY, LIST_PAIR_PRIORS_KEY,
                               LABEL_SHIFT_KEY})


@lru_cache(maxsize=1)
def load_defaults() -> dict[str, Any]:
    """The shipped default model (see ``benchmarks/train_linkage_defaults.py``)."""
    text = resources.files("reckon.linkage").joinpath("default_model.json").read_text(encoding="utf-8")
    return json.loads(text)


def default_level(comparison: str, label: str) -> dict[str, Any] | None:
    """{"m": ..., "u": ...} of one level, or None if the defaults do not know it."""
    return load_defaults()["comparisons"].get(comparison, {}).get(label)


def non_null_levels(comparison: dict[str, Any]) -> list[dict[str, Any]]:
    return [level for level in comparison["comparison_levels"] if not level.get("is_null_level")]


def level_label(level: dict[str, Any]) -> str:
    return str(level.get("label_for_charts", ""))


def gamma_of_levels(comparison: dict[str, Any]) -> dict[int, dict[str, Any]]:
    """Splink's comparison vector value of each non-null level: the first (best) level gets
    the highest value, the else level 0; the null level is -1."""
    levels = non_null_levels(comparison)
    return {len(levels) - 1 - i: level for i, level in enumerate(levels)}


def apply_defaults(model: dict[str, Any]) -> dict[str, Any]:
    """The model (Splink's JSON) with every level's m set to the shipped default where the
    defaults know the level. A level whose m is fixed in model.py (fix_m_probability) keeps
    its value."""
    model = json.loads(json.dumps(model))
    for comparison in model["comparisons"]:
        name = comparison["output_column_name"]
        for level in non_null_levels(comparison):
            known = default_level(name, level_label(level))
            if known is not None and not level.get("fix_m_probability"):
                level["m_probability"] = known["m"]
    return model


def fill_missing_u(model: dict[str, Any]) -> None:
    """A level no sampled pair fell on has no u; it gets the shipped u (or stays as is)."""
    for comparison in model["comparisons"]:
        for level in non_null_levels(comparison):
            if isinstance(level.get("u_probability"), (int, float)):
                continue
            known = default_level(comparison["output_column_name"], level_label(level))
            if known is not None and known.get("u") is not None:
                level["u_probability"] = known["u"]


def m_values(model: dict[str, Any]) -> dict[str, list[float | None]]:
    """comparison -> m of each non-null level, in order (to see what a training step changed)."""
    return {
        c["output_column_name"]: [level.get("m_probability") for level in non_null_levels(c)]
        for c in model["comparisons"]
    }


def level_counts(gammas: pd.DataFrame, model: dict[str, Any]) -> dict[str, dict[str, int]]:
    """comparison -> level label -> pairs on that level, from a frame of ``gamma_<comparison>``
    columns (one row per pair); pairs on the null level are not counted."""
    counts: dict[str, dict[str, int]] = {}
    for comparison in model["comparisons"]:
        name = comparison["output_column_name"]
        column = f"gamma_{name}"
        if column not in gammas:
            continue
        values = gammas[column].value_counts()
        counts[name] = {
            level_label(level): int(values.get(gamma, 0)) for gamma, level in gamma_of_levels(comparison).items()
        }
    return counts


def update_m_from_labels(
    model: dict[str, Any], counts: dict[str, dict[str, int]], pseudo_count: float, floor: float
) -> tuple[dict[str, Any], dict[str, int]]:
    """m moved towards the levels of the reviewers' must-link pairs.

    A conjugate (Dirichlet) update per comparison: the current m is worth ``pseudo_count``
    pairs, each labelled pair one more, so m = (pseudo_count * m + n_level) / (pseudo_count + n).
    Comparisons on which no labelled pair had data keep their m. Returns the model and,
    per comparison, the labelled pairs that moved it.
    """
    model = json.loads(json.dumps(model))
    used: dict[str, int] = {}
    for comparison in model["comparisons"]:
        name = comparison["output_column_name"]
        seen = counts.get(name, {})
        total = sum(seen.values())
        if total == 0:
            continue
        for level in non_null_levels(comparison):
            if level.get("fix_m_probability"):
                continue
            m = level.get("m_probability")
            m = floor if not isinstance(m, (int, float)) else max(m, floor)  # as the run floors it
            level["m_probability"] = max((pseudo_count * m + seen.get(level_label(level), 0)) / (pseudo_count + total), floor)
        used[name] = total
    return model, used


__all__ = [
    "DEFAULT", "EM", "LABELS", "PROVENANCE_KEY", "RECKON_MODEL_KEYS", "SOURCES", "apply_defaults", "default_level", "fill_missing_u",
    "gamma_of_levels", "level_counts", "load_defaults", "m_values", "update_m_from_labels",
]
