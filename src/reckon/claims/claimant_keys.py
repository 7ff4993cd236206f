"""The canonical key of a claimant, so that one body named several ways is one claimant.

    claimant_key("the rights group", memory)   -> the rights group named earlier in the text
    claimant_key("UN investigators", memory)   -> the UN body named earlier, not "United Nations"

Aliases come from ``claimants`` (the shipped table); descriptions and pronouns resolve
through the document's ``MentionMemory``; a spokesperson or minister speaks for their body.
"""

from __future__ import annotations

import re

from reckon.claims.cast import ORG_HEADS, Entity, body_of_role
from reckon.claims.claimants import UMBRELLA_KEYS, canonical_claimant, known_claimant, speaks_for, specific_body
from reckon.claims.memory import MentionMemory
from reckon.claims.phrases import ANAPHOR, DESCRIPTOR

_RECORD = re.compile(
    r"^(?:the|this|that|its)\s+(?:\w+\s+)?(?:statement|report|figures|list|data|update|bulletin|tally|count|document)$",
    re.IGNORECASE,
)
_BARE_DESCRIPTION = re.compile(r"^[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,2}$")  # a headline's "monitor", "doctors"
_OWNED = re.compile(
    r"^(?P<owner>(?:the\s+)?[\w’'. -]+?|its|their|Its|Their)(?:['’]s?)?\s+(?:own\s+|latest\s+|new\s+|official\s+|"
    r"most\s+recent\s+|final\s+|field\s+|media\s+|information\s+|press\s+|so-called\s+|regional\s+|local\s+|"
    r"general\s+|central\s+|military\s+|human\s+rights\s+|health\s+|foreign\s+|main\s+|daily\s+|weekly\s+)*"
    r"(?P<unit>list|figures?|count|tally|toll|report|statement|data|records?|estimates?|command|office|team|unit|"
    r"department|wing|spokes(?:man|woman|person)|bulletin|update|account|total|(?<=['’]s\s)(?:[\w-]+\s+){0,2}?(?:intelligence|"
    r"ministry|branch|arm|cent(?:re|er)|directorate|newspaper|mouthpiece(?:\s+newspaper)?)|(?<=['’]\s)(?:[\w-]+\s+){0,2}?(?:intelligence|"
    r"ministry|branch|arm|cent(?:re|er)|directorate|newspaper)|(?<=^its\s|^Its\s)(?:[\w-]+\s+){0,2}?(?:ministry|newspaper|intelligence|"
    r"branch|wing)|(?<=^their\s|^Their\s)(?:[\w-]+\s+){0,2}?(?:ministry|newspaper|intelligence|branch|wing))"
    r"(?:\s+in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?$",
    re.IGNORECASE,
)
_STAFF_AT = re.compile(
    r"^(?:(?:a|an|the|one|two|three|several|our|their|its)\s+)?(?:[\w-]+\s+)?(?:doctors?|surgeons?|nurses?|medics?|sources?|officials?|"
    r"staff|workers?|health\s+workers|spokes(?:man|woman|person)|colleagues|teams?|investigators|monitors|researchers)\s+"
    r"(?:at|from|in|with|of)\s+(?P<body>(?:the\s+)?[A-Z].+)$",
    re.IGNORECASE,
)
# "the hospital director", "a ministry official": a role of a body the text names
_ROLE_OF_BODY = re.compile(
    r"^(?:the|a|an)\s+(?P<body>[\w’'-]+(?:\s+[\w’'-]+)?)\s+(?:director|spokes(?:man|woman|person)|chief|head|official|"
    r"doctor|surgeon|administrator|source)(?:\s+in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?$",  # "a Red Cross official in Lukolo"
    re.IGNORECASE,
)
_PLURAL_PEOPLE = re.compile(r"^(?:(?:the|some|local|several|volunteer)\s+)*(?P<people>[a-z]+s)(?:\s+(?:in|at|from|of)\s+.*)?$")
_PRONOUN = re.compile(r"^(?:it|he|she|they)$", re.IGNORECASE)
# Words a hostile source puts before a body's name: they name no body of their own.
_HOSTILE = re.compile(
    r"(?<![\w-])(?:so-called|self-styled|self-proclaimed|illegal|illegitimate|unlawful|puppet|fake)\s+(?=[\w“\"])", re.IGNORECASE
)
_TWO_CLAIMANTS = re.compile(
    r"^(?P<first>(?:the\s+|local\s+|some\s+)*[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+and\s+(?:a|an|the|other|local|several)\s+[a-z][\w\s-]*$"
)
_BARE_SPOKESPERSON = re.compile(r"^(?:a|an|the|its|their)\s+(?:spokes(?:man|woman|person)|press\s+officer)$", re.IGNORECASE)
_KIND_OFFICIALS = re.compile(
    r"^(?:(?:the|local|some|two|three|several)\s+)*(?:(?P<kind>health|medical|rescue|rescuers)\s+(?:officials?|authorities|sources?)|(?P<crew>rescue)\s+workers)"
    r"(?:\s+in\s+.*)?$",
    re.IGNORECASE,
)
_UNNAMED_CLINICIAN = re.compile(
    r"^(?:a|an|the|one|another)\s+(?:[\w-]+\s+){0,2}?(?:doctor|surgeon|nurse|physician|anaesthetist|anesthetist|paramedic)$",
    re.IGNORECASE,
)
_MILITARY_SOURCE = re.compile(r"^(?:a|an|the|one|two|several)?\s*(?:senior\s+)?(?:military|army)\s+(?:sources?|officials?|officers?)$", re.IGNORECASE)
_DESCRIPTION = re.compile(r"^(?:the|a|an|its|their|this)\s+(?:[\w’'-]+\s+){0,4}[\w’'-]+$", re.IGNORECASE)

