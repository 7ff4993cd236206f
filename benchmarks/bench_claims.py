"""Benchmark the claims extractor: accuracy on every gold set, and speed.

Accuracy (F1, claimant accuracy, claim-date accuracy), reported per set:
- seeds: the two real articles in ../shared/seeds (skipped where absent);
- examples: examples/articles, our first synthetic articles (the old styles);
- simulated: articles written by `reckon simulate` (another author's templates), scored
  against the simulator's claims_truth.jsonl;
- news_dev / news_heldback / news_heldback2 / news_heldback3 / news_heldback4 / news_heldback5 / news_heldback6 / news_heldback7 / news_heldback8 / news_heldback9 / news_heldback10 / news_heldback11 / news_heldback12 / news_heldback13 / news_heldback14: benchmarks/news, fictional articles in the styles of real news
  (benchmarks/news/STYLES.md); the held-back set is skipped where it is not in the checkout.

Speed:
- whole_process: the `reckon claims` command run as a subprocess on 1,000 real-length
  news-style articles (variants of benchmarks/news/dev: places and numbers drawn anew,
  paragraphs shuffled, deterministic by --seed), start-up, reading and output included;
  once in one process and once with --processes N;
- in_process_synthetic: extract_claims_many on 2,000 short synthetic articles in this
  process (reading, start-up and output left out), one process and N worker processes.

Run from the project root:  python3 benchmarks/bench_claims.py [--articles 2000]
    [--news-articles 1000] [--seed 7] [--processes 2] [--sim-seeds 101] [--accuracy-only]
Prints the figures and writes them to benchmarks/results/claims.json. Timings on a shared
2-core machine are rough, and the machine's own speed drifts from day to day: the results carry
``machine_reference_seconds`` (a fixed pure-Python loop, timed before and after) to compare runs by. Seeds 5 and 17 were used while developing the attribution rules;
the default --sim-seeds (101) was held back and is the honest figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reckon.claims import extract_claims_many, read_gold, score_claims
from reckon.articles.read import read_article
from reckon.articles.document import Document

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT / "benchmarks" / "news"
NEWS_KINDS = (".txt", ".html", ".pdf")
NEWS_SETS = ("dev", "heldback", *(f"heldback{n}" for n in range(2, 15)))  # benchmarks/news/<set>
SCORES = ("predicted", "gold", "matched", "precision", "recall", "f1", "claimant_accuracy")

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


def read_folder(folder: Path, kinds: tuple[str, ...] = (".txt",)) -> list[Document]:
    return [read_article(path) for path in sorted(folder.iterdir()) if path.suffix in kinds]


def claim_date_accuracy(predicted: list[dict], gold: list[dict]) -> float:
    """Share of matched claims whose claim date is right (both None counts as right).

    score_claims compares claimant keys over its one-to-one matches, which depend on file,
    category, figures and quote only; given each claim's date as a one-word key instead, the
    same matches yield the date accuracy.
    """

    def dated(row: dict) -> dict:
        return {**row, "claimant_key": "d" + (row.get("claim_date") or "none").replace("-", "")}

    return score_claims([dated(p) for p in predicted], [dated(g) for g in gold])["claimant_accuracy"]


def score(predicted: list[dict], gold: list[dict]) -> dict:
    """score_claims' figures, the claim-date accuracy over all matches, and over the matches of
    gold claims that have a date (undated claims, right when both are None, are most claims)."""
    result = score_claims(predicted, gold)
    dated = [row for row in gold if row.get("claim_date")]
    return {
        **{k: result[k] for k in SCORES},
        "claim_date_accuracy": claim_date_accuracy(predicted, gold),
        "dated_gold": len(dated),
        "claim_date_accuracy_dated": claim_date_accuracy(predicted, dated) if dated else None,
    }


def accuracy(folder: Path, kinds: tuple[str, ...] = (".txt",)) -> dict | None:
    """Scores on a folder of articles with its gold.jsonl; None where the folder is absent."""
    if not (folder / "gold.jsonl").exists():
        return None
    documents = read_folder(folder, kinds)
    predicted = [c.to_dict() for claims in extract_claims_many(documents) for c in claims]
    return {"articles": len(documents), **score(predicted, read_gold(folder / "gold.jsonl"))}


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
    return {"seeds": seeds, "victims": victims, "articles_per_seed": articles, **score(predicted, gold)}


def all_accuracy(shared: Path, sim_seeds: list[int]) -> dict:
    return {
        "seeds": accuracy(shared / "seeds"),
        "examples": accuracy(ROOT / "examples" / "articles"),
        "simulated": simulated_accuracy(sim_seeds),
        **{f"news_{name}": accuracy(NEWS / name, NEWS_KINDS) for name in NEWS_SETS},
    }


# --- whole-process speed on news-style articles -------------------------------------------

_NUMBER = re.compile(r"(?<![\d:.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d:.,-])\d+(?![\d:-])")
_PARAGRAPH = re.compile(r"(<p[^>]*>)(.*?)(</p>)", re.S)
_SYLLABLES = (["Bel", "Dor", "Kas", "Mir", "Tal", "Ven", "Zar", "Or", "Lun", "Has", "Qir", "Sev"],
              ["ava", "ek", "ora", "in", "um", "ar", "eth", "iya", "os", "anta"])


def new_number(match: re.Match, rng: random.Random) -> str:
    """Another number of the same size; days of the month and years stay as they are."""
    text = match.group()
    value = int(text.replace(",", ""))
    if value < 32 or 1900 <= value <= 2099:
        return text
    value = rng.randint(10 ** (len(str(value)) - 1), 10 ** len(str(value)) - 1)
    return f"{value:,}" if "," in text else str(value)


def article_places(gold: list[dict]) -> dict[str, set[str]]:
    """Places the gold names that occur as written in their article (to be renamed)."""
    places: dict[str, set[str]] = {}
    for row in gold:
        if row["place"] and "(" not in row["place"] and len(row["place"]) > 3:
            places.setdefault(row["file"], set()).add(row["place"])
    return places


def vary(text: str, places: set[str], rng: random.Random, html: bool) -> str:
    """Rename places, draw numbers anew and (plain text) shuffle the body's paragraphs."""
    for place in sorted(places, key=len, reverse=True):
        text = text.replace(place, rng.choice(_SYLLABLES[0]) + rng.choice(_SYLLABLES[1]))
    if html:  # only inside paragraphs: markup, metadata and dates stay valid
        return _PARAGRAPH.sub(lambda m: m[1] + _NUMBER.sub(lambda n: new_number(n, rng), m[2]) + m[3], text)
    header, _, body = text.partition("\n")
    blocks = _NUMBER.sub(lambda n: new_number(n, rng), body).split("\n\n")
    lede, rest = blocks[:2], blocks[2:]
    rng.shuffle(rest)
    return header + "\n" + "\n\n".join(lede + rest)


