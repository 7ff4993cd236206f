"""Reading a PDF's text layer with pypdf. Scanned PDFs (images only) are refused: run OCR first."""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from reckon.errors import InputError

PAGE_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class PdfArticle:
    text: str
    title: str | None


def extract_pdf(data: bytes, file: str) -> PdfArticle:
    """The text of every page, pages separated by a blank line."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError(
                "is an encrypted PDF",
                file=file,
                fix="save an unencrypted copy (print to PDF) and add that",
            )
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
        title = _title(reader)
    except (PdfReadError, ValueError, KeyError) as exc:  # pypdf raises these on damaged files
        raise InputError(
            f"is not a readable PDF ({exc})",
            file=file,
            fix="download it again or re-save it from a PDF viewer",
        ) from None
    text = PAGE_SEPARATOR.join(page for page in pages if page)
    if not text.strip():
        raise InputError(
            "has no text layer (scanned?)",
            file=file,
            fix="run OCR first (e.g. `ocrmypdf in.pdf out.pdf`) and add the OCR'd PDF",
        )
    return PdfArticle(text=text, title=title)


def _title(reader: PdfReader) -> str | None:
    metadata = reader.metadata
    title = metadata.title if metadata is not None else None
    return str(title).strip() or None if title else None
