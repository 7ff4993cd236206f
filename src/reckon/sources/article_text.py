"""Decoding an article's bytes to text: UTF-8 first, a legacy encoding only when it is clear.

Casualty articles reach us as UTF-8 almost always; the exceptions are old exports in
Windows code pages: cp1256 (Persian/Arabic) and cp1252 (Western European, a superset of
latin-1 for printable text). We decode those automatically only when charset-normalizer
finds exactly one clean reading, and we say which encoding we assumed, because a wrong
guess silently garbles names and quotes. Otherwise we refuse and ask for --encoding.
"""

from __future__ import annotations

import codecs
import warnings
from charset_normalizer import from_bytes

from reckon.errors import InputError

# The legacy encodings we consider when a file is not UTF-8.
LEGACY_ENCODINGS = ("cp1252", "cp1256")
ENCODING_NAMES = {"cp1252": "Western European, latin-1", "cp1256": "Persian/Arabic Windows"}
_MAX_CHAOS = 0.1  # charset-normalizer's mess ratio above which a reading is not clean
_CLEAR_MARGIN = 0.05  # how much messier the runner-up must be for the best to be "clear"
_BINARY_SNIFF = 8192


class EncodingAssumedWarning(UserWarning):
    """The file was not UTF-8; reckon decoded it with the encoding the message names."""

    def __init__(self, message: str, encoding: str) -> None:
        super().__init__(message)
        self.encoding = encoding


def check_not_binary(data: bytes, file: str) -> None:
    """Refuse bytes that are not text (NUL bytes outside a UTF-16 file)."""
    if _utf16_bom(data) is None and b"\x00" in data[:_BINARY_SNIFF]:
        raise InputError(
            "is a binary file, not text",
            file=file,
            fix="export the article as .txt, .html or .pdf and add that file instead",
        )


def decode_text(data: bytes, file: str, *, encoding: str | None = None) -> tuple[str, str]:
    """Decode article bytes; return (text, encoding used).

    ``encoding`` forces one encoding. Without it: a UTF-16 or UTF-8 byte order mark, else
    UTF-8, else one clearly detected legacy encoding (with an EncodingAssumedWarning).
    A UTF-8 byte order mark is dropped, so offsets index the text a reader sees.
    """
    if encoding is not None:
        return _decode_as(data, file, encoding), encoding
    bom_encoding = _utf16_bom(data)
    if bom_encoding is not None:
        return _decode_as(data, file, bom_encoding), bom_encoding
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    _refuse_damaged_utf8(data, file, first_bad)
    guessed = _guess_legacy_encoding(data, file)
    warnings.warn(
        EncodingAssumedWarning(
            f"{file}: not UTF-8; decoded as {guessed} ({ENCODING_NAMES[guessed]}). "
            f"Check its quotes; pass --encoding to read it otherwise.",
            guessed,
        ),
        stacklevel=2,
    )
    return data.decode(guessed), guessed


def _decode_as(data: bytes, file: str, encoding: str) -> str:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(
            f"unknown encoding {encoding!r}",
            file=file,
            fix="use a Python codec name such as utf-8, cp1256 or cp1252",
        ) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"cannot be decoded as {encoding} (bad byte at offset {exc.start})",
            file=file,
            fix="check the file's encoding and pass the right one with --encoding",
        ) from None
    return text.removeprefix("\ufeff")


def _refuse_damaged_utf8(data: bytes, file: str, first_bad: int) -> None:
    """UTF-8 with a few broken bytes (a truncated or mangled copy) is not a legacy encoding:
    decoding it as cp1252 would garble every accented letter, so refuse and say where."""
    decoded = data.decode("utf-8", errors="replace")
    broken = decoded.count("\ufffd")
    valid_non_ascii = sum(1 for char in decoded if ord(char) > 127) - broken
    if valid_non_ascii > broken:
        raise InputError(
            f"is UTF-8 with {broken} damaged byte(s), the first at offset {first_bad}",
            file=file,
            fix="download or export it again; if it really is a legacy encoding, pass --encoding",
        )


def _utf16_bom(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _guess_legacy_encoding(data: bytes, file: str) -> str:
    """The one legacy encoding that reads the bytes cleanly, else a refusal naming the options."""
    matches = [m for m in from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)) if m.encoding in LEGACY_ENCODINGS]
    clean = [m for m in matches if m.chaos <= _MAX_CHAOS]
    if clean:
        best, rest = clean[0], [m for m in matches[1:] if str(m) != str(clean[0])]
        runner = rest[0] if rest else None
        if runner is None or runner.chaos - best.chaos >= _CLEAR_MARGIN or best.coherence - runner.coherence >= 0.3:
            return best.encoding
        options = " or ".join(f"--encoding {m.encoding}" for m in (best, runner))
        raise InputError(
            f"is not UTF-8 and its encoding is ambiguous ({best.encoding} or {runner.encoding})",
            file=file,
            fix=f"pass {options} (cp1256 for Persian/Arabic, cp1252 for Western European), "
            "or convert it to UTF-8",
        )
    raise InputError(
        "is not UTF-8 and reads as no known encoding (binary, or damaged text?)",
        file=file,
        fix="if it is text, pass its encoding, e.g. --encoding cp1256, or convert it to UTF-8",
    )
