"""Experiment (not shipped): does a small learned re-ranker pick better claimants than the rules?

For every extracted claim that matches a gold claim in the eight news-style sets, it lists
candidate claimants (the rules' choice, "author", every body and person of the document's cast
under its in-document key, the claimants the rules gave to the document's other claims),
describes each (claim, candidate) pair by general features (the candidate named in the figure's
sentence, the one before or after, beside a speech verb, in the headline or lede, the last
speaker before the figure, distances to its mentions, kind, mention count, publisher, words
shared with the rules' choice, ...) and fits a conditional logit (softmax over each claim's
candidates, L2 penalty) on seven sets to choose among the candidates of the eighth (leave one
set out). Three variants: "plain" (those features), "flags" (each feature again for each kind
of choice the rules made: author, outside the cast, a person, a description, used once) and
"flags_margin1" (the flags model, overriding the rules only when it prefers another candidate
by more than 1 in log-odds). "ceiling" is the share of claims for which some candidate was right.

Finding (December 2026, --l2 10): no variant improves claimant accuracy clearly. On held-backs
5-7 the rules score 0.730, "plain" 0.732, "flags" 0.738 (+0.007, about two claims in 230 per set,
but -0.029 on heldback), "flags_margin1" 0.732; the ceiling is 0.854. Most of the rules' misses
are either names the cast never joins to the gold's name (no candidate is right) or one-off
misreadings that the other seven authors' sets do not teach. Kept so the team can re-run it
after changing the cast or the rules; notes in benchmarks/NOTES.md.

Run from the project root:  python3 benchmarks/chooser_experiment.py [--l2 10] [--cache FILE]
Prints the table and writes benchmarks/results/chooser_experiment.json.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_claims import NEWS, NEWS_KINDS, read_folder  # noqa: E402
from reckon.claims import extract_claims_many, read_gold  # noqa: E402
from reckon.claims.cast import Cast  # noqa: E402
from reckon.claims.claimant_keys import entity_key  # noqa: E402
from reckon.claims.memory import MentionMemory  # noqa: E402
from reckon.claims.model import AUTHOR, Claim  # noqa: E402
from reckon.claims.outlet import outlet_names, own_body  # noqa: E402
from reckon.claims.scoring import _GENERIC, _match, _words, claimants_agree  # noqa: E402
from reckon.claims.sentences import headlines, split_sentences  # noqa: E402
from reckon.articles.document import Document  # noqa: E402

SETS = ("dev", "heldback", "heldback2", "heldback3", "heldback4", "heldback5", "heldback6", "heldback7")
SPEECH = re.compile(r"\b(?:said|says|say|told|tells|reported|reports|according\s+to|announced|stated|added|estimated|counted|recorded|put)\b", re.IGNORECASE)


@dataclass
class Candidate:
    key: str
    kind: str  # "rules", "author", "org", "person", "neighbour"
    names: set[str] = field(default_factory=set)  # surface forms to find in the text
    mentions: list[int] = field(default_factory=list)
    neighbour: bool = False
    person_body: bool = False  # the body a named person speaks for


def candidates_of(document: Document, claims: list[Claim]) -> list[Candidate]:
    """Every claimant one claim of this document could have, deduplicated by key words."""
    cast = Cast.read(document.text)
    memory = MentionMemory(cast=cast)
    found: dict[frozenset, Candidate] = {}

    def add(key: str, kind: str, names: set[str], mentions: Iterable[int] = ()) -> Candidate | None:
        words = frozenset(_words(key))
        if not words:
            return None
        cand = found.get(words)
        if cand is None:
            cand = found[words] = Candidate(key, kind)
        cand.names |= {n for n in names if n and len(n) > 1}
        cand.mentions = sorted(set(cand.mentions) | set(mentions))
        return cand

    add(AUTHOR, "author", set())
    for entity in cast.entities:
        key = entity_key(entity, memory)
        names = {entity.name, *entity.aliases}
        cand = add(key, entity.kind, names, entity.mentions)
        if entity.kind == "person" and entity.body and cand is not None:
            cand.person_body = True
            add(entity.name, "person", {entity.name}, entity.mentions)  # the person themself
    for claim in claims:
        cand = add(claim.claimant_key, "neighbour", {claim.claimant} if claim.claimant_key != AUTHOR else set())
        if cand is not None:
            cand.neighbour = True
    text = document.text
    for cand in found.values():
        for name in cand.names:
            for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
                cand.mentions.append(m.start())
        cand.mentions = sorted(set(cand.mentions))
    return list(found.values())


FEATURES = (
    "rules", "author", "author_x_rules", "org", "person", "person_body", "neighbour_only", "publisher",
    "same_sentence", "same_sentence_speech", "prev_sentence", "prev_sentence_speech", "next_sentence",
    "in_headline", "in_lede", "log_chars_before", "log_chars_after", "none_before",
    "log_mentions", "first_mention_rank", "key_words", "rules_author", "rules_words_subset",
    "longer_than_rules", "neighbour_count", "same_paragraph",
    "last_speaker", "speaker_back_rank", "lede_speaker", "mention_share", "next_speaker_in_paragraph",
    "shares_word_with_rules", "near_rules_mention",
)


@dataclass
class DocumentContext:
    document: Document
    sentences: list
    titles: set[int]
    lede_end: int
    publisher_words: list[frozenset]
    neighbour_keys: list[str]
    speeches: list[tuple[int, int]] = field(default_factory=list)  # (sentence start, candidate id) for speech sentences
    total_mentions: int = 1


def document_context(document: Document, claims: list[Claim]) -> DocumentContext:
    sentences = split_sentences(document.text)
    titles = headlines(document.text, sentences)
    body = [s for s in sentences if s.start not in titles]
    lede_end = body[1].end if len(body) > 1 else (body[0].end if body else 0)
    publishers = [*outlet_names(document)]
    own = own_body(document)
    if own:
        publishers.append(own)
    return DocumentContext(document, sentences, titles, lede_end, [frozenset(_words(p)) for p in publishers if _words(p)],
                           [c.claimant_key for c in claims])


def _sentence_at(ctx: DocumentContext, offset: int) -> int:
    for i, s in enumerate(ctx.sentences):
        if s.start <= offset < s.end + 1:
            return i
    return max(0, sum(1 for s in ctx.sentences if s.start <= offset) - 1)


def add_speeches(ctx: DocumentContext, cands: list[Candidate]) -> None:
    """Which candidates each sentence with a speech verb names, in text order."""
    for s in ctx.sentences:
        if SPEECH.search(s.text):
            for c in cands:
                if c.key != AUTHOR and any(s.start <= m < s.end for m in c.mentions):
                    ctx.speeches.append((s.start, id(c)))
    ctx.total_mentions = max(1, sum(len(c.mentions) for c in cands))


def speaker_features(ctx: DocumentContext, claim: Claim, cand: Candidate) -> list[float]:
    """Is the candidate the last one named beside a speech verb before the figure, how many
    speakers back, a speaker of the headline or lede, the next speaker in the paragraph."""
    back: list[int] = []
    for start, who in reversed([e for e in ctx.speeches if e[0] <= claim.start]):
        if who not in back:
            back.append(who)
    rank = back.index(id(cand)) if id(cand) in back else 5
    lede = any(who == id(cand) and start < ctx.lede_end for start, who in ctx.speeches)
    paragraph_end = ctx.document.text.find("\n\n", claim.end)
    paragraph_end = len(ctx.document.text) if paragraph_end < 0 else paragraph_end
    after = [who for start, who in ctx.speeches if claim.start < start < paragraph_end]
    return [float(rank == 0), min(rank, 5) / 5, float(lede), len(cand.mentions) / ctx.total_mentions, float(bool(after) and after[0] == id(cand))]


def features(ctx: DocumentContext, claim: Claim, cand: Candidate, rules_key: str, first_rank: int, rules_mentions: Iterable[int] = ()) -> list[float]:
    text = ctx.document.text
    is_author = cand.key == AUTHOR
    here = _sentence_at(ctx, claim.start)
    sentence = ctx.sentences[here] if ctx.sentences else None
    prev = ctx.sentences[here - 1] if here > 0 else None
    nxt = ctx.sentences[here + 1] if here + 1 < len(ctx.sentences) else None

    def mentioned(s) -> bool:
        return s is not None and any(s.start <= m < s.end for m in cand.mentions)

    def speech_in(s) -> bool:
        return s is not None and mentioned(s) and SPEECH.search(s.text) is not None

    before = [claim.start - m for m in cand.mentions if m < claim.start]
    after = [m - claim.end for m in cand.mentions if m >= claim.end]
    words = frozenset(_words(cand.key))
    rules_words = frozenset(_words(rules_key))
    paragraph_start = text.rfind("\n\n", 0, claim.start)
    paragraph_end = text.find("\n\n", claim.end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    same = cand.key == rules_key or words == rules_words
    return [
        float(same),
        float(is_author),
        float(is_author and same),
        float(cand.kind == "org"),
        float(cand.kind == "person"),
        float(cand.person_body),
        float(cand.kind == "neighbour"),
        float(any(words and words <= p or p <= words for p in ctx.publisher_words)),
        float(mentioned(sentence)),
        float(speech_in(sentence)),
        float(mentioned(prev)),
        float(speech_in(prev)),
        float(mentioned(nxt)),
        float(any(m in ctx.titles or any(s <= m < s + 200 and s in ctx.titles for s in ctx.titles) for m in cand.mentions)),
        float(any(m < ctx.lede_end for m in cand.mentions)),
        np.log1p(min(before)) / 10 if before else 1.0,
        np.log1p(min(after)) / 10 if after else 1.0,
        float(not before),
        np.log1p(len(cand.mentions)),
        min(first_rank, 10) / 10,
        min(len(words), 8) / 8,
        float(rules_key == AUTHOR),
        float(bool(words) and words < rules_words),
        float(bool(rules_words) and rules_words < words),
        np.log1p(sum(1 for k in ctx.neighbour_keys if frozenset(_words(k)) == words)),
        float(any(paragraph_start <= m < paragraph_end for m in cand.mentions)),
        *speaker_features(ctx, claim, cand),
        len(words & rules_words - _GENERIC) / max(1, len(words | rules_words)) if not same else 0.0,
        float(not same and any(abs(m - r) < 80 for m in cand.mentions for r in rules_mentions)),
    ]


def build(name: str) -> list[dict]:
    """One group per predicted claim matched to gold: the candidates' features and labels."""
    folder = NEWS / name
    documents = read_folder(folder, NEWS_KINDS)
    gold = read_gold(folder / "gold.jsonl")
    groups = []
    for document, claims in zip(documents, extract_claims_many(documents)):
        golds = [g for g in gold if g["file"] == document.file]
        preds = [c.to_dict() for c in claims]
        matches = _match(preds, golds)
        cands = candidates_of(document, claims)
        ctx = document_context(document, claims)
        add_speeches(ctx, cands)
        firsts = sorted(cands, key=lambda c: c.mentions[0] if c.mentions else 10**9)
        rank = {id(c): i for i, c in enumerate(firsts)}
        by_id = {id(p): c for p, c in zip(preds, claims)}
        for p, g in matches:
            claim = by_id[id(p)]
            offered = list(cands)
            if not any(c.key == claim.claimant_key for c in offered):
                offered.append(Candidate(claim.claimant_key, "neighbour", neighbour=True))
            chosen = next(c for c in offered if frozenset(_words(c.key)) == frozenset(_words(claim.claimant_key)))
            rows = [features(ctx, claim, c, claim.claimant_key, rank.get(id(c), 10), chosen.mentions) for c in offered]
            labels = [claimants_agree(c.key, g["claimant_key"]) for c in offered]
            flags = [
                float(claim.claimant_key == AUTHOR),
                float(chosen.kind == "neighbour"),  # the rules' claimant is no body or person of the cast
                float(chosen.kind == "person"),
                float(claim.claimant_key[:1].islower() and claim.claimant_key != AUTHOR),  # a description
                float(ctx.neighbour_keys.count(claim.claimant_key) == 1),  # the rules gave it to this claim only
            ]
            groups.append({
                "file": document.file, "x": np.array(rows), "y": np.array(labels, dtype=float),
                "keys": [c.key for c in offered], "gold": g["claimant_key"],
                "rules_right": claimants_agree(claim.claimant_key, g["claimant_key"]), "flags": np.array(flags),
            })
    return groups


