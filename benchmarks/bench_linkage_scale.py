"""Scale: link about 1,000,000 simulated records end to end, and bare Splink on the same data.

    python3 benchmarks/bench_linkage_scale.py [VICTIMS]      (default 630000 → about 1.0M records)

reckon: import the lists of `reckon simulate` into a case (`lists add`), then `link_case`
(normalise names, train, predict, cluster, store). Bare Splink: the same records, a
plain Splink 5 dedupe (its own comparison library on the raw columns, no name keys),
trained and clustered the same way. Each runs in its own process so peak memory (max
RSS) is its own. Timings are rough: a 2-core machine shared with other work.
Results: benchmarks/results/linkage_scale.json.
"""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "linkage_scale.json"
sys.path.insert(0, str(ROOT / "benchmarks"))


def simulate(folder: Path, victims: int) -> None:
    from reckon.simulate import simulate_event

    simulate_event(folder / "event", victims=victims, lists=4, seed=5, articles=0)


def reckon_run(folder: Path) -> dict:
    from bench_linkage import pair_scores

    from reckon.case import Case
    from reckon.linkage import link_case
    from reckon.lists.store import add_list

    started = time.perf_counter()
    case = Case.init(folder / "case")
    for path in sorted((folder / "event" / "lists").glob("*.csv")):
        add_list(case, path, name=path.stem)
    imported = time.perf_counter()
    run = link_case(case)
    done = time.perf_counter()
    persons = case.con.execute("SELECT record_id, person_id FROM persons").df().set_index("record_id")["person_id"]
    scores = pair_scores(_truth(folder).reindex(persons.index), persons)
    return {"records": run.summary["records"], "import_seconds": round(imported - started, 1),
            "link_seconds": round(done - imported, 1), "total_seconds": round(done - started, 1),
            "pairs_scored": run.summary["pairs_scored"], **scores, "stage_seconds": run.summary["seconds"]}


def bare_splink_run(folder: Path) -> dict:
    import logging

    from bench_linkage import pair_scores

    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    from reckon.case import Case

    started = time.perf_counter()
    with Case.open(folder / "case") as case:
        records = case.con.execute(
            "SELECT record_id, coalesce(name, name_native) AS name, father_name, sex, age_low, "
            "date_of_death, place_of_death, province FROM records"
        ).df()
    loaded = time.perf_counter()
    settings = SettingsCreator(
        link_type="dedupe_only", unique_id_column_name="record_id",
        comparisons=[cl.JaroWinklerAtThresholds("name", [0.92, 0.8]), cl.ExactMatch("father_name"),
                     cl.ExactMatch("sex"), cl.ExactMatch("age_low"), cl.ExactMatch("date_of_death"),
                     cl.ExactMatch("place_of_death"), cl.ExactMatch("province")],
        # Tight rules: a million records of common Persian names make loose blocks explode.
        blocking_rules_to_generate_predictions=[
            block_on("name", "father_name", "province"), block_on("name", "date_of_death", "place_of_death"),
            block_on("name", "age_low", "province")],
    )
    db_api = DuckDBAPI()
    linker = Linker(db_api.register(records), settings, log_level=logging.ERROR)
    linker.training.estimate_probability_two_random_records_match([block_on("name", "father_name", "age_low")], recall=0.6)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=42)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("name", "father_name", "province"))
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("father_name", "date_of_death", "place_of_death", "age_low"))
    predictions = linker.inference.predict(threshold_match_probability=0.05)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(predictions, 0.9)
    persons = clusters.as_pandas_dataframe().set_index("record_id")["cluster_id"]
    done = time.perf_counter()
    truth = _truth(folder)
    return {"records": len(records), "load_seconds": round(loaded - started, 1),
            "link_seconds": round(done - loaded, 1), "persons": int(persons.nunique()),
            **pair_scores(truth.reindex(persons.index), persons)}


def _truth(folder: Path):
    import pandas as pd

    truth = pd.read_csv(folder / "event" / "truth.csv", dtype=str)
    truth.index = truth["list_name"] + ":" + truth["source_record_id"]
    return truth["person_id"]


def child(kind: str, folder: str) -> None:
    result = reckon_run(Path(folder)) if kind == "reckon" else bare_splink_run(Path(folder))
    result["peak_rss_gb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2, 2)
    print(json.dumps(result))


def main(victims: int) -> None:
    folder = Path(tempfile.mkdtemp(prefix="reckon-scale-"))
    try:
        started = time.perf_counter()
        simulate(folder, victims)
        results = {"victims": victims, "simulate_seconds": round(time.perf_counter() - started, 1)}
        for kind in ("reckon", "bare_splink"):
            out = subprocess.run([sys.executable, __file__, "--child", kind, str(folder)],
                                 capture_output=True, text=True, check=True)
            results[kind] = json.loads(out.stdout.strip().splitlines()[-1])
            print(kind, results[kind], flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)  # half a gigabyte of lists and case
    results["time_ratio_reckon_over_splink"] = round(
        results["reckon"]["total_seconds"] / results["bare_splink"]["link_seconds"], 2)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 630_000)
