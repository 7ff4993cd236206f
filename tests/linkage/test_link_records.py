"""link_records on invented lists in two scripts: accuracy against the known truth."""

from __future__ import annotations

import pandas as pd
import pytest

from reckon.linkage import Decisions, LinkageSettings, link_records
from reckon.errors import InputError, ReckonError
from linkage_synthetic import true_pairs


@pytest.fixture(scope="module")
def result(synthetic_lists: pd.DataFrame):
    return link_records(synthetic_lists.drop(columns=["person"]))


def _precision_recall(truth: set, found: set) -> tuple[float, float]:
    hits = len(truth & found)
    return hits / max(1, len(found)), hits / max(1, len(truth))


def test_persons_match_the_truth(result, synthetic_lists):
    truth = true_pairs(synthetic_lists, "person")
    found = true_pairs(result.clusters, "person_id")
    precision, recall = _precision_recall(truth, found)
    assert precision >= 0.9, precision
    assert recall >= 0.8, recall


def test_the_within_list_duplicate_is_found(result, synthetic_lists):
    # The fixture lists person p000 twice in ngo_a (its last record).
    twice = synthetic_lists[(synthetic_lists["person"] == "p000") & (synthetic_lists["list_name"] == "ngo_a")]
    assert len(twice) == 2
    people = result.clusters.set_index("record_id").loc[twice["record_id"], "person_id"]
    assert people.nunique() == 1
    assert result.summary()["within_list_duplicates"] >= 1


def test_every_record_gets_one_person_and_probabilities_are_sane(result, synthetic_lists):
    clusters = result.clusters
    assert sorted(clusters["record_id"]) == sorted(synthetic_lists["record_id"])
    assert clusters["record_id"].is_unique
    shared = clusters[clusters.duplicated("person_id", keep=False)]
    # A link at the threshold holds each record in its person, or a clear one-to-one choice
    # across lists down to the mutual-best floor (one_per_list.py).
    assert shared["cluster_probability"].between(result.settings.mutual_best_floor, 1).all()
    alone = clusters[~clusters.duplicated("person_id", keep=False)]
    assert alone["cluster_probability"].isna().all()
    assert (clusters["person_id"] <= clusters["record_id"]).all()  # the smallest id names the person


def test_the_trained_model_is_kept_for_provenance(result):
    names = [c["output_column_name"] for c in result.model["comparisons"]]
    assert "name" in names and "date_of_death" in names
    assert 0 < result.model["probability_two_random_records_match"] < 1
    assert '"m_probability"' in result.model_json


def test_cannot_link_splits_a_chain_and_must_link_joins(synthetic_lists):
    records = synthetic_lists.drop(columns=["person"])
    first = link_records(records)
    sizes = first.clusters.groupby("person_id")["record_id"].apply(sorted)
    group = next(ids for ids in sizes if len(ids) >= 3)  # a person found on three lists
    far_apart = ("ngo_a:1", "ngo_c:2")  # two records of different people
    decisions = Decisions()
    decisions.add(group[0], group[-1], "cannot-link")
    decisions.add(*far_apart, "must-link")
    second = link_records(records, decisions=decisions)
    person = second.clusters.set_index("record_id")["person_id"]
    assert person[group[0]] != person[group[-1]]
    assert person[far_apart[0]] == person[far_apart[1]]
    decided = second.pairs.dropna(subset=["decided"]).set_index(["record_id_l", "record_id_r"])
    assert decided.loc[tuple(sorted(far_apart)), "match_probability"] == 1.0
    assert decided.loc[(group[0], group[-1]), "match_probability"] == 0.0


def test_same_seed_same_result(synthetic_lists):
    records = synthetic_lists.drop(columns=["person"])
    small = LinkageSettings(max_pairs_for_u=5e4)
    one = link_records(records, settings=small, seed=3)
    two = link_records(records, settings=small, seed=3)
    pd.testing.assert_frame_equal(one.clusters, two.clusters)


def test_settings_round_trip_to_json():
    settings = LinkageSettings(threshold=0.8, age_tolerance_years=[0, 1], seed=9)
    assert LinkageSettings.from_json(settings.to_json()) == settings


def test_bad_settings_say_what_to_do():
    with pytest.raises(InputError, match="threshold 1.5"):
        LinkageSettings(threshold=1.5)
    with pytest.raises(InputError, match="unknown comparison"):
        LinkageSettings(comparisons=["name", "shoe_size"])
    with pytest.raises(InputError, match="unknown linkage setting"):
        LinkageSettings.from_dict({"treshold": 0.9})


def test_duplicate_record_ids_are_refused(synthetic_lists):
    records = synthetic_lists.drop(columns=["person"]).head(4).copy()
    records.loc[1, "record_id"] = records.loc[0, "record_id"]
    with pytest.raises(InputError, match="more than once"):
        link_records(records)


def test_spark_backend_names_the_extra_to_install(synthetic_lists):
    try:
        import pyspark  # noqa: F401
    except ImportError:
        with pytest.raises(ReckonError, match=r"pip install 'reckon\[spark\]'"):
            link_records(synthetic_lists.drop(columns=["person"]), backend="spark")
    else:
        pytest.skip("pyspark is installed here")
