"""The extractor: a Document in, its casualty Claims out (conventions: docs/claims.md).

Steps per document: read the document's cast (cast.py: who it names, with their acronyms,
epithets and roles); split sentences; keep those with a quantity and a casualty word (cheap
regex), label lines and table rows (layout.py), headlines and key points; read their figures
and categories; attribute each figure, reading the whole document (quotations across
sentences, descriptions and pronouns resolved through the cast); mark hedges, disputes,
places and dates (against the dateline); fold headlines and back-references into the claims
they repeat; merge repeats (dedupe.py). No statistical model runs: spaCy's NER, tried on the
claim sentences, changed no figure on any gold set and cost a third of the time.
"""

from __future__ import annotations

import multiprocessing
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from itertools import islice

from reckon.claims.attribution import SOURCE_LINE, Attribution, attribute, publisher_of, speaker_of
from reckon.claims.cast import Cast, Entity, acronym_of
from reckon.claims.claimant_keys import claimant_key, entity_key, resolve_entity, speaker_key
from reckon.claims.categories import COUNT, PEOPLE_NOUNS, Reading, read_figure, subgroup_of
from reckon.claims.claimants import AUTHOR, VOUCHING
from reckon.claims.conventions import vague_table
from reckon.claims.dates import Reference, find_dates, reference_date
from reckon.claims.dedupe import merge_repeats
from reckon.claims.figures import Figure, find_figures
from reckon.claims.memory import MentionMemory
from reckon.claims.lowered import Lowered
from reckon.claims.layout import LineReading, breakdown_heading, breakdown_item, heading_category, label_line, table_rows
from reckon.claims.ligatures import Spelled, spelled_out
from reckon.claims.model import Claim, Quote
from reckon.claims.numbers import numeral_value
from reckon.claims.outlet import is_outlet, outlet_names, own_body
from reckon.claims.sentences import Sentence, has_quantity, headlines, may_hold_claim, split_sentences
from reckon.claims.phrases import sentence_subject, subject_before
from reckon.claims.transcript import answerer, speaker_labels
from reckon.claims.stance import (
    dismissal_in,
    dispute_in,
    document_places,
    is_hedged,
    place_near,
    points_back,
    said_to_confirm,
)
from reckon.claims.voices import (
    CONTINUES_ACCOUNT,
    Quotation,
    claim_date_of,
    date_note,
    dated_by_heading,
    dates_a_statement,
    last_voice,
    quotation_after,
    quotation_closed_later,
    quotation_continues,
)
from reckon.articles.document import Document

_LIST_QUALIFIERS = ("at least", "over", "about", "up to")
# A sentence that counts a subset of the previous sentence's figure: "Among them are 27 children."
SUBSET_OPENING = re.compile(
    r"^\W*(?:among\s+(?:them|those|these|the\s+(?:dead|victims|detainees|wounded|injured|\d[\d,]*))|"
    r"of\s+(?:them|these|those|the\s+(?:dead|victims|detainees|wounded|injured))|"
    rf"(?:they|these|the\s+(?:dead|victims))\s+include[sd]?|[\w,-]+\s+of\s+the\s+(?:\d[\d,]*|martyrs|{COUNT}(?=\s+(?:were|are|was|had|have|died)\b))|"
    # "Thirteen were students", "Eleven are children": a bare count of who the dead just given were
    rf"{COUNT}\s+(?:were|are)\s+(?:all\s+)?(?:\w+\s+)?(?:children|minors|women|students|teenagers|police|officers|soldiers|men|boys|girls|journalists))\b",
    re.IGNORECASE,
)
_PART_OF_THEM = re.compile(r"\b(?:\d[\d,]*|[a-z]+)\s+of\s+(?:them|whom|these|those)\b", re.IGNORECASE)  # "The network said 41 of them ..."
_DATELINE_START = re.compile(r"^[A-Z][\w .'’-]{1,40},\s+(?:[A-Z][\w .'’-]{1,30},\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)\b")
# a sentence that updates a toll already quoted: "On Monday it stood at 11,042", "By Friday the toll had risen to 90"
_TOTAL_CONTINUES = re.compile(
    r"^(?:[^,]{0,30},?\s+)?(?:it|the\s+(?:death\s+)?toll|its\s+(?:toll|count|tally|total)|the\s+(?:count|tally|total|figure))\s+"
    r"(?:now\s+|had\s+|has\s+|later\s+)*(?:stood|stands|rose|risen|reached|climbed|passed|topped|jumped)\b",
    re.IGNORECASE,
)
_ISSUED = Lowered(  # on lower-cased text: a case-insensitive alternation tried at every word is slow
    r"\b(?:issued|released|published|put\s+out|gave|read\s+out|posted)\s+"
    r"(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|this|late|early)(?:\s+(?:morning|afternoon|evening|night))?\s+)?"
    r"(?:a|an|its|the|their)\s+(?:[\w-]+\s+)?"
    r"(?:statement|report|update|list|bulletin|figures|overview|communiqu[eé])\b"
)
# "National Radio reproduces its main passages below.", "The communiqué ... reads as follows:": the
# quoted text that follows is the issuer's, not the outlet's
_REPRODUCED = re.compile(
    r"\b(?:reproduces|reproduced|carries|publishes|prints)\b[^.;]{0,60}\b(?:below|in\s+full|as\s+follows|main\s+passages|excerpts|full\s+text)\b"
    r"|\breads?\s+as\s+follows\b|\bread\s+in\s+full\b",
    re.IGNORECASE,
)
_AS_FOLLOWS = re.compile(r"\bas\s+follows\W*$", re.IGNORECASE)  # "released a statement ..., as follows.": the rest is the statement
_IN_A_STATEMENT = re.compile(r"\b(?:in|via|through)\s+(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}(?:statement|communiqu[eé]|press\s+release)\b", re.IGNORECASE)
_AMONG_THE_DEAD = re.compile(
    r"^\W*(?:[\w-]+\s+){1,3}(?:were|are|was|is)\s+(?:also\s+)?among\s+(?:the\s+)?(?:dead|killed|victims|injured|wounded|detained|missing)\b",
    re.IGNORECASE,
)
_HAS_SPEECH = re.compile(r"\b(?:said|says|told|reported|according\s+to|announced|stated)\b", re.IGNORECASE)
_FIRST_PERSON_OPENING = re.compile(r"^\W*(?:We|I|Our|My)\b")  # "We have so far verified 97 of these deaths": the writer's own part
_ACCORDING_OPENING = re.compile(r"^\W*According\s+to\s+(?:the\s+|its\s+|their\s+)?[^,]{2,80},")
_PERSON_DESCRIPTION = re.compile(
    r"^(?:a|an|one|the)\s+(?:[\w-]+\s+){0,2}?(?:resident|witness|doctor|nurse|medic|relative|man|woman|mother|father|"
    r"survivor|volunteer|source|deacon|priest|imam|teacher|student|farmer|driver|worker|journalist|activist|lawyer|"
    r"villager|neighbou?r|shopkeeper|surgeon|paramedic|rescuer|official|officer|soldier|commander|fighter)\b",
    re.IGNORECASE,
)
# "14 men and 3 women died": a figure's people, then "and" and the next figure, which has the verb
_COORDINATED_SUBJECT = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + PEOPLE_NOUNS + r")\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)$", re.IGNORECASE)
_CELLS_APART = re.compile(r"\S {2,}\S|\t")
_COLUMNS = re.compile(r"\S {2,}\S.* {2,}\S|^\S[^\n]*\S {2,}\d[\d,.]*$", re.MULTILINE)  # cells apart: a table may be near
# a PDF table's header, cells run together: "Locality Killed Injured"
_PDF_TABLE_HEADER = re.compile(
    r"(?im)\b(?:killed|dead|deaths|injured|wounded)[ \t]+(?:killed|dead|deaths|injured|wounded|missing|arrested|detained)(?:[ \t]+sources?)?[ \t]*$"
    r"|\b(?:killed|dead|deaths|injured|wounded)\b[^\n.]{0,30}\bof[ \t]+wh(?:om|ich)\b[^\n.]{0,30}$"  # "Year Deaths in custody of which violent"
    r"|\b(?:killed|dead|deaths)[ \t]+(?:identified|children|minors|women)\b[^\n.]{0,30}\n[^\n]*\d[ \t]+\d[\d,]*[ \t]*$"  # "City Killed Identified by name Children"
    # "City Killed Injured by firearms Detained" over "Orvane 11 97 402"
    r"|\b(?:killed|dead|deaths|injured|wounded)\b[^\n.]{0,40}\b(?:injured|wounded|detained|arrested|missing)\b[^\n.]{0,30}\n[^\n]*\d[ \t]+\d[\d,]*[ \t]*$"
)
_AMONG_A_TOTAL = re.compile(r"^\W*among\s+(?:the|those|these)\s+\d", re.IGNORECASE)
_YOUR = re.compile(r"\b[Yy]our\s+(?:[\w-]+\s+){0,2}?(?:figures?|toll|count|tally|list|numbers?|data|report)\b")
_QUOTE_BREAK = re.compile(r",\s|;\s|\s[-–—]\s")