_UMBRELLA_MEMBERS = re.compile(
    r"\b(?:investigators|experts|monitors|observers|officials|team|panel|mission|inquiry|staff|"
    r"researchers|body|agency|envoys?)\b",
    re.IGNORECASE,
)
_MEMBER_OF_HOUSE = re.compile(
    r"^(?:(?:a|an|the|one|another)\s+)?(?:[\w-]+\s+)?member\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:parliament|assembly|congress|senate|duma|majlis|house)$",
    re.IGNORECASE,
)


def claimant_key(name: str, memory: MentionMemory) -> str:
    """The key for a claimant as named, using what the document says about it (its cast)."""
    name = _HOSTILE.sub("", name)  # "the so-called resistance committees", "the illegal regional administration"
    both = _TWO_CLAIMANTS.match(name)
    if both:  # "residents and a local resistance group said": the first named
        name = both.group("first")
    known = known_claimant(name.split(",")[0]) or known_claimant(name)  # "Reuters, a news agency based in London"
    if known in UMBRELLA_KEYS:  # "the UN Fact-Finding Panel", "UN investigators" (after naming the panel)
        return _specific_body(name, memory) or _cast_key(name, memory) or known
    if known:
        return known
    if _MEMBER_OF_HOUSE.match(name):  # "a member of parliament claims": a legislator speaks as herself, not for the house
        person = memory.cast.described("the legislator", memory.position)
        return entity_key(person, memory) if person is not None else re.sub(r"(?i)^(?:a|an|the|one|another)\s+", "", name)
    kind = _KIND_OFFICIALS.match(name)
    if kind:  # "health officials in the city said": the one health body the article names
        body = memory.cast.only_of_kind((kind.group("kind") or kind.group("crew")).lower())
        if body is not None:
            return entity_key(body, memory)
    found = _cast_key(name, memory)
    if found is not None:
        return found
    plural = _PLURAL_PEOPLE.match(name)
    if plural:  # "rescuers said", "local rescuers in the city of X": the one rescue body the article names
        body = memory.cast.only_of_kind(plural.group("people").lower())
        if body is not None:
            return entity_key(body, memory)
    if _BARE_SPOKESPERSON.match(name):  # "A spokesman said ...": for the body that spoke last
        speaker = memory.last_speaker()
        if speaker is not None:
            return entity_key(speaker, memory)
    if _MILITARY_SOURCE.match(name):  # "a military source": the army the text names
        return memory.military_body() or "military"
    staff = _STAFF_AT.match(name)
    if staff:  # "a doctor at the city's general hospital" (not named elsewhere): the hospital
        return _body_key(staff.group("body"), memory)
    if _UNNAMED_CLINICIAN.match(name) and (hospital := memory.cast.only_hospital()) is not None:
        return entity_key(hospital, memory)  # "a surgeon who asked not to be named": the one hospital named
    if ANAPHOR.match(name) and re.match(r"^(?:the|a|an)\s+\w+\s+minister$", name, re.IGNORECASE):
        body = speaks_for(name)  # "the Interior Minister" speaks for the Interior Ministry
        if body and not re.match(r"^(?:the|its|their|a|an)\b", body, re.IGNORECASE):
            return canonical_claimant(memory.expand(body))
    if ANAPHOR.match(name) and re.match(r"^(?:a|an)\s", name, re.IGNORECASE) and speaks_for(name):
        return _body_key(speaks_for(name) or "", memory)  # "a military spokesperson": the military
    if ANAPHOR.match(name) and re.match(r"^(?:a|an)\s", name, re.IGNORECASE) and speaks_for(name) is None:
        # "an opposition coalition": an indefinite introduces someone new, unless a body named
        # earlier carries that very head word ("... the Democratic Tomorrow Coalition")
        head = re.sub(r"\s+(?:of|for|in)\s+.*$", "", name.lower()).split()[-1]  # "a network of doctors": a network
        named = next((n for n in reversed(memory.names) if head in n.lower().split()), None)
        if named is None:  # a headline's "doctors' network" named in the body below: the one body with that head
            later = [e for e in memory.cast.entities if e.kind == "org" and head in e.name.lower().split()]
            if len(later) == 1:
                return entity_key(later[0], memory)
        return canonical_claimant(named or name)
    if ANAPHOR.match(name):
        resolved = memory.resolve(name)
        if resolved is None:
            return canonical_claimant(name)
        name = resolved
    parts = [p.strip() for p in name.split(",") if p.strip()]
    for part in parts:
        body = speaks_for(part)
        if body:
            if re.match(r"^(?:the|its|their)\s+\w+$", body, re.IGNORECASE):
                body = memory.resolve(body) or body
            return canonical_claimant(memory.expand(body))
    named = next((p for p in parts if DESCRIPTOR.match(p) is None), parts[0])
    person = memory.expand(canonical_claimant(named))
    body = memory.body_of(person)
    key = canonical_claimant(body if body else person)
    if key in UMBRELLA_KEYS:
        return specific_body(body if body else named) or key
    return _spelled_owner(key, memory)


