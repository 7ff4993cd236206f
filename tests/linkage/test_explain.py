"""The review page's "why": the stored model applied again to a pair gives the pair's stored weight."""

from __future__ import annotations

import math

import pytest

from reckon.linkage import CANNOT_LINK, link_case
from reckon.linkage.edits import merge_records, person_view, split_record
from reckon.linkage.explain import explain_pair, explain_pairs
from reckon.linkage.pair_view import compare_fields, field_agreement, review_pair
from reckon.linkage.store import person_of_record, person_record_ids, run_model


@pytest.fixture(scope="module")
def linked(tmp_path_factory, synthetic_lists):
    from linkage_synthetic import insert_records

    from reckon.case import Case

    case = Case.init(tmp_path_factory.mktemp("explain") / "case")
    # Two of the three lists give no date of death: pairs between them have none on either side.
    undated = synthetic_lists["list_name"].isin(sorted(synthetic_lists["list_name"].unique())[1:])
    insert_records(case, synthetic_lists.assign(date_of_death=synthetic_lists["date_of_death"].where(~undated)))
    link_case(case)
    yield case
    case.close()


def test_prior_plus_evidence_is_the_stored_weight_of_every_pair(linked):
    stored = linked.rows("SELECT record_id_l, record_id_r, match_weight FROM links WHERE decided IS NULL")
    assert len(stored) > 50
    explained = explain_pairs(linked, [(r["record_id_l"], r["record_id_r"]) for r in stored])
    for row in stored:
        why = explained[(row["record_id_l"], row["record_id_r"])]
        total = why.prior_weight + sum(e.weight + e.frequency_weight for e in why.evidence)
        assert total == pytest.approx(row["match_weight"], abs=1e-6)
        assert why.match_weight == pytest.approx(row["match_weight"], abs=1e-6)
        assert why.match_probability == pytest.approx(1 / (1 + 2 ** -row["match_weight"]), abs=1e-9)


@pytest.fixture(scope="module")
def linked_with_frequencies(tmp_path_factory, synthetic_lists):
    """The invented lists linked with term frequencies on (they are too few records for the default)."""
    from linkage_synthetic import insert_records

    from reckon.case import Case
    from reckon.linkage import LinkageSettings

    case = Case.init(tmp_path_factory.mktemp("explain_tf") / "case")
    insert_records(case, synthetic_lists)
    link_case(case, settings=LinkageSettings(term_frequency_min_records=0, place_term_frequency_min_records=0))
    yield case
    case.close()


def test_with_term_frequencies_the_stored_weight_is_explained_too(linked_with_frequencies):
    # The run and the explanation count frequencies the same way (frequencies.py): had the run
    # let Splink count its own, pairs sharing a name would weigh differently here.
    case = linked_with_frequencies
    stored = case.rows("SELECT record_id_l, record_id_r, match_weight FROM links WHERE decided IS NULL")
    explained = explain_pairs(case, [(r["record_id_l"], r["record_id_r"]) for r in stored])
    adjusted = 0
    for row in stored:
        why = explained[(row["record_id_l"], row["record_id_r"])]
        assert why.match_weight == pytest.approx(row["match_weight"], abs=1e-6)
        adjusted += any(e.frequency_weight != 0 for e in why.evidence)
    assert adjusted > 20


def test_a_batch_whose_right_records_give_no_date_of_death_is_explained_too(linked):
    # The two sides of a batch are two tables: a side with no date at all must still be typed as dates.
    stored = linked.rows(
        "SELECT k.record_id_l, k.record_id_r, k.match_weight FROM links k"
        " JOIN records a ON a.record_id = k.record_id_l JOIN records b ON b.record_id = k.record_id_r"
        " WHERE a.date_of_death IS NOT NULL AND b.date_of_death IS NULL AND k.decided IS NULL LIMIT 5"
    )
    assert stored
    explained = explain_pairs(linked, [(r["record_id_l"], r["record_id_r"]) for r in stored])
    for row in stored:
        assert explained[(row["record_id_l"], row["record_id_r"])].match_weight == pytest.approx(row["match_weight"], abs=1e-6)


