"""Articles and their claims in the case database: add (one transaction per file), load.

    report = add_articles(case, ["a.txt", "b.html"], date="2031-03-04")
    print(report.summary())                 # "2 added (17 claims), 0 already in the case, 0 failed"
    claims = load_claims(case)
    documents = load_documents(case)

Adding is idempotent: a file whose SHA-256 is already stored is reported as "already in
the case" and left alone. Each file is read and its claims extracted first (outside any
transaction, the slow part); then the document, its claims and one audit row are written
in one transaction, so a failure never leaves a document without its claims.
A file that cannot be read is reported with its message; the other files still go in.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date as Date
from datetime import datetime, timezone
from pathlib import Path

from reckon.case import Case
from reckon.claims.model import Claim, Quote
from reckon.errors import InputError, ReckonError
from reckon.sources.articles import EncodingAssumedWarning, read_article
from reckon.sources.document import Document

ADDED = "added"
ALREADY = "already in the case"
FAILED = "failed"
EXTRACT_BATCH = 32  # documents handed to the extractor together (spaCy batches them)

_CLAIM_COLUMNS = (
    "id", "document_sha256", "ordinal", "file", "figure_low", "figure_high", "category",
    "qualifier", "claimant", "claimant_key", "quote", "start", '"end"', "via", "claim_date",
    "event", "place", "period", "subgroup", "unit", "hedged", "disputed_by", "alt_quotes",
    "document_date", "vague_convention",
)


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


def add_articles(
    case: Case,
    paths: Iterable[str | Path],
    *,
    date: str | None = None,
    vague: str = "reckon",
    encoding: str | None = None,
    max_bytes: int | None = None,
    on_file: Callable[[FileOutcome], None] | None = None,
) -> AddReport:
    """Read, extract and store each article; one transaction per file; never raises for one bad file.

    ``date`` is the publication date for files that state none; ``vague`` the convention
    for vague quantities ("reckon" or "acled"); ``on_file`` is called after each file
    (the CLI advances its progress bar there).
    """
    _check_extractor(vague)
    report = AddReport()
    paths = [Path(p) for p in paths]
    for start in range(0, len(paths), EXTRACT_BATCH):
        batch = paths[start : start + EXTRACT_BATCH]
        for outcome in _add_batch(case, batch, date, vague, encoding, max_bytes):
            report.outcomes.append(outcome)
            if on_file is not None:
                on_file(outcome)
    return report


def _check_extractor(vague: str) -> None:
    """Fail before touching any file when claims cannot be extracted as asked."""
    from reckon.claims.conventions import VAGUE_CONVENTIONS

    if vague not in VAGUE_CONVENTIONS:
        raise InputError(f"unknown vague convention {vague!r}", fix=f"use one of {', '.join(VAGUE_CONVENTIONS)}")
    try:
        from reckon.claims import extract_claims, extract_claims_many  # noqa: F401
    except ImportError:
        raise ReckonError("The claim extractor is not available in this build of reckon.") from None


@dataclass(frozen=True)
class _ReadFile:
    """A file read and not yet stored: its document, reading notes and the encoding used."""

    path: Path
    document: Document
    notes: tuple[str, ...]
    encoding: str | None


def _add_batch(
    case: Case, paths: list[Path], date: str | None, vague: str, encoding: str | None, max_bytes: int | None
) -> list[FileOutcome]:
    outcomes: list[FileOutcome | None] = [None] * len(paths)
    pending: list[tuple[int, _ReadFile]] = []
    for index, path in enumerate(paths):
        try:
            read = _read_with_notes(path, date, encoding, max_bytes)
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


def _read_with_notes(path: Path, date: str | None, encoding: str | None, max_bytes: int | None) -> _ReadFile:
    """Read one file, keeping any warnings raised while reading it as notes."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        limits = {} if max_bytes is None else {"max_bytes": max_bytes}
        document = read_article(path, date=date, encoding=encoding, **limits)
    notes = tuple(str(w.message) for w in caught)
    assumed = [w.message.encoding for w in caught if isinstance(w.message, EncodingAssumedWarning)]
    used = (encoding or (assumed[0] if assumed else "utf-8")) if document.kind == "txt" else None
    return _ReadFile(path, document, notes, used)


def _extract_each(files: Sequence[_ReadFile], vague: str) -> list[list[Claim] | FileOutcome]:
    """Claims per document; a document the extractor fails on becomes a failed outcome."""
    from reckon.claims import extract_claims, extract_claims_many

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
        stored = store_document(case, document, claims, encoding=read.encoding, vague=vague)
    except ReckonError as exc:
        return FileOutcome(path, FAILED, document.sha256, error=str(exc), notes=read.notes)
    if not stored:  # the same bytes came earlier in this run
        return FileOutcome(path, ALREADY, document.sha256, notes=read.notes)
    return FileOutcome(path, ADDED, document.sha256, len(claims), notes=read.notes)


