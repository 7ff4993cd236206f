"""The audit trail: who changed what, chained row to row, with a digest of the data it left.

    append(case, "lists.add", {"list": "amnesty", ...})   # via Case.audit
    check = verify(case)                  # check.problems: each names the table and the row
    audit_head(case)                      # AuditHead(rows=42, head='3f2a...', keyed=True)

Owner of the ``audit`` table (migrations 001 and 009). Every row stores the hash of the
row before it, and its own hash covers its fields, that previous hash and ``digests``:
the digest of every part of the data the change touched (a list's records, a document's
claims, a run's links and persons...). ``verify`` replays the digests to learn what each
part should hold now, recomputes them from the tables, and reports any difference by
table, part and the audit row that last recorded it: a record edited, deleted or added
behind reckon's back is found, not only an edited audit row.

A part's digest is computed in SQL: each row's SHA-256 (over its JSON) is summed, two
64-bit lanes at a time, so the order of rows does not matter and one scan covers a table
(time grows linearly: 1M records took 17 s on a 2-core machine under heavy load). In an encrypted case every hash is keyed (HMAC with
a key derived from the passphrase), so whoever edits the file without the passphrase
cannot recompute them.

The newest rows could still be cut off together with their data changes; so the head
(the row count and the latest hash) is also kept outside the database, in an anchor file
beside it (HMAC'd in an encrypted case), and is printed by ``reckon audit`` and in reports:
a table that ends before the anchor, or that no longer holds a head once published, is
found too.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from reckon.storage.files import PRIVATE_FILE, refuse_symlink, write_atomically
from reckon.storage.layout import ANCHOR_NAME

if TYPE_CHECKING:
    from reckon.case import Case

GENESIS_HASH = "0" * 64

# The tables whose contents the trail vouches for, each split into parts by an SQL
# expression (None: the table is one part). A table added by a later migration is added here.
TRACKED: dict[str, str | None] = {
    "documents": "sha256",
    "claims": "document_sha256",
    "lists": "name",
    "records": "list_name",
    "quarantine": "list_name",
    "linkage_runs": None,
    "links": "substr(md5(record_id_l), 1, 2)",  # 256 buckets: a decision re-digests one
    "persons": None,
    "decisions": None,
    "estimates": None,
}
PART_NAMES = {"documents": "document", "claims": "document", "lists": "list", "records": "list",
              "quarantine": "list", "links": "bucket"}

WHOLE = None  # a change spec's part: the whole table
# What each action changes: (table, the detail field naming the part, or WHOLE). An action
# not listed here records a digest of every tracked table (correct, but slower on big cases).
CHANGES: dict[str, list[tuple[str, str | None]]] = {
    "lists.add": [("lists", "list"), ("records", "list"), ("quarantine", "list")],
    "lists.remove": [("lists", "list"), ("records", "list"), ("quarantine", "list"),
                     ("links", WHOLE), ("persons", WHOLE)],
    "articles.add": [("documents", "sha256"), ("claims", "sha256")],
    "link.run": [("links", WHOLE), ("persons", WHOLE), ("linkage_runs", WHOLE)],
    "link.decide": [("decisions", WHOLE), ("links", "left")],
    "estimate.save": [("estimates", WHOLE)],
    "report.write": [],
    "case.init": [],
}

Change = tuple[str, Any]  # (table, part value, or WHOLE)


@dataclass(frozen=True)
class AuditHead:
    """The trail's length and its latest hash: publish it, compare it later."""

    rows: int
    head: str
    keyed: bool

    def __str__(self) -> str:
        return f"row {self.rows}, head {self.head}{' (keyed)' if self.keyed else ''}"


@dataclass
class AuditProblem:
    table: str
    row: str  # the first bad row: an audit seq, or a table's part
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass
class AuditCheck:
    head: AuditHead
    problems: list[AuditProblem] = field(default_factory=list)
    published_head_row: int | None = None  # where a published head was found

    @property
    def ok(self) -> bool:
        return not self.problems


# -- writing ---------------------------------------------------------------------------------


def now() -> datetime:
    """The current time as every table stores it: naive UTC with microseconds.

    The audit hash covers this exact form, so it must survive a round trip through DuckDB;
    every store takes its time stamps from here (``reckon.case.now``).
    """
    return datetime.now(timezone.utc).replace(tzinfo=None)


