"""Who is who across documents: one claimant however the texts write it.

    claims = reviewed_claims(case)              # as extracted, reviewers' corrections applied
    claimants = load_claimants(case, claims)    # the case's claims seen through its alias table
    claimants.key(claim)                        # the claimant a claim counts for
    claimants.label(claim)                      # what a reader sees: "Kavir Daily's own count"
    claimant_rows(claims, claimants)            # per claimant: claims, documents, names written
    merge_claimants(case, ["opposition coalition", "opposition"], into="Democratic Tomorrow Coalition")
    rename_claimant(case, "DTC", to="Democratic Tomorrow Coalition")
    split_claimant(case, "Democratic Tomorrow Coalition", names=["opposition"])

A claim's claimant is resolved at read time, in this order:

1. its claimant key as extracted (``claims.claimant_key``, never overwritten; reviewers'
   corrections, when the case has them, are applied to the claims before they get here);
2. a document speaking in its own voice (the key ``author``) is its outlet: the publisher,
   else the file, and reads as "<outlet>'s own count" — never as the word "author";
3. names that differ only in case, punctuation or a leading "the" are one claimant
   ("interior ministry", "the Interior Ministry"), spelled as most claims spell it;
4. the case's alias table: an alias for the claim's document first, then one for every document.

This module is the only one that reads or writes ``claimant_aliases`` (migration 012).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reckon.articles.document import Document
from reckon.case import Case, now
from reckon.claims.model import AUTHOR, Claim
from reckon.errors import InputError

EVERY_DOCUMENT = ""  # the `document` column of an alias that applies everywhere
OWN_COUNT = "{}'s own count"


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A name compared as people read it: case, punctuation and a leading "the" ignored."""
    words = re.findall(r"\w+", name.casefold())
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def own_count_label(outlet: str) -> str:
    """How a document's own voice is shown: "Harbour Daily's own count" (or the file's)."""
    return OWN_COUNT.format(outlet)


@dataclass(frozen=True)
class Alias:
    """One row of the alias table: ``name`` is ``claimant`` (in one document, or everywhere)."""

    name: str
    claimant: str
    document: str | None = None  # SHA-256 of the document it applies to; None = every document
    added_at: str | None = None
    added_by: str | None = None