@dataclass
class _Candidate:
    """A sentence that holds at least one casualty figure."""

    sentence: Sentence
    readings: list[tuple[Figure, Reading]]
    title: bool = False  # a headline, standfirst, subheading or key point
    part: bool = False  # counts within the figures before it ("Two children are among the dead.")


def extract_claims(document: Document, *, vague: str = "reckon") -> list[Claim]:
    """Every casualty claim in one document, repeats merged, in text order."""
    return next(extract_claims_many([document], vague=vague))


def extract_claims_many(
    documents: Iterable[Document], *, vague: str = "reckon", batch_size: int = 64, processes: int = 1
) -> Iterator[list[Claim]]:
    """One list of claims per document, in order.

    ``processes`` > 1 spreads the batches over that many worker processes; results still come
    back in document order.
    """
    vague_table(vague)  # fail fast on an unknown convention
    batches = _batches(documents, batch_size)
    if processes <= 1:
        for batch in batches:
            yield from _extract_batch(batch, vague)
        return
    with worker_context().Pool(processes) as pool:
        for claims in pool.imap(partial(_extract_batch, vague=vague), batches):
            yield from claims


def worker_context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe (POSIX, no other thread running): a forked worker starts at once with
    the extractor loaded, where a spawned one imports reckon anew (about half a second)."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def _extract_batch(batch: list[Document], vague: str) -> list[list[Claim]]:
    claims = []
    for document in batch:
        spelled = spelled_out(document.text)  # "veriﬁed" read as "verified" (PDF ligatures)
        read = document if spelled.origin is None else replace(document, text=spelled.text)
        rows = _table_rows(read.text)
        sentences = _rows_apart(read.text, split_sentences(read.text), rows)
        found = _claims(read, sentences, _candidates(read, sentences, vague, rows))
        claims.append(found if spelled.origin is None else [_respelled(c, spelled, document.text) for c in found])
    return claims


def _respelled(claim: Claim, spelled: Spelled, text: str) -> Claim:
    """A claim read on the spelled-out text, with its quotes back on the document's own text."""
    start, end = spelled.start(claim.start), spelled.end(claim.end)
    alts = tuple(
        Quote(text[spelled.start(q.start) : spelled.end(q.end)], spelled.start(q.start), spelled.end(q.end)) for q in claim.alt_quotes
    )
    return replace(claim, quote=text[start:end], start=start, end=end, alt_quotes=alts)


def _table_rows(text: str) -> dict[int, list[LineReading | None]]:
    """The document's table rows by line offset (none unless a table's header or spaced cells are there)."""
    spaced = "  " in text  # _COLUMNS needs two spaces in a row
    return table_rows(text) if (spaced and _COLUMNS.search(text)) or _PDF_TABLE_HEADER.search(text) else {}


