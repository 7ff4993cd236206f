"""What a text cell may hold when reckon writes it to a CSV file someone opens in a spreadsheet.

    safe_cell("=HYPERLINK(...)")   # -> "'=HYPERLINK(...)"
    safe_cell("Org\u202eevil")      # -> "Org<U+202E>evil"

Names, quotes and organisations come from lists and articles anyone could have written.
A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula (and
strips a leading tab or carriage return before looking), so such a cell gets a leading
``'``, which spreadsheets read as "this is text" and do not show. Plain numbers such as
``-3`` or ``+7.5`` are left alone: they are not formulas, and a sign is part of the value.

Bidirectional controls that embed, override or isolate a direction (U+202A–U+202E,
U+2066–U+2069) can make "Org" + U+202E + "evil" display as "Orglive": they are written as
a visible ``<U+202E>``. The left-to-right and right-to-left marks (U+200E, U+200F, U+061C)
only steer neutral characters such as spaces and digits, which Persian and Arabic text
needs; they stay.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BIDI_CONTROLS = frozenset(chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def safe_cell(text: str) -> str:
    """``text`` as a spreadsheet will show it and never run it (see the module's docstring)."""
    text = escape_bidi(text)
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def escape_bidi(text: str) -> str:
    """Direction overrides, embeddings and isolates written as a visible ``<U+XXXX>``."""
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def has_bidi_controls(text: str) -> bool:
    return _BIDI.search(text) is not None


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, raw: bool = False) -> str:
    """Rows as CSV text, every cell through ``safe_cell`` unless ``raw``; lists and dicts as JSON."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for cells in ([*columns], *([cell_text(row.get(k)) for k in columns] for row in rows)):
        writer.writerow(cells if raw else [safe_cell(c) for c in cells])
    return buffer.getvalue()


def cell_text(value: Any) -> str:
    """A value as the text of one cell: empty for None, JSON for lists and dicts."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
