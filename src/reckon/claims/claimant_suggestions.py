"""Likely merges of claimants, read from the case's own claims (never from a table in code).

    for s in suggest_merges(claims, claimants):
        print(s.name, "->", s.into, s.reasons, s.command)

A suggestion says why: each reason is something the case's documents show.

- **acronym**: "DTC" is the initials of "Democratic Tomorrow Coalition"; the "UN" of "UN
  Fact-Finding Panel" stands for "United Nations"; "Free Veloria Council (FVC)" is the council;
- **shorter name**: every word of "Parvaz Rights" is in "Parvaz Rights Collective";
- **the <head noun>**: a description the extractor kept as written ("opposition coalition")
  whose head noun ("coalition") is that of one named claimant;
- **speaker**: in one document the extractor read "Interior Ministry spokesperson Davood
  Kianfar" as speaking for the Interior Ministry, so "Davood Kianfar" elsewhere is suggested
  as the ministry;
- **same figures**: a description ("the opposition") claims only figures that one named
  claimant also claims (supporting evidence for the rules above; on its own only for a
  description with no name in it, and only when a shared figure is 100 or more: small
  numbers coincide);
- **country written two ways**: "Barsovia's defence ministry" in one article and "Barsovian
  Ministry of Defence" in another are one office (the same kind, the country's name and its
  adjective sharing a stem);
- **government called by another word**: "Horodets regional administration" and "Horodets
  regional authorities" (or "... government") are one body;
- **outlet from the file name**: a document speaking in its own voice whose publisher is
  unknown, and whose file name holds the words or the initials of one named claimant
  ("004_parvaz_rights.txt" and "Parvaz Rights Collective"; "03_vrm_report.txt" and "Veloria
  Rights Monitor"), is probably that claimant's own publication.

Each rule suggests a claimant only when exactly one other claimant fits it. Suggestions are
prompts: nothing changes until someone runs ``reckon claimants merge``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from reckon.case import Case
from reckon.claims.cast import ministry_parts, same_country
from reckon.claims.aliases import Claimants, fold, load_claimants, merge_claimants, reviewed_claims
from reckon.claims.model import Claim

_STOP = {"the", "of", "and", "for", "in", "on", "a", "an", "to", "at"}
DISTINCT_FIGURE = 100  # below this, two claimants' equal figures may well be a coincidence
_BRACKETED_ACRONYM = re.compile(r"\s*\(\s*[A-Z][A-Z.]{1,9}\s*\)?\s*$")


def _without_acronym(key: str) -> str:
    """ "Free Veloria Council (FVC)" -> "Free Veloria Council" """
    return _BRACKETED_ACRONYM.sub("", key)


@dataclass(frozen=True)
class Suggestion:
    """Merge ``name`` into ``into``, for these reasons."""

    name: str
    into: str
    reasons: tuple[str, ...]

    @property
    def command(self) -> str:
        return f'reckon claimants merge "{self.name}" --into "{self.into}"'

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "into": self.into, "reasons": list(self.reasons), "command": self.command}


@dataclass
class _Party:
    key: str
    claims: list[Claim]
    documents: set[str]
    figures: set[tuple[str, int, int | None]]

    @property
    def is_description(self) -> bool:
        """Kept as written, not a name: "opposition coalition", "doctor at Castrel Hospital"."""
        return self.key == self.key.lower() or self.key[:1].islower()

    @property
    def words(self) -> set[str]:
        return {w for w in fold(_without_acronym(self.key)).split() if w not in _STOP}

    @property
    def head(self) -> str:
        """The noun a phrase is about: its last word before any preposition ("doctor at X" -> doctor)."""
        words = fold(_without_acronym(self.key)).split()
        before = next((i for i, w in enumerate(words) if i and w in _STOP), len(words))
        return words[before - 1] if words else ""


def suggest_merges(claims: Iterable[Claim], claimants: Claimants) -> list[Suggestion]:
    """Likely merges among the case's claimants, each with the reasons the documents give."""
    claims = list(claims)
    parties, spellings = _collapse_acronym_spellings(_parties(claims, claimants))
    reasons: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for name, into in spellings.items():
        reasons[name][into].append(f"“{name}” is {into} with its acronym")
    for rule in (_acronyms, _shorter_names, _head_nouns, _speakers, _country_spellings, _government_words):
        for name, into, why in rule(parties, claims, claimants):
            if why not in reasons[name][into]:
                reasons[name][into].append(why)
    for name, into, why in _same_figures(parties, claims, claimants):
        # Sharing figures alone suggests a merge only for a description ("the opposition"),
        # and only with a figure big enough not to coincide by chance.
        shared_big = any(f[1] >= DISTINCT_FIGURE for f in parties[name].figures)
        pure_description = name == name.lower()  # no name inside it ("the opposition", not "... the APDK")
        if into in reasons.get(name, {}) or (pure_description and shared_big):
            reasons[name][into].append(why)
    for name, into, why in _outlets_by_file_name(parties, claims, claimants):
        reasons[name][into].append(why)
    found = []
    for name, targets in reasons.items():
        into = _one_target(targets)
        if into is not None:
            found.append(Suggestion(name, into, tuple(targets[into])))
    return _without_cycles(found, parties)


