"""Every method side by side, and a plain note when they disagree.

Different methods make different assumptions about how lists depend on each other and
how people differ in how easy they are to document. When their intervals do not even
overlap, the data cannot tell the assumptions apart and the choice of method, not the
data, decides the number. On the UK 2013 data, for example, stepwise and BIC-chosen
log-linear models with some interactions give about 11,000–12,000 while the LCMCR latent
class model and other log-linear models give about 23,000. Say so; don't pick silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from reckon.errors import EstimationError
from reckon.estimate.histories import CaptureHistories
from reckon.estimate.methods import EstimateSettings, run_method
from reckon.estimate.results import EstimateResult

# Above this ratio of largest to smallest estimate, the methods tell different stories.
SPREAD_RATIO = 1.5


@dataclass(frozen=True)
class MethodComparison:
    results: tuple[EstimateResult, ...]
    notes: tuple[str, ...]
    skipped: dict[str, str]  # method -> why it did not run

    def to_dict(self) -> dict:
        return {"results": [r.to_dict() for r in self.results], "notes": list(self.notes),
                "skipped": dict(self.skipped)}


def default_methods(histories: CaptureHistories) -> list[str]:
    """Chapman only for two lists; the model-based methods otherwise."""
    methods = ["chapman"] if histories.n_lists == 2 else []
    return methods + ["loglinear", "stepwise", "lcmcr"]


def compare_methods(
    histories: CaptureHistories,
    settings: EstimateSettings | None = None,
    *,
    methods: list[str] | None = None,
) -> MethodComparison:
    """Run each method on the same histories; note where their intervals disagree."""
    settings = settings or EstimateSettings()
    results: list[EstimateResult] = []
    skipped: dict[str, str] = {}
    for method in methods or default_methods(histories):
        try:
            results.append(run_method(method, histories, settings))
        except EstimationError as exc:
            skipped[method] = str(exc)
    return MethodComparison(tuple(results), tuple(disagreement_notes(results)), skipped)


def disagreement_notes(results: list[EstimateResult]) -> list[str]:
    """One note per pair of methods whose intervals do not overlap, plus the overall spread."""
    notes = []
    for a, b in combinations(results, 2):
        if None in (a.lower, a.upper, b.lower, b.upper):
            continue
        if a.upper < b.lower or b.upper < a.lower:
            notes.append(
                f"{a.method} ({a.estimate:,.0f}, {a.lower:,.0f}–{a.upper:,.0f}) and {b.method} "
                f"({b.estimate:,.0f}, {b.lower:,.0f}–{b.upper:,.0f}) disagree by more than their intervals"
            )
    if len(results) > 1:
        low = min(results, key=lambda r: r.estimate)
        high = max(results, key=lambda r: r.estimate)
        if high.estimate > SPREAD_RATIO * low.estimate:
            notes.append(
                f"the methods range from {low.estimate:,.0f} ({low.method}) to {high.estimate:,.0f} "
                f"({high.method}): their assumptions about list dependence and heterogeneity, not the "
                "data, decide between them; report the range, not one number"
            )
    return notes