def test_each_level_label_is_the_level_whose_m_and_u_give_the_weight(linked):
    _, model = run_model(linked)
    levels = {
        comparison["output_column_name"]: {
            level.get("label_for_charts"): (level.get("m_probability"), level.get("u_probability"))
            for level in comparison["comparison_levels"]
        }
        for comparison in model["comparisons"]
    }
    pairs = linked.rows("SELECT record_id_l, record_id_r FROM links ORDER BY match_probability LIMIT 40")
    seen = set()
    for why in explain_pairs(linked, [(p["record_id_l"], p["record_id_r"]) for p in pairs]).values():
        for item in why.evidence:
            if item.gamma == -1:
                assert item.weight == 0 and item.bayes_factor == 1
                continue
            m, u = levels[item.comparison][item.level]
            if m is None or u is None:  # a level no training reached: Splink's default m applies
                continue
            assert item.weight == pytest.approx(math.log2(m / u), abs=1e-9)
            seen.add(item.comparison)
    assert {"name", "age"} <= seen


def test_explain_pair_orders_the_pair_and_refuses_unknown_records(linked):
    row = linked.rows("SELECT record_id_l, record_id_r FROM links LIMIT 1")[0]
    why = explain_pair(linked, row["record_id_r"], row["record_id_l"])
    assert (why.record_id_l, why.record_id_r) == (row["record_id_l"], row["record_id_r"])
    with pytest.raises(Exception, match="no record"):
        explain_pair(linked, row["record_id_l"], "nowhere:1")


def test_names_agree_across_scripts_and_differences_are_marked():
    assert field_agreement("name", "Mohammad Rezaei", "محمد رضایی") == "agree"
    assert field_agreement("name", "Mohammad Rezaei", "Ali Rezaei") == "differ"
    assert field_agreement("sex", "m", None) == "missing"
    assert field_agreement("list_name", "a", "b") == ""
    fields = {f.field: f for f in compare_fields({"name_native": "محمد رضایی", "sex": "m"}, {"name_native": "علی رضایی", "sex": "m"})}
    assert fields["name_native"].left_latin and fields["name_native"].agreement == "differ"
    assert fields["sex"].agreement == "agree" and "age_text" not in fields


def test_review_pair_shows_records_score_verdicts_and_evidence(linked):
    row = linked.rows("SELECT record_id_l, record_id_r, match_probability FROM links ORDER BY abs(match_probability - 0.5) LIMIT 1")[0]
    shown = review_pair(linked, row["record_id_l"], row["record_id_r"])
    assert shown["explanation"].match_probability == pytest.approx(row["match_probability"], abs=1e-9)
    assert any(f.field in ("name", "name_native") for f in shown["fields"])


def test_split_and_merge_are_recorded_as_decisions(linked):
    person = linked.rows(
        "SELECT person_id FROM persons GROUP BY person_id HAVING count(*) >= 3 ORDER BY person_id LIMIT 1"
    )[0]["person_id"]
    ids = person_record_ids(linked, person)
    view = person_view(linked, person)
    assert [r["record_id"] for r in view["records"]] == ids
    before = linked.scalar("SELECT count(*) FROM decisions")
    assert split_record(linked, ids[0], reviewer="mina") == len(ids) - 1
    verdicts = linked.rows("SELECT decision, reviewer FROM decisions ORDER BY rowid DESC LIMIT ?", [len(ids) - 1])
    assert {(v["decision"], v["reviewer"]) for v in verdicts} == {(CANNOT_LINK, "mina")}
    other = linked.scalar("SELECT record_id FROM persons WHERE person_id <> ? LIMIT 1", [person])
    merge_records(linked, ids[0], other, reviewer="mina")
    assert linked.scalar("SELECT count(*) FROM decisions") == before + len(ids)
    link_case(linked)  # the next run follows them
    assert person_of_record(linked, ids[0]) == person_of_record(linked, other)
    assert person_of_record(linked, ids[0]) != person_of_record(linked, ids[1])
