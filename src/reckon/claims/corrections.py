"""Reviewers' corrections of extracted claims, kept beside the extracted values.

    correct_claim(case, claim_id, reviewer="mina", claimant="Interior Ministry")
    corrections = current_corrections(case)    # {claim id: Correction}: the latest value of each field
    correction_history(case, claim_id)         # every correction of one claim, newest first

The extractor's claim is never changed: a correction is a new row naming the claim, the
field values the reviewer gives (claimant, figure, category) and who gave them. The latest
correction of each field counts. This module is the only one that reads or writes
``claim_corrections`` (migration 011).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from reckon.case import Case, now
from reckon.claims.model import CATEGORIES, Claim
from reckon.claims.store import claim_exists
from reckon.errors import InputError

MAX_CLAIMANT_LENGTH = 200
MAX_NOTE_LENGTH = 2000


@dataclass(frozen=True)
class Correction:
    """A claim's corrected fields (None: not corrected), and who corrected it last, when."""

    claim_id: str
    claimant: str | None = None
    figure: tuple[int | None, int | None] | None = None  # (low, high); None: not corrected
    category: str | None = None
    reviewer: str | None = None
    corrected_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        low, high = self.figure or (None, None)
        return {
            "claimant": self.claimant, "figure_low": low, "figure_high": high,
            "figure_corrected": self.figure is not None, "category": self.category,
            "reviewer": self.reviewer, "corrected_at": self.corrected_at,
        }


def correct_claim(
    case: Case,
    claim_id: str,
    *,
    reviewer: str,
    claimant: str | None = None,
    figure: tuple[int | None, int | None] | None = None,
    category: str | None = None,
    note: str | None = None,
) -> None:
    """Record a correction of one or more fields of a stored claim (one transaction, audited)."""
    claimant = _checked_claimant(claimant)
    low, high = _checked_figure(figure)
    if category is not None and category not in CATEGORIES:
        raise InputError(f"category {category!r} is not one of {', '.join(CATEGORIES)}", fix="pick one of them")
    if claimant is None and figure is None and category is None:
        raise InputError("the correction changes nothing", fix="give a claimant, a figure or a category")
    if not reviewer:
        raise InputError("a correction needs the reviewer's name", fix="pass reviewer='your name'")
    if note is not None and len(note) > MAX_NOTE_LENGTH:
        raise InputError(f"the note is longer than {MAX_NOTE_LENGTH} characters", fix="shorten it")
    _require_claim(case, claim_id)
    with case.transaction():
        case.con.execute(
            "INSERT INTO claim_corrections (claim_id, claimant, figure_low, figure_high, category, reviewer, corrected_at, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [claim_id, claimant, low, high, category, reviewer, now(), note],
        )
        case.audit("claims.correct", claim=claim_id, claimant=claimant, figure_low=low, figure_high=high,
                   category=category, reviewer=reviewer, note=note)


def current_corrections(case: Case) -> dict[str, Correction]:
    """For each corrected claim, the latest value of each corrected field."""
    rows = case.rows(
        "SELECT claim_id, claimant, figure_low, figure_high, category, reviewer, corrected_at"
        " FROM claim_corrections ORDER BY corrected_at, id"
    )
    current: dict[str, dict[str, Any]] = {}
    for row in rows:
        fields = current.setdefault(row["claim_id"], {"claim_id": row["claim_id"]})
        if row["claimant"] is not None:
            fields["claimant"] = row["claimant"]
        if row["figure_low"] is not None or row["figure_high"] is not None:
            fields["figure"] = (row["figure_low"], row["figure_high"])
        if row["category"] is not None:
            fields["category"] = row["category"]
        fields["reviewer"], fields["corrected_at"] = row["reviewer"], row["corrected_at"]
    return {claim_id: Correction(**fields) for claim_id, fields in current.items()}


def corrected_claims(case: Case, claims: dict[str, Claim]) -> list[Claim]:
    """The claims (by id) with each reviewer's latest correction applied, in their order."""
    corrections = current_corrections(case)
    return [_corrected(claim, corrections.get(claim_id)) for claim_id, claim in claims.items()]


def _corrected(claim: Claim, correction: Correction | None) -> Claim:
    if correction is None:
        return claim
    changes: dict[str, Any] = {}
    if correction.claimant is not None:
        changes.update(claimant=correction.claimant, claimant_key=correction.claimant)
    if correction.figure is not None:
        changes.update(figure_low=correction.figure[0], figure_high=correction.figure[1])
    if correction.category is not None:
        changes.update(category=correction.category)
    return replace(claim, **changes)


def correction_history(case: Case, claim_id: str) -> list[dict[str, Any]]:
    """Every correction of one claim, newest first."""
    return case.rows(
        "SELECT claimant, figure_low, figure_high, category, reviewer, corrected_at, note"
        " FROM claim_corrections WHERE claim_id = ? ORDER BY corrected_at DESC, id DESC",
        [claim_id],
    )


def _checked_claimant(claimant: str | None) -> str | None:
    if claimant is None:
        return None
    claimant = " ".join(claimant.split())
    if not claimant:
        return None
    if len(claimant) > MAX_CLAIMANT_LENGTH:
        raise InputError(f"the claimant is longer than {MAX_CLAIMANT_LENGTH} characters", fix="shorten it")
    return claimant


def _checked_figure(figure: tuple[int | None, int | None] | None) -> tuple[int | None, int | None]:
    if figure is None:
        return None, None
    low, high = figure
    if low is None and high is None:
        raise InputError("a corrected figure needs a low or a high value", fix="e.g. 300, or 300 to 350")
    for value in (low, high):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise InputError(f"figure {value!r} is not a whole number of people", fix="give a number like 300")
    if low is not None and high is not None and low > high:
        raise InputError(f"figure {low} to {high}: the low value is above the high one", fix="swap them")
    return low, high


def _require_claim(case: Case, claim_id: str) -> None:
    if not claim_exists(case, claim_id):
        raise InputError(f"no claim {claim_id[:40]!r} in this case", fix="use a claim id as the ledger shows it")
