"""A small real case (simulated lists with Persian names, articles, a real linkage run) and a
real `reckon serve` process over a copy of it, on 127.0.0.1."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("argon2", reason="the web UI needs the [web] extra (argon2-cffi)")
pytest.importorskip("fastapi", reason="the web UI needs the [web] extra")

sys.path.insert(0, str(Path(__file__).parent))  # tests import webcase (importlib mode)

from webcase import PASSWORDS, ROLES, Served, free_port  # noqa: E402

from reckon.case import Case  # noqa: E402


@pytest.fixture(scope="session")
def built_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Simulate a small event, add its articles and lists, link, add one user per role."""
    from reckon.claims.ingest import add_articles
    from reckon.linkage import link_case
    from reckon.lists.store import add_list
    from reckon.simulate import simulate_event
    from reckon.team.settings import change_setting
    from reckon.team.users import add_user

    root = tmp_path_factory.mktemp("web")
    inputs, folder = root / "inputs", root / "case"
    simulate_event(inputs, victims=240, lists=3, seed=11, articles=4)
    with Case.init(folder) as case:
        add_articles(case, sorted((inputs / "articles").glob("*.txt")))
        for path in sorted((inputs / "lists").glob("*.csv")):
            add_list(case, path, name=path.stem)
        link_case(case)
        # The default model is sure of most pairs in this small clean case (3 of 177 stored
        # pairs fall in the default 0.3-0.9 range): the team widens its queue, as a team
        # wanting to check more links would, so the browser test has pairs to answer.
        change_setting(case, "review_low", 0.05)
        change_setting(case, "review_high", 0.99)
        for name, role in ROLES.items():
            add_user(case, name, role, PASSWORDS[name])
    return folder


@pytest.fixture
def case_copy(built_case: Path, tmp_path: Path) -> Path:
    """A fresh copy of the built case for a test that changes it."""
    target = tmp_path / "case"
    shutil.copytree(built_case, target)
    return target


@pytest.fixture(scope="session")
def served(built_case: Path, tmp_path_factory: pytest.TempPathFactory):
    """One running server for the web tests, over its own copy of the case."""
    folder = tmp_path_factory.mktemp("served") / "case"
    shutil.copytree(built_case, folder)
    server = Served(folder, free_port())
    server.start()
    yield server
    server.stop()
