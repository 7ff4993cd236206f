"""Fixtures for the estimators: the shared reference tables, read by our own reader."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable
from pathlib import Path

import pytest

from reckon.errors import StatisticalWarning
from reckon.estimate.histories import CaptureHistories, read_capture_csv

sys.path.insert(0, str(Path(__file__).parent))  # tests import mse_reference_values (importlib mode)


@pytest.fixture
def load(mse_data: Path) -> Callable[[str], CaptureHistories]:
    """load("kosovo_4lists.csv") -> the histories of that reference table."""

    def read(name: str) -> CaptureHistories:
        return read_capture_csv(mse_data / name)[None]

    return read


@pytest.fixture
def quiet() -> None:
    """Silence StatisticalWarning where a test checks numbers, not warnings."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StatisticalWarning)
        yield


@pytest.fixture
def csv_file(tmp_path: Path) -> Callable[[str, str], Path]:
    """csv_file("name.csv", text) -> the path of a new UTF-8 file holding text."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
