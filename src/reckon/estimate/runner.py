"""Run a method (or all of them) over strata, or over linkage thresholds, in one call.

``estimate_strata`` is what ``reckon estimate FILE`` does; ``linkage_sensitivity`` is what
``reckon estimate --linkage-sensitivity`` does on a case. Both return a MethodComparison:
every result (each stratum, then the total), the notes on disagreement, and the methods
that could not run and why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from reckon.errors import EstimationError
from reckon.estimate.compare import MethodComparison, compare_methods, default_methods
from reckon.estimate.histories import CaptureHistories
from reckon.estimate.methods import EstimateSettings, run_method
from reckon.estimate.results import EstimateResult
from reckon.estimate.strata import combine_strata

if TYPE_CHECKING:
    from reckon.case import Case

SENSITIVITY_THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.99)


def estimate_strata(
    by_stratum: Mapping[str | None, CaptureHistories],
    method: str = "loglinear",
    settings: EstimateSettings | None = None,
) -> MethodComparison:
    """Estimate each stratum (key None = no strata) with ``method`` or "all"; add totals."""
    settings = settings or EstimateSettings()
    per_method: dict[str, list[EstimateResult]] = {}
    notes: list[str] = []
    skipped: dict[str, str] = {}
    for stratum, histories in by_stratum.items():
        methods = default_methods(histories) if method == "all" else [method]
        comparison = compare_methods(histories, settings, methods=methods)
        if method != "all" and comparison.skipped:
            raise EstimationError(next(iter(comparison.skipped.values())))
        prefix = f"stratum {stratum}: " if stratum is not None else ""
        notes += [prefix + note for note in comparison.notes]
        skipped |= {name: prefix + why for name, why in comparison.skipped.items()}
        for result in comparison.results:
            per_method.setdefault(result.method, []).append(replace(result, stratum=stratum))
    results: list[EstimateResult] = []
    for stratum_results in per_method.values():
        results += stratum_results
        if len(by_stratum) > 1 and len(stratum_results) == len(by_stratum):
            results.append(combine_strata(stratum_results))
    return MethodComparison(tuple(results), tuple(notes), skipped)


def linkage_sensitivity(
    case: Case,
    method: str = "loglinear",
    settings: EstimateSettings | None = None,
    thresholds: Sequence[float] = SENSITIVITY_THRESHOLDS,
    *,
    identified_only: bool = False,
) -> MethodComparison:
    """Re-link the case at each match-probability threshold and estimate again.

    Stricter thresholds split people into more persons (fewer overlaps, larger estimates);
    looser ones merge them. How far the estimate moves is part of its uncertainty.
    """
    from reckon.estimate.case_estimates import capture_histories  # a cycle otherwise: it uses this module

    settings = settings or EstimateSettings()
    results: list[EstimateResult] = []
    skipped: dict[str, str] = {}
    for threshold in thresholds:
        histories = capture_histories(case, threshold=threshold, identified_only=identified_only)
        for name in default_methods(histories) if method == "all" else [method]:
            try:
                result = run_method(name, histories, settings)
            except EstimationError as exc:
                skipped[f"{name} at threshold {threshold}"] = str(exc)
                continue
            results.append(replace(result, parameters=result.parameters | {"linkage_threshold": threshold}))
    return MethodComparison(tuple(results), tuple(_movement_notes(results)), skipped)


def _movement_notes(results: Sequence[EstimateResult]) -> list[str]:
    notes = []
    for method in dict.fromkeys(r.method for r in results):
        mine = [r for r in results if r.method == method]
        low = min(mine, key=lambda r: r.estimate)
        high = max(mine, key=lambda r: r.estimate)
        notes.append(
            f"{method}: from {low.estimate:,.0f} (threshold {low.parameters['linkage_threshold']}) to "
            f"{high.estimate:,.0f} (threshold {high.parameters['linkage_threshold']}) as the linkage "
            "threshold changes"
        )
    return notes
