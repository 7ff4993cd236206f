"""reckon.claims: casualty figures in articles, who claims them, and how well we find them.

The extractor (and its regexes) loads on first use of ``extract_claims``/``extract_claims_many``,
so importing ``reckon.claims.model`` (the Claim dataclass) stays cheap; spaCy loads only when
a sentence needs parsing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reckon.claims.model import CATEGORIES, QUALIFIERS, Claim, Quote
from reckon.claims.scoring import read_gold, score_claims

if TYPE_CHECKING:
    from reckon.claims.extractor import extract_claims, extract_claims_many

__all__ = [
    "CATEGORIES",
    "QUALIFIERS",
    "Claim",
    "Quote",
    "extract_claims",
    "extract_claims_many",
    "read_gold",
    "score_claims",
]


def __getattr__(name: str) -> Any:
    if name in ("extract_claims", "extract_claims_many"):
        from reckon.claims import extractor

        return getattr(extractor, name)
    raise AttributeError(f"module 'reckon.claims' has no attribute {name!r}")
