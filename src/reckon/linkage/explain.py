"""Why the model scored a pair as it did: the evidence of each comparison, from the stored model.

    why = explain_pair(case, "rights:RG-1", "hospital:#14")
    why.prior_weight                        # log2 odds that two random records of these two lists match
    for item in why.evidence:               # one per comparison (name, age, place, ...)
        item.comparison, item.level, item.bayes_factor, item.weight
    why.match_weight, why.match_probability # prior + evidence, as stored for the pair

The latest run's trained model (``linkage_runs.model``) is applied again to the two
records with Splink's comparison of two records, so the levels and weights are exactly
those the run used: the sum of the prior and the evidence is the pair's stored weight.
Term-frequency adjustments (a common name agrees less than a rare one) use the name and
place frequencies of all the case's records, counted once per run.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd
import pyarrow as pa

from reckon.case import Case
from reckon.errors import InputError
from reckon.linkage.case_links import RECORD_FIELDS, load_case_records
from reckon.linkage.decisions import Pair, ordered
from reckon.linkage.defaults import LIST_PAIR_PRIORS_KEY, RECKON_MODEL_KEYS
from reckon.linkage.frequencies import frequencies
from reckon.linkage.list_priors import weight_shifts
from reckon.linkage.prepare import prepare_features
from reckon.linkage.store import latest_run_id, run_model
from reckon.lists.store import records_by_id


@dataclass(frozen=True)
class Evidence:
    """What one comparison found for the pair, and how much it weighs."""

    comparison: str  # name, father_name, age, place, ...
    level: str  # the level the two records fall on, as the model labels it
    gamma: int  # the level's number in the model (-1: a value is missing)
    bayes_factor: float  # m / u of the level: how many times likelier among matches
    weight: float  # log2 of the Bayes factor
    frequency_weight: float  # log2 term-frequency adjustment (0 where none)


@dataclass(frozen=True)
class PairExplanation:
    record_id_l: str
    record_id_r: str
    run_id: str
    prior_weight: float
    evidence: tuple[Evidence, ...]
    match_weight: float
    match_probability: float

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"] = [asdict(item) for item in self.evidence]
        return data


def explain_pair(case: Case, left: str, right: str) -> PairExplanation:
    """The model's evidence for one pair of records of the case (latest linkage run)."""
    pair = ordered(left, right)
    return explain_pairs(case, [pair])[pair]


def explain_pairs(case: Case, pairs: list[Pair]) -> dict[Pair, PairExplanation]:
    """The evidence for several pairs (ordered ids) at once: one query for all of them."""
    return _explainer(case).explain(case, [ordered(*pair) for pair in pairs])


def not_yet_explained(case: Case, pairs: list[Pair]) -> list[Pair]:
    """Those of ``pairs`` (ordered ids) whose evidence has not been computed for the latest run
    yet: explain_pairs would compute them, the others it returns at once."""
    cache = _explainer(case).cache
    return [pair for pair in pairs if pair not in cache]


