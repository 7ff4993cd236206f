"""Who speaks across sentences: quotations opened by "X said:", and accounts that run on.

A quotation introduced by "X said:" keeps X as its speaker until its quotation marks close
(or, without quotation marks, until the paragraph ends). A sentence that opens "A further
...", "Another ...", "Of these ..." continues the account of the sentence before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reckon.claims.attribution import Attribution, source_line, speaker_after_quote, speaker_of, speaker_of_closing
from reckon.claims.claimants import AUTHOR
from reckon.claims.dates import DateMention, Reference, find_dates
from reckon.claims.layout import label_line
from reckon.claims.memory import MentionMemory
from reckon.claims.numbers import STANDALONE_NUMERAL
from reckon.claims.model import Claim

_CELLS = re.compile(r"\S {2,}\S")
_BULLET = re.compile(r"^\s*[-•*·–—]\s")
_NUMBERED_POINT = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4}|[a-h])[.)](?:\s|$)")  # "3. A total of ninety-one ..."
_HEADING_IN_CAPITALS = re.compile(r"^[^a-z]{8,}$")  # "COMMUNIQUÉ No. 4 OF THE MINISTRY"
_ROW_OF_NUMBERS = re.compile(r"(?:\s\d[\d,.]*\+?){1,6}\s*$")
CONTINUES_ACCOUNT = re.compile(
    r"^(?:A|An)\s+(?:further|additional)\b|^(?:Another|Further|In\s+addition)\b"
    r"|^(?:Among|Of)\s+(?:them|these|those)\b"  # "Of these, six are journalists": a subset of the same account
    r"|^[\w-]+\s+of\s+(?:the\s+\d[\d,]*|them|these|those)\b"  # "Three of the 18 were boys"
)


@dataclass
class Quotation:
    """The speaker of a quotation introduced by "X said:" and how long it lasts."""

    speaker: Attribution
    quoted: bool  # inside quotation marks: lasts until they close; else until the paragraph ends
    started: bool = False
    needs_quote: bool = False  # after '“...,” said X.' only a sentence opening a quotation continues X
    listing: bool = False  # "X gave these figures:" then lines: lasts while the lines look like a list
    reproduced: bool = False  # a communiqué printed in full: lasts through its heading and numbered points
    follows: bool = False  # "released a statement ..., as follows.": lasts to the end of the text
    turn: bool = False  # a transcript speaker's turn before another label: lasts through its paragraphs


def last_voice(claims: list[Claim]) -> Attribution | None:
    """The claimant of the previous sentence, for a sentence that continues its account."""
    for claim in reversed(claims):
        if claim.claimant_key != AUTHOR:
            return Attribution(
                claim.claimant, claim.claimant_key, claim.via, claim_date=claim.claim_date, claim_date_note=claim.claim_date_note
            )
    return None


def quotation_continues(quotation: Quotation | None, gap: str, text: str) -> Quotation | None:
    """The quotation still open at sentence ``text`` (``gap``: the text since the last one)."""
    if quotation is None:
        return None
    if not quotation.started:
        quotation.quoted = text.lstrip()[:1] in "\"“‘"
        if quotation.needs_quote and not quotation.quoted:
            return None
        quotation.started = True
        return quotation
    if not quotation.quoted and "\n" in gap and not (quotation.listing and _list_line(text)) and not quotation.turn:
        if not quotation.follows and not (quotation.reproduced and (_NUMBERED_POINT.match(text) or _HEADING_IN_CAPITALS.match(text))):
            return None
    return quotation


def _list_line(text: str) -> bool:
    """A line of a list or table: a label line, cells apart, a bullet, or a short phrase."""
    if _ROW_OF_NUMBERS.search(text) and len(text.split()) <= 14:  # "Kassaba town (Souq, Al-Qoz) 19 47" (a PDF's table)
        return True
    return bool(label_line(text) or _CELLS.search(text) or _BULLET.match(text)) or len(text.split()) <= 6


def quotation_closed_later(
    sentences: list, index: int, text: str, memory: MentionMemory, reference: Reference
) -> Quotation | None:
    """A quotation that opens here and is attributed where it closes, a few sentences on:
    '“We have names for 590 of them. For the others we have witnesses,” the minister said.'"""
    opening = sentences[index].text.lstrip()
    if opening[:1] not in "“\"" or _closes(opening[1:]):
        return None
    for following in sentences[index + 1 : index + 6]:
        if "\n" in text[sentences[index].end : following.start]:
            return None  # a quotation attributed in this paragraph only
        close = re.search(r"[”\"]", following.text)
        if close is None:
            continue
        speaker = speaker_of_closing(following.text, close.end(), memory)
        if speaker is None:
            return None
        value, note = claim_date_of(following.text[close.end() :], speaker, reference)
        return Quotation(replace(speaker, claim_date=value, claim_date_note=note), quoted=True, started=True)
    return None


def dated_by_heading(quotation: Quotation, heading: str, reference: Reference) -> Quotation:
    """A list's source dated by the heading above it: "KEY FIGURES, AS OF 12 NOVEMBER 2033"."""
    if not quotation.listing or quotation.speaker.claim_date is not None or reference.value is None:
        return quotation
    for mention in find_dates(heading, reference.value):
        if mention.value and _AS_OF.search(heading[max(0, mention.start - 7) : mention.start]):
            quotation.speaker = replace(quotation.speaker, claim_date=mention.value, claim_date_note=date_note(heading, mention, reference))
            break
    return quotation


