"""Article readers on synthetic files: .txt (seed format and plain), .html, .pdf, and bad input."""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

import pytest

from reckon.errors import InputError
from reckon.articles.read import EncodingAssumedWarning, read_article

# A fictional event; no real names.
STORY = (
    "At least 42 people were killed in Northport on Tuesday, according to the Harbour Medical "
    "Association, which said hospitals were overwhelmed. The interior ministry disputed the figure "
    "and said 12 people had died, while 300 were detained across the province."
)
# cp1256 has no Persian yeh (U+06CC); files in it use the Arabic yeh, as here.
PERSIAN = "بیمارستان گفت دست کم 12 نفر در بندر شمالی کشته و صدها نفر بازداشت شدند. پلیس این رقم را رد کرد.".replace("ی", "ي")
FRENCH = (
    "Au moins 42 personnes ont été tuées à Port-Nord mardi, selon l'Association médicale, "
    "qui a déclaré que les hôpitaux étaient débordés. Le ministère a contesté le chiffre."
)
PAGE = f"""<html><head><title>Clashes in Northport</title>
<meta property="og:site_name" content="The Harbour Gazette">
<meta property="article:published_time" content="2031-03-04T09:30:00Z">
<link rel="canonical" href="https://gazette.example/northport"></head>
<body><nav><a>Home</a> <a>World</a></nav>
<article><h1>Clashes in Northport</h1><p>{STORY}</p>
<p>Witnesses described security forces firing into crowds near the port in the evening.</p></article>
<footer>All rights reserved</footer></body></html>"""