def append(case: Case, action: str, detail: dict[str, Any], changed: Sequence[Change] | None = None) -> AuditHead:
    """Add one row: who, when, what, and the digests of what the change left."""
    last = case.con.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq = (last[0] + 1) if last else 1
    prev_hash = last[1] if last else GENESIS_HASH
    at, actor = now(), case.actor
    detail_json = json.dumps(detail, sort_keys=True, ensure_ascii=False, default=str)
    key = audit_key(case)
    if _has_digests_column(case):
        digests = json.dumps(state_digests(case, _changes(action, detail, changed)), sort_keys=True)
        digest = row_hash(key, seq, at, actor, action, detail_json, prev_hash, digests)
        case.con.execute(
            "INSERT INTO audit (seq, logged_at, actor, action, detail, prev_hash, hash, digests) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [seq, at, actor, action, detail_json, prev_hash, digest, digests],
        )
    else:  # during the migrations before 009
        digest = row_hash(key, seq, at, actor, action, detail_json, prev_hash, None)
        case.con.execute(
            "INSERT INTO audit (seq, logged_at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [seq, at, actor, action, detail_json, prev_hash, digest],
        )
    return AuditHead(seq, digest, key is not None)


def rechain(case: Case) -> str:
    """Recompute every row's hash with the case's current key (when a case becomes encrypted).

    Returns the head as it was before, so it can be recorded in the next row.
    """
    rows = _rows(case)
    old_head = rows[-1][6] if rows else GENESIS_HASH
    key = audit_key(case)
    prev = GENESIS_HASH
    for seq, at, actor, action, detail, _, _, digests in rows:
        digest = row_hash(key, seq, at, actor, action, detail, prev, digests)
        case.con.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", [prev, digest, seq])
        prev = digest
    return old_head


def write_anchor(case: Case) -> None:
    """Keep the head outside the database (after a commit), so truncation is found locally."""
    head = audit_head(case)
    content = {"format": 1, "rows": head.rows, "head": head.head, "mac": _anchor_mac(case, head.rows, head.head)}
    path = case.folder / ANCHOR_NAME
    refuse_symlink(path, "the audit anchor")
    write_atomically(path, json.dumps(content) + "\n", mode=PRIVATE_FILE)


def audit_head(case: Case) -> AuditHead:
    """The number of audit rows and the latest row's hash (what reports and exports print)."""
    row = case.con.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    keyed = audit_key(case) is not None
    return AuditHead(int(row[0]), row[1], keyed) if row else AuditHead(0, GENESIS_HASH, keyed)


# -- checking --------------------------------------------------------------------------------


def verify(case: Case, *, published_head: str | None = None) -> AuditCheck:
    """Check the chain, the anchor, a published head if given, and the data against the digests."""
    rows = _rows(case)
    check = AuditCheck(head=audit_head(case))
    check.problems += _chain_problems(rows, audit_key(case))
    check.problems += _anchor_problems(case, rows)
    if published_head:
        check.published_head_row = _find_head(rows, published_head.strip().lower(), audit_key(case))
        if check.published_head_row is None:
            check.problems.append(AuditProblem("audit", "published head", (
                f"table audit: the published head {published_head} is not in this trail — the rows "
                "after it were removed or rewritten since it was published."
            )))
    if _has_digests_column(case):
        check.problems += _data_problems(case, rows)
    return check


def _chain_problems(rows: list[tuple], key: bytes | None) -> list[AuditProblem]:
    expected_prev = GENESIS_HASH
    for index, (seq, at, actor, action, detail, prev_hash, digest, digests) in enumerate(rows, start=1):
        if seq != index:
            return [AuditProblem("audit", str(index), f"table audit, row {index}: missing (the next row is {seq}) — rows were deleted.")]
        if prev_hash != expected_prev:
            return [AuditProblem("audit", str(seq), f"table audit, row {seq}: does not follow row {seq - 1} — a row before it was changed or removed.")]
        if not hmac.compare_digest(row_hash(key, seq, at, actor, action, detail, prev_hash, digests), digest):
            how = " (keyed: whoever changed it did not have the case's key)" if key else ""
            return [AuditProblem("audit", str(seq), (
                f"table audit, row {seq} ({action}): its content was changed — it no longer matches its hash{how}."
            ))]
        expected_prev = digest
    return []


