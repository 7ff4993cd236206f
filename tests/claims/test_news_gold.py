"""The news-style gold sets (benchmarks/news/dev, heldback, heldback2 to heldback14) stay true to their articles.

Each gold quote must be the exact text at its offsets in the Document that read_article makes
(so a change in the readers, e.g. trafilatura's or pypdf's output, shows up here instead of
silently lowering the benchmark), and each row must be a well-formed claim. Extractor accuracy
on these sets is measured by benchmarks/bench_claims.py, not asserted here. The held-back set
may be absent from a checkout (it is kept from whoever tunes the extractor): then its case skips.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reckon.claims import read_gold
from reckon.articles.read import ARTICLE_KINDS, read_article

NEWS = Path(__file__).resolve().parents[2] / "benchmarks" / "news"
CATEGORIES = {"killed", "injured", "arrested", "missing", "executed", "scope"}
QUALIFIERS = {"exact", "at least", "over", "about", "up to", "between", "vague"}
SETS = ["dev", "heldback", *(f"heldback{n}" for n in range(2, 15))]


def news_set(name: str) -> Path:
    folder = NEWS / name
    if not (folder / "gold.jsonl").exists():
        pytest.skip(f"{folder} is not in this checkout")
    return folder


def articles(folder: Path) -> dict[str, str]:
    """Document text by file name, for every article in the folder."""
    paths = [p for p in sorted(folder.iterdir()) if p.suffix in ARTICLE_KINDS]
    return {path.name: read_article(path).text for path in paths}


@pytest.mark.parametrize("name", SETS)
def test_gold_quotes_are_the_text_at_their_offsets(name):
    folder = news_set(name)
    texts = articles(folder)
    rows = read_gold(folder / "gold.jsonl")
    assert rows
    for row in rows:
        text = texts[row["file"]]
        assert text[row["start"] : row["end"]] == row["quote"], row["id"]
        for alt in row["alt_quotes"]:
            assert alt in text, (row["id"], alt)
    for row in read_gold(folder / "nonclaims.jsonl"):
        assert texts[row["file"]][row["start"] : row["end"]] == row["quote"], row


@pytest.mark.parametrize("name", SETS)
def test_every_article_has_gold_and_every_row_is_a_claim(name):
    folder = news_set(name)
    rows = read_gold(folder / "gold.jsonl")
    assert {row["file"] for row in rows} == set(articles(folder))
    assert len({row["id"] for row in rows}) == len(rows)
    for row in rows:
        assert row["category"] in CATEGORIES and row["qualifier"] in QUALIFIERS, row["id"]
        assert (row["unit"] is not None) == (row["category"] == "scope"), row["id"]
        low, high = row["figure_low"], row["figure_high"]
        assert low is not None or high is not None, row["id"]
        assert low is None or high is None or low <= high, row["id"]
        assert row["claimant"] and row["claimant_key"], row["id"]
        if row["claimant_key"] == "author":
            assert row["claim_date"] is None, row["id"]


def second_annotations() -> list[str]:
    """benchmarks/news/agreement/<set>/<annotator>: other annotators' gold for a set's articles."""
    root = NEWS / "agreement"
    return sorted(f"{p.parent.name}/{p.name}" for p in root.glob("*/*") if (p / "gold.jsonl").exists()) if root.exists() else []


@pytest.mark.parametrize("annotation", second_annotations())
def test_second_annotations_quote_their_sets_articles(annotation):
    """bench_agreement.py compares these with the set's own gold: each quote must be the text at its
    offsets in the set's articles, and every article must be annotated."""
    name, _ = annotation.split("/")
    texts = articles(news_set(name))
    rows = read_gold(NEWS / "agreement" / annotation / "gold.jsonl")
    assert {row["file"] for row in rows} == set(texts)
    for row in rows:
        assert texts[row["file"]][row["start"] : row["end"]] == row["quote"], row["id"]
        assert row["category"] in CATEGORIES and row["qualifier"] in QUALIFIERS, row["id"]
