"""What the report shows, as plain data: aggregates only, never a victim's name.

Gathering (``reckon.report.gather``) fills this from a case; rendering
(``reckon.report.render``) turns it into HTML. Keeping the two apart lets tests build a
ReportData by hand and lets the public variant suppress small cells in one place.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class ClaimRow:
    """One claim as the ledger shows it."""

    claimant: str
    category: str
    figure_low: int | None
    figure_high: int | None
    qualifier: str
    date: str | None  # claim date, else the document's date
    file: str
    quote: str
    via: str | None = None
    disputed_by: str | None = None
    hedged: bool = False


@dataclass(frozen=True)
class ListSummary:
    name: str
    organisation: str | None
    file: str | None
    sha256: str | None
    rows: int
    quarantined: int


@dataclass(frozen=True)
class EstimateRow:
    method: str
    model: str | None
    estimate: float
    lower: float | None
    upper: float | None
    level: float
    observed: int
    warnings: tuple[str, ...] = ()
    diagnostics: dict[str, Any] = field(default_factory=dict)
    parameters: dict[str, Any] = field(default_factory=dict)
    input_hash: str | None = None
    stratum: str | None = None


@dataclass(frozen=True)
class ReportData:
    """Everything one report shows, gathered once."""

    case_name: str
    reckon_version: str
    generated_at: str
    claims: tuple[ClaimRow, ...] = ()
    reattributions: tuple[str, ...] = ()  # plain sentences from the ledger
    lists: tuple[ListSummary, ...] = ()
    records: int = 0
    persons: int | None = None  # unique documented victims after linkage; None = not linked
    victims_by: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # "date" -> [(label, n)]
    overlap_lists: tuple[str, ...] = ()
    overlap: tuple[tuple[tuple[int, ...], int], ...] = ()
    estimates: tuple[EstimateRow, ...] = ()
    documents: tuple[dict[str, Any], ...] = ()  # file, sha256, kind, published, publisher
    stages_missing: tuple[str, ...] = ()  # stages not run yet, said plainly in the report
    audit_head: dict[str, Any] | None = None  # the audit trail's last row (seq, hash), when the case gives it

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
