"""Benchmark the name keys linkage compares, on the shared Wikidata name pairs, and their speed.

    python3 benchmarks/bench_names.py            # full run (under a minute on 2 busy cores)
    python3 benchmarks/bench_names.py --quick    # smaller samples

Data: ../shared/data/names (CC0; or $RECKON_SHARED/data/names). Every measure is
reported on the development half (looked at while writing the rules) and on the
held-out half (not looked at); quote the held-out figures.

Linkage keys every name (`reckon.names`) and its model compares the keys. This measures
the name levels of that model that two names alone decide, each as a yes/no on a
labelled pair: the same key, the same skeleton (the level that joins spellings across
scripts), skeletons close by Jaro-Winkler (DuckDB's, the function linkage's SQL calls),
and the coarse key that blocking pairs records on. They are evidence weighed together
with dates, places and relatives' names, not a decision on their own, so a level's
false matches are reported next to its recall. Baselines, with thresholds tuned on the
development half: plain Jaro-Winkler, (double) metaphone, anyascii + Jaro-Winkler.
Writes benchmarks/results/names.json. Timings are rough: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from collections.abc import Callable
from functools import _lru_cache_wrapper
from pathlib import Path

import duckdb
import jellyfish
import numpy as np
import pandas as pd
from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

import reckon.names.latin
import reckon.names.romanize
import reckon.names.script
from reckon.names import coarse_key, joined_skeleton, key_column, name_key
from reckon.names.evaluate import SPLITS, best_threshold, build_script_latin_pairs, load_variant_pairs, score_decisions, similarities

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "names.json"
SEED = 20191115
# The full-name Jaro-Winkler thresholds of linkage.model's "close" and "loose"/"similar" levels.
CLOSE_SKELETONS = 0.92
SIMILAR_SKELETONS = 0.8
LEVELS = {
    "same_key": "the same name key (linkage's exact level)",
    "same_skeleton": "the same joined skeleton (linkage's skeleton level: other script or vowel spelling)",
    "skeleton_jaro_winkler_0.92": "skeletons at least 0.92 Jaro-Winkler (the close level, which also wants similar given names)",
    "skeleton_jaro_winkler_0.8": "skeletons at least 0.8 Jaro-Winkler (the loose and similar levels)",
    "same_coarse_key": "the same coarse key: blocking by name makes the pair a candidate",
}


def names_folder() -> Path:
    shared = Path(os.environ.get("RECKON_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "names"


def clear_caches() -> None:
    """Forget every memoised name so that timings are of cold work."""
    for module in (reckon.names.script, reckon.names.latin, reckon.names.romanize):
        for value in vars(module).values():
            if isinstance(value, _lru_cache_wrapper):
                value.cache_clear()


def jaro_winkler(a: pd.Series, b: pd.Series) -> np.ndarray:
    """DuckDB's jaro_winkler_similarity of each row (0 where either side is NULL)."""
    frame = pd.DataFrame({"a": a.to_numpy(dtype=object), "b": b.to_numpy(dtype=object)})
    scores = duckdb.sql("select coalesce(jaro_winkler_similarity(a, b), 0) as s from frame").df()["s"]
    return scores.to_numpy(dtype=float)


def _agree(a: pd.Series, b: pd.Series) -> np.ndarray:
    """Equal and not NULL, as SQL's `a = b` in a comparison level."""
    return (a == b).fillna(False).to_numpy(dtype=bool)


def linkage_levels(a: pd.Series, b: pd.Series) -> dict[str, np.ndarray]:
    """For each pair, whether it reaches each of linkage's name levels (see LEVELS)."""
    a, b = a.reset_index(drop=True), b.reset_index(drop=True)
    key_a, key_b = key_column(a, name_key), key_column(b, name_key)
    skeleton_a, skeleton_b = key_column(key_a, joined_skeleton), key_column(key_b, joined_skeleton)
    similarity = jaro_winkler(skeleton_a, skeleton_b)
    return {
        "same_key": _agree(key_a, key_b),
        "same_skeleton": _agree(skeleton_a, skeleton_b),
        "skeleton_jaro_winkler_0.92": similarity >= CLOSE_SKELETONS,
        "skeleton_jaro_winkler_0.8": similarity >= SIMILAR_SKELETONS,
        "same_coarse_key": _agree(key_column(a, coarse_key), key_column(b, coarse_key)),
    }


