"""The Claim: one casualty figure as one claimant states it in one document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATEGORIES = ("killed", "injured", "arrested", "missing", "executed", "scope")
QUALIFIERS = ("exact", "at least", "over", "about", "up to", "between", "vague")
AUTHOR = "author"  # claimant_key when the document speaks in its own voice


@dataclass(frozen=True)
class Quote:
    """An exact span of the decoded file: ``text == file_text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """One figure claimed in one document (conventions: docs/claims.md)."""

    file: str
    figure_low: int | None
    figure_high: int | None
    category: str  # one of CATEGORIES
    qualifier: str  # one of QUALIFIERS
    claimant: str  # as the text names it ("author" for the document's own voice)
    claimant_key: str  # canonical name, so the ledger can group claimants
    quote: str
    start: int
    end: int
    via: str | None = None  # an intermediary between claimant and document
    claim_date: str | None = None  # YYYY-MM-DD or YYYY-MM
    claim_date_note: str | None = None  # how a relative date was resolved ("“on Friday” read against the dateline (2031-05-03)")
    event: str | None = None
    place: str | None = None
    period: str | None = None
    subgroup: str | None = None
    unit: str | None = None  # for scope claims: what is counted (cities, provinces, ...)
    hedged: bool = False
    disputed_by: str | None = None
    confirms: bool = False  # the text says the claimant "confirmed" (corroborated, verified) it
    alt_quotes: tuple[Quote, ...] = field(default_factory=tuple)
    document_sha256: str | None = None
    document_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # field by field: dataclasses.asdict deep-copies recursively, and was most of the cost
        # of printing claims (all values here are plain str, int, bool or None)
        data = {name: getattr(self, name) for name in _FIELDS}
        data["alt_quotes"] = [{"text": q.text, "start": q.start, "end": q.end} for q in self.alt_quotes]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        values["alt_quotes"] = tuple(
            Quote(**q) if isinstance(q, dict) else q for q in (data.get("alt_quotes") or ())
        )
        return cls(**values)


_FIELDS = tuple(Claim.__dataclass_fields__)
