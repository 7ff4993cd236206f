"""Benchmark the claims extractor: speed and memory on 2,000 synthetic articles, accuracy on
the seed gold (if ../shared is present), on examples/articles/gold.jsonl, and on articles
written by `reckon simulate` (another author's templates, never tuned on: the closest we have
to unseen text; scored against the simulator's claims_truth.jsonl).

Run from the project root:  python3 benchmarks/bench_claims.py [--articles 2000] [--seed 7]
    [--sim-seeds 101] [--accuracy-only]
Prints the figures and writes them to benchmarks/results/claims.json. Timings on a shared
2-core machine are rough. Seeds 5 and 17 were used while developing the attribution rules;
the default --sim-seeds (101) was held back and is the honest figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from reckon.claims import extract_claims_many, read_gold, score_claims
from reckon.articles.read import read_article
from reckon.articles.document import Document

ROOT = Path(__file__).resolve().parents[1]

# Invented places, bodies and people for the synthetic articles (a fictional country).
CITIES = ["Aldmar", "Castrel", "Pellin", "Sarabet", "Korvain", "Dunmere", "Ostra", "Lisk", "Varro", "Tenby"]
GROUPS = ["the Veloria Rights Monitor", "the Free Veloria Council", "Amnesty International",
          "the Castrel Teachers' Union", "the Velorian Medical Association", "Human Rights Watch"]
OFFICIALS = [("Interior Minister", "Teodor Halvik"), ("Prosecutor General", "Ivo Brandt"),
             ("police spokesman", "Arun Keel"), ("Governor", "Lise Marten")]
MEDIA = ["Meridian Press", "Continental Wire", "VTV", "the Castrel Courier", "Radio Veloria Libre"]
PEOPLE = ["people", "protesters", "demonstrators", "civilians", "residents"]
QUALIFIERS = ["at least", "more than", "about", "nearly", "up to", "some", ""]
VAGUE = ["dozens of", "hundreds of", "several", "scores of"]
KILLED = ["were killed", "died", "were shot dead", "lost their lives"]
OTHER = {"injured": ["were injured", "were wounded", "were hurt"],
         "arrested": ["were arrested", "were detained", "have been held"],
         "missing": ["remain missing", "are unaccounted for"]}

FILLER = [
    "The protests began over the price of bread and quickly turned against the government.",
    "Shops in the old market stayed shut for most of the week, and many families ran short of food.",
    "Internet access was cut across much of the country, making it hard to confirm reports.",
    "Videos shared on social media showed crowds chanting in the streets after dark.",
    "The government blamed foreign agents and criminal gangs for the unrest.",
    "Diplomats in the capital urged restraint and called for an independent inquiry.",
    "Teachers and lorry drivers joined the strikes in several provinces by the weekend.",
    "Analysts said the economic crisis had been building for more than three years.",
    "Prices of fuel and flour had tripled since the start of the year.",
    "The president did not appear in public during the first five days of the protests.",
    "Universities moved classes online and dormitories were closed until further notice.",
    "Relatives gathered outside hospitals and police stations, waiting for news.",
    "Opposition groups abroad called for a general strike and for international sanctions.",
    "The central bank announced new measures to support the currency, with little effect.",
    "State television broadcast confessions it said were made by organisers of the riots.",
]


def figure_phrase(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(VAGUE)
    number = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 20000)])
    text = f"{number:,}" if number >= 1000 else str(number)
    if rng.random() < 0.1:
        return f"between {text} and {number + rng.randint(5, 200):,}"
    qualifier = rng.choice(QUALIFIERS)
    return f"{qualifier} {text}".strip()


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def claim_sentence(rng: random.Random) -> str:
    category = rng.choice(["killed", "killed", "injured", "arrested", "missing"])
    verb = rng.choice(KILLED if category == "killed" else OTHER[category])
    fact = f"{figure_phrase(rng)} {rng.choice(PEOPLE)} {verb} in {rng.choice(CITIES)}"
    title, name = rng.choice(OFFICIALS)
    patterns = [
        lambda: f"{capital(rng.choice(GROUPS))} said on Monday that {fact}.",
        lambda: f"According to {rng.choice(GROUPS)}, {fact}.",
        lambda: f"{capital(fact)}, {title.lower()} {name} told {rng.choice(MEDIA)}.",
        lambda: f"{title} {name} said {fact}, a figure the opposition rejected.",
        lambda: f"{capital(fact)}, the group said in a statement.",
        lambda: f"{capital(rng.choice(MEDIA))}, citing hospital sources, reported that {fact}.",
        lambda: f"Witnesses said {fact}, although the figure could not be verified.",
        lambda: f"Protests spread to {rng.randint(5, 60)} cities, and {fact}.",
    ]
    return rng.choice(patterns)()


def synthetic_article(rng: random.Random, index: int, words: int = 600) -> Document:
    sentences: list[str] = []
    while sum(len(s.split()) for s in sentences) < words:
        # about one sentence in eight reports a figure, as in the seed articles
        sentences.append(claim_sentence(rng) if rng.random() < 0.125 else rng.choice(FILLER))
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    text = f" date 2024-03-{rng.randint(10, 28):02d} Unrest in Veloria\n\n" + "\n\n".join(paragraphs) + "\n"
    name = f"synthetic_{index:04d}.txt"
    return Document(name, hashlib.sha256(text.encode()).hexdigest(), text, "txt", text.split()[1])


def read_folder(folder: Path) -> list[Document]:
    return [read_article(path) for path in sorted(folder.glob("*.txt"))]


def accuracy(folder: Path) -> dict | None:
    if not (folder / "gold.jsonl").exists():
        return None
    predicted = [c for claims in extract_claims_many(read_folder(folder)) for c in claims]
    result = score_claims(predicted, read_gold(folder / "gold.jsonl"))
    return {k: result[k] for k in ("predicted", "gold", "matched", "precision", "recall", "f1", "claimant_accuracy")}


def simulated_accuracy(seeds: list[int], victims: int = 500, articles: int = 40) -> dict:
    """Score the extractor on articles `reckon simulate` writes for each seed (pooled)."""
    from reckon.simulate import simulate_event

    predicted: list = []
    gold: list = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            out = Path(tmp) / f"sim_{seed}"
            simulate_event(out, victims=victims, articles=articles, seed=seed)
            folder = out / "articles"
            tag = f"{seed}/"  # file names may repeat across seeds
            found = [c.to_dict() for claims in extract_claims_many(read_folder(folder)) for c in claims]
            predicted += [{**c, "file": tag + c["file"]} for c in found]
            gold += [{**g, "file": tag + g["file"]} for g in read_gold(folder / "claims_truth.jsonl")]
    result = score_claims(predicted, gold)
    keep = ("predicted", "gold", "matched", "precision", "recall", "f1", "claimant_accuracy")
    return {"seeds": seeds, "victims": victims, "articles_per_seed": articles, **{k: result[k] for k in keep}}


def time_run(documents: list[Document], processes: int) -> dict:
    """Extract from every document; wall time, and CPU time of this process."""
    start, cpu_start = time.perf_counter(), time.process_time()
    claims = sum(len(found) for found in extract_claims_many(documents, processes=processes))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    run = {"claims": claims, "seconds": round(seconds, 2), "articles_per_second": round(len(documents) / seconds, 1)}
    if processes == 1:
        run["articles_per_cpu_second"] = round(len(documents) / cpu_seconds, 1)
    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="how many synthetic articles")
    parser.add_argument("--seed", type=int, default=7, help="seed for the article generator")
    parser.add_argument("--processes", type=int, default=2, help="worker processes for the second timed run")
    parser.add_argument("--sim-seeds", type=int, nargs="+", default=[101], help="`reckon simulate` seeds to score on")
    parser.add_argument("--accuracy-only", action="store_true", help="skip the timing runs (no results file)")
    args = parser.parse_args()
    shared = Path(os.environ.get("RECKON_SHARED", ROOT.parent / "shared"))
    if args.accuracy_only:
        simulated = simulated_accuracy(args.sim_seeds)
        print(json.dumps({"seed_gold": accuracy(shared / "seeds"), "examples_gold": accuracy(ROOT / "examples" / "articles"),
                          "simulated": simulated}, indent=2))
        return

    rng = random.Random(args.seed)
    documents = [synthetic_article(rng, i) for i in range(args.articles)]
    words = sum(len(d.text.split()) for d in documents)
    list(extract_claims_many(documents[:5]))  # load spaCy outside the timing

    runs = {"one_process": time_run(documents, 1)}
    if args.processes > 1:
        runs[f"{args.processes}_processes"] = time_run(documents, args.processes)
    claims = runs["one_process"].pop("claims")
    for run in runs.values():
        run.pop("claims", None)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    simulated = simulated_accuracy(args.sim_seeds)  # after the RSS reading: simulating costs memory

    results = {
        "articles": args.articles,
        "mean_words": round(words / args.articles),
        "claims": claims,
        **runs,
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "peak_rss_mb": round(peak_mb),
        "peak_rss_largest_worker_mb": round(children_mb),
        "cpu_count": os.cpu_count(),
        "seed_gold": accuracy(shared / "seeds"),
        "examples_gold": accuracy(ROOT / "examples" / "articles"),
        "simulated_f1": simulated["f1"],
        "simulated_claimant_accuracy": simulated["claimant_accuracy"],
        "simulated": simulated,
        "note": "rough timing on a shared machine; other jobs may run at the same time",
    }
    print(json.dumps(results, indent=2))
    out = ROOT / "benchmarks" / "results" / "claims.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
