"""Fixtures for linkage tests: invented lists (see linkage_synthetic.py) and a case holding them."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from reckon.case import Case

sys.path.insert(0, str(Path(__file__).parent))  # tests import linkage_synthetic (importlib mode)

from linkage_synthetic import insert_records, make_lists  # noqa: E402


@pytest.fixture(scope="session")
def synthetic_lists() -> pd.DataFrame:
    return make_lists()


@pytest.fixture
def linked_case(fresh_case: Case, synthetic_lists: pd.DataFrame) -> Case:
    insert_records(fresh_case, synthetic_lists)
    return fresh_case


@pytest.fixture
def case_folder(linked_case: Case) -> Path:
    return Path(linked_case.folder)
