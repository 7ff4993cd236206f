"""Capture histories: how many people each combination of lists documents.

The input of every estimator. One row per observed pattern (a 0/1 flag per list) with a
count; unobserved patterns have count 0 and the all-zero pattern (the people no list
recorded) is what the estimators infer.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from reckon.errors import InputError
from reckon.storage.files import read_bytes_nofollow

if TYPE_CHECKING:
    from reckon.case import Case

MAX_LISTS = 15


@dataclass(frozen=True)
class CaptureHistories:
    """Observed capture patterns: ``patterns[i, j] == 1`` if pattern i includes list j."""

    lists: tuple[str, ...]
    patterns: np.ndarray  # shape (n_patterns, n_lists), dtype int8, no all-zero row, no duplicates
    counts: np.ndarray  # shape (n_patterns,), dtype int64, all > 0
    source: str | None = None  # file or case it came from, for messages and provenance

    @property
    def n_lists(self) -> int:
        return len(self.lists)

    @property
    def observed(self) -> int:
        """People documented by at least one list."""
        return int(self.counts.sum())

    def full_table(self) -> np.ndarray:
        """Counts for all 2**k patterns, indexed by the pattern's bits (list 0 = lowest bit).

        Entry 0 (nobody recorded) is 0 here: it is the unknown.
        """
        table = np.zeros(2**self.n_lists, dtype=np.int64)
        weights = 1 << np.arange(self.n_lists)
        table[self.patterns.astype(np.int64) @ weights] = self.counts
        return table

    def list_totals(self) -> dict[str, int]:
        return {name: int(self.counts[self.patterns[:, j] == 1].sum()) for j, name in enumerate(self.lists)}

    def overlap(self, first: str, second: str) -> int:
        """People documented by both lists (by the list itself when ``first == second``)."""
        i, j = self.lists.index(first), self.lists.index(second)
        return int(self.counts[(self.patterns[:, i] == 1) & (self.patterns[:, j] == 1)].sum())


def from_rows(
    lists: list[str], rows: list[tuple[tuple[int, ...], int]], *, source: str | None = None
) -> CaptureHistories:
    """Build from (pattern, count) pairs; zero counts are dropped, duplicates refused."""
    _check_list_count(len(lists), source)
    seen: dict[tuple[int, ...], int] = {}
    for pattern, count in rows:
        if pattern in seen:
            raise InputError(
                f"pattern {''.join(map(str, pattern))} appears twice",
                file=source,
                fix="merge the rows into one and add their counts",
            )
        seen[pattern] = count
    kept = [(p, c) for p, c in seen.items() if c > 0]
    if not kept:
        raise InputError("no one is documented (all counts are 0)", file=source, fix="check the count column")
    patterns = np.array([p for p, _ in kept], dtype=np.int8)
    counts = np.array([c for _, c in kept], dtype=np.int64)
    return CaptureHistories(tuple(lists), patterns, counts, source)


def read_capture_csv(path: str | Path, *, strata: str | None = None) -> dict[str | None, CaptureHistories]:
    """Read a capture-history CSV: one 0/1 column per list, a `count` column, optional stratum.

    Returns {stratum value: histories}; without ``strata`` the single key is None.
    """
    path = Path(path)
    name = path.name
    try:
        text = read_bytes_nofollow(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("is not UTF-8 text", file=name, fix="save it as UTF-8 CSV") from exc
    reader = csv.reader(text.splitlines())
    header = next(reader, None)
    if not header:
        raise InputError("is empty", file=name, fix="give a header row: one column per list, then `count`")
    header = [h.strip() for h in header]
    if "count" not in header:
        raise InputError(
            f"has no `count` column (columns: {', '.join(header)})",
            file=name,
            fix="add a `count` column with the number of people in each pattern",
        )
    if strata is not None and strata not in header:
        raise InputError(f"has no stratum column `{strata}`", file=name, fix="check --strata")
    list_columns = [h for h in header if h not in ("count", strata)]
    by_stratum: dict[str | None, list[tuple[tuple[int, ...], int]]] = {}
    for row_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(
                f"has {len(row)} cells but the header has {len(header)}", file=name, row=row_number,
                fix="make every row as long as the header",
            )
        cells = dict(zip(header, (c.strip() for c in row)))
        pattern = tuple(_flag(cells[c], c, name, row_number) for c in list_columns)
        if not any(pattern):
            raise InputError(
                "has an all-zero pattern (nobody can be counted as on no list)", file=name, row=row_number,
                fix="delete this row: the people on no list are what the estimate infers",
            )
        count = _count(cells["count"], name, row_number)
        key = cells[strata] if strata else None
        by_stratum.setdefault(key, []).append((pattern, count))
    if not by_stratum:
        raise InputError("has a header but no rows", file=name, fix="add one row per observed pattern")
    return {key: from_rows(list_columns, rows, source=name) for key, rows in by_stratum.items()}


def _flag(value: str, column: str, file: str, row: int) -> int:
    if value not in ("0", "1"):
        raise InputError(
            f"column `{column}` holds {value!r}, not 0 or 1", file=file, row=row,
            fix="use 1 for 'on this list' and 0 for 'not on it'",
        )
    return int(value)


def _count(value: str, file: str, row: int) -> int:
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not number == number or number < 0 or number != int(number):
        raise InputError(
            f"count {value!r} is not a whole number >= 0", file=file, row=row,
            fix="counts are numbers of people: 0, 1, 2, ...",
        )
    return int(number)


def _check_list_count(n_lists: int, source: str | None) -> None:
    if n_lists < 2:
        raise InputError(
            f"has {n_lists} list column(s); estimation needs at least 2 lists",
            file=source, fix="add the other lists' 0/1 columns",
        )
    if n_lists > MAX_LISTS:
        raise InputError(
            f"has {n_lists} lists; reckon handles at most {MAX_LISTS}",
            file=source, fix="merge small lists (as the UK 5-list table merges PF and NCA)",
        )


def histories_hash(histories: CaptureHistories) -> str:
    """SHA-256 of the capture-history table: list names, then each pattern and count, sorted.

    The same people on the same lists give the same hash, whatever the row order or source.
    """
    import hashlib

    lines = [",".join(histories.lists)]
    rows = sorted(
        ("".join(str(int(b)) for b in pattern), int(count))
        for pattern, count in zip(histories.patterns, histories.counts)
    )
    lines += [f"{pattern},{count}" for pattern, count in rows]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def capture_histories(
    case: Case, *, threshold: float | None = None, identified_only: bool = False
) -> CaptureHistories:
    """One capture pattern per person: the set of lists that document them.

    With ``threshold``, the stored links (reviewer decisions applied) are clustered again at
    that probability; pairs scored below the run's ``keep_pairs_above`` were not stored.

    An unidentified record (no name) is never linked, so it is a person of its own seen by
    its one list: it adds to that list's single-list cell, although the same person may
    well be named on another list. ``identified_only`` leaves out the persons made only of
    unidentified records (the estimate then covers the people who could be named).
    """
    from reckon.lists.store import list_names

    if threshold is None:
        from reckon.linkage.store import load_persons  # linkage owns the persons

        persons = load_persons(case)
    else:
        from reckon.linkage.case_links import recluster_persons  # loads Splink's clustering

        persons = recluster_persons(case, threshold)
    if identified_only:
        persons = _identified_persons(case, persons)
    lists = list_names(case)
    patterns = Counter(
        tuple(int(name in documented) for name in lists)
        for documented in persons.groupby("person_id")["list_name"].agg(frozenset)
    )
    source = f"case {case.folder.resolve().name}" + (f" at threshold {threshold}" if threshold is not None else "")
    source += ", identified victims only" if identified_only else ""
    return from_rows(lists, sorted(patterns.items(), reverse=True), source=source)


def _identified_persons(case: Case, persons: Any) -> Any:
    """The persons with at least one named record."""
    from reckon.lists.store import load_records

    records = load_records(case, columns=("record_id", "identified"))
    named = set(records.loc[records["identified"].fillna(True).astype(bool), "record_id"])
    keep = persons.loc[persons["record_id"].isin(named), "person_id"].unique()
    return persons[persons["person_id"].isin(keep)]
