"""The public variant of a report's data: the declared policy applied, with its manifest.

    data, manifest = public_data(gather_report_data(case), PublicPolicy(min_cell=5))

Victim counts by date, province, age band and sex, and the list overlap, are protected with
``reckon.disclosure.suppress``: hidden categories are not named, and their people are shown
as one remainder (the published total gives it anyway). Fields the policy drops are emptied.
The report and ``reckon export --public`` both go through here.
"""

from __future__ import annotations

from dataclasses import replace

from reckon.disclosure import Manifest, PublicPolicy, suppress
from reckon.disclosure.policy import Suppression
from reckon.report.data import EstimateRow, ListSummary, ReportData

REMAINDER = "other (not named)"  # the hidden categories' people, together


def public_data(data: ReportData, policy: PublicPolicy) -> tuple[ReportData, Manifest]:
    """``data`` as the policy lets it be published, and what was removed."""
    manifest = Manifest(public=True, policy=policy.to_dict(), dropped=dict(policy.dropped_fields))
    victims_by = {}
    for key, items in data.victims_by.items():
        shown, suppression = protect_breakdown(f"victims by {key}", items, policy.min_cell)
        manifest.suppressed.append(suppression)
        if not suppression.withheld:
            victims_by[key] = shown
    overlap, suppression = protect_overlap(data, policy.min_cell)
    if data.overlap:
        manifest.suppressed.append(suppression)
    public = replace(
        data,
        victims_by=victims_by,
        overlap=overlap,
        lists=tuple(_public_list(summary) for summary in data.lists),
        estimates=tuple(_public_estimate(row, policy) for row in data.estimates),
    )
    return public, manifest


def protect_breakdown(table: str, items: list[tuple[str, int]], min_cell: int) -> tuple[list[tuple[str, int]], Suppression]:
    """One breakdown of the total (by province, ...): small categories hidden so none can be recovered."""
    counts = [int(n or 0) for _, n in items]
    hidden = suppress(counts, [range(len(counts))], min_cell)
    below = sum(1 for i in hidden if counts[i] < min_cell)
    people = sum(counts[i] for i in hidden)
    withheld = bool(hidden) and all(i in hidden for i, n in enumerate(counts) if n > 0)
    shown = [(label, counts[i]) for i, (label, _) in enumerate(items) if i not in hidden]
    if hidden:
        shown.append((REMAINDER, people))
    return ([] if withheld else shown), Suppression(table, len(hidden), below, people, withheld)


def protect_overlap(data: ReportData, min_cell: int) -> tuple[tuple[tuple[tuple[int, ...], int], ...], Suppression]:
    """The list-combination counts, protected against the total and each list's size (both published)."""
    patterns = [pattern for pattern, _ in data.overlap]
    counts = [int(n) for _, n in data.overlap]
    sums = [range(len(counts))] + [
        [i for i, pattern in enumerate(patterns) if pattern[j]] for j in range(len(data.overlap_lists))
    ]
    hidden = suppress(counts, sums, min_cell)
    below = sum(1 for i in hidden if counts[i] < min_cell)
    withheld = bool(hidden) and len(hidden) == sum(1 for n in counts if n > 0)
    shown = tuple((patterns[i], counts[i]) for i in range(len(counts)) if i not in hidden)
    people = sum(counts[i] for i in hidden)
    return (() if withheld else shown), Suppression("list overlap", len(hidden), below, people, withheld)


def _public_list(summary: ListSummary) -> ListSummary:
    return replace(summary, file=None, sha256=None)


def _public_estimate(row: EstimateRow, policy: PublicPolicy) -> EstimateRow:
    kept = {k: v for k, v in row.diagnostics.items() if k in policy.kept_diagnostics}
    return replace(row, diagnostics=kept, input_hash=None)
