"""Reading a list file into a plain table of text cells: .csv (any delimiter), .xlsx, .json.

No meaning is given to any cell here; that is ``records``'s job. Rows that cannot be
a table row (a ragged CSV row, a JSON element that is not an object) are set aside as
quarantined with their row number and reason. Row numbers are what a person looking at the
file sees: for CSV and XLSX the header is row 1 (XLSX: the sheet's own row numbers); for
JSON, the position in the array, from 1.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from reckon.encoding import decode_bytes
from reckon.errors import InputError
from reckon.storage.files import read_bytes_nofollow

KINDS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx", ".json": "json"}
DELIMITERS = (",", ";", "\t", "|", "\u060c")  # U+060C is the Arabic/Persian comma
SURPLUS_KEY = "(cells beyond the header)"
BINARY_FIX = "export the list as .csv (UTF-8), .xlsx or .json"
XML_PROLOG_BYTES = 1 << 16  # where a workbook part's root element must start (a DTD stands before it)


@dataclass
class QuarantinedRow:
    """A row we could not read, kept with its reason and its cells."""

    row_number: int
    reason: str
    original: dict[str, Any]


@dataclass
class RawTable:
    """Text cells as found: one DataFrame column per header, aligned with ``row_numbers``."""

    kind: str
    columns: list[str]
    frame: pd.DataFrame
    row_numbers: np.ndarray
    encoding: str | None = None
    quarantine: list[QuarantinedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # xlsx: {column: True for the rows whose cell was a number}; a number has lost any
    # leading zeros (0012 is stored as 12), which matters for id numbers.
    numeric: dict[str, np.ndarray] = field(default_factory=dict)


def read_table(path: Path, *, encoding: str | None = None) -> RawTable:
    """Read any supported file into a RawTable; broken files raise one InputError."""
    file = path.name
    kind = KINDS.get(path.suffix.lower())
    if kind is None:
        raise InputError(
            f"cannot read {path.suffix or 'files without an extension'} as a list",
            file=file,
            fix="save the list as .csv, .xlsx or .json" + (" (Excel: Save As .xlsx)" if path.suffix.lower() == ".xls" else ""),
        )
    if not path.is_file():
        raise InputError("no such file", file=str(path), fix="check the path")
    data = read_bytes_nofollow(path)  # a symbolic link is refused, never followed
    if not data.strip():
        raise InputError("the file is empty", file=file, fix="export the list again, with a header row and its rows")
    if kind == "xlsx":
        return _read_xlsx(data, file)
    decoded = decode_bytes(data, file=file, encoding=encoding, binary_fix=BINARY_FIX)
    how = "detected" if decoded.detected else "as given"
    if kind == "json":
        table = _read_json(decoded.text, file)
    else:
        table = _read_csv(decoded.text, file)
    table.encoding = decoded.encoding
    table.notes[:0] = [f"encoding {decoded.encoding} ({how})", *decoded.notes]
    return table


# -- CSV -------------------------------------------------------------------------------


def _read_csv(text: str, file: str) -> RawTable:
    if "\x00" in text[:65536]:
        raise InputError("this is not a text table (it holds binary data)", file=file, fix="export the list as .csv, .xlsx or .json")
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header = _next_header(reader, file)
    columns, renamed = unique_headers(header)
    notes = [f"cells separated by {delimiter!r}"] if delimiter != "," else []
    if renamed:
        notes.append("headers renamed to be unique or non-empty: " + ", ".join(renamed))
    table = None
    if reader.line_num == 1 and delimiter.isascii():  # Arrow takes only ASCII delimiters
        table = _read_csv_fast(text, columns, delimiter)
    if table is None:  # blank lines, cells spanning lines, ragged rows: read row by row
        table = _read_csv_rows(reader, columns, file, _Lines(text), delimiter)
    table.notes[:0] = notes
    return table


def _read_csv_fast(text: str, columns: list[str], delimiter: str) -> RawTable | None:
    """Arrow's CSV reader, used only when every line is exactly one row (so row numbers are exact)."""
    data = text.encode("utf-8")
    names = [f"c{i}" for i in range(len(columns))]
    try:
        arrow = pa_csv.read_csv(
            io.BytesIO(data),
            read_options=pa_csv.ReadOptions(skip_rows=1, column_names=names),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    data = data.rstrip(b"\r\n")
    if arrow.num_rows + 1 == data.count(b"\n") + 1:
        row_numbers = np.arange(2, arrow.num_rows + 2, dtype=np.int64)
        blank = 0
    else:  # blank lines (Arrow skips them) or cells spanning lines (then we give up here)
        filled = _filled_line_numbers(data)
        if arrow.num_rows + 1 != len(filled):
            return None
        row_numbers, blank = filled[1:], int(filled[-1]) - len(filled)
    table = RawTable("csv", columns, arrow.rename_columns(columns).to_pandas(), row_numbers)
    if blank:
        table.notes.append(f"{blank} blank line(s) skipped")
    return table


def _filled_line_numbers(data: bytes) -> np.ndarray:
    """1-based numbers of the lines that hold anything (a lone "\\r" counts as empty)."""
    ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n"))
    starts = np.concatenate(([0], ends + 1))
    ends = np.concatenate((ends, [len(data)]))
    lengths = ends - starts
    last_bytes = np.frombuffer(data, dtype=np.uint8)[np.maximum(ends - 1, 0)]
    lengths -= (lengths > 0) & (last_bytes == ord("\r"))
    return np.flatnonzero(lengths > 0) + 1


def _read_csv_rows(reader: Any, columns: list[str], file: str, lines: _Lines, delimiter: str) -> RawTable:
    width = len(columns)
    rows: list[list[str]] = []
    row_numbers: list[int] = []
    quarantine: list[QuarantinedRow] = []
    blank = 0
    row_number = 1
    last_line = reader.line_num
    try:
        for row in reader:
            row_number += 1
            first_line, last_line = last_line + 1, reader.line_num
            if not row or (len(row) == 1 and not row[0].strip()):
                blank += 1
                continue
            if len(row) > width and not any(cell.strip() for cell in row[width:]):
                row = row[:width]  # trailing empty cells (a common spreadsheet export habit)
            swallowed = _swallowed_rows(lines, first_line, last_line, delimiter, width)
            if swallowed:
                quarantine += _quarantine_swallowed(swallowed, columns, row_number, first_line, last_line)
                row_number += len(swallowed) - 1
                continue
            if len(row) != width:
                quarantine.append(_ragged(row, columns, row_number, first_line, last_line))
                continue
            rows.append(row)
            row_numbers.append(row_number)
    except csv.Error as exc:
        raise InputError(
            f"the CSV breaks at data row {row_number + 1} ({exc}); a quote (\") opened around line "
            f"{last_line + 1} is probably never closed",
            file=file,
            row=row_number + 1,
            fix="close or remove the stray quote in the file, then add it again",
        ) from None
    table = RawTable("csv", columns, _text_frame(columns, rows), np.asarray(row_numbers, dtype=np.int64))
    table.quarantine = quarantine
    if blank:
        table.notes.append(f"{blank} blank line(s) skipped")
    return table


class _Lines:
    """The CSV text's lines as the csv module counts them, split only when first needed."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None

    def span(self, first: int, last: int) -> list[str]:
        if self._lines is None:
            self._lines = io.StringIO(self.text, newline="").readlines()
        return self._lines[first - 1 : last]


def _swallowed_rows(lines: _Lines, first: int, last: int, delimiter: str, width: int) -> list[list[str]]:
    """The rows a stray quote swallowed: a row whose quoted cell spans lines that each read as a row.

    ``2,"Reza Karimi,31`` ... ``4,Mina Rahimi",40``: the quote opened in one name closes in
    another, and the lines between vanish into one name cell. Read with quotes taken as
    plain characters, each such line has as many cells as the header. A cell that spans
    lines legitimately (an address, a note) has lines that do not.
    """
    if last <= first or width < 2:
        return []
    filled = [line.rstrip("\r\n") for line in lines.span(first, last) if line.strip()]
    cells = [next(csv.reader([line], delimiter=delimiter, quoting=csv.QUOTE_NONE)) for line in filled]
    cells = [row[:width] if not any(c.strip() for c in row[width:]) else row for row in cells]
    return cells if len(cells) > 1 and all(len(row) == width for row in cells) else []


def _quarantine_swallowed(
    swallowed: list[list[str]], columns: list[str], row_number: int, first: int, last: int
) -> list[QuarantinedRow]:
    reason = (
        f'a quote (") opened on line {first} closes only on line {last}, so {len(swallowed)} lines that each '
        "look like a row were read as one: probably stray quotes in a name; remove them and add the file again"
    )
    return [
        QuarantinedRow(row_number + offset, reason, cells_as_dict(columns, cells))
        for offset, cells in enumerate(swallowed)
    ]


def _text_frame(columns: list[str], rows: list[list[str | None]]) -> pd.DataFrame:
    """A DataFrame of text cells from row lists (None stays missing)."""
    cells = list(zip(*rows)) if rows else [() for _ in columns]
    return pd.DataFrame({c: pd.array(list(v), dtype="str") for c, v in zip(columns, cells)}, columns=columns)


def _ragged(row: list[str], columns: list[str], row_number: int, first_line: int, last_line: int) -> QuarantinedRow:
    reason = f"{len(row)} cells where the header has {len(columns)}"
    if last_line > first_line:
        reason += f" (a quoted cell spans lines {first_line}-{last_line}: probably an unbalanced quote)"
    return QuarantinedRow(row_number, reason, cells_as_dict(columns, row))


def cells_as_dict(columns: list[str], cells: list[Any]) -> dict[str, Any]:
    original: dict[str, Any] = dict(zip(columns, cells))
    if len(cells) > len(columns):
        original[SURPLUS_KEY] = list(cells[len(columns) :])
    return original


def _next_header(reader: Any, file: str) -> list[str]:
    for row in reader:
        if any(cell.strip() for cell in row):
            return row
    raise InputError("the file is empty", file=file, fix="export the list again, with a header row and its rows")


def _sniff_delimiter(text: str) -> str:
    first_line = text.lstrip("\ufeff\r\n")[:4096].split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def unique_headers(header: list[Any]) -> tuple[list[str], list[str]]:
    """Headers made non-empty and unique ('column_3', 'name (2)'); and the ones renamed."""
    columns: list[str] = []
    renamed: list[str] = []
    seen: set[str] = set()
    for index, raw in enumerate(header, start=1):
        name = str(raw).strip() if raw is not None else ""
        candidate = name or f"column_{index}"
        suffix = 2
        while candidate in seen:
            candidate = f"{name or f'column_{index}'} ({suffix})"
            suffix += 1
        if candidate != name:
            renamed.append(candidate)
        seen.add(candidate)
        columns.append(candidate)
    return columns, renamed


# -- JSON ------------------------------------------------------------------------------


def _read_json(text: str, file: str) -> RawTable:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
            file=file,
            row=exc.lineno,
            fix="fix the JSON there, or export the list as .csv",
        ) from None
    items = data.get("records") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise InputError(
            "the JSON is not a list of records",
            file=file,
            fix='give an array of objects, [{"name": ...}, ...], or {"records": [{"name": ...}, ...]}',
        )
    objects = [item for item in items if isinstance(item, dict)]
    if not objects:
        raise InputError(
            "the JSON holds no records (no objects in the array)",
            file=file,
            fix='give an array of objects, [{"name": ...}, ...], or {"records": [{"name": ...}, ...]}',
        )
    columns = list(dict.fromkeys(key for item in objects for key in item))
    rows: list[list[str | None]] = []
    row_numbers: list[int] = []
    quarantine: list[QuarantinedRow] = []
    for position, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            quarantine.append(QuarantinedRow(position, f"a {type(item).__name__}, not an object", {"value": item}))
            continue
        row_numbers.append(position)
        rows.append([_json_cell(item.get(column)) for column in columns])
    table = RawTable("json", columns, _text_frame(columns, rows), np.asarray(row_numbers, dtype=np.int64))
    table.quarantine = quarantine
    return table


def _json_cell(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


# -- XLSX ------------------------------------------------------------------------------


def _read_xlsx(data: bytes, file: str) -> RawTable:
    import openpyxl  # imported here: only .xlsx files need it

    _refuse_dtd(data, file)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheets = [(sheet.title, _sheet_rows(sheet)) for sheet in book.worksheets]
        finally:
            book.close()
    except Exception as exc:  # a damaged workbook fails anywhere inside openpyxl: one clear message
        raise _unreadable_xlsx(file, f"{type(exc).__name__}: {exc}") from None
    filled = [(title, rows) for title, rows in sheets if rows]
    if not filled:
        raise InputError("every sheet of the workbook is empty", file=file, fix="check you saved the right workbook")
    title, rows = filled[0]
    table = _table_from_rows(rows)
    table.notes.append(f"sheet {title!r}")
    others = [t for t, _ in filled[1:]]
    if others:
        table.notes.append("took the first non-empty sheet; not read: " + ", ".join(repr(t) for t in others))
    empty = [t for t, r in sheets if not r]
    if empty and sheets[0][0] != title:
        table.notes.append("skipped empty sheet(s): " + ", ".join(repr(t) for t in empty))
    return table


def _refuse_dtd(data: bytes, file: str) -> None:
    """Refuse a workbook whose XML declares a DTD: its entities could expand to gigabytes
    ("billion laughs") or pull in other files. Spreadsheet programs never write one.

    A DTD can only stand before the root element, so the start of each XML part is enough;
    a part whose root element does not start within that much is refused too.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _unreadable_xlsx(file, str(exc)) from None
    with archive:
        for info in archive.infolist():
            if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                continue
            try:
                with archive.open(info) as part:
                    head = part.read(XML_PROLOG_BYTES)
            except Exception as exc:  # a damaged or encrypted member
                raise _unreadable_xlsx(file, f"{info.filename}: {exc}") from None
            text = head.decode("utf-16" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8", errors="replace")
            root = re.search(r"<[^?!]", text)
            prolog = text[: root.start()] if root else text
            if "<!DOCTYPE" in prolog.upper() or (root is None and len(head) == XML_PROLOG_BYTES):
                raise InputError(
                    f"the workbook's {info.filename} declares a DTD (entities), which reckon does not read",
                    file=file,
                    fix="open it in a spreadsheet and save it again as .xlsx, or export .csv",
                )


def _unreadable_xlsx(file: str, why: str) -> InputError:
    return InputError(
        f"not a readable .xlsx workbook ({why})",
        file=file,
        fix="open it in a spreadsheet and save it again as .xlsx, or export .csv",
    )


class _SheetRow(NamedTuple):
    number: int  # the sheet's own row number
    cells: list[str | None]  # as text
    numeric: tuple[int, ...]  # positions of the cells that were numbers


def _sheet_rows(sheet: Any) -> list[_SheetRow]:
    """The rows that hold anything, with their cells as text."""
    rows = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = [_xlsx_cell(v) for v in values]
        if any(c is not None and c.strip() for c in cells):
            numeric = tuple(i for i, v in enumerate(values) if _is_number(v))
            rows.append(_SheetRow(number, cells, numeric))
    return rows


def _table_from_rows(rows: list[_SheetRow]) -> RawTable:
    width = max(_last_filled(row.cells) for row in rows)
    header = (rows[0].cells + [None] * width)[:width]
    columns, renamed = unique_headers(header)
    body = [(row.cells + [None] * width)[:width] for row in rows[1:]]
    numbers = np.asarray([row.number for row in rows[1:]], dtype=np.int64)
    table = RawTable("xlsx", columns, _text_frame(columns, body), numbers, numeric=_numeric_masks(columns, rows[1:]))
    if renamed:
        table.notes.append("headers renamed to be unique or non-empty: " + ", ".join(renamed))
    return table


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)  # True/False cells are bools


def _numeric_masks(columns: list[str], body: list[_SheetRow]) -> dict[str, np.ndarray]:
    """{column: True for the body rows whose cell was a number}, for columns with any."""
    masks: dict[str, np.ndarray] = {}
    for position, row in enumerate(body):
        for index in row.numeric:
            if index < len(columns):
                masks.setdefault(columns[index], np.zeros(len(body), dtype=bool))[position] = True
    return masks


def _last_filled(cells: list[str | None]) -> int:
    for index in range(len(cells), 0, -1):
        if cells[index - 1] is not None and cells[index - 1].strip():
            return index
    return 0


def _xlsx_cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
