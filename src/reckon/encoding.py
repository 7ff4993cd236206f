"""One policy for turning a file's bytes into text, for articles and lists alike.

    decoded = decode_bytes(data, file="list.csv")              # detect
    decoded = decode_bytes(data, file="a.txt", encoding="cp1256")  # as the user says
    decoded.text, decoded.encoding, decoded.notes

In order: the encoding the user names; a byte-order mark (UTF-8, UTF-16); strict UTF-8;
UTF-16 without a mark (every other byte NUL); then a legacy Windows code page. Files from
our users are UTF-8 almost always; the exceptions are old exports in cp1256 (Persian and
Arabic) and cp1252 (Western European, a superset of latin-1 for printable text).

cp1256 and cp1252 both decode any byte, so we decide by what the text looks like: Persian
read as cp1256 is mostly Arabic-script letters, while read as cp1252 it is accented
gibberish ("Úáí"). What that does not settle, charset-normalizer does, and only when one
reading is clearly cleaner; otherwise we refuse and ask for --encoding, because a wrong
guess silently garbles every name.

A file that is UTF-8 except for some lines (rows pasted from an old export) is decoded line
by line: UTF-8 where a line is UTF-8, the detected code page for the others, and a note
names those lines. A line that is mostly UTF-8 with a broken byte is damage, not another
encoding, and is refused with its line and offset: decoding it as cp1252 would garble it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from reckon.errors import InputError

SAMPLE_BYTES = 1 << 20  # enough of a file to judge its encoding
LEGACY_ENCODINGS = ("cp1252", "cp1256")
ENCODING_NAMES = {"cp1252": "Western European, latin-1", "cp1256": "Persian/Arabic Windows"}
LATIN_CODEPAGES = {"iso8859-1", "cp1252", "iso8859-15"}
_MAX_CHAOS = 0.1  # charset-normalizer's mess ratio above which a reading is not clean
_CLEAR_MARGIN = 0.05  # how much messier the runner-up must be for the best to be "clear"
_ENCODING_FIX = "if it is text, pass its encoding, e.g. --encoding cp1256 (Persian/Arabic) or --encoding cp1252 (Western European), or convert it to UTF-8"


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from a file, with how it was decoded."""

    text: str
    encoding: str  # the codec used; "utf-8+cp1256" when some lines were in a code page
    detected: bool  # False when the caller named the encoding
    notes: tuple[str, ...] = ()  # what was assumed, for the user to check

    @property
    def assumed(self) -> bool:
        """Whether a legacy code page was guessed for some or all of the text."""
        return self.detected and bool(self.notes)