def make_pdf(pages: list[str | None]) -> bytes:
    """A minimal valid PDF: one Helvetica line per page; None makes a page with a drawing, no text."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for text in pages:
        stream = "0 0 1 rg 72 600 200 100 re f" if text is None else f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET"
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream")
        contents = len(objects)
        objects.append(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {contents} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# -- good input -------------------------------------------------------------------
def test_seed_format_txt_keeps_the_header_and_takes_its_date(tmp_path: Path) -> None:
    content = f" date 2031-03-05 {STORY}"
    path = write(tmp_path, "northport.txt", content)
    document = read_article(path, date="2040-01-01")  # the file's own date wins
    assert document.text == content
    assert document.text[17:36] == "At least 42 people "  # offsets count the header
    assert document.published == "2031-03-05"
    assert document.kind == "txt" and document.file == "northport.txt"
    assert document.sha256 == hashlib.sha256(content.encode()).hexdigest()


def test_plain_txt_takes_the_date_given_or_none(tmp_path: Path) -> None:
    path = write(tmp_path, "plain.txt", STORY)
    assert read_article(path).published is None
    assert read_article(path, date="2031-03-06").published == "2031-03-06"
    assert read_article(path).text == STORY


def test_utf8_byte_order_mark_is_dropped_but_hashed(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf date 2031-03-05 " + STORY.encode()
    document = read_article(write(tmp_path, "bom.txt", raw))
    assert document.text.startswith(" date 2031-03-05 At least")
    assert document.published == "2031-03-05"
    assert document.sha256 == hashlib.sha256(raw).hexdigest()


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    document = read_article(write(tmp_path, "gazette.html", PAGE))
    assert document.kind == "html"
    assert "At least 42 people were killed in Northport" in document.text
    assert "Home" not in document.text and "All rights reserved" not in document.text
    assert document.title == "Clashes in Northport"
    assert document.publisher == "The Harbour Gazette"
    assert document.published == "2031-03-04"
    assert document.url == "https://gazette.example/northport"
    assert document.sha256 == hashlib.sha256(PAGE.encode()).hexdigest()


def test_pdf_text_layer_page_by_page(tmp_path: Path) -> None:
    pdf = make_pdf(["At least 42 people were killed in Northport.", "Police detained 300 people."])
    document = read_article(write(tmp_path, "bulletin.pdf", pdf), date="2031-03-07")
    assert document.text == "At least 42 people were killed in Northport.\n\nPolice detained 300 people."
    assert document.kind == "pdf" and document.published == "2031-03-07"
    assert document.sha256 == hashlib.sha256(pdf).hexdigest()


def test_cp1256_persian_is_decoded_with_a_warning_naming_the_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "farsi.txt", PERSIAN.encode("cp1256"))
    with pytest.warns(EncodingAssumedWarning, match=r"farsi\.txt: not UTF-8; decoded as cp1256") as caught:
        document = read_article(path)
    assert document.text == PERSIAN
    assert caught[0].message.encoding == "cp1256"


def test_latin1_text_is_decoded_as_cp1252_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "depeche.txt", FRENCH.encode("latin-1"))
    with pytest.warns(EncodingAssumedWarning, match="decoded as cp1252"):
        assert read_article(path).text == FRENCH


def test_an_explicit_encoding_is_used_without_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "farsi.txt", PERSIAN.encode("cp1256"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_article(path, encoding="cp1256").text == PERSIAN


# -- bad input: one clear message each --------------------------------------------------
BAD_INPUT = [
    ("empty.txt", b"", r"empty\.txt: is empty — check the download"),
    ("blank.txt", b"  \n\n ", r"blank\.txt: is empty"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", r"photo\.txt: is a binary file, not text — export the article"),
    ("menu.html", b"<html><body><nav><a>Home</a> <a>World</a></nav><p>We use cookies</p></body></html>", r"menu\.html: has no article body .* save the article page itself"),
    ("scan.pdf", make_pdf([None]), r"scan\.pdf: has no text layer \(scanned\?\) — run OCR first"),
    ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf", r"broken\.pdf: is not a readable PDF"),
    ("report.docx", b"PK\x03\x04", r"report\.docx: unknown kind of file '\.docx' — reckon reads .*\.html.*\.pdf.*\.txt"),
    ("bad-date.txt", b" date 2031-02-30 Forty people were killed.", r"bad-date\.txt, row 1: its header date '2031-02-30' is not a real date"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_bad_input_gets_one_clear_message(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(InputError, match=message) as raised:
        read_article(path)
    assert raised.value.file == str(path)
    assert raised.value.fix


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:  # a sparse 50 MB file: no need to write the bytes
        handle.truncate(50_000_000)
    with pytest.raises(InputError, match=r"dump\.txt: is 50\.0 MB, over the 20 MB limit .* split it .* raise --max-bytes"):
        read_article(path)


def test_max_bytes_can_be_lowered(tmp_path: Path) -> None:
    path = write(tmp_path, "story.txt", STORY)
    with pytest.raises(InputError, match="over the 0.0001 MB limit"):
        read_article(path, max_bytes=100)


def test_undecidable_non_utf8_text_is_refused_with_the_flag_to_pass(tmp_path: Path) -> None:
    path = write(tmp_path, "mystery.txt", bytes(range(0x80, 0xFF)) * 4)
    with pytest.raises(InputError, match=r"mystery\.txt: is not UTF-8 .* --encoding cp1256"):
        read_article(path)


def test_utf8_with_a_damaged_byte_is_refused_not_garbled(tmp_path: Path) -> None:
    raw = FRENCH.encode("utf-8").replace(b"tu\xc3\xa9es", b"tu\xc3es")  # one byte lost
    path = write(tmp_path, "cut.txt", raw)
    with pytest.raises(InputError, match=r"cut\.txt, row 1: is UTF-8 with 1 damaged byte\(s\), the first at offset 34 — download"):
        read_article(path)


def test_a_wrong_explicit_encoding_names_the_offset(tmp_path: Path) -> None:
    path = write(tmp_path, "farsi.txt", PERSIAN.encode("cp1256"))
    with pytest.raises(InputError, match=r"farsi\.txt, row 1: cannot be decoded as utf-8 \(bad byte at offset 0\) — try --encoding cp1256"):
        read_article(path, encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        read_article(path, encoding="klingon")


def test_a_bad_date_argument_and_a_missing_file(tmp_path: Path) -> None:
    path = write(tmp_path, "plain.txt", STORY)
    with pytest.raises(InputError, match="'4 March' is not a date — write dates as YYYY-MM-DD"):
        read_article(path, date="4 March")
    with pytest.raises(InputError, match=r"nowhere\.txt: does not exist"):
        read_article(tmp_path / "nowhere.txt")


def test_the_seeds_read_with_their_header_dates(seeds: Path) -> None:
    dates = {p.name: read_article(p).published for p in sorted(seeds.glob("*.txt"))}
    assert dates == {"000_64e4dc12b39a7a61.txt": "2020-11-16", "004_a5066f8c0a0b4851.txt": "2019-12-30"}
