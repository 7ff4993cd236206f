"""The Document: one ingested article or report, never altered after ingest."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Document:
    """An article as read: its text (offsets of claims index into it) and its provenance."""

    file: str  # the file's name as given (claims carry it in their `file` field)
    sha256: str  # of the original bytes
    text: str  # the whole decoded text; for .txt the date header is kept
    kind: str  # "txt", "html" or "pdf"
    published: str | None = None  # YYYY-MM-DD when known
    publisher: str | None = None
    title: str | None = None
    url: str | None = None
    encoding: str | None = None  # how a .txt file was decoded (None for html and pdf)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
