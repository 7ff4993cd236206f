"""Estimation on a case: estimate from its linked persons and store each result with its input.

    done = estimate_case(case, "all")                   # estimate, store each result, return them
    done.comparison.results, done.histories, done.ids

The capture histories come from ``histories.capture_histories``; before any `reckon link`,
NotLinkedError says what to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from reckon.case import Case
from reckon.estimate.compare import MethodComparison
from reckon.estimate.histories import CaptureHistories, capture_histories, histories_hash
from reckon.estimate.methods import EstimateSettings
from reckon.estimate.runner import estimate_strata, linkage_sensitivity
from reckon.estimate.store import save_estimate


@dataclass(frozen=True)
class CaseEstimate:
    """What estimate_case ran and stored: the comparison, the histories, the stored row ids."""

    comparison: MethodComparison
    histories: CaptureHistories
    ids: tuple[int, ...]


def estimate_case(
    case: Case,
    method: str = "loglinear",
    settings: EstimateSettings | None = None,
    *,
    sensitivity: bool = False,
    source: str | None = None,
    identified_only: bool = False,
) -> CaseEstimate:
    """Estimate from the case's linked persons (or at several linkage thresholds, with
    ``sensitivity``) and store every result with the hash of the histories it came from.
    ``identified_only`` leaves out the unidentified victims (see ``capture_histories``)."""
    settings = settings or EstimateSettings()
    histories = capture_histories(case, identified_only=identified_only)
    if sensitivity:
        comparison = linkage_sensitivity(case, method, settings, identified_only=identified_only)
    else:
        comparison = estimate_strata({None: histories}, method, settings)
    used = {None: histories}  # the histories each result came from, by linkage threshold
    ids = []
    for result in comparison.results:
        threshold = result.parameters.get("linkage_threshold")
        if threshold not in used:
            used[threshold] = capture_histories(case, threshold=threshold, identified_only=identified_only)
        ids.append(save_estimate(case, result, histories_hash(used[threshold]), source=source or used[threshold].source))
    return CaseEstimate(comparison, histories, tuple(ids))