FLAGS = ("rules_author", "rules_outside_cast", "rules_person", "rules_description", "rules_single")
LATER = ("heldback5", "heldback6", "heldback7")


def plain(group: dict) -> np.ndarray:
    return group["x"]


def flagged(group: dict) -> np.ndarray:
    """The candidate features, then each again for every flag the rules' choice raises (how far
    to trust the rules depends on what kind of choice they made)."""
    x = group["x"]
    return np.hstack([x] + [x * flag for flag in group["flags"]])


def fit(groups: list[dict], design: Callable[[dict], np.ndarray], l2: float) -> np.ndarray:
    """A conditional logit (softmax over each claim's candidates) with an L2 penalty, fitted by
    L-BFGS; the target spreads its mass over every right candidate."""
    usable = [g for g in groups if g["y"].sum() > 0]
    x = np.vstack([design(g) for g in usable])
    y = np.concatenate([g["y"] / g["y"].sum() for g in usable])
    sizes = np.array([len(g["y"]) for g in usable])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    owner = np.repeat(np.arange(len(usable)), sizes)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        top = np.maximum.reduceat(s, starts)
        e = np.exp(s - top[owner])
        total = np.add.reduceat(e, starts)
        p = e / total[owner]
        value = -(y @ s - np.sum(np.log(total) + top)) + 0.5 * l2 * w @ w
        return value, -(x.T @ (y - p)) + l2 * w

    return minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x


