"""Linkage accuracy and speed on data sets with ground truth (../shared/data/linkage/).

    python3 benchmarks/bench_linkage.py [historical_50k febrl3 pseudopeople pseudopeople_census_ssa simulated
                                         clean_300_1000 harsh_60_300 harsh_300_1000 harsh_2000_5000
                                         harsh_4lists_300_1000]

Every data set's columns are mapped onto reckon's canonical fields and linked with the
SAME reckon model (default LinkageSettings); nothing is tuned per data set. Figures are
pair precision / recall / F1 over all pairs of records placed in one person, and wall
time (rough: a 2-core machine shared with other work), and where each comparison's m came
from (m_sources: reckon's default model, EM on this data, reviewer labels). Results:
benchmarks/results/linkage.json.

The simulated cases (SIMULATED) go through the real importer (`lists add`), so what it
quarantines counts against recall: a quarantined record stays a person of its own. They
also report the true pairs that involve a quarantined or an unnamed record, and the
scores over the imported records only and over the named records only.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from reckon.case import Case
from reckon.linkage import LinkageSettings, link_case, link_records

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("RECKON_SHARED", ROOT.parent / "shared")) / "data" / "linkage"
RESULTS = ROOT / "benchmarks" / "results" / "linkage.json"


def pair_scores(truth: pd.Series, predicted: pd.Series) -> dict[str, float]:
    """Pair precision, recall and F1 from cluster co-membership counts (no pair enumeration)."""
    def pairs(counts: pd.Series) -> int:
        return int((counts * (counts - 1) // 2).sum())

    frame = pd.DataFrame({"t": truth.to_numpy(), "p": predicted.to_numpy()})
    true_pairs = pairs(frame.groupby("t").size())
    found_pairs = pairs(frame.groupby("p").size())
    both = pairs(frame.groupby(["t", "p"]).size())
    precision = both / found_pairs if found_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "true_pairs": true_pairs, "found_pairs": found_pairs}


def _sex(values: pd.Series) -> pd.Series:
    return values.astype("string").str.lower().str[:1]


# -- data sets, mapped onto canonical fields ------------------------------------------
def historical() -> tuple[pd.DataFrame, pd.Series, dict]:
    raw = pd.read_csv(DATA / "splink_datasets" / "historical_50k.csv", dtype=str)
    records = pd.DataFrame({
        "record_id": raw["unique_id"], "list_name": "historical",
        "name": raw["full_name"], "given_name": raw["first_name"], "family_name": raw["surname"],
        "date_of_birth": raw["dob"], "sex": _sex(raw["gender"]),
        "place_of_death": raw["postcode_fake"],  # the finer place field
        "province": raw["birth_place"],  # the coarser one (a county)
    })
    note = "postcode_fake -> place_of_death, birth_place -> province (place within region); occupation unused"
    return records, raw["cluster"], {"mapping_note": note}


def _febrl_records(raw: pd.DataFrame, list_name: str) -> pd.DataFrame:
    return pd.DataFrame({
        "record_id": list_name + ":" + raw["rec_id"], "list_name": list_name,
        "given_name": raw["given_name"], "family_name": raw["surname"],
        "date_of_birth": pd.to_datetime(raw["date_of_birth"], format="%Y%m%d", errors="coerce"),
        "place_of_death": raw["suburb"], "province": raw["postcode"], "national_id": raw["soc_sec_id"],
    })


def febrl() -> tuple[pd.DataFrame, pd.Series, dict]:
    read = lambda name: pd.read_csv(DATA / "febrl" / name, dtype=str, skipinitialspace=True)  # noqa: E731
    raw = read("dataset3.csv")
    records = _febrl_records(raw, "febrl3")
    truth = raw["rec_id"].str.extract(r"rec-(\d+)-")[0]
    return records, truth, {"file": "febrl/dataset3.csv", "mapping_note": "suburb -> place, postcode -> province, soc_sec_id -> national_id"}


def pseudopeople(files: tuple[str, ...] = ()) -> tuple[pd.DataFrame, pd.Series, dict]:
    """All six pseudopeople lists, or only the named ``files`` (stems)."""
    frames = []
    for path in sorted((DATA / "pseudopeople_sample").glob("*.csv")):
        if files and path.stem not in files:
            continue
        raw = pd.read_csv(path, dtype=str)
        dob = raw["date_of_birth"] if "date_of_birth" in raw else pd.Series(None, index=raw.index)
        frames.append(pd.DataFrame({
            "record_id": path.stem + ":" + raw.index.astype(str), "list_name": path.stem,
            "given_name": raw["first_name"], "family_name": raw["last_name"],
            "date_of_birth": pd.to_datetime(dob, format="mixed", errors="coerce"),
            "sex": _sex(raw["sex"]) if "sex" in raw else None,
            "age_low": pd.to_numeric(raw.get("age"), errors="coerce"),
            "place_of_death": _street(raw), "province": raw.get("zipcode", raw.get("mailing_address_zipcode")),
            "national_id": raw.get("ssn"),
            "truth": raw["simulant_id"],
        }))
    records = pd.concat(frames, ignore_index=True)
    note = "street name (address) -> place, zipcode -> province, age -> age_low/high, ssn -> national_id"
    return records.drop(columns=["truth"]), records["truth"], {"mapping_note": note}


def _street(raw: pd.DataFrame) -> pd.Series:
    for column in ("street_name", "mailing_address_street_name"):
        if column in raw:
            return raw[column]
    return pd.Series(None, index=raw.index, dtype="object")


# `reckon simulate` cases: the clean profile at 20,000 victims (as before), and lists of given
# sizes (people per list, the big list first) in the clean and the harsh profile.
SIMULATED: dict[str, dict] = {
    "simulated": {"victims": 20000, "lists": 4, "profile": "clean"},
    "clean_300_1000": {"profile": "clean", "sizes": (1000, 300)},
    "harsh_60_300": {"profile": "harsh", "sizes": (300, 60)},
    "harsh_300_1000": {"profile": "harsh", "sizes": (1000, 300)},
    "harsh_2000_5000": {"profile": "harsh", "sizes": (5000, 2000)},
    "harsh_4lists_300_1000": {"profile": "harsh", "sizes": (1000, 300, 500, 300)},
}
VICTIMS_PER_BIG_LIST = 1.5  # the big list documents two thirds of the dead


def simulated_case(victims: int | None = None, lists: int | None = None, seed: int = 11, profile: str = "clean",
                   sizes: tuple[int, ...] | None = None) -> tuple[Case, pd.DataFrame, dict]:
    """A case holding the lists of `reckon simulate`, imported as a user would (lists add).

    Returns the case, the truth (one row per record in the files: key '<list>#<row>',
    person_id, and the stored record_id, missing where the importer quarantined the row),
    and what was simulated and lost on import."""
    from reckon.simulate import simulate_event
    from reckon.lists.store import add_list

    victims = victims or round(VICTIMS_PER_BIG_LIST * max(sizes or (2000,)))
    folder = Path(tempfile.mkdtemp(prefix="reckon-bench-"))
    simulated = simulate_event(folder / "event", victims=victims, lists=lists, seed=seed, articles=0,
                               profile=profile, sizes=sizes)
    case = Case.init(folder / "case")
    for path in sorted((folder / "event" / "lists").iterdir()):
        add_list(case, path, name=path.stem)
    truth = pd.read_csv(folder / "event" / "truth.csv", dtype=str)
    truth["key"] = truth["list_name"] + "#" + truth["row_number"]
    stored = case.con.execute(
        "SELECT list_name || '#' || row_number AS key, record_id, "
        "coalesce(name, name_native, given_name, family_name) IS NULL AS unnamed FROM records").df()
    lost = case.con.execute("SELECT list_name || '#' || row_number AS key, reason FROM quarantine").df()
    truth = truth.merge(stored, on="key", how="left")
    unnamed = set(lost.loc[lost["reason"].str.contains("no name"), "key"]) | set(stored.loc[stored["unnamed"], "key"])
    truth["unnamed"] = truth["key"].isin(unnamed)
    info = {"profile": profile, "victims": victims, "lists": len(simulated.lists), "seed": seed,
            "records_by_list": simulated.records_by_list, "quarantined": int(truth["record_id"].isna().sum()),
            "unnamed": int(truth["unnamed"].sum())}
    return case, truth[["key", "person_id", "record_id", "unnamed"]], info


def score_case(case: Case, truth: pd.DataFrame) -> dict:
    """Pair scores over the true pairs of every documented record (a quarantined record is a
    person of its own, so import losses count against recall), and two narrower views:
    the records the importer kept, and the named ones (those a name can link)."""
    persons = case.con.execute("SELECT record_id, person_id FROM persons").df()
    person_of = dict(zip(persons["record_id"], persons["person_id"].astype(str)))
    predicted = truth["record_id"].map(person_of).fillna("not imported: " + truth["key"])
    everyone = pair_scores(truth["person_id"], predicted)
    imported = truth["record_id"].notna().to_numpy()
    kept = pair_scores(truth["person_id"][imported], predicted[imported])
    named = ~truth["unnamed"].to_numpy()
    by_name = pair_scores(truth["person_id"][named], predicted[named])
    return {**everyone, "true_pairs_with_quarantined": everyone["true_pairs"] - kept["true_pairs"],
            "true_pairs_with_unnamed": everyone["true_pairs"] - by_name["true_pairs"],
            "imported_only": _short(kept), "named_only": _short(by_name)}


def _short(scores: dict) -> dict:
    return {k: scores[k] for k in ("precision", "recall", "f1", "true_pairs")}


def run_simulated(name: str = "simulated", settings: LinkageSettings | None = None) -> dict:
    """`reckon simulate` lists: import, link in the case, score against the truth."""
    started = time.perf_counter()
    case, truth, info = simulated_case(**SIMULATED[name])
    imported = time.perf_counter()
    run = link_case(case, settings=settings)
    done = time.perf_counter()
    scores = score_case(case, truth)
    case.close()
    return {"data_set": name, "records": int(len(truth)), **scores, **info,
            "import_seconds": round(imported - started, 1), "link_seconds": round(done - imported, 1),
            "persons_found": run.summary["persons"], "true_persons": int(truth["person_id"].nunique()),
            "m_sources": run.result.m_sources()}


def pseudopeople_census_ssa() -> tuple[pd.DataFrame, pd.Series, dict]:
    """The census and social-security lists only: the link Splink's 0.9885 was measured on."""
    return pseudopeople(("decennial_census", "social_security"))


DATASETS: dict[str, Callable[[], tuple[pd.DataFrame, pd.Series, dict]]] = {
    "historical_50k": historical, "febrl3": febrl, "pseudopeople": pseudopeople,
    "pseudopeople_census_ssa": pseudopeople_census_ssa,
}


def run(name: str, settings: LinkageSettings | None = None) -> dict:
    if name in SIMULATED:
        return run_simulated(name, settings=settings)
    started = time.perf_counter()
    records, truth, info = DATASETS[name]()
    loaded = time.perf_counter()
    result = link_records(records, settings=settings)
    done = time.perf_counter()
    predicted = result.clusters.set_index("record_id")["person_id"].reindex(records["record_id"])
    scores = pair_scores(truth, predicted)
    return {"data_set": name, "records": len(records), **scores, "link_seconds": round(done - loaded, 1),
            "load_seconds": round(loaded - started, 1), "m_sources": result.m_sources(), **info}


def main(names: list[str]) -> None:
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for name in names or [*DATASETS, *SIMULATED]:
        figures = run(name)
        print(json.dumps(figures))
        results[name] = figures
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
