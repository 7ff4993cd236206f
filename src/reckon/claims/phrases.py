"""Noun phrases around a verb: the subject a speech verb has, read leftwards or after it.

    subject_before("Officials in Castrel told reporters that", 22)  -> "Officials in Castrel"
    noun_phrase_after(sentence, position)                           -> the name that follows

Rules of thumb rather than a parser: a subject ends at the last clause break before its
verb, drops fillers ("also", "on Monday"), relative clauses ("X, who ..., said") and
openers ("While the authorities ..."), and must look like an agent (a name, or a generic
head such as "officials", "the ministry", "it").
"""

from __future__ import annotations

import re
from functools import lru_cache

from reckon.claims.numbers import DIGIT

SAID = re.compile(r"\b(?:said|says|told|tells|added|stated|announced|reported|claimed|confirmed)\b(?!\s+by\b)")
_FILLERS = re.compile(
    r"(?:\s+(?:also|has|have|had|later|earlier|previously|separately|again|then|now|recently|"
    r"jointly|publicly|officially|first|already|subsequently|finally|initially|further|itself|"
    r"himself|herself|themselves|repeatedly|on\s+\w+day|yesterday|today|last\s+\w+|this\s+\w+|"
    r"still|only|alone|however|privately|openly|reportedly|allegedly|so\s+far|to\s+date|thus\s+far|"
    r"since|meanwhile|too|just|quietly|belatedly|formally|once\s+again|in\s+turn))+\s*$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"(?:[;:“”\"—]|\bthat\b(?!\s+(?:night|day|week|morning|evening|afternoon|time|year|month|figure|number|toll|list|report))|\b(?:which|who|whom|when|while|after|before|because|as|if|since|but|so|"
    r"where|although|though|whereas|and\s+(?=[a-z]))\b(?!-))\s*",
    re.DOTALL,
)
DESCRIPTOR = re.compile(
    r"^\s*(?:(?i:the|a|an|its|his|her|their)\b|who|which|former|then|deputy|chief|head|spokes\w+|[a-z])",
)
ANAPHOR = re.compile(
    r"^(?:he|she|it|they|this|(?:the|an?)\s+(?:[\w-]+\s+){0,2}(?:group|organi[sz]ation|ngo|monitor|"
    r"watchdog|agency|ministry|office|official|minister|spokes\w+|committee|body|council|movement|"
    r"network|cent(?:re|er)|outlet|newspaper|broadcaster|daily|website|rapporteur|expert|experts|"
    r"organisation|campaign|coalition|institute|union|party|lawmaker|report|commission|mission|"
    r"news\s+agency|wire\s+service|opposition|officials|authorities|lawmakers|activists|union|"
    r"association|hospital|clinic|court|judiciary|police|army|monitor|rights\s+group|panel|"
    r"inquiry|tribunal|investigators|monitors|front|alliance|collective|bloc|league|foundation|"
    r"society|federation|forum|board|team|observatory|bureau|service|researchers|directorate|administration|"
    r"governorate|syndicate|cluster|command|department|authority|guard|forces|brigades|militia|junta|regime|"
    r"government|military|army|defen[cs]e|secretariat|delegation|column|committees|councils|unions|networks))$",
    re.IGNORECASE,
)
GENERIC_HEADS = re.compile(
    r"\b(?:officials?|authorities|government|judiciary|police|ministry|spokes(?:man|woman|person)|"
    r"activists?|rights\s+groups?|witness(?:es)?|eyewitness(?:es)?|sources?|doctors?|medics?|lawmakers?|MPs?|prosecutors?|"
    r"governors?|commanders?|opposition|residents?|monitors?|survivors?|mourners?|paramedics?|"
    r"organi[sz]ation|group|agency|minister|"
    r"media|television|TV|relatives|families|hospital|coroner|experts?|researchers?|journalists?|"
    r"observers|diplomats?|envoy|rapporteur|campaigners|lawyers?|he|she|it|they|regime|state|"
    r"members?|parliament|parliamentarians?|deputy|legislators?|"
    r"administration|junta|military|army|militia|council|committee|union|nurses?|staff|medics|"
    r"clinic|morgue|undertakers?|neighbou?rs?|relatives|mother|father|brother|sister|son|daughter|"
    r"ombuds(?:man|woman|person)|office|directorate|bureau|rescuers?|volunteers?|surgeons?|director|spokesperson|"
    r"prefects?|prefecture|mayors?|management|head|chief|commissioners?|coordinators?|"
    r"posts?|videos?|tweets?|graphics?|clips?)\b",
    re.IGNORECASE,
)
# a full stop ends a noun phrase, except after a title or an initial ("Dr. Haile", "U.N.")
_NOT_ABBREVIATED = "".join(
    rf"(?<!\b{t})" for t in ("Dr", "Mr", "Ms", "St", "Lt", "Col", "Gen", "Maj", "Mrs", "Sgt", "Gov", "Rev", "Brig", "Prof")
) + r"(?<!\b[A-Z])"
_NP_STOP = re.compile(
    rf"\s+(?:on|in|at|during|after|before|that|which|who|about|over|from|to|when|while)\s+"
    rf"|\s+and\s+(?=[a-z])|[,;:()“”\"]|{_NOT_ABBREVIATED}\.|\s+(?=\d)"
    r"|\s+(?=(?:is|was|are|were|has|have|had|remains?|said|says)\b)"
)
_OTHER_NAME = re.compile(
    r",\s+(?:also\s+)?(?:known\s+(?:as|by\s+(?:its|the)\s+(?:initials|acronym|abbreviation))|which\s+calls\s+itself|calling\s+itself)\s+[^,;:]{1,60},\s*$"
)
_PARTICIPLE_APPOSITION = re.compile(
    r"(?<=[\w)’'])\s*,\s+(?:formed|founded|based|set\s+up|created|backed|run|led|funded|established|made\s+up|"
    r"composed|headed|chaired|staffed|published|released|issued|posted|reached|contacted|interviewed|speaking|asked)\b[^;:“”\"]{0,120},\s*$"
)
_NAME_RUN = r"(?:(?:[Tt]he\s+)?(?:[A-Z][\w’'.-]*\s+(?:(?:of|for|the|and|in|on)\s+)*|(?:federal|national|regional|state|local)\s+)*[A-Z][\w’'.-]*(?:\s*\([A-Z][\w.]*\))?)"
_OBJECT_RELATIVE = re.compile(rf",\s+(?:which|whom|that)\s+(?P<np>(?:the\s+)?{_NAME_RUN}|the\s+[a-z]+(?:\s+[a-z]+)?)$")
_LAST_NAME = re.compile(rf"(?P<np>{_NAME_RUN})$")
# the words of an aside between commas; "9,000" is a number, not the aside's end
_ASIDE_CHAR = r"(?:[^,;:“”\"]|(?<=\d),(?=\d{3}))"
_APPOSITION_BEFORE = re.compile(rf"(?:^|[.;:]\s+)(?P<np>{_NAME_RUN})\s*,\s+(?:a|an|the|one\s+of)\s+{_ASIDE_CHAR}{{1,140}},\s*$")
_RELATIVE_WITH_LIST = re.compile(r",\s+(?:who|which)\s+(?P<inner>[^;:“”\"]{1,160}?\b(?:and|or)\s+[^,;:“”\"]{1,40}),\s*$")
_RECORD_BY_AGENT = re.compile(r"\b(?:published|posted|released|issued|shared)\s+on\s+[^,;:]{1,25}?\s+by\s+[^,;:]+$")
_DATED_ASIDE = re.compile(
    r",\s+(?:on|in|last|this|late|early)\s+(?=[^,;:]*(?:\d|day\b|week|month|year|morning|evening|night|"
    r"January|February|March|April|May|June|July|August|September|October|November|December))[^,;:]{1,25},?$"
)
# "The Ministry of Justice, in its reply to the Commission dated 22 April, acknowledged": the
# document it spoke in, between the subject and its verb.
_DOCUMENT_ASIDE = re.compile(
    r",\s+(?:in|through|via|at)\s+(?:a|an|its|their|his|her|the)\s+(?:[\w-]+\s+){0,2}?(?:reply|response|statement|letter|"
    r"report|submission|post|message|communiqu[eé]|release|briefing|interview|update|bulletin|note|speech|address)\b[^;:]{0,80},?$"
)
_SUBJECT_REACH = 240  # characters read leftwards from a verb to find its subject
_SUBORDINATORS = {"while", "as", "although", "though", "but", "and", "yet", "so", "even", "if", "when", "since", "because", "however", "meanwhile", "instead", "thus", "also", "then", "still", "now"}
_TIME_OPENERS = {"earlier", "later", "last", "this", "next", "on", "in", "by", "since", "early", "late", "overnight", "yesterday", "today"}
_CALENDAR_WORD = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b"
)
# A subject never opens with a preposition: "In its final report, X lists ..." has X as subject.
PREPOSITIONS = {
    "in", "on", "at", "for", "with", "from", "after", "during", "since", "despite", "under", "over",
    "by", "of", "to", "into", "through", "among", "amid", "within", "without", "before", "across",
    "following", "per", "via", "upon", "toward", "towards", "against", "beyond",
}
_RECORD_NOUNS = (
    r"(?:report|reports|update|statement|figures?|tally|count|"
    r"data|list|records?|estimates?|survey|review|bulletin|research|investigation|documentation)"
)
_OWN_RECORD = re.compile(rf"^(its|their|his|her)\s+(?:[\w-]+\s+){{0,2}}{_RECORD_NOUNS}$", re.IGNORECASE)
# "The ministry's evening figures show": the owner speaks, as "Its latest update" does
_OWNED_RECORD = re.compile(rf"^(?P<owner>.+?)['’]s?\s+(?:[\w-]+\s+){{0,2}}{_RECORD_NOUNS}$", re.IGNORECASE)
_POSSESSIVE_PRONOUNS = {"its": "it", "their": "they", "his": "he", "her": "she"}
_ROLE_WORDS = re.compile(
    r"\b(?:minister|spokes(?:man|woman|person)|director|head|chief|leader|official|commander|governor|"
    r"prosecutor|chair(?:man|woman)?|president|secretary|coordinator|founder|researcher|mayor|envoy)\b",
    re.IGNORECASE,
)
_SENTENCE_SUBJECT = re.compile(
    r"^(?:[^,;:“”\"]{0,50},\s+)?(?P<np>(?:(?:The|A|An|Its|Their|This)\s+)?(?:[\w’'.-]+\s+){0,4}?[\w’'.-]+),?\s+"
    r"(?:has|have|had|is|are|was|were|did|does|do|said|says|will|would|could|can|may|might|also|accused|accuses|"
    r"denied|denies|rejected|rejects|published|publishes|reported|reports|insists|insisted|claims|claimed|keeps|kept|"
    r"made|gave|told|took|wrote|put|held|spoke|sent|found|[a-z]{3,}ed)\b"
)


_PRONOUN_SUBJECT = re.compile(r"(?i)it|he|she|they|we|i|there|here|this|that|these|those")


def sentence_subject(sentence: str) -> tuple[int, str] | None:
    """Where the sentence's subject ends, and the subject ("The junta has not published ...")."""
    found = _SENTENCE_SUBJECT.match(sentence)
    if found is None:
        return None
    subject = found.group("np")
    if _PRONOUN_SUBJECT.fullmatch(subject) or not plausible_claimant(subject):
        return None
    return found.end("np"), subject


_SUBJECT_CLAUSE_BREAK = re.compile(rf"\s[-–—]\s|{SAID.pattern}|{DIGIT}[\d,.]*\s")


@lru_cache(maxsize=8192)
def subject_before(sentence: str, verb_start: int) -> str | None:
    """The noun phrase a verb at ``verb_start`` has as its subject, read leftwards."""
    prefix = _FILLERS.sub("", sentence[max(0, verb_start - _SUBJECT_REACH) : verb_start].rstrip())
    prefix = _SHARED_TIMES.sub("shared", prefix)  # "A post shared more than 40,000 times on X claims": no figure in the subject
    prefix = _DATED_ASIDE.sub("", prefix)  # "Its latest statement, on Friday, gave"
    prefix = _DOCUMENT_ASIDE.sub("", prefix)  # "X, in its reply to Y dated 22 April, acknowledged"
    object_relative = _OBJECT_RELATIVE.search(prefix)
    if object_relative and plausible_claimant(object_relative.group("np")):  # "..., which Human Rights Watch said had left"
        return object_relative.group("np")
    relative = re.search(r"^(?P<head>.*?),?\s+(?:which|who|that)$", prefix)
    if relative:  # "The Monitor, which says ..." -> "The Monitor"
        prefix = relative.group("head")
        named = _LAST_NAME.search(prefix)
        if named and " " in prefix.strip() and not _LAST_NAME.fullmatch(prefix.strip()):
            return named.group("np")  # "lower than those of the X Ministry of Health, which put ..." -> the ministry
    apposition = _APPOSITION_BEFORE.search(prefix)
    if apposition:  # "The Harbel Resistance Committees, a grassroots group that has documented ..., said"
        return apposition.group("np")
    prefix = re.sub(rf",\s+(?:who|which|whose)\s+{_ASIDE_CHAR}*,?$", "", prefix)  # "X, who asked not to be named, said"; "X, whose candidate says she won, put"
    listing = _RELATIVE_WITH_LIST.search(prefix)
    if listing and not SAID.search(listing.group("inner")):  # "The group, which gathers data from hospitals, morgues and families, said"
        prefix = prefix[: listing.start()]
    if _RECORD_BY_AGENT.search(prefix):
        return None  # "A post published on 10 January by X says": the passive agent's rule reads it, with its date
    inner = re.search(r"^(?P<head>.*\S)\s+who\s+[^,;:“”\"]*$", prefix) or re.search(r"^(?P<head>.*[A-Z)][\w’')]*)\s+that\s+(?:[a-z]+s|has|had|is|was)\s+[^,;:“”\"]*$", prefix)
    if inner:  # "a nurse who spoke to the Courier said" -> "a nurse"; "The X Column (XC) that controls the area put"
        prefix = inner.group("head")
    prefix = _OTHER_NAME.sub("", prefix)  # "X, known as the Green Helmets, said" -> "X, said"
    prefix = _PARTICIPLE_APPOSITION.sub("", prefix)  # "X (FDC), formed by lawmakers who fled, said" -> "X (FDC)"
    breaks = list(_CLAUSE_BREAK.finditer(prefix))
    clause = prefix[breaks[-1].end() :] if breaks else prefix
    clause = _SUBJECT_CLAUSE_BREAK.split(clause)[-1]
    parts = clause.split(",")
    if parts[-1].strip():
        subject = parts[-1].strip()
    elif len(parts) >= 3 and looks_like_name(parts[-3].strip()) and (
        DESCRIPTOR.match(parts[-2]) or DESCRIPTOR.match(parts[-3]) or _ROLE_WORDS.search(parts[-3])
    ):  # "X, the head of Y, said"; "Veloria's health minister, Ana Sorn, told ..."
        return f"{_drop_leading_phrase(parts[-3].strip())}, {parts[-2].strip()}"  # "X, the head of Y, said"
    elif len(parts) >= 3 and looks_like_name(parts[-2].strip()) and _ROLE_WORDS.search(parts[-3]):
        return f"{_drop_leading_phrase(parts[-3].strip())}, {parts[-2].strip()}"  # "the head of Y, Olena Dubrava, said"
    else:
        return None
    subject = _drop_leading_phrase(re.sub(r"^[-•*·–—]\s+|^(?:according\s+to|citing|quoting)\s+", "", subject))  # "..., according to the network, which said"
    pair = _FIRST_OF_PAIR.search(prefix)
    if pair and prefix.endswith(subject):  # "residents and a local resistance group said": the first named
        return pair.group("first")
    subject = re.sub(r"^(?:the\s+)?(?:figures?\s+|toll\s+|numbers?\s+)?(?:published|released|issued|announced|given|compiled)\s+by\s+", "", subject)
    owned = re.match(r"^(?:a|the|which|this|that)\s+(?:figure|number|toll|claim|tally|count|estimate)s?\s+(?:that\s+)?(?P<rest>.+)$", subject, re.I)
    if owned:  # "a figure the government denied" -> "the government"
        subject = owned.group("rest")
    counted = _FIGURE_THEN_AGENT.match(subject)
    if counted:  # "twice the nine deaths the ministry announced": the ministry announced them
        subject = counted.group("np")
    pronoun = re.search(r"\b(?:it|he|she|they|we)$", subject)
    if pronoun:  # "the names of 73 people it says were killed" -> "it"
        subject = pronoun.group()
    record = _OWN_RECORD.match(subject)
    if record:  # "Its latest update reported 59 injured": the owner of the update speaks
        subject = _POSSESSIVE_PRONOUNS[record.group(1).lower()]
    owned = _OWNED_RECORD.match(subject) if record is None and ("'" in subject or "’" in subject) else None
    if owned:  # "The ministry's evening figures show 251 dead": the ministry
        subject = owned.group("owner")
    return subject if plausible_claimant(subject) else None


_FIGURE_THEN_AGENT = re.compile(
    r"^.*\b(?:deaths|dead|killings|casualties|victims|people|figures?|toll|tally|number)\s+(?P<np>(?:the|a|an)\s+[^,;:]+)$", re.IGNORECASE
)
_FIRST_OF_PAIR = re.compile(
    r"(?:^|,\s+)(?P<first>(?:local\s+|some\s+|the\s+)?(?:residents|witnesses|activists|villagers|doctors|medics|officials|relatives|"
    r"survivors|rescuers|volunteers|neighbou?rs|families|mourners|elders)(?:\s+in\s+[A-Z][\w-]*)?)\s+and\s+(?:a|an|the|other|several|local)\s+[^,;:]{2,60}$"
)


def subject_after(sentence: str, verb: re.Match[str]) -> str | None:
    return _subject_after(sentence, verb.start(), verb.end(), verb.group())


@lru_cache(maxsize=8192)
def _subject_after(sentence: str, verb_start: int, verb_end: int, verb_text: str) -> str | None:
    before = sentence[:verb_start].rstrip()
    if not before.endswith((",", "”", '"', "’")) or verb_text.lower() in {"told", "tells"}:
        return None  # inversion only after a clause: "..., said the ministry" (not "..., told parliament")
    name = noun_phrase_after(sentence, verb_end)
    if name is None:
        return None
    following = sentence[verb_end:].lstrip()[len(name) :]
    if following.strip() and not re.match(r"^\s*(?:[,.;:(]|in\s|on\s|at\s|during\s)", following):
        return None  # "said the hospital had received ...": a clause, not an inverted subject
    return name if plausible_claimant(name) else None


_FIGURES_THAT = re.compile(r"^\s*(?:the\s+)?(?:figures?|data|numbers|counts?|list)\s+(?:that|which)\s+(?=[A-Z])")
_NUMBERED_NAME = re.compile(r"\bNo\.?\s*\d+\b")


def noun_phrase_after(sentence: str, position: int) -> str | None:
    rest = sentence[position:]
    rest = re.sub(
        r"^\s*(?:the\s+|a\s+|an\s+|its\s+)?(?:latest\s+|new\s+|updated\s+|official\s+)?(?:figures?|data|reports?|statements?|estimates?|tally|count|lists?|records?)\s+"
        r"(?:(?:compiled|gathered|collected|published|released|provided|kept|issued|put\s+together)\s+"
        r"(?:(?:on|last|this|late\s+on)\s+[\w.]+(?:\s+\d{1,2})?\s+)?)?(?:from|by|of)\s+",
        "", rest, flags=re.I,
    )
    rest = _FIGURES_THAT.sub("", rest)  # "figures that X read out"
    stop = _NP_STOP.search(rest)
    name = rest[: stop.start()] if stop else rest
    staff = _STAFF_THEN_BODY.match(rest) if stop else None
    if staff:  # "officials at the Al-Wafa Medical Complex": the body they work at
        name = staff.group()
    paren = re.match(r"\s*\([A-Z][A-Za-z.’' /-]{0,39}\)", rest[len(name) :])
    if paren:  # keep an acronym in brackets: "the Veloria Watch (VW)"
        name += paren.group()
    name = _drop_trailing_verb(name.strip())
    return name if name and len(name.split()) <= 12 else None


_STAFF_THEN_BODY = re.compile(
    r"^\s*(?:(?:a|an|the|two|three|several)\s+)?(?:[\w-]+\s+)?(?:officials?|doctors?|staff|sources?|workers|medics|nurses|surgeons?)\s+"
    r"(?:at|from|in)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,5}[A-Z][\w’'-]*"
)


def _drop_trailing_verb(name: str) -> str:
    """"the Castrel Families' Committee circulated widely" -> "the Castrel Families' Committee"."""
    words = name.split()
    capitals = [i for i, w in enumerate(words) if w[:1].isupper()]
    if capitals and capitals[-1] + 1 < len(words) and re.fullmatch(r"[a-z]+ed", words[capitals[-1] + 1]):
        return " ".join(words[: capitals[-1] + 1])
    return name


_MEDIUM_OPENER = re.compile(
    r"^(?:in|on|at|through|via)\s+(?:the|a|an|its|their|his|her|this|that)\s+(?:[\w-]+\s+){0,2}?(?:post|statement|message|"
    r"communiqu[eé]|release|briefing|interview|update|bulletin|report|video|broadcast|speech|address|letter)\s+(?=\S)",
    re.IGNORECASE,
)


def _drop_leading_phrase(subject: str) -> str:
    # "For instance United States ...", "While the authorities": keep from the name
    words = subject.split()
    if words and words[0].lower() in ("our", "my"):
        return subject  # "our Office": the document's own voice
    while len(words) > 1 and words[0].lower() in _SUBORDINATORS:
        words = words[1:]
    if words and words[0].lower() in PREPOSITIONS:  # "In the same post Kordaz's ministry": the medium is no speaker
        words = (_MEDIUM_OPENER.sub("", " ".join(words)) or " ".join(words)).split()
    if len(words) > 2 and words[0].lower() in _TIME_OPENERS:
        # "Earlier this week the Lisk Bar Association", "Last month alone, Castrel Watch": from the name
        for i in range(1, len(words)):
            if words[i].lower() in {"the", "a", "an"} or (words[i][:1].isupper() and not _CALENDAR_WORD.match(words[i])):
                words = words[i:]
                break
    subject = " ".join(words)
    for i, word in enumerate(words):
        if word[:1].isupper() or word[:1] in "(" or ANAPHOR.match(" ".join(words[i:])):
            return " ".join(words[i:])
        if GENERIC_HEADS.search(" ".join(words[i:])) and i == 0:
            return subject
    return subject


def looks_like_name(text: str) -> bool:
    return bool(re.search(r"[A-Z]", text)) and len(text.split()) <= 8


_SHARED_TIMES = re.compile(
    r"\b(?:shared|viewed|watched|retweeted|reposted|liked)\s+(?:more\s+than\s+|over\s+|nearly\s+|some\s+)?[\d,.]+\s*(?:k|m|million|thousand)?\s+times\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def plausible_claimant(subject: str) -> bool:
    if not subject.split() or subject.split()[0].lower() in PREPOSITIONS:
        return False  # "In its final": an adverbial phrase, not an agent
    counted = _NUMBERED_NAME.sub("", _SHARED_TIMES.sub("", subject.replace("/", "")))  # "Hospital No. 2" is a name
    if len(subject.split()) > 12 or re.search(r"\d", counted):  # "a post shared 40,000 times on X" is a post
        return False
    if re.search(r"\b(?:had|has|have|was|were|is|are|been|be|received|not|no|did|does|do)\b", subject):
        return False  # a clause, not a name
    if ANAPHOR.match(subject):
        return True
    if re.match(r"^(?:the\s+)?(?:report|reports|figures|data|statement|toll|number|it|this|there)$", subject, re.I):
        return False
    return bool(re.search(r"[A-Z]", subject)) or bool(GENERIC_HEADS.search(subject))
