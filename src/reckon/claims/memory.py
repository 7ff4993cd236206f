"""What a reader remembers while reading one document, to resolve later references.

- names in order of mention, so "the group", "the ministry" or "he" find the last
  compatible one;
- acronyms introduced in brackets ("the Free Veloria Council (FVC)"), so "the FVC" is known;
- people introduced with a role ("the ministry spokesman, Arun Keel"), so "Mr Keel" later
  speaks for the ministry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reckon.claims.cast import Cast, Entity
from reckon.claims.claimants import known_claimant, speaks_for

_NAME_RUN = re.compile(r"[A-Z][\w’'\-.&]*(?:\s+(?:of|for|the|and|on|in|de|al)?\s*[A-Z][\w’'\-.&]*)*")
_ACRONYM = re.compile(r"(?P<full>[A-Z][\w’'\-]*(?:\s+(?:of|for|the|and|on|in)?\s*[A-Z][\w’'\-]*)+)\s*\((?P<short>[A-Z]{2,6})\)")
_ROLE_THEN_NAME = re.compile(
    r"(?P<role>(?i:(?:the\s+|a\s+|an\s+)?[\w’'\- ]{0,60}?\b(?:spokes(?:man|woman|person)|minister)\b[\w’'\- ]{0,40}?)),\s+"
    r"(?P<name>[A-Z]\w+(?:\s+[A-Z][\w-]+)+)"
)
_NAME_THEN_ROLE = re.compile(
    r"(?P<name>[A-Z]\w+(?:\s+[A-Z][\w-]+)+),\s+(?P<role>(?:the\s+|a\s+|an\s+)?[\w’'\- ]{0,60}?\b(?:spokes(?:man|woman|person)|minister)\b[\w’'\- ]{0,40}?)[,.]"
)
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?=,\s|\s*\()")  # "ALDMAR, May 6 (Wire) -"
_STATE_BODY = re.compile(r"\b[A-Z][\w]*['’]s\s+(?:government|ministry|authorities|police|army|judiciary|parliament|regime)\b")
_RIGHTS_BODY = re.compile(r"Rights|Amnesty|Watch|Monitor|HRANA|Hengaw|Observatory|Boroumand|Defenders|Liberties")
_OPPOSITION = re.compile(r"\bopposition\b", re.IGNORECASE)
_ROLE_HINT = re.compile(r"[Ss]pokes|[Mm]inister|General")
_SPOKES_OR_MINISTER = re.compile(r"(?i:spokes(?:man|woman|person)|minister)")
_TITLE_NAME = re.compile(  # "Interior Minister X Y", "Health Ministry spokesperson X Y"
    r"(?P<role>(?:[A-Z]\w+\s+){0,3}(?:[a-z]\w+\s+){0,1}(?:[Mm]inister|[Ss]pokes(?:man|woman|person)|Prosecutor\s+General|Attorney\s+General))\s+"
    r"(?P<name>[A-Z]\w+(?:\s+[A-Z][\w-]+)+)"
)
_ORG_WORDS = re.compile(
    r"\b(?:Ministry|Organi[sz]ation|International|Watch|Council|Agency|Network|Office|Group|"
    r"Cent(?:re|er)|Committee|Commission|Institute|Association|Union|Party|Front|Movement|Court|"
    r"Judiciary|Parliament|Foundation|Coalition|Service|Radio|Television|TV|News|Press|Times|"
    r"Post|Monitor|Observatory|Campaign|Alliance|Society|Federation|Assembly|Authority|Police|"
    r"Guards?|Army|Nations|Department|Mission|Rights|Herald|Gazette|Daily|Tribune|Journal|"
    r"Reuters|Amnesty|Bureau|Government|Clinic|Hospital)\b|\b(?:government|ministry|authorities)\b"
)
_PERSON_WORDS = {"he", "she", "official", "minister", "spokesman", "spokeswoman", "spokesperson", "lawmaker", "rapporteur", "expert", "director", "chairwoman", "chairman", "leader"}
_OPENING_WORDS = re.compile(r"^(?:(?:On|In|At|By|For|From|After|Before|During|Since|Last|This|That|Then|When|While|As|But|And|So|Yet|Until|Since|Until|Early|Late)\s+)+")
_CALENDAR = re.compile(
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\s*)+"
)
_SUB_NATIONAL = re.compile(r"\b(?:regional|provincial|state|local|municipal|city|district|county|oblast)\b", re.IGNORECASE)
_NAMED_BODIES = {"ministry", "committee", "council", "office", "agency", "commission", "mission", "party", "union", "network", "coalition", "institute", "monitor", "association", "clinic", "hospital", "court", "government", "police"}


MAX_NAMES = 1000  # distinct names remembered; an article names a few dozen


@dataclass
class MentionMemory:
    """Names, acronyms and roles seen so far in one document."""

    names: list[str] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)  # person name or surname -> body
    labels: dict[str, str] = field(default_factory=dict)  # name -> spaCy label (PERSON, ORG)
    opposition: set[str] = field(default_factory=set)  # names the text calls opposition
    cast: Cast = field(default_factory=Cast)  # everyone the whole document names (cast.py)
    position: int = 0  # where in the document the sentence being read starts
    topics: list[Entity] = field(default_factory=list)  # sentence subjects and speakers so far, in order
    subject: tuple[int, str] | None = None  # the current sentence's subject: where it ends, and its words
    speakers: list[Entity] = field(default_factory=list)  # claimants so far, in order ("the statement" is the last one's)
    made: dict = field(default_factory=dict)  # attributions made for the current sentence, by verb and subject
    issuer: Entity | None = None  # the body last said to issue a statement ("the statement" is its)

    def remember(self, text: str) -> None:
        if "(" in text:
            for m in _ACRONYM.finditer(text):
                self.acronyms[m.group("short")] = m.group("full").removeprefix("The ").removeprefix("the ")
        if _ROLE_HINT.search(text):
            self._remember_roles(text)
        undated = _DATELINE.sub("", text)
        for m in _NAME_RUN.finditer(undated):
            name = _OPENING_WORDS.sub("", m.group().strip())
            if _CALENDAR.fullmatch(name):
                continue  # "On Tuesday", "In March": a date, not a name
            if len(name) > 2 and (" " in name or name.isupper() or known_claimant(name)):
                self._mention(name)
                around = undated[max(0, m.start() - 30) : m.start()] + " " + undated[m.end() : m.end() + 40].split(".")[0]
                if _OPPOSITION.search(around) or "opposition" in name.lower():
                    self.opposition.add(name)  # "the opposition Liberty Party", "X, an opposition coalition"

    def _remember_roles(self, text: str) -> None:
        for pattern in (_ROLE_THEN_NAME, _NAME_THEN_ROLE, _TITLE_NAME):
            if pattern is not _TITLE_NAME and not _SPOKES_OR_MINISTER.search(text):
                continue  # the two role patterns need one of these words (a cheap test first)
            for m in pattern.finditer(text):
                body = speaks_for(m.group("role"))
                if body:
                    if re.match(r"^(?:the|its|their)\s+\w+$", body, re.IGNORECASE):
                        body = self.resolve(body) or body  # "the ministry spokesman" -> which ministry
                    self.roles[m.group("name")] = body
                    self.roles[m.group("name").split()[-1]] = body

    def with_context(self, before: str, exclude: str = "") -> MentionMemory:
        """This memory plus the names earlier in the current sentence (minus ``exclude``)."""
        runs = [_OPENING_WORDS.sub("", m.group().strip()) for m in _NAME_RUN.finditer(_DATELINE.sub("", before))]
        names = [n for n in runs if len(n) > 2 and n not in exclude and not _CALENDAR.fullmatch(n)]
        extra = [n for n in names if " " in n or n.isupper()]
        bodies = [(m.start(), m.group()) for m in _STATE_BODY.finditer(before)]
        extra = [n for _, n in sorted([(before.find(n), n) for n in extra] + bodies)]
        return MentionMemory(
            self.names + extra, self.acronyms, self.roles, self.labels, self.opposition, self.cast, self.position,
            self.topics, self.subject, self.speakers, self.made, self.issuer,
        )

    def add(self, name: str, label: str | None = None) -> None:
        self._mention(name)
        if label:
            self.labels[name] = label

    def topic(self, pronoun: str) -> Entity | None:
        """The entity "it", "he" or "she" most likely means: the last subject or speaker of its kind."""
        kind = "person" if pronoun.lower() in ("he", "she", "him", "her", "his") else "org"
        return next((e for e in reversed(self.topics) if e.kind == kind), None)

    def last_speaker(self) -> Entity | None:
        """The body that spoke last ("the statement", "the report" are its)."""
        return next((e for e in reversed(self.speakers) if e.kind == "org"), None) or self.topic("it")

    def _mention(self, name: str) -> None:
        """``name`` as the latest mention. Its earlier mention goes (every scan from the end finds
        the same name first), and only the latest MAX_NAMES stay: scans per sentence stay short,
        so a long document takes time in proportion to its length, not its square."""
        if name in self.names:
            self.names.remove(name)
        self.names.append(name)
        del self.names[:-MAX_NAMES]

    def resolve(self, reference: str) -> str | None:
        """The name a pronoun or description ("the group", "he") refers to, else None."""
        word = reference.lower().split()[-1]
        rights = "rights" in reference.lower()
        for name in reversed(self.names):
            if rights and not _RIGHTS_BODY.search(name):
                continue  # "the rights group" is a rights organisation, not any organisation
            if word == "opposition" or "opposition" in reference.lower().split():
                if name in self.opposition:
                    return name
                continue  # "the opposition" is a body the text called opposition, not any organisation
            if word in ("government", "authorities", "administration") and _SUB_NATIONAL.search(name) and not _SUB_NATIONAL.search(reference):
                continue  # "the government" is not the regional government
            if _compatible(word, name, self.labels.get(name)):
                return name
        return None

    def expand(self, name: str) -> str:
        """A fuller form of a name: "FVC" -> "Free Veloria Council", "Keel" -> "Arun Keel"."""
        bare = re.sub(r"^(?:the|The)\s+", "", name).strip()
        if bare in self.acronyms:
            return self.acronyms[bare]
        if re.fullmatch(r"[A-Z][\w-]+", bare):
            for known in reversed(self.names):
                if known.endswith(" " + bare) and len(known.split()) <= 4 and not re.search(r"\s(?:in|of|for|at|from)\s", known):
                    return known  # "Keel" is "Arun Keel"; "Hallen" is not "Politicians in Hallen"
        return name

    def military_body(self) -> str:
        """What the text calls the armed forces ("army" or "military"), for "a military source"."""
        return self.cast.army

    def body_of(self, person: str) -> str | None:
        """The organisation a person was introduced as speaking for, if any."""
        return self.roles.get(person) or self.roles.get(person.split()[-1] if person.split() else person)


def _compatible(word: str, name: str, label: str | None = None) -> bool:
    words = name.lower().replace("’s", "").replace("'s", "").split()
    if word in words or word.rstrip("s") in words or word + "s" in words:
        return True  # "the union" -> "Castrel Teachers' Union", "the officials" -> "ministry officials"
    if label in ("ORG", "PERSON"):  # spaCy's reading of the name, when it was parsed
        is_org = label == "ORG"
    else:
        is_org = bool(_ORG_WORDS.search(name) or name.isupper())
    if word in {"officials", "authorities", "activists", "lawmakers", "experts", "sources", "witnesses"}:
        return False  # plural descriptions resolve only to a name that uses the same word
    if word in _PERSON_WORDS:
        return not is_org and len(name.split()) >= 2
    if word in _NAMED_BODIES:
        return word in name.lower()
    if word in {"it", "group", "organisation", "organization", "ngo", "watchdog", "body", "movement", "centre", "center", "campaign", "report", "opposition", "outlet", "newspaper", "broadcaster", "daily", "website", "service"}:
        return is_org
    if word in {"they", "this"}:
        return is_org or len(name.split()) >= 2
    return False  # "the judiciary" with no judiciary named before stays as written
