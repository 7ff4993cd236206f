"""From a table of text cells to canonical victim records.

Speed matters (a million rows must import in seconds), so nothing here loops over rows in
Python. Free-text columns (names, places) are cleaned with Arrow compute kernels; the messy
columns (dates, ages, sex) are parsed once per *distinct* value and spread back over the
rows by index.

What happens to a cell we cannot read:

* quarantine the row: nothing about a person at all (no name and no age, sex, date, place,
  father's name or id number: an empty row, or one with only an id or notes); a date of death
  or birth that holds digits but is not a date (``1398/13/40``, ``16.11``) — it was meant as
  a date, and guessing would be worse;
* keep the row as an *unidentified* victim (``identified`` false): no name, but an age, a
  place, a date or another fact about the person;
* keep the row, store NULL and a note in ``import_notes``: an age, sex or birth year we
  cannot read, a national id without digits, or a date without digits that is not an
  "unknown" word;
* keep the row, store NULL, no note: an empty cell or an explicit "unknown" (نامعلوم, n/a, ?).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from reckon.lists.tables import QuarantinedRow, RawTable
from reckon.lists.values import (
    UNKNOWN_WORDS,
    NameCell,
    Problem,
    age_note,
    alternative_full_names,
    looks_month_first,
    parse_age,
    parse_birth_year,
    parse_date,
    parse_national_id,
    parse_sex,
    read_name_cell,
)
from reckon.names.script import INVISIBLE, PERSIAN_COMPOSITIONS, ZWNJ_REPAIRS

NAME_FIELDS = ("name", "name_native", "given_name", "family_name")
TEXT_FIELDS = (
    "source_record_id", "name", "name_native", "given_name", "family_name", "father_name",
    "place_of_death", "province", "notes",
)
# Facts about a person other than the name: a row with none of them and no name is empty.
FACT_FIELDS = (
    "father_name", "sex", "age", "birth_year", "date_of_birth", "date_of_death", "place_of_death",
    "province", "national_id",
)
RECORD_COLUMNS = (
    "row_number", "source_record_id", "name", "name_native", "given_name", "family_name",
    "father_name", "sex", "age_text", "age_low", "age_high", "birth_year", "date_of_birth",
    "date_of_death", "date_of_death_low", "date_of_death_high", "place_of_death", "province",
    "national_id", "notes", "import_notes", "identified", "name_alternatives",
)
NATIONAL_ID_DIGITS = 10  # an Iranian national code; a shorter number may have lost leading zeros
ARABIC_SCRIPT = "[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]"
_NON_ASCII_DIGITS = "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩"
_NULL_TEXT = pa.scalar(None, pa.string())
_INTEGER_TYPES = {pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype()}


@dataclass
class ParsedRecords:
    """Canonical fields for the rows kept; ``keep`` marks them among the table's rows."""

    frame: pd.DataFrame
    keep: np.ndarray
    quarantine: list[QuarantinedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class _RowIssues:
    """Notes (row kept) and quarantine reasons (row set aside), by row position."""

    def __init__(self) -> None:
        self.notes: dict[int, list[str]] = {}
        self.reasons: dict[int, list[str]] = {}

    def note(self, position: int, text: str) -> None:
        self.notes.setdefault(position, []).append(text)

    def quarantine(self, position: int, text: str) -> None:
        self.reasons.setdefault(position, []).append(text)


def parse_records(table: RawTable, mapping: dict[str, str]) -> ParsedRecords:
    """Canonical fields for every row of ``table``, using ``mapping`` {field: column}."""
    size = len(table.row_numbers)
    cells = {f: table.frame[c] for f, c in mapping.items()}
    issues = _RowIssues()
    notes: list[str] = []
    out: dict[str, Any] = {"row_number": pa.array(table.row_numbers, type=pa.int32())}
    for name in TEXT_FIELDS:
        out[name] = clean_text(
            cells.get(name), size, drop_unknown=name in (*NAME_FIELDS, "father_name"), compatibility=name != "notes"
        )
    alternatives = _read_name_notes(out, issues)
    _fill_names(out)
    out["name_alternatives"] = _json_lists(alternatives, size)
    out["sex"] = _Coded(cells.get("sex"), size, parse_sex).checked(issues, "sex").take(lambda v: v, pa.string())
    _add_age(out, cells.get("age"), size, issues)
    out["birth_year"] = _Coded(cells.get("birth_year"), size, parse_birth_year).checked(issues, "birth year").take(
        lambda v: v, pa.int32()
    )
    out["date_of_birth"] = _dates(cells.get("date_of_birth"), size, issues, notes, "date of birth")[0]
    out["date_of_death"], out["date_of_death_low"], out["date_of_death_high"] = _dates(
        cells.get("date_of_death"), size, issues, notes, "date of death"
    )
    numeric_ids = table.numeric.get(mapping.get("national_id", ""))
    out["national_id"] = _national_ids(cells.get("national_id"), numeric_ids, size, issues, notes)
    out["identified"] = _named(out)
    _set_aside_empty_rows(out["identified"], cells, size, issues)
    out["import_notes"] = _joined_notes(issues.notes, size)
    keep = np.ones(size, dtype=bool)
    keep[list(issues.reasons)] = False
    quarantined = _quarantined_rows(table, issues.reasons)
    arrow = pa.table({name: out[name] for name in RECORD_COLUMNS}).filter(pa.array(keep))
    frame = arrow.to_pandas(types_mapper=_INTEGER_TYPES.get)
    return ParsedRecords(frame, keep, quarantined, notes)


def clean_text(
    values: pd.Series | None, size: int, *, drop_unknown: bool = False, compatibility: bool = True
) -> pa.Array:
    """Unicode-repaired (``reckon.names.script.repair_text``: NFKC, or NFC without
    ``compatibility``), trimmed, single-spaced, ASCII digits; empty (and, if asked,
    "unknown") becomes NULL.

    The work is done on the column's distinct values (Arrow dictionary encoding), then spread.
    """
    if values is None:
        return pa.nulls(size, pa.string())
    text = pa.array(values, type=pa.string(), from_pandas=True)
    if isinstance(text, pa.ChunkedArray):
        text = text.combine_chunks()
    encoded = pc.dictionary_encode(text)
    return _clean_distinct(encoded.dictionary, drop_unknown, compatibility).take(encoded.indices)


def _repaired(text: pa.Array, compatibility: bool) -> pa.Array:
    """``repair_text`` on a whole column, with Arrow kernels (the same rules and patterns)."""
    if not pc.any(pc.match_substring_regex(text, r"[^\x{00}-\x{7f}]")).as_py():
        return text  # plain ASCII: no normal form or invisible character to repair
    text = pc.utf8_normalize(text, form="NFKC" if compatibility else "NFC")
    for pair, letter in PERSIAN_COMPOSITIONS:
        text = pc.replace_substring(text, pattern=pair, replacement=letter)
    text = pc.replace_substring_regex(text, pattern=INVISIBLE, replacement="")
    for pattern, replacement in ZWNJ_REPAIRS:
        text = pc.replace_substring_regex(text, pattern=pattern, replacement=replacement)
    return text


def _clean_distinct(text: pa.Array, drop_unknown: bool, compatibility: bool = True) -> pa.Array:
    text = _repaired(text, compatibility)
    text = pc.utf8_trim_whitespace(text)
    text = pc.replace_substring_regex(text, pattern=r"[\s\x{a0}]{2,}|[\t\n\r\f\v\x{a0}]", replacement=" ")
    if pc.any(pc.match_substring_regex(text, f"[{_NON_ASCII_DIGITS}]")).as_py():
        for index, digit in enumerate(_NON_ASCII_DIGITS):
            text = pc.replace_substring(text, pattern=digit, replacement=str(index % 10))
    empty = pc.equal(text, "")
    if drop_unknown:
        empty = pc.or_(empty, pc.is_in(_lookup_keys(text), value_set=pa.array(sorted(UNKNOWN_WORDS))))
    return pc.if_else(empty, _NULL_TEXT, text)


def _lookup_keys(text: Any) -> Any:
    lowered = pc.utf8_lower(text)
    return pc.replace_substring(pc.replace_substring(lowered, pattern="ي", replacement="ی"), pattern="ك", replacement="ک")


# -- parsing once per distinct value ---------------------------------------------------------


class _Coded:
    """A column parsed once per distinct value: ``results[codes[row]]`` is the row's result."""

    def __init__(self, values: pd.Series | None, size: int, parse: Callable[[str], Any]) -> None:
        if values is None:
            self.codes = np.zeros(size, dtype=np.int64)
            self.results: list[Any] = [None]
            return
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        self.results = [parse(value) for value in uniques] + [None]  # the last slot: missing cells
        self.codes = np.where(codes < 0, len(self.results) - 1, codes)

    def checked(self, issues: _RowIssues, label: str, *, quarantine_meant: bool = False) -> _Coded:
        """Problems become NULL, with a note on their rows (or quarantine, if meant as a value)."""
        bad = np.array([isinstance(r, Problem) for r in self.results])
        if bad.any():
            for position in np.flatnonzero(bad[self.codes]).tolist():
                problem = self.results[self.codes[position]]
                if quarantine_meant and problem.meant_as_value:
                    issues.quarantine(position, f"{label}: {problem.reason}")
                else:
                    issues.note(position, f"{label}: {problem.reason}")
            self.results = [None if isinstance(r, Problem) else r for r in self.results]
        return self

    def take(self, attribute: Callable[[Any], Any], arrow_type: pa.DataType) -> pa.Array:
        table = pa.array([attribute(r) if r is not None else None for r in self.results], type=arrow_type)
        return table.take(pa.array(self.codes))


def _add_age(out: dict[str, Any], values: pd.Series | None, size: int, issues: _RowIssues) -> None:
    out["age_text"] = clean_text(values, size)
    ages = _Coded(values, size, parse_age).checked(issues, "age")
    out["age_low"] = ages.take(lambda bounds: bounds[0], pa.int32())
    out["age_high"] = ages.take(lambda bounds: bounds[1], pa.int32())
    # "17 or 27" is kept as 17-27, with a note that it is two readings
    notes = _Coded(values, size, lambda v: age_note(str(v)))
    noted = np.array([r is not None for r in notes.results], dtype=bool)
    for position in np.flatnonzero(noted[notes.codes]).tolist():
        issues.note(position, notes.results[notes.codes[position]])


def _national_ids(
    values: pd.Series | None, numeric: np.ndarray | None, size: int, issues: _RowIssues, notes: list[str]
) -> pa.Array:
    """Digits as text; a spreadsheet number shorter than a national code gets a note."""
    ids = _Coded(values, size, parse_national_id).checked(issues, "national id").take(lambda v: v, pa.string())
    if numeric is None:
        return ids
    short = pc.fill_null(pc.less(pc.utf8_length(ids), NATIONAL_ID_DIGITS), False)
    flagged = np.flatnonzero(numeric & np.asarray(short, dtype=bool)).tolist()
    for position in flagged:
        issues.note(
            position,
            f"national id: {ids[position].as_py()} was a number in the spreadsheet and is shorter than "
            f"{NATIONAL_ID_DIGITS} digits; leading zeros may have been lost",
        )
    if flagged:
        notes.append(
            f"national id: {len(flagged)} cell(s) were spreadsheet numbers shorter than {NATIONAL_ID_DIGITS} "
            "digits; leading zeros may have been lost (format the column as text and export again)"
        )
    return ids


def _dates(
    values: pd.Series | None, size: int, issues: _RowIssues, notes: list[str], label: str
) -> tuple[pa.Array, pa.Array, pa.Array]:
    """(ISO text, low, high) per row; unreadable dates with digits quarantine their row."""
    month_first = values is not None and looks_month_first(pd.unique(values.dropna()).tolist())
    if month_first:
        notes.append(f"{label}: dates like 11/16/2019 read as month/day/year")
    dates = _Coded(values, size, lambda v: parse_date(v, month_first=month_first))
    dates.checked(issues, label, quarantine_meant=True)
    iso = dates.take(lambda d: d.iso, pa.string())
    low = dates.take(lambda d: d.low.isoformat(), pa.string())
    high = dates.take(lambda d: d.high.isoformat(), pa.string())
    return iso, low, high


# -- names -----------------------------------------------------------------------------------


def _fill_names(out: dict[str, Any]) -> None:
    """`name` holds Latin script, `name_native` Persian/Arabic; given + family fill a missing name."""
    # (filled with "" first: Arrow's null_handling="skip" mis-sizes all-null inputs)
    parts = [pc.fill_null(out[name], "") for name in ("given_name", "family_name")]
    joined = pc.utf8_trim_whitespace(pc.binary_join_element_wise(*parts, " "))
    joined = pc.if_else(pc.equal(joined, ""), _NULL_TEXT, joined)
    missing = pc.and_(pc.is_null(out["name"]), pc.is_null(out["name_native"]))
    name = pc.if_else(missing, joined, out["name"])
    in_arabic_script = pc.fill_null(pc.match_substring_regex(name, ARABIC_SCRIPT), False)
    move = pc.and_(in_arabic_script, pc.is_null(out["name_native"]))
    out["name_native"] = pc.if_else(move, name, out["name_native"])
    out["name"] = pc.if_else(move, _NULL_TEXT, name)


def _read_name_notes(out: dict[str, Any], issues: _RowIssues) -> dict[int, list[str]]:
    """Take notes in parentheses out of the name fields (``reckon.lists.values.read_name_cell``).

    A note that the given name is unknown leaves the given name NULL and makes the rest the
    family name; a name in parentheses becomes an alternative whole name (returned by row);
    other notes go to ``import_notes``. Only cells with a parenthesis or bracket are read.
    """
    alternatives: dict[int, list[str]] = {}
    fills: dict[str, dict[int, str]] = {"given_name": {}, "family_name": {}}
    for field_name in NAME_FIELDS:
        column = out[field_name]
        marked = np.asarray(pc.fill_null(pc.match_substring_regex(column, r"[(\[]"), False), dtype=bool)
        positions = np.flatnonzero(marked).tolist()
        if not positions:
            continue
        written = column.take(pa.array(positions)).to_pylist()
        read = {text: read_name_cell(text) for text in set(written)}
        cells = [read[text] for text in written]
        out[field_name] = _replaced(column, marked, [cell.name for cell in cells])
        for position, text, cell in zip(positions, written, cells):
            _apply_name_notes(out, field_name, position, text, cell, issues, alternatives, fills)
    for field_name, values in fills.items():
        _fill_empty(out, field_name, values)
    return alternatives


def _apply_name_notes(
    out: dict[str, Any], field_name: str, position: int, text: str, cell: NameCell, issues: _RowIssues,
    alternatives: dict[int, list[str]], fills: dict[str, dict[int, str]],
) -> None:
    """One cell's notes: flags become notes and fill the other name part, alternatives are kept."""
    full_name = field_name in ("name", "name_native")
    if cell.given_unknown:
        issues.note(position, f"{field_name}: the given name is not known ({text!r})")
        if full_name and cell.name:
            fills["family_name"].setdefault(position, cell.name)
    if cell.family_unknown:
        issues.note(position, f"{field_name}: the family name is not known ({text!r})")
        if full_name and cell.name:
            fills["given_name"].setdefault(position, cell.name)
    if cell.alternatives:
        base, family_only = cell.name, field_name == "family_name"
        if family_only:
            given = out["given_name"][position].as_py()
            base = f"{given} {cell.name}" if given and cell.name else cell.name
        names = alternative_full_names(base, cell.alternatives, family_only=family_only)
        alternatives.setdefault(position, []).extend(names)
    for note in cell.notes:
        issues.note(position, f"{field_name}: note {note!r} taken out of the name")


def _fill_empty(out: dict[str, Any], field_name: str, values: dict[int, str]) -> None:
    """Set rows' field where it is empty (a list's own given/family columns win)."""
    if not values:
        return
    column = out[field_name]
    mask = np.zeros(len(column), dtype=bool)
    mask[list(values)] = True
    mask &= ~np.asarray(column.is_valid(), dtype=bool)
    positions = np.flatnonzero(mask).tolist()
    out[field_name] = _replaced(column, mask, [values[p] for p in positions])


def _replaced(column: pa.Array, mask: np.ndarray, values: list[str | None]) -> pa.Array:
    return pc.replace_with_mask(column, pa.array(mask), pa.array(values, type=pa.string()))


def _json_lists(by_row: dict[int, list[str]], size: int) -> pa.Array:
    cells = np.full(size, None, dtype=object)
    for position, names in by_row.items():
        cells[position] = json.dumps(list(dict.fromkeys(names)), ensure_ascii=False)
    return pa.array(cells, type=pa.string())


def _named(out: dict[str, Any]) -> pa.Array:
    """True where any name field holds a name: the record can be linked by name."""
    named = pc.is_valid(out[NAME_FIELDS[0]])
    for name in NAME_FIELDS[1:]:
        named = pc.or_(named, pc.is_valid(out[name]))
    return named


def _set_aside_empty_rows(named: pa.Array, cells: dict[str, pd.Series], size: int, issues: _RowIssues) -> None:
    """Quarantine rows with no name and no fact about the person (only an id, notes or nothing).

    A fact counts as written even if it could not be read (an age of "young" is still an age).
    """
    has_fact = pc.fill_null(named, False)
    for name in FACT_FIELDS:
        if name in cells:
            written = pc.is_valid(clean_text(cells[name], size, drop_unknown=True))
            has_fact = pc.or_(has_fact, written)
    for position in np.flatnonzero(~np.asarray(has_fact, dtype=bool)).tolist():
        issues.quarantine(position, "no name and nothing else about the person (age, date, place, ...)")


def _joined_notes(notes: dict[int, list[str]], size: int) -> pa.Array:
    joined = np.full(size, None, dtype=object)
    for position, texts in notes.items():
        joined[position] = "; ".join(texts)
    return pa.array(joined, type=pa.string())


def _quarantined_rows(table: RawTable, reasons: dict[int, list[str]]) -> list[QuarantinedRow]:
    """The rows set aside, with their cells as written (built in one go: there may be many)."""
    positions = sorted(reasons)
    cells = table.frame.iloc[positions].astype(object)
    originals = cells.where(cells.notna(), None).to_dict(orient="records")
    return [
        QuarantinedRow(int(table.row_numbers[p]), "; ".join(reasons[p]), original)
        for p, original in zip(positions, originals)
    ]
