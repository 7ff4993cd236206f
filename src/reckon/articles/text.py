"""Plain-text articles: decoded by the one encoding policy, dated by the seed header.

A .txt article is either in the seed format, whose first line opens with
``" date YYYY-MM-DD "`` followed by the headline, or plain text dated by hand (--date).
The Document's text is the whole decoded file, the header included, because claim
offsets index into the whole file.
"""

from __future__ import annotations

import re
import warnings
from datetime import date as Date

from reckon.encoding import DecodedText, decode_bytes, looks_binary
from reckon.errors import InputError

# The seed format: the file opens with " date YYYY-MM-DD " and the text follows on that line.
SEED_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})\b")
BINARY_FIX = "export the article as .txt, .html or .pdf and add that file instead"


class EncodingAssumedWarning(UserWarning):
    """The file was not (all) UTF-8; reckon decoded it as the message says."""

    def __init__(self, message: str, encoding: str) -> None:
        super().__init__(message)
        self.encoding = encoding


def decode_article(data: bytes, file: str, *, encoding: str | None = None) -> DecodedText:
    """Decode article bytes; warn (EncodingAssumedWarning) when a code page was assumed."""
    decoded = decode_bytes(data, file=file, encoding=encoding, binary_fix=BINARY_FIX)
    if decoded.assumed:
        message = f"{file}: {'; '.join(decoded.notes)}. Pass --encoding to read it otherwise."
        warnings.warn(EncodingAssumedWarning(message, decoded.encoding), stacklevel=2)
    return decoded


def check_not_binary(data: bytes, file: str) -> None:
    """Refuse bytes that are not text (an HTML file must be text too)."""
    if looks_binary(data):
        raise InputError("is a binary file, not text", file=file, fix=BINARY_FIX)


def header_date(text: str, file: str) -> str | None:
    """The date of a seed-format header, None for plain text; InputError for an impossible date."""
    match = SEED_HEADER.match(text)
    if match is None:
        return None
    try:
        return Date.fromisoformat(match.group(1)).isoformat()
    except ValueError:
        raise InputError(
            f"its header date {match.group(1)!r} is not a real date",
            file=file,
            row=1,
            fix="correct the ' date YYYY-MM-DD ' header",
        ) from None
