"""Fixtures for the claims extractor: documents built from our own synthetic sentences."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from reckon.claims import Claim, extract_claims
from reckon.articles.document import Document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def document(body: str, published: str = "2024-03-13", name: str = "t.txt") -> Document:
    """A .txt Document in the seed format (the header stays in the text, as read_article keeps it)."""
    text = f" date {published} {body}"
    return Document(name, hashlib.sha256(text.encode()).hexdigest(), text, "txt", published)


@pytest.fixture
def claims_in() -> Callable[..., list[Claim]]:
    """Extract the claims of a body of text (Veloria is a fictional country)."""

    def run(body: str, published: str = "2024-03-13", vague: str = "reckon") -> list[Claim]:
        return extract_claims(document(body, published), vague=vague)

    return run


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