class Claimants:
    """Resolves claims to claimants: own voice to its outlet, spellings to one, aliases applied.

    Pure: built from claims, their documents and alias rows, so the ledger can use it on
    files without a case (``Claimants(claims, documents)`` has no aliases).
    """

    def __init__(self, claims: Iterable[Claim], documents: Iterable[Document] = (), aliases: Iterable[Alias] = ()) -> None:
        documents, aliases = list(documents), tuple(aliases)
        self._publisher_by_sha = {d.sha256: d.publisher for d in documents if d.publisher}
        self._publisher_by_file = {d.file: d.publisher for d in documents if d.publisher}
        self._sha_by_file = {d.file: d.sha256 for d in documents}
        claims = list(claims)
        self._spelling = _spellings(self.written_key(c) for c in claims)
        self._everywhere: dict[str, str] = {}
        self._in_document: dict[tuple[str, str], str] = {}
        for alias in aliases:
            if alias.document:
                self._in_document[(fold(alias.name), alias.document)] = alias.claimant
            else:
                self._everywhere[fold(alias.name)] = alias.claimant
        self._aliases = aliases
        self._written: dict[str, set[str]] = defaultdict(set)  # a name as written -> the claimants it stands for
        self._names_in: dict[str, set[str]] = defaultdict(set)  # document -> the names written in it, folded
        for claim in claims:
            self._names_in[self.document_of(claim)].add(fold(self.written_key(claim)))
            if not self.own_voice(claim):
                self._written[fold(claim.claimant)].add(self.key(claim))

    # -- one claim ------------------------------------------------------------------
    @staticmethod
    def own_voice(claim: Claim) -> bool:
        """Whether the document speaks in its own voice (no one else is credited)."""
        return claim.claimant_key == AUTHOR

    def outlet(self, claim: Claim) -> str:
        """The outlet a document's own voice belongs to: its publisher, else its file."""
        return (
            self._publisher_by_sha.get(claim.document_sha256 or "")
            or self._publisher_by_file.get(claim.file)
            or claim.file
        )

    def written_key(self, claim: Claim) -> str:
        """The claim's claimant before aliases: the extracted key, or the outlet for its own voice."""
        return self.outlet(claim) if self.own_voice(claim) else claim.claimant_key

    def document_of(self, claim: Claim) -> str:
        return claim.document_sha256 or self._sha_by_file.get(claim.file, "")

    def key(self, claim: Claim) -> str:
        """The claimant a claim counts for, after spellings and the case's aliases."""
        name = fold(self.written_key(claim))
        found = self._in_document.get((name, self.document_of(claim))) or self._everywhere.get(name)
        return found or self._spelling.get(name) or self.written_key(claim)

    def label(self, claim: Claim) -> str:
        """What a reader sees for this claim's claimant."""
        key = self.key(claim)
        return own_count_label(key) if self.own_voice(claim) else key

    # -- names --------------------------------------------------------------------
    def resolve_name(self, text: str | None) -> str | None:
        """A free-text name (who disputes a figure) as the claimant it names, when that is unambiguous."""
        if not text:
            return text
        name = fold(text)
        if name in self._everywhere:
            return self._everywhere[name]
        if name in self._spelling:
            return self.claimant_of(text)
        written = self._written.get(name, set())
        return next(iter(written)) if len(written) == 1 else text

    def claimant_of(self, name: str) -> str | None:
        """The claimant a name stands for in every document (None when the case has no such name)."""
        folded = fold(name)
        if folded in self._everywhere:
            return self._everywhere[folded]
        if folded in self._spelling:
            return self._spelling[folded]
        targets = sorted({a.claimant for a in self._aliases if fold(a.claimant) == folded})
        return targets[0] if targets else None

    def spelling(self, name: str) -> str:
        """A name as the case's claims most often spell it (the name itself when no claim does)."""
        return self._spelling.get(fold(name), name)

    def written_in(self, name: str, document: str) -> bool:
        """Whether a claim of ``document`` (SHA-256) is written with this name."""
        return fold(name) in self._names_in.get(document, set())

    @property
    def aliases(self) -> tuple[Alias, ...]:
        return self._aliases


def _spellings(names: Iterable[str]) -> dict[str, str]:
    """For each folded name, the spelling to show: the most used, then the one with most capitals."""
    counts = Counter(names)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], -sum(ch.isupper() for ch in item[0]), item[0]))
    spelling: dict[str, str] = {}
    for name, _ in ranked:
        spelling.setdefault(fold(name), name)
    return spelling


# -- the claimants of a case, for listing -----------------------------------------
@dataclass(frozen=True)
class ClaimantRow:
    """One claimant of the case: how often it claims, where, and how the texts write it."""

    claimant: str  # the key to use in `reckon claimants merge/rename/split`
    label: str  # as the ledger and report show it
    claims: int
    documents: int
    names: tuple[str, ...]  # as written in the texts, most used first ("own voice of a.txt" for an outlet)
    merged_from: tuple[str, ...]  # names the alias table maps here


