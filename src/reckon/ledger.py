"""The ledger: claims grouped across documents and time, and how figures travel.

    ledger = build_ledger(load_claims(case), load_documents(case))
    for group in ledger.groups:           # one per category and figure
        group.first, group.repeated_by, group.disputed_by
    ledger.claimants                      # each claimant's figures over time
    ledger.reattributions                 # figures credited to someone who did not originate them

Grouping. Claims fall in one group when they share category, unit (for scope) and
subgroup, and their figures meet: equal anchors ("1,500", "at least 1,500", "over 1,500"
and "about 1,500" all anchor at 1,500), or a narrow range (high <= 1.5 x low) that contains
the other figure. Vague quantities ("thousands") only group with other vague ones.

Dates. An entry is dated by its claim_date when the text gives one, else by its
document's publication date.

Claimants. Entries are grouped by the claimant they resolve to (``reckon.claims.aliases``):
a document's own voice is its outlet (the publisher, else the file), shown as "<outlet>'s own
count"; spellings that differ only in case or punctuation are one claimant; and the case's
alias table merges the rest. Each entry keeps the key as extracted (``extracted_key``).

Re-attribution flags (prompts to check, not verdicts):
  * "cited someone else": a document credits a figure to X, while a document (maybe the
    same one) shows X passing on the same figure from someone else (X is its `via`);
  * "confirmed an earlier figure": the text says X "confirmed" (corroborated, verified) a
    figure that another claimant had announced earlier (the extractor marks ``Claim.confirms``;
    the ledger never reads article text).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from reckon.articles.document import Document
from reckon.claims.aliases import Claimants, own_count_label
from reckon.claims.model import CATEGORIES, Claim
from reckon.claims.parties import same_party

NARROW_RANGE = 1.5  # a range joins a group only when high <= NARROW_RANGE * low
FIRST, SAME_CLAIMANT, REPEAT = "first", "same claimant again", "repeat"
CITED_ELSEWHERE, CONFIRMED_EARLIER = "cited someone else", "confirmed an earlier figure"


@dataclass(frozen=True)
class LedgerEntry:
    """One claim as the ledger shows it: who, when, through whom, in which document."""

    claimant: str  # as the text names it; a document's own voice reads "<outlet>'s own count"
    claimant_key: str  # the claimant the entry counts for (aliases applied): what groups entries
    claimant_label: str  # as shown: the key, or "<outlet>'s own count"
    extracted_key: str | None  # the key as extracted (None for a document's own voice)
    own_voice: bool  # the document speaks for itself (no one else is credited)
    via: str | None
    date: str | None
    date_source: str | None  # "claim" (the text dates the claim) or "document" (publication date)
    file: str
    publisher: str | None
    figure: str  # e.g. "at least 1,500"
    figure_low: int | None
    figure_high: int | None
    qualifier: str
    hedged: bool
    disputed_by: str | None
    place: str | None
    quote: str
    start: int
    confirms: bool = False  # the text says the claimant "confirmed" (corroborated, verified) it
    role: str = REPEAT


@dataclass(frozen=True)
class Reattribution:
    """A figure credited to a claimant who, elsewhere, is shown passing on someone else's."""

    kind: str
    file: str
    claimant_key: str
    category: str
    figure: str
    other: str  # the claimant the figure seems to come from
    evidence_file: str
    evidence_quote: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FigureGroup:
    """Every claim of one figure (or of figures that meet) in one category."""

    category: str
    unit: str | None
    subgroup: str | None
    figure: str  # the anchors' span, e.g. "1,500" or "1,500–1,700"
    low: int
    high: int
    vague: bool
    entries: tuple[LedgerEntry, ...]  # earliest first
    disputed_by: tuple[str, ...]
    reattributions: tuple[Reattribution, ...]

    @property
    def first(self) -> LedgerEntry:
        return self.entries[0]

    @property
    def repeated_by(self) -> tuple[LedgerEntry, ...]:
        """The other claimants' earliest entries, in date order."""
        seen = {self.first.claimant_key}
        repeats = []
        for entry in self.entries[1:]:
            if entry.claimant_key not in seen:
                seen.add(entry.claimant_key)
                repeats.append(entry)
        return tuple(repeats)

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "unit": self.unit,
            "subgroup": self.subgroup,
            "figure": self.figure,
            "low": self.low,
            "high": self.high,
            "vague": self.vague,
            "first": asdict(self.first),
            "repeated_by": [asdict(e) for e in self.repeated_by],
            "disputed_by": list(self.disputed_by),
            "entries": [asdict(e) for e in self.entries],
            "reattributions": [r.to_dict() for r in self.reattributions],
        }