def news_variants(count: int, seed: int, out: Path) -> list[Path]:
    """`count` real-length articles in the news styles, written into `out` (deterministic)."""
    sources = [p for p in sorted((NEWS / "dev").iterdir()) if p.suffix in (".txt", ".html")]
    places = article_places(read_gold(NEWS / "dev" / "gold.jsonl"))
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        source = sources[index % len(sources)]
        text = vary(source.read_text(encoding="utf-8"), places.get(source.name, set()), rng, source.suffix == ".html")
        path = out / f"v{index:04d}_{source.name}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def reckon_command() -> list[str]:
    """The `reckon` entry point of this Python environment."""
    script = Path(sys.executable).with_name("reckon")
    if script.exists():
        return [str(script)]
    found = shutil.which("reckon")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from reckon.cli.main import main; sys.argv[0] = 'reckon'; main()"]


def run_reckon_claims(paths: list[Path], processes: int, out: Path) -> dict:
    """Time `reckon claims <paths> --format jsonl` as a whole process; count the claims it prints."""
    command = reckon_command() + ["claims", *map(str, paths), "--format", "jsonl"]
    command += ["--processes", str(processes)]  # explicit: the default depends on the cores
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as stdout:
        done = subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes the workers it waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"reckon claims failed ({done.returncode}): {done.stderr[-2000:]}")
    claims = sum(1 for line in out.open(encoding="utf-8") if line.strip())
    return {
        "claims": claims,
        "seconds": round(seconds, 2),
        "articles_per_second": round(len(paths) / seconds, 1),
        "cpu_seconds": round(cpu, 2),
        "articles_per_cpu_second": round(len(paths) / cpu, 1),
    }


