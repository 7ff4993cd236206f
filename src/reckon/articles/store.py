"""The `documents` table: articles as ingested, never altered afterwards.

    document_exists(case, sha256)
    insert_document(case, document)          # inside the caller's transaction
    load_documents(case)                      # every Document, in the order added
    document_order(case)                      # {sha256: position}, to sort what cites them
    document_summaries(case)                  # one dict per document, for listing
    document_texts(case, sha256s)             # {sha256: text} of the given documents

This module is the only one that reads or writes `documents` (migration 002).
"""

from __future__ import annotations

from datetime import date as Date
from typing import Any

from reckon.articles.document import Document
from reckon.case import Case, now


def document_exists(case: Case, sha256: str) -> bool:
    return bool(case.scalar("SELECT count(*) FROM documents WHERE sha256 = ?", [sha256]))


def insert_document(case: Case, document: Document) -> None:
    """Store one document; the caller holds the transaction (its claims go in with it)."""
    case.con.execute(
        "INSERT INTO documents (sha256, file, kind, published, publisher, title, url, text, encoding, added_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            document.sha256, document.file, document.kind, document.published, document.publisher,
            document.title, document.url, document.text, document.encoding, now(),
        ],
    )


def load_documents(case: Case) -> list[Document]:
    """Every stored document, in the order added."""
    rows = case.con.execute(
        "SELECT file, sha256, text, kind, published, publisher, title, url, encoding FROM documents"
        " ORDER BY added_at, file"
    ).fetchall()
    return [Document(f, s, t, k, _iso(p), pub, ti, u, e) for f, s, t, k, p, pub, ti, u, e in rows]


def document_order(case: Case) -> dict[str, int]:
    """{sha256: position} in the order documents were added (claims are listed in that order)."""
    rows = case.con.execute("SELECT sha256 FROM documents ORDER BY added_at, file").fetchall()
    return {sha256: position for position, (sha256,) in enumerate(rows)}


def document_summaries(case: Case) -> list[dict[str, Any]]:
    """One dict per stored document (file, kind, published, publisher, title, sha256, encoding, added_at)."""
    rows = case.rows(
        "SELECT file, kind, published, publisher, title, sha256, encoding, added_at FROM documents ORDER BY added_at, file"
    )
    return [{**row, "published": _iso(row["published"])} for row in rows]


def document_texts(case: Case, sha256s: list[str]) -> dict[str, str]:
    """The decoded text of the given documents (claim offsets index into it)."""
    rows = case.con.execute(
        "SELECT sha256, text FROM documents WHERE sha256 IN (SELECT unnest(?::VARCHAR[]))", [list(dict.fromkeys(sha256s))]
    ).fetchall()
    return dict(rows)


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, Date) else (str(value) if value is not None else None)