def _closes(text: str) -> bool:
    return bool(re.search(r"[”\"]", text))


def quotation_after(
    quotation: Quotation | None, text: str, memory: MentionMemory, reference: Reference
) -> Quotation | None:
    """The quotation open after sentence ``text``: a new one ("X said:"), or the old one."""
    introduced = speaker_of(text, memory)
    if introduced is not None:
        value, note = claim_date_of(text, introduced, reference)
        dated = replace(introduced, claim_date=value, claim_date_note=note)
        listing = text.rstrip().endswith(":") or source_line(text) is not None
        return Quotation(dated, quoted=False, listing=listing)
    after = speaker_after_quote(text, memory)
    if after is not None:  # '“They fired without warning,” said X. “I saw eight bodies.”'
        return Quotation(after, quoted=True, needs_quote=True)
    if quotation is not None and quotation.quoted and text.rstrip().endswith(("”", '"')):
        return None
    return quotation


_RISEN_TO = re.compile(r"\b(?:rose|risen|climbed|jumped|grew|increased|reached|stood|stands|was|is)\s+(?:to\s+|at\s+)?(?:at\s+least\s+|more\s+than\s+|over\s+)?$", re.IGNORECASE)
_FIGURE_THEN_DAY = re.compile(r"^[\d,.]+(?:\s+[\w-]+){0,2}?\s+(?:(?:on|by)\s+)?$", re.IGNORECASE)


def _dated_after_figure(text: str, figure: int, dates: list[DateMention]) -> DateMention | None:
    """A date that belongs to the figure before it: "as of <date>" later in its clause, or a
    toll that "rose to 19 on Tuesday"."""
    for m in dates:
        if m.start < figure or m.start - figure > 90 or re.search(r"[;.]\s", text[figure : m.start]):
            continue
        if text[max(0, m.start - 6) : m.start].lower() == "as of ":  # not "by": "buried 23 by Tuesday" is the event
            return m
        if _RISEN_TO.search(text[max(0, figure - 40) : figure]) and _FIGURE_THEN_DAY.match(text[figure : m.start]):
            return m
    return None


def claim_date_of(
    text: str, attribution: Attribution, reference: Reference, figure: int | None = None
) -> tuple[str | None, str | None]:
    """The date the claimant spoke, and a note when it was resolved (a weekday, "yesterday").

    A date right after the claimant's verb ("said on Monday", "told a news conference in X on
    Sunday", "reported 47 deaths on Sunday") or before it in the same clause with nothing but
    the subject between ("In a post late on Friday, the ministry said", "who on 18 March
    acknowledged") dates the statement. A date in a clause with an event or a figure of its own
    dates the event ("On 2 May, shelling killed 35, according to X"; "killed 11 protesters
    Tuesday, a group said"); "since 3 November" starts a period; "Friday's dead" is no date of
    speech. "By 23 November it stood at 9,846" and "as of 14 March" date the figure after them.
    """
    if attribution.claimant_key == AUTHOR or attribution.anchor is None or reference.value is None:
        return None, None
    anchor = attribution.anchor
    dates = [m for m in find_dates(text, reference.value) if m.value and dates_a_statement(text, m)]
    if figure is not None:
        as_of = [m for m in dates if m.end <= figure and _AS_OF.search(text[max(0, m.start - 7) : m.start])]
        if as_of and not re.search(r"[;.]", text[as_of[-1].end : figure]):
            return as_of[-1].value, date_note(text, as_of[-1], reference)
        dated_after = _dated_after_figure(text, figure, dates)
        if dated_after is not None:  # "46 deaths as of 10 March", "rose to 19 on Tuesday"
            return dated_after.value, date_note(text, dated_after, reference)
    after = next((m for m in dates if m.start >= anchor), None)
    if after is not None and after.start - anchor <= 90:
        gap = text[anchor : after.start]
        if _PUBLISHED_ON.fullmatch(gap) or _COUNT_BY.fullmatch(gap):  # "the figure ..., published on Sunday, is"; "counted 52 dead by Thursday"
            return after.value, date_note(text, after, reference)
        if _month_only(after) and not _NEXT_TO_VERB.fullmatch(gap):
            after = None  # "published the toll since the start of operations in January": a period
    if after is not None and after.start - anchor <= 90:
        gap = text[anchor : after.start]
        if not _BETWEEN_DATE.search(gap) and not (_FIGURE_IN_GAP.search(gap) and _VERB_IN_GAP.search(gap)):
            return after.value, date_note(text, after, reference)  # "reported 47 deaths on Sunday", not "had recovered 43 bodies ... on Wednesday"
    counting = _COUNTING_VERB.search(text[:anchor]) is not None
    before = [m for m in dates if m.end <= anchor and not (counting and _month_only(m))]  # "In February, X recorded 171": the period counted
    if before:
        last = before[-1]
        clause = text[_clause_start(text, last.start) : last.start]
        between = text[last.end : anchor]
        relative = _RELATIVE.search(clause) and not _SPEAKER_RELATIVE.fullmatch(clause)  # "X, which on Saturday said" dates X's words
        if not re.search(r"\d", between + clause) and not _EVENT.search(between + clause) and not relative and not _PERIOD_WORD.search(clause):
            return last.value, date_note(text, last, reference)
    spoken = _SPOKEN_ON.search(text)  # "..., Health Minister X told a press conference in Y on Sunday"
    if spoken and not _FIGURE_IN_GAP.search(text, spoken.start(), spoken.start("date")):  # "told X that one person had died ... on Thursday"
        dated = next((m for m in dates if m.end == spoken.end("date")), None)
        if dated is not None:
            return dated.value, date_note(text, dated, reference)
    return None, None