def _parties(claims: list[Claim], claimants: Claimants) -> dict[str, _Party]:
    """Named claimants (not only a document's own voice), with their documents and figures."""
    parties: dict[str, _Party] = {}
    for claim in claims:
        if claimants.own_voice(claim):
            continue
        key = claimants.key(claim)
        party = parties.setdefault(key, _Party(key, [], set(), set()))
        party.claims.append(claim)
        party.documents.add(claimants.document_of(claim) or claim.file)
        anchor = _anchor(claim)
        if anchor is not None:
            party.figures.add(anchor)
    return parties


def _collapse_acronym_spellings(parties: dict[str, _Party]) -> tuple[dict[str, _Party], dict[str, str]]:
    """ "Free Veloria Council (FVC)" and "Free Veloria Council" are one party for the rules;
    returns the parties left and {spelling with the acronym: the bare name}."""
    bare = {fold(p.key): p for p in parties.values() if _without_acronym(p.key) == p.key}
    spellings = {}
    for party in list(parties.values()):
        plain = bare.get(fold(_without_acronym(party.key)))
        if plain is not None and plain is not party:
            plain.claims += party.claims
            plain.documents |= party.documents
            plain.figures |= party.figures
            spellings[party.key] = plain.key
            del parties[party.key]
    return parties, spellings


def _anchor(claim: Claim) -> tuple[str, int, int | None] | None:
    """A figure as compared across claimants: category, number, and the top of a range."""
    if claim.qualifier == "vague":
        return None  # "dozens" in two texts is a coincidence, not a link
    low = claim.figure_low if claim.figure_low is not None else claim.figure_high
    if low is None:
        return None
    return (claim.category, low, claim.figure_high if claim.qualifier == "between" else None)


def _figure_text(anchor: tuple[str, int, int | None]) -> str:
    category, low, high = anchor
    return f"{low:,}–{high:,} {category}" if high is not None else f"{low:,} {category}"


# -- rules: each yields (name, into, reason) ---------------------------------------
Rule = Iterable[tuple[str, str, str]]


def _unique(name: str, candidates: list[str]) -> str | None:
    others = [c for c in candidates if c != name]
    return others[0] if len(others) == 1 else None


def _initials(key: str) -> str:
    words = [w for w in re.split(r"[\s-]+", key) if w and w.casefold() not in _STOP]
    return "".join(w[0] for w in words if w[0].isupper())


def _acronyms(parties: dict[str, _Party], claims: list[Claim], claimants: Claimants) -> Rule:
    names = [p.key for p in parties.values() if not p.is_description]
    for name in names:
        short = name.replace(".", "")
        if re.fullmatch(r"[A-Z]{2,8}", short):  # "DTC" -> "Democratic Tomorrow Coalition"
            into = _unique(name, [n for n in names if _initials(n) == short])
            if into:
                yield name, into, f"“{name}” is the initials of {into}"
        elif len(_initials(name)) >= 2:  # "United Nations" -> the "UN Fact-Finding Panel"
            letters = _initials(name)
            holders = [n for n in names if letters in re.findall(r"\b[A-Z]{2,8}\b", _without_acronym(n).replace(".", ""))]
            into = _unique(name, [n for n in holders if n.replace(".", "") != letters])
            if into:
                yield name, into, f"“{letters}” in {into} stands for {name}, and it is the only such body among the claimants"


