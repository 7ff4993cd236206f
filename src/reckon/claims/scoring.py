"""Scoring extracted claims against a gold standard (seeds/gold.jsonl format).

A predicted claim matches a gold claim when they share the file, the category and both
figures (low, high), and the predicted quote — or one of its alt_quotes — overlaps the gold
quote's span. Matching is one-to-one, in text order. Among matches, the claimant is right
when the keys agree after normalising case and punctuation, or when one key's words all
appear in the other ("Interior Ministry" ~ "Velorian Interior Ministry") and are not only
generic words. A one-word key agrees with a longer one only as its head word ("government" ~
"Velorian government") or when the longer adds one generic word ("Amnesty" ~ "Amnesty
International"): a lone "Veloria" does not name the "Veloria Rights Monitor". "U.N." and
"United Nations" read as "UN".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from reckon.claims.claimants import KNOWN_CLAIMANTS
from reckon.claims.model import Claim

# Words that name no one in particular (no country's or event's names: the scorer is event-neutral).
_GENERIC = {
    "the", "of", "and", "for", "in", "ministry", "office", "group", "un", "news", "agency", "state",
    "media", "human", "rights", "international",
}


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """The gold claims of a .jsonl file, one JSON object per line."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def score_claims(predicted: Iterable[Claim | Mapping[str, Any]], gold: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Precision, recall, F1 and claimant accuracy (among matches) of ``predicted``."""
    preds = [p.to_dict() if isinstance(p, Claim) else dict(p) for p in predicted]
    golds = [dict(g) for g in gold]
    matches = _match(preds, golds)
    tp = len(matches)
    precision = tp / len(preds) if preds else 0.0
    recall = tp / len(golds) if golds else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    right = sum(claimants_agree(p["claimant_key"], g["claimant_key"]) for p, g in matches)
    return {
        "predicted": len(preds),
        "gold": len(golds),
        "matched": tp,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "claimant_accuracy": round(right / tp, 4) if tp else 0.0,
        "missed": [g.get("id") or g["quote"] for g in golds if not any(g is m[1] for m in matches)],
        "spurious": [f'{p["file"]}: {p["quote"]}' for p in preds if not any(p is m[0] for m in matches)],
    }


def claimants_agree(predicted: str, gold: str) -> bool:
    """Same claimant key, allowing for case, punctuation and a missing qualifier word."""
    a, b = _words(predicted), _words(gold)
    if a == b:
        return True
    same_body = _table_entry(predicted)
    if same_body is not None and same_body == _table_entry(gold):
        return True  # "WHO" and "World Health Organization": one body by reckon's shipped table
    shorter, longer = sorted((a, b), key=len)
    if not shorter or not shorter <= longer or not shorter - _GENERIC:
        return False
    if len(shorter) > 1:
        return True
    longer_key = gold if longer is b else predicted
    head = _ordered(longer_key)[-1]
    return shorter == {head} or (len(longer) == 2 and longer - shorter <= _GENERIC)


def _table_entry(key: str) -> str | None:
    """The shipped table's entry that ``key`` names in full (an alias, not a longer name holding one)."""
    return _TABLE_NAMES.get(" ".join(_ordered(key)))


def _words(key: str) -> set[str]:
    return set(_ordered(key))


def _ordered(key: str) -> list[str]:
    key = re.sub(r"\b([A-Za-z])\.(?=[A-Za-z]\.)|(?<=\b[A-Za-z]\.[A-Za-z])\.", r"\1", key)  # "U.N." is "UN"
    key = re.sub(r"(?i)\bunited\s+nations\b", "UN", key)  # "United Nations Mission in X" is "UN Mission in X"
    return re.findall(r"\w+", key.lower().replace("’s", "").replace("'s", ""))


def _match(preds: list[dict[str, Any]], golds: list[dict[str, Any]]) -> list[tuple[dict, dict]]:
    matches, used = [], set()
    for gold in sorted(golds, key=lambda g: (g["file"], g["start"])):
        for i, pred in enumerate(preds):
            if i not in used and _same_claim(pred, gold):
                used.add(i)
                matches.append((pred, gold))
                break
    return matches


def _same_claim(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    if (pred["file"], pred["category"]) != (gold["file"], gold["category"]):
        return False
    if (pred["figure_low"], pred["figure_high"]) != (gold["figure_low"], gold["figure_high"]):
        return False
    spans = [(pred["start"], pred["end"])] + [(q["start"], q["end"]) for q in pred.get("alt_quotes") or []]
    return any(start < gold["end"] and gold["start"] < end for start, end in spans)


def _table_names() -> dict[str, str]:
    """Every name of the shipped table, as _ordered reads it -> its entry (the first holding it)."""
    names: dict[str, str] = {}
    for entry, aliases in KNOWN_CLAIMANTS.items():
        for alias in (entry, *aliases):
            names.setdefault(" ".join(_ordered(alias)), entry)
    return names


_TABLE_NAMES = _table_names()
