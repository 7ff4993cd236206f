"""link_records: records of several lists → scored pairs → persons, with no case needed.

    result = link_records(records)               # a DataFrame with record_id, list_name, ...
    result.clusters                              # record_id, person_id, cluster_probability
    result.pairs                                 # record_id_l, record_id_r, match_probability, ...

All records of all lists are deduplicated together (Splink's ``dedupe_only`` with
``list_name`` as a column), so duplicates inside one list are found the same way as
matches across lists. Training: m starts from reckon's shipped defaults (defaults.py),
the prior from strict deterministic rules, u from every pair of a seeded sample of
records, m by EM on the blocks that hold enough matches to learn from, then moved by the
reviewers' must-link pairs.

Every step that could depend on the engine or on row order is pinned down, so that a
seeded run gives the same persons twice, and on DuckDB and Spark alike: the same SQL
functions on both (dialects.py), a sample reckon draws itself, pairs in record-id order.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from splink import Linker

from reckon.errors import ReckonError
from reckon.linkage.backends import Backend, SparkOptions, open_backend
from reckon.linkage.clusters import candidate_groups, persons_from_groups
from reckon.linkage.codes import RecordCodes, in_record_order
from reckon.linkage.decisions import Decisions, apply_decisions
from reckon.linkage.blocking import PairCounter, affordable_rules, columns_with_data, rule_pair_count, rules_for_data
from reckon.linkage.defaults import (
    DEFAULT, EM, LABEL_COUNTS_KEY, LABEL_SHIFT_KEY, LABELS, PROVENANCE_KEY, RECKON_MODEL_KEYS, apply_defaults, fill_missing_u, level_counts, m_values,
    non_null_levels, update_m_from_labels,
)
from reckon.linkage.frequencies import register_frequencies
from reckon.linkage.label_calibration import answered_pair_weights, calibration_shift, shift_priors
from reckon.linkage.list_priors import LIST_PAIR_PRIORS_KEY, estimate_list_pair_priors, to_model, weight_shift_sql
from reckon.linkage.model import HOUSEHOLD_PLACE_LABEL, build_settings, household_place_u
from reckon.linkage.prepare import prepare_features
from reckon.linkage.settings import LinkageSettings
from reckon.linkage.stages import stage, timed_stages
from reckon.linkage.within import score_within_groups

log = logging.getLogger(__name__)

PAIR_COLUMNS = ["record_id_l", "record_id_r", "match_probability", "match_weight", "decided"]
FALLBACK_PRIOR = 1e-4  # used only if the strict rules find no pair at all
EM_DRAW = "reckon_em_draw"  # a seeded uniform number per record, for sampling EM blocks


@dataclass
class LinkageResult:
    """What one linkage run found. ``model`` is Splink's trained model (m, u, lambda) as a dict."""

    pairs: pd.DataFrame  # record_id_l, record_id_r, match_probability, match_weight, decided
    clusters: pd.DataFrame  # record_id, person_id, cluster_probability
    model: dict[str, Any]
    settings: LinkageSettings
    records: pd.DataFrame = field(repr=False)  # record_id, list_name (for summaries)
    seconds: dict[str, float] = field(default_factory=dict)  # per stage (stages.py)
    refused: int | None = field(default=None, repr=False)  # links_refused(), when the run counted it

    def links_refused(self) -> int:
        """Undecided pairs at or above the threshold whose records the group check kept apart."""
        if self.refused is not None:
            return self.refused
        return refused_links(self.pairs, self.clusters, self.settings.threshold)

    def persons(self) -> pd.DataFrame:
        """record_id, person_id, cluster_probability and list_name of every record."""
        if self.clusters["record_id"].equals(self.records["record_id"]):  # both in record-id order
            return self.clusters.assign(list_name=self.records["list_name"].array)
        return self.clusters.merge(self.records, on="record_id")

    @property
    def model_json(self) -> str:
        return json.dumps(self.model, sort_keys=True, default=str)

    def summary(self) -> dict[str, Any]:
        """Persons, within-list duplicates, pairs above the threshold, per-list counts."""
        persons = self.persons()
        person = pd.factorize(persons["person_id"])[0]
        list_code, lists = pd.factorize(persons["list_name"])
        # Each (person, list) once: a person's records beyond one per list are duplicates.
        pairs = np.unique(person.astype(np.int64) * len(lists) + list_code)
        lists_per_person = np.bincount(pairs // len(lists))
        persons_per_list = np.bincount(pairs % len(lists), minlength=len(lists))
        return {
            "links_refused": self.links_refused(),
            "records": int(len(self.clusters)),
            "persons": int(person.max(initial=-1) + 1),
            "within_list_duplicates": int(len(persons) - len(pairs)),
            "pairs_scored": int(len(self.pairs)),
            "pairs_above_threshold": int((self.pairs["match_probability"] >= self.settings.threshold).sum()),
            "persons_per_list": {str(name): int(count) for name, count in sorted(zip(lists, persons_per_list))},
            "persons_on_several_lists": int((lists_per_person > 1).sum()),
            "m_sources": self.m_sources(),
            "label_pairs": dict(self.model.get(LABEL_COUNTS_KEY, {})),
            "label_shift": dict(self.model.get(LABEL_SHIFT_KEY, {})),
            "seconds": {name: round(value, 1) for name, value in self.seconds.items()},
        }

    def m_sources(self) -> dict[str, str]:
        """Comparison -> where its m came from: "default" (shipped with reckon, learned on
        simulated lists), "trained here (EM)" or "from reviewer labels"."""
        return dict(self.model.get(PROVENANCE_KEY, {}))


def refused_links(pairs: pd.DataFrame, clusters: pd.DataFrame, threshold: float) -> int:
    """Undecided pairs at or above ``threshold`` whose records are in different persons
    (``clusters``: record_id, person_id)."""
    index = pd.Index(clusters["record_id"])
    person = pd.factorize(clusters["person_id"])[0]
    links = pairs[(pairs["match_probability"] >= threshold) & pairs["decided"].isna()]
    left, right = index.get_indexer(links["record_id_l"]), index.get_indexer(links["record_id_r"])
    known = (left >= 0) & (right >= 0)
    return int((~known | (person[left] != person[right])).sum())


def link_records(
    records: pd.DataFrame,
    *,
    settings: LinkageSettings | None = None,
    decisions: Decisions | None = None,
    backend: str = "duckdb",
    spark: SparkOptions | None = None,
    seed: int | None = None,
    encrypt_spill: bool = False,
) -> LinkageResult:
    """Link records (canonical fields; see ``prepare.py``) into persons.

    ``seed`` overrides ``settings.seed`` when given. Reviewer ``decisions`` win over the
    model: must-link pairs join, cannot-link pairs never end up in one person. ``backend``
    is duckdb or spark (``spark`` says which Spark); both give the same persons.
    ``encrypt_spill`` (for an encrypted case) encrypts whatever the engine spills to disk.
    """
    settings = settings or LinkageSettings()
    if seed is not None:
        settings = LinkageSettings.from_dict({**settings.to_dict(), "seed": seed})
    with timed_stages() as seconds:
        with stage("prepare features"):
            features = in_record_order(prepare_features(records))  # a record's code is its row (codes.py)
        del records  # a million records' raw text is not needed again
        if len(features) < 2:
            raise ReckonError(f"linkage needs at least 2 records, got {len(features)} — add lists first.")
        settings = frequency_settings(settings, len(features))
        with open_backend(backend, spark, encrypt_spill=encrypt_spill) as engine:
            result = _link(engine, features, settings, decisions)
        result.seconds = seconds
        return result


def frequency_settings(settings: LinkageSettings, n_records: int) -> LinkageSettings:
    """The settings with term frequencies off where there are too few records to count them
    (names below ``term_frequency_min_records``, places below ``place_term_frequency_min_records``)."""
    changed = {}
    if settings.term_frequencies and n_records < settings.term_frequency_min_records:
        changed["term_frequencies"] = False
    if settings.place_term_frequencies and n_records < settings.place_term_frequency_min_records:
        changed["place_term_frequencies"] = False
    return LinkageSettings.from_dict({**settings.to_dict(), **changed}) if changed else settings


def _link(engine: Backend, features: pd.DataFrame, settings: LinkageSettings, decisions: Decisions | None) -> LinkageResult:
    """Train, score and cluster in the engine; check the groups here (see clusters.py).

    Inside, a record is its integer code (codes.py), its row in ``features`` (in record-id
    order): the engine joins on it and the clustering works on arrays of it. The result
    speaks record ids again."""
    codes = RecordCodes(features["record_id"])
    with stage("register features"):
        table = engine.register_features(features.assign(
            record_id=np.arange(len(features), dtype=np.int64),
            **{EM_DRAW: np.random.default_rng([settings.seed, 1]).random(len(features))},
        ))
    linker = train_model(engine, table, features, settings, decisions)
    sizes = {str(k): int(v) for k, v in features["list_name"].value_counts().items()}
    coded = codes.decisions(decisions)
    pairs, model = _score_pairs(engine, linker, settings, features, sizes, coded)
    model = {**model, PROVENANCE_KEY: linker.reckon_m_sources, LABEL_COUNTS_KEY: linker.reckon_label_pairs}
    with stage("connected components"):
        groups = candidate_groups(np.arange(len(codes)), apply_decisions(pairs, coded), settings.threshold)
    if settings.min_mean_weight is not None:
        with stage("score within groups"):
            pairs = _add_new_pairs(pairs, score_within_groups(engine, model, table, groups, features))
    listed = features[["record_id", "list_name"]]
    del features, linker  # clustering a million records needs the memory more
    engine.drop(table)
    with stage("group check"):
        # Again: the pairs scored inside groups may hold decided pairs too.
        pairs = apply_decisions(pairs, coded)
        clusters = persons_from_groups(groups, pairs, settings.threshold, coded, settings.min_mean_weight,
                                       pd.Series(listed["list_name"].array, index=groups["record_id"].to_numpy()),
                                       settings.mutual_best)
    refused = refused_links(pairs, clusters, settings.threshold)  # in codes: fast
    with stage("record ids"):
        pairs = pairs[PAIR_COLUMNS].assign(record_id_l=codes.decode(pairs["record_id_l"]).array,
                                           record_id_r=codes.decode(pairs["record_id_r"]).array)
        clusters = clusters.assign(record_id=codes.ids.array, person_id=codes.decode(clusters["person_id"]).array)
    return LinkageResult(
        pairs=pairs,
        clusters=clusters,
        model=model,
        settings=settings,
        records=listed,
        refused=refused,
    )


def train_model(
    engine: Backend, table: Any, features: pd.DataFrame, settings: LinkageSettings, decisions: Decisions | None = None
) -> Linker:
    """A Splink linker over the registered ``table`` of features, with prior, u and m estimated.

    m starts from reckon's shipped defaults (defaults.py); EM replaces a comparison's m
    only from a training block that holds at least ``settings.min_em_matches`` expected
    matches; reviewers' must-link pairs then move m (labels). Where each comparison's m
    came from is ``linker.reckon_m_sources`` (and the run's model records it).
    """
    with stage("price blocking rules"):
        filled = columns_with_data(features)
        counter = PairCounter(features)  # its codes are only needed here
        blocking = _affordable(counter, settings.blocking_rules, filled, settings, "blocking rule")
        training_blocks = _affordable(counter, settings.training_blocks, filled, settings, "EM block")
        block_pairs = [(block, rule_pair_count(counter, block)) for block in training_blocks]
        del counter
    if not blocking:
        raise ReckonError("no blocking rule fits these records — check that the lists have names.")
    built = Linker(table, build_settings(settings, filled, blocking), log_level=logging.ERROR)  # Splink is chatty
    linker = Linker(table, apply_defaults(built.misc.save_model_to_json()), log_level=logging.ERROR)
    sources = {c.output_column_name: DEFAULT for c in linker._settings_obj.comparisons}
    with stage("train: prior"):
        _estimate_prior(linker, rules_for_data(settings.deterministic_rules, filled), settings)
    with stage("train: u"):
        linker = Linker(table, estimate_u(engine, linker, features, settings), log_level=logging.ERROR)
    with stage("train: EM"):
        linker, em_sources = _train_em(engine, table, linker, block_pairs, settings)
    sources.update(em_sources)
    model = linker.misc.save_model_to_json()
    labelled: dict[str, int] = {}
    if decisions is not None and decisions.must_link and settings.label_pseudo_count is not None:
        counts = label_level_counts(engine, features, model, decisions)
        model, labelled = update_m_from_labels(model, counts, settings.label_pseudo_count, settings.min_m_probability)
        sources.update({name: LABELS for name in labelled})
    fill_missing_u(model)
    linker = _finalised(Linker(table, model, log_level=logging.ERROR), table, features, settings.min_m_probability)
    linker.reckon_m_sources = sources
    linker.reckon_label_pairs = labelled
    return linker


def _train_em(engine: Backend, table: Any, linker: Linker, blocks: list[tuple[str, int | None]],
              settings: LinkageSettings) -> tuple[Linker, dict[str, str]]:
    """EM on each training block in turn (``blocks``: each one's pair count, None if not
    known); returns the linker and the comparisons whose m it changed."""
    sources: dict[str, str] = {}
    for block, pairs in blocks:
        before = linker.misc.save_model_to_json()
        try:
            # Without term frequencies EM runs on far fewer distinct comparison vectors.
            session = linker.training.estimate_parameters_using_expectation_maximisation(
                em_sample(block, pairs, settings.max_pairs_for_em), estimate_without_term_frequencies=True
            )
        except Exception as exc:  # Splink refuses some blocks (too few pairs, underflow)
            if engine.is_fatal(exc):  # ... but an engine out of memory must stop the run
                raise
            log.warning("EM block %r skipped: %s", block, exc)
            # A failed session can leave the linker without the block's comparisons.
            linker = Linker(table, before, log_level=logging.ERROR)
            continue
        expected = _expected_matches(session, pairs)
        if expected < settings.min_em_matches:
            log.info("EM block %r not used: %.0f expected matches (fewer than %s)", block, expected,
                     settings.min_em_matches)
            linker = Linker(table, before, log_level=logging.ERROR)
            continue
        after = m_values(linker.misc.save_model_to_json())
        for name, values in m_values(before).items():
            if after.get(name) != values:
                sources[name] = EM
    return linker, sources


def em_sample(block: str, pairs: int | None, max_pairs: float | None) -> str:
    """``block``, or where it makes more than ``max_pairs`` pairs, the block among a sample of
    the records: each record drawn (EM_DRAW, seeded, the same on every engine) with
    probability q, so each pair with q² (≈ ``max_pairs`` in all). EM learns how matches look
    from shares of pairs, which the sample keeps; the block's lambda still multiplies all of
    its pairs (``_expected_matches``)."""
    if max_pairs is None or pairs is None or pairs <= max_pairs:
        return block
    q = math.sqrt(max_pairs / pairs)
    log.info("EM block %r: a sample of its records (%.3f), about %.0f of %d pairs", block, q, max_pairs, pairs)
    return f"({block}) and l.{EM_DRAW} < {q!r} and r.{EM_DRAW} < {q!r}"


def _expected_matches(session: Any, pairs: int | None) -> float:
    """Matches EM believes the block holds: its final lambda times the block's ``pairs``."""
    history = getattr(session, "_core_model_settings_history", None)
    if pairs is None or not history:
        return math.inf  # cannot tell: trust EM, as before
    return float(history[-1].probability_two_random_records_match) * pairs


def comparison_levels_of_groups(engine: Backend, features: pd.DataFrame, group: pd.Series, model: dict[str, Any]) -> pd.DataFrame:
    """The comparison vector (``gamma_<comparison>`` columns) of every pair of records that
    share a ``group`` value (a Series aligned with ``features``; records with none are left
    out): the levels those pairs fall on under ``model``."""
    chosen = features[group.notna().to_numpy()].assign(reckon_group=group[group.notna()].astype(str).to_numpy())
    if len(chosen) < 2:
        return pd.DataFrame()
    registered = engine.register(pa.Table.from_pandas(chosen, preserve_index=False))
    spec = {key: value for key, value in json.loads(json.dumps(model)).items() if key not in RECKON_MODEL_KEYS}
    dialect = spec.get("sql_dialect", "duckdb")
    spec["blocking_rules_to_generate_predictions"] = [
        {"blocking_rule": "l.reckon_group = r.reckon_group", "sql_dialect": dialect}
    ]
    spec["retain_intermediate_calculation_columns"] = True
    # Splink returns each comparison's match weight, not its level: give level i (best first)
    # m = 2^-(i+1) and u = 1, so that its weight is -(i+1) and names the level (null: 0).
    for comparison in spec["comparisons"]:
        for i, level in enumerate(non_null_levels(comparison)):
            level.update(m_probability=2.0 ** -(i + 1), u_probability=1.0)
            for key in ("tf_adjustment_column", "tf_adjustment_weight", "tf_minimum_u_value"):
                level.pop(key, None)
    linker = Linker(registered, spec, log_level=logging.ERROR)
    predictions = linker.inference.predict()
    names = [c["output_column_name"] for c in spec["comparisons"]]
    weights = ", ".join(f"mw_{name}" for name in names)
    frame = engine.query(f"SELECT record_id_l, record_id_r, {weights} FROM {predictions.physical_name}")
    linker.table_management.invalidate_cache()
    engine.drop(registered)
    for comparison in spec["comparisons"]:
        name, n = comparison["output_column_name"], len(non_null_levels(comparison))
        weight = frame.pop(f"mw_{name}").astype(float).round().astype(int)
        frame[f"gamma_{name}"] = (n + weight).where(weight < 0, -1)
    return frame


def label_level_counts(
    engine: Backend, features: pd.DataFrame, model: dict[str, Any], decisions: Decisions
) -> dict[str, dict[str, int]]:
    """Per comparison and level, the reviewers' must-link pairs that fall on it (pairs joined
    only through other must-links count too: the reviewer said all are one person)."""
    group = _must_link_groups(features["record_id"], decisions)
    gammas = comparison_levels_of_groups(engine, features, group, model)
    return level_counts(gammas, model) if not gammas.empty else {}


def _must_link_groups(record_ids: pd.Series, decisions: Decisions) -> pd.Series:
    """A group id per record joined to another by must-link decisions (union-find), else NA."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for left, right in sorted(decisions.must_link):
        a, b = root(left), root(right)
        if a != b:
            parent[max(a, b)] = min(a, b)
    return record_ids.map(lambda r: root(r) if r in parent else None)


def estimate_u(engine: Backend, linker: Linker, features: pd.DataFrame, settings: LinkageSettings) -> dict[str, Any]:
    """The model with u learned from every pair of a random sample of records.

    reckon draws the sample itself (numpy, seeded, from the records sorted by id), so that
    the same seed gives the same u on every engine; Splink would sample with the engine's
    own hash function. The sample holds about ``max_pairs_for_u`` pairs, all compared.
    """
    size = min(len(features), math.ceil(0.5 * (math.sqrt(8 * settings.max_pairs_for_u + 1) + 1)))
    ordered = in_record_order(features)
    picked = np.sort(np.random.default_rng(settings.seed).choice(len(ordered), size=size, replace=False))
    sample = engine.register(pa.Table.from_pandas(ordered.iloc[picked], preserve_index=False))
    on_sample = Linker(sample, linker.misc.save_model_to_json(), log_level=logging.ERROR)
    # All pairs of the sample in one pass: no sampling, no chunks (both use the engine's hash).
    on_sample.training.estimate_u_using_random_sampling(
        max_pairs=size * (size - 1) / 2 + 1, min_count_per_level=None, num_chunks=1
    )
    model = on_sample.misc.save_model_to_json()
    engine.drop(sample)
    return model


def _score_pairs(engine: Backend, linker: Linker, settings: LinkageSettings, features: pd.DataFrame,
                 list_sizes: dict[str, int] | None = None, decisions: Decisions | None = None) -> tuple[pd.DataFrame, dict]:
    """The pairs the blocking rules admit that clear keep_pairs_above, sorted by record ids.

    Every pair is scored in the engine (term frequencies from ``features``: frequencies.py);
    the prior is recalibrated there too, then once per pair of lists (``list_sizes``:
    records per list; list_priors.py), then to the reviewers' answers (``decisions``, in the
    run's record codes; label_calibration.py); only the pairs kept come back.
    """
    with stage("term frequencies"):
        register_frequencies(linker, engine, features, linker.misc.save_model_to_json())
    with stage("predict"):
        # Score generously (the prior may rise below), then keep what clears keep_pairs_above.
        predictions = linker.inference.predict(threshold_match_probability=settings.keep_pairs_above / 20)
    model = linker.misc.save_model_to_json()
    shift = 0.0
    with stage("priors"):
        if settings.recalibrate_prior:
            shift, model = recalibrate_prior(engine, predictions.physical_name, model, len(features))
        if settings.list_pair_priors and list_sizes and len(features) <= settings.list_pair_priors_max_records:
            priors = estimate_list_pair_priors(engine, predictions.physical_name,
                                               float(model["probability_two_random_records_match"]), shift, list_sizes)
            if priors:
                model = {**model, LIST_PAIR_PRIORS_KEY: to_model(priors)}
    if decisions and settings.label_shift_sd:
        with stage("calibrate to answers"):
            shift, model = _calibrate_to_answers(engine, predictions.physical_name, shift, model, decisions, settings)
    with stage("fetch pairs"):
        pairs = _fetch_pairs(engine, predictions.physical_name, shift, settings.keep_pairs_above, model)
        # The pairs are in hand: Splink's working tables (a copy of every record) can go.
        linker.table_management.invalidate_cache()
    return pairs, model


def _calibrate_to_answers(engine: Backend, predictions: str, shift: float, model: dict[str, Any],
                          decisions: Decisions, settings: LinkageSettings) -> tuple[float, dict[str, Any]]:
    """The weight shift and model moved by the calibration the reviewers' answers show."""
    weight = f"(match_weight + {shift!r} + {weight_shift_sql(model)})"
    answered = answered_pair_weights(engine, predictions, weight, decisions)
    bits = calibration_shift(answered["match_weight"].to_numpy(dtype=float),
                             answered["match"].to_numpy(dtype=float), settings.label_shift_sd)
    summary = {"bits": round(bits, 4), "pairs": len(answered), "matches": int(answered["match"].sum())}
    return shift + bits, {**shift_priors(model, bits), LABEL_SHIFT_KEY: summary}


def _fetch_pairs(engine: Backend, predictions: str, shift: float, keep_above: float,
                 model: dict[str, Any] | None = None) -> pd.DataFrame:
    """Pairs whose weight, moved by ``shift`` (and by their lists' prior, where the model
    holds list-pair priors: list_priors.py), clears ``keep_above``: ids and scores only,
    sorted by record ids (the group check breaks ties in that order). The weights move and
    the cut is made in the engine, so only the kept pairs come back (a million records:
    list names for every pair near the cut cost 0.8 GB)."""
    weight = f"(match_weight + {shift!r} + {weight_shift_sql(model or {})})"
    cut = _log2_odds(keep_above) - 1e-6  # a hair low; the exact cut is made below
    where = f" WHERE {weight} >= {cut!r}" if math.isfinite(cut) else ""
    pairs = engine.query(f"SELECT record_id_l, record_id_r, {weight} AS match_weight FROM {predictions}{where}")
    weights = pairs["match_weight"].to_numpy(dtype=float)
    pairs = pairs.assign(match_probability=_probability(weights), match_weight=weights)
    pairs = pairs[pairs["match_probability"] >= keep_above]
    return sort_pairs(pairs[PAIR_COLUMNS[:-1]])


def sort_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """Pairs in record-id order: engines return rows in no fixed order."""
    return pairs.sort_values(["record_id_l", "record_id_r"], kind="stable").reset_index(drop=True)


def _add_new_pairs(pairs: pd.DataFrame, more: pd.DataFrame) -> pd.DataFrame:
    """``pairs`` plus the rows of ``more`` (record ids and match_weight) whose pair it does
    not hold yet, in record-id order."""
    if more.empty:
        return pairs
    more = more.assign(match_probability=_probability(more["match_weight"].to_numpy(dtype=float)))
    known = pd.MultiIndex.from_frame(pairs[["record_id_l", "record_id_r"]])
    fresh = ~pd.MultiIndex.from_frame(more[["record_id_l", "record_id_r"]]).isin(known)
    return sort_pairs(pd.concat([pairs, more.loc[fresh, pairs.columns]], ignore_index=True))


def recalibrate_prior(engine: Backend, predictions: str, model: dict[str, Any], n_records: int) -> tuple[float, dict]:
    """Re-estimate the prior (lambda) from the scored pairs, with m and u held fixed.

    The strict rules' prior rests on a guess of their recall and can be off several-fold,
    which shifts every probability. Here lambda is the expected share of matches among
    all pairs, sum(p) / (n(n-1)/2), iterated to a fixed point; pairs never scored
    (outside every blocking rule) count as non-matches. Only the prior moves: each
    pair's Bayes factor (its evidence) is unchanged, so every match weight moves by the
    same amount. Returns (that shift, the model with the new prior). The sums run in the
    engine, over the ``predictions`` table: the pairs stay where they are.
    """
    total = n_records * (n_records - 1) / 2
    prior = start = float(model["probability_two_random_records_match"])
    for _ in range(50):
        shift = _log2_odds(prior) - _log2_odds(start)
        expected = engine.query(
            f"SELECT sum(1 / (1 + power(2, -(match_weight + {shift!r})))) AS expected FROM {predictions}"
        )["expected"].iloc[0]
        updated = min(max(float(0 if pd.isna(expected) else expected) / total, 1e-12), 0.5)
        converged = abs(updated - prior) <= 1e-4 * prior
        prior = updated
        if converged:
            break
    if not start / 100 <= prior <= start * 100:
        # A weak model can spiral towards 0 (few strong pairs → lower prior → fewer): keep the
        # rules' prior rather than trust a move of more than 100-fold.
        log.warning("prior not recalibrated: it moved from %.3g to %.3g", start, prior)
        return 0.0, model
    model = {**model, "probability_two_random_records_match": prior, "prior_recalibrated_from_pairs": True}
    return _log2_odds(prior) - _log2_odds(start), model


def _log2_odds(probability: float) -> float:
    if probability <= 0:
        return -math.inf
    return math.log2(probability / (1 - probability)) if probability < 1 else math.inf


def _probability(weight: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp2(-weight))


def _affordable(
    features: pd.DataFrame | PairCounter, groups: list[list[str]], filled: set[str], settings: LinkageSettings, what: str
) -> list[str]:
    chosen, skipped = affordable_rules(features, groups, filled, settings.max_pairs_per_rule)
    for group in skipped:
        log.warning("%s %r skipped: even its tightest form makes more than %.0f pairs",
                    what, group[-1], settings.max_pairs_per_rule)
    return chosen


def _finalised(linker: Linker, table: Any, features: pd.DataFrame, floor: float) -> Linker:
    """The trained model with m floored and the household place level set from the data."""
    model = linker.misc.save_model_to_json()
    _floor_m(model, floor)
    with stage("train: household place"):
        _set_household_place(model, features)
    return Linker(table, model, log_level=logging.ERROR)


def _floor_m(model: dict[str, Any], floor: float) -> None:
    """Every m probability at least ``floor``.

    On small lists EM can learn m = 0 for a level ("a true match never disagrees on sex"),
    which gives that level a weight of minus infinity: one typo would veto any match.
    """
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            m = level.get("m_probability")
            if m is not None and m < floor:
                level["m_probability"] = floor


def _set_household_place(model: dict[str, Any], features: pd.DataFrame) -> None:
    """The "relatives share a place" level: m of an exact place, u counted among relatives.

    Without enough relatives to count, the level weighs nothing (m = u).
    """
    for comparison in model["comparisons"]:
        levels = comparison["comparison_levels"]
        labels = [level.get("label_for_charts") for level in levels]
        if HOUSEHOLD_PLACE_LABEL not in labels:
            continue
        position = labels.index(HOUSEHOLD_PLACE_LABEL)
        household, exact_m = levels[position], levels[position + 1].get("m_probability")
        u = household_place_u(features)
        if exact_m is None or u is None:
            household["m_probability"] = household["u_probability"] = 0.5
        else:
            household["m_probability"], household["u_probability"] = exact_m, u


def _estimate_prior(linker: Linker, rules: list[str], settings: LinkageSettings) -> None:
    if rules:
        try:
            linker.training.estimate_probability_two_random_records_match(rules, recall=settings.deterministic_recall)
        except ValueError as exc:  # the rules found more pairs than the recall allows
            log.warning("prior not estimated: %s", exc)
    # Splink keeps the prior privately; a prior of 0 would make every pair a non-match.
    current = linker._settings_obj._probability_two_random_records_match
    if not current or current <= 0:
        linker._settings_obj._probability_two_random_records_match = FALLBACK_PRIOR