def speaker_key(name: str, role: str | None, memory: MentionMemory) -> str:
    """A labelled speaker's key (a transcript's "DANIELA ROSSETTI, HEAD OF MISSION:"): the body
    the role speaks for, else the speaker."""
    body = body_of_role(role) if role else None
    return _body_key(body, memory) if body else claimant_key(name, memory)


def _specific_body(name: str, memory: MentionMemory) -> str | None:
    """A named body within an umbrella organisation, as named or as named earlier in the text.

    "the UN Fact-Finding Panel" keys as itself, not "United Nations"; "United Nations
    investigators" (or "UN monitors", "the UN team") after the panel was named is that panel.
    """
    own = specific_body(name)
    if own:
        return own
    bare = re.fullmatch(r"(?i)(?:the\s+)?(?:UN|U\.N\.?|United\s+Nations)", name.strip())
    if not _UMBRELLA_MEMBERS.search(name) and not bare:
        return None  # "the UN" after "the UN human rights monitoring mission in Ombria" is the mission
    umbrella = known_claimant(name)
    for earlier in reversed(memory.names):
        if known_claimant(earlier) == umbrella and specific_body(earlier):
            return specific_body(earlier)
    return None


def resolve_entity(name: str, memory: MentionMemory) -> Entity | None:
    """The body or person of the document's cast a claimant's name refers to, if any."""
    mention = " ".join(name.split()).strip(" ,.;:")
    if _PRONOUN.match(mention):
        return memory.topic(mention)
    if _RECORD.match(mention):  # "the statement", "the report": the body that issued it, else the last speaking
        if memory.issuer is not None and re.search(r"statement", mention, re.IGNORECASE):
            return memory.issuer
        return memory.last_speaker()
    owned = _OWNED.match(mention)
    if owned:  # "the ministry's list", "the Brigades' field command", "its information team": the owner
        owner = owned.group("owner")
        # "its list": the body just named; "Her office had reported": the office of the woman just named
        entity = memory.topic(owner.lower()) if re.fullmatch(r"(?i)its|their|his|her", owner) else resolve_entity(owner, memory)
        unit = owned.group("unit").lower().split()[-1]
        if entity is not None and entity.kind == "org" and unit in ("command", "office", "team", "unit", "department", "wing", "intelligence", "branch", "directorate"):
            entity.epithets.add(unit)  # later "the command" is the same body
        if entity is not None:
            return entity
    staff = _STAFF_AT.match(mention)
    if staff:  # "a doctor at the city's main hospital" (named elsewhere as "Maykel Referral Hospital")
        place = staff.group("body")
        body = memory.cast.named(place) or memory.cast.described(re.sub(r"^(?:the\s+)?[\w-]+['’]s\s+", "the ", place), memory.position)
        if body is not None and body.kind == "org":
            return body
    role = _ROLE_OF_BODY.match(mention)
    if role and role.group("body").split()[-1].lower() in ORG_HEADS:
        body = memory.cast.described("the " + role.group("body"), memory.position)
        if body is not None:
            return body
    found = memory.cast.named(mention)
    if found is None and (_DESCRIPTION.match(mention) or ANAPHOR.match(mention) or _BARE_DESCRIPTION.match(mention)):
        found = memory.cast.described(mention, memory.position)
    return found


