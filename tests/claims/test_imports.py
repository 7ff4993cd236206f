"""Importing the claims model or the claims CLI must not load spaCy or the article readers."""

from __future__ import annotations

import subprocess
import sys


def test_model_and_cli_import_without_spacy():
    code = (
        "import sys, reckon.claims.model, reckon.cli.claims\n"
        "heavy = [m for m in ('spacy', 'trafilatura', 'pypdf') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cli_default_max_bytes_matches_reader():
    from reckon.cli.claims import DEFAULT_MAX_BYTES
    from reckon.articles.read import DEFAULT_MAX_BYTES as READER_DEFAULT

    assert DEFAULT_MAX_BYTES == READER_DEFAULT


def test_cli_default_max_chars_matches_reader():
    from reckon.articles.read import DEFAULT_MAX_CHARS as READER_DEFAULT
    from reckon.cli.claims import DEFAULT_MAX_CHARS

    assert DEFAULT_MAX_CHARS == READER_DEFAULT


def test_extract_functions_still_importable_from_package():
    from reckon.claims import extract_claims, extract_claims_many

    assert callable(extract_claims) and callable(extract_claims_many)