def _rows_apart(text: str, sentences: list[Sentence], rows: dict[int, list[LineReading | None]]) -> list[Sentence]:
    """Each table row exactly one sentence: a PDF's rows run together ("Bab al-Jisr 68 201 Health
    Directorate" then "al-Qalaa 51 144 ...") and "(incl. Kestra block)" would end one early."""
    if not rows:
        return sentences
    spans = sorted((r, _line_end(text, r)) for r in rows)
    apart: list[Sentence] = []
    for sentence in sentences:
        begin = sentence.start
        for start, end in spans:
            if end <= begin or start >= sentence.end:
                continue
            if start > begin:
                apart.append(_trimmed(text, begin, start))
            begin = max(begin, end)
        if begin < sentence.end:
            apart.append(_trimmed(text, begin, sentence.end))
    apart += [Sentence(start, text[start:end].rstrip()) for start, end in spans]
    return sorted((s for s in apart if s.text), key=lambda s: s.start)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return end if end >= 0 else len(text)


def _trimmed(text: str, start: int, end: int) -> Sentence:
    piece = text[start:end]
    return Sentence(start + len(piece) - len(piece.lstrip()), piece.strip())


def _candidates(document: Document, sentences: list[Sentence], vague: str, rows: dict[int, list[LineReading | None]]) -> list[_Candidate]:
    found = []
    titles = headlines(document.text, sentences)
    line_before: LineReading | None = None  # the label line just before, for "Of whom children: 1,204"
    carried: Reading | None = None  # the last claim just before, for "Among them are ..."
    context: Reading | None = None  # the last claim read, for "puts the number at 440"
    gap = 0  # sentences without a figure since that claim ("The true toll is higher.")
    heading: str | None = None  # the category of a heading over a list ("How many people died?")
    breakdown: str | None = None  # the category of a line over a breakdown by place ("Deaths ..., by city:")
    for i, sentence in enumerate(sentences):
        alone = document.text[sentence.end : sentence.end + 1] in ("\n", "") and (
            sentence.start == 0 or document.text[sentence.start - 1] == "\n"
        )
        if alone and not _BULLET_ITEM.match(sentence.text):  # a line introducing the list ("...:") keeps the heading
            heading = heading_category(sentence.text) or (heading if sentence.text.endswith(":") else None)
        item = breakdown_item(sentence.text, breakdown) if alone and breakdown else None
        if item is None:
            breakdown = breakdown_heading(sentence.text) if alone else None
        laid_out = _laid_out(sentence, rows, vague, line_before) if alone and item is None else None
        if item is not None:  # "Tell Amrah: 17" under "Deaths documented by X, by city:"
            laid_out = [(f, _line_reading(item[1])) for f in _figures_at(sentence.text, item[0], vague)]
        if laid_out is not None:  # a label line or a table row
            found.append(_Candidate(sentence, laid_out))
            carried, gap = None, 0
            if laid_out:
                last = laid_out[-1][1]
                line_before = LineReading(last.category, last.subgroup, last.place)
            continue
        line_before = None
        listed = bool(heading) and _BULLET_ITEM.match(sentence.text) is not None  # an item under "How many people died?"
        if sentence.start in titles and not listed:
            if may_hold_claim(sentence.text):
                found.append(_Candidate(sentence, _read(sentence.text, vague), title=True))
            carried = None
            continue
        subset = carried is not None and (
            SUBSET_OPENING.match(sentence.text) is not None or _PART_OF_THEM.search(sentence.text) is not None
        )  # "He added that 12 of them were children": a part of the toll just given
        among_total = context is not None and _AMONG_A_TOTAL.match(sentence.text) is not None  # "Among the 6,388 on our list are 548 children"
        elliptic = context is not None and context.category != "scope" and _ELLIPTIC_COUNT.match(sentence.text) is not None
        if not (may_hold_claim(sentence.text) or subset or among_total or elliptic or (listed and has_quantity(sentence.text))):
            gap += 1
            new_paragraph = i == 0 or "\n" in document.text[sentences[i - 1].end : sentence.start]
            if gap > 1 or new_paragraph or has_quantity(sentence.text):
                carried = None
            continue
        gap = 0
        subset = subset or (carried is not None and _PART_OF_THEM.search(sentence.text) is not None)
        readings = _read(sentence.text, vague, carried if subset else None, context)
        if elliptic and not readings:  # "The government says 15.": the toll the text is comparing
            readings = _elliptic_readings(sentence.text, vague, context)
        if listed:
            read_at = {f.start for f, _ in readings}
            extra = [(f, r) for f, r in _listed_under(sentence.text, vague, heading) if f.start not in read_at]
            readings = sorted(readings + extra, key=lambda pair: pair[0].start)
        found.append(_Candidate(sentence, readings, part=subset or _AMONG_THE_DEAD.match(sentence.text) is not None))
        carried = next((r for _, r in reversed(readings) if r.category != "scope"), None)
        context = carried or context
        if carried is not None and i + 1 < len(sentences) and "\n" in document.text[sentence.end : sentences[i + 1].start]:
            carried = None  # a subset sentence continues its own paragraph only
    return found


# A claimant's bare count in a run of competing tolls: "The government says 15.", "The CDHRZ lists 8",
# "And the CDHRZ speaks of thirty-eight".
_ELLIPTIC_COUNT = re.compile(
    rf"^(?:and\s+|but\s+)?(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[\w’'.-]+){{0,6}}?\s+(?:says|said|puts\s+it\s+at|put\s+it\s+at|speaks\s+of|spoke\s+of|"
    rf"lists|listed|counts|counted|gives|gave)\s+(?:only\s+|just\s+|at\s+least\s+|more\s+than\s+|about\s+|some\s+)?"
    rf"(?:{COUNT})(?:-[a-z]+)?\s*(?:[.;]|$)",
    re.IGNORECASE,
)


def _elliptic_readings(text: str, vague: str, context: Reading) -> list[tuple[Figure, Reading]]:
    figures = find_figures(text, vague=vague)
    return [(figures[-1], Reading(context.category))] if figures else []


