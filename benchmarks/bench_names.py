"""Benchmark reckon.names: accuracy on the shared Wikidata name pairs, and speed.

    python3 benchmarks/bench_names.py            # full run (~1-2 min on 2 busy cores)
    python3 benchmarks/bench_names.py --quick    # smaller samples

Data: ../shared/data/names (CC0; or $RECKON_SHARED/data/names). Every measure is
reported on the development half (used while tuning the rules and the threshold)
and on the held-out half (not looked at while tuning); quote the held-out figures.
Targets (issue 3): variant pairs F1 >= 0.92 with a hard-negative false-match rate
<= 3%; script -> Latin recall >= 85% at <= 3% false positives (full names; single
name units are reported too, as they are harder: one letter is a larger share). Baselines are computed
here too: plain Jaro-Winkler and (double) metaphone with the best dev threshold.
Writes benchmarks/results/names.json. Timings are rough: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from functools import _lru_cache_wrapper
from pathlib import Path

import jellyfish
import numpy as np
import pandas as pd
from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

import reckon.names.align
import reckon.names.compare
import reckon.names.latin
import reckon.names.romanize
import reckon.names.script
from reckon.names import CROSS_SCRIPT_THRESHOLD, DEFAULT_THRESHOLD, latin_key, name_similarity, romanize
from reckon.names.evaluate import (
    SPLITS,
    best_threshold,
    build_script_latin_pairs,
    load_variant_pairs,
    score_decisions,
    similarities,
)

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "names.json"
SEED = 20191115


def names_folder() -> Path:
    shared = Path(os.environ.get("RECKON_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "names"


def clear_caches() -> None:
    """Forget every memoised name so that timings are of cold work."""
    for module in (reckon.names.script, reckon.names.latin, reckon.names.romanize,
                   reckon.names.align, reckon.names.compare):
        for value in vars(module).values():
            if isinstance(value, _lru_cache_wrapper):
                value.cache_clear()


def double_metaphone_match():
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


def variant_pair_figures(pairs: pd.DataFrame) -> dict:
    """Ours at the default threshold, and baselines with thresholds tuned on dev."""
    labels = pairs["label"].to_numpy()
    hard = (pairs["kind"] == "hard_neg").to_numpy()
    methods = {
        "reckon": lambda a, b: name_similarity(a, b),
        "jaro_winkler": JaroWinkler.similarity,
        "metaphone": lambda a, b: float(jellyfish.metaphone(a) == jellyfish.metaphone(b)),
    }
    dm = double_metaphone_match()
    if dm is not None:
        methods["double_metaphone"] = dm
    out: dict = {}
    dev = (pairs["split"] == "dev").to_numpy()
    for name, method in methods.items():
        scores = similarities(pairs["latin_a"], pairs["latin_b"], method)
        threshold = DEFAULT_THRESHOLD if name == "reckon" else best_threshold(scores[dev], labels[dev])
        out[name] = {"threshold": threshold}
        for split in SPLITS:
            rows = (pairs["split"] == split).to_numpy()
            decided = scores[rows] >= threshold
            out[name][split] = score_decisions(decided, labels[rows], hard[rows]).to_dict()
            out[name][split]["by_kind_match_rate"] = {
                kind: round(float(decided[(pairs["kind"][rows] == kind).to_numpy()].mean()), 4)
                for kind in ("pos", "hard_neg", "random_neg")
            }
    if dm is None:
        out["double_metaphone"] = "not measured: the `metaphone` package is not installed"
    return out


def script_latin_figures(pairs: pd.DataFrame) -> dict:
    """Recall of true (script, Latin) pairs and false-positive rate on false pairs."""
    labels = pairs["label"].to_numpy()
    dev = (pairs["split"] == "dev").to_numpy()
    methods = {
        "reckon": lambda s, l: name_similarity(s, l),
        # our stand-in for a transliterate-then-compare baseline (ICU is not installed)
        "anyascii_jaro_winkler": lambda s, l: JaroWinkler.similarity(anyascii(s).lower(), l.lower()),
    }
    out: dict = {}
    for name, method in methods.items():
        scores = similarities(pairs["script"], pairs["latin"], method)
        threshold = CROSS_SCRIPT_THRESHOLD if name == "reckon" else best_threshold(scores[dev], labels[dev])
        out[name] = {"threshold": threshold}
        for split in SPLITS:
            rows = (pairs["split"] == split).to_numpy()
            s = score_decisions(scores[rows] >= threshold, labels[rows])
            out[name][split] = {"recall": round(s.recall, 4), "false_positive_rate": round(s.false_match_rate, 4),
                                "f1": round(s.f1, 4), "pairs": s.pairs}
    return out


def speed_figures(folder: Path, count: int) -> dict:
    """Names per second on distinct names, caches cold (one pass each)."""
    full = pd.read_csv(folder / "wikidata_full_names.csv", keep_default_na=False)
    units = pd.read_csv(folder / "wikidata_name_units.csv", keep_default_na=False)
    latin = pd.unique(pd.concat([full["latin"], units["latin"]]))[:count]
    script = pd.unique(pd.concat([full["script_key"], units["script_key"]]))[:count]
    rng = np.random.default_rng(SEED)
    partners = latin[rng.permutation(len(latin))][: len(script)]
    name_similarity("علی", "Alireza")  # compile (or load) the numba edit distance first
    out = {}
    for name, run in {
        "latin_key": lambda: [latin_key(x) for x in latin],
        "romanize": lambda: [romanize(x) for x in script],
        "name_similarity_script_vs_latin": lambda: [name_similarity(s, p) for s, p in zip(script, partners)],
    }.items():
        clear_caches()
        start = time.perf_counter()
        run()
        seconds = time.perf_counter() - start
        calls = len(latin) if name == "latin_key" else len(script)
        out[name] = {"calls": calls, "seconds": round(seconds, 3), "per_second": round(calls / seconds),
                     "microseconds_per_call": round(1e6 * seconds / calls, 1)}
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
        "thresholds": {"latin_vs_latin": DEFAULT_THRESHOLD, "script_vs_latin": CROSS_SCRIPT_THRESHOLD},
        "variant_pairs": variant_pair_figures(variant),
        "script_to_latin": script_latin_figures(script_latin),
        "script_to_latin_single_words": script_latin_figures(script_latin_words),
        "speed": speed_figures(folder, 20_000 if args.quick else 100_000),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, shared with other jobs (timings rough)",
    }
    print(json.dumps(results, indent=2, ensure_ascii=False))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
