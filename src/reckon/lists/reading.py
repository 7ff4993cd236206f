"""Reading a victim list (.csv, .xlsx, .json) into canonical records.

    listed = read_list("amnesty.csv")                      # auto-mapped, encoding detected
    listed = read_list("b.csv", mapping={"name": "Full Name"}, encoding="cp1256")
    listed.mapping          # {"name": "Full Name", "age": "سن", ...}
    listed.records          # pandas DataFrame, one row per readable row, canonical fields
    listed.quarantine       # rows set aside, each with its row number and reason

Four steps, one module each: ``tables`` reads the file into text cells,
``columns`` maps headers onto canonical fields, ``records`` parses the values, ``places``
resolves places and provinces in the gazetteer (``reckon.places``).
Nothing is stored here; ``reckon.lists.store.add_list`` stores a ListRead in a case.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from reckon.errors import InputError
from reckon.lists.columns import resolve_mapping
from reckon.lists.places import PlacesRead, add_places
from reckon.lists.records import parse_records
from reckon.lists.tables import QuarantinedRow, read_table

__all__ = ["ListRead", "QuarantinedRow", "read_list"]


@dataclass
class ListRead:
    """One list as read: canonical records, the raw cells behind them, and what was set aside."""

    file: str
    kind: str  # csv, xlsx or json
    encoding: str | None  # None for xlsx
    columns: list[str]  # headers as found (made unique)
    mapping: dict[str, str]  # {canonical field: column}
    records: pd.DataFrame  # row_number + canonical fields + import_notes
    raw: pd.DataFrame  # the same rows' cells verbatim, one column per header
    quarantine: list[QuarantinedRow]
    notes: list[str]  # what the reader decided (encoding, sheet, date order, ...)
    country: str | None = None  # where its places were resolved (ISO 3166-1 alpha-2)
    places: PlacesRead | None = None  # how many places resolved

    @property
    def extra_columns(self) -> list[str]:
        """Columns mapped to no canonical field: kept verbatim, never dropped."""
        mapped = set(self.mapping.values())
        return [c for c in self.columns if c not in mapped]

    @property
    def column_fields(self) -> dict[str, str]:
        """{column: canonical field} in the file's column order (for showing the mapping)."""
        field_of = {column: field for field, column in self.mapping.items()}
        return {c: field_of[c] for c in self.columns if c in field_of}


def read_list(
    path: str | Path,
    *,
    mapping: dict[str, str] | None = None,
    encoding: str | None = None,
    country: str | None = None,
    default_country: str | None = None,
) -> ListRead:
    """Read one list file. ``mapping`` {canonical: column} overrides the auto-mapping
    (an empty column leaves a field unmapped); ``encoding`` skips detection.

    Places resolve in ``country`` (ISO 3166-1 alpha-2), else in the country most of the
    list's places name, else in ``default_country`` (the case's).

    Raises InputError for a file that cannot be read at all; rows that cannot be read
    are returned in ``quarantine``, never dropped.
    """
    path = Path(path)
    table = read_table(path, encoding=encoding)
    if len(table.row_numbers) == 0 and not table.quarantine:
        raise InputError(
            "the file has a header but no rows",
            file=path.name,
            fix="export the list again with its rows (for .xlsx: check the first non-empty sheet is the list)",
        )
    used = resolve_mapping(table.columns, mapping, file=path.name)
    parsed = parse_records(table, used)
    raw = table.frame[parsed.keep].reset_index(drop=True)
    quarantine = sorted(table.quarantine + parsed.quarantine, key=lambda q: q.row_number)
    places = add_places(parsed.frame, country=country, default_country=default_country, file=path.name)
    return ListRead(
        file=path.name,
        kind=table.kind,
        encoding=table.encoding,
        columns=table.columns,
        mapping=used,
        records=parsed.frame,
        raw=raw,
        quarantine=quarantine,
        notes=table.notes + parsed.notes + places.notes,
        country=places.country,
        places=places,
    )
