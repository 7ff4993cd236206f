"""From article files to stored claims: the workflows the CLI and the web UI share.

    report = add_articles(case, ["a.txt", "b.html"], date="2031-03-04")
    print(report.summary())                 # "2 added (17 claims), 0 already in the case, 0 failed"
    found = claims_from_files(["a.txt"])    # no case: read and extract, for a quick look
    list_articles(case)                     # one row per stored document with its claim count

Adding is idempotent: a file whose SHA-256 is already stored is reported as "already in
the case" and left alone. Each file is read and its claims extracted first (outside any
transaction, the slow part); then the document, its claims and one audit row are written
in one transaction, so a failure never leaves a document without its claims.
A file that cannot be read is reported with its message; the other files still go in.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from reckon.articles.document import Document
from reckon.articles.read import DEFAULT_MAX_BYTES, DEFAULT_MAX_CHARS, check_date, read_article
from reckon.articles.store import document_exists, document_summaries, insert_document
from reckon.case import Case
from reckon.claims.conventions import VAGUE_CONVENTIONS
from reckon.claims.model import Claim
from reckon.claims.store import claim_counts, insert_claims
from reckon.errors import InputError, ReckonError

ADDED = "added"
ALREADY = "already in the case"
FAILED = "failed"
EXTRACT_BATCH = 32  # documents read and extracted together (the unit of work of a worker process)
FILES_PER_WORKER = EXTRACT_BATCH  # fewer files than this per core: fewer workers (see worker_count)


@dataclass(frozen=True)
class FileOutcome:
    """What happened to one file: added, already in the case, or failed (with the reason)."""

    path: str
    status: str
    sha256: str | None = None
    claims: int = 0
    error: str | None = None
    notes: tuple[str, ...] = ()


@dataclass
class AddReport:
    """The outcome of add_articles, one entry per file in the order given."""

    outcomes: list[FileOutcome] = field(default_factory=list)

    def _with(self, status: str) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def added(self) -> list[FileOutcome]:
        return self._with(ADDED)

    @property
    def already(self) -> list[FileOutcome]:
        return self._with(ALREADY)

    @property
    def failed(self) -> list[FileOutcome]:
        return self._with(FAILED)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        claims = sum(o.claims for o in self.added)
        return (
            f"{len(self.added)} added ({claims} claims), "
            f"{len(self.already)} already in the case, {len(self.failed)} failed"
        )


@dataclass
class FileClaims:
    """What claims_from_files found: the claims, and one outcome per file (notes, errors)."""

    claims: list[Claim]
    documents: list[Document]
    outcomes: list[FileOutcome]

    @property
    def ok(self) -> bool:
        return all(o.status != FAILED for o in self.outcomes)


def add_articles(
    case: Case,
    paths: Iterable[str | Path],
    *,
    date: str | None = None,
    vague: str = "reckon",
    encoding: str | None = None,
    max_bytes: int | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    on_file: Callable[[FileOutcome], None] | None = None,
) -> AddReport:
    """Read, extract and store each article; one transaction per file; never raises for one bad file.

    ``date`` is the publication date for files that state none; ``vague`` the convention
    for vague quantities ("reckon" or "acled"); ``on_file`` is called after each file
    (the CLI advances its progress bar there).
    """
    _check_options(date, vague)
    report = AddReport()
    paths = [Path(p) for p in paths]
    for start in range(0, len(paths), EXTRACT_BATCH):
        batch = paths[start : start + EXTRACT_BATCH]
        for outcome in _add_batch(case, batch, date, vague, encoding, (max_bytes, max_chars)):
            report.outcomes.append(outcome)
            if on_file is not None:
                on_file(outcome)
    return report


def worker_count(files: int) -> int:
    """Worker processes for ``files`` articles: one per core, but each with at least
    ``FILES_PER_WORKER`` files (a worker costs a fork and a pipe; a few files are read faster
    in one process)."""
    return max(1, min(os.cpu_count() or 1, files // FILES_PER_WORKER))


def claims_from_files(
    paths: Iterable[str | Path],
    *,
    date: str | None = None,
    vague: str = "reckon",
    encoding: str | None = None,
    max_bytes: int | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    processes: int | None = None,
) -> FileClaims:
    """Read and extract articles without a case; a file that cannot be read is a failed outcome.

    With ``processes`` > 1 each worker process reads and extracts its share of the files
    (reading, HTML and PDF above all, costs as much as extracting); files keep their order.
    None: as many workers as the machine has cores, once there are enough files to share.
    """
    _check_options(date, vague)
    paths = [Path(p) for p in paths]
    processes = processes or worker_count(len(paths))
    chunks = _chunks(paths, EXTRACT_BATCH)
    read = partial(
        _read_and_extract, date=date, vague=vague, encoding=encoding, max_bytes=max_bytes, max_chars=max_chars
    )
    if processes <= 1:
        results = [read(chunk) for chunk in chunks]
    else:
        from reckon.claims.extractor import worker_context  # loaded here once, inherited by forked workers

        with worker_context().Pool(processes) as pool:
            results = list(pool.imap(read, chunks))
    found = FileClaims([], [], [])
    for chunk in results:
        for outcome, document, claims in chunk:
            found.outcomes.append(outcome)
            if document is not None:
                found.documents.append(document)
                found.claims.extend(claims)
    return found


def _chunks(paths: list[Path], size: int) -> list[list[Path]]:
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def _read_and_extract(
    paths: list[Path], date: str | None, vague: str, encoding: str | None, max_bytes: int | None, max_chars: int
) -> list[tuple[FileOutcome, Document | None, list[Claim]]]:
    """One chunk of files, read and extracted (in a worker process when there are several)."""
    from reckon.claims.extractor import extract_claims_many

    documents, outcomes = [], []
    for path in paths:
        try:
            read = _read_with_notes(Path(path), date, encoding, (max_bytes, max_chars))
        except ReckonError as exc:
            outcomes.append((FileOutcome(str(path), FAILED, error=str(exc)), None))
            continue
        documents.append(read.document)
        outcomes.append((FileOutcome(str(path), ADDED, read.document.sha256, notes=read.notes), read.document))
    claims = iter(extract_claims_many(documents, vague=vague))
    return [(outcome, document, next(claims) if document is not None else []) for outcome, document in outcomes]


def list_articles(case: Case) -> list[dict[str, Any]]:
    """One row per stored document (file, kind, published, publisher, title, claims, sha256, ...)."""
    counts = claim_counts(case)
    rows = []
    for summary in document_summaries(case):
        row = {key: summary[key] for key in ("file", "kind", "published", "publisher", "title")}
        rows.append({**row, "claims": counts.get(summary["sha256"], 0), **{k: summary[k] for k in ("sha256", "encoding", "added_at")}})
    return rows


def store_document(case: Case, document: Document, claims: Sequence[Claim], *, vague: str = "reckon") -> bool:
    """Store one document and its claims in one transaction; False if it was already stored.

    Any failure (a claim the schema rejects, a locked database) rolls the whole file back
    and raises InputError naming the file.
    """
    import duckdb

    try:
        with case.transaction():
            if document_exists(case, document.sha256):
                return False
            insert_document(case, document)
            stored = insert_claims(case, document, claims, vague=vague)
            case.audit(
                "articles.add", file=document.file, sha256=document.sha256, kind=document.kind,
                claims=stored, vague=vague, encoding=document.encoding,
            )
    except duckdb.Error as exc:
        raise InputError(
            f"could not be stored, nothing was written ({exc})",
            file=document.file,
            fix="this is a bug if the claims came from reckon's extractor; please report it",
        ) from None
    return True


def _check_options(date: str | None, vague: str) -> None:
    """Fail before touching any file when the options cannot work."""
    if vague not in VAGUE_CONVENTIONS:
        raise InputError(f"unknown vague convention {vague!r}", fix=f"use one of {', '.join(VAGUE_CONVENTIONS)}")
    if date:
        check_date(date)


@dataclass(frozen=True)
class _ReadFile:
    """A file read and not yet stored: its document and what reading it noted."""

    path: Path
    document: Document
    notes: tuple[str, ...]


def _add_batch(
    case: Case, paths: list[Path], date: str | None, vague: str, encoding: str | None, limits: tuple[int | None, int]
) -> list[FileOutcome]:
    outcomes: list[FileOutcome | None] = [None] * len(paths)
    pending: list[tuple[int, _ReadFile]] = []
    for index, path in enumerate(paths):
        try:
            read = _read_with_notes(path, date, encoding, limits)
        except ReckonError as exc:
            outcomes[index] = FileOutcome(str(path), FAILED, error=str(exc))
            continue
        if document_exists(case, read.document.sha256):
            outcomes[index] = FileOutcome(str(path), ALREADY, read.document.sha256, notes=read.notes)
        else:
            pending.append((index, read))
    extracted = _extract_each([read for _, read in pending], vague)
    for (index, read), claims in zip(pending, extracted):
        outcomes[index] = claims if isinstance(claims, FileOutcome) else _store(case, read, claims, vague)
    return [outcome for outcome in outcomes if outcome is not None]


def _read_with_notes(path: Path, date: str | None, encoding: str | None, limits: tuple[int | None, int]) -> _ReadFile:
    """Read one file, keeping any warnings raised while reading it as notes; ``limits``: max bytes, max characters."""
    max_bytes, max_chars = limits
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        document = read_article(
            path, date=date, encoding=encoding, max_bytes=max_bytes or DEFAULT_MAX_BYTES, max_chars=max_chars
        )
    return _ReadFile(path, document, tuple(str(w.message) for w in caught))


def _extract_each(files: Sequence[_ReadFile], vague: str) -> list[list[Claim] | FileOutcome]:
    """Claims per document; a document the extractor fails on becomes a failed outcome."""
    from reckon.claims.extractor import extract_claims, extract_claims_many

    try:
        return list(extract_claims_many([f.document for f in files], vague=vague))
    except Exception:  # noqa: BLE001 — find the document that fails, one by one below
        pass
    results: list[list[Claim] | FileOutcome] = []
    for read in files:
        try:
            results.append(extract_claims(read.document, vague=vague))
        except Exception as exc:  # noqa: BLE001 — one bad document must not stop the others
            message = f"{read.path}: the extractor failed ({type(exc).__name__}: {exc}) — please report this file"
            results.append(FileOutcome(str(read.path), FAILED, read.document.sha256, error=message, notes=read.notes))
    return results


def _store(case: Case, read: _ReadFile, claims: list[Claim], vague: str) -> FileOutcome:
    path, document = str(read.path), read.document
    try:
        stored = store_document(case, document, claims, vague=vague)
    except ReckonError as exc:
        return FileOutcome(path, FAILED, document.sha256, error=str(exc), notes=read.notes)
    if not stored:  # the same bytes came earlier in this run
        return FileOutcome(path, ALREADY, document.sha256, notes=read.notes)
    return FileOutcome(path, ADDED, document.sha256, len(claims), notes=read.notes)