def double_metaphone_match() -> Callable[[str, str], float] | None:
    """A pair matcher on double metaphone codes, or None when the package is absent."""
    try:
        from metaphone import doublemetaphone
    except ImportError:
        return None

    def match(a: str, b: str) -> float:
        codes_a = {c for c in doublemetaphone(a) if c}
        codes_b = {c for c in doublemetaphone(b) if c}
        return float(bool(codes_a & codes_b))

    return match


def pair_figures(pairs: pd.DataFrame, a: str, b: str, baselines: dict[str, Callable[[str, str], float]]) -> dict:
    """Each linkage level and each baseline (threshold tuned on dev), scored per split."""
    labels = pairs["label"].to_numpy()
    hard = (pairs["kind"] == "hard_neg").to_numpy() if "kind" in pairs else None
    splits = {split: (pairs["split"] == split).to_numpy() for split in SPLITS}

    def scored(decided: np.ndarray) -> dict:
        out = {}
        for split, rows in splits.items():
            figures = score_decisions(decided[rows], labels[rows], None if hard is None else hard[rows]).to_dict()
            if hard is None:
                del figures["hard_false_match_rate"]  # only the variant pairs have hard negatives
            out[split] = figures
        return out

    out: dict = {level: scored(decided) for level, decided in linkage_levels(pairs[a], pairs[b]).items()}
    for name, method in baselines.items():
        scores = similarities(pairs[a], pairs[b], method)
        threshold = best_threshold(scores[splits["dev"]], labels[splits["dev"]])
        out[name] = {"threshold": threshold, **scored(scores >= threshold)}
    return out


def variant_baselines() -> dict[str, Callable[[str, str], float]]:
    methods = {
        "jaro_winkler": JaroWinkler.similarity,
        "metaphone": lambda a, b: float(jellyfish.metaphone(a) == jellyfish.metaphone(b)),
    }
    double_metaphone = double_metaphone_match()
    if double_metaphone is not None:
        methods["double_metaphone"] = double_metaphone
    return methods


# our stand-in for a transliterate-then-compare baseline (ICU is not installed)
SCRIPT_BASELINES = {"anyascii_jaro_winkler": lambda s, l: JaroWinkler.similarity(anyascii(s).lower(), l.lower())}


def speed_figures(folder: Path, count: int) -> dict:
    """Names per second on distinct names, caches cold (one pass each)."""
    full = pd.read_csv(folder / "wikidata_full_names.csv", keep_default_na=False)
    units = pd.read_csv(folder / "wikidata_name_units.csv", keep_default_na=False)
    latin = pd.unique(pd.concat([full["latin"], units["latin"]]))[:count]
    script = pd.unique(pd.concat([full["script_key"], units["script_key"]]))[:count]
    out = {}
    for name, (values, run) in {
        "name_key_latin": (latin, name_key),
        "name_key_script": (script, name_key),
        "joined_skeleton_of_name_key": (script, lambda x: joined_skeleton(name_key(x))),
        "coarse_key": (latin, coarse_key),
    }.items():
        clear_caches()
        start = time.perf_counter()
        for value in values:
            run(value)
        seconds = time.perf_counter() - start
        out[name] = {"calls": len(values), "seconds": round(seconds, 3), "per_second": round(len(values) / seconds),
                     "microseconds_per_call": round(1e6 * seconds / len(values), 1)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples for a fast look")
    args = parser.parse_args()
    folder = names_folder()
    variant = load_variant_pairs(folder)
    per_split = 2_000 if args.quick else 10_000
    if args.quick:
        variant = variant.sample(6_000, random_state=SEED)
    script_latin = build_script_latin_pairs(folder, per_split=per_split, seed=SEED)
    script_latin_words = build_script_latin_pairs(folder, per_split=per_split, seed=SEED, words=True)
    results = {
        "data": "shared/data/names (Wikidata, CC0); split by CRC-32 of the script key",
        "levels": LEVELS,
        "variant_pairs": pair_figures(variant, "latin_a", "latin_b", variant_baselines()),
        "script_to_latin": pair_figures(script_latin, "script", "latin", SCRIPT_BASELINES),
        "script_to_latin_single_words": pair_figures(script_latin_words, "script", "latin", SCRIPT_BASELINES),
        "speed": speed_figures(folder, 20_000 if args.quick else 100_000),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, shared with other jobs (timings rough)",
    }
    if double_metaphone_match() is None:
        results["variant_pairs"]["double_metaphone"] = "not measured: the `metaphone` package is not installed"
    print(json.dumps(results, indent=2, ensure_ascii=False))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