def _laid_out(
    sentence: Sentence, rows: dict[int, list[LineReading | None]], vague: str, line_before: LineReading | None = None
) -> list[tuple[Figure, Reading]] | None:
    """The figures of a table row or a "Label: number" line, read by their column or label."""
    columns = rows.get(sentence.start)
    if columns is not None:
        cells = _cell_figures(sentence.text)[-len(columns) :]  # "-" cells hold no figure but keep their column
        return [(f, _line_reading(c)) for f, c in zip(cells, columns) if c is not None and f is not None] if len(cells) == len(columns) else []
    broken = re.search(r"\([^)]*\n[^)]*\)", sentence.text)  # "(as of 23\nNovember)": a PDF line break
    label = label_line(sentence.text.replace("\n", " "), line_before) if ":" in sentence.text or "\n" not in sentence.text or broken else None
    if label is None:
        return None
    offset, reading = label
    return [(f, _line_reading(reading)) for f in _figures_at(sentence.text, offset, vague)] or None


def _figures_at(text: str, offset: int, vague: str) -> list[Figure]:
    """The figure whose number starts at ``offset`` (a label line's or a breakdown item's value)."""
    return [f for f in find_figures(text, vague=vague) if f.number_start == offset]


_BULLET_ITEM = re.compile(r"^[-•*·–—]\s+")
# "- 46 "terrorists" and 2 soldiers, according to ...": a figure of people, with nothing said of them
_PEOPLE_AFTER = re.compile(rf"^\s+(?:[“\"]?[\w-]+[”\"]?\s+)?[“\"]?(?:{PEOPLE_NOUNS})\b[”\"]?(?:\s|,|$)", re.IGNORECASE)


def _listed_under(text: str, vague: str, category: str) -> list[tuple[Figure, Reading]]:
    """A list item under a heading that names what is counted: "- At least 74 civilians, according to
    the elders" under "How many people died?" counts the dead."""
    return [
        (f, Reading(category, subgroup=subgroup_of(text[f.end : f.end + 40])))
        for f in find_figures(text, vague=vague)
        if _PEOPLE_AFTER.match(text[f.end : f.end + 60])
    ]


def _cell_figures(row: str) -> list[Figure | None]:
    """The numbers of a table row, one per cell ("Total 94 250" is 94 and 250, not 94,250); a
    dash cell ("-", "–") is None."""
    figures: list[Figure | None] = []
    for cell in re.finditer(r"(?<!\S)(?:\d[\d,.]*\+?|[-–—])(?!\S)", row):
        if not cell.group()[0].isdigit():
            figures.append(None)
            continue
        value = numeral_value(cell.group().rstrip("+"))
        if value is not None:  # "1,900+" is at least 1,900
            high, qualifier = (None, "at least") if cell.group().endswith("+") else (value, "exact")
            figures.append(Figure(value, high, qualifier, cell.start(), cell.end(), cell.start(), cell.end() - cell.group().endswith("+")))
    return figures


def _line_reading(reading: LineReading) -> Reading:
    return Reading(reading.category, subgroup=reading.subgroup, place=reading.place, whole_line=True, source=reading.source)


def _read(
    text: str, vague: str, carried: Reading | None = None, context: Reading | None = None
) -> list[tuple[Figure, Reading]]:
    figures = find_figures(text, vague=vague)
    readings: list[tuple[Figure, Reading]] = []
    previous: Reading | None = carried
    for i, figure in enumerate(figures):
        next_start = figures[i + 1].start if i + 1 < len(figures) else len(text)
        previous_end = readings[-1][0].end if readings else 0
        reading = read_figure(text, figure, previous, next_start, previous_end, context)
        if reading is None and i + 1 < len(figures) and _COORDINATED_SUBJECT.match(text, figure.end, next_start):
            later = read_figure(text, figures[i + 1], None, figures[i + 2].start if i + 2 < len(figures) else len(text), figure.end, context)
            if later is not None and later.category != "scope":  # "14 men and 3 women died": both died
                reading = Reading(later.category, subgroup=subgroup_of(text[figure.end : next_start]))
        if reading is None:
            continue
        if reading.continues_list and readings and figure.qualifier == "exact":
            figure = _carry_qualifier(figure, readings[-1][0])
        readings.append((figure, reading))
        previous = reading
    return readings


def _carry_qualifier(figure: Figure, before: Figure) -> Figure:
    """"at least 20 in A, 15 in B": the list shares its qualifier."""
    if before.qualifier not in _LIST_QUALIFIERS:
        return figure
    low = figure.low if before.qualifier != "up to" else None
    high = figure.high if before.qualifier == "about" else None
    return replace(figure, qualifier=before.qualifier, low=low, high=high)


@dataclass
class _Found:
    """A claim while it is being built; ``direct`` is False for "... announced by Y" claims."""

    claim: Claim
    direct: bool = True
    back_reference: bool = False  # "the 3,460 suspects", "The toll of 11,042 is higher than ..."