def _month_only(mention: DateMention) -> bool:
    return mention.value is not None and len(mention.value) == 7


_PUBLISHED_ON = re.compile(r",?\s*(?:published|released|issued|updated|given|posted)\s+(?:on\s+|late\s+on\s+)?", re.IGNORECASE)
_COUNT_BY = re.compile(r"\s*\d[\d,]*\s+(?:[\w-]+\s+){0,2}?by\s+", re.IGNORECASE)
_NEXT_TO_VERB = re.compile(r"\s*(?:(?:in|during|early\s+in|late\s+in|last)\s+)?", re.IGNORECASE)
_COUNTING_VERB = re.compile(r"\b(?:recorded|documented|verified|registered|counted|logged|tallied)\s*$", re.IGNORECASE)


def _clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last comma, semicolon or dash."""
    breaks = [m.end() for m in re.finditer(r"[,;:]\s|\s[-–—]\s", text[:position])]
    return breaks[-1] if breaks else 0


_PERIOD_BEFORE = re.compile(r"\b(?:since|until|till|from|between|after|before|through|throughout|to)\s+(?:the\s+)?$", re.IGNORECASE)
_FIGURE_IN_GAP = re.compile(rf"\d|{STANDALONE_NUMERAL.pattern}", re.IGNORECASE)  # "one person had died ... on Thursday"
_VERB_IN_GAP = re.compile(r"\b(?:had|has|have|was|were|is|are|been)\b|\b[a-z]{3,}ed\b")
_PERIOD_WORD = re.compile(r"\b(?:since|until|from|after|before|during|throughout)\b", re.IGNORECASE)  # "Since the invasion on 24 February, X verified"
_AS_OF = re.compile(r"\b(?:as\s+of|by)\s+$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:which|who|whose|that)\b", re.IGNORECASE)
_SPEAKER_RELATIVE = re.compile(r"\s*(?:which|who)\s+(?:(?:late|early)\s+)?(?:on\s+)?", re.IGNORECASE)
_BETWEEN_DATE = re.compile(
    r"[;:]|,\s|\b(?:that|when|after|before|while|by|kill\w*|died|wound\w*|injur\w*|shell\w*|struck|strikes?|hit|"
    r"attack\w*|fired|bomb\w*|arrest\w*|detain\w*)\b",
    re.IGNORECASE,
)
_SPOKEN_ON = re.compile(  # no figure and no relative clause between the verb and its day
    r"(?<!\bwhich\s)(?<!\bwho\s)(?<!\bhad\s)\b(?:said|says|told|announced|added|stated)\b[^.;:,“”\"\d]{0,60}?\bon\s+(?P<date>(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)\b)",
)
_EVENT = re.compile(
    r"\b(?:kill\w*|struck|strikes?|hit|fired|shell\w*|attack\w*|died|bomb\w*|wound\w*|injur\w*|arrest\w*|"
    r"detain\w*|clash\w*|explo\w*|raid\w*|storm\w*|opened\s+fire)\b",
    re.IGNORECASE,
)


def dates_a_statement(text: str, mention: DateMention) -> bool:
    """A date that can date a statement: not a period's start ("since 3 November"), not a
    possessive ("Friday's dead"), not inside a range ("2 - 4 May")."""
    if _PERIOD_BEFORE.search(text[max(0, mention.start - 12) : mention.start]) or text[mention.start : mention.start + 6].lower() == "since ":
        return False  # "since 3 November", "since June": a period's start
    if re.match(r"^[’']s\b|^\s*[-–]\s*\d", text[mention.end : mention.end + 4]):
        return False
    return not re.search(r"\d\s*[-–]\s*$", text[max(0, mention.start - 6) : mention.start])


def date_note(text: str, mention: DateMention, reference: Reference) -> str | None:
    if not mention.relative:
        return None
    return f"“{text[mention.start : mention.end]}” read against the {reference.source} ({reference.value})"
