"""Victim lists in a case: add one (all-or-nothing), summarise them, read their records back.

    imported = add_list(case, "amnesty.csv", name="amnesty", organisation="Amnesty International")
    imported.row_count, imported.quarantined_count, imported.mapping
    load_records(case)          # pandas DataFrame of every record (what linkage reads)
    list_problems(case)         # the quarantined rows, with row numbers and reasons
    remove_list(case, "amnesty")  # to add a corrected file under the same name

This module is the only one that reads or writes the tables ``lists``, ``records`` and
``quarantine`` (migration 003; ``records.national_id`` from 006). A record's id is
``<list>:<source_record_id>`` when the list gives an id that is unique within the list,
otherwise ``<list>:#<row number>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from reckon.case import Case, now, sha256_file
from reckon.errors import InputError
from reckon.lists.values import parse_date
from reckon.lists.reading import ListRead, read_list
from reckon.places.resolve import PLACE_COLUMNS

__all__ = [
    "ListImport", "add_list", "list_names", "list_problems", "list_summaries", "load_records", "record_counts",
    "records_by_id", "remove_list",
]

RECORD_FIELDS = (
    "record_id", "list_name", "row_number", "source_record_id", "name", "name_native", "given_name",
    "family_name", "father_name", "sex", "age_text", "age_low", "age_high", "birth_year",
    "date_of_birth", "date_of_death", "date_of_death_low", "date_of_death_high", "place_of_death",
    "province", "national_id", "notes", "import_notes", "identified", "name_alternatives",
    *PLACE_COLUMNS,
)


@dataclass(frozen=True)
class ListImport:
    """What add_list did."""

    name: str
    file: str
    sha256: str
    kind: str
    encoding: str | None
    mapping: dict[str, str]  # {canonical field: column}
    column_fields: dict[str, str]  # {column: canonical field}, in the file's order
    extra_columns: list[str]
    row_count: int
    quarantined_count: int
    notes: list[str] = field(default_factory=list)
    already_present: bool = False  # the same file was added before: nothing changed
    unidentified: int = 0  # records without a name (kept: documented, not linkable by name)
    country: str | None = None  # where the places were resolved
    places_given: int = 0  # records with a place or province cell
    places_resolved: int = 0  # ... that resolved to a canonical place or province


def add_list(
    case: Case,
    path: str | Path,
    *,
    name: str,
    organisation: str | None = None,
    list_date: str | None = None,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    country: str | None = None,
) -> ListImport:
    """Read ``path`` and store it as list ``name`` in one transaction, with an audit row.

    The same file (same SHA-256) added again changes nothing and says so; a different
    file under a name already used is an InputError.
    """
    path = Path(path)
    name = _check_list_name(name, path)
    digest = sha256_file(path) if path.is_file() else ""
    existing = _existing_import(case, digest)
    if existing is not None:
        return existing
    if _list_exists(case, name):
        raise InputError(
            f"a different file is already stored as list {name!r}",
            file=path.name,
            fix=f"choose another --name, or replace the stored list with `reckon lists remove {name}` first",
        )
    iso_date = _list_date(list_date, path)
    listed = read_list(path, mapping=mapping, encoding=encoding, country=country, default_country=_case_country(case))
    _note_repeated_ids(listed)
    with _no_progress_bar(case), case.transaction():
        _insert_list_row(case, listed, name, organisation, iso_date, digest)
        _insert_records(case, listed, name)
        _insert_quarantine(case, listed, name)
        case.audit(
            "lists.add", list=name, file=listed.file, sha256=digest,
            rows=len(listed.records), quarantined=len(listed.quarantine),
        )
    return _as_import(listed, name, digest)


def remove_list(case: Case, name: str, *, force: bool = False) -> int:
    """Remove list ``name``: its records, its quarantined rows and its entry, in one transaction.

    Returns the number of records removed. A list whose records already belong to linked
    persons is only removed with ``force``: its records leave the stored links and persons
    too; run linkage again afterwards. Reviewer decisions are kept: adding the list back
    under the same name gives the same record ids. The database file is then rewritten,
    so the removed names and ids cannot be read back from it.
    """
    if not _list_exists(case, name):
        raise InputError(f"no list named {name!r}", fix="see the stored lists with `reckon lists`")
    linked = _linked_record_count(case, name)
    if linked and not force:
        raise InputError(
            f"{linked} records of list {name!r} belong to linked persons",
            fix="pass --force to remove it anyway, then run `reckon link` again",
        )
    with case.transaction():
        removed = case.con.execute("SELECT count(*) FROM records WHERE list_name = ?", [name]).fetchone()[0]
        if linked:
            from reckon.linkage.store import drop_list_from_run  # linkage reads lists, not the other way

            drop_list_from_run(case, name)
        for table, column in (("records", "list_name"), ("quarantine", "list_name"), ("lists", "name")):
            case.con.execute(f"DELETE FROM {table} WHERE {column} = ?", [name])
        case.audit("lists.remove", list=name, records=removed, linked=linked)
    case.purge_deleted()  # DuckDB keeps deleted rows in freed blocks until the file is rewritten
    return int(removed)


def list_summaries(case: Case) -> list[dict[str, Any]]:
    """One dict per stored list: name, organisation, date, file, counts (records, unidentified
    records, quarantined rows), encoding, country, added_at."""
    return case.rows(
        "SELECT l.name, l.organisation, l.list_date, l.file, l.kind, l.encoding, l.row_count, "
        "(SELECT count(*) FROM records r WHERE r.list_name = l.name AND NOT r.identified) AS unidentified, "
        "l.quarantined_count, l.country, l.added_at, l.sha256 FROM lists l ORDER BY l.added_at, l.name",
    )


def list_problems(case: Case, list_name: str | None = None) -> list[dict[str, Any]]:
    """The quarantined rows (list, row number, reason, original cells), in file order."""
    if list_name is not None and not _list_exists(case, list_name):
        raise InputError(f"no list named {list_name!r}", fix="see the stored lists with `reckon lists`")
    rows = case.rows(
        "SELECT list_name, row_number, reason, original FROM quarantine "
        "WHERE ? IS NULL OR list_name = ? ORDER BY list_name, row_number",
        [list_name, list_name],
    )
    for row in rows:
        row["original"] = json.loads(row["original"])
    return rows


def load_records(
    case: Case, *, with_original: bool = False, columns: Sequence[str] | None = None, by_id: bool = False
) -> pd.DataFrame:
    """Every stored record as a DataFrame (one row per record, in list and row order).

    ``columns`` picks fields of RECORD_FIELDS (default: all of them); ``with_original``
    adds the ``original`` and ``extra`` JSON text columns (slower). ``by_id``: in record-id
    order instead, read through Arrow (text as Arrow strings, whole numbers as nullable
    integers): what linkage reads, a million records in a second or two rather than five.
    """
    chosen = _known_fields(columns or RECORD_FIELDS) + (["original", "extra"] if with_original else [])
    order = "record_id" if by_id else "list_name, row_number"
    result = case.con.execute(f"SELECT {', '.join(chosen)} FROM records ORDER BY {order}")
    if not by_id:
        return result.fetch_df()
    return result.to_arrow_table().to_pandas(types_mapper=_ARROW_TO_PANDAS.get, date_as_object=False)


_ARROW_TO_PANDAS = {pa.string(): pd.StringDtype("pyarrow"), pa.large_string(): pd.StringDtype("pyarrow"),
                    pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype()}


def records_by_id(case: Case, record_ids: Sequence[str], columns: Sequence[str]) -> pd.DataFrame:
    """The given records (record_id first, then ``columns``), for showing a few side by side."""
    chosen = ["record_id", *[c for c in _known_fields(columns) if c != "record_id"]]
    return case.con.execute(
        f"SELECT {', '.join(chosen)} FROM records WHERE record_id IN (SELECT unnest(?::VARCHAR[]))",
        [list(dict.fromkeys(record_ids))],
    ).fetch_df()


def find_records(case: Case, text: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Records whose name (either script), record id or source id contains ``text``, any case."""
    pattern = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return case.rows(
        "SELECT record_id, list_name, name, name_native, date_of_death, place_of_death FROM records"
        " WHERE name ILIKE ? ESCAPE '\\' OR name_native ILIKE ? ESCAPE '\\' OR record_id ILIKE ? ESCAPE '\\'"
        " ORDER BY list_name, row_number LIMIT ?",
        [pattern, pattern, pattern, int(limit)],
    )


