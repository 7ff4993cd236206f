"""The outlet that publishes a document: its own voice is the author's.

"According to an AFP tally" in an AFP story, "As NorvInform reported" on NorvInform's site and
"our correspondent" are the publisher counting for itself, so the claimant is ``author``; "told
AFP" in an AFP story names no intermediary. The outlet is read from the page's metadata, the
dateline ("OSKARIN, May 3 (Reuters) -", "Hamra, SNNA -"), the byline ("By Kalmora Now staff",
"By X, for the Harbour Tribune") or a masthead line near the top ("The Korsa Independent").
A body publishing its own report (a UN mission, a rights group, a ministry, an armed group's
media office) is not an outlet: the document's own voice is that body (``own_body``), read from
the page's metadata ("Human Rights Watch"), a header line naming the body ("Kesh-Amar Human
Rights Documentation Network (KHRDN)", "Health Cluster | World Health Organization, lead
agency", "Spokesperson for the UN High Commissioner for Human Rights: X", "FALCON VOICE - Media
Office of the Falcon Guard"), a briefing's title ("Press briefing by the Head of the UN ...
Mission in Ombria") or "This report is produced by OCHA Tarsenia".
"""

from __future__ import annotations

import re

from reckon.articles.document import Document
from reckon.claims.cast import ORG_HEADS, acronym_of
from reckon.claims.claimants import NEWS_AGENCIES, known_claimant
from reckon.claims.parties import name_words

