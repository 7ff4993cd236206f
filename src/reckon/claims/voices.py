"""Who speaks across sentences: quotations opened by "X said:", and accounts that run on.

A quotation introduced by "X said:" keeps X as its speaker until its quotation marks close
(or, without quotation marks, until the paragraph ends). A sentence that opens "A further
...", "Another ...", "Of these ..." continues the account of the sentence before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reckon.claims.attribution import Attribution, speaker_after_quote, speaker_of
from reckon.claims.claimants import AUTHOR
from reckon.claims.dates import find_dates
from reckon.claims.layout import label_line
from reckon.claims.memory import MentionMemory
from reckon.claims.model import Claim

_CELLS = re.compile(r"\S {2,}\S")
_BULLET = re.compile(r"^\s*[-•*·–—]\s")
CONTINUES_ACCOUNT = re.compile(
    r"^(?:A|An)\s+(?:further|additional)\b|^(?:Another|Further|In\s+addition)\b"
    r"|^(?:Among|Of)\s+(?:them|these|those)\b"  # "Of these, six are journalists": a subset of the same account
)


@dataclass
class Quotation:
    """The speaker of a quotation introduced by "X said:" and how long it lasts."""

    speaker: Attribution
    quoted: bool  # inside quotation marks: lasts until they close; else until the paragraph ends
    started: bool = False
    needs_quote: bool = False  # after '“...,” said X.' only a sentence opening a quotation continues X
    listing: bool = False  # "X gave these figures:" then lines: lasts while the lines look like a list


def last_voice(claims: list[Claim]) -> Attribution | None:
    """The claimant of the previous sentence, for a sentence that continues its account."""
    for claim in reversed(claims):
        if claim.claimant_key != AUTHOR:
            return Attribution(claim.claimant, claim.claimant_key, claim.via, claim_date=claim.claim_date)
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
    if not quotation.quoted and "\n" in gap and not (quotation.listing and _list_line(text)):
        return None
    return quotation


def _list_line(text: str) -> bool:
    """A line of a list or table: a label line, cells apart, a bullet, or a short phrase."""
    return bool(label_line(text) or _CELLS.search(text) or _BULLET.match(text)) or len(text.split()) <= 6


def quotation_after(
    quotation: Quotation | None, text: str, memory: MentionMemory, published: str | None
) -> Quotation | None:
    """The quotation open after sentence ``text``: a new one ("X said:"), or the old one."""
    introduced = speaker_of(text, memory)
    if introduced is not None:
        dated = replace(introduced, claim_date=claim_date_of(text, introduced, published))
        return Quotation(dated, quoted=False, listing=text.rstrip().endswith(":"))
    after = speaker_after_quote(text, memory)
    if after is not None:  # '“They fired without warning,” said X. “I saw eight bodies.”'
        return Quotation(after, quoted=True, needs_quote=True)
    if quotation is not None and quotation.quoted and text.rstrip().endswith(("”", '"')):
        return None
    return quotation


def claim_date_of(text: str, attribution: Attribution, published: str | None) -> str | None:
    """The date the claimant spoke: just after its verb, else "On <date>, X said ..."."""
    if attribution.claimant_key == AUTHOR or attribution.anchor is None:
        return None
    dates = find_dates(text, published)
    for mention in dates:
        if 0 <= mention.start - attribution.anchor <= 40:
            return mention.value
    for mention in dates:
        if mention.start <= 8 and mention.end < attribution.anchor:
            return mention.value
    return None