def _claims(document: Document, sentences: list[Sentence], candidates: list[_Candidate]) -> list[Claim]:
    by_start = {c.sentence.start: c for c in candidates}
    memory = MentionMemory(cast=Cast.read(document.text))
    reference = reference_date(document.text, document.published)
    quotation: Quotation | None = None
    found: list[_Found] = []
    previous = (0, 0)  # where the previous sentence's claims sit in ``found``
    agent: Attribution | None = None  # the last body a figure was "published by", for "it stood at N"
    last_end = 0
    outlets = outlet_names(document)
    labels = speaker_labels(document.text, outlets)  # a transcript's "NAME, ROLE:" paragraphs
    last_label = max(labels, default=-1)
    asking: str | None = None  # the outlet of a journalist's question being read
    asked = None  # who answers that question
    block: list[int] = []  # claims of the table rows or label lines just read
    issued: tuple[str | None, str | None] | None = None  # the day a communiqué was issued, for its reproduced text
    for index, sentence in enumerate(sentences):
        gap = document.text[last_end : sentence.start]
        quotation = quotation_continues(quotation, gap, sentence.text)
        label = labels.get(sentence.start)
        if label is not None:
            asking = label.outlet if label.question else None
            speaker = Attribution(label.name + (f", {label.role}" if label.role else ""), speaker_key(label.name, label.role, memory))
            turn = sentence.start < last_label  # "G. TOLEGENOVA: ..." and her paragraphs up to the next label
            quotation = None if label.question or label.chair else Quotation(speaker, quoted=False, started=True, turn=turn)
            asked = answerer(labels, sentence.start) if label.question else None
        elif "\n" in gap:
            asking = None
        if asking and asked is not None and _YOUR.search(sentence.text):  # "Your latest figure is 6,388": the answerer's
            answer_key = speaker_key(asked.name, asked.role, memory)
            quotation = Quotation(Attribution(asked.name, answer_key, asking), quoted=False, started=True)
        candidate = by_start.get(sentence.start)
        before = len(found)
        closes_table = False  # a source line under a table speaks for the rows above, not the lines below
        memory.position = sentence.start
        memory.subject = sentence_subject(sentence.text)
        memory.made = {}
        if quotation is None and candidate and candidate.readings:
            quotation = quotation_closed_later(sentences, index, document.text, memory, reference)
        if candidate and candidate.readings:
            speaker = quotation.speaker if quotation else None
            if speaker is None and CONTINUES_ACCOUNT.match(sentence.text) and "\n" not in document.text[last_end : sentence.start]:
                speaker = last_voice([f.claim for f in found[previous[0] : previous[1]]])  # "A further 230 were injured."
            if speaker is None and candidate.part and not _HAS_SPEECH.search(sentence.text) and not _FIRST_PERSON_OPENING.match(sentence.text):
                speaker = last_voice([f.claim for f in found[-6:]])  # "Two children are among the dead." after the governor's toll
            if speaker is None and _TOTAL_CONTINUES.match(sentence.text):
                speaker = last_voice([f.claim for f in found[-6:]]) or agent  # "On Monday it stood at 11,042 dead": the toll last quoted
            found.extend(_sentence_claims(document, candidate, memory, speaker, reference))
            if any(r.whole_line for _, r in candidate.readings):
                block.extend(range(before, len(found)))  # a table's rows, label lines: a source line may follow
            else:
                block = []
            if asking:  # "QUESTION (Dovrin Herald): the regional authorities say 14 ...": through the journalist
                for item in found[before:]:
                    if item.claim.claimant_key != AUTHOR and item.claim.via is None:
                        item.claim = replace(item.claim, via=asking)
        else:
            _mark_disputes_back(sentence.text, found, previous, memory)
            if block and SOURCE_LINE.match(sentence.text.strip()):
                _sourced_after(found, block, sentence.text, memory, reference)
                block, closes_table = [], True
            elif not _CELLS_APART.search(sentence.text):
                block = []  # prose ends the table; a row without figures ("Field points  -  -") does not
        previous = (before, len(found))
        memory.remember(sentence.text)
        _remember_topics(memory, sentence, [f.claim for f in found[before:]])
        agent = publisher_of(sentence.text, memory) or agent  # "the number published every day by the ministry"
        opened = quotation if closes_table else quotation_after(quotation, sentence.text, memory, reference)
        if opened is not None and opened is not quotation:
            if index:
                opened = dated_by_heading(opened, sentences[index - 1].text, reference)
            opened = dated_by_heading(opened, sentence.text, reference)  # "BY LOCATION (Ministry of Health, as of 21 August)"
        quotation = opened
        issues = _ISSUED.search(sentence.text) is not None
        if issues:
            issued = next(((m.value, date_note(sentence.text, m, reference)) for m in find_dates(sentence.text, reference.value) if m.value), issued)
        follows = issues and _AS_FOLLOWS.search(sentence.text) is not None
        if memory.issuer is not None and (follows or _REPRODUCED.search(sentence.text)):
            day, note = issued or (None, None)  # "published a communiqué this evening": the day it was issued
            issuer = Attribution(memory.issuer.name, entity_key(memory.issuer, memory), claim_date=day, claim_date_note=note)
            quotation = Quotation(issuer, quoted=False, reproduced=True, follows=follows)  # the reproduced text: quoted, or its numbered points
        opening = _ACCORDING_OPENING.match(sentence.text) if quotation is None else None
        if opening:  # "According to the statement, ...": the rest of the paragraph reports it too
            source = attribute(sentence.text, opening.end(), opening.end(), memory, None)[0]
            if source.claimant_key != AUTHOR:
                quotation = Quotation(replace(source, anchor=None), quoted=False, started=True)
        last_end = sentence.end
    claims = _dated_by_dateline(_pronouns_resolved([f.claim for f in found]), document, reference, sentences)
    claims = _dated_by_item_heading(claims, document, reference)
    claims = _own_voice(claims, outlets)
    body = own_body(document)
    body = spelled_out(body).text if body else None  # "Oﬃce" in a PDF header names the Office
    if body is not None:
        claims = _body_voice(claims, body, claimant_key(body, memory))
    titles = [(c.sentence.start, c.sentence.end) for c in candidates if c.title]
    direct = {(c.start, c.end, c.claimant_key, c.figure_low): f.direct for c, f in zip(claims, found)}
    folded = _fold_back_references(_fold_titles(claims, titles), found, document.text)
    laid_out = frozenset(c.sentence.start for c in candidates if any(r.whole_line for _, r in c.readings))
    merged = merge_repeats([(c, direct.get((c.start, c.end, c.claimant_key, c.figure_low), True)) for c in folded], laid_out)
    return _with_default_place(merged, document.text)