def claimant_rows(claims: Iterable[Claim], claimants: Claimants) -> list[ClaimantRow]:
    """Every claimant with its claims, documents and names; most claims first."""
    by_key: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_key[claimants.key(claim)].append(claim)
    merged: dict[str, set[str]] = defaultdict(set)
    for alias in claimants.aliases:
        if fold(alias.name) != fold(alias.claimant):
            merged[alias.claimant].add(alias.name)
    rows = []
    for key, found in by_key.items():
        names = Counter(
            f"own voice of {c.file}" if claimants.own_voice(c) else c.claimant.strip() for c in found
        )
        own_only = all(claimants.own_voice(c) for c in found)
        rows.append(ClaimantRow(
            claimant=key,
            label=own_count_label(key) if own_only else key,
            claims=len(found),
            documents=len({claimants.document_of(c) or c.file for c in found}),
            names=tuple(name for name, _ in sorted(names.items(), key=lambda item: (-item[1], item[0]))),
            merged_from=tuple(sorted(merged.get(key, ()))),
        ))
    rows.sort(key=lambda row: (-row.claims, row.claimant.casefold()))
    return rows


# -- the table ---------------------------------------------------------------------
def load_aliases(case: Case) -> list[Alias]:
    rows = case.rows("SELECT name, claimant, document, added_at, added_by FROM claimant_aliases ORDER BY added_at, name")
    return [
        Alias(r["name"], r["claimant"], r["document"] or None, str(r["added_at"]), r["added_by"]) for r in rows
    ]


def reviewed_claims(case: Case) -> list[Claim]:
    """The claims the ledger, the report and `reckon claimants` read: as extracted, with any
    reviewer's corrections applied (corrections first, then aliases through ``Claimants``).

    The one place where a corrections layer plugs in; the stored claims are never changed.
    """
    from reckon.claims.corrections import corrected_claims
    from reckon.claims.store import load_claims_by_id

    return corrected_claims(case, load_claims_by_id(case))


def load_claimants(case: Case, claims: Sequence[Claim] | None = None, documents: Sequence[Document] | None = None) -> Claimants:
    """The case's claims seen through its alias table (claims and documents loaded when not given)."""
    from reckon.articles.store import load_documents

    claims = reviewed_claims(case) if claims is None else claims
    documents = load_documents(case) if documents is None else documents
    return Claimants(claims, documents, load_aliases(case))


def merge_claimants(case: Case, names: Sequence[str], *, into: str, document: str | None = None) -> list[str]:
    """Make every name in ``names`` (and every name already merged into one of them) the claimant ``into``.

    With ``document`` (a stored file name or SHA-256), only that document's claims move:
    for a description such as "the opposition" that means different bodies in different texts.
    Returns the names now mapped to ``into``.
    """
    into = into.strip()
    if not into:
        raise InputError("The claimant to merge into is empty.", fix="give a name with --into.")
    claimants = load_claimants(case)
    sources = [_known_name(claimants, name) for name in names]
    target = claimants.claimant_of(into) or into
    sha = _document_sha(case, document) if document else EVERY_DOCUMENT
    for source in sources:
        if sha and not claimants.written_in(source, sha):
            raise InputError(f"No claim of “{source}” in {document}.", fix="leave out --document to merge it everywhere.")
    moved = []
    with case.transaction():
        for source in sources:
            if fold(source) == fold(target) and not sha:
                continue
            if not sha:  # whatever was merged into the source follows it (the table stays flat)
                _retarget(case, source, target)
            _put(case, source, target, sha)
            moved.append(source)
        _drop_self_aliases(case)
        case.audit("claimants.merge", names=moved, into=target, document=document, document_sha256=sha or None)
    return moved


def rename_claimant(case: Case, name: str, *, to: str) -> str:
    """Give a claimant another name; refuses a name another claimant has (merge them instead)."""
    claimants = load_claimants(case)
    source = _known_name(claimants, name)
    current = claimants.claimant_of(source) or source
    taken = claimants.claimant_of(to)
    if taken is not None and fold(taken) != fold(current):
        raise InputError(
            f"“{to}” is already a claimant of this case.",
            fix=f"merge them instead: reckon claimants merge \"{current}\" --into \"{taken}\"",
        )
    with case.transaction():
        _retarget(case, current, to)
        _put(case, current, to, EVERY_DOCUMENT)
        _drop_self_aliases(case)
        case.audit("claimants.rename", name=current, to=to)
    return to