@dataclass(frozen=True)
class ClaimantSeries:
    """One claimant's figures for one category over time: (date, figure, file) in order."""

    claimant_key: str
    claimant_label: str
    category: str
    points: tuple[tuple[str | None, str, str], ...]

    def to_dict(self) -> dict[str, Any]:
        points = [{"date": d, "figure": f, "file": file} for d, f, file in self.points]
        return {
            "claimant_key": self.claimant_key, "claimant_label": self.claimant_label,
            "category": self.category, "points": points,
        }


@dataclass(frozen=True)
class Ledger:
    groups: tuple[FigureGroup, ...]
    claimants: tuple[ClaimantSeries, ...]

    @property
    def reattributions(self) -> tuple[Reattribution, ...]:
        return tuple(flag for group in self.groups for flag in group.reattributions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "groups": [g.to_dict() for g in self.groups],
            "claimants": [c.to_dict() for c in self.claimants],
            "reattributions": [r.to_dict() for r in self.reattributions],
        }

    def to_rows(self) -> list[dict[str, Any]]:
        """One flat row per entry (for CSV and tables), numbered by group."""
        rows = []
        for number, group in enumerate(self.groups, start=1):
            for entry in group.entries:
                flags = [
                    r.message for r in group.reattributions
                    if r.file == entry.file and r.claimant_key == entry.claimant_key
                ]
                rows.append({
                    "group": number,
                    "category": group.category,
                    "unit": group.unit,
                    "subgroup": group.subgroup,
                    "group_figure": group.figure,
                    **asdict(entry),
                    "group_disputed_by": "; ".join(group.disputed_by) or None,
                    "reattribution": " ".join(flags) or None,
                })
        return rows


