"""Transcripts: a speaker label opens each paragraph and names who says it.

    MODERATOR: Good morning ...
    DANIELA ROSSETTI, HEAD OF MISSION: We verified that 212 civilians were killed ...
    QUESTION (Dovrin Herald): The regional authorities say 14 people were killed ...
    ROSSETTI: So far we have verified 12 deaths ...

A labelled paragraph is its speaker's ("we" included); a surname alone is the speaker labelled
in full before; a journalist's question relays what others say, through the journalist's
outlet (the ``via``); the chair speaks for no one. A document is read as a transcript only when
at least two paragraphs open with a label in capitals. A printed interview labels its
paragraphs in ordinary case ("Continental Observer: ...", "Inés Barreto: ..."): such a label
counts when it opens at least two paragraphs, as the two voices of an interview do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LABEL = re.compile(
    r"(?P<who>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,4})(?:,\s*(?P<role>[A-Z][A-Z.'’ -]{1,60}?))?"
    r"(?:\s*\((?P<outlet>[^()\n]{1,60})\))?:\s"
)
# "Inés Barreto: Because ...": a name in ordinary case, each word capitalised, then a colon
_NAME_LABEL = re.compile(r"(?P<who>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})(?P<role>(?!))?(?P<outlet>(?!))?:[ \t]+(?=[^\d\s])")
_AFFILIATION = re.compile(
    r"\b(?:minister|ministry|deputy|faction|party|bloc|caucus|spokes\w+|director|head|chair\w*|member|MP|senator|"
    r"governor|commissioner|ombuds\w+|prosecutor|general|president|secretary)\b",
    re.IGNORECASE,
)
_QUESTION = frozenset({"QUESTION", "Q", "QUESTIONER", "REPORTER", "JOURNALIST", "QUESTIONS"})
_NOT_SPEAKERS = frozenset({
    "CLAIM", "CLAIMS", "VERDICT", "RATING", "FACT", "FACTS", "CONTEXT", "SOURCE", "SOURCES", "NOTE", "NOTES", "UPDATE",
    "UPDATED", "CORRECTION", "SUMMARY", "BACKGROUND", "HIGHLIGHTS", "CONCLUSION", "WHAT", "WHY", "HOW", "EDITOR'S", "EDITOR’S",
    # a report's parts: "Annex: Deaths in custody" twice is two headings, not an interview's voice
    "ANNEX", "APPENDIX", "TABLE", "FIGURE", "CHART", "MAP", "BOX", "SECTION", "CHAPTER", "PART", "CASE", "METHODOLOGY",
    "INTRODUCTION", "FINDINGS", "RECOMMENDATIONS", "TIMELINE", "KEY", "UPDATES", "ANNEXES",
})
_CHAIR = frozenset({"MODERATOR", "CHAIR", "CHAIRPERSON", "HOST", "ANCHOR", "OPERATOR", "INTERPRETER", "PRESENTER"})


@dataclass(frozen=True)
class Label:
    """Who speaks in one paragraph of a transcript."""

    name: str  # as people read it: "Daniela Rossetti"
    role: str | None  # "Head of Mission"
    outlet: str | None = None  # a journalist's outlet: "Dovrin Herald"
    question: bool = False  # a journalist asking: relays others' figures
    chair: bool = False  # the moderator: speaks for no one


def speaker_labels(text: str, outlets: list[str] | tuple[str, ...] = ()) -> dict[int, Label]:
    """The label of each labelled paragraph, by the offset where its text starts; a label that
    names the publisher (``outlets``: "RADIO HORIZON ASIA:" in its own interview) asks questions."""
    publisher = {o.upper() for o in outlets}
    found: dict[int, Label] = {}
    speakers: list[Label] = []
    named = _name_labels(text)
    for line in re.finditer(r"(?:^|\n)[ \t]*(?=[A-Z])", text):
        start = line.end()
        label = _LABEL.match(text, start, start + 140) or named.get(start)
        if label is None:
            continue
        who = label.group("who").strip()
        words = set(who.upper().split())
        if words & _NOT_SPEAKERS:
            continue  # a fact-check's "CLAIM:", "VERDICT:", a report's "UPDATE:": headings, not people
        role = _readable(label.group("role")) if label.group("role") else None
        if role is None and label.group("outlet") and _AFFILIATION.search(label.group("outlet")):
            role = label.group("outlet")  # "M. KENZHEBAYEV (Minister of Internal Affairs):", "(Nur Zhol faction)": no journalist
        if words & _QUESTION or label.group("outlet") and not role:
            found[start] = Label(_readable(who), None, label.group("outlet"), question=True)
            continue
        if who.upper() in publisher:
            found[start] = Label(_readable(who), None, _readable(who), question=True)
            continue
        if words & _CHAIR:
            found[start] = Label(_readable(who), None, chair=True)
            continue
        if role is None:  # "ROSSETTI:" after "DANIELA ROSSETTI, HEAD OF MISSION:"
            role = next((s.role for s in reversed(speakers) if s.name.upper().split()[-1] == who.split()[-1]), None)
        speaker = Label(_readable(who), role)
        speakers.append(speaker)
        found[start] = speaker
    return found if len(found) >= 2 else {}


def _name_labels(text: str) -> dict[int, re.Match[str]]:
    """Ordinary-case labels that open at least two paragraphs, by where they start."""
    found = {m.start(): m for m in _NAME_LABEL.finditer(text) if m.start() == 0 or text[m.start() - 1] == "\n"}
    counts: dict[str, int] = {}
    for m in found.values():
        counts[m.group("who")] = counts.get(m.group("who"), 0) + 1
    return {
        start: m for start, m in found.items()
        if counts[m.group("who")] >= 2 and not {w.upper() for w in m.group("who").split()} & _NOT_SPEAKERS
    }


def answerer(labels: dict[int, Label], start: int) -> Label | None:
    """The speaker who answers the question labelled at ``start``: the next one who is neither
    asking nor chairing."""
    return next((labels[at] for at in sorted(labels) if at > start and not labels[at].question and not labels[at].chair), None)


def _readable(words: str) -> str:
    """"HEAD OF MISSION" -> "Head of Mission"."""
    small = {"of", "for", "the", "and", "in", "on", "to", "at"}
    parts = words.strip().lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(parts))
