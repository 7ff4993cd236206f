"""Unidentified victims end to end: harsh simulated lists -> import -> link -> capture histories."""

from __future__ import annotations

from pathlib import Path

import pytest

from reckon.case import Case
from reckon.estimate.histories import capture_histories
from reckon.linkage import link_case
from reckon.lists.store import add_list, record_counts
from reckon.simulate import simulate_event


@pytest.fixture(scope="module")
def harsh_linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("harsh")
    simulate_event(folder / "event", profile="harsh", victims=400, seed=5, articles=0)
    with Case.init(folder / "case") as case:
        for path in sorted((folder / "event" / "lists").iterdir()):
            add_list(case, path, name=path.stem)
        link_case(case)
    return folder / "case"


def test_each_unidentified_record_is_a_person_of_its_own(harsh_linked: Path) -> None:
    with Case.open(harsh_linked) as case:
        unidentified = record_counts(case)["unidentified"]
        assert unidentified > 10
        sizes = case.con.execute(
            "SELECT r.identified, count(*) OVER (PARTITION BY p.person_id) AS size "
            "FROM persons p JOIN records r USING (record_id) WHERE NOT r.identified"
        ).fetchall()
        assert len(sizes) == unidentified and all(size == 1 for _, size in sizes)


def test_capture_histories_with_and_without_the_unidentified(harsh_linked: Path) -> None:
    with Case.open(harsh_linked) as case:
        unidentified = record_counts(case)["unidentified"]
        everyone = capture_histories(case)
        named = capture_histories(case, identified_only=True)
        assert everyone.observed - named.observed == unidentified
        # they sit in the single-list cells of their own list only
        for j, name in enumerate(everyone.lists):
            lost = case.scalar("SELECT count(*) FROM records WHERE list_name = ? AND NOT identified", [name])
            single = tuple(int(i == j) for i in range(everyone.n_lists))
            before = dict(zip(map(tuple, everyone.patterns.tolist()), everyone.counts.tolist())).get(single, 0)
            after = dict(zip(map(tuple, named.patterns.tolist()), named.counts.tolist())).get(single, 0)
            assert before - after == lost
        assert "identified victims only" in (named.source or "")
        # the same at another threshold (re-clustered from the stored links)
        strict = capture_histories(case, threshold=0.9)
        assert strict.observed - capture_histories(case, threshold=0.9, identified_only=True).observed == unidentified