def list_details(case: Case, name: str) -> dict[str, Any]:
    """One list as imported: its summary, the column mapping, what the reader decided (notes),
    and how many records carry import notes (values read as missing)."""
    if not _list_exists(case, name):
        raise InputError(f"no list named {name!r}", fix="see the stored lists with `reckon lists`")
    row = case.rows(
        "SELECT name, organisation, list_date, file, kind, encoding, mapping, extra_columns, reader_notes,"
        " row_count, quarantined_count, added_at, sha256 FROM lists WHERE name = ?",
        [name],
    )[0]
    for column in ("mapping", "extra_columns", "reader_notes"):
        row[column] = json.loads(row[column])
    row["records_with_notes"] = int(
        case.scalar("SELECT count(*) FROM records WHERE list_name = ? AND import_notes IS NOT NULL", [name])
    )
    return row


def records_with_import_notes(case: Case, name: str, *, limit: int = 200) -> list[dict[str, Any]]:
    """Records of a list with values the reader could not use (set to NULL), in file order."""
    return case.rows(
        "SELECT record_id, row_number, name, name_native, import_notes FROM records"
        " WHERE list_name = ? AND import_notes IS NOT NULL ORDER BY row_number LIMIT ?",
        [name, int(limit)],
    )


def list_names(case: Case) -> list[str]:
    """The names of the lists that hold records, sorted."""
    return [row[0] for row in case.con.execute("SELECT DISTINCT list_name FROM records ORDER BY 1").fetchall()]