_COUNTRY_OWNS = re.compile(r"^(?P<country>[A-Z][\w-]+)['’]s?\s+(?P<rest>[a-z][\w\s-]*)$")  # "Balqara's army"
_COUNTRY_FIRST = re.compile(r"^(?P<country>[A-Z][\w-]+)\s+(?P<rest>[a-z][\w\s-]*)$")  # "Balqaran army"


def _office(key: str) -> tuple[tuple[str, str], bool] | None:
    """(country as written, what of it) and whether the country is written as an owner
    ("Barsovia's defence ministry"); ministries in any of their usual forms."""
    owned = _COUNTRY_OWNS.match(key)
    parts = ministry_parts(key)
    if parts is not None:
        return parts, owned is not None
    if owned:
        return (owned.group("country"), fold(owned.group("rest"))), True
    first = _COUNTRY_FIRST.match(key)
    return ((first.group("country"), fold(first.group("rest"))), False) if first else None


def _country_spellings(parties: dict[str, _Party], claims: list[Claim], claimants: Claimants) -> Rule:
    """ "Barsovia's defence ministry" and "Barsovian Ministry of Defence": one office, its
    country written once as a name and once as an adjective."""
    offices = {p.key: office for p in parties.values() if (office := _office(p.key)) is not None}
    for name, (parts, owned) in offices.items():
        if not owned:
            continue  # the possessive spelling is the one to merge into the other
        fits = [other for other, (theirs, their_owned) in offices.items() if other != name and not their_owned and same_country(parts, theirs)]
        into = _unique(name, fits)
        if into:
            yield name, into, f"“{name}” and {into} are one office: the same {parts[1]}, its country written two ways"


_GOVERNMENT_WORDS = frozenset({"administration", "government", "authorities", "authority"})


def _government_words(parties: dict[str, _Party], claims: list[Claim], claimants: Claimants) -> Rule:
    """ "Horodets regional administration" and "Horodets regional authorities": one body, its
    kind of government named with another word (both directions; the smaller merges)."""
    def rest(key: str) -> frozenset[str] | None:
        words = fold(key).split()
        kind = [w for w in words if w in _GOVERNMENT_WORDS]
        if len(kind) != 1 or words[-1] != kind[0] or len(words) < 3:
            return None  # "the government" alone, or "government spokesman": nothing to join by
        return frozenset(w for w in words if w not in _GOVERNMENT_WORDS and w not in _STOP)

    bodies = {p.key: r for p in parties.values() if (r := rest(p.key))}
    for name, words in bodies.items():
        into = _unique(name, [other for other, theirs in bodies.items() if theirs == words])
        if into:
            yield name, into, f"“{name}” and {into} name one body, its government called by another word"


def _shorter_names(parties: dict[str, _Party], claims: list[Claim], claimants: Claimants) -> Rule:
    named = [p for p in parties.values() if not p.is_description]
    for party in parties.values():
        if not party.words:
            continue
        if len(party.words) == 1 and party.head not in party.words:
            continue
        # One word names a body only as its head noun ("the Monitor"), not from its middle ("General").
        longer = [p.key for p in named if party.words < p.words and (len(party.words) > 1 or party.head == p.head)]
        into = _unique(party.key, longer)
        if into:
            yield party.key, into, f"every word of “{party.key}” is in {into}"


def _head_nouns(parties: dict[str, _Party], claims: list[Claim], claimants: Claimants) -> Rule:
    named = [p for p in parties.values() if not p.is_description]
    for party in parties.values():
        if party.is_description and party.head:
            into = _unique(party.key, [p.key for p in named if p.head == party.head])
            if into:
                yield party.key, into, f"“the {party.head}”: {into} is the only {party.head} the case's claims name"