def _anchor_problems(case: Case, rows: list[tuple]) -> list[AuditProblem]:
    path = case.folder / ANCHOR_NAME
    try:
        refuse_symlink(path, "the audit anchor")
        anchor = json.loads(path.read_text(encoding="utf-8"))
        count, head = int(anchor["rows"]), str(anchor["head"])
    except FileNotFoundError:
        return [AuditProblem("audit", "anchor", (
            f"table audit: the anchor file {ANCHOR_NAME} beside the database is missing, so rows cut off "
            "the end of the trail cannot be ruled out — compare `reckon audit` with a published head."
        ))]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return [AuditProblem("audit", "anchor", f"table audit: the anchor file {ANCHOR_NAME} cannot be read ({exc}).")]
    mac = _anchor_mac(case, count, head)
    if mac is not None and not hmac.compare_digest(str(anchor.get("mac")), mac):
        return [AuditProblem("audit", "anchor", (
            f"table audit: the anchor file {ANCHOR_NAME} was altered (its keyed hash does not match)."
        ))]
    if count > len(rows):
        what = "is empty" if not rows else f"ends at row {len(rows)}"
        return [AuditProblem("audit", str(len(rows) + 1), (
            f"table audit, row {len(rows) + 1}: missing — the table {what} but the anchor beside the "
            f"database records {count} rows (head {head[:16]}…): the newest rows were deleted."
        ))]
    if count and rows[count - 1][6] != head:
        return [AuditProblem("audit", str(count), (
            f"table audit, row {count}: differs from the anchor beside the database (head {head[:16]}…) — "
            "the trail was rewritten."
        ))]
    return []


def _find_head(rows: list[tuple], head: str, key: bytes | None) -> int | None:
    """The row whose hash is ``head``: in the trail as stored, or, for an encrypted case, in the
    unkeyed chain it had before it was encrypted (heads published then stay checkable)."""
    for seq, *_, digest, _ in rows:
        if digest == head:
            return seq
    if key is not None:
        prev = GENESIS_HASH
        for seq, at, actor, action, detail, _, _, digests in rows:
            prev = row_hash(None, seq, at, actor, action, detail, prev, digests)
            if prev == head:
                return seq
    return None


def _data_problems(case: Case, rows: list[tuple]) -> list[AuditProblem]:
    expected, recorded_by = _replay(rows)
    current = state_digests(case, [(table, WHOLE) for table in TRACKED if case.has_table(table)])["tables"]
    problems = []
    for table in TRACKED:
        want, have = expected.get(table, {}), current.get(table, {})
        for part in sorted(set(want) | set(have)):
            if want.get(part) != have.get(part):
                problems.append(_data_problem(table, part, want.get(part), have.get(part), recorded_by.get((table, part))))
    return problems


def _data_problem(table: str, part: str, want: list | None, have: list | None, by: tuple | None) -> AuditProblem:
    where = f"table {table}" + (f", {PART_NAMES.get(table, 'part')} {part!r}" if TRACKED[table] else "")
    row = f"audit row {by[0]} ({by[1]})" if by else "no audit row"
    if want is None:
        text = f"{where}: {have[0]} rows that no audit row recorded — added or changed outside reckon."
    elif have is None:
        text = f"{where}: all {want[0]} rows recorded by {row} are gone — deleted outside reckon."
    elif have[0] != want[0]:
        verb = "deleted" if have[0] < want[0] else "added"
        text = f"{where}: {have[0]} rows where {row} recorded {want[0]} — rows were {verb} outside reckon."
    else:
        text = f"{where}: rows were edited after {row} — they no longer match its digest."
    return AuditProblem(table, part, text)


def _replay(rows: list[tuple]) -> tuple[dict[str, dict[str, list]], dict[tuple[str, str], tuple[int, str]]]:
    """What every part should hold now, and which audit row last recorded it."""
    expected: dict[str, dict[str, list]] = {}
    recorded_by: dict[tuple[str, str], tuple[int, str]] = {}
    for seq, _, _, action, _, _, _, digests in rows:
        if not digests:
            continue
        state = json.loads(digests)
        for table, parts in state["tables"].items():
            current = {} if table in state["complete"] else expected.get(table, {})
            for part, value in parts.items():
                if value is None:
                    current.pop(part, None)
                else:
                    current[part] = value
                recorded_by[(table, part)] = (seq, action)
            expected[table] = current
    return expected, recorded_by