def record_counts(case: Case) -> dict[str, int]:
    """How many records are stored (and how many of them unidentified: no name) and how many
    rows quarantined, in all the lists."""
    return {
        "records": int(case.scalar("SELECT count(*) FROM records")),
        "unidentified": int(case.scalar("SELECT count(*) FROM records WHERE NOT identified")),
        "quarantined": int(case.scalar("SELECT count(*) FROM quarantine")),
    }


def resolved_place_count(case: Case) -> int:
    """How many records have a place or a province resolved through the gazetteer."""
    return int(case.scalar("SELECT count(*) FROM records WHERE place_id IS NOT NULL OR province_id IS NOT NULL") or 0)


def _known_fields(columns: Sequence[str]) -> list[str]:
    unknown = [c for c in columns if c not in RECORD_FIELDS]
    if unknown:
        raise ValueError(f"not record fields: {', '.join(unknown)}")
    return list(columns)


# -- storing ---------------------------------------------------------------------------------


def _insert_list_row(
    case: Case, listed: ListRead, name: str, organisation: str | None, list_date: str | None, digest: str
) -> None:
    values = {
        "name": name, "organisation": organisation, "list_date": list_date, "file": listed.file, "sha256": digest,
        "kind": listed.kind, "encoding": listed.encoding, "mapping": json.dumps(listed.mapping, ensure_ascii=False),
        "extra_columns": json.dumps(listed.extra_columns, ensure_ascii=False),
        "reader_notes": json.dumps(listed.notes, ensure_ascii=False),
        "row_count": len(listed.records), "quarantined_count": len(listed.quarantine), "added_at": now(),
        "country": listed.country,  # migration 008
    }
    columns = [c for c in _table_columns(case, "lists") if c in values]
    case.con.execute(
        f"INSERT INTO lists ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        [values[c] for c in columns],
    )


