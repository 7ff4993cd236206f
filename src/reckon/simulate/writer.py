"""Write a simulated event to disk: lists, articles, the population and the truth files.

Files are written deterministically (fixed column order, "\\n" line endings, sorted
nothing that depends on hashing; workbooks with fixed dates) so the same seed gives
byte-identical output.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from reckon.simulate.articles import PlantedClaim
from reckon.simulate.pools import latin_pool, script_pool
from reckon.simulate.population import PLACES, Population, death_dates

# cp1256 (old Windows Arabic) has no Persian yeh and no Persian digits: exports in that
# encoding use the Arabic yeh and Western digits, so we do the same.
CP1256_FIXES = str.maketrans({"ی": "ي", **{chr(0x06F0 + d): str(d) for d in range(10)}})


def write_csv(frame: pd.DataFrame, path: Path, encoding: str = "utf-8") -> None:
    if encoding.lower() in ("cp1256", "windows-1256"):
        frame = frame.apply(lambda col: col.map(lambda v: v.translate(CP1256_FIXES) if isinstance(v, str) else v))
        frame.columns = [c.translate(CP1256_FIXES) for c in frame.columns]
    frame.to_csv(path, index=False, encoding=encoding, lineterminator="\n")


def write_list(frame: pd.DataFrame, path: Path, kind: str, encoding: str = "utf-8") -> None:
    """A list as a real organisation publishes it: .csv, .xlsx (one sheet) or .json (an
    array of objects; missing cells are null). In .xlsx and .json a cell of ASCII digits is
    a number, and in .xlsx a single ISO date is a date, as a spreadsheet or an export stores it."""
    if kind == "csv":
        write_csv(frame, path, encoding)
    elif kind == "xlsx":
        path.write_bytes(_xlsx_bytes(frame))
    elif kind == "json":
        rows = [dict(zip(frame.columns, map(_typed, values))) for values in frame.itertuples(index=False)]
        path.write_bytes((json.dumps(rows, ensure_ascii=False, indent=1) + "\n").encode(encoding))
    else:
        raise ValueError(f"unknown list file kind {kind!r}")


_WHOLE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Workbooks record when they were written; a fixed date keeps the bytes reproducible.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _typed(value: object) -> object:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, (np.integer, int)):
        return int(value)
    if isinstance(value, str) and _WHOLE_NUMBER.fullmatch(value):
        return int(value)
    return value


def _spreadsheet_cell(value: object) -> object:
    """As a spreadsheet stores it: whole numbers as numbers, a single ISO date as a date."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return dt.date.fromisoformat(value)
    return _typed(value)


def _xlsx_bytes(frame: pd.DataFrame) -> bytes:
    import openpyxl  # only workbooks need it

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("victims")
    sheet.append(list(frame.columns))
    for values in frame.itertuples(index=False):
        sheet.append([_spreadsheet_cell(v) for v in values])
    written = io.BytesIO()
    book.save(written)
    return _reproducible_zip(written.getvalue())


def _reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed entry dates and fixed document dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = _CORE_DATES.sub(rb"\g<1>2025-01-01T00:00:00Z\g<2>", content)
            target.writestr(zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME), content,
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def population_frame(pop: Population) -> pd.DataFrame:
    """The true victims, in one canonical spelling per script."""
    given, surnames, seyed = latin_pool("passport")
    given_fa, surnames_fa, seyed_fa = script_pool("zwnj")
    sex = pop.female.astype(int)
    prefix = np.where(pop.seyed, seyed[sex], "")
    prefix_fa = np.where(pop.seyed, seyed_fa[sex], "")
    return pd.DataFrame({
        "person_id": pop.person_id,
        "name": prefix + given[pop.given] + " " + surnames[pop.surname],
        "name_fa": prefix_fa + given_fa[pop.given] + " " + surnames_fa[pop.surname],
        "father_name": given[pop.father],
        "father_name_fa": given_fa[pop.father],
        "sex": np.where(pop.female, "female", "male"),
        "age": pop.age,
        "date_of_death": death_dates(pop.day),
        "place_of_death": np.array([p.cities[0] for p in PLACES], dtype=object)[pop.place],
        "province": np.array([p.province for p in PLACES], dtype=object)[pop.place],
    })


def write_articles(folder: Path, articles: list[tuple[str, str, list[PlantedClaim]]]) -> int:
    """Write the article files and claims_truth.jsonl; return the number of planted claims."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for name, text, claims in articles:
        (folder / name).write_bytes(text.encode("utf-8"))
        lines += [json.dumps(c.to_dict(), ensure_ascii=False) for c in claims]
    (folder / "claims_truth.jsonl").write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return len(lines)


def write_json(data: dict, path: Path) -> None:
    path.write_bytes((json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def histories_frame(captured: np.ndarray, names: list[str]) -> pd.DataFrame:
    """Observed capture patterns and their counts (no all-zero row), one 0/1 column per list."""
    seen = captured[captured.any(axis=1)].astype(np.int8)
    patterns, counts = np.unique(seen, axis=0, return_counts=True)
    frame = pd.DataFrame(patterns, columns=names)
    frame["count"] = counts
    return frame
