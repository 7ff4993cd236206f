"""Stage timings of a linkage run: collected once per run, reported in its summary."""

from __future__ import annotations

import time

from reckon.linkage import link_case
from reckon.linkage.stages import stage, timed_stages


def test_stages_add_up_and_an_inner_run_joins_the_outer():
    started: list[str] = []
    with timed_stages(on_start=started.append) as seconds:
        with stage("a"):
            time.sleep(0.02)
        with timed_stages() as inner:  # link_records inside link_case
            with stage("a"):
                time.sleep(0.02)
            with stage("b"):
                pass
    assert inner is seconds
    assert started == ["a", "a", "b"]
    assert set(seconds) == {"a", "b"}
    assert seconds["a"] >= 0.04 and seconds["b"] < seconds["a"]


def test_stage_outside_a_run_only_logs():
    with stage("alone"):
        pass
    with timed_stages() as seconds:
        pass
    assert seconds == {}


def test_link_case_reports_each_stage_once_as_it_begins(linked_case):
    started: list[str] = []
    run = link_case(linked_case, progress=started.append)
    seconds = run.summary["seconds"]
    for name in ("read records", "prepare features", "train: EM", "predict", "group check", "store"):
        assert name in seconds and seconds[name] >= 0
    assert set(started) == set(seconds)
    assert started.index("prepare features") < started.index("predict") < started.index("store")
