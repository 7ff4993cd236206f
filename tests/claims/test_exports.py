"""The public surface of reckon.claims."""

from __future__ import annotations

import reckon.claims


def test_exports():
    assert set(reckon.claims.__all__) >= {"extract_claims", "extract_claims_many", "score_claims", "Claim"}
    for name in reckon.claims.__all__:
        assert getattr(reckon.claims, name) is not None


def test_many_yields_one_list_per_document_in_order():
    from tests.claims.conftest import document

    docs = [document("Police said 240 people had been detained.", name=f"{i}.txt") for i in range(5)]
    docs.insert(2, document("Nothing happened here.", name="empty.txt"))
    results = list(reckon.claims.extract_claims_many(docs, batch_size=2))
    assert [len(r) for r in results] == [1, 1, 0, 1, 1, 1]
    assert [r[0].file for r in results if r] == ["0.txt", "1.txt", "2.txt", "3.txt", "4.txt"]


def test_run_on_text_without_full_stops_is_cut_into_pieces():
    from reckon.claims.sentences import MAX_SENTENCE, split_sentences
    from tests.claims.conftest import document

    body = " ".join(["Police said 240 people had been detained in Castrel, and"] * 400)
    doc = document(body)
    pieces = split_sentences(doc.text)
    assert len(pieces) > 1 and all(len(p.text) <= MAX_SENTENCE for p in pieces)
    claims = reckon.claims.extract_claims(doc)
    assert claims and all(doc.text[c.start : c.end] == c.quote for c in claims)


def test_worker_processes_give_the_same_claims_in_order(examples):
    from reckon.articles.read import read_article

    documents = [read_article(p) for p in sorted(examples.glob("*.txt"))]
    one = list(reckon.claims.extract_claims_many(documents, batch_size=3))
    two = list(reckon.claims.extract_claims_many(documents, batch_size=3, processes=2))
    assert one == two
