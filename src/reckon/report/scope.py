"""What a claimed toll covers, so the headline compares like with like.

A claim counts the **whole event** unless its own fields say otherwise:

- **subgroup**: it counts some of the victims (children, women, security forces, students ...);
  "identified by name" says how victims were counted, not which, and stays whole;
- **local**: the figure is tied to a place (the place is named in the claim's quote) that is
  not the event's whole area;
- **part of the period**: the claim carries a period (one day, one week).

The event's whole area is a setting (``reckon report --area``) or, failing that, read from
the case: the place claims name that most documents mention (at least half of them, and two).
Nothing here knows any event: no place or body is named in code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reckon.articles.document import Document
from reckon.claims.aliases import fold
from reckon.claims.model import Claim

WHOLE, LOCAL, SUBGROUP, PARTIAL = "whole event", "local", "subgroup", "part of the period"
COUNTING_SUBGROUPS = frozenset({"identified by name"})  # how victims were counted, not which


@dataclass(frozen=True)
class EventArea:
    """The place that stands for the whole event (None when the case names none), and how it was chosen."""

    name: str | None
    how: str


@dataclass(frozen=True)
class Scope:
    kind: str  # WHOLE, LOCAL, SUBGROUP or PARTIAL
    detail: str | None = None  # the place, the subgroup or the period
    place: str | None = None  # the place the figure is tied to, whatever the kind


def figure_place(claim: Claim) -> str | None:
    """The claim's place when its quote names it (a place the extractor took from elsewhere
    in the document describes the article, not the figure)."""
    if claim.place and re.search(rf"\b{re.escape(claim.place)}\b", claim.quote, re.IGNORECASE):
        return claim.place
    return None


def event_area(claims: Iterable[Claim], documents: Iterable[Document], setting: str | None = None) -> EventArea:
    """The event's whole area: the setting, else the claims' place that most documents name."""
    if setting:
        return EventArea(setting, "set for this report")
    documents = list(documents)
    places = sorted({c.place for c in claims if c.place})
    counts = {place: sum(1 for d in documents if _names(d.text, place)) for place in places}
    if counts:
        best = max(counts, key=lambda place: (counts[place], place))
        if counts[best] >= 2 and 2 * counts[best] >= len(documents):
            return EventArea(best, f"named in {counts[best]} of {len(documents)} documents")
    return EventArea(None, "no place the claims name is mentioned in at least half of the documents")


def _names(text: str, place: str) -> bool:
    return re.search(rf"\b{re.escape(place)}\b", text) is not None


def claim_scope(claim: Claim, area: EventArea) -> Scope:
    """Whether a claim counts the whole event, one place, a subgroup or part of the period."""
    place = figure_place(claim)
    if place and area.name and fold(place) == fold(area.name):
        place = None  # "killed in <the whole area>" is the whole event
    if claim.subgroup and claim.subgroup not in COUNTING_SUBGROUPS:
        return Scope(SUBGROUP, claim.subgroup, place)
    if place:
        return Scope(LOCAL, place, place)
    if claim.period:
        return Scope(PARTIAL, claim.period, place)
    return Scope(WHOLE)
