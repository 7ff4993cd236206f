"""Decoding a list file's bytes: UTF-8 (with or without BOM), UTF-16 (BOM), cp1256, others.

Detection order: a byte-order mark; strict UTF-8; UTF-16 without a BOM (every other byte
NUL); then the single-byte code pages. Windows Persian (cp1256) and Western (cp1252/latin-1)
decode the same bytes without error, so we decide by what the text looks like: Persian text
read as cp1256 is mostly Arabic-script letters, while read as latin-1 it is accented
gibberish ("Úáí"). charset-normalizer settles the rest.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from reckon.errors import InputError

SAMPLE_BYTES = 1 << 20  # enough of a file to judge its encoding
LATIN_CODEPAGES = {"iso8859-1", "cp1252", "iso8859-15"}


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # the Python codec name used
    detected: bool  # False when the caller named the encoding


def decode_list_bytes(data: bytes, *, file: str, encoding: str | None = None) -> DecodedText:
    """Decode a whole file; raise InputError naming the line and a better encoding."""
    if encoding:
        return DecodedText(_decode_as(data, _codec_name(encoding, file), file), encoding, False)
    return DecodedText(*_detect_and_decode(data, file), True)


def _codec_name(encoding: str, file: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            f"unknown encoding {encoding!r}",
            file=file,
            fix="use utf-8, utf-8-sig, utf-16, cp1256 (Windows Persian) or latin-1 — or omit --encoding to detect",
        ) from None


def _decode_as(data: bytes, codec: str, file: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = _guess_name(data)
        raise InputError(
            f"the bytes are not {codec} (first bad byte at offset {exc.start})",
            file=file,
            row=line,
            fix=f"try --encoding {guess}, or omit --encoding to detect it",
        ) from None
    if codec in LATIN_CODEPAGES and _is_utf8_with_non_ascii(data):
        raise InputError(
            f"read as {codec} this file is gibberish: it is UTF-8",
            file=file,
            fix="pass --encoding utf-8, or omit --encoding to detect it",
        )
    if codec in LATIN_CODEPAGES and _looks_persian_cp1256(data):
        raise InputError(
            f"read as {codec} this file is gibberish, but read as cp1256 it is Persian text",
            file=file,
            fix="pass --encoding cp1256, or omit --encoding to detect it",
        )
    return text.removeprefix("\ufeff")


def _detect_and_decode(data: bytes, file: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_as(data, "utf-16", file), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_utf16_without_bom(data):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return _decode_as(data, codec, file), codec
    if b"\x00" in data[:SAMPLE_BYTES]:
        raise _binary_error(file)
    if _looks_persian_cp1256(data):
        return data.decode("cp1256"), "cp1256"
    guess = _guess_name(data)
    return _decode_as(data, guess, file), guess


def _guess_name(data: bytes) -> str:
    if _looks_persian_cp1256(data):
        return "cp1256"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16_without_bom(data):
        return "utf-16"
    best = from_bytes(data[:SAMPLE_BYTES]).best()
    if best is None:
        return "cp1256"
    return codecs.lookup(best.encoding).name


def _is_utf8_with_non_ascii(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.isascii()


def _looks_utf16_without_bom(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    return max(even_nuls, odd_nuls) > 0.3 and min(even_nuls, odd_nuls) < 0.05


def _looks_persian_cp1256(data: bytes) -> bool:
    """Most non-ASCII letters are Arabic script when the bytes are read as cp1256."""
    sample = data[:SAMPLE_BYTES].decode("cp1256", errors="replace")
    high = [ch for ch in sample if ord(ch) > 127 and ch.isalpha()]
    if len(high) < 3:
        return False
    arabic = sum(1 for ch in high if "\u0600" <= ch <= "\u06ff")
    return arabic / len(high) >= 0.8


def _binary_error(file: str) -> InputError:
    return InputError(
        "this is not a text table (it holds binary data)",
        file=file,
        fix="export the list as .csv (UTF-8), .xlsx or .json",
    )