def _fold_back_references(claims: list[Claim], found: list[_Found], text: str) -> list[Claim]:
    """"The toll of 11,042 is higher than ...", "the 3,460 suspects were being held": a figure
    the text refers back to is a quote of the claim that gave it, not a claim of its own."""
    back = {(f.claim.start, f.claim.figure_low, f.claim.figure_high) for f in found if f.back_reference}
    kept: list[Claim] = []
    for claim in claims:
        if (claim.start, claim.figure_low, claim.figure_high) not in back:
            kept.append(claim)
    for claim in claims:
        if (claim.start, claim.figure_low, claim.figure_high) not in back:
            continue
        same = [c for c in kept if c.category == claim.category and _value(c) == _value(claim) and c is not claim]
        target = next((c for c in same if c.claimant_key != AUTHOR), same[0] if same else None)
        if target is None:
            kept.append(claim)
            continue
        quotes = (Quote(claim.quote, claim.start, claim.end), *claim.alt_quotes)
        kept[_index(kept, target)] = replace(target, alt_quotes=tuple(sorted({*target.alt_quotes, *quotes}, key=lambda q: q.start)))
    return sorted(kept, key=lambda c: (c.start, c.end))


def _fold_titles(claims: list[Claim], titles: list[tuple[int, int]]) -> list[Claim]:
    """A headline's or key point's figure that the body gives is the body's claim, quoted again
    ("kills at least 43, doctors say" over "... killing at least 43 ..., a medical group said");
    one the body does not give stays a claim of its own ("toll nears 500")."""
    body = [c for c in claims if not _in_title(c, titles)]
    kept = list(body)
    for claim in (c for c in claims if _in_title(c, titles)):
        same = [b for b in body if b.category == claim.category and _value(b) == _value(claim) and b.subgroup == claim.subgroup]
        same = same or [b for b in body if b.category == claim.category and _value(b) == _value(claim)]
        target = next((b for b in same if b.claimant_key == claim.claimant_key), None) or next(
            (b for b in same if b.claimant_key != AUTHOR), same[0] if same else None
        )
        if target is None:
            kept.append(claim)
            continue
        quotes = (Quote(claim.quote, claim.start, claim.end), *claim.alt_quotes)
        folded = replace(target, alt_quotes=tuple(sorted({*target.alt_quotes, *quotes}, key=lambda q: q.start)))
        kept[_index(kept, target)] = folded
        body[_index(body, target)] = folded
    return sorted(kept, key=lambda c: (c.start, c.end))


def _index(claims: list[Claim], claim: Claim) -> int:
    return next(i for i, c in enumerate(claims) if c is claim)


def _in_title(claim: Claim, titles: list[tuple[int, int]]) -> bool:
    return any(start <= claim.start < end for start, end in titles)


def _value(claim: Claim) -> int | None:
    return claim.figure_low if claim.figure_low is not None else claim.figure_high


def _dated_by_dateline(claims: list[Claim], document: Document, reference: Reference, sentences: list[Sentence]) -> list[Claim]:
    """A reprint or digest published days after its dateline(s): an undated statement in a
    story's lede was made on that story's dateline date ("KORSA, June 9 (Reuters) - ... the
    regional governor said"). A digest holds several stories, each with its own dateline."""
    if not document.published:
        return claims
    ledes = []
    for sentence in sentences:
        if sentence.start == 0 or not _DATELINE_START.match(sentence.text):
            continue
        dates = [m for m in find_dates(sentence.text[:60], reference.value or document.published) if m.value and len(m.value) == 10]
        if dates and dates[0].value < document.published:
            ledes.append((sentence.start, sentence.end, dates[0].value))
    dated = []
    for claim in claims:
        lede = next((l for l in ledes if l[0] <= claim.start < l[1]), None)
        if lede is not None and claim.claim_date is None and claim.claimant_key != AUTHOR:
            note = f"the dateline's date ({lede[2]}): published later, on {document.published}"
            claim = replace(claim, claim_date=lede[2], claim_date_note=note)
        dated.append(claim)
    return dated


# A press review's item heading: "KIVIRA MATIN (daily close to the government, Lukolo), 17 January 2036".
_ITEM_HEADING = re.compile(r"^[ \t]*[A-Z][A-Z0-9'’.&\- ]{2,60}(?:\s*\([^()\n]{1,120}\))?,[ \t]+(?P<date>[^,\n]{6,30})[ \t]*$", re.MULTILINE)


def _dated_by_item_heading(claims: list[Claim], document: Document, reference: Reference) -> list[Claim]:
    """In a press review or digest whose items each open with the source's name in capitals and
    a date, an undated statement in an item was made on its heading's date."""
    headings = []
    for m in _ITEM_HEADING.finditer(document.text):
        dates = [d for d in find_dates(m.group("date"), reference.value or document.published) if d.value and len(d.value) == 10]
        if dates:
            headings.append((m.end(), dates[0].value))
    if len(headings) < 2:
        return claims  # one dated heading is a report's title line, not a review's items
    dated = []
    for claim in claims:
        item = next((h for h in reversed(headings) if h[0] <= claim.start), None)
        if item is not None and claim.claim_date is None and claim.claimant_key != AUTHOR:
            claim = replace(claim, claim_date=item[1], claim_date_note=f"the date of the item's heading ({item[1]})")
        dated.append(claim)
    return dated


def _sourced_after(found: list[_Found], block: list[int], line: str, memory: MentionMemory, reference: Reference) -> None:
    """"Source: Regional Directorate of Health, as of 16 October" under a table: its rows are
    that body's figures, dated by the line when it gives a date."""
    source = speaker_of(line, memory)
    if source is None:
        return
    dates = [m for m in find_dates(line, reference.value) if m.value and dates_a_statement(line, m)]
    for i in block:
        claim = replace(found[i].claim, claimant=source.claimant, claimant_key=source.claimant_key, via=None)
        if dates:
            claim = replace(claim, claim_date=dates[0].value, claim_date_note=None)
        found[i].claim = claim


def _pronouns_resolved(claims: list[Claim]) -> list[Claim]:
    """A claimant the text gives only as "It said", "they added", whom the cast could not place
    (a body whose name has no head word we know): the claimant of the claim before it."""
    resolved: list[Claim] = []
    for claim in claims:
        if _BARE_PRONOUN.match(claim.claimant_key):
            earlier = next((c for c in reversed(resolved) if c.claimant_key != AUTHOR and not _BARE_PRONOUN.match(c.claimant_key)), None)
            if earlier is not None:
                claim = replace(claim, claimant=earlier.claimant, claimant_key=earlier.claimant_key)
        resolved.append(claim)
    return resolved