def _speakers(parties: dict[str, _Party], claims: list[Claim], claimants: Claimants) -> Rule:
    """A claimant named inside the words of a claim the extractor gave to another body."""
    named = {fold(p.key): p for p in parties.values() if not p.is_description}
    for claim in claims:
        body = claimants.key(claim)
        if claimants.own_voice(claim) or body not in parties or parties[body].is_description:
            continue
        written = f" {fold(claim.claimant)} "
        body_at = written.find(f" {fold(body)} ")
        body_end = body_at + len(fold(body)) + 1 if body_at >= 0 else 0
        for folded, person in named.items():
            at = written.find(f" {folded} ")
            if person.key == body or at < 0 or at < body_end:  # the person named after the body, not inside it
                continue
            # A person's full name beside a role ("spokesperson", "Minister"), sharing no word with
            # the body: not a text that is only the name, nor a place inside the body's name.
            if len(person.words) < 2 or written.strip() == folded or person.words & parties[body].words:
                continue
            if len(parties[body].documents) >= len(person.documents):
                yield person.key, body, f"in {claim.file} the extractor read “{claim.claimant}” as speaking for {body}"


def _same_figures(parties: dict[str, _Party], claims: list[Claim], claimants: Claimants) -> Rule:
    named = [p for p in parties.values() if not p.is_description]
    for party in parties.values():
        if not party.figures:
            continue
        into = _unique(party.key, [p.key for p in named if party.figures <= p.figures])
        if into:
            shown = ", ".join(_figure_text(f) for f in sorted(party.figures, key=lambda f: (f[0], f[1])))
            yield party.key, into, f"{into} claims the same figures ({shown})"


def _outlets_by_file_name(parties: dict[str, _Party], claims: list[Claim], claimants: Claimants) -> Rule:
    """An own voice known only by its file, whose file name holds one named claimant's words."""
    named = [p for p in parties.values() if not p.is_description and len(p.words) >= 1]
    outlets = {claimants.key(c) for c in claims if claimants.own_voice(c) and claimants.key(c) == c.file}
    for outlet in sorted(outlets):
        stem = outlet.rsplit(".", 1)[0]
        words = {w for w in re.findall(r"[^\W\d_]{3,}", stem.casefold()) if w not in _STOP}
        if not words:
            continue
        fits = [
            p.key for p in named
            if words <= p.words or (len(p.words) >= 2 and p.words <= words)
            or (len(_initials(p.key)) >= 3 and _initials(p.key).casefold() in words)
        ]
        into = _unique(outlet, fits)
        if into:
            yield outlet, into, f"the file name {outlet} holds the words of {into}, and its publisher is unknown"


# -- choosing -------------------------------------------------------------------------
def _one_target(targets: dict[str, list[str]]) -> str | None:
    """The claimant the reasons point to; when they point to several, the one most reasons name."""
    ranked = sorted(targets.items(), key=lambda item: -len(item[1]))
    if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
        return None
    return ranked[0][0]


def _without_cycles(found: list[Suggestion], parties: dict[str, _Party]) -> list[Suggestion]:
    """Of A -> B and B -> A keep the one that merges the claimant with fewer claims."""
    pairs = {(s.name, s.into): s for s in found}
    kept = []
    def claims(name: str) -> int:
        return len(parties[name].claims) if name in parties else 0

    for s in found:
        back = pairs.get((s.into, s.name))
        if back is None or claims(s.name) < claims(s.into) or (claims(s.name) == claims(s.into) and s.name < s.into):
            kept.append(s)
    return sorted(kept, key=lambda s: (s.into.casefold(), s.name.casefold()))


def merge_suggested(case: Case) -> list[Suggestion]:
    """Accept every suggestion the case's claims give now (each merge audited); returns them.

    For a quick start (the demo runs it); ``split_claimant`` undoes any of them.
    """
    claims = reviewed_claims(case)
    suggestions = suggest_merges(claims, load_claimants(case, claims))
    with case.transaction():
        for suggestion in suggestions:
            merge_claimants(case, [suggestion.name], into=suggestion.into)
    return suggestions