# -- digests ---------------------------------------------------------------------------------


def state_digests(case: Case, changes: Iterable[Change]) -> dict[str, Any]:
    """{"tables": {table: {part: [rows, digest] or None}}, "complete": [tables fully listed]}."""
    wanted: dict[str, set | None] = {}
    for table, part in changes:
        if table not in TRACKED or not case.has_table(table):
            continue
        if part is WHOLE or wanted.get(table, set()) is None:
            wanted[table] = None
        else:
            wanted.setdefault(table, set()).add(str(part))
    tables = {table: _table_digests(case, table, parts) for table, parts in wanted.items()}
    return {"tables": tables, "complete": sorted(t for t, parts in wanted.items() if parts is None)}


def _table_digests(case: Case, table: str, parts: set[str] | None) -> dict[str, list | None]:
    expression = TRACKED[table] or "''"
    where, params = "", [_row_key(case)]
    if parts is not None:
        where = f"WHERE ({expression}) IN ({', '.join('?' * len(parts))})"
        params += sorted(parts)
    found = case.con.execute(
        f"""
        SELECT part, count(*), sum(('0x' || substr(h, 1, 16))::UBIGINT::HUGEINT),
               sum(('0x' || substr(h, 17, 16))::UBIGINT::HUGEINT)
        FROM (SELECT CAST({expression} AS VARCHAR) AS part, sha256(? || to_json(t)) AS h FROM {table} t {where})
        GROUP BY part
        """,
        params,
    ).fetchall()
    key = audit_key(case)
    digests: dict[str, list | None] = {
        part: [int(count), _mac(key, f"{table}\x1f{part}\x1f{count}\x1f{int(a) % 2**64}\x1f{int(b) % 2**64}")[:32]]
        for part, count, a, b in found
    }
    for part in parts or ():
        digests.setdefault(part, None)  # the part is now empty: it was removed
    return digests


def _changes(action: str, detail: dict[str, Any], changed: Sequence[Change] | None) -> list[Change]:
    if changed is not None:
        return list(changed)
    if action not in CHANGES:
        return [(table, WHOLE) for table in TRACKED]
    out: list[Change] = []
    for table, name in CHANGES[action]:
        if name is WHOLE:
            out.append((table, WHOLE))
        elif table == "links":
            out.append((table, hashlib.md5(str(detail[name]).encode("utf-8")).hexdigest()[:2]))
        else:
            out.append((table, detail[name]))
    return out


# -- hashing ---------------------------------------------------------------------------------


def audit_key(case: Case) -> bytes | None:
    keys = getattr(case, "keys", None)
    return keys.audit if keys is not None else None


def row_hash(
    key: bytes | None, seq: int, at: datetime, actor: str, action: str, detail_json: str, prev_hash: str,
    digests: str | None,
) -> str:
    """One row's hash over its fields, the previous hash and its digests (HMAC when keyed)."""
    stamp = at.replace(tzinfo=None).isoformat(timespec="microseconds")
    fields = [str(seq), stamp, actor, action, detail_json, prev_hash]
    if digests is not None:  # rows written before migration 009 have none
        fields.append(digests)
    return _mac(key, "\x1f".join(fields))


def _mac(key: bytes | None, text: str) -> str:
    payload = text.encode("utf-8")
    if key is None:
        return hashlib.sha256(payload).hexdigest()
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


def _row_key(case: Case) -> str:
    """The secret prefix of each data row's hash (empty when the case is not encrypted)."""
    key = audit_key(case)
    return hmac.new(key, b"rows", hashlib.sha256).hexdigest() if key else ""


def _anchor_mac(case: Case, rows: int, head: str) -> str | None:
    key = audit_key(case)
    return hmac.new(key, f"anchor\x1f{rows}\x1f{head}".encode(), hashlib.sha256).hexdigest() if key else None


def _rows(case: Case) -> list[tuple]:
    digests = "digests" if _has_digests_column(case) else "NULL"
    return case.con.execute(
        f"SELECT seq, logged_at, actor, action, detail, prev_hash, hash, {digests} FROM audit ORDER BY seq"
    ).fetchall()


def _has_digests_column(case: Case) -> bool:
    row = case.con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'audit' AND column_name = 'digests'"
        " AND table_catalog = current_database()"
    ).fetchone()
    return bool(row and row[0])
