"""One decoding policy for articles and lists (reckon.encoding), on real bytes."""

from __future__ import annotations

import pytest

from reckon.encoding import decode_bytes
from reckon.errors import InputError

PERSIAN = "علي رضايي"  # cp1256 has the Arabic yeh (ي), not the Persian one (ی)
FRENCH = "Hôpital général, tuées à Port-Nord"


def test_utf8_with_and_without_a_byte_order_mark() -> None:
    assert decode_bytes(PERSIAN.encode("utf-8"), file="a.csv").text == PERSIAN
    marked = decode_bytes(b"\xef\xbb\xbf" + PERSIAN.encode("utf-8"), file="a.csv")
    assert (marked.text, marked.encoding, marked.notes) == (PERSIAN, "utf-8-sig", ())


def test_whole_legacy_files_are_decoded_with_a_note() -> None:
    persian = decode_bytes(("name\n" + PERSIAN + "\n").encode("cp1256"), file="a.csv")
    assert persian.text == "name\n" + PERSIAN + "\n" and persian.encoding == "cp1256"
    assert persian.assumed and "cp1256" in persian.notes[0]
    french = decode_bytes((FRENCH + "\n").encode("cp1252"), file="a.txt")
    assert french.text == FRENCH + "\n" and french.encoding == "cp1252"


def test_a_utf8_file_with_one_cp1256_row_is_decoded_line_by_line() -> None:
    lines = ["id,name", f"1,{PERSIAN}", "2,مريم كريمي", "3,حسن احمدي", "4,زهرا موسوي"]
    data = "\n".join(lines[:3]).encode("utf-8") + b"\n" + lines[3].encode("cp1256") + b"\n" + lines[4].encode("utf-8")
    decoded = decode_bytes(data, file="mixed.csv")
    assert decoded.text.splitlines() == lines  # every name readable, none garbled
    assert decoded.encoding == "utf-8+cp1256"
    assert "line 4 is not UTF-8 and was decoded as cp1256" in decoded.notes[0]


def test_damaged_utf8_is_refused_with_its_line() -> None:
    data = ("ok line\n" + FRENCH).encode("utf-8").replace("é".encode(), b"\xc3", 1)  # one byte lost
    with pytest.raises(InputError, match=r"cut\.txt, row 2: is UTF-8 with 1 damaged byte\(s\)"):
        decode_bytes(data, file="cut.txt")


def test_a_named_encoding_is_checked() -> None:
    data = PERSIAN.encode("cp1256")
    with pytest.raises(InputError, match=r"row 1: cannot be decoded as utf-8 .* try --encoding cp1256"):
        decode_bytes(data, file="a.csv", encoding="utf-8")
    with pytest.raises(InputError, match="gibberish, but read as cp1256 it is Persian"):
        decode_bytes(data, file="a.csv", encoding="latin-1")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        decode_bytes(data, file="a.csv", encoding="klingon")
    assert decode_bytes(data, file="a.csv", encoding="cp1256").text == PERSIAN


def test_binary_bytes_are_not_text() -> None:
    with pytest.raises(InputError, match="is a binary file, not text — export it"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", file="photo.csv", binary_fix="export it as .csv")
