"""From a table of text cells to canonical victim records.

Each column is parsed once per distinct value (a million rows usually hold a few thousand
distinct dates and ages), then spread back over the rows with NumPy.

What happens to a cell we cannot read:

* quarantine the row: no name at all; a date of death or birth that holds digits but is
  not a date (``1398/13/40``, ``16.11``) — it was meant as a date, and guessing would be worse;
* keep the row, store NULL and a note in ``import_notes``: an age, sex or birth year we
  cannot read, or a date without digits that is not an "unknown" word;
* keep the row, store NULL, no note: an empty cell or an explicit "unknown" (نامعلوم, n/a, ?).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from reckon.sources.list_tables import QuarantinedRow, RawTable
from reckon.sources.list_values import (
    DateValue,
    Problem,
    clean_cell,
    is_unknown,
    looks_month_first,
    parse_age,
    parse_birth_year,
    parse_date,
    parse_sex,
)

TEXT_FIELDS = (
    "source_record_id", "name", "name_native", "given_name", "family_name", "father_name",
    "place_of_death", "province", "notes",
)
RECORD_COLUMNS = (
    "row_number", "source_record_id", "name", "name_native", "given_name", "family_name",
    "father_name", "sex", "age_text", "age_low", "age_high", "birth_year", "date_of_birth",
    "date_of_death", "date_of_death_low", "date_of_death_high", "place_of_death", "province",
    "notes", "import_notes",
)
NAME_FIELDS = ("name", "name_native", "given_name", "family_name")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


@dataclass
class ParsedRecords:
    """Canonical fields for the rows kept; ``keep`` marks them among the table's rows."""

    frame: pd.DataFrame
    keep: np.ndarray
    quarantine: list[QuarantinedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class _RowIssues:
    """Notes (row kept) and quarantine reasons (row set aside), by row position."""

    def __init__(self, size: int) -> None:
        self.notes: dict[int, list[str]] = {}
        self.reasons: dict[int, list[str]] = {}

    def note(self, positions: np.ndarray, text: str) -> None:
        for position in positions.tolist():
            self.notes.setdefault(position, []).append(text)

    def quarantine(self, positions: np.ndarray, text: str) -> None:
        for position in positions.tolist():
            self.reasons.setdefault(position, []).append(text)


def parse_records(table: RawTable, mapping: dict[str, str]) -> ParsedRecords:
    """Canonical fields for every row of ``table``, using ``mapping`` {field: column}."""
    size = len(table.row_numbers)
    column_of = {name: cells for name, cells in zip(table.columns, table.cells)}
    cells = {f: column_of[c] for f, c in mapping.items()}
    issues = _RowIssues(size)
    notes: list[str] = []
    out: dict[str, Any] = {"row_number": np.asarray(table.row_numbers, dtype=np.int64)}
    for name in TEXT_FIELDS:
        out[name] = _per_value(cells.get(name), size, _name_value if name in (*NAME_FIELDS, "father_name") else _text_value)
    _fill_names(out)
    out["sex"] = _checked(cells.get("sex"), size, parse_sex, issues)
    _add_age(out, cells.get("age"), size, issues)
    out["birth_year"] = pd.array(_checked(cells.get("birth_year"), size, parse_birth_year, issues), dtype="Int64")
    out["date_of_birth"] = _dates(cells.get("date_of_birth"), size, issues, notes, "date of birth")[0]
    out["date_of_death"], out["date_of_death_low"], out["date_of_death_high"] = _dates(
        cells.get("date_of_death"), size, issues, notes, "date of death"
    )
    _require_a_name(out, issues)
    out["import_notes"] = _joined_notes(issues.notes, size)
    keep = np.ones(size, dtype=bool)
    quarantined = []
    for position, reasons in sorted(issues.reasons.items()):
        keep[position] = False
        original = {c: col[position] for c, col in zip(table.columns, table.cells)}
        quarantined.append(QuarantinedRow(table.row_numbers[position], "; ".join(reasons), original))
    frame = pd.DataFrame({name: out[name] for name in RECORD_COLUMNS})[keep].reset_index(drop=True)
    return ParsedRecords(frame, keep, quarantined, notes)


# -- spreading per-value results over rows -----------------------------------------------


def _per_value(values: list[str | None] | None, size: int, parse: Callable[[str | None], Any]) -> np.ndarray:
    """parse() applied once per distinct value; an object array with one result per row."""
    if values is None:
        return np.full(size, None, dtype=object)
    codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    results = np.empty(len(uniques) + 1, dtype=object)
    results[:-1] = [parse(value) for value in uniques]
    results[-1] = parse(None)  # code -1 (a missing cell) takes the last slot
    return results[codes]


def _checked(values: list[str | None] | None, size: int, parse: Callable[[str], Any], issues: _RowIssues) -> np.ndarray:
    """Like _per_value, but a Problem becomes NULL plus a note on its rows."""
    parsed = _per_value(values, size, lambda v: parse(v) if v is not None else None)
    for problem, positions in _problems(parsed).items():
        issues.note(positions, problem.reason)
        parsed[positions] = None
    return parsed


def _problems(parsed: np.ndarray) -> dict[Problem, np.ndarray]:
    is_problem = np.fromiter((isinstance(v, Problem) for v in parsed), dtype=bool, count=len(parsed))
    found: dict[Problem, np.ndarray] = {}
    for position in np.flatnonzero(is_problem).tolist():
        found.setdefault(parsed[position], [])
        found[parsed[position]].append(position)  # type: ignore[union-attr]
    return {problem: np.asarray(positions) for problem, positions in found.items()}


def _text_value(value: str | None) -> str | None:
    text = clean_cell(value)
    return text or None


def _name_value(value: str | None) -> str | None:
    """A name cell; "unknown" (نامعلوم, ?) is not a name."""
    text = clean_cell(value)
    return None if is_unknown(text) else text


# -- fields ---------------------------------------------------------------------------------


def _fill_names(out: dict[str, Any]) -> None:
    """`name` holds Latin script, `name_native` Persian/Arabic; given + family fill a missing name."""
    name, native = out["name"], out["name_native"]
    joined = _join_names(out["given_name"], out["family_name"])
    missing = np.fromiter((a is None and b is None for a, b in zip(name, native)), dtype=bool, count=len(name))
    name[missing] = joined[missing]
    in_arabic_script = _per_value(list(name), len(name), lambda v: bool(v and _ARABIC_SCRIPT.search(v)))
    move = in_arabic_script.astype(bool) & np.fromiter((v is None for v in native), dtype=bool, count=len(native))
    native[move] = name[move]
    name[move] = None


def _join_names(given: np.ndarray, family: np.ndarray) -> np.ndarray:
    joined = np.empty(len(given), dtype=object)
    joined[:] = [" ".join(p for p in (g, f) if p) or None for g, f in zip(given, family)]
    return joined


def _add_age(out: dict[str, Any], values: list[str | None] | None, size: int, issues: _RowIssues) -> None:
    out["age_text"] = _per_value(values, size, _text_value)
    bounds = _checked(values, size, parse_age, issues)
    out["age_low"] = pd.array([b[0] if b else None for b in bounds], dtype="Int64")
    out["age_high"] = pd.array([b[1] if b else None for b in bounds], dtype="Int64")


def _dates(
    values: list[str | None] | None, size: int, issues: _RowIssues, notes: list[str], label: str
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ISO text, low, high) per row; unreadable dates with digits quarantine their row."""
    month_first = values is not None and looks_month_first(pd.unique(pd.Series(values, dtype=object).dropna()).tolist())
    if month_first:
        notes.append(f"{label}: dates like 11/16/2019 read as month/day/year")
    parsed = _per_value(values, size, lambda v: parse_date(v, month_first=month_first) if v is not None else None)
    for problem, positions in _problems(parsed).items():
        if problem.meant_as_value:
            issues.quarantine(positions, f"{label}: {problem.reason}")
        else:
            issues.note(positions, f"{label}: {problem.reason}")
        parsed[positions] = None
    iso = _per_value_of(parsed, lambda d: d.iso)
    low = _per_value_of(parsed, lambda d: d.low.isoformat())
    high = _per_value_of(parsed, lambda d: d.high.isoformat())
    return iso, low, high


def _per_value_of(parsed: np.ndarray, attribute: Callable[[DateValue], str]) -> np.ndarray:
    out = np.empty(len(parsed), dtype=object)
    out[:] = [attribute(d) if d is not None else None for d in parsed]
    return out


def _require_a_name(out: dict[str, Any], issues: _RowIssues) -> None:
    nameless = np.ones(len(out["row_number"]), dtype=bool)
    for name in NAME_FIELDS:
        nameless &= np.fromiter((v is None for v in out[name]), dtype=bool, count=len(nameless))
    issues.quarantine(np.flatnonzero(nameless), "no name")


def _joined_notes(notes: dict[int, list[str]], size: int) -> np.ndarray:
    joined = np.full(size, None, dtype=object)
    for position, texts in notes.items():
        joined[position] = "; ".join(texts)
    return joined
