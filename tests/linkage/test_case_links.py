"""Linkage inside a real case: stored links and persons, decisions that persist, histories."""

from __future__ import annotations

import pytest

from reckon.errors import InputError, ReckonError
from reckon.estimate.histories import capture_histories
from reckon.linkage import link_case, persons_table, record_decision, review_queue
from reckon.linkage import LinkageSettings
from reckon.linkage.store import latest_run


def test_link_case_stores_links_persons_and_an_audited_run(linked_case, synthetic_lists):
    run = link_case(linked_case)
    con = linked_case.con
    assert con.execute("SELECT count(*) FROM persons").fetchone()[0] == len(synthetic_lists)
    assert con.execute("SELECT count(DISTINCT person_id) FROM persons").fetchone()[0] == run.summary["persons"]
    assert con.execute("SELECT count(*) FROM links WHERE run_id = ?", [run.run_id]).fetchone()[0] == run.summary["pairs_scored"]
    model = con.execute("SELECT json_extract(model, '$.probability_two_random_records_match') FROM linkage_runs").fetchone()[0]
    assert 0 < float(model) < 1
    assert con.execute("SELECT count(*) FROM audit WHERE action = 'link.run'").fetchone()[0] == 1
    assert linked_case.verify_audit() > 0


def test_persons_table_has_one_row_per_record(linked_case, synthetic_lists):
    link_case(linked_case)
    table = persons_table(linked_case)
    assert list(table.columns) == ["list", "source_record_id", "record_id", "person_id", "cluster_probability"]
    assert len(table) == len(synthetic_lists)
    assert set(table["list"]) == {"ngo_a", "ngo_b", "ngo_c"}


def test_capture_histories_count_each_person_once(linked_case):
    link_case(linked_case)
    histories = capture_histories(linked_case)
    persons = linked_case.con.execute("SELECT count(DISTINCT person_id) FROM persons").fetchone()[0]
    assert histories.lists == ("ngo_a", "ngo_b", "ngo_c")
    assert histories.observed == persons
    # Each list's total is the number of distinct persons it documents.
    per_list = dict(linked_case.con.execute(
        "SELECT list_name, count(DISTINCT person_id) FROM persons GROUP BY list_name").fetchall())
    assert histories.list_totals() == per_list


def test_a_stricter_threshold_finds_more_persons(linked_case):
    link_case(linked_case)
    loose = capture_histories(linked_case, threshold=0.5)
    strict = capture_histories(linked_case, threshold=0.999999)
    assert strict.observed > loose.observed
    # Re-clustering at the run's own threshold gives the stored persons back.
    run_threshold = latest_run(linked_case)["threshold"]
    assert capture_histories(linked_case, threshold=run_threshold).observed == capture_histories(linked_case).observed


def _person(case, record_id):
    return case.con.execute("SELECT person_id FROM persons WHERE record_id = ?", [record_id]).fetchone()[0]


def test_decisions_persist_and_win_on_every_rerun(linked_case):
    link_case(linked_case)
    together = linked_case.con.execute(
        "SELECT record_id_l, record_id_r FROM links WHERE match_probability > 0.99 ORDER BY 1, 2 LIMIT 1"
    ).fetchone()
    apart = ("ngo_a:1", "ngo_b:5")
    assert _person(linked_case, together[0]) == _person(linked_case, together[1])
    assert _person(linked_case, apart[0]) != _person(linked_case, apart[1])
    record_decision(linked_case, *together, "cannot-link", "tester", note="different fathers")
    record_decision(linked_case, apart[1], apart[0], "must-link", "tester")  # order does not matter
    for _ in range(2):
        link_case(linked_case)
        assert _person(linked_case, together[0]) != _person(linked_case, together[1])
        assert _person(linked_case, apart[0]) == _person(linked_case, apart[1])
    stored = linked_case.con.execute("SELECT decided FROM links WHERE record_id_l = ? AND record_id_r = ?", list(together)).fetchone()
    assert stored == ("cannot-link",)
    assert linked_case.con.execute("SELECT count(*) FROM audit WHERE action = 'link.decide'").fetchone()[0] == 2