# "The source told the agency": the source that spoke before; "Doctors at two hospitals said ... One said": one of them
_BARE_PRONOUN = re.compile(r"^(?:it|he|she|they|we|source|sources|one|another)$", re.IGNORECASE)


def _own_voice(claims: list[Claim], outlets: list[str]) -> list[Claim]:
    """The publisher counting for itself ("an AFP tally" in an AFP story) is the author."""
    if not outlets:
        return claims
    mine = []
    for claim in claims:
        if claim.claimant_key != AUTHOR and is_outlet(claim.claimant_key, outlets):
            claim = replace(claim, claimant=AUTHOR, claimant_key=AUTHOR, claim_date=None, via=None)
        if claim.via and is_outlet(claim.via, outlets):
            claim = replace(claim, via=None)  # "told AFP" in an AFP story
        mine.append(claim)
    return mine


_EVIDENCE_ONLY = re.compile(
    rf"^(?:(?:{'|'.join(sorted(VOUCHING | {'local'}))})\s+)*(?:sources|information)$",
    re.IGNORECASE,
)


_GENERIC_HEADS = frozenset({"of", "the", "for", "and", "in", "on", "office", "ministry", "republic", "national", "government", "state"})


def _body_voice(claims: list[Claim], body: str, key: str) -> list[Claim]:
    """A body's own publication (a UN mission's update, a rights group's report, a ministry's
    statement): its own voice is that body, and what the body says in it is dated by the
    document, as an author's own claims are."""
    mine = []
    initials = acronym_of(body)
    for claim in claims:
        if _EVIDENCE_ONLY.match(claim.claimant_key):  # "according to credible sources": what the body gathered
            claim = replace(claim, claimant_key=AUTHOR)
        head = claim.claimant_key.lower()
        own_head = " " not in head and head in key.lower().split() and head not in _GENERIC_HEADS  # "Ombudsman" in the Ombudsman's Office's text
        if claim.claimant_key == AUTHOR or claim.claimant_key == initials or own_head:  # "the SDN" in the Sarrenia Defenders' Network's bulletin
            claim = replace(claim, claimant=body if claim.claimant_key == AUTHOR else claim.claimant, claimant_key=key)
        if claim.claimant_key == key:
            claim = replace(claim, claim_date=None, claim_date_note=None)
        mine.append(claim)
    return mine


def _sentence_claims(
    document: Document, candidate: _Candidate, memory: MentionMemory, speaker: Attribution | None, reference: Reference
) -> list[_Found]:
    text, offset = candidate.sentence.text, candidate.sentence.start
    found = []
    for i, (figure, reading) in enumerate(candidate.readings):
        limit = candidate.readings[i + 1][0].start if i + 1 < len(candidate.readings) else len(text)
        quote_start, quote_end = (0, len(text)) if reading.whole_line else _quote_span(text, figure, limit)
        cell = [Attribution(reading.source, claimant_key(reading.source, memory))] if reading.source else None
        for attribution in cell or attribute(text, figure.start, figure.end, memory, speaker):
            if attribution is speaker or attribution.claim_date:  # the quotation's speaker was dated where introduced
                claim_date, date_note = attribution.claim_date, attribution.claim_date_note
                if claim_date is None and attribution is speaker:  # "On Monday it stood at 11,042"
                    claim_date, date_note = _opening_date(text, reference)
            else:
                claim_date, date_note = claim_date_of(text, attribution, reference, figure.start)
            if claim_date is None and attribution.claimant_key != AUTHOR:
                claim_date, date_note = _date_of_previous(text, figure, reference)  # "up from 6,214 on Wednesday"
            claim = Claim(
                file=document.file,
                figure_low=figure.low,
                figure_high=figure.high,
                category=reading.category,
                qualifier=figure.qualifier,
                claimant=attribution.claimant,
                claimant_key=attribution.claimant_key,
                quote=text[quote_start:quote_end],
                start=offset + quote_start,
                end=offset + quote_end,
                via=attribution.via,
                claim_date=claim_date,
                claim_date_note=date_note,
                place=reading.place or place_near(text, figure.end, limit),
                subgroup=reading.subgroup,
                unit=reading.unit,
                hedged=is_hedged(text, figure.start, figure.end),
                confirms=said_to_confirm(attribution.claimant, attribution.claimant_key, text[:quote_end]),
                document_sha256=document.sha256,
                document_date=document.published,
            )
            found.append(_Found(claim, attribution.direct, _refers_back(text, figure)))
    return _mark_disputes(text, found, memory)


_BACK_REFERENCE = re.compile(
    r"\b(?:(?:the|these|those)\s+|(?:the|a|this|that)\s+(?:death\s+)?(?:toll|figure|count|tally|total)\s+of\s+(?:only\s+)?|"
    r"(?:toll|figure|count|tally|total)\s+of\s+|"
    r"\b(?:the|this|that)\s+(?:\w+\s+){0,2}(?:toll|figure|count|tally|total|number)\s+(?:\w+\s+){0,3}?(?:is|was|stands\s+at|remains)\s+)$",
    re.IGNORECASE,
)  # "the toll of 1,500", "The highest figure published so far is 56": a figure already given
_AGENT_AFTER = re.compile(r"^[^,.;:]{0,40}?\b(?:announced|reported|given|published|released|claimed|alleged|circulated|issued|cited|put\s+out)\b[^,.;:]{0,30}?\bby\b", re.IGNORECASE)


def _refers_back(text: str, figure: Figure) -> bool:
    """A figure the text presupposes ("the 47 deaths", "A toll of 1,204 ...") unless an agent
    claims it right there ("the toll of 900 announced by Y" is Y's claim)."""
    if figure.qualifier not in ("exact", "about") or not _BACK_REFERENCE.search(text[max(0, figure.start - 40) : figure.start]):
        return False
    return not _AGENT_AFTER.match(text[figure.end : figure.end + 100])