class _Explainer:
    """The latest run's model with its term frequencies, ready to compare records."""

    CACHE_SIZE = 5000

    def __init__(self, case: Case, run_id: str, model: dict[str, Any]) -> None:
        from reckon.linkage.backends import make_db_api

        self.run_id = run_id
        self.list_priors = {LIST_PAIR_PRIORS_KEY: model.get(LIST_PAIR_PRIORS_KEY),
                            "probability_two_random_records_match": model.get("probability_two_random_records_match")}
        self.model = {key: value for key, value in model.items() if key not in RECKON_MODEL_KEYS}
        self.frequencies = _term_frequencies(case, self.model)
        self.levels = _level_labels(self.model)
        self.db_api = make_db_api("duckdb")
        self.lock = threading.Lock()  # one Splink database, one query at a time
        self.cache: OrderedDict[Pair, PairExplanation] = OrderedDict()

    def explain(self, case: Case, pairs: list[Pair]) -> dict[Pair, PairExplanation]:
        found = {pair: self.cache.get(pair) for pair in pairs}
        if all(found.values()):  # all computed before: no need to wait for a batch being computed
            return found  # type: ignore[return-value]
        with self.lock:
            missing = list(dict.fromkeys(p for p in pairs if p not in self.cache))
            if missing:
                for explanation in self._compare(case, missing):
                    self.cache[(explanation.record_id_l, explanation.record_id_r)] = explanation
                while len(self.cache) > self.CACHE_SIZE:
                    self.cache.popitem(last=False)
            return {pair: self.cache[pair] for pair in pairs}

    def _compare(self, case: Case, pairs: list[Pair]) -> list[PairExplanation]:
        from splink.internals.realtime import compare_records

        features = self._features(case, {record for pair in pairs for record in pair})
        numbers = list(range(len(pairs)))
        left = features.loc[[l for l, _ in pairs]].reset_index().assign(reckon_pair=numbers)
        right = features.loc[[r for _, r in pairs]].reset_index().assign(reckon_pair=numbers)
        scored = compare_records(
            pa.Table.from_pandas(left, preserve_index=False), pa.Table.from_pandas(right, preserve_index=False),
            self.model, self.db_api,
            sql_cache_key=f"reckon-explain-{self.run_id}", join_condition="l.reckon_pair = r.reckon_pair",
        ).as_pandas_dataframe()
        return [self._explanation(row) for row in scored.to_dict("records")]

    def _features(self, case: Case, record_ids: set[str]) -> pd.DataFrame:
        """The model's columns for these records, typed as in a linkage run (a batch where no
        record gives a date of death must still compare dates), with their term frequencies."""
        fields = [f for f in RECORD_FIELDS if f != "record_id"]
        records = records_by_id(case, sorted(record_ids), fields)
        unknown = record_ids - set(records["record_id"])
        if unknown:
            raise InputError(f"no record {sorted(unknown)[0]!r} in this case", fix="use record ids as `reckon persons` shows them")
        features = prepare_features(records)
        for column in ("death_low", "death_high"):
            features[column] = pd.array(features[column], dtype=pd.ArrowDtype(pa.date32()))
        for column, counts in self.frequencies.items():
            features[f"tf_{column}"] = pd.array(features[column].map(counts), dtype="Float64")
        return features.set_index("record_id")

    def _explanation(self, row: dict[str, Any]) -> PairExplanation:
        evidence = []
        for comparison, labels in self.levels.items():
            gamma = int(row[f"gamma_{comparison}"])
            weight = float(row.get(f"mw_{comparison}") or 0.0)
            evidence.append(Evidence(
                comparison=comparison, level=labels.get(gamma, str(gamma)), gamma=gamma,
                bayes_factor=2.0 ** weight, weight=weight,
                frequency_weight=float(row.get(f"mw_tf_adj_{comparison}") or 0.0),
            ))
        prior = float(self.model["probability_two_random_records_match"])
        # The run weighed the pair at its two lists' prior (list_priors.py).
        shift = float(weight_shifts(self.list_priors, [row.get("list_name_l")], [row.get("list_name_r")])[0])
        weight = float(row["match_weight"]) + shift
        return PairExplanation(
            record_id_l=str(row["record_id_l"]), record_id_r=str(row["record_id_r"]), run_id=self.run_id,
            prior_weight=math.log2(prior / (1 - prior)) + shift, evidence=tuple(evidence),
            match_weight=weight, match_probability=float(1 / (1 + 2.0 ** -weight)),
        )


_explainers: dict[str, _Explainer] = {}
_explainers_lock = threading.Lock()


def _explainer(case: Case) -> _Explainer:
    """The explainer of the case's latest run, built once per run and database."""
    key = str(case.db_path.resolve())
    current = _explainers.get(key)
    if current is not None and current.run_id == latest_run_id(case):
        return current
    with _explainers_lock:
        run_id, model = run_model(case)
        current = _explainers.get(key)
        if current is None or current.run_id != run_id:
            _explainers[key] = current = _Explainer(case, run_id, model)
        return current


def _term_frequencies(case: Case, model: dict[str, Any]) -> dict[str, dict[Any, float]]:
    """For each column the model adjusts by frequency: {value: share of the records that have one}."""
    columns = {
        level["tf_adjustment_column"]
        for comparison in model["comparisons"]
        for level in comparison["comparison_levels"]
        if level.get("tf_adjustment_column")
    }
    if not columns:
        return {}
    features = prepare_features(load_case_records(case))
    return {column: frequencies(features[column]).to_dict() for column in columns}


def _level_labels(model: dict[str, Any]) -> dict[str, dict[int, str]]:
    """{comparison: {gamma: label}}: Splink numbers a comparison's levels from the top down to
    0 (the last), and its null level -1."""
    out = {}
    for comparison in model["comparisons"]:
        levels = comparison["comparison_levels"]
        scored = [level for level in levels if not level.get("is_null_level")]
        labels = {-1: "a value is missing"}
        for number, level in zip(range(len(scored) - 1, -1, -1), scored):
            labels[number] = level.get("label_for_charts") or level.get("sql_condition", "")
        out[comparison["output_column_name"]] = labels
    return out