def test_a_later_decision_supersedes_an_earlier_one(linked_case):
    link_case(linked_case)
    pair = ("ngo_a:2", "ngo_c:7")
    record_decision(linked_case, *pair, "must-link", "first reviewer")
    record_decision(linked_case, *pair, "cannot-link", "second reviewer")
    link_case(linked_case)
    assert _person(linked_case, pair[0]) != _person(linked_case, pair[1])


def test_review_queue_offers_undecided_uncertain_pairs_side_by_side(linked_case):
    link_case(linked_case)
    queue = review_queue(linked_case, low=0.05, high=0.95, limit=5)
    assert 0 < len(queue) <= 5
    assert queue["match_probability"].between(0.05, 0.95).all()
    assert {"name_l", "name_r", "name_native_l", "name_native_r", "list_name_l", "national_id_l", "national_id_r"} <= set(queue.columns)
    first = queue.iloc[0]
    record_decision(linked_case, first["record_id_l"], first["record_id_r"], "cannot-link", "tester")
    again = review_queue(linked_case, low=0.05, high=0.95, limit=5)
    assert (first["record_id_l"], first["record_id_r"]) not in set(zip(again["record_id_l"], again["record_id_r"]))


def test_review_offers_the_links_the_group_check_refused(linked_case):
    # At a probability of 0.06 weak links chain people; the check refuses some of them.
    link_case(linked_case, settings=LinkageSettings(threshold=0.06))
    refused = review_queue(linked_case, refused=True, limit=1000)
    assert len(refused) > 0
    assert (refused["match_probability"] >= 0.06).all()
    assert refused["match_probability"].is_monotonic_decreasing
    person = dict(linked_case.con.execute("SELECT record_id, person_id FROM persons").fetchall())
    assert all(person[a] != person[b] for a, b in zip(refused["record_id_l"], refused["record_id_r"]))
    # A reviewer who overrules the check joins the pair on the next run.
    first = refused.iloc[0]
    record_decision(linked_case, first["record_id_l"], first["record_id_r"], "must-link", "tester")
    link_case(linked_case, settings=LinkageSettings(threshold=0.06))
    assert _person(linked_case, first["record_id_l"]) == _person(linked_case, first["record_id_r"])


def test_bad_decisions_are_refused_with_a_fix(linked_case):
    with pytest.raises(InputError, match="not one of"):
        record_decision(linked_case, "ngo_a:1", "ngo_b:1", "maybe", "tester")
    with pytest.raises(InputError, match="no record 'ngo_z:1'"):
        record_decision(linked_case, "ngo_a:1", "ngo_z:1", "must-link", "tester")
    with pytest.raises(InputError, match="itself"):
        record_decision(linked_case, "ngo_a:1", "ngo_a:1", "must-link", "tester")


def test_reading_persons_before_linking_says_to_link(linked_case):
    with pytest.raises(ReckonError, match="reckon link"):
        persons_table(linked_case)


def test_an_empty_case_says_to_add_lists(fresh_case):
    with pytest.raises(ReckonError, match="reckon lists add"):
        link_case(fresh_case)


def test_the_run_summary_counts_what_the_stored_tables_hold(linked_case):
    run = link_case(linked_case, settings=LinkageSettings(threshold=0.06))
    con, summary = linked_case.con, run.summary
    per_list = dict(con.execute("SELECT list_name, count(DISTINCT person_id) FROM persons GROUP BY list_name").fetchall())
    assert summary["persons_per_list"] == per_list
    assert summary["within_list_duplicates"] == con.execute(
        "SELECT count(*) - count(DISTINCT (person_id, list_name)) FROM persons").fetchone()[0]
    assert summary["persons_on_several_lists"] == con.execute(
        "SELECT count(*) FROM (SELECT person_id FROM persons GROUP BY person_id HAVING count(DISTINCT list_name) > 1)"
    ).fetchone()[0]
    refused = con.execute(
        "SELECT count(*) FROM links k JOIN persons pl ON pl.record_id = k.record_id_l"
        " JOIN persons pr ON pr.record_id = k.record_id_r"
        " WHERE k.decided IS NULL AND k.match_probability >= 0.06 AND pl.person_id <> pr.person_id"
    ).fetchone()[0]
    assert summary["links_refused"] == refused > 0  # counted during the run, in codes
    run.result.refused = None
    assert run.result.links_refused() == refused  # counted again from the ids
