"""Claims as a reviewer checks them: filtered, each with its quote in context and its correction.

    rows = reviewed_claims(case, ClaimFilters(category="killed", claimant="ministry"))
    rows[0].claim, rows[0].correction, rows[0].before, rows[0].after
    export_rows(rows)        # flat dicts: extracted and corrected values side by side

Filters match the values that count: a reviewer's correction where there is one, the
extracted value otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reckon.articles.store import document_texts
from reckon.case import Case
from reckon.claims.corrections import Correction, current_corrections
from reckon.claims.model import Claim
from reckon.claims.store import load_claims_by_id

CONTEXT_CHARACTERS = 160


@dataclass(frozen=True)
class ClaimFilters:
    category: str | None = None
    claimant: str | None = None  # part of the claimant's name, any case
    place: str | None = None  # part of the place's name, any case
    date_from: str | None = None  # ISO, compared with the claim's date (else its document's)
    date_to: str | None = None


@dataclass(frozen=True)
class ReviewedClaim:
    id: str
    claim: Claim
    correction: Correction | None
    before: str  # the text just before the quote
    after: str  # and just after it

    @property
    def category(self) -> str:
        return (self.correction and self.correction.category) or self.claim.category

    @property
    def claimant(self) -> str:
        return (self.correction and self.correction.claimant) or self.claim.claimant

    @property
    def date(self) -> str | None:
        return self.claim.claim_date or self.claim.document_date


def reviewed_claims(case: Case, filters: ClaimFilters | None = None, *, context: int = CONTEXT_CHARACTERS) -> list[ReviewedClaim]:
    """The stored claims that pass ``filters``, in ledger order, with context and corrections."""
    filters = filters or ClaimFilters()
    corrections = current_corrections(case)
    chosen = [
        (claim_id, claim) for claim_id, claim in load_claims_by_id(case).items()
        if _passes(claim, corrections.get(claim_id), filters)
    ]
    texts = document_texts(case, [claim.document_sha256 or "" for _, claim in chosen])
    rows = []
    for claim_id, claim in chosen:
        text = texts.get(claim.document_sha256 or "", "")
        before = text[max(0, claim.start - context):claim.start]
        after = text[claim.end:claim.end + context]
        rows.append(ReviewedClaim(claim_id, claim, corrections.get(claim_id), before, after))
    return rows


def claim_categories_and_claimants(case: Case) -> tuple[list[str], list[str]]:
    """The categories and claimants that occur (corrections included), for filter menus."""
    corrections = current_corrections(case)
    categories, claimants = set(), set()
    for claim_id, claim in load_claims_by_id(case).items():
        correction = corrections.get(claim_id)
        categories.add((correction and correction.category) or claim.category)
        claimants.add((correction and correction.claimant) or claim.claimant)
    return sorted(categories), sorted(claimants, key=str.casefold)


def export_rows(rows: list[ReviewedClaim]) -> list[dict[str, Any]]:
    """One flat dict per claim: the extracted fields, then the corrected ones (None if not corrected)."""
    out = []
    for row in rows:
        claim, correction = row.claim, row.correction or Correction(row.id)
        low, high = correction.figure or (None, None)
        out.append({
            "id": row.id, "file": claim.file, "category": claim.category, "qualifier": claim.qualifier,
            "figure_low": claim.figure_low, "figure_high": claim.figure_high, "claimant": claim.claimant,
            "via": claim.via, "claim_date": claim.claim_date, "document_date": claim.document_date,
            "place": claim.place, "quote": claim.quote,
            "corrected_claimant": correction.claimant, "corrected_figure": correction.figure is not None,
            "corrected_figure_low": low, "corrected_figure_high": high, "corrected_category": correction.category,
            "corrected_by": correction.reviewer, "corrected_at": correction.corrected_at,
        })
    return out


def _passes(claim: Claim, correction: Correction | None, filters: ClaimFilters) -> bool:
    category = (correction and correction.category) or claim.category
    claimant = (correction and correction.claimant) or claim.claimant
    date = claim.claim_date or claim.document_date or ""
    if filters.category and category != filters.category:
        return False
    if filters.claimant and not _contains(f"{claimant} {claim.claimant} {claim.claimant_key}", filters.claimant):
        return False
    if filters.place and not _contains(claim.place or "", filters.place):
        return False
    if filters.date_from and (not date or date[:len(filters.date_from)] < filters.date_from):
        return False
    if filters.date_to and (not date or date[:len(filters.date_to)] > filters.date_to):
        return False
    return True


def _contains(text: str, part: str) -> bool:
    return part.strip().casefold() in text.casefold()