def build_ledger(
    claims: Iterable[Claim],
    documents: Iterable[Document] | None = None,
    *,
    category: str | None = None,
    claimants: Claimants | None = None,
) -> Ledger:
    """Group claims across documents by category and figure; date, order and flag them.

    ``claimants`` resolves who each claim counts for (``load_claimants(case)`` applies the
    case's alias table); without it, own voices and spellings are resolved, nothing else.
    """
    claims = list(claims)
    documents = list(documents or ())
    lookup = _DocumentLookup(documents, claimants or Claimants(claims, documents))
    claims = [c for c in claims if category is None or c.category == category]
    by_key: dict[tuple[Any, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.figure_low is not None or claim.figure_high is not None:
            by_key[(claim.category, claim.unit, claim.subgroup, claim.qualifier == "vague")].append(claim)
    groups = []
    for key, members in by_key.items():
        for cluster in _clusters(members):
            groups.append(_group(key, cluster, lookup))
    groups.sort(key=_group_order)
    return Ledger(tuple(groups), _claimant_series(claims, lookup))


# -- grouping ------------------------------------------------------------------
def _anchor(claim: Claim) -> tuple[int, int]:
    """The figure a claim stands for, as an interval (a point unless it is a range)."""
    low = claim.figure_low if claim.figure_low is not None else claim.figure_high
    high = claim.figure_high if claim.qualifier == "between" and claim.figure_high is not None else low
    if claim.qualifier == "up to" and claim.figure_high is not None:
        low = high = claim.figure_high
    assert low is not None and high is not None
    return low, high


def _is_wide_range(claim: Claim) -> bool:
    """A wide range stands apart rather than swallow every group it spans."""
    low, high = _anchor(claim)
    return high > NARROW_RANGE * max(low, 1)


def _clusters(claims: list[Claim]) -> list[list[Claim]]:
    """Sweep claims by anchor; a point or narrow range joins the open cluster it meets."""
    ordered = sorted(claims, key=_anchor)
    clusters: list[list[Claim]] = []
    reach = -1
    for claim in ordered:
        low, high = _anchor(claim)
        narrow = not _is_wide_range(claim) and not _is_wide_range(clusters[-1][0]) if clusters else False
        same_range = bool(clusters) and _anchor(claim) == _anchor(clusters[-1][0])  # one wide range, repeated
        joins = clusters and low <= reach and (narrow or same_range)
        if joins:
            clusters[-1].append(claim)
            reach = max(reach, high)
        else:
            clusters.append([claim])
            reach = high
    return clusters


def _group(key: tuple[Any, ...], cluster: list[Claim], lookup: _DocumentLookup) -> FigureGroup:
    category, unit, subgroup, vague = key
    entries = _dedupe(sorted((_entry(c, lookup) for c in cluster), key=_entry_order))
    entries = _with_roles(entries)
    low = min(_anchor(c)[0] for c in cluster)
    high = max(_anchor(c)[1] for c in cluster)
    figure = f"{low:,}" if low == high else f"{low:,}–{high:,}"
    disputed = tuple(sorted({e.disputed_by for e in entries if e.disputed_by}))
    flags = _reattributions(category, entries)
    return FigureGroup(category, unit, subgroup, figure, low, high, vague, entries, disputed, flags)


def _group_order(group: FigureGroup) -> tuple[Any, ...]:
    claimants = len({e.claimant_key for e in group.entries})
    rank = CATEGORIES.index(group.category) if group.category in CATEGORIES else len(CATEGORIES)
    return (rank, -claimants, -len(group.entries), -group.high)


# -- entries -------------------------------------------------------------------
class _DocumentLookup:
    """Publication date and publisher of a claim's document, by hash or by file name; its claimant."""

    def __init__(self, documents: Iterable[Document], claimants: Claimants) -> None:
        self.claimants = claimants
        self.by_sha: dict[str, Document] = {}
        self.by_file: dict[str, Document] = {}
        for document in documents:
            self.by_sha[document.sha256] = document
            self.by_file[document.file] = document

    def document(self, claim: Claim) -> Document | None:
        return self.by_sha.get(claim.document_sha256 or "") or self.by_file.get(claim.file)

    def published(self, claim: Claim) -> str | None:
        document = self.document(claim)
        return claim.document_date or (document.published if document else None)

    def publisher(self, claim: Claim) -> str | None:
        document = self.document(claim)
        return document.publisher if document else None


def _entry(claim: Claim, lookup: _DocumentLookup) -> LedgerEntry:
    claimants = lookup.claimants
    own = claimants.own_voice(claim)
    label = claimants.label(claim)
    date, source = (claim.claim_date, "claim") if claim.claim_date else (lookup.published(claim), "document")
    return LedgerEntry(
        claimant=label if own else claim.claimant,
        claimant_key=claimants.key(claim),
        claimant_label=label,
        extracted_key=None if own else claim.claimant_key,
        own_voice=own,
        via=claim.via,
        date=date,
        date_source=source if date else None,
        file=claim.file,
        publisher=lookup.publisher(claim),
        figure=figure_label(claim),
        figure_low=claim.figure_low,
        figure_high=claim.figure_high,
        qualifier=claim.qualifier,
        hedged=claim.hedged,
        disputed_by=claimants.resolve_name(claim.disputed_by),
        place=claim.place,
        quote=claim.quote,
        start=claim.start,
        confirms=claim.confirms,
    )


def _entry_order(entry: LedgerEntry) -> tuple[Any, ...]:
    # Undated last; on the same day a claimant's own dated claim before a publication
    # date, and a named claimant before a document's own voice.
    return (
        entry.date is None,
        entry.date or "",
        entry.date_source != "claim",
        entry.own_voice,
        entry.file,
        entry.start,
    )


def _dedupe(entries: list[LedgerEntry]) -> list[LedgerEntry]:
    """One entry per document, claimant and figure (the extractor may report a claim twice)."""
    seen = set()
    kept = []
    for entry in entries:
        key = (entry.file, entry.claimant_key, entry.figure_low, entry.figure_high, entry.qualifier)
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


def _with_roles(entries: list[LedgerEntry]) -> tuple[LedgerEntry, ...]:
    first = entries[0].claimant_key
    roles = [FIRST] + [SAME_CLAIMANT if e.claimant_key == first else REPEAT for e in entries[1:]]
    return tuple(_replace_role(e, role) for e, role in zip(entries, roles))


def _replace_role(entry: LedgerEntry, role: str) -> LedgerEntry:
    values = asdict(entry)
    values["role"] = role
    return LedgerEntry(**values)


def figure_label(claim: Claim) -> str:
    """A figure as a reader would say it: "1,500", "at least 1,500", "1,500–2,000", "vague 2,000"."""
    low = f"{claim.figure_low:,}" if claim.figure_low is not None else None
    high = f"{claim.figure_high:,}" if claim.figure_high is not None else None
    if claim.qualifier == "between" and low and high:
        return f"{low}–{high}"
    if claim.qualifier == "up to":
        return f"up to {high or low}"
    if claim.qualifier == "exact":
        return low or high or "?"
    return f"{claim.qualifier} {low or high}"


# -- re-attribution -------------------------------------------------------------
def _reattributions(category: str, entries: tuple[LedgerEntry, ...]) -> tuple[Reattribution, ...]:
    flags = []
    for entry in entries:
        if entry.own_voice:
            continue
        flags += _cited_elsewhere(category, entry, entries)
        flags += _confirmed_earlier(category, entry, entries)
    return tuple(flags)


def _cited_elsewhere(category: str, entry: LedgerEntry, entries: tuple[LedgerEntry, ...]) -> list[Reattribution]:
    """X is credited with the figure, yet some text shows X passing it on from someone else."""
    found = []
    for other in entries:
        if other.via and other.claimant_key != entry.claimant_key and same_party(other.via, entry.claimant_key, entry.claimant):
            where = "the same document" if other.file == entry.file else other.file
            message = (
                f"{entry.file} credits {entry.figure} {category} to {entry.claimant_key}, "
                f"but {where} shows {entry.claimant_key} citing {other.claimant}."
            )
            found.append(Reattribution(
                CITED_ELSEWHERE, entry.file, entry.claimant_key, category, entry.figure,
                other.claimant_key, other.file, other.quote, message,
            ))
            break
    return found


def _confirmed_earlier(category: str, entry: LedgerEntry, entries: tuple[LedgerEntry, ...]) -> list[Reattribution]:
    """The text says X "confirmed" a figure another claimant had announced before."""
    if not entry.confirms or entry.date is None:
        return []
    earlier = [
        e for e in entries
        if e.claimant_key != entry.claimant_key and e.date is not None and e.date < entry.date
        and not e.own_voice
    ]
    if not earlier:
        return []
    origin = earlier[0]
    message = (
        f"{entry.file} says {entry.claimant_key} confirmed {entry.figure} {category} ({entry.date}), "
        f"a figure {origin.claimant_key} announced first ({origin.date}); "
        f"check whom {entry.claimant_key} actually cited."
    )
    return [Reattribution(
        CONFIRMED_EARLIER, entry.file, entry.claimant_key, category, entry.figure,
        origin.claimant_key, origin.file, origin.quote, message,
    )]


# -- claimants over time ---------------------------------------------------------
def _claimant_series(claims: list[Claim], lookup: _DocumentLookup) -> tuple[ClaimantSeries, ...]:
    points: dict[tuple[str, str], set[tuple[str | None, str, str]]] = defaultdict(set)
    named: set[str] = set()  # claimants that speak somewhere other than in their own outlet's voice
    for claim in claims:
        entry = _entry(claim, lookup)
        label = entry.figure + (f" {claim.unit}" if claim.unit else "") + (f" ({claim.subgroup})" if claim.subgroup else "")
        points[(entry.claimant_key, claim.category)].add((entry.date, label, claim.file))
        if not entry.own_voice:
            named.add(entry.claimant_key)
    series = [
        ClaimantSeries(
            key, key if key in named else own_count_label(key), category,
            tuple(sorted(found, key=lambda p: (p[0] is None, p[0] or "", p[2]))),
        )
        for (key, category), found in points.items()
    ]
    series.sort(key=lambda s: (CATEGORIES.index(s.category) if s.category in CATEGORIES else 99, s.claimant_key))
    return tuple(series)
