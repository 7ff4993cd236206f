"""Adding articles and their claims to a real DuckDB case: round trip, idempotency, one transaction per file, audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reckon.case import Case
from reckon.claims.model import Claim, Quote
from reckon.articles.store import load_documents
from reckon.claims.ingest import ALREADY, FAILED, add_articles, list_articles, store_document
from reckon.claims.store import load_claims
from reckon.errors import InputError
from reckon.articles.read import read_article

# Fictional events; no real names.
NORTHPORT = (
    " date 2031-03-05 At least 42 people were killed in Northport on Tuesday, according to the "
    "Harbour Medical Association. The interior ministry said 300 people were detained."
)
EASTGATE = (
    " date 2031-03-09 The Eastgate Rights Collective said 57 protesters had been killed since the "
    "fuel price rise, and dozens more were missing."
)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def northport_claims(file: str, text: str) -> list[Claim]:
    quote = "At least 42 people were killed in Northport"
    start = text.index(quote)
    detained = "300 people were detained"
    return [
        Claim(
            file=file, figure_low=42, figure_high=None, category="killed", qualifier="at least",
            claimant="the Harbour Medical Association", claimant_key="Harbour Medical Association",
            quote=quote, start=start, end=start + len(quote), claim_date="2031-03-04",
            claim_date_note="“yesterday” read against the publication date (2031-03-05)", place="Northport", hedged=True, disputed_by="interior ministry",
            alt_quotes=(Quote("42 people", start + 9, start + 18),),
        ),
        Claim(
            file=file, figure_low=300, figure_high=300, category="arrested", qualifier="exact",
            claimant="The interior ministry", claimant_key="Interior Ministry", quote=detained,
            start=text.index(detained), end=text.index(detained) + len(detained),
        ),
    ]


def audit_actions(case: Case) -> list[str]:
    return [row[0] for row in case.con.execute("SELECT action FROM audit ORDER BY seq").fetchall()]


def test_a_document_and_its_claims_round_trip(fresh_case: Case, tmp_path: Path) -> None:
    document = read_article(write(tmp_path, "northport.txt", NORTHPORT))
    claims = northport_claims(document.file, document.text)
    assert store_document(fresh_case, document, claims) is True

    assert load_documents(fresh_case) == [document]
    loaded = load_claims(fresh_case)
    assert len(loaded) == 2
    first = loaded[0]
    assert (first.figure_low, first.figure_high, first.qualifier, first.hedged) == (42, None, "at least", True)
    assert first.alt_quotes == (Quote("42 people", claims[0].start + 9, claims[0].start + 18),)
    assert first.document_sha256 == document.sha256 and first.document_date == "2031-03-05"
    assert first.claim_date_note == claims[0].claim_date_note and loaded[1].claim_date_note is None  # migration 010
    assert document.text[first.start : first.end] == first.quote
    assert loaded[1].claimant_key == "Interior Ministry" and loaded[1].disputed_by is None
    ids = [row[0] for row in fresh_case.con.execute("SELECT id FROM claims ORDER BY ordinal").fetchall()]
    assert ids == [f"{document.sha256[:16]}#1", f"{document.sha256[:16]}#2"]


def test_the_same_document_is_stored_once_with_one_audit_row(fresh_case: Case, tmp_path: Path) -> None:
    document = read_article(write(tmp_path, "northport.txt", NORTHPORT))
    claims = northport_claims(document.file, document.text)
    assert store_document(fresh_case, document, claims) is True
    renamed = read_article(write(tmp_path, "copy-of-northport.txt", NORTHPORT))
    assert store_document(fresh_case, renamed, claims) is False

    counts = fresh_case.con.execute("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims)").fetchone()
    assert counts == (1, 2)
    assert audit_actions(fresh_case).count("articles.add") == 1
    detail = json.loads(fresh_case.con.execute("SELECT detail FROM audit WHERE action = 'articles.add'").fetchone()[0])
    assert detail == {"claims": 2, "encoding": "utf-8", "file": "northport.txt", "kind": "txt",
                      "sha256": document.sha256, "vague": "reckon"}
    fresh_case.verify_audit()


def test_a_failing_file_leaves_nothing_half_written(fresh_case: Case, tmp_path: Path) -> None:
    good = read_article(write(tmp_path, "northport.txt", NORTHPORT))
    store_document(fresh_case, good, northport_claims(good.file, good.text))
    audit_rows = fresh_case.verify_audit()

    bad = read_article(write(tmp_path, "eastgate.txt", EASTGATE))
    valid = Claim(bad.file, 57, 57, "killed", "exact", "the Collective", "Eastgate Rights Collective", "57", 80, 82)
    invalid = Claim(bad.file, 24, None, "wounded", "vague", "author", "author", "dozens", 120, 126)
    with pytest.raises(InputError, match=r"eastgate\.txt: could not be stored, nothing was written"):
        store_document(fresh_case, bad, [valid, invalid])

    assert [d.file for d in load_documents(fresh_case)] == ["northport.txt"]
    assert [c.figure_low for c in load_claims(fresh_case)] == [42, 300]
    assert fresh_case.verify_audit() == audit_rows  # no audit row for the failed file


@pytest.fixture
def extractor() -> None:
    pytest.importorskip("reckon.claims", reason="needs the extractor")
    from reckon import claims

    if not hasattr(claims, "extract_claims_many"):
        pytest.skip("the claim extractor is not built yet")


def test_add_articles_collects_failures_and_keeps_going(fresh_case: Case, tmp_path: Path, extractor: None) -> None:
    files = [
        write(tmp_path, "northport.txt", NORTHPORT),
        write(tmp_path, "empty.txt", ""),
        write(tmp_path, "eastgate.txt", EASTGATE),
        write(tmp_path, "again.txt", NORTHPORT),  # same bytes as northport.txt
    ]
    seen = []
    report = add_articles(fresh_case, files, on_file=seen.append)

    assert [o.status for o in report.outcomes] == ["added", FAILED, "added", ALREADY]
    assert seen == report.outcomes
    assert report.failed[0].error.endswith("empty.txt: is empty — check the download or export, then add it again")
    assert not report.ok
    assert report.summary().startswith("2 added (")
    assert report.summary().endswith(", 1 already in the case, 1 failed")
    stored = {row["file"]: row["claims"] for row in list_articles(fresh_case)}
    assert set(stored) == {"northport.txt", "eastgate.txt"}
    assert stored["northport.txt"] == report.outcomes[0].claims >= 1
    assert sum(stored.values()) == len(load_claims(fresh_case))
    assert audit_actions(fresh_case).count("articles.add") == 2

    again = add_articles(fresh_case, files[:1] + files[2:])
    assert [o.status for o in again.outcomes] == [ALREADY, ALREADY, ALREADY] and again.ok


def test_add_articles_records_an_assumed_encoding(fresh_case: Case, tmp_path: Path, extractor: None) -> None:
    text = "At least 42 people were killed in Northport, said the café owner, Señora Ibáñez."
    path = write(tmp_path, "depeche.txt", text.encode("latin-1"))
    report = add_articles(fresh_case, [path], date="2031-03-06")
    assert report.outcomes[0].status == "added"
    assert "decoded as cp1252" in report.outcomes[0].notes[0]
    row = fresh_case.con.execute("SELECT encoding, published, text FROM documents").fetchone()
    assert row[0] == "cp1252" and str(row[1]) == "2031-03-06" and row[2] == text


def test_an_unknown_vague_convention_is_refused_before_anything_is_read(fresh_case: Case, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown vague convention 'loose'"):
        add_articles(fresh_case, [write(tmp_path, "northport.txt", NORTHPORT)], vague="loose")
    assert load_documents(fresh_case) == []
