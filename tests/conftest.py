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