def _opening_date(text: str, reference: Reference) -> tuple[str | None, str | None]:
    """A date opening the sentence ("On Monday it stood at ...") dates what it reports."""
    dates = find_dates(text, reference.value)
    first = dates[0] if dates else None
    if first is None or first.value is None or first.start > 4 or not dates_a_statement(text, first):
        return None, None  # "Since May, 23 of our volunteers have been killed": a period, not a day of speech
    note = f"“{text[first.start : first.end]}” read against the {reference.source} ({reference.value})" if first.relative else None
    return first.value, note


def _date_of_previous(text: str, figure: Figure, reference: Reference) -> tuple[str | None, str | None]:
    """"up from 6,214 on Wednesday": an earlier figure named with the day it was given."""
    if not re.search(r"\b(?:up|down)\s+from\s+(?:the\s+)?$", text[max(0, figure.start - 20) : figure.start], re.IGNORECASE):
        return None, None
    following = re.match(r"\s+(?:on\s+)?", text[figure.end :])
    dates = find_dates(text[figure.end : figure.end + 30], reference.value)
    first = dates[0] if dates else None
    if first is None or first.value is None or (following and first.start > following.end()):
        return None, None
    note = f"“{text[figure.end + first.start : figure.end + first.end]}” read against the {reference.source} ({reference.value})" if first.relative else None
    return first.value, note


def _quote_span(text: str, figure: Figure, limit: int) -> tuple[int, int]:
    """The clause around the figure: from the last break before it to the next after it."""
    breaks = [m.end() for m in _QUOTE_BREAK.finditer(text, 0, figure.start)]
    start = breaks[-1] if breaks else 0
    after = _QUOTE_BREAK.search(text, figure.end)
    end = after.start() if after else len(text)
    stripped = text[start:end].rstrip(" .;:,\"”’")
    return start, start + len(stripped)


def _disputer(text: str, memory: MentionMemory) -> tuple[str, str] | None:
    """Who rejects a figure in this sentence (as named, and as a key), else None."""
    dispute = dispute_in(text)
    if dispute is None:
        dismissed = dismissal_in(text)
        if dismissed is None:
            return None
        speaker = attribute(text, dismissed.start(), dismissed.end(), memory, None)[0]  # "..., X said"
        return None if speaker.claimant_key == AUTHOR else (speaker.claimant, speaker.claimant_key)
    agent = re.match(r"\s+by\s+(?P<who>[^,.;:]+)", text[dispute[0].end() :])
    if agent:  # "a figure disputed by officials"
        who = agent.group("who").strip()
        return who, claimant_key(who, memory)
    who = subject_before(text, dispute[0].start())
    if who is None:
        return None
    return who, claimant_key(who, memory)


def _mark_disputes(text: str, found: list[_Found], memory: MentionMemory) -> list[_Found]:
    disputer = _disputer(text, memory)
    if disputer is None:
        return found
    who, key = disputer
    others = {(i.claim.start, i.claim.figure_low, i.claim.figure_high) for i in found if i.claim.claimant_key != key}
    kept = []
    for item in found:
        if item.claim.claimant_key != key:
            item.claim = replace(item.claim, disputed_by=who)
        elif (item.claim.start, item.claim.figure_low, item.claim.figure_high) in others:
            continue  # "the toll of 900 put out by Y is false, X said": X rejects Y's figure, not claims it
        kept.append(item)
    found[:] = kept
    return found


def _mark_disputes_back(text: str, found: list[_Found], previous: tuple[int, int], memory: MentionMemory) -> None:
    """"The ministry rejected the figure." marks the claims of the sentence before."""
    dispute = dispute_in(text)
    if dispute is None or previous[0] == previous[1] or not points_back(text, dispute[0].end()):
        return
    _mark_disputes(text, found[previous[0] : previous[1]], memory)


def _remember_topics(memory: MentionMemory, sentence: Sentence, claims: list[Claim]) -> None:
    """The sentence's subject and its speakers, for a later "it" or "she"; claimants for "the officials"."""
    if _ISSUED.search(sentence.text):  # "The ministry issued a statement."; a subject the parser misses: the first body named
        named = resolve_entity(memory.subject[1], memory) if memory.subject is not None else None
        issuer = named or memory.cast.first_in(sentence.start, sentence.end)
        if issuer is not None and issuer.kind == "org":
            memory.speakers.append(issuer)  # "According to the statement, ..." is its
            memory.issuer = issuer
    elif _IN_A_STATEMENT.search(sentence.text):  # "In a statement issued this afternoon, the Service said ..."
        issuer = next((e for c in claims if c.claimant_key != AUTHOR and (e := resolve_entity(c.claimant, memory)) is not None and e.kind == "org"), None)
        memory.issuer = issuer or memory.issuer
    subject = memory.cast.first_in(sentence.start, sentence.end)
    if subject is None and memory.subject is not None and _PERSON_DESCRIPTION.match(memory.subject[1]):
        subject = Entity(memory.subject[1], "person", described_only=True)  # "A resident said ...", then "he said"
    if subject is not None:
        memory.topics.append(subject)
    if subject is not None and subject.kind == "org":  # "The Minister of Health, Dr. X, told ...": a later "she" is X
        memory.topics.extend(memory.cast.people_in(sentence.start, sentence.end))
    for claim in claims:
        if claim.claimant_key == AUTHOR:
            continue
        memory.add(claim.claimant)
        speaker = resolve_entity(claim.claimant, memory) or memory.cast.add_described(claim.claimant_key, sentence.start)
        if speaker is None and _PERSON_DESCRIPTION.match(claim.claimant):
            speaker = Entity(claim.claimant, "person", described_only=True)
        if speaker is not None:
            memory.speakers.append(speaker)
            if speaker is not subject:
                memory.topics.append(speaker)


def _with_default_place(claims: list[Claim], text: str) -> list[Claim]:
    """Claims with no place of their own take the place the document names most often."""
    places = Counter(document_places(text))
    if not places:
        return claims
    default = places.most_common(1)[0][0]
    return [c if c.place else replace(c, place=default) for c in claims]
