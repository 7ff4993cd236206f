"""The outlet that publishes a document: its own voice is the author's.

"According to an AFP tally" in an AFP story, "As NorvInform reported" on NorvInform's site and
"our correspondent" are the publisher counting for itself, so the claimant is ``author``; "told
AFP" in an AFP story names no intermediary. The outlet is read from the page's metadata, the
dateline ("OSKARIN, May 3 (Reuters) -", "Hamra, SNNA -"), the byline ("By Kalmora Now staff",
"By X, for the Harbour Tribune") or a masthead line near the top ("The Korsa Independent").
A body publishing its own report (a UN mission, a rights group) is not an outlet: when it names
itself ("HRMMN has verified ...") the claim keeps its name.
"""

from __future__ import annotations

import re

from reckon.articles.document import Document
from reckon.claims.claimants import known_claimant
from reckon.claims.parties import name_words

_WIRES = frozenset({"Reuters", "Associated Press", "AFP"})
_DATELINE_AGENCY = re.compile(
    r"^[^\n]{0,80}?(?:\((?P<bracketed>[A-Z][\w.&' -]{1,30})\)\s*[-–—]|,\s*(?P<after>[A-Z][A-Z]{1,8})\s+[-–—]\s)",
    re.MULTILINE,
)
_BYLINE = re.compile(
    r"^(?:By|From)\s+(?:(?:the\s+)?(?P<staff>[A-Z][\w’' ]{1,40}?)\s+(?:staff|political\s+desk|newsroom|desk|correspondents?)"
    r"|[^\n,]{2,60},\s+for\s+(?:the\s+)?(?P<for>[A-Z][\w’' ]{1,40}))\s*$",
    re.MULTILINE,
)
_MASTHEAD = re.compile(
    r"^(?:The\s+)?(?P<name>(?:[A-Z][\w’'-]*\s+){0,3}(?:News|TV|Radio|Times|Post|Review|Independent|Tribune|"
    r"Herald|Daily|Voice|Light|Dawn|Gazette|Journal|Press|Wire|Chronicle|Observer|Courier|Telegraph|"
    r"Standard|Inform|Today))\b[^\n]{0,40}$",
    re.MULTILINE,
)
_BODY_HEADS = re.compile(
    r"\b(?:Watch|Mission|Association|Office|Ministry|Council|Committee|Commission|Organi[sz]ation|"
    r"Observatory|Network|Union|Bureau|Agency|Cluster|Fund|Programme|International)\b"
)


def outlet_names(document: Document) -> list[str]:
    """Names the document's publisher goes by (empty when it is a body's own publication)."""
    head = document.text[:600]
    found = []
    if document.publisher:
        found.append(document.publisher)
    for m in _DATELINE_AGENCY.finditer(head):
        agency = m.group("bracketed") or m.group("after")
        if agency.isupper() or known_claimant(agency):  # "(Reuters)", "(AFP)"; not "(Nairobi)"
            found.append(agency)
    for m in _BYLINE.finditer(head):
        found.append(m.group("staff") or m.group("for"))
    for m in _MASTHEAD.finditer(head):
        found.append(m.group("name"))
    return [name.strip() for name in found if name and _is_outlet(name.strip())]


def _is_outlet(name: str) -> bool:
    known = known_claimant(name)
    if known:
        return known in _WIRES
    return not _BODY_HEADS.search(name)


def is_outlet(name: str, outlets: list[str]) -> bool:
    """Whether a claimant or via names the document's own publisher."""
    words = name_words(name)
    if not words:
        return False
    for outlet in outlets:
        mine = name_words(outlet)
        last = outlet.split()[-1].casefold()
        if mine and (mine <= words or (words <= mine and last in words)):  # "the Tribune", "the Meridian"
            return True
        if known_claimant(outlet) and known_claimant(outlet) == known_claimant(name):
            return True
    return False
