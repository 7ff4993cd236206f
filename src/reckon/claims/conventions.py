"""How vague quantity words become numbers: a setting, because projects disagree.

``reckon`` (the seed README's convention): twice the unit as the low bound, no high bound —
"dozens" 24, "hundreds" 200, "thousands" 2,000, "tens of thousands" 20,000; "several" 3 and
"a dozen" 12. ``acled`` (our reading of ACLED's coding practice): the unit itself —
"dozens" 12, "hundreds" 100, "thousands" 1,000 — and "several" as 10.
"""

from __future__ import annotations

VAGUE_CONVENTIONS: dict[str, dict[str, int]] = {
    "reckon": {
        "hundreds of thousands": 200_000,
        "tens of thousands": 20_000,
        "several thousand": 3_000,
        "a few thousand": 3_000,
        "several hundred": 300,
        "a few hundred": 300,
        "several dozen": 36,
        "a few dozen": 36,
        "thousands": 2_000,
        "hundreds": 200,
        "scores": 40,
        "dozens": 24,
        "a dozen": 12,
        "a handful": 3,
        "several": 3,
        "a few": 3,
    },
    "acled": {
        "hundreds of thousands": 100_000,
        "tens of thousands": 10_000,
        "several thousand": 1_000,
        "a few thousand": 1_000,
        "several hundred": 100,
        "a few hundred": 100,
        "several dozen": 12,
        "a few dozen": 12,
        "thousands": 1_000,
        "hundreds": 100,
        "scores": 20,
        "dozens": 12,
        "a dozen": 12,
        "a handful": 3,
        "several": 10,
        "a few": 3,
    },
}


def vague_table(convention: str) -> dict[str, int]:
    """The word -> low-bound table for a convention name ("reckon" or "acled")."""
    try:
        return VAGUE_CONVENTIONS[convention]
    except KeyError:
        names = ", ".join(sorted(VAGUE_CONVENTIONS))
        raise ValueError(f"vague={convention!r} is not a known convention; use one of: {names}")