def right(group: dict, scores: np.ndarray, margin: float) -> bool:
    """Is the chosen candidate right: the best scored, unless it beats the rules' by ``margin`` or less."""
    best, rules = int(np.argmax(scores)), int(np.argmax(group["x"][:, 0]))
    return bool(group["y"][best if scores[best] - scores[rules] > margin else rules])


VARIANTS = {"plain": (plain, 0.0), "flags": (flagged, 0.0), "flags_margin1": (flagged, 1.0)}


def leave_one_set_out(data: dict[str, list[dict]], l2: float) -> dict[str, dict]:
    table = {}
    for name in SETS:
        test = data[name]
        row = {"matched": len(test), "rules": sum(g["rules_right"] for g in test) / len(test)}
        for variant, (design, margin) in VARIANTS.items():
            w = fit([g for other in SETS if other != name for g in data[other]], design, l2)
            row[variant] = sum(right(g, design(g) @ w, margin) for g in test) / len(test)
        row["ceiling"] = sum(bool(g["y"].any()) for g in test) / len(test)
        table[name] = {k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}
        print(f"{name:11s} n={len(test):4d} " + " ".join(f"{k} {v:.3f}" for k, v in table[name].items() if k != "matched"), flush=True)
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=10.0, help="L2 penalty of the logit")
    parser.add_argument("--cache", type=Path, help="pickle of the candidate features, to re-fit without re-extracting")
    args = parser.parse_args()
    if args.cache is not None and args.cache.exists():
        data = pickle.loads(args.cache.read_bytes())
    else:
        data = {name: build(name) for name in SETS}
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps(data))
    table = leave_one_set_out(data, args.l2)
    columns = ("rules", *VARIANTS, "ceiling")
    later = {k: round(float(np.mean([table[s][k] for s in LATER])), 4) for k in columns}
    gains = {v: round(later[v] - later["rules"], 4) for v in VARIANTS}
    worst = {v: round(min(table[s][v] - table[s]["rules"] for s in SETS), 4) for v in VARIANTS}
    print("heldback5-7 mean", later, "gain", gains, "worst set change", worst)
    w = fit([g for name in SETS for g in data[name]], flagged, args.l2)
    names = [*FEATURES, *(f"{f}*{flag}" for flag in FLAGS for f in FEATURES)]
    weights = {n: round(float(v), 3) for n, v in zip(names, w)}
    out = ROOT / "benchmarks" / "results" / "chooser_experiment.json"
    out.write_text(json.dumps({
        "l2": args.l2, "leave_one_set_out": table, "heldback5_7_mean": later, "heldback5_7_gain": gains,
        "worst_set_change": worst, "flags_weights_all_sets": weights,
    }, indent=2) + "\n")


if __name__ == "__main__":
    main()
