"""Reading one article file into a Document: .txt (seed format or plain), .html, .pdf.

    doc = read_article("reports/gazette.html")
    doc = read_article("notes.txt", date="2031-03-04")     # plain text: date given by hand

The SHA-256 is taken over the original bytes, so the same file is recognised however it
was named. For .txt the Document's text is the whole decoded file (see ``text``); for
.html and .pdf it is the extracted main text. A date the file states wins over ``date``,
which only fills in for files that state none.

Every refusal is an InputError that names the file and says what to do.
"""

from __future__ import annotations

import hashlib
from datetime import date as Date
from pathlib import Path

from reckon.articles.document import Document
from reckon.articles.text import EncodingAssumedWarning, check_not_binary, decode_article, header_date
from reckon.errors import InputError
from reckon.storage.files import read_bytes_nofollow

__all__ = ["ARTICLE_KINDS", "DEFAULT_MAX_BYTES", "DEFAULT_MAX_CHARS", "EncodingAssumedWarning", "check_date", "read_article"]

DEFAULT_MAX_BYTES = 20_000_000
# Extraction takes time in proportion to the text, about half a minute per million characters
# of news text on a laptop, all of it holding the case: a longer text is refused unless asked.
DEFAULT_MAX_CHARS = 1_000_000
ARTICLE_KINDS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}


def read_article(
    path: str | Path,
    *,
    date: str | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Document:
    """Read one article file.

    ``date`` (YYYY-MM-DD) is the publication date for files that state none.
    ``encoding`` forces the text encoding of a .txt file (default: reckon.encoding's
    policy, with an EncodingAssumedWarning when a code page was assumed). Files over
    ``max_bytes`` are refused before they are read, texts over ``max_chars`` characters
    (as decoded or extracted) before any claim is looked for.
    """
    path = Path(path)
    label = str(path)
    fallback_date = check_date(date, file=label) if date else None
    kind = _kind(path)
    data = _read_bytes(path, label, max_bytes)
    sha256 = hashlib.sha256(data).hexdigest()
    if kind == "pdf":
        from reckon.articles.pdf import extract_pdf  # pypdf and trafilatura load only when needed

        pdf = extract_pdf(data, label)
        _check_length(pdf.text, label, max_chars)
        return Document(path.name, sha256, pdf.text, kind, fallback_date, None, pdf.title, None)
    check_not_binary(data, label)
    if kind == "html":
        from reckon.articles.html import extract_html

        page = extract_html(data, label)
        _check_length(page.text, label, max_chars)
        return Document(
            path.name, sha256, page.text, kind, page.published or fallback_date,
            page.publisher, page.title, page.url,
        )
    decoded = decode_article(data, label, encoding=encoding)
    if not decoded.text.strip():
        raise _empty(label)
    _check_length(decoded.text, label, max_chars)
    published = header_date(decoded.text, label) or fallback_date
    return Document(path.name, sha256, decoded.text, kind, published, encoding=decoded.encoding)


def check_date(value: str, *, file: str | None = None) -> str:
    """``value`` if it is a real YYYY-MM-DD date, else an InputError saying so."""
    try:
        if len(value) == 10:
            return Date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise InputError(f"{value!r} is not a date", file=file, fix="write dates as YYYY-MM-DD, e.g. 2031-03-04")


def _kind(path: Path) -> str:
    kind = ARTICLE_KINDS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(ARTICLE_KINDS))
        raise InputError(
            f"unknown kind of file {path.suffix or '(no extension)'!r}",
            file=str(path),
            fix=f"reckon reads {known}; save the article as one of these",
        )
    return kind


def _read_bytes(path: Path, label: str, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError("does not exist", file=label, fix="check the path") from None
    if path.is_dir():
        raise InputError("is a folder, not a file", file=label, fix="pass the article files inside it")
    if size > max_bytes:
        raise InputError(
            f"is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:g} MB limit for one article",
            file=label,
            fix="split it into one file per article, or raise --max-bytes",
        )
    data = read_bytes_nofollow(path)  # a link named like an article (to /etc/passwd) is refused
    if not data.strip():
        raise _empty(label)
    return data


def _check_length(text: str, label: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise InputError(
            f"holds {len(text) / 1e6:.1f} million characters of text, over the {max_chars / 1e6:g} million "
            "read from one article (finding its claims would take minutes, holding the case)",
            file=label,
            fix="split it into one file per article, or raise --max-chars to read it anyway",
        )


def _empty(label: str) -> InputError:
    return InputError("is empty", file=label, fix="check the download or export, then add it again")