def _insert_records(case: Case, listed: ListRead, name: str) -> None:
    """One INSERT ... SELECT over an Arrow table; DuckDB builds the JSON columns."""
    raw_names = [f"raw_{i}" for i in range(len(listed.columns))]
    raw = pa.Table.from_pandas(listed.raw, preserve_index=False).rename_columns(raw_names)
    incoming = pa.Table.from_pandas(listed.records, preserve_index=False)
    for raw_name, column in zip(raw_names, raw.columns):
        incoming = incoming.append_column(raw_name, column)
    incoming = incoming.append_column("record_id", _record_ids(listed.records, name))
    original = _json_object_sql(listed.columns, raw_names)
    extra_columns = set(listed.extra_columns)
    extras = [(c, r) for c, r in zip(listed.columns, raw_names) if c in extra_columns]
    extra = _json_object_sql([c for c, _ in extras], [r for _, r in extras]) if extras else "NULL"
    computed = {"list_name": _sql_text(name), "original": original, "extra": extra}
    selected = [
        computed.get(c) or (f"CAST({c} AS DATE)" if c.startswith("date_of_death_") else c)
        for c in _table_columns(case, "records")
    ]
    # A relation over the Arrow table, inserted by position; nothing is registered on the
    # connection, so a failed INSERT leaves no trace.
    projected = case.con.from_arrow(incoming).project(", ".join(selected))
    projected.insert_into("records")


def _table_columns(case: Case, table: str) -> list[str]:
    """A table's columns in stored order: migrations append columns (ALTER TABLE ... ADD)."""
    rows = case.con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [row[0] for row in rows]


def _ids_not_usable(ids: pd.Series) -> np.ndarray:
    """Missing, repeated within the list, or shaped like our own '#<row>' ids."""
    starts_with_hash = ids.fillna("").str.startswith("#").to_numpy(dtype=bool)
    return ids.isna().to_numpy() | ids.duplicated(keep=False).to_numpy() | starts_with_hash


@contextmanager
def _no_progress_bar(case: Case) -> Iterator[None]:
    """DuckDB draws a progress bar on stdout for long INSERTs; the CLI prints its own summary."""
    before = case.con.execute("SELECT current_setting('enable_progress_bar')").fetchone()[0]
    case.con.execute("SET enable_progress_bar = false")
    try:
        yield
    finally:
        case.con.execute(f"SET enable_progress_bar = {'true' if before else 'false'}")


def _record_ids(records: pd.DataFrame, list_name: str) -> pa.Array:
    """'<list>:<source id>' when the id is given and unique in the list, else '<list>:#<row>'."""
    ids = records["source_record_id"]
    by_row = _ids_not_usable(ids)
    prefix = list_name + ":"
    by_id = pc.binary_join_element_wise(prefix, pa.array(ids.fillna(""), type=pa.string()), "")
    by_number = pc.binary_join_element_wise(prefix + "#", pc.cast(pa.array(records["row_number"]), pa.string()), "")
    return pc.if_else(pa.array(by_row), by_number, by_id)


def _json_object_sql(keys: tuple[str, ...] | list[str], columns: tuple[str, ...] | list[str]) -> str:
    pairs = ", ".join(f"{_sql_text(key)}, {column}" for key, column in zip(keys, columns))
    return f"json_object({pairs})"


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _insert_quarantine(case: Case, listed: ListRead, name: str) -> None:
    if not listed.quarantine:
        return
    incoming = pa.table(
        {
            "list_name": [name] * len(listed.quarantine),
            "row_number": [q.row_number for q in listed.quarantine],
            "reason": [q.reason for q in listed.quarantine],
            "original": [json.dumps(q.original, ensure_ascii=False, default=str) for q in listed.quarantine],
        }
    )
    case.con.from_arrow(incoming).insert_into("quarantine")