def split_claimant(case: Case, claimant: str, *, names: Sequence[str] = (), document: str | None = None) -> list[str]:
    """Undo merges: the given names (default: every name merged into ``claimant``) stand alone again.

    With ``document``, only that document's claims of those names stand alone (an alias for
    that one document that keeps the name as it is written).
    """
    claimants = load_claimants(case)
    target = claimants.claimant_of(claimant)
    merged = [a for a in claimants.aliases if target is not None and fold(a.claimant) == fold(target)]
    wanted = {fold(n) for n in names}
    chosen = sorted({a.name for a in merged if fold(a.name) != fold(a.claimant) and (not wanted or fold(a.name) in wanted)})
    if target is None or not chosen:
        raise InputError(
            f"No merged name to split from “{claimant}”.",
            fix="`reckon claimants` shows, for each claimant, the names merged into it.",
        )
    missing = wanted - {fold(n) for n in chosen}
    if missing:
        raise InputError(f"“{sorted(missing)[0]}” is not merged into “{target}”.", fix="`reckon claimants` lists the merged names.")
    sha = _document_sha(case, document) if document else EVERY_DOCUMENT
    with case.transaction():
        for name in chosen:
            if sha:
                _put(case, name, name, sha)
            else:
                _delete(case, name, target)
        case.audit("claimants.split", claimant=target, names=chosen, document=document, document_sha256=sha or None)
    return chosen


def _known_name(claimants: Claimants, name: str) -> str:
    found = claimants.claimant_of(name)
    if found is None and not any(fold(a.name) == fold(name) for a in claimants.aliases):
        raise InputError(
            f"No claimant “{name}” in this case.",
            fix="`reckon claimants` lists them (names match ignoring case and punctuation).",
        )
    return claimants.spelling(name)


def _document_sha(case: Case, document: str) -> str:
    from reckon.articles.store import document_summaries

    for summary in document_summaries(case):
        if document in (summary["file"], summary["sha256"]) or (len(document) >= 8 and str(summary["sha256"]).startswith(document)):
            return str(summary["sha256"])
    raise InputError(f"No document “{document}” in this case.", fix="`reckon articles list` shows the stored files.")


def _put(case: Case, name: str, claimant: str, document: str) -> None:
    case.con.execute("DELETE FROM claimant_aliases WHERE name_fold = ? AND document = ?", [fold(name), document])
    case.con.execute(
        "INSERT INTO claimant_aliases (name_fold, name, document, claimant, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)",
        [fold(name), name, document, claimant, now(), case.actor],
    )


def _retarget(case: Case, old: str, new: str) -> None:
    """Names merged into ``old`` now resolve to ``new`` (the table never holds chains)."""
    rows = case.rows("SELECT name_fold, document, claimant FROM claimant_aliases")
    for row in rows:
        if fold(row["claimant"]) == fold(old):
            case.con.execute(
                "UPDATE claimant_aliases SET claimant = ? WHERE name_fold = ? AND document = ?",
                [new, row["name_fold"], row["document"]],
            )


def _delete(case: Case, name: str, claimant: str) -> None:
    """Remove the aliases of ``name`` to ``claimant`` (everywhere and per document)."""
    for row in case.rows("SELECT document, claimant FROM claimant_aliases WHERE name_fold = ?", [fold(name)]):
        if fold(row["claimant"]) == fold(claimant):
            case.con.execute(
                "DELETE FROM claimant_aliases WHERE name_fold = ? AND document = ?", [fold(name), row["document"]]
            )


def _drop_self_aliases(case: Case) -> None:
    """An alias of a name to itself, spelled the same, for every document says nothing.

    One that spells it otherwise ("interior ministry" -> "Interior Ministry") sets the spelling;
    one for a single document overrides an alias for every document (a split).
    """
    case.con.execute("DELETE FROM claimant_aliases WHERE document = '' AND name = claimant")
