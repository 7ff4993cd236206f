"""How far reckon's own evidence could take linkage: the best pair F1 of any classifier
that sees only the comparison vector of reckon's candidate pairs.

    python3 benchmarks/linkage_ceiling.py [CASE ...] [--seed N] [--train-seeds 12,13,...] [--set SETTING=JSON]
        (CASE: harsh_2000_5000, harsh_4lists_300_1000, ... from bench_linkage.SIMULATED;
         default: harsh_2000_5000 harsh_4lists_300_1000; --seed: the simulator's seed, 11
         as in bench_linkage.py)

For each case the lists are simulated and imported as bench_linkage.py does, the model is
trained as link_records trains it, and EVERY pair the blocking rules admit is compared
(no threshold), keeping its comparison vector (one gamma level per comparison). The truth
(the simulator's person ids) labels each pair. Then:

* blocking: the true pairs of named records that no blocking rule admits (no classifier
  on these pairs can find them);
* ceiling: pairs grouped by their whole comparison vector; each vector is labelled match
  or non-match, whichever maximises pair F1 (vectors sorted by their share of true pairs
  and swept; for F1 that prefix is the optimum). This is an upper bound on what any
  scoring of these vectors can do pair by pair. It is optimistic (a vector seen once,
  on a true pair, counts as a match) and blind to what reckon adds beyond a pair's
  vector: transitivity and the one-person-per-list rule, which use the other
  candidates of each record. The same again with more than the vector: the pair's two
  lists (same list or which two), and then also how common the name is (how many
  records give the same name key: 1-2, 3-4, 5-9, 10-19, 20 or more), evidence a model
  can use through per-list-pair priors and term frequencies. The more features, the
  more the in-sample labelling flatters (more vectors seen once);
* held out (``--train-seeds``): the same three labellings learned on other seeds' truth
  and scored on this seed, with the cut chosen on the training seeds: what a classifier of
  these features could really do;
* the model alone: the same pairs at reckon's own match weights (as a run scores them:
  term frequencies, the prior recalibrated, list-pair priors), at threshold 0.5 and at the
  best threshold, and how well calibrated they are (true share per probability band);
* reckon's result (link_records: clusters, group check, one person per list), scored on
  the same named pairs;
* which levels the true pairs reckon missed, and the false pairs it made, fall on.

All figures are over the named records (bench_linkage.py's "named_only"): an unnamed
record is never compared. Results: benchmarks/results/linkage_ceiling.json (one entry per
case and seed).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from splink import Linker

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_linkage import SIMULATED, simulated_case  # noqa: E402

from reckon.linkage.backends import open_backend  # noqa: E402
from reckon.linkage.case_links import load_case_records  # noqa: E402
from reckon.linkage.defaults import gamma_of_levels, level_label  # noqa: E402
from reckon.linkage.frequencies import register_frequencies  # noqa: E402
from reckon.linkage.link import frequency_settings, link_records, recalibrate_prior, train_model  # noqa: E402
from reckon.linkage.list_priors import (  # noqa: E402
    LIST_PAIR_PRIORS_KEY, estimate_list_pair_priors, to_model, weight_shifts,
)
from reckon.linkage.prepare import prepare_features  # noqa: E402
from reckon.linkage.settings import LinkageSettings  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "linkage_ceiling.json"
DEFAULT_CASES = ("harsh_2000_5000", "harsh_4lists_300_1000")


def f1(tp: float, fp: float, positives: float) -> float:
    return 2 * tp / (tp + fp + positives) if tp + fp + positives else 1.0


def prf(tp: int, fp: int, positives: int) -> dict:
    return {"precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
            "recall": round(tp / positives, 4) if positives else 1.0,
            "f1": round(f1(tp, fp, positives), 4), "tp": int(tp), "fp": int(fp)}


def true_pairs(person: pd.Series) -> set[tuple[str, str]]:
    """Every pair of records (smaller id first) that the truth puts in one person."""
    pairs = set()
    for members in person.groupby(person.to_numpy()).groups.values():
        ids = sorted(members)
        pairs.update((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    return pairs


def candidate_pairs(records: pd.DataFrame, settings: LinkageSettings) -> tuple[pd.DataFrame, dict, list, pd.DataFrame]:
    """Every blocked pair with its gamma_* columns and its match weight as a run scores it
    (term frequencies, prior recalibrated, then per pair of lists: link.py's _score_pairs),
    the model, the blocking rules used and the prepared features."""
    features = prepare_features(records)
    settings = frequency_settings(settings, len(features))
    with open_backend("duckdb") as engine:
        table = engine.register_features(features)
        linker = train_model(engine, table, features, settings)
        model = linker.misc.save_model_to_json()
        spec = {**model, "retain_matching_columns": True}  # with the gamma_* columns
        linker = Linker(table, spec, log_level=logging.ERROR)
        register_frequencies(linker, engine, features, model)
        predictions = linker.inference.predict()
        shift = 0.0
        if settings.recalibrate_prior:
            shift, model = recalibrate_prior(engine, predictions.physical_name, model, len(features))
        sizes = {str(k): int(v) for k, v in features["list_name"].value_counts().items()}
        if settings.list_pair_priors:
            priors = estimate_list_pair_priors(engine, predictions.physical_name,
                                               float(model["probability_two_random_records_match"]), shift, sizes)
            if priors:
                model = {**model, LIST_PAIR_PRIORS_KEY: to_model(priors)}
        names = [c["output_column_name"] for c in model["comparisons"]]
        gammas = ", ".join(f"gamma_{n}" for n in names)
        pairs = engine.query(
            f"SELECT record_id_l, record_id_r, list_name_l, list_name_r, match_weight, {gammas} "
            f"FROM {predictions.physical_name}")
        linker.table_management.invalidate_cache()
    pairs["match_weight"] = (pairs["match_weight"].astype(float) + shift
                             + weight_shifts(model, pairs["list_name_l"], pairs["list_name_r"]))
    swap = (pairs["record_id_l"] > pairs["record_id_r"]).to_numpy()
    for column in ("record_id", "list_name"):
        left, right = pairs[f"{column}_l"].to_numpy(dtype=object), pairs[f"{column}_r"].to_numpy(dtype=object)
        pairs[f"{column}_l"], pairs[f"{column}_r"] = np.where(swap, right, left), np.where(swap, left, right)
    pairs = pairs.drop_duplicates(["record_id_l", "record_id_r"]).reset_index(drop=True)
    rules = [b["blocking_rule"] for b in model["blocking_rules_to_generate_predictions"]]
    return pairs, model, rules, features


def level_names(model: dict) -> dict[str, dict[int, str]]:
    """comparison -> gamma value -> level label (-1: no data)."""
    out = {}
    for comparison in model["comparisons"]:
        labels = {g: level_label(level) for g, level in gamma_of_levels(comparison).items()}
        out[comparison["output_column_name"]] = {**labels, -1: "(no data)"}
    return out


def ceiling(pairs: pd.DataFrame, positives: int, gamma_columns: list[str]) -> dict:
    """Best F1 when every comparison vector is labelled match or non-match as a whole."""
    patterns = pairs.groupby(gamma_columns, dropna=False).agg(n=("is_true", "size"), tp=("is_true", "sum")).reset_index()
    patterns["ratio"] = patterns["tp"] / patterns["n"]
    patterns = patterns.sort_values(["ratio", "n"], ascending=[False, False]).reset_index(drop=True)
    tp = patterns["tp"].cumsum().to_numpy()
    fp = (patterns["n"] - patterns["tp"]).cumsum().to_numpy()
    scores = 2 * tp / (tp + fp + positives)
    best = int(np.argmax(scores))
    candidates = int(pairs["is_true"].sum())
    scores_blocked = 2 * tp / (tp + fp + candidates)
    best_blocked = int(np.argmax(scores_blocked))
    # True pairs that share their whole vector with more non-matches than matches: no
    # classifier on the vector can take them without paying more in precision.
    patterns["fp"] = patterns["n"] - patterns["tp"]
    crowded = patterns[patterns["fp"] >= patterns["tp"]]
    true_in_mixed = int(patterns.loc[(patterns["fp"] > 0), "tp"].sum())
    return {
        "patterns": int(len(patterns)),
        "patterns_holding_true_pairs": int((patterns["tp"] > 0).sum()),
        "f1": round(float(scores[best]), 4), **{k: v for k, v in prf(tp[best], fp[best], positives).items() if k != "f1"},
        "patterns_labelled_match": best + 1,
        "min_match_share_labelled_match": round(float(patterns["ratio"].iloc[best]), 4),
        "f1_if_blocking_were_perfect": round(float(scores_blocked[best_blocked]), 4),
        "true_pairs_in_patterns_with_any_non_match": true_in_mixed,
        "true_pairs_outnumbered_by_non_matches_on_their_vector": int(crowded["tp"].sum()),
        "true_pairs_on_vectors_with_10_or_more_non_matches": int(patterns.loc[patterns["fp"] >= 10, "tp"].sum()),
        "top_mixed_patterns": _top_mixed(patterns, gamma_columns),
    }


def _top_mixed(patterns: pd.DataFrame, gamma_columns: list[str], k: int = 8) -> list[dict]:
    """The vectors holding the most true pairs among those that also hold non-matches."""
    mixed = patterns[(patterns["tp"] > 0) & (patterns["fp"] > 0)].sort_values("tp", ascending=False).head(k)

    def value(column: str, row: pd.Series) -> tuple[str, object]:
        return (column[6:], int(row[column])) if column.startswith("gamma_") else (column, row[column])

    return [{**dict(value(c, row) for c in gamma_columns), "true": int(row["tp"]), "non_matches": int(row["fp"])}
            for _, row in mixed.iterrows()]


def _short_ceiling(pairs: pd.DataFrame, positives: int, columns: list[str]) -> dict:
    return {k: v for k, v in ceiling(pairs, positives, columns).items() if k != "top_mixed_patterns"}


def name_frequency_band(pairs: pd.DataFrame, features: pd.DataFrame) -> np.ndarray:
    """Per pair, how many records give the same name key as the commoner of its two names
    (the name as written where both records give it in script, else the key), in bands:
    0 (no name), 1 (1-2 records), 2 (3-4), 3 (5-9), 4 (10-19), 5 (20 or more)."""
    by_id = features.set_index("record_id")
    counts = []
    for column in ("native_key", "full_key"):
        values = by_id[column]
        counts.append(values.map(values.value_counts()).astype("Float64").fillna(0))
    native, key = counts
    both_native = (pairs["record_id_l"].map(by_id["native_key"]).notna().to_numpy()
                   & pairs["record_id_r"].map(by_id["native_key"]).notna().to_numpy())
    count = np.where(both_native,
                     np.maximum(pairs["record_id_l"].map(native).to_numpy(float), pairs["record_id_r"].map(native).to_numpy(float)),
                     np.maximum(pairs["record_id_l"].map(key).to_numpy(float), pairs["record_id_r"].map(key).to_numpy(float)))
    return np.digitize(count, [1, 3, 5, 10, 20])


def model_alone(pairs: pd.DataFrame, positives: int) -> dict:
    """Pair F1 of the model's weights, without clustering: at 0.5 and at the best cut."""
    weight = pairs["match_weight"].to_numpy()
    is_true = pairs["is_true"].to_numpy()
    at_half = prf(int((is_true & (weight >= 0)).sum()), int((~is_true & (weight >= 0)).sum()), positives)
    order = np.argsort(-weight, kind="stable")
    tp, fp = np.cumsum(is_true[order]), np.cumsum(~is_true[order])
    scores = 2 * tp / (tp + fp + positives)
    best = int(np.argmax(scores))
    probability = 1 / (1 + 2.0 ** -weight[order][best])
    return {"threshold_0.5": at_half, "best": {**prf(int(tp[best]), int(fp[best]), positives),
                                               "probability_cut": round(float(probability), 4)},
            "calibration": calibration(pairs)}


def calibration(pairs: pd.DataFrame) -> list[dict]:
    """Pairs by the model's probability: how many, the mean probability, the true share."""
    probability = 1 / (1 + 2.0 ** -pairs["match_weight"].to_numpy(dtype=float))
    edges = [0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001]
    bins = np.digitize(probability, edges) - 1
    rows = []
    for i in range(len(edges) - 1):
        inside = bins == i
        if inside.any():
            rows.append({"from": edges[i], "to": min(edges[i + 1], 1.0), "pairs": int(inside.sum()),
                         "mean_probability": round(float(probability[inside].mean()), 3),
                         "true_share": round(float(pairs["is_true"].to_numpy()[inside].mean()), 3)})
    return rows


def level_profile(rows: pd.DataFrame, names: dict[str, dict[int, str]], gamma_columns: list[str]) -> dict:
    """comparison -> level label -> pairs, for a set of pairs."""
    return {c[6:]: {names[c[6:]].get(int(g), str(g)): int(n) for g, n in rows[c].value_counts().items()}
            for c in gamma_columns}


def commonest_vectors(rows: pd.DataFrame, names: dict[str, dict[int, str]], gamma_columns: list[str], k: int = 6) -> list:
    counts = Counter(tuple(int(v) for v in row) for row in rows[gamma_columns].to_numpy())
    return [{"pairs": n, **{c[6:]: names[c[6:]].get(g, str(g)) for c, g in zip(gamma_columns, vector)}}
            for vector, n in counts.most_common(k)]


def labelled_pairs(name: str, seed: int, settings: LinkageSettings) -> dict:
    """One simulated case's candidate pairs between named records, each labelled by the truth
    (is_true) and given its lists (list_pair) and its name's frequency band."""
    case, truth, info = simulated_case(**{**SIMULATED[name], "seed": seed})
    records = load_case_records(case)
    case.close()
    named = truth[truth["record_id"].notna() & ~truth["unnamed"]]
    person = pd.Series(named["person_id"].to_numpy(), index=named["record_id"].to_numpy())
    truth_pairs = true_pairs(person)
    pairs, model, rules, features = candidate_pairs(records, settings)
    pairs["is_true"] = [(a, b) in truth_pairs for a, b in zip(pairs["record_id_l"], pairs["record_id_r"])]
    # Pairs involving an unnamed record (compared only if it gives an id or a date of birth).
    pairs = pairs[pairs["record_id_l"].isin(person.index) & pairs["record_id_r"].isin(person.index)]
    lo = np.minimum(pairs["list_name_l"].to_numpy(dtype=object), pairs["list_name_r"].to_numpy(dtype=object))
    hi = np.maximum(pairs["list_name_l"].to_numpy(dtype=object), pairs["list_name_r"].to_numpy(dtype=object))
    pairs = pairs.assign(list_pair=[f"{a} / {b}" for a, b in zip(lo, hi)],
                         name_frequency=name_frequency_band(pairs, features))
    return {"records": records, "person": person, "truth_pairs": truth_pairs, "pairs": pairs, "model": model,
            "rules": rules, "info": info}


def held_out(train: list[tuple[pd.DataFrame, int]], test: pd.DataFrame, positives: int, columns: list[str]) -> dict:
    """A classifier learned from other seeds' truth, scored on this one: each vector of
    ``columns`` gets its share of true pairs in ``train`` (pairs, true pairs per case),
    and the cut on that share that maximises the pooled F1 of the training cases is applied
    to ``test``. An honest version of the in-sample ceiling (no vector is labelled by the
    pairs it is scored on)."""
    pooled = pd.concat([pairs for pairs, _ in train])
    share = pooled.groupby(columns, dropna=False)["is_true"].agg(["size", "sum"])
    share = (share["sum"] / (share["size"] + 1)).rename("share").reset_index()  # a vector seen once is not sure

    def scored(pairs: pd.DataFrame) -> pd.DataFrame:
        return pairs[[*columns, "is_true"]].merge(share, on=columns, how="left").fillna({"share": 0.0})

    cuts = np.arange(0.05, 0.96, 0.05)
    train_scored = [(scored(pairs), n) for pairs, n in train]

    def pooled_f1(cut: float) -> float:
        tp = sum(int(((s["share"] >= cut) & s["is_true"]).sum()) for s, _ in train_scored)
        chosen = sum(int((s["share"] >= cut).sum()) for s, _ in train_scored)
        return f1(tp, chosen - tp, sum(n for _, n in train_scored))

    cut = float(max(cuts, key=pooled_f1))
    test_scored = scored(test)
    chosen = (test_scored["share"] >= cut).to_numpy()
    tp = int((chosen & test_scored["is_true"].to_numpy(dtype=bool)).sum())
    return {**prf(tp, int(chosen.sum()) - tp, positives), "cut": round(cut, 2)}


def analyse(name: str, seed: int, settings: LinkageSettings | None = None, train_seeds: list[int] = ()) -> dict:
    started = time.perf_counter()
    settings = settings or LinkageSettings()
    case = labelled_pairs(name, seed, settings)
    records, person, truth_pairs, pairs, model = (case[k] for k in ("records", "person", "truth_pairs", "pairs", "model"))
    rules, info = case["rules"], case["info"]
    positives = len(truth_pairs)
    gamma_columns = [c for c in pairs.columns if c.startswith("gamma_")]
    names = level_names(model)
    blocked_true = int(pairs["is_true"].sum())
    candidate_set = set(zip(pairs["record_id_l"], pairs["record_id_r"]))
    never = sorted(truth_pairs - candidate_set)
    lists_of = records.set_index("record_id")["list_name"]
    # reckon's own result on the same records, scored on the same pairs.
    result = link_records(records, settings=settings)
    found_person = result.clusters.set_index("record_id")["person_id"]
    found = true_pairs(found_person[found_person.index.isin(person.index)])
    reckon_scores = prf(len(found & truth_pairs), len(found - truth_pairs), positives)
    missed = pairs[pairs["is_true"] & ~pd.Series([p in found for p in zip(pairs["record_id_l"], pairs["record_id_r"])],
                                                   index=pairs.index)]
    false_found = found - truth_pairs
    false_rows = pairs[[p in false_found for p in zip(pairs["record_id_l"], pairs["record_id_r"])]]
    out = {
        "case": name, "seed": seed, "records": int(len(records)), "named_records": int(len(person)),
        "lists": info["records_by_list"],
        "blocking_rules": rules,
        "true_pairs_named": positives,
        "candidate_pairs": int(len(pairs)),
        "true_pairs_blocked": blocked_true,
        "blocking_recall": round(blocked_true / positives, 4) if positives else 1.0,
        "true_pairs_never_candidates": len(never),
        "never_candidates_by_lists": dict(Counter(" / ".join(sorted((lists_of[a], lists_of[b]))) for a, b in never)),
        "ceiling": ceiling(pairs, positives, gamma_columns),
        # The same with the pair's two lists as one more feature, then also the name's frequency.
        "ceiling_with_list_pair": _short_ceiling(pairs, positives, [*gamma_columns, "list_pair"]),
        "ceiling_with_list_pair_and_name_frequency": _short_ceiling(
            pairs, positives, [*gamma_columns, "list_pair", "name_frequency"]),
        "model_alone": model_alone(pairs, positives),
        "held_out": _held_out_figures(name, settings, train_seeds, pairs, positives, gamma_columns),
        "reckon": reckon_scores,
        "prior": model["probability_two_random_records_match"],
        "true_share_of_all_named_pairs": positives / (len(person) * (len(person) - 1) / 2),
        "missed_true_pairs": {
            "pairs": positives - reckon_scores["tp"], "of_which_never_candidates": len(never),
            "candidates_missed": int(len(missed)),
            "match_probability": _quantiles(missed["match_weight"]),
            "levels": level_profile(missed, names, gamma_columns),
            "commonest_vectors": commonest_vectors(missed, names, gamma_columns),
        },
        "false_pairs": {
            "pairs": len(false_found), "scored_pairs": int(len(false_rows)),
            "joined_only_through_others": len(false_found) - int(len(false_rows)),
            "match_probability": _quantiles(false_rows["match_weight"]),
            "levels": level_profile(false_rows, names, gamma_columns),
            "commonest_vectors": commonest_vectors(false_rows, names, gamma_columns),
        },
        "seconds": round(time.perf_counter() - started, 1),
    }
    return out


def _held_out_figures(name: str, settings: LinkageSettings, seeds: list[int], pairs: pd.DataFrame, positives: int,
                      gamma_columns: list[str]) -> dict:
    """The held-out classifier (held_out) on three sets of features, trained on ``seeds``."""
    if not seeds:
        return {}
    train = []
    for seed in seeds:
        other = labelled_pairs(name, seed, settings)
        train.append((other["pairs"], len(other["truth_pairs"])))
    features = {"vector": gamma_columns, "vector_and_lists": [*gamma_columns, "list_pair"],
                "vector_lists_and_name_frequency": [*gamma_columns, "list_pair", "name_frequency"]}
    return {"train_seeds": list(seeds), **{label: held_out(train, pairs, positives, columns)
                                          for label, columns in features.items()}}


def _quantiles(weights: pd.Series) -> dict:
    if weights.empty:
        return {}
    probability = 1 / (1 + 2.0 ** -weights.to_numpy(dtype=float))
    return {f"q{int(q * 100)}": round(float(np.quantile(probability, q)), 3) for q in (0.1, 0.25, 0.5, 0.75, 0.9)}


def summary_lines(r: dict) -> list[str]:
    c, m = r["ceiling"], r["model_alone"]
    lines = [
        f"{r['case']} seed {r['seed']}: {r['named_records']} named records of {r['records']}, "
        f"{r['true_pairs_named']} true pairs, {r['candidate_pairs']} candidate pairs",
        f"  blocking recall {r['blocking_recall']} ({r['true_pairs_never_candidates']} true pairs never candidates: "
        f"{r['never_candidates_by_lists']})",
        f"  CEILING (best labelling of {c['patterns']} comparison vectors): F1 {c['f1']} "
        f"(P {c['precision']} R {c['recall']}); with perfect blocking {c['f1_if_blocking_were_perfect']}",
        f"  ... with the pair's lists as one more feature: F1 {r['ceiling_with_list_pair']['f1']} "
        f"(P {r['ceiling_with_list_pair']['precision']} R {r['ceiling_with_list_pair']['recall']}); "
        f"and the name's frequency: F1 {r['ceiling_with_list_pair_and_name_frequency']['f1']} "
        f"({r['ceiling_with_list_pair_and_name_frequency']['patterns']} vectors)",
        f"  true pairs on vectors shared with non-matches: {c['true_pairs_in_patterns_with_any_non_match']}; "
        f"outnumbered there: {c['true_pairs_outnumbered_by_non_matches_on_their_vector']}; "
        f"on vectors with >= 10 non-matches: {c['true_pairs_on_vectors_with_10_or_more_non_matches']}",
        *([f"  held out (learned on seeds {r['held_out']['train_seeds']}): vector F1 {r['held_out']['vector']['f1']}; "
           f"+ lists {r['held_out']['vector_and_lists']['f1']}; + name frequency "
           f"{r['held_out']['vector_lists_and_name_frequency']['f1']}"] if r.get("held_out") else []),
        f"  model alone: at 0.5 F1 {m['threshold_0.5']['f1']} (P {m['threshold_0.5']['precision']} "
        f"R {m['threshold_0.5']['recall']}); best cut {m['best']['probability_cut']}: F1 {m['best']['f1']}",
        "  calibration (probability: pairs, true share): " + "; ".join(
            f"{c['from']}-{c['to']}: {c['pairs']}, {c['true_share']}" for c in m["calibration"] if c["from"] >= 0.1),
        f"  reckon (clusters, group check, one per list): F1 {r['reckon']['f1']} "
        f"(P {r['reckon']['precision']} R {r['reckon']['recall']})",
        f"  prior {r['prior']:.3g} vs true share of named pairs {r['true_share_of_all_named_pairs']:.3g}",
        f"  missed: {r['missed_true_pairs']['pairs']} ({r['missed_true_pairs']['of_which_never_candidates']} never "
        f"candidates), probability {r['missed_true_pairs']['match_probability']}",
        f"  false: {r['false_pairs']['pairs']} ({r['false_pairs']['joined_only_through_others']} only through others), "
        f"probability {r['false_pairs']['match_probability']}",
    ]
    for what in ("missed_true_pairs", "false_pairs"):
        lines.append(f"  {what} levels:")
        for comparison, levels in r[what]["levels"].items():
            lines.append(f"    {comparison}: " + "; ".join(f"{k} {v}" for k, v in levels.items()))
    return lines


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", default=list(DEFAULT_CASES))
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--train-seeds", default="", metavar="SEEDS",
                        help="comma-separated seeds to learn a held-out classifier on, e.g. 12,13,14,15,16")
    parser.add_argument("--set", action="append", default=[], metavar="SETTING=JSON",
                        help="a LinkageSettings field, e.g. --set threshold=0.4")
    args = parser.parse_args(argv)
    overrides = {key: json.loads(value) for key, _, value in (item.partition("=") for item in args.set)}
    settings = LinkageSettings.from_dict({**LinkageSettings().to_dict(), **overrides})
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for name in args.cases:
        train_seeds = [int(x) for x in args.train_seeds.split(",") if x.strip()]
        figures = {**analyse(name, args.seed, settings, train_seeds), "settings_changed": overrides}
        print("\n".join(summary_lines(figures)), flush=True)
        results[f"{name}@{args.seed}" + "".join(f" {k}={v}" for k, v in sorted(overrides.items()))] = figures
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
