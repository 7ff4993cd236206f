"""The `claims` table: every figure claimed in every stored document.

    insert_claims(case, document, claims, vague="reckon")   # inside the caller's transaction
    load_claims(case)                                       # in document order, then text order
    claim_counts(case)                                      # {document sha256: claims}
    load_claims_by_id(case)                                 # {claim id: Claim}, in the same order

This module is the only one that reads or writes `claims` (migrations 002, 007, 010).
Storing a document with its claims is ``claims.ingest``'s job.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from reckon.articles.document import Document
from reckon.articles.store import document_order
from reckon.case import Case
from reckon.claims.model import Claim, Quote

_CLAIM_COLUMNS = (
    "id", "document_sha256", "ordinal", "file", "figure_low", "figure_high", "category",
    "qualifier", "claimant", "claimant_key", "quote", "start", '"end"', "via", "claim_date",
    "event", "place", "period", "subgroup", "unit", "hedged", "disputed_by", "alt_quotes",
    "document_date", "vague_convention", "confirms", "claim_date_note",
)


def insert_claims(case: Case, document: Document, claims: Sequence[Claim], *, vague: str = "reckon") -> int:
    """Store a document's claims (numbered in order); the caller holds the transaction."""
    rows = [_claim_row(document, ordinal, claim, vague) for ordinal, claim in enumerate(claims, 1)]
    if rows:  # one multi-row INSERT: DuckDB's executemany runs row by row, far slower
        one = "(" + ", ".join("?" * len(_CLAIM_COLUMNS)) + ")"
        case.con.execute(
            f"INSERT INTO claims ({', '.join(_CLAIM_COLUMNS)}) VALUES {', '.join([one] * len(rows))}",
            [value for row in rows for value in row],
        )
    return len(rows)


def _claim_row(document: Document, ordinal: int, claim: Claim, vague: str) -> list[object]:
    alt = json.dumps([{"text": q.text, "start": q.start, "end": q.end} for q in claim.alt_quotes], ensure_ascii=False)
    return [
        f"{document.sha256[:16]}#{ordinal}", document.sha256, ordinal, claim.file or document.file,
        claim.figure_low, claim.figure_high, claim.category, claim.qualifier, claim.claimant,
        claim.claimant_key, claim.quote, claim.start, claim.end, claim.via, claim.claim_date,
        claim.event, claim.place, claim.period, claim.subgroup, claim.unit, claim.hedged,
        claim.disputed_by, alt, claim.document_date or document.published, vague, claim.confirms,
        claim.claim_date_note,
    ]


def load_claims(case: Case) -> list[Claim]:
    """Every stored claim, by document (in the order added) and position in it."""
    return list(load_claims_by_id(case).values())


def load_claims_by_id(case: Case) -> dict[str, Claim]:
    """Every stored claim under its id (``<document hash prefix>#<ordinal>``), in load_claims order."""
    select = ", ".join(c for c in _CLAIM_COLUMNS if c != "vague_convention")
    rows = case.rows(f"SELECT {select} FROM claims")
    order = document_order(case)
    rows.sort(key=lambda row: (order.get(str(row["document_sha256"]), len(order)), row["ordinal"]))
    return {str(row.pop("id")): _claim_from_row(row) for row in rows}


def claim_exists(case: Case, claim_id: str) -> bool:
    return bool(case.scalar("SELECT count(*) FROM claims WHERE id = ?", [claim_id]))


def claim_counts(case: Case) -> dict[str, int]:
    """How many claims each stored document holds, by the document's SHA-256."""
    rows = case.con.execute("SELECT document_sha256, count(*) FROM claims GROUP BY 1").fetchall()
    return {sha256: int(count) for sha256, count in rows}


def _claim_from_row(row: dict[str, object]) -> Claim:
    row.pop("ordinal", None)
    row["confirms"] = bool(row["confirms"])  # NULL for claims stored before migration 007
    alt = tuple(Quote(**q) for q in json.loads(str(row.pop("alt_quotes") or "[]")))
    return replace(Claim.from_dict(row), alt_quotes=alt)
