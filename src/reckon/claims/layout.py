"""Lines that are not prose: "Label: number" lines and the rows of a table of casualties.

Situation reports, key-figure boxes and PDF bulletins give figures as

    Number of people killed: 612              Civilians killed in Sabla since 1 February: 450+
    Health workers killed 214                 (a PDF cell run together with its label)

    Locality           Killed   Injured
    Sabla (market)       35       104

A label line counts what its label names (category, subgroup, place); a table row gives one
figure per column under a casualty header, with the row's label as its place ("Total" has none).
A label or column that only names a part ("Of whom children: 1,204", a column "Of whom women")
counts within the line or column before it. PDF text runs a table's cells together with single
spaces ("Locality Killed Injured" over "Harbel city centre 67 181"): a header ending in casualty
columns and rows ending in as many numbers are read as a table too. Labels that count no
casualties (displaced, released, sentenced, facilities) give nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reckon.claims.numbers import NUMERAL

_CATEGORY_WORDS = [
    ("killed", r"killed|dead|deaths?|death\s+toll|fatalities|martyred|martyrs|died|lives\s+lost"),
    ("injured", r"injured|wounded|injuries|hurt"),
    ("arrested", r"detained|arrested|arrests|captured|detentions?|detainees|held|in\s+custody|imprisoned|prisoners"),
    ("missing", r"missing|disappeared|disappearances|unaccounted|whereabouts\s+unknown|fate\s+unknown"),
    ("executed", r"executed|executions"),
]
_FATE_UNKNOWN_LABEL = re.compile(r"\b(?:missing|disappeared|disappearances|whereabouts\s+unknown|fate\s+unknown)\b", re.IGNORECASE)
_CATEGORY_RES = [(name, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for name, words in _CATEGORY_WORDS]
_NOT_CASUALTIES = re.compile(
    r"\b(?:released|sentenced|sentences|displaced|warrants?|charged|convicted|facilities|hospitals|attacks|"
    r"functioning|cases|rescued|returned|evacuated|deported|population|percent|per\s+cent|%|corrects?|corrected|"
    r"paragraph)\b",
    re.IGNORECASE,
)
_AGENT = re.compile(r"\b(?:reported|recorded|registered|verified|documented|confirmed)\s+by\b", re.IGNORECASE)
_VERB = re.compile(
    r"\b(?:said|says|say|were|was|are|is|have|has|had|been|will|would|reported|according|told|added|killing|wounding)\b",
    re.IGNORECASE,
)
# "Label: 612", "Label: More than 1,700", "Label (source) 9,846", "Label 214" at the end of a line.
_LABEL_LINE = re.compile(
    r"^(?P<label>[A-Z(][^:\n]{2,140}?)\s*(?::\s*|\s)(?:(?:more\s+than|over|at\s+least|about|around|nearly)\s+)?"
    r"[(]?(?P<value>\d(?:[\d,.]*\d)?)[)]?\+?\s*(?:\([^()\d]{1,60}\))?\.?\s*$",  # "Died in custody: 2 (Kolmir, Pelshan)", "Total: 182."
    re.IGNORECASE,
)
_SUBGROUP_WORDS = [
    ("identified by name", r"identified(?:\s+by\s+name)?|named"),
    ("children", r"children|minors|boys|girls|infants"),
    ("women", r"women"),
    ("soldiers", r"soldiers|servicemen|troops|security\s+personnel|security\s+forces|police"),
    ("fighters", r"fighters|combatants|militants"),
    ("health workers", r"health\s+workers|medics|doctors|nurses|medical\s+staff"),
    ("journalists", r"journalists|reporters"),
    ("aid workers", r"aid\s+workers|UN\s+staff"),
    ("students", r"students"),
]
_SUBGROUP_RES = [(name, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for name, words in _SUBGROUP_WORDS]
_PLACE_IN_LABEL = re.compile(r"\bin\s+(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)|^(?P<region>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:region|province|state|district|governorate|oblast))\b")
_COLUMN_GAP = re.compile(r"\s{2,}|\t")
_BULLET = re.compile(r"^[-•*·–—]\s+")
# "Of whom children", "Including women", "Among them minors": a part of the line or column before
_PART_LABEL = re.compile(
    r"^(?:of\s+(?:whom|which|them|these)|including|incl\.|among\s+them|identified(?:\s+by\s+name)?|children|minors|women)\b",
    re.IGNORECASE,
)  # a column "Children" or "Identified by name" after "Killed" counts part of the killed
_HEADER_WORDS = re.compile(
    r"^(?:killed|dead|deaths|fatalities|injured|wounded|injuries|missing|arrested|detained|executed|martyrs)$", re.IGNORECASE
)
_COLUMN_START = re.compile(
    r"\b(?:killed|dead|deaths|fatalities|injured|wounded|injuries|missing|arrested|detained|arrests|executed|executions|martyrs|"
    r"of\s+(?:whom|which)|including|among\s+them|identified(?:\s+by\s+name)?|"
    r"(?<!whom\s)(?<!which\s)(?<!including\s)(?:children|minors|women))\b",  # not the "children" of "of whom children"
    re.IGNORECASE,
)
_ENDS_ON_PREPOSITION = re.compile(r"(?i)\b(?:since|from|until|till|to|on|of|as\s+of|in|between)\s*$")
_NOTE_LINE = re.compile(r"^(?:sources?|notes?|n\.?b\.?)\s*:", re.IGNORECASE)  # "Source: X annual reports, 2031 - 2035."
_SOURCE_COLUMN = re.compile(r"(?i)^(?:sources?|according\s+to|reported\s+by|claimants?|figures?\s+(?:of|from|by))\b")
_NUMBER_CELL = re.compile(r"^\d[\d,.]*\+?$|^[-–—]$")  # "1,900+" is at least 1,900


@dataclass(frozen=True)
class LineReading:
    """What a figure on a label line or in a table row counts."""

    category: str
    subgroup: str | None = None
    place: str | None = None
    source: str | None = None  # a row's "Source" cell: who gave its figures


def label_line(line: str, previous: LineReading | None = None) -> tuple[int, LineReading] | None:
    """The value's offset in a label line and what it counts, else None; ``previous`` is the
    label line just before, for a part of it ("Of whom children: 1,204")."""
    stripped = line.strip()
    bullet = _BULLET.match(stripped)
    if bullet:
        stripped = stripped[bullet.end() :]
    found = _LABEL_LINE.match(stripped)
    if found is None:
        return None
    label = found.group("label")
    if _ENDS_ON_PREPOSITION.search(label):
        return None  # "Civilians killed since 14" (a PDF line break before "September"): a date, not a count
    if previous is not None and _PART_LABEL.match(label) and _category(label) is None:
        offset = line.index(stripped) + found.start("value")
        return offset, LineReading(previous.category, _subgroup(label) or _PART_LABEL.sub("", label).strip(" :").lower() or None, previous.place)
    verbless = _AGENT.sub(" ", label)  # "Deaths reported by the ministry (as of 23 November)": a label with its source
    if _VERB.search(verbless) or _NOT_CASUALTIES.search(label) or len(label.split()) > 16 or ";" in label:
        return None
    category = _category(label)
    if category is None:
        return None
    offset = line.index(stripped) + found.start("value")
    return offset, LineReading(category, _subgroup(label), _place(label))


def heading_category(line: str) -> str | None:
    """The category of a short heading over a list ("How many people died?", "Deaths and
    injuries"), for list items that give a figure and a source but no verb."""
    line = line.strip()
    if len(line.split()) > 12 or line.endswith((".", ":", ";", ",")) or _NOT_CASUALTIES.search(line):
        return None
    return _category(line)


def breakdown_heading(line: str) -> str | None:
    """The category of a line introducing a breakdown by place ("Deaths documented by ZNHR, by city
    (as of 27 April):"), whose items ("Tell Amrah: 17") name only a place and a figure."""
    line = line.strip()
    by_place = _BY_PLACE.search(line)
    if by_place is None or len(line.split()) > 24 or _NOT_CASUALTIES.search(line):
        return None
    return _category(line[: by_place.start()])


def breakdown_item(line: str, category: str) -> tuple[int, LineReading] | None:
    """A breakdown item's figure (its offset) and reading: "Tell Amrah: 17", "Bayt Sahra: 58 (of them 9 ...)"."""
    found = _BREAKDOWN_ITEM.match(line)
    if found is None or _category(found.group("place")) is not None:
        return None
    return found.start("value"), LineReading(category, place=found.group("place").strip())


_BY_PLACE = re.compile(
    r",?\s+by\s+(?:city|cities|town|towns|area|areas|district|districts|province|provinces|governorate|governorates|"
    r"region|regions|location|neighbou?rhood|village|state|county|municipality|place)\b",
    re.IGNORECASE,
)
_BREAKDOWN_ITEM = re.compile(r"^(?P<place>[A-Z][\w’'.-]*(?:[ -][\w’'.()-]+){0,4}?)\s*:\s*(?P<value>\d[\d,]*)(?![\d,])(?:\s*\(.*\))?\s*$")


def table_rows(text: str) -> dict[int, list[LineReading | None]]:
    """For each table row (by its line's offset in ``text``), what each numeric column counts."""
    rows: dict[int, list[LineReading | None]] = {}
    columns: list[LineReading | None] | None = None
    sources: list[str | None] = []  # the source of each row read under the current header
    by_source = False
    position = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped:
            position += len(line)
            continue
        cells = _cells(stripped, len(columns)) if columns is not None else None
        if columns is not None and _is_row(cells, len(columns)) and not _NOTE_LINE.match(stripped):
            label = cells[0]
            place = None if re.match(r"(?i)^(?:total|all|overall|sum)\b", label) or by_source else label
            source = re.sub(r"\s*\([^()]*\)$", "", label) if by_source else _source_cell(stripped.split())
            if source is None and place is None and len(set(sources)) == 1:
                source = sources[0]  # "Total 212 642" under rows that all name one source: that source's total
            rows[position + line.index(stripped)] = [
                LineReading(column.category, column.subgroup, place, source) if column else None for column in columns
            ]
            sources.append(source)
        else:  # a header (the next one may follow a section title read as one) or the table's end
            header = _cells(stripped, None)
            columns = _header(header) or _heading(stripped)
            by_source = bool(columns) and bool(_SOURCE_COLUMN.match(header[0]))  # "Source (date)  Killed  Injured": rows are claimants
            sources = []
        position += len(line)
    return rows


def _cells(line: str, width: int | None) -> list[str]:
    """A line's cells: apart by two spaces or a tab; in a PDF's single-spaced table, a label
    then the trailing header words or numbers ("Harbel city centre 67 181")."""
    cells = [c for c in _COLUMN_GAP.split(line) if c]
    if len(cells) > 1:
        return cells
    words = line.split()
    if width is not None and (source := _source_cell(words)):
        words = words[: len(words) - len(source.split())]  # "Bab al-Jisr 68 201 Health Directorate": numbers, then who gave them
    trailing = 0
    for word in reversed(words):
        if not (_NUMBER_CELL.match(word) if width is not None else _HEADER_WORDS.match(word)):
            break
        trailing += 1
    if width is not None:
        trailing = min(trailing, width)
    if width is None and trailing < 2:
        return _header_by_column_words(line) or cells
    if trailing < (1 if width is not None else 2) or trailing == len(words):
        return cells
    return [" ".join(words[: len(words) - trailing]), *words[len(words) - trailing :]]


def _source_cell(words: list[str]) -> str | None:
    """A row's last text cell (a "Source" column): up to four words, the first capitalised, after
    the numbers."""
    for cut in range(len(words) - 1, max(len(words) - 5, 0), -1):
        tail = words[cut:]
        if _NUMBER_CELL.match(words[cut - 1]) and tail[0][:1].isupper() and not any(_NUMBER_CELL.match(w) for w in tail):
            return " ".join(tail)
    return None


def _header_by_column_words(line: str) -> list[str] | None:
    """A single-spaced header whose columns have several words ("Year Deaths in custody of which
    violent"): a column starts at a casualty word or a part label, the row label is before the first."""
    starts = [m.start() for m in _COLUMN_START.finditer(line)]
    if len(starts) < 2 or starts[0] == 0:
        return None
    ends = [*starts[1:], len(line)]
    return [line[: starts[0]].strip(), *(line[a:b].strip() for a, b in zip(starts, ends))]


def _header(cells: list[str]) -> list[LineReading | None] | None:
    """What a header's numeric columns count ("Locality  Killed  Injured", "Region  Killed  Of
    whom women"), else None."""
    if len(cells) < 3 or any(NUMERAL.fullmatch(c) for c in cells):
        return None
    columns: list[LineReading | None] = []
    for cell in cells[1:]:
        category = _category(cell) if len(cell.split()) <= 3 else None
        before = columns[-1] if columns else None
        if category is None and before is not None and _PART_LABEL.match(cell):
            columns.append(LineReading(before.category, _subgroup(cell) or _PART_LABEL.sub("", cell).strip().lower() or None))
        else:
            columns.append(LineReading(category, _subgroup(cell) if category else None) if category else None)
    if not any(columns) or _NOT_CASUALTIES.search(" ".join(cells)):
        return None
    return columns


def _heading(line: str) -> list[LineReading | None] | None:
    """A capitalised heading over a one-column table: "DEATHS REPORTED THIS WEEK, BY DISTRICT
    (Ministry of Health)" then "North district    212" lines."""
    words = re.sub(r"\([^()]*\)", "", line)
    if re.search(r"\d", words) or len(words.split()) > 14 or words.upper() != words or not re.search(r"[A-Z]", words):
        return None
    category = _category(words)
    if category is None or _NOT_CASUALTIES.search(words):
        return None
    return [LineReading(category, _subgroup(words))]


def _is_row(cells: list[str], width: int) -> bool:
    if len(cells) != width + 1:
        return False
    return all(_NUMBER_CELL.match(c) for c in cells[1:])


def _category(label: str) -> str | None:
    if _FATE_UNKNOWN_LABEL.search(label):
        return "missing"  # "Whereabouts unknown after detention": missing, whatever the detention
    best = None
    for name, pattern in _CATEGORY_RES:
        found = pattern.search(label)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), name)
    return best[1] if best else None


def _subgroup(label: str) -> str | None:
    return next((name for name, pattern in _SUBGROUP_RES if pattern.search(label)), None)


def _place(label: str) -> str | None:
    found = _PLACE_IN_LABEL.search(label)
    if found is None:
        return None
    return (found.group("place") or found.group("region")).strip()