def entity_key(entity: Entity, memory: MentionMemory) -> str:
    """The key of a cast entity: a body's full name; a person speaks for their body, if any."""
    if entity.kind == "person" and entity.described_only:
        return canonical_claimant(entity.name)  # "a resident reached by phone" said, then "he said"
    if entity.kind == "person":
        return _body_key(entity.body, memory) if entity.body else entity.name
    for name in (entity.name, *sorted(entity.aliases)):
        known = known_claimant(name)
        if known in UMBRELLA_KEYS:
            return specific_body(_un(entity.name)) or specific_body(_un(name)) or known
        if known:
            return known
    return _spelled_owner(_tidy(_un(_full_name(entity))), memory)


_ACRONYM = re.compile(r"[A-Z][A-Z.&-]{1,9}")
_ACRONYM_OWNER = re.compile(r"^(?P<acronym>[A-Z][A-Z.&-]{1,9})['’]s?\s+(?P<rest>.+)$")
_MINISTER_OF = re.compile(r"^(?:The\s+)?Minister\s+of\b")


def _spelled_owner(key: str, memory: MentionMemory) -> str:
    """"FUG's Ministry of Human Rights" -> "Federal Unity Government Ministry of Human Rights"
    where the article spells the acronym out."""
    owned = _ACRONYM_OWNER.match(key)
    entity = memory.cast.named(owned.group("acronym"), exact=True) if owned else None
    if entity is None or entity.kind != "org" or _full_name(entity) == owned.group("acronym"):
        return key
    return f"{_full_name(entity)} {owned.group('rest')}"


def _full_name(entity: Entity) -> str:
    """An acronym's spelled-out name when the document gives one ("LKDH" -> "Kouranese League
    for Human Rights"), so a body has one key whichever form the text used first."""
    if not _ACRONYM.fullmatch(entity.name):
        return entity.name
    spelled = [a for a in entity.aliases if len(a.split()) >= 2 and a[:1].isupper() and not a.isupper()]
    return max(spelled, key=len) if spelled else entity.name


def _tidy(name: str) -> str:
    """"Office of the Prosecutor General" -> "Prosecutor General's Office"; "Minister of Health in
    X" (the minister taken for a body) -> "Ministry of Health in X"."""
    name = _MINISTER_OF.sub("Ministry of", name)
    return re.sub(r"^Office\s+of\s+the\s+(?P<office>(?:[A-Z][\w-]*\s*){1,3})$", r"\g<office>'s Office", name)


def _cast_key(name: str, memory: MentionMemory) -> str | None:
    entity = resolve_entity(name, memory)
    return entity_key(entity, memory) if entity is not None else None


def _body_key(body: str, memory: MentionMemory) -> str:
    """"the Civil Defence" -> its full name in the cast; "Health Ministry" -> the ministry named."""
    known = known_claimant(body)
    if known and known not in UMBRELLA_KEYS:
        return known
    entity = memory.cast.named(body)
    if entity is None and (_DESCRIPTION.match(body) or len(body.split()) <= 3):
        entity = memory.cast.described(body, memory.position)
    if entity is not None and entity.kind == "org":
        return entity_key(entity, memory)
    return specific_body(_un(body)) or canonical_claimant(_un(body))


def _un(name: str) -> str:
    return re.sub(r"\bU\.N\.(?=\s|$)", "UN", name)
