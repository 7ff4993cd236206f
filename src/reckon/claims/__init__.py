"""reckon.claims: casualty figures in articles, who claims them, and how well we find them."""

from reckon.claims.extractor import extract_claims, extract_claims_many
from reckon.claims.model import CATEGORIES, QUALIFIERS, Claim, Quote
from reckon.claims.scoring import read_gold, score_claims

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
