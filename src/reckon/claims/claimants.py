"""Claimant keys: one canonical name per organisation, office or person.

A small table covers bodies that recur in casualty reporting (with their aliases and the
people who speak for them); any other name goes through a general rule: drop articles,
counts, titles and descriptors ("the head of ...", "officials"), keep the organisation or
person name. ``canonical_claimant("a spokesman for Amnesty")`` -> "Amnesty International".
"""

from __future__ import annotations

import re
from functools import lru_cache

AUTHOR = "author"

# International bodies that recur in casualty reporting, whatever the event: wires, UN offices,
# the Red Cross and international NGOs (canonical key -> aliases, matched case-insensitively as
# whole words anywhere in the mention). A country's officials, parties, media and local groups
# never belong here: the document names them (cast.py resolves them) and the case's alias table
# joins them across documents.
KNOWN_CLAIMANTS: dict[str, tuple[str, ...]] = {
    "Amnesty International": ("Amnesty International", "Amnesty"),
    "Human Rights Watch": ("Human Rights Watch", "HRW"),
    "Reuters": ("Reuters",),
    "Associated Press": ("Associated Press", "AP"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "UN OHCHR": (
        "OHCHR", "Office of the United Nations High Commissioner for Human Rights", "UN human rights office", "U.N. human rights office",
        "United Nations human rights office", "High Commissioner for Human Rights",
        "UN rights office", "U.N. rights office", "UN human rights chief", "U.N. human rights chief",
    ),
    "UN OCHA": (
        "OCHA", "UN OCHA", "United Nations Office for the Coordination of Humanitarian Affairs",
        "Office for the Coordination of Humanitarian Affairs", "UN humanitarian office",
        "U.N. humanitarian office", "United Nations humanitarian office", "UN aid office", "U.N. aid office",
    ),
    "UNICEF": (
        "UNICEF", "UN Children's Fund", "UN Children’s Fund", "United Nations Children's Fund", "United Nations Children’s Fund",
        "UN children's agency", "UN children’s agency", "U.N. children's agency", "U.N. children’s agency",
        "UN's children's agency", "UN’s children’s agency", "United Nations children's agency",
    ),
    "UNHCR": ("UNHCR", "UN refugee agency", "U.N. refugee agency", "United Nations High Commissioner for Refugees"),
    "WFP": ("WFP", "World Food Programme", "World Food Program"),
    "WHO": ("WHO", "World Health Organization", "World Health Organisation", "UN health agency", "U.N. health agency", "UN's health agency"),
    "ICRC": ("ICRC", "International Committee of the Red Cross"),
    "MSF": ("MSF", "Médecins Sans Frontières", "Medecins Sans Frontieres", "Doctors Without Borders"),
    "UN human rights experts": ("UN experts", "UN human rights experts", "U.N. experts", "U.N. human rights experts"),
    "dpa": ("dpa", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Anadolu Agency": ("Anadolu Agency", "Anadolu"),
    "ACLED": ("ACLED", "Armed Conflict Location and Event Data Project", "Armed Conflict Location & Event Data Project"),
    "United Nations": ("United Nations", "UN", "U.N"),
}

# The news agencies among them: a publisher, never "a group" or "the monitor" an article describes.
NEWS_AGENCIES = frozenset({"Reuters", "Associated Press", "AFP", "dpa", "EFE", "Xinhua", "ANSA", "Kyodo", "Anadolu Agency"})

# Longest aliases first, across all keys, so "Iran Human Rights Monitor" is not read as
# "Iran Human Rights". Short all-capital acronyms must match in capitals.
_ALIASES = sorted(
    ((alias, key) for key, aliases in KNOWN_CLAIMANTS.items() for alias in aliases),
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_ALIAS_RES = [
    (key, re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", 0 if alias.isupper() and len(alias) <= 3 or alias == "U.N" else re.IGNORECASE))
    for alias, key in _ALIASES
]

_LEADING = re.compile(
    r"^(?:(?:the|a|an|one(?!\s+of\b)|another|some|several|two|three|four|five|six|\d+|senior|top|local|other|unnamed|"
    r"anonymous|former|then|also|later|its|his|her|their)\s+)+",
    re.IGNORECASE,
)
_TITLES = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Sen|Rep|Maj|Capt|Lt|Sgt)\.?\s+|(?:President|Prime\s+Minister|"
    r"Interior\s+Minister|Foreign\s+Minister|Justice\s+Minister|Minister|Deputy|Governor|General|"
    r"Colonel|Brigadier|Commander|Chief|Judge|Prosecutor(?![\s-]+General)|Ayatollah|Sheikh|Senator|Lawmaker|MP|"
    r"Spokesman|Spokeswoman|Spokesperson|Secretary|Director|Head|Professor|Imam|Mayor)\s+)+"
)
_SPOKESPERSON = re.compile(
    r"^.*?\b(?:spokes(?:man|woman|person)|official|officials|representative|head|chief|director|"
    r"press\s+(?:service|office|centre|center)|media\s+office|"
    r"member|members|researcher|researchers|minister|secretary|staff|sources?)\s+(?:for|of|at|from|with|in(?=\s+the\b))\s+",
    re.IGNORECASE,
)
_ROLE_BEFORE_NAME = re.compile(
    r"^(?:[\w.’'-]+\s+){0,4}?(?:leader|head|chief|director|founder|chairman|chairwoman|chair|"
    r"president|member|researcher|commander|official|activist|lawyer|spokes(?:man|woman|person)|"
    r"journalist|reporter|blogger|doctor|surgeon|nurse|lawmaker|cleric|witness|resident|analyst|student|"
    r"monitor|group|watchdog|organi[sz]ation|outlet|newspaper|broadcaster|NGO|ngo|website|charity|"
    r"daily|weekly|channel|network|collective|alliance|coalition|party|union|syndicate|opposition)\s+(?=[A-Z])",
)
_COMPILED_BY = re.compile(
    r"^(?:a|an|the)\s+(?:list|register|database|tally|count|record|file)s?\s+(?:of\s+(?:[\w-]+\s+){0,3}?)?"
    r"(?:compiled|kept|maintained|drawn\s+up|put\s+together|gathered)\s+by\s+",
    re.IGNORECASE,
)
_OWNED_RECORD = re.compile(
    r"['’]s?\s+(?:\w+\s+)?(?:figures?|report|data|tally|count|statement|estimates?|records?|list|research)$",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+(?:officials?|own|spokes(?:man|woman|person)|sources?|(?<!general\s)staff|researchers?|members?|"
    r"report|statement|figures|data|tally|count|website|officers?)|['’]s?)+$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def known_claimant(mention: str) -> str | None:
    """The table key whose alias occurs in ``mention``, else None."""
    for key, pattern in _ALIAS_RES:
        if pattern.search(mention):
            return key
    return None


VOUCHING = frozenset("credible reliable multiple several various numerous trusted independent informed other well-placed".split())


@lru_cache(maxsize=8192)
def canonical_claimant(mention: str) -> str:
    """The claimant key for a name as the text gives it (see module docstring)."""
    mention = " ".join(mention.split()).strip(" ,.;:\"“”'’()")
    if not mention or mention.lower() == AUTHOR:
        return AUTHOR
    known = known_claimant(mention.split(",")[0]) or known_claimant(mention)  # the name before its apposition
    if known:
        return known
    post = _SOCIAL_POST.match(mention)
    if post:  # "A post shared 40,000 times on X" -> "post on X"; "a viral video" -> "viral video"
        where = post.group("platform")
        return f"{post.group('kind').lower()} on {where}" if where else " ".join((post.group("adj") + post.group("kind")).lower().split())
    name = mention.split(",")[0].strip()  # "X, the head of Y" -> "X"
    name = _COMPILED_BY.sub("", name)  # "a list of names compiled by village elders" -> "village elders"
    name = _IN_THE_PLACE.sub("", name)  # "health officials in the city" -> "health officials"
    name = _SPOKESPERSON.sub("", name)  # "a spokesman for X" -> "X"
    name = _LEADING.sub("", name)
    name = _TITLES.sub("", name)
    name = _ROLE_BEFORE_NAME.sub("", name)  # "FVC leader Anya Sorel" -> "Anya Sorel"
    name = _OWNED_RECORD.sub("", name)  # "the Monitor's latest figures" -> "the Monitor"
    described = name
    name = _TRAILING.sub("", name).strip()
    if len(name.split()) == 1 and name != described and name[:1].isupper() and name.lower().endswith(("ian", "ese", "ish", "i")):
        name = described  # "Iranian officials" stays: "Iranian" alone names no one
    elif name != described and name.islower() and len(name.split()) == 1 and (
        name.endswith(("al", "ic", "ary", "ous", "ed")) or name in ("security", "intelligence", "health", "hospital", "army", "police")
    ):
        name = described  # "medical sources", "security sources", "elected official": the adjective alone names no one
    elif name != described and name.islower() and all(w in VOUCHING for w in name.split()):
        name = described  # "credible sources", "multiple reliable sources": sources, however vouched for
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    name = re.sub(r"\s*\([^)]*$", "", name).strip()  # "Confederation of Workers (CGTC" cut at a bracket left open
    name = _DESCRIPTIVE_OWNER.sub("", name)  # "the enclave's health ministry" -> "health ministry"
    name = _PARTICIPLE_AFTER.sub("", name)  # "resident reached by phone" -> "resident"
    name = re.sub(r"\s+of\s+(?:one\s+of\s+)?(?:them|those|these|the\s+(?:victims|dead|wounded))$", "", name)  # "relative of one of them"
    if name.lower() in _GENERIC_PLURALS:  # "local media" keeps "local": "media" alone names no one
        kept = re.search(rf"\b(?:local|foreign|state|international|regional|official)\s+{re.escape(name)}\b", mention, re.IGNORECASE)
        name = kept.group().lower() if kept else name
    placed = _PLACED.match(name)
    if placed:  # "health ministry in Lisra" -> "Lisra health ministry"
        name = f"{placed.group('place')} {placed.group('np')}"
    name = re.sub(r"\bOffice\s+of\s+the\s+(?P<office>(?:[A-Z][\w-]*\s*){1,3})$", r"\g<office>'s Office", name)
    return name or mention


_SOCIAL_POST = re.compile(
    r"^(?:(?:an?|the|one|another)\s+)?(?P<adj>(?:(?:viral|widely|shared|circulated|anonymous|separate|popular|single)\s+){0,3})"
    r"(?P<kind>post|video|tweet|message|graphic|clip)s?\b"
    r"(?:[^,;]*?\b(?:on|in)\s+(?P<platform>X|Twitter|Facebook|Telegram|TikTok|Instagram|WhatsApp|YouTube|social\s+media)\b)?",
    re.IGNORECASE,
)
_IN_THE_PLACE = re.compile(r"\s+in\s+the\s+(?:city|town|capital|province|region|area|country|district|village|camp|north|south|east|west)$")
_GENERIC_PLURALS = {"media", "officials", "sources", "residents", "authorities", "activists", "outlets"}
_PARTICIPLE_AFTER = re.compile(
    r"(?<=[a-z])\s+(?:reached|speaking|interviewed|contacted|quoted|who|whose|living|based|hiding|sheltering)\b.*$"
)
_DESCRIPTIVE_OWNER = re.compile(r"^(?:the\s+)?[a-z][\w-]*['’]s\s+(?=[a-z])")
_PLACED = re.compile(r"^(?P<np>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3})\s+in\s+(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})$")


# Keys for umbrella organisations: a named body inside one ("UN Fact-Finding Panel") keeps its own name.
UMBRELLA_KEYS = frozenset({"United Nations"})
_SPECIFIC_BODY = re.compile(
    r"(?:(?:UN|U\.N\.|United\s+Nations)\s+)(?P<rest>(?:(?!said|says|and|or)[A-Za-z][\w’'-]*\s+){0,4}"
    r"(?i:panel|mission|commission|committee|council|office|agency|programme|program|fund|team|"
    r"inquiry|investigation|tribunal|group|observers?|envoy|force)\b(?:\s+(?:on|for|of|in)\s+(?:[A-Z][\w’'-]*\s*)+)?)"
)
_SMALL = frozenset({"on", "for", "of", "in", "the", "and"})


def specific_body(mention: str) -> str | None:
    """"the UN Fact-Finding Panel" -> "UN Fact-Finding Panel"; "the UN human rights monitoring
    mission in Ombria" -> "UN Human Rights Monitoring Mission in Ombria"; "the United Nations" -> None."""
    found = _SPECIFIC_BODY.search(mention)
    if found is None:
        return None
    words = found.group("rest").split()
    return "UN " + " ".join(w if w in _SMALL else w[:1].upper() + w[1:] for w in words)


_SPOKES = r"spokes(?:man|woman|person)|press\s+officer|press\s+secretary"
_ROLE_FOR = re.compile(rf"\b(?:{_SPOKES})\s+(?:for|of|at)\s+(?P<body>.+)$", re.IGNORECASE)
_BODY_ROLE = re.compile(rf"^(?P<body>.+?)(?:['’]s)?\s+(?:{_SPOKES})\b", re.IGNORECASE)
_MINISTER = re.compile(
    r"\b(?P<field>(?:[A-Za-z]\w+\s+){1,3})[Mm]inister\b|\b[Mm]inister\s+(?:of|for)\s+(?P<of>(?:[A-Z]\w+\s*)+)"
)
_OFFICE_AFTER_NAME = re.compile(r"(\b(?!(?:The|A|An|Its|Their|His|Her)\b)[A-Z][\w-]*\s+)(ministry|office|agency|department|council|committee)\b")
_CHIEF_LAW_OFFICER = re.compile(r"\b(?:Prosecutor|Attorney)[\s-]General\b", re.IGNORECASE)


@lru_cache(maxsize=8192)
def speaks_for(role: str) -> str | None:
    """The body a role speaks for ex officio: spokespeople, ministers, prosecutors general.

    "the ministry spokesman" -> "the ministry"; "spokesman for Amnesty" -> "Amnesty";
    "Interior Minister" -> "Interior Ministry". Other roles (head, director, leader) speak as
    themselves, so they give None and the person's name stays the claimant.
    """
    role = " ".join(role.split())
    found = _ROLE_FOR.search(role)
    if found:
        return found.group("body").strip(" ,.")
    found = _BODY_ROLE.search(role)
    if found and found.group("body").strip().lower() not in {"the", "a", "an", "its", "their"}:
        body = re.sub(r"^(?:a|an)\s+", "", found.group("body").strip(" ,."))
        return _OFFICE_AFTER_NAME.sub(lambda m: m.group(1) + m.group(2).capitalize(), body)  # "Security ministry"
    found = _MINISTER.search(role)
    if found:
        if found.group("of"):
            return f"Ministry of {found.group('of').strip()}"
        words = [w for w in found.group("field").split() if w.lower() not in {"the", "a", "deputy", "acting", "former", "prime"}]
        if not words:
            return None
        return " ".join(w[:1].upper() + w[1:] for w in words) + " Ministry"
    law_officer = _CHIEF_LAW_OFFICER.search(role)
    if law_officer:  # "the prosecutor general's office", "Attorney General X"
        return " ".join(w.capitalize() for w in re.split(r"[\s-]+", law_officer.group()))
    return None
