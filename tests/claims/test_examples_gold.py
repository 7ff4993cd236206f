"""Our own held-out-style set: fictional articles whose gold was written before tuning."""

from __future__ import annotations

from reckon.claims import extract_claims_many, read_gold, score_claims
from reckon.articles.read import read_article


def test_examples_gold_f1(examples):
    documents = [read_article(path) for path in sorted(examples.glob("*.txt"))]
    assert len(documents) >= 10
    predicted = [c for claims in extract_claims_many(documents) for c in claims]
    result = score_claims(predicted, read_gold(examples / "gold.jsonl"))
    assert result["f1"] >= 0.85, result
    assert result["claimant_accuracy"] >= 0.75, result


def test_every_example_quote_is_an_exact_span(examples):
    documents = [read_article(path) for path in sorted(examples.glob("*.txt"))]
    for document, claims in zip(documents, extract_claims_many(documents)):
        assert claims, document.file
        for claim in claims:
            assert document.text[claim.start : claim.end] == claim.quote
            for alt in claim.alt_quotes:
                assert document.text[alt.start : alt.end] == alt.text


def test_gold_quotes_are_exact_spans(examples):
    texts = {path.name: path.read_text(encoding="utf-8") for path in examples.glob("*.txt")}
    for row in read_gold(examples / "gold.jsonl"):
        assert texts[row["file"]][row["start"] : row["end"]] == row["quote"]


def test_vague_convention_changes_vague_figures_only(examples):
    documents = [read_article(path) for path in sorted(examples.glob("*.txt"))]
    ours = [c for claims in extract_claims_many(documents) for c in claims]
    acled = [c for claims in extract_claims_many(documents, vague="acled") for c in claims]
    changed = [(a.figure_low, b.figure_low) for a, b in zip(ours, acled) if a.figure_low != b.figure_low]
    assert changed and all(a.qualifier == "vague" for a, b in zip(ours, acled) if a.figure_low != b.figure_low)
    assert (2000, 1000) in changed  # "thousands"
