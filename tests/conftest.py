"""Shared fixtures: a real DuckDB case in a temp folder, and the shared reference data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reckon.case import Case

PROJECT_ROOT = Path(__file__).resolve().parents[1]


def shared_folder() -> Path:
    """The team's shared folder (seeds, reference data): $RECKON_SHARED or ../shared."""
    return Path(os.environ.get("RECKON_SHARED", PROJECT_ROOT.parent / "shared"))


@pytest.fixture
def fresh_case(tmp_path: Path) -> Case:
    """A new, fully migrated case on a real DuckDB file."""
    case = Case.init(tmp_path / "case")
    yield case
    case.close()


@pytest.fixture
def shared() -> Path:
    """The shared folder; tests that need it skip cleanly where it is absent."""
    folder = shared_folder()
    if not folder.is_dir():
        pytest.skip(f"shared reference data not found at {folder}")
    return folder


@pytest.fixture
def seeds(shared: Path) -> Path:
    folder = shared / "seeds"
    if not (folder / "gold.jsonl").exists():
        pytest.skip("seed articles not found")
    return folder


@pytest.fixture
def mse_data(shared: Path) -> Path:
    folder = shared / "data" / "mse"
    if not folder.is_dir():
        pytest.skip("MSE reference data not found")
    return folder


PELMARK = PROJECT_ROOT / "tests" / "fixtures" / "pelmark"  # fictional articles: one claimant written many ways


@pytest.fixture(scope="session")
def pelmark_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A case holding the Pelmark articles and the claims the real extractor finds in them (built once)."""
    from reckon.claims.ingest import add_articles

    folder = tmp_path_factory.mktemp("pelmark") / "case"
    with Case.init(folder) as case:
        report = add_articles(case, sorted(PELMARK.glob("*.txt")) + sorted(PELMARK.glob("*.html")))
        assert report.ok, report.summary()
    return folder


@pytest.fixture
def pelmark_case(pelmark_store: Path, tmp_path: Path) -> Case:
    """A fresh copy of the Pelmark case, opened (each test may change its aliases)."""
    import shutil

    folder = tmp_path / "pelmark"
    shutil.copytree(pelmark_store, folder)
    case = Case.open(folder)
    yield case
    case.close()
