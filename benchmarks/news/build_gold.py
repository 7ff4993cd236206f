"""Build gold.jsonl (and nonclaims.jsonl) for a folder of news-style articles from its gold.ann.

gold.ann is written by hand, one line per figure, so that offsets never have to be typed:
the builder reads each article exactly as reckon does (read_article), finds each quote in the
Document text, and writes the offsets. A quote must occur once in its document unless the line
says which occurrence (``nth: 2``). Run from the project root:

    python3 benchmarks/news/build_gold.py benchmarks/news/dev [benchmarks/news/heldback]

Format (see STYLES.md for the reading conventions):

    @file d01_oskarin_wire.txt
    @event Darvania war, 2031          the event label of the claims below
    @place Darvania                    the place when the figure names none
    @ref 2031-05-03                    reference date for relative dates (a dateline); default:
                                       the document's publication date
    @own UN Human Rights Monitoring Mission in Norvenia
                                       the document is this body's own publication: its own
                                       voice (a line without ``by``) is this body, and the
                                       body's own claims carry no claim date (the document's)
    + <quote> | <figure> | by: <claimant as written> | key: <claimant key> | date: <when>
        | via: .. | place: .. | sub: .. | disputed: .. | alt: <quote> ;; <quote> | nth: 2
        | hedged | tags: a, b | note: ..
    - <quote> | <kind of non-claim> | nth: 2

<figure> is "<category>[:<unit>] [<qualifier>] <number>[-<number>]": "killed at least 40",
"injured 112", "arrested over 12,000", "killed between 40-45", "missing vague 200",
"scope:cities over 30", "killed up to 20". <when> is YYYY-MM-DD, YYYY-MM, a weekday,
"yesterday", "today", "last month", a day and month ("May 2", "2 May"), or "none".
Without ``by`` the claimant is the author (the ``@own`` body, where the file names one). Pattern
tags go into the gold ``note`` field.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from reckon.articles.read import read_article

CATEGORIES = {"killed", "injured", "arrested", "missing", "executed", "scope"}
QUALIFIERS = ("at least", "over", "about", "up to", "between", "vague", "exact")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
FIGURE = re.compile(
    r"^(?P<cat>[a-z]+)(?::(?P<unit>[a-z]+))?\s+(?:(?P<qual>" + "|".join(QUALIFIERS) + r")\s+)?"
    r"(?P<low>[\d,]+)(?:-(?P<high>[\d,]+))?$"
)


class GoldError(ValueError):
    """A line of gold.ann that cannot be built: names the file, the line and what is wrong."""


@dataclass
class FileBlock:
    name: str
    event: str | None = None
    place: str | None = None
    ref: str | None = None
    own: str | None = None  # the body whose own publication the document is
    claims: list[tuple[int, str]] = field(default_factory=list)
    nonclaims: list[tuple[int, str]] = field(default_factory=list)


def parse_annotations(path: Path) -> list[FileBlock]:
    blocks: list[FileBlock] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@file "):
            blocks.append(FileBlock(line[6:].strip()))
            continue
        if not blocks:
            raise GoldError(f"{path}:{number}: a line before the first @file")
        block = blocks[-1]
        if line.startswith("@event "):
            block.event = line[7:].strip()
        elif line.startswith("@place "):
            block.place = line[7:].strip()
        elif line.startswith("@ref "):
            block.ref = line[5:].strip()
        elif line.startswith("@own "):
            block.own = line[5:].strip()
        elif line.startswith("+ "):
            block.claims.append((number, line[2:]))
        elif line.startswith("- "):
            block.nonclaims.append((number, line[2:]))
        else:
            raise GoldError(f"{path}:{number}: cannot read {line[:40]!r}")
    return blocks


def split_fields(text: str) -> tuple[str, str, dict[str, str]]:
    # "\n" in a quote stands for a line break (PDF text layers break lines mid-sentence)
    parts = [part.strip().replace("\\n", "\n") for part in text.split(" | ")]
    if len(parts) < 2:
        raise GoldError("needs at least '<quote> | <figure or kind>'")
    options: dict[str, str] = {}
    for part in parts[2:]:
        key, sep, value = part.partition(":")
        options[key.strip()] = value.strip() if sep else "yes"
    return parts[0], parts[1], options


def parse_figure(spec: str) -> tuple[str, str | None, str, int | None, int | None]:
    found = FIGURE.match(spec.strip())
    if not found or found["cat"] not in CATEGORIES:
        raise GoldError(f"figure {spec!r} is not '<category> [<qualifier>] <number>[-<number>]'")
    low = int(found["low"].replace(",", ""))
    high = int(found["high"].replace(",", "")) if found["high"] else None
    qualifier = found["qual"] or ("between" if high is not None else "exact")
    if qualifier == "between" and high is None:
        raise GoldError(f"figure {spec!r}: 'between' needs A-B")
    if qualifier in ("exact", "about"):
        high = low
    elif qualifier in ("at least", "over", "vague"):
        high = None
    elif qualifier == "up to":
        low, high = None, low
    if found["cat"] == "scope" and not found["unit"]:
        raise GoldError(f"figure {spec!r}: a scope figure needs its unit (scope:cities)")
    return found["cat"], found["unit"], qualifier, low, high


def resolve_date(when: str | None, reference: date) -> str | None:
    """A claim date as the text gives it, resolved against the reference date."""
    if when is None or when.lower() == "none":
        return None
    text = when.strip().lower()
    if re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", text):
        return text
    if text == "today":
        return reference.isoformat()
    if text == "yesterday":
        return (reference - timedelta(days=1)).isoformat()
    if text in WEEKDAYS:
        back = (reference.weekday() - WEEKDAYS.index(text)) % 7
        return (reference - timedelta(days=back)).isoformat()
    if text == "last month":
        first = reference.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    day_month = re.fullmatch(r"(?:(\d{1,2})\s+([a-z]+)|([a-z]+)\.?\s+(\d{1,2}))", text)
    if day_month:
        day = int(day_month[1] or day_month[4])
        month_word = (day_month[2] or day_month[3])
        months = [m for m in MONTHS if m.startswith(month_word[:3])]
        if len(months) != 1:
            raise GoldError(f"date {when!r}: unknown month")
        candidate = date(reference.year, MONTHS.index(months[0]) + 1, day)
        if candidate > reference:
            candidate = candidate.replace(year=reference.year - 1)
        return candidate.isoformat()
    raise GoldError(f"date {when!r} is not one the builder resolves")


def find_span(text: str, quote: str, nth: int) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(quote), text)]
    if not starts:
        raise GoldError(f"quote not in the document: {quote!r}")
    if len(starts) > 1 and nth == 0:
        raise GoldError(f"quote occurs {len(starts)} times; say which with 'nth: N': {quote!r}")
    index = max(nth, 1) - 1
    if index >= len(starts):
        raise GoldError(f"quote occurs {len(starts)} times, not {nth}: {quote!r}")
    return starts[index], starts[index] + len(quote)


def build_claim(block: FileBlock, text: str, reference: date, line: str, serial: int) -> dict:
    quote, spec, options = split_fields(line)
    category, unit, qualifier, low, high = parse_figure(spec)
    start, end = find_span(text, quote, int(options.get("nth", 0)))
    for alt in options.get("alt", "").split(";;"):
        if alt.strip():
            find_span(text, alt.strip(), 1)
    claimant = options.get("by", block.own or "author")
    key = options.get("key") or ("author" if claimant == "author" else block.own if claimant == block.own else None)
    if key is None:
        raise GoldError(f"claimant {claimant!r} needs a 'key:'")
    tags = options.get("tags")
    note = "; ".join(part for part in (f"patterns: {tags}" if tags else None, options.get("note")) if part)
    return {
        "id": f"{Path(block.name).stem}#{serial}",
        "file": block.name,
        "figure_low": low,
        "figure_high": high,
        "category": category,
        "qualifier": qualifier,
        "claimant": claimant,
        "claimant_key": key,
        "via": options.get("via"),
        "claim_date": None if key in ("author", block.own) else resolve_date(options.get("date"), reference),
        "event": block.event,
        "place": options.get("place") or block.place,
        "quote": quote,
        "start": start,
        "end": end,
        "subgroup": options.get("sub"),
        "unit": unit,
        "period": options.get("period"),
        "hedged": "hedged" in options,
        "disputed_by": block.own if block.own and options.get("disputed") == "author" else options.get("disputed"),
        "alt_quotes": [alt.strip() for alt in options.get("alt", "").split(";;") if alt.strip()],
        "note": note or None,
    }


def build_nonclaim(block: FileBlock, text: str, line: str) -> dict:
    quote, kind, options = split_fields(line)
    start, end = find_span(text, quote, int(options.get("nth", 0)))
    return {"file": block.name, "kind": kind, "quote": quote, "start": start, "end": end}


def check_repeats(claims: list[dict]) -> None:
    """The same claimant, category, figure, subgroup and place twice in a file is one claim."""
    seen: dict[tuple, str] = {}
    for claim in claims:
        key = (claim["file"], claim["category"], claim["figure_low"], claim["figure_high"],
               claim["claimant_key"].lower(), claim["subgroup"], claim["place"], claim["unit"])
        if key in seen:
            raise GoldError(f"{claim['id']} repeats {seen[key]}: make it an 'alt:' of that claim")
        seen[key] = claim["id"]


def build_folder(folder: Path) -> tuple[list[dict], list[dict]]:
    claims: list[dict] = []
    nonclaims: list[dict] = []
    annotated = set()
    for block in parse_annotations(folder / "gold.ann"):
        document = read_article(folder / block.name)
        annotated.add(block.name)
        reference = date.fromisoformat(block.ref or document.published)
        for serial, (number, line) in enumerate(block.claims, 1):
            try:
                claims.append(build_claim(block, document.text, reference, line, serial))
            except GoldError as exc:
                raise GoldError(f"{folder / 'gold.ann'}:{number} ({block.name}): {exc}") from None
        for number, line in block.nonclaims:
            try:
                nonclaims.append(build_nonclaim(block, document.text, line))
            except GoldError as exc:
                raise GoldError(f"{folder / 'gold.ann'}:{number} ({block.name}): {exc}") from None
    articles = {p.name for p in folder.iterdir() if p.suffix in (".txt", ".html", ".pdf")}
    if articles - annotated:
        raise GoldError(f"{folder}: articles without annotations: {sorted(articles - annotated)}")
    check_repeats(claims)
    return claims, nonclaims


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")


def main(folders: list[str]) -> None:
    for name in folders:
        folder = Path(name)
        claims, nonclaims = build_folder(folder)
        write_jsonl(folder / "gold.jsonl", claims)
        write_jsonl(folder / "nonclaims.jsonl", nonclaims)
        files = len({c["file"] for c in claims})
        print(f"{folder}: {len(claims)} claims in {files} articles, {len(nonclaims)} non-claims")


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except GoldError as exc:
        sys.exit(f"error: {exc}")