def document_exists(case: Case, sha256: str) -> bool:
    row = case.con.execute("SELECT count(*) FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    return bool(row and row[0])


def store_document(
    case: Case,
    document: Document,
    claims: Sequence[Claim],
    *,
    encoding: str | None = None,
    vague: str = "reckon",
) -> bool:
    """Store one document and its claims in one transaction; False if it was already stored.

    Any failure (a claim the schema rejects, a locked database) rolls the whole file back
    and raises InputError naming the file.
    """
    import duckdb

    try:
        with case.transaction():
            if document_exists(case, document.sha256):
                return False
            _insert_document(case, document, encoding)
            rows = [_claim_row(document, ordinal, claim, vague) for ordinal, claim in enumerate(claims, 1)]
            if rows:  # one multi-row INSERT: DuckDB's executemany runs row by row, far slower
                one = "(" + ", ".join("?" * len(_CLAIM_COLUMNS)) + ")"
                case.con.execute(
                    f"INSERT INTO claims ({', '.join(_CLAIM_COLUMNS)}) VALUES {', '.join([one] * len(rows))}",
                    [value for row in rows for value in row],
                )
            case.audit(
                "articles.add", file=document.file, sha256=document.sha256, kind=document.kind,
                claims=len(rows), vague=vague, encoding=encoding,
            )
    except duckdb.Error as exc:
        raise InputError(
            f"could not be stored, nothing was written ({exc})",
            file=document.file,
            fix="this is a bug if the claims came from reckon's extractor; please report it",
        ) from None
    return True


def _insert_document(case: Case, document: Document, encoding: str | None) -> None:
    case.con.execute(
        "INSERT INTO documents (sha256, file, kind, published, publisher, title, url, text, encoding, added_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            document.sha256, document.file, document.kind, document.published, document.publisher,
            document.title, document.url, document.text, encoding,
            datetime.now(timezone.utc).replace(tzinfo=None),
        ],
    )


def _claim_row(document: Document, ordinal: int, claim: Claim, vague: str) -> list[object]:
    alt = json.dumps([{"text": q.text, "start": q.start, "end": q.end} for q in claim.alt_quotes], ensure_ascii=False)
    return [
        f"{document.sha256[:16]}#{ordinal}", document.sha256, ordinal, claim.file or document.file,
        claim.figure_low, claim.figure_high, claim.category, claim.qualifier, claim.claimant,
        claim.claimant_key, claim.quote, claim.start, claim.end, claim.via, claim.claim_date,
        claim.event, claim.place, claim.period, claim.subgroup, claim.unit, claim.hedged,
        claim.disputed_by, alt, claim.document_date or document.published, vague,
    ]


def load_documents(case: Case) -> list[Document]:
    """Every stored document, in the order added."""
    rows = case.con.execute(
        "SELECT file, sha256, text, kind, published, publisher, title, url FROM documents ORDER BY added_at, file"
    ).fetchall()
    return [Document(f, s, t, k, _iso(p), pub, ti, u) for f, s, t, k, p, pub, ti, u in rows]


def load_claims(case: Case) -> list[Claim]:
    """Every stored claim, by document (in the order added) and position in it."""
    select = ", ".join(f"c.{c}" for c in _CLAIM_COLUMNS if c not in ("id", "ordinal", "vague_convention"))
    cursor = case.con.execute(
        f"SELECT {select} FROM claims c"
        " JOIN documents d ON d.sha256 = c.document_sha256 ORDER BY d.added_at, d.file, c.ordinal"
    )
    names = [column[0] for column in cursor.description]
    return [_claim_from_row(dict(zip(names, row))) for row in cursor.fetchall()]


def _claim_from_row(row: dict[str, object]) -> Claim:
    alt = tuple(Quote(**q) for q in json.loads(str(row.pop("alt_quotes") or "[]")))
    return replace(Claim.from_dict(row), alt_quotes=alt)


def _iso(value: object) -> str | None:
    return value.isoformat() if isinstance(value, Date) else (str(value) if value is not None else None)


def document_summaries(case: Case) -> list[dict[str, object]]:
    """One row per stored document with its claim count (for `reckon articles list`)."""
    cursor = case.con.execute(
        "SELECT d.file, d.kind, d.published, d.publisher, d.title, count(c.id) AS claims,"
        " d.sha256, d.encoding, d.added_at"
        " FROM documents d LEFT JOIN claims c ON c.document_sha256 = d.sha256"
        " GROUP BY ALL ORDER BY d.added_at, d.file"
    )
    names = [column[0] for column in cursor.description]
    return [{k: _iso(v) if k == "published" else v for k, v in zip(names, row)} for row in cursor.fetchall()]