# -- checks and lookups ----------------------------------------------------------------------


def _note_repeated_ids(listed: ListRead) -> None:
    ids = listed.records["source_record_id"]
    repeated = int(ids.dropna().duplicated(keep=False).sum())
    if repeated:
        listed.notes.append(
            f"{repeated} rows share a source_record_id with another row: their record ids use the row number"
        )


def _check_list_name(name: str, path: Path) -> str:
    name = (name or "").strip()
    if not name or ":" in name:
        raise InputError(
            f"list name {name!r} cannot be used",
            file=path.name,
            fix="give --name a short non-empty name without ':' (it prefixes every record id)",
        )
    return name


def _list_date(text: str | None, path: Path) -> str | None:
    if text is None or not text.strip():
        return None
    parsed = parse_date(text)
    if parsed is None or not hasattr(parsed, "iso"):
        raise InputError(
            f"--date {text!r} is not a date",
            file=path.name,
            fix="write it like 2019-12-01, 2019-12, or a Solar Hijri date like 1398/09/10",
        )
    return parsed.iso  # type: ignore[union-attr]


def _linked_record_count(case: Case, name: str) -> int:
    from reckon.linkage.store import linked_records_in_list  # linkage reads lists, not the other way

    return linked_records_in_list(case, name)


def _case_country(case: Case) -> str | None:
    """The country most of the case's lists resolved their places in."""
    if "country" not in _table_columns(case, "lists"):
        return None
    row = case.con.execute(
        "SELECT country FROM lists WHERE country IS NOT NULL GROUP BY country ORDER BY count(*) DESC, country LIMIT 1"
    ).fetchone()
    return row[0] if row else None


def _list_exists(case: Case, name: str) -> bool:
    row = case.con.execute("SELECT count(*) FROM lists WHERE name = ?", [name]).fetchone()
    return bool(row and row[0])


def _existing_import(case: Case, digest: str) -> ListImport | None:
    row = case.con.execute(
        "SELECT name, file, kind, encoding, mapping, extra_columns, reader_notes, row_count, "
        "quarantined_count FROM lists WHERE sha256 = ?",
        [digest],
    ).fetchone()
    if row is None:
        return None
    name, file, kind, encoding, mapping, extra, notes, rows, quarantined = row
    mapping = json.loads(mapping)
    counts = case.con.execute(
        "SELECT count(*) FILTER (WHERE NOT identified), any_value(l.country), "
        "count(*) FILTER (WHERE place_of_death IS NOT NULL OR province IS NOT NULL), "
        "count(*) FILTER (WHERE place_id IS NOT NULL OR province_id IS NOT NULL) "
        "FROM lists l LEFT JOIN records r ON r.list_name = l.name WHERE l.name = ?",
        [name],
    ).fetchone()
    return ListImport(
        name=name, file=file, sha256=digest, kind=kind, encoding=encoding, mapping=mapping,
        column_fields={column: field for field, column in mapping.items()},
        extra_columns=json.loads(extra), row_count=rows, quarantined_count=quarantined,
        notes=json.loads(notes), already_present=True,
        unidentified=int(counts[0]), country=counts[1], places_given=int(counts[2]), places_resolved=int(counts[3]),
    )


def _as_import(listed: ListRead, name: str, digest: str) -> ListImport:
    return ListImport(
        name=name, file=listed.file, sha256=digest, kind=listed.kind, encoding=listed.encoding,
        mapping=listed.mapping, column_fields=listed.column_fields, extra_columns=listed.extra_columns,
        row_count=len(listed.records), quarantined_count=len(listed.quarantine), notes=listed.notes,
        unidentified=int((~listed.records["identified"].astype(bool)).sum()), country=listed.country,
        places_given=listed.places.rows_with_place if listed.places else 0,
        places_resolved=listed.places.rows_resolved if listed.places else 0,
    )