_DATELINE_AGENCY = re.compile(
    r"^[^\n]{0,80}?(?:\((?P<bracketed>[A-Za-z][\w.&' -]{1,30})\)\s*[-–—]|,\s*(?P<after>[A-Z][A-Z]{1,8})\s+[-–—]\s)",
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
_MASTHEAD_LEADING = re.compile(r"^(?P<name>(?:Radio|Television|TV)(?:\s+[A-Z][\w’'-]*){1,3})(?:\s+[-–—|:]\s+[^\n]{0,40})?$", re.MULTILINE)
_BODY_HEADS = re.compile(
    r"\b(?:Watch|Mission|Association|Office|Ministry|Council|Committee|Commission|Organi[sz]ation|"
    r"Observatory|Network|Union|Bureau|Agency|Cluster|Fund|Programme|International)\b"
)


def outlet_names(document: Document) -> list[str]:
    """Names the document's publisher goes by (empty when it is a body's own publication)."""
    # A masthead in capitals ("THE DREVASK TIMES") reads as in title case.
    head = "\n".join(line.title() if line.isupper() and len(line.split()) <= 6 else line for line in document.text[:600].split("\n"))
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
    for m in _MASTHEAD_LEADING.finditer(head):  # "RADIO HORIZON ASIA - INTERVIEW"
        found.append(m.group("name"))
    return [name.strip() for name in found if name and not _GENERIC_MASTHEAD.fullmatch(name.strip()) and _is_outlet(name.strip())]


# A masthead word alone ("Press briefing notes", "Press release", "News desk") names no outlet.
_GENERIC_MASTHEAD = re.compile(r"(?:The\s+)?(?:News|Press|Wire|Today|Review|Voice|Light|Standard|Daily|Journal|Radio|TV)", re.IGNORECASE)


def _is_outlet(name: str) -> bool:
    known = known_claimant(name)
    if known:
        return known in NEWS_AGENCIES
    return not _BODY_HEADS.search(name) and _body_name(name) is None


def is_outlet(name: str, outlets: list[str]) -> bool:
    """Whether a claimant or via names the document's own publisher."""
    words = name_words(_STAFF_SUFFIX.sub("", name))  # "an Observer reporter": the Observer itself
    if not words:
        return False
    for outlet in outlets:
        mine = name_words(outlet)
        last = outlet.split()[-1].casefold()
        if mine and (mine <= words or (words <= mine and last in words)):  # "the Tribune", "the Meridian"
            return True
        if last in _ADVERB_MASTHEAD and words == mine - {last}:  # "Tamsar Now has confirmed": "Now" read as an adverb
            return True
        if known_claimant(outlet) and known_claimant(outlet) == known_claimant(name):
            return True
    return False


_ADVERB_MASTHEAD = frozenset({"now", "today", "online", "live", "daily"})
_STAFF_SUFFIX = re.compile(r"['’]s?\s*$|\s+(?:reporters?|correspondents?|journalists?|staff|team|tally|count)\s*$", re.IGNORECASE)

# Names of news outlets, not of bodies: "Serrat Press Service", "THE UNION HERALD", "Radio Nahr".
_NEWS_NAME = re.compile(
    r"\b(?:news|press|times|radio|tv|television|herald|voice|post|tribune|gazette|journal|daily|wire|chronicle|"
    r"observer|courier|telegraph|standard|inform|today|review|independent|ledger|channel|broadcasting)\b",
    re.IGNORECASE,
)
_HEADER_PARTS = re.compile(r"\s+[|\-–—]\s+|\s*[|·•]\s*")  # "BODY · REPUBLIC OF X", "Body | Report"
_MEDIA_OFFICE = re.compile(
    r"^(?:the\s+)?(?:media|press|information|communications?)\s+(?:office|team|unit|department|service|wing)\s+of\s+(?:the\s+)?(?P<body>.+)$",
    re.IGNORECASE,
)
_SPOKESPERSON_LINE = re.compile(r"^(?:spokes(?:man|woman|person)|press\s+officer)\s+(?:for|of)\s+(?:the\s+)?(?P<body>[^:]+?)\s*(?::.*)?$", re.IGNORECASE)
_BRIEFING_TITLE = re.compile(
    r"^(?:transcript:\s*)?(?:press\s+)?briefing\s+(?:notes\s+)?by\s+(?:the\s+)?(?:(?:head|spokes\w+|chief|director)\s+(?:of|for)\s+(?:the\s+)?)?(?P<body>.+)$",
    re.IGNORECASE,
)
_PRODUCED_BY = re.compile(
    r"\b(?i:update|report|bulletin|briefing|statement|sitrep|document)\s+(?:is|was)\s+(?:produced|issued|prepared|published|compiled)\s+by\s+"
    r"(?:the\s+)?(?P<body>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|the|and|on|in)\s+)*[A-Z][\w’'.&-]*){0,8})"
)
_LINK = {"of", "for", "the", "in", "on", "and", "to", "&", "de", "al"}


def own_body(document: Document) -> str | None:
    """The body whose own publication the document is, as the document names it; None for a
    news outlet's article (its own voice stays ``author``) or when no body is named."""
    if outlet_names(document):
        return None
    if document.publisher and (body := _body_name(document.publisher)):
        return body
    lines = [line.strip() for line in re.sub(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s", "", document.text[:800]).splitlines()]
    header = []
    for line in (line for line in lines if line):
        if len(line.split()) > 20:
            break
        header.append(line)
    for line in header[:8]:
        briefing = _BRIEFING_TITLE.match(line)
        if briefing and (body := _body_name(briefing.group("body"))):
            return body
        for part in _HEADER_PARTS.split(line):
            if body := _body_name(part):
                return body
    produced = _PRODUCED_BY.search(document.text[:1500])
    if produced:
        return _body_name(produced.group("body"))
    return _release_issuer(header, lines)


_RELEASE_HEADER = re.compile(r"(?i)(?:press|news|media)\s+(?:release|statement)")
# "Kabkar/Geneva, 16 November 2035 – Médecins Sans Frontières (MSF) teams at ...": the dateline, then the issuer
_RELEASE_LEDE = re.compile(
    r"^[^–—-]{2,60}\d{4}\s*[–—-]\s*(?:The\s+)?(?P<body>[A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|the|and|on|in|de|sans)\s+)*[A-Z][\w’'.&-]*){0,8})"
)


def _release_issuer(header: list[str], lines: list[str]) -> str | None:
    """A press release without a letterhead speaks for the body its dated lede names first."""
    if not any(_RELEASE_HEADER.fullmatch(line.strip(" :")) for line in header[:6]):
        return None
    lede = next((line for line in lines if len(line.split()) > 20), "")
    found = _RELEASE_LEDE.match(lede)
    return _body_name(found.group("body")) if found else None


def _body_name(part: str) -> str | None:
    """The body a header part names ("Kesh-Amar Human Rights Documentation Network (KHRDN)",
    "Media Office of the Falcon Guard", "Spokesperson for the UN High Commissioner ..."), else None."""
    part = part.strip(" ,.:;")
    spokesperson = _SPOKESPERSON_LINE.match(part)
    if spokesperson:
        part = spokesperson.group("body")
    office = _MEDIA_OFFICE.match(part)
    if office:
        part = office.group("body")
    part = re.sub(r"\s*\([^()]{1,80}\)", "", part).strip()  # "(MSF)", "(Observatorio de ..., ODC)"
    head, _, place = part.partition(",")
    if place and len(place.split()) <= 3 and not re.search(r"\d", place):
        part = head.strip()  # "Citizens' Rights Observatory, Tamberlo."
    part = re.sub(r"^(?:The|THE)\s+", "", part)
    if part.isupper() and len(part.split()) > 1:  # a header in capitals: "SARRENIA DEFENDERS' NETWORK"
        part = " ".join(w.lower() if w.lower() in _LINK else w.capitalize() for w in part.split())
    words = part.split()
    if not 1 <= len(words) <= 12 or re.search(r"\d", part) or _NEWS_NAME.search(part):
        return None
    if not all(w[:1].isupper() or w.lower() in _LINK for w in words) or not words[0][:1].isupper():
        return None
    known = known_claimant(part)
    if known:
        return part if known not in NEWS_AGENCIES else None
    heads = {w.lower().strip("’'") for w in words} & (ORG_HEADS | {"cluster"})
    return part if heads and len(words) >= 2 else None
