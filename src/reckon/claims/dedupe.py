"""Repeats within one document: each claimant counts once per category, figure, subgroup,
place and period; the other mentions become ``alt_quotes`` of the one kept.

A claimant named more and less fully ("the health ministry", "the Lisra health ministry")
is one claimant when one name's words hold the other's; a mention without a place of its own
repeats one with a place.

The mention kept is the most direct one ("X reported at least 1,500" beats "the toll of 1,500
announced by X"), else the first. The figure is compared by its number, not its qualifier,
so "at least 1,500" and "1,500" from the same claimant are one claim.
"""

from __future__ import annotations

import re
from dataclasses import replace

from reckon.claims.model import AUTHOR, Claim, Quote


def merge_repeats(found: list[tuple[Claim, bool]], laid_out: frozenset[int] = frozenset()) -> list[Claim]:
    """Merge repeated claims; ``found`` pairs each claim with whether it is direct; ``laid_out``
    holds the starts of table rows and label lines, whose place and period are their own."""
    groups: list[list[tuple[Claim, bool]]] = []
    for claim, direct in found:
        group = next(
            (g for g in groups if _repeats(g[0][0], claim) and all(_same_place(c, claim, laid_out) for c, _ in g)), None
        )
        if group is None:
            groups.append([(claim, direct)])
        else:
            group.append((claim, direct))
    merged = [_merge(group) for group in groups]
    return sorted(merged, key=lambda c: (c.start, c.end))


def _repeats(first: Claim, other: Claim) -> bool:
    if (first.category, _figure(first), first.unit, first.subgroup, first.period) != (
        other.category, _figure(other), other.unit, other.subgroup, other.period
    ):
        return False
    return _same_claimant(first.claimant_key, other.claimant_key)


def _figure(claim: Claim) -> int | None:
    return claim.figure_low if claim.figure_low is not None else claim.figure_high


def _same_claimant(a: str, b: str) -> bool:
    if a.lower() == b.lower():
        return True
    if AUTHOR in (a, b):
        return False
    words_a, words_b = _words(a), _words(b)
    shorter, longer = sorted((words_a, words_b), key=len)
    return bool(shorter) and shorter <= longer and bool(shorter - _GENERIC)


def _same_place(a: Claim, b: Claim, laid_out: frozenset[int]) -> bool:
    """Equal places; a mention without a place repeats one with a place, unless that one is a
    table row ("Sabla (market)  35" is not "at least 35 people" in the text)."""
    if a.place and b.place:
        return a.place.lower() == b.place.lower()
    if not (a.place or b.place):
        return True
    placed = a if a.place else b
    return placed.start not in laid_out or a.qualifier == b.qualifier


def _words(key: str) -> set[str]:
    return set(re.findall(r"\w+", key.lower().replace("’s", "").replace("'s", "")))


_GENERIC = {"the", "of", "and", "for", "in", "ministry", "office", "group", "un", "news", "agency", "state", "media", "government", "officials"}


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
    if not others and tuple(quotes) == kept.alt_quotes:
        return kept  # a claim without repeats: nothing to merge (replace() below would copy it unchanged)
    disputed = kept.disputed_by or next((c.disputed_by for c in others if c.disputed_by), None)
    hedged = kept.hedged and all(c.hedged for c in others)
    dated = kept if kept.claim_date else next((c for c in others if c.claim_date), kept)  # "It said on Thursday ... its total to 655"
    placed = kept if kept.place else next((c for c in others if c.place), kept)
    return replace(
        kept, alt_quotes=tuple(quotes), disputed_by=disputed, hedged=hedged,
        claim_date=dated.claim_date, claim_date_note=dated.claim_date_note, place=placed.place,
    )