def decode_bytes(data: bytes, *, file: str, encoding: str | None = None, binary_fix: str | None = None) -> DecodedText:
    """Decode a whole file by the policy above; InputError names the file, the line and the fix.

    ``binary_fix`` is what to tell the user when the bytes are not text at all.
    """
    if encoding:
        return DecodedText(_decode_as(data, _codec_name(encoding, file), file), encoding, False)
    if data.startswith(codecs.BOM_UTF8):
        return _detect_utf8(data[3:], file, "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return DecodedText(_decode_as(data, "utf-16", file), "utf-16", True)
    if _looks_utf16_without_bom(data):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return DecodedText(_decode_as(data, codec, file), codec, True)
    if looks_binary(data):
        raise InputError("is a binary file, not text", file=file, fix=binary_fix or "export it as a text file")
    return _detect_utf8(data, file, "utf-8")


def looks_binary(data: bytes) -> bool:
    """NUL bytes in a file that is not UTF-16: an image, an archive, a database — not text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16_without_bom(data):
        return False
    return b"\x00" in data[:SAMPLE_BYTES]


def _detect_utf8(data: bytes, file: str, utf8_name: str) -> DecodedText:
    try:
        return DecodedText(data.decode("utf-8"), utf8_name, True)
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return _decode_mixed(data, file, utf8_name)
    legacy = _guess_legacy(data, file)
    note = f"not UTF-8; decoded as {legacy} ({ENCODING_NAMES[legacy]}): check its names and quotes"
    return DecodedText(data.decode(legacy), legacy, True, (note,))


def _decode_mixed(data: bytes, file: str, utf8_name: str) -> DecodedText:
    """UTF-8 lines as UTF-8; the other lines in the one code page they clearly read as."""
    lines = data.splitlines(keepends=True)
    bad = [number for number, line in enumerate(lines, start=1) if not _is_utf8(line)]
    for number in bad:
        line = lines[number - 1]
        if _mostly_utf8(line):
            offset = sum(len(before) for before in lines[: number - 1]) + _first_bad_byte(line)
            broken = line.decode("utf-8", errors="replace").count("\ufffd")
            raise InputError(
                f"is UTF-8 with {broken} damaged byte(s), the first at offset {offset}",
                file=file,
                row=number,
                fix="download or export it again; if it really is a legacy encoding, pass --encoding",
            )
    legacy = _guess_legacy(b"".join(lines[n - 1] for n in bad), file)
    bad_lines = set(bad)
    text = "".join(
        line.decode(legacy if number in bad_lines else "utf-8") for number, line in enumerate(lines, start=1)
    )
    shown = ", ".join(str(n) for n in bad[:10]) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
    which = f"line {shown} is not UTF-8 and was" if len(bad) == 1 else f"lines {shown} are not UTF-8 and were"
    note = f"{which} decoded as {legacy} ({ENCODING_NAMES[legacy]}): check them"
    return DecodedText(text, f"{utf8_name}+{legacy}", True, (note,))


def _codec_name(encoding: str, file: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            f"unknown encoding {encoding!r}",
            file=file,
            fix="use a codec name such as utf-8, utf-16, cp1256 (Windows Persian) or cp1252 — or omit --encoding to detect it",
        ) from None


def _decode_as(data: bytes, codec: str, file: str) -> str:
    """Decode with the named codec; refuse a Latin code page on text that is plainly not Latin."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"cannot be decoded as {codec} (bad byte at offset {exc.start})",
            file=file,
            row=line,
            fix=f"try --encoding {_suggest(data)}, or omit --encoding to detect it",
        ) from None
    if codec in LATIN_CODEPAGES and not data.isascii() and _is_utf8(data):
        raise InputError(f"read as {codec} this file is gibberish: it is UTF-8", file=file, fix="pass --encoding utf-8, or omit --encoding to detect it")
    if codec in LATIN_CODEPAGES and _looks_persian_cp1256(data):
        raise InputError(
            f"read as {codec} this file is gibberish, but read as cp1256 it is Persian text",
            file=file,
            fix="pass --encoding cp1256, or omit --encoding to detect it",
        )
    return text.removeprefix("\ufeff")


def _guess_legacy(data: bytes, file: str) -> str:
    """cp1256 when the bytes read as Persian/Arabic; else the one code page that reads clearly cleaner."""
    if _looks_persian_cp1256(data):
        return "cp1256"
    readings = [m for m in from_bytes(data[:SAMPLE_BYTES], cp_isolation=list(LEGACY_ENCODINGS)) if m.encoding in LEGACY_ENCODINGS]
    clean = [m for m in readings if m.chaos <= _MAX_CHAOS]
    if not clean:
        raise InputError("is not UTF-8 and reads as no known encoding (binary, or damaged text?)", file=file, fix=_ENCODING_FIX)
    best = clean[0]
    others = [m for m in readings if m.encoding != best.encoding and str(m) != str(best)]
    runner = others[0] if others else None
    if runner is None or runner.chaos - best.chaos >= _CLEAR_MARGIN or best.coherence - runner.coherence >= 0.3:
        return best.encoding
    raise InputError(
        f"is not UTF-8 and its encoding is ambiguous ({best.encoding} or {runner.encoding})",
        file=file,
        fix=f"pass --encoding {best.encoding} or --encoding {runner.encoding} "
        "(cp1256 for Persian/Arabic, cp1252 for Western European), or convert it to UTF-8",
    )


def _suggest(data: bytes) -> str:
    """The encoding to suggest when the one given does not fit."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16_without_bom(data):
        return "utf-16"
    if _is_utf8(data):
        return "utf-8"
    return "cp1256" if _looks_persian_cp1256(data) else "cp1252"


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed non-ASCII UTF-8 characters than broken bytes: UTF-8, damaged or mixed."""
    decoded = data.decode("utf-8", errors="replace")
    broken = decoded.count("\ufffd")
    return sum(1 for char in decoded if ord(char) > 127) - broken > broken


def _first_bad_byte(line: bytes) -> int:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start
    return 0


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
