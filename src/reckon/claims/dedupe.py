"""Repeats within one document: each claimant counts once per category, figure, subgroup,
place and period; the other mentions become ``alt_quotes`` of the one kept.

The mention kept is the most direct one ("X reported at least 1,500" beats "the toll of 1,500
announced by X"), else the first. The figure is compared by its number, not its qualifier,
so "at least 1,500" and "1,500" from the same claimant are one claim.
"""

from __future__ import annotations

from dataclasses import replace

from reckon.claims.model import Claim, Quote


def merge_repeats(found: list[tuple[Claim, bool]]) -> list[Claim]:
    """Merge repeated claims; ``found`` pairs each claim with whether it is direct."""
    groups: dict[tuple, list[tuple[Claim, bool]]] = {}
    for claim, direct in found:
        groups.setdefault(_key(claim), []).append((claim, direct))
    merged = [_merge(group) for group in groups.values()]
    return sorted(merged, key=lambda c: (c.start, c.end))


def _key(claim: Claim) -> tuple:
    figure = claim.figure_low if claim.figure_low is not None else claim.figure_high
    place = (claim.place or "").lower()
    return (claim.claimant_key.lower(), claim.category, figure, claim.unit, claim.subgroup, place, claim.period)


def _merge(group: list[tuple[Claim, bool]]) -> Claim:
    ordered = sorted(enumerate(group), key=lambda item: (not item[1][1], item[0]))
    kept = ordered[0][1][0]
    others = [claim for _, (claim, _) in ordered[1:]]
    quotes = []
    seen = {(kept.start, kept.end)}
    mentions = [Quote(c.quote, c.start, c.end) for c in others] + [q for c in (kept, *others) for q in c.alt_quotes]
    for quote in sorted(mentions, key=lambda q: q.start):
        if (quote.start, quote.end) not in seen:
            seen.add((quote.start, quote.end))
            quotes.append(quote)
    disputed = kept.disputed_by or next((c.disputed_by for c in others if c.disputed_by), None)
    hedged = kept.hedged and all(c.hedged for c in others)
    dated = kept if kept.claim_date else next((c for c in others if c.claim_date), kept)  # "It said on Thursday ... its total to 655"
    return replace(
        kept, alt_quotes=tuple(quotes), disputed_by=disputed, hedged=hedged,
        claim_date=dated.claim_date, claim_date_note=dated.claim_date_note,
    )