def whole_process_speed(count: int, seed: int, processes: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        paths = news_variants(count, seed, folder)
        words = sum(len(read_article(path).text.split()) for path in paths[: len(paths) // 10 or 1])
        output = Path(tmp) / "claims.jsonl"
        startup = run_reckon_claims(paths[:1], 1, output)["seconds"]
        runs = {"one_process": run_reckon_claims(paths, 1, output)}
        if processes > 1:
            runs[f"{processes}_processes"] = run_reckon_claims(paths, processes, output)
    return {
        "articles": count,
        "mean_words": round(words / (len(paths) // 10 or 1)),
        "source": f"variants of benchmarks/news/dev (.txt and .html), seed {seed}",
        "command": "reckon claims <files> --format jsonl [--processes N], stdout to a file",
        "one_article_seconds": startup,
        **runs,
    }


def time_run(documents: list[Document], processes: int) -> dict:
    """Extract from every document; wall time, and CPU time of this process."""
    start, cpu_start = time.perf_counter(), time.process_time()
    claims = sum(len(found) for found in extract_claims_many(documents, processes=processes))
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start
    run = {"claims": claims, "seconds": round(seconds, 2), "articles_per_second": round(len(documents) / seconds, 1)}
    if processes == 1:
        run["articles_per_cpu_second"] = round(len(documents) / cpu_seconds, 1)
    return run


def in_process_synthetic(count: int, seed: int, processes: int) -> dict:
    rng = random.Random(seed)
    documents = [synthetic_article(rng, i) for i in range(count)]
    words = sum(len(d.text.split()) for d in documents)
    list(extract_claims_many(documents[:5]))  # load spaCy outside the timing
    runs = {"one_process": time_run(documents, 1)}
    if processes > 1:
        runs[f"{processes}_processes"] = time_run(documents, processes)
    claims = runs["one_process"].pop("claims")
    for run in runs.values():
        run.pop("claims", None)
    return {
        "articles": count,
        "mean_words": round(words / count),
        "claims": claims,
        "note": "extract_claims_many on Documents built in memory: no start-up, reading or output",
        **runs,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "peak_rss_largest_worker_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }


def machine_reference_seconds(rounds: int = 3) -> float:
    """CPU seconds of a fixed pure-Python loop (best of ``rounds``): how fast this machine is right
    now, so speed figures taken on different days can be compared. The same extractor code ran
    118 articles/s in process one day and 63 another on this 2-core machine."""
    best = float("inf")
    for _ in range(rounds):
        start, total = time.process_time(), 0
        for i in range(3_000_000):
            total += i * i % 7
        best = min(best, time.process_time() - start)
    return round(best, 3)


def print_summary(results: dict) -> None:
    for name, row in results["accuracy"].items():
        if row is None:
            print(f"{name:15s} (absent)", file=sys.stderr)
            continue
        dated = row["claim_date_accuracy_dated"]
        print(f"{name:15s} F1 {row['f1']:.3f}  claimant {row['claimant_accuracy']:.3f}  "
              f"claim date {row['claim_date_accuracy']:.3f} (dated gold: {'-' if dated is None else f'{dated:.3f}'})  "
              f"{row['matched']}/{row['gold']} gold matched, {row['predicted']} predicted", file=sys.stderr)
    for name, key in (("whole process", "whole_process"), ("in process", "in_process_synthetic")):
        runs = {k: v["articles_per_second"] for k, v in results.get(key, {}).items() if isinstance(v, dict)}
        if runs:
            print(f"{name:15s} articles/s {runs}", file=sys.stderr)
    if "machine_reference_seconds" in results:
        print(f"machine         reference loop {results['machine_reference_seconds']} s (lower is faster)", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="synthetic articles for the in-process timing")
    parser.add_argument("--news-articles", type=int, default=1000, help="news-style articles for the whole-process timing")
    parser.add_argument("--seed", type=int, default=7, help="seed for the article generators")
    parser.add_argument("--processes", type=int, default=2, help="worker processes for the second timed run")
    parser.add_argument("--sim-seeds", type=int, nargs="+", default=[101], help="`reckon simulate` seeds to score on")
    parser.add_argument("--accuracy-only", action="store_true", help="skip the timing runs (no results file)")
    args = parser.parse_args()
    shared = Path(os.environ.get("RECKON_SHARED", ROOT.parent / "shared"))
    if args.accuracy_only:
        results = {"accuracy": all_accuracy(shared, args.sim_seeds)}
        print(json.dumps(results, indent=2))
        print_summary(results)
        return

    reference = machine_reference_seconds()
    in_process = in_process_synthetic(args.articles, args.seed, args.processes)  # first: its RSS readings
    whole_process = whole_process_speed(args.news_articles, args.seed, args.processes)
    results = {
        "accuracy": all_accuracy(shared, args.sim_seeds),
        "whole_process": whole_process,
        "in_process_synthetic": in_process,
        "machine_reference_seconds": {"before": reference, "after": machine_reference_seconds()},
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "cpu_count": os.cpu_count(),
        "note": "rough timing on a shared machine; other jobs may run at the same time",
    }
    print(json.dumps(results, indent=2))
    print_summary(results)
    out = ROOT / "benchmarks" / "results" / "claims.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
