"""The cast of a document: who it names, read once from the whole text before any claim.

A reader meets "a medical group said" in a lede and learns the group's name a paragraph
later; meets "the watchdog", "the APDK", "Dr. Karrar" or "the legislator" after the full
name. The cast is that reader's list:

- organisations named in full (a capitalised name with an organisation word: "Darvania
  Doctors' Union", "Federal Ministry of Health", "UN Relief Agency for Lisra"), with their
  acronyms ("... (UNRAL)"), other names ("known as the Green Helmets", "calling itself the
  APDK") and epithets ("X, a network of medics", "X, the London-based watchdog");
- people named with a title or a role ("Health Minister Dr. Yassin Karrar", "Mahmoud Ossi, a
  spokesman for the Civil Defence", "the head of the regional administration, Olena
  Dubrava"), and the body they speak for when their role speaks for one (a spokesperson,
  minister, head, director, governor, a hospital's doctor); a lawmaker, a member of a council
  or a researcher speaks as themselves.

``Cast.named`` finds the entity a name points to (full, short, acronym, surname);
``Cast.described`` the one a description fits ("the monitor", "a medical group", "the
legislator"): the last one named before the description, else the first one after it.
Nothing here is about one event: the words are those of news writing in general.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from reckon.claims.claimants import NEWS_AGENCIES, known_claimant

# A capitalised word ("U.N." and "Dr." keep their dots; a full stop that ends a sentence does not
# belong to the word), and the small words that join the words of one name. Names never run
# across a line break (a heading above a paragraph is not part of its first name).
_ABBREVIATED = r"(?:[A-Z]\.(?:[A-Z]\.)+|(?:Dr|Mr|Mrs|Ms|Prof|Col|Gen|Lt|Maj|Capt|Sgt|Rev|Fr|Sen|Rep|Gov|St|Brig|Cpl)\.)"
_CAPITAL = rf"(?:{_ABBREVIATED}|[A-Z][\w’'\-&]*(?:\.[A-Z][\w’'\-&]*)*|al-[A-Z][\w’'\-]*)"
_LINK_WORDS = ("of", "for", "to", "in", "on", "the", "de", "du", "al", "el", "di", "da", "des", "la", "le", "y")
_RUN = re.compile(rf"(?<![\w’'.-]){_CAPITAL}(?:(?:[ \t]+(?:{'|'.join(_LINK_WORDS)}))*[ \t]+{_CAPITAL})*")

# Words that make a capitalised name an organisation.
ORG_HEADS = frozenset(
    """union ministry association observatory network council cabinet bureau mission office agency
    committee commission society defence defense service team hospital clinic group front brigades
    brigade forces force army command administration government watch monitor organization
    organisation fund programme program court police party movement coalition alliance institute
    centre center foundation federation authority department directorate governorate news radio tv
    television press times post tribune herald gazette journal daily voice channel guard guards corps
    secretariat parliament assembly tribunal panel inquiry mechanism crescent helmets syndicate
    collective league board forum bloc campaign trust initiative project lab laboratory column battalion
    regiment room rescue platform observers staff""".split()
)
ORG_HEADS = ORG_HEADS | {w + "s" for w in ORG_HEADS if w.endswith(("committee", "council", "union", "network", "association", "group", "room"))}
_OPENERS = frozenset(
    """the a an in on at by for from after before during since last this that then when while as but
    and so yet until early late according meanwhile however separately also asked breaking its their
    his her our with without under among across between into over if though although what who how why
    where there here it he she they we i you one some many most all both each every no not now today
    yesterday""".split()
)
_CALENDAR = frozenset(
    """january february march april may june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)
# Titles of people: a name follows ("Dr. Yassin Karrar", "Prosecutor General Ruslan Tkachuk").
_PERSONAL_TITLE = re.compile(
    r"^(?:(?:Dr|Mr|Mrs|Ms|Prof|Col|Gen|Lt|Maj|Capt|Sgt|Rev|Fr|Sen|Rep|Gov|Brig|Cpl)\.?|Doctor|Professor|"
    r"Colonel|Brigadier|Major|Captain|Lieutenant|Sheikh|Father|Judge|Imam|Bishop|Deacon)$"
)
_OFFICE_TITLE = re.compile(
    r"^(?:Minister|Governor|Mayor|President|Senator|Ambassador|Spokesman|Spokeswoman|Spokesperson|"
    r"General|Commander|Director|Chief|Secretary|Prosecutor|Attorney|Chairman|Chairwoman|Envoy|"
    r"Rapporteur|Coordinator|Head|Commissioner|Lawmaker|Legislator|MP|Deputy|Activist|Lawyer|Ombuds(?:man|woman|person))$"
)
# Roles that name a person's standing: after "X, ", before ", X", or right before the name.
_ROLE = (
    r"spokes(?:man|woman|person)|press\s+officer|minister|head|chief|director|coordinator|chair(?:man|woman)?|"
    r"president|secretary|commander|governor|mayor|envoy|rapporteur|representative|official|officer|"
    r"surgeon|doctor|physician|nurse|medic|member|lawmaker|legislator|deputy|MP|senator|founder|leader|"
    r"researcher|lawyer|activist|journalist|reporter|prosecutor|attorney|judge|ombuds(?:man|woman|person)|commissioner"
)
_ROLE_WORD = re.compile(rf"\b(?:{_ROLE})\b", re.IGNORECASE)
_BODY_NAME = r"(?P<body>[A-Z][\w’'-]*(?:\s+(?:(?:of|for|and|on|in|the)\s+)*[A-Z][\w’'-]*)*)"
_WORKS_FOR = re.compile(
    r"^\s+(?:has\s+|had\s+|have\s+)?(?:worked|works|investigated|investigates|documented|documents|researched|"
    rf"monitored|reported|led|coordinated|volunteered)\b[^.;:]{{0,80}}?\bfor\s+the\s+{_BODY_NAME}"
)
# "Hayet Bouzid, 47, a former labour lawyer, has run the X Centre since 2036": she speaks for it.
_RUNS = re.compile(
    r"^[^.;:]{0,80}?,\s+(?:has\s+|have\s+)?(?:run|runs|heads|headed|leads|directs|directed|chairs|chaired|founded|co-founded)"
    rf"\s+the\s+{_BODY_NAME}"
)
_BARE_ROLE = re.compile(
    r"(?:(?:the|its|their)\s+)?(?:[\w-]+\s+)?(?:director|head|chief|leader|spokes(?:man|woman|person)|coordinator|"
    r"chair(?:man|woman)?|president|secretary|manager)",
    re.IGNORECASE,
)
# Roles whose holder speaks for a body, and roles whose holder speaks as themselves.
_SPEAKS_FOR = re.compile(
    r"\b(?:spokes(?:man|woman|person)|press\s+officer|minister|head|chief|director|coordinator|"
    r"chair(?:man|woman)?|president|secretary|commander|governor|mayor|surgeon|doctor|physician|nurse|"
    r"medic|official|officer|representative|envoy|rapporteur|prosecutor|attorney)\b",
    re.IGNORECASE,
)
_OWN_VOICE = re.compile(
    r"\b(?:member|lawmaker|legislator|deputy(?!\s+(?:director|minister|head|chief|commander|governor|mayor|spokes\w+|secretary|prosecutor))|"
    r"MP|senator|founder|researcher|lawyer|activist|journalist|"
    r"reporter|former)\b",
    re.IGNORECASE,
)
_PHRASE_CHAR = r"(?:(?!\.\s)[^,;:()“”\"\n])"
# ", a spokesman for X,", ", who heads X,", ", 51, is the executive secretary of X (ABC)", " is the head of X."
_ROLE_AFTER = re.compile(
    rf"^(?:,\s+\d{{1,3}})?(?:,\s+|\s+(?=(?:is|was)\s))(?:(?:who\s+)?(?:is|was)\s+)?"
    rf"(?:who\s+(?P<verb>heads|directs|leads|runs|chairs|coordinates|manages|oversees)\s+)?(?P<role>(?:(?:the|a|an|its|their)\s+)?"
    rf"{_PHRASE_CHAR}{{0,80}}?(?:\b(?:{_ROLE})\b{_PHRASE_CHAR}{{0,80}}?)?)(?=,|\.(?:\s|$)|;|\s*\(|\s+(?:said|says|told|wrote|added|who(?!\s+(?:leads|led|heads|headed|runs|ran|directs|chairs|founded|co-founded|coordinates|manages|oversees|speaks)))\b)",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r"^,\s+(?P<desc>(?:the|a|an)\s+[^,;:()“”\"]{2,100}?)(?=,|\.(?:\s|$)|;|\s+(?:said|says|told|reported|added)\b)")
_ALSO_KNOWN = re.compile(
    r"^(?:,\s+(?:(?:a|an|the)\s+[^,;:()“”\"]{1,60}?\s+)?)?(?:also\s+|widely\s+|locally\s+|popularly\s+)?"  # ", a volunteer rescue service known as"
    r"(?:known\s+as|calling\s+itself|which\s+calls\s+itself|called|"
    r"known\s+by\s+(?:its|the)\s+(?:[\w-]+\s+)?(?:initials|acronym|abbreviation))\s+(?:the\s+)?"  # "known by its French initials CKDH"
    r"(?P<alias>[A-Z“\"][^,;:.()]{1,60})"
)
_BRACKET = re.compile(
    r"^\s*\((?P<short>[A-Z][A-Za-z.]{1,9}(?:\s+[A-Z][a-z]+)?(?:\s*/\s*[A-Z][A-Za-z.]{1,9}(?:\s+[A-Z][a-z]+)?)*)\)"
)
_DESC_THEN_NAME = re.compile(r"(?P<desc>\b(?:the|a|an)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s*,\s+$", re.IGNORECASE)
_CALLING = re.compile(
    r"(?P<desc>\b(?:the|a|an)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+),?\s+(?:which\s+calls\s+itself|calling\s+itself|"
    r"known\s+as)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_DESCRIBED_BEFORE = re.compile(  # "the local news outlet Delta Voice", "State news agency SNNA"
    r"\b(?:the\s+|a\s+)?(?P<desc>(?:[\w’'-]+\s+){0,3}(?:outlet|agency|newspaper|channel|broadcaster|group|"
    r"monitor|network|organi[sz]ation|watchdog|charity|militia|movement))\s+$",
    re.IGNORECASE,
)
_DESCRIPTION_NOUNS = frozenset(
    "outlet agency newspaper channel broadcaster group monitor network organisation organization watchdog charity militia movement".split()
)
_DATELINE = re.compile(r"^(?:,\s+(?:[A-Z][a-z]+\.?\s+\d|\d|[A-Z][a-z]+\s+\()|\s*\(|\s+[-–—]\s)")
_SPEECH_AFTER = re.compile(
    r"^,?\s+(?:(?:also|later|earlier|then|had|has|have|now)\s+)?(?:said|says|told|tells|added|wrote|writes|"
    r"tweeted|reported|reports|announced|counted|estimated|recorded|confirmed|stated|put|puts)\b"
)
_POSSESSIVE_BODY = re.compile(r"^(?P<owner>.+?)['’]s?\s+(?P<role>.+)$")

# Kinds of bodies, from the words of their names and epithets.
_CLASSES = {
    "medical": r"doctors?|medical|medics?|health|hospitals?|physicians?|clinics?|nurses?|surgeons?|paramedics?",
    "monitor": r"rights|monitor(?:s|ing)?|watchdog|observatory|watch|documentation|detainees|prisoners|violations",
    "legal": r"lawyers?|legal|bar",
    "media": r"news|radio|television|tv|press|newspaper|outlet|broadcaster|channel|daily|tribune|times|wire|herald|gazette|journal|chronicle|courier|telegraph",
    "state": r"ministry|government|administration|cabinet|authority|authorities|regime|junta|prosecutor|"
    r"governorate|governor|bureau|state|official",
    "military": r"army|military|forces|brigades?|command|militia|guards?|troops|corps|paramilitary",
    "rescue": r"civil\s+defen[cs]e|rescuers?|rescue|emergency|helmets|crescent",
}
_CLASS_RES = {name: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for name, words in _CLASSES.items()}
_LEGISLATOR = r"legislat\w*|lawmaker|deputy|MP|member\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}(?:parliament|council|assembly)|senator"
# Descriptions of people ("the legislator") and the role words they fit.
_PERSON_DESCRIPTIONS = {
    "legislator": _LEGISLATOR, "lawmaker": _LEGISLATOR, "deputy": _LEGISLATOR, "mp": _LEGISLATOR,
    "minister": r"minister", "governor": r"governor", "mayor": r"mayor", "envoy": r"envoy",
    "spokesman": r"spokes\w+", "spokeswoman": r"spokes\w+", "spokesperson": r"spokes\w+",
    "rapporteur": r"rapporteur", "prosecutor": r"prosecutor", "surgeon": r"surgeon",
    "doctor": r"doctor|physician|surgeon", "director": r"director", "coordinator": r"coordinator",
    "commander": r"commander", "founder": r"founder", "activist": r"activist", "lawyer": r"lawyer",
    "researcher": r"researcher", "journalist": r"journalist|reporter",
}
_NGO_HEADS = frozenset({"group", "organisation", "organization", "body", "ngo", "charity"})
_MONITOR_HEADS = frozenset({"monitor", "watchdog", "observatory"})
_SUB_NATIONAL = frozenset({"regional", "provincial", "state", "local", "municipal", "city", "district", "county"})
_QUALIFIERS = frozenset(
    {"so-called", "local", "national", "federal", "state", "regional", "main", "former", "official", "the", "propaganda", "state-run", "state-owned"}
)


@dataclass
class Entity:
    """A body or person the document names."""

    name: str  # as first named in full, without a leading article
    kind: str  # "org" or "person"
    aliases: set[str] = field(default_factory=set)  # acronyms, other names, a person's surname
    words: set[str] = field(default_factory=set)  # lower-case words of its names
    epithets: set[str] = field(default_factory=set)  # words the text describes it with ("watchdog")
    role: str = ""  # a person's role as the text gives it
    body: str | None = None  # the body a person speaks for, as written ("the ministry")
    mentions: list[int] = field(default_factory=list)  # offsets where it is named
    described_only: bool = False  # known by a description only ("the enclave's health ministry")
    _classes: tuple | None = field(default=None, repr=False, compare=False)
    _heads: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def classes(self) -> set[str]:
        key = (len(self.aliases), len(self.epithets), self.role)
        if self._classes is None or self._classes[0] != key:  # names and epithets grow while reading
            text = " ".join([self.name, *self.aliases, *self.epithets, self.role])
            found = {name for name, pattern in _CLASS_RES.items() if pattern.search(text)}
            if known_claimant(self.name) in NEWS_AGENCIES:
                found.add("media")  # "Reuters" is a publisher, whatever its name says
            self._classes = (key, found)
        return self._classes[1]

    @property
    def heads(self) -> set[str]:
        """The nouns it can be called by: its names' organisation words and its epithets."""
        key = (len(self.aliases), len(self.epithets))
        if self._heads is None or self._heads[0] != key:
            self._heads = (key, self._read_heads())
        return self._heads[1]

    def _read_heads(self) -> set[str]:
        found = set(self.epithets)
        for name in (self.name, *self.aliases):
            words = [w.lower().strip("’'") for w in name.split()]
            heads = [w for w in words if w in ORG_HEADS]
            if heads:
                found.add(heads[-1] if words[-1] in ORG_HEADS or " of " not in name.lower() else heads[0])
        return found


@dataclass
class Cast:
    """Every body and person a document names, in order of first mention."""

    entities: list[Entity] = field(default_factory=list)
    _index: tuple | None = field(default=None, repr=False)  # (mentions counted, sorted (offset, entity number))
    administrations: bool = False  # the text speaks of a regional administration: a governor's body is one
    army: str = "military"  # what the text calls its armed forces ("army" when it says so), for "a military source"

    @classmethod
    def read(cls, text: str) -> Cast:
        cast = cls()
        header = _HEADER.match(text)  # the seed format's " date YYYY-MM-DD " opening
        if header:
            text = " " * header.end() + text[header.end() :]
        lower = text.lower()
        cast.administrations = "administration" in lower and bool(_ADMINISTRATION.search(lower))
        cast.army = "army" if "army" in lower and _ARMY.search(lower) else "military"
        for start, tokens in _joined(text, _RUN.finditer(text)):
            cast._take(text, start, tokens)
        cast._merge_short_forms()
        cast._merge_initials()
        return cast

    def _merge_short_forms(self) -> None:
        """"Civil Defence" named apart from "Sahlan Civil Defence": one body, the fuller name."""
        for entity in list(self.entities):
            if entity.kind != "org" or (len(entity.name.split()) < 2 and entity.name.lower() not in ORG_HEADS):
                continue  # "the Mission" after "UN Human Rights Monitoring Mission" is one body too
            fuller = [e for e in self.entities if e is not entity and e.kind == "org" and e.name.endswith(" " + entity.name)]
            if len(fuller) == 1:
                fuller[0].aliases |= entity.aliases | {entity.name}
                fuller[0].epithets |= entity.epithets
                fuller[0].mentions = sorted(fuller[0].mentions + entity.mentions)
                self.entities.remove(entity)

    def _merge_initials(self) -> None:
        """"LPPW" used before (or without) "(LPPW)" beside "Lanthor Political Prisoners Watch":
        one body, when exactly one name the text gives has those initials."""
        for entity in list(self.entities):
            if entity.kind != "org" or not _ACRONYM.fullmatch(entity.name) or any(" " in a for a in entity.aliases):
                continue
            letters = entity.name.replace(".", "")
            fuller = [e for e in self.entities if e is not entity and e.kind == "org" and acronym_of(e.name) == letters]
            if len(fuller) == 1:
                fuller[0].aliases |= entity.aliases | {entity.name}
                fuller[0].epithets |= entity.epithets
                fuller[0].mentions = sorted(fuller[0].mentions + entity.mentions)
                self.entities.remove(entity)

    # --- reading ---------------------------------------------------------------------------

    def _take(self, text: str, start: int, tokens: list[str]) -> None:
        start, tokens = _trim(start, tokens)
        if not tokens:
            return
        name = " ".join(tokens)
        end = start + len(name)
        before, after = text[max(0, start - 160) : start], text[end : end + 220]
        titled = _title_split(tokens)
        if titled is not None:
            self._person(titled[1], start + len(titled[0]) + 1, before, after, titled[0])
            return
        lower = {t.lower().strip("’'") for t in tokens}
        if lower & ORG_HEADS or known_claimant(name):
            if len(tokens) > 1 or known_claimant(name):
                self._organisation(name, start, before, after)
            return
        if len(tokens) == 1 and name.isupper() and 2 <= len(name) <= 6:
            if self.named(name, exact=True) or (_acts(before, after) and not _DATELINE.match(after)):
                self._organisation(name, start, before, after)
            return
        untitled = not any(_PERSONAL_TITLE.match(t) or _OFFICE_TITLE.match(t) for t in tokens)
        if 2 <= len(tokens) <= 4 and untitled and not lower & _CALENDAR and _person_context(before, after):
            self._person(name, start, before, after, "")
            return
        known = self.named(name, exact=True)
        if known is not None:
            known.mentions.append(start)

    def _organisation(self, name: str, start: int, before: str, after: str) -> None:
        name, unit = _parent(name)
        name = _IN_PLACE.sub(r"\g<head>", name)  # "Nasser al-Din Hospital in Khan Marwa" -> the hospital
        short = _BRACKET.match(after)
        shorts = [a for a in re.split(r"\s*/\s*", short.group("short")) if a != name] if short else []
        known = next((e for a in shorts if (e := self.named(a, exact=True)) is not None and e.kind == "org"), None)
        entity = self.named(name, exact=True) or known or self._add(name, "org")
        if entity.name != name:
            entity.aliases.add(name)  # "X (PMOI / MEK)" after "Y (MEK/PMOI)": one body named twice
        if unit:
            entity.aliases.add(unit)
        entity.mentions.append(start)
        if short:
            entity.aliases.update(shorts)
            after = after[short.end() :]
        other = _ALSO_KNOWN.match(after)
        if other:
            entity.aliases.add(re.sub(r"^(?:the|The)\s+", "", other.group("alias").strip(" “”\"")))
        apposition = _APPOSITION.match(after)
        if apposition:
            entity.epithets |= _epithet(apposition.group("desc"))
        tail = before[-80:]
        for pattern, cheap in ((_DESC_THEN_NAME, tail.rstrip().endswith(",")), (_CALLING, "itself" in tail or "known" in tail), (_DESCRIBED_BEFORE, tail[-1:].isspace() and tail.split()[-1:] != [] and tail.split()[-1].lower() in _DESCRIPTION_NOUNS)):
            described = pattern.search(tail) if cheap else None
            if described:
                entity.epithets |= _epithet(described.group("desc"))

    def _person(self, name: str, start: int, before: str, after: str, title: str) -> None:
        entity = self.named(name, exact=True)
        if entity is None:
            if len(name.split()) < 2:
                return  # "Dr. Selam" before any full name: nothing to attach it to
            entity = self._add(name, "person")
        entity.mentions.append(start)
        roles = [_role_after(after), _role_before(before), title if _OFFICE_IN.search(title) or _OWN_VOICE.search(title) else None]
        role = next((r for r in roles if r), None)
        if not entity.body:  # "Deka Oruwen has investigated killings ... for the X League"; "..., has run the X Centre"
            entity.body = (_org_named(_WORKS_FOR.match(after)) if role is None else None) or _org_named(_RUNS.match(after))
        if role and not entity.body:
            entity.role = role
            before_end = start - len(title) - 1 if title else start  # ``before`` ends where the title starts
            entity.body = _body(role, self, start) or self._body_named_before(role, before, before_end)

    def _body_named_before(self, role: str, before: str, before_end: int) -> str | None:
        """"At the General Hospital of Orvane, the director, Dr. X, said": a bare role's body is
        the one body named earlier in the same sentence; a bare spokesman's, in that sentence or
        the one before ("The Interior Ministry gave a lower toll. Spokesman Colonel X told ...")."""
        core = " ".join(w for w in role.split() if not _PERSONAL_TITLE.match(w))  # "Spokesman Colonel"
        if not _BARE_ROLE.fullmatch(core.strip()):
            return None
        ends = [m.end() for m in re.finditer(r"\.\s|\n", before)]
        back = 2 if re.search(r"(?i)spokes", core) else 1
        sentence_start = before_end - len(before) + (ends[-back] if len(ends) >= back else 0)
        owner = self.last_organisation(before_end)
        if owner is None or max(m for m in owner.mentions if m < before_end) < sentence_start:
            return None
        return owner.name

    def add_described(self, name: str, position: int) -> Entity | None:
        """A body the text only describes ("the enclave's health ministry said"), by its key, so
        that "the ministry" or "a ministry spokesman" later resolve to it."""
        if name.split()[-1].lower() not in ORG_HEADS or self.named(name, exact=True):
            return None
        entity = self._add(name, "org")
        entity.mentions.append(position)
        entity.described_only = True
        return entity

    def _add(self, name: str, kind: str) -> Entity:
        entity = Entity(name=name, kind=kind, words=_words(name))
        if kind == "person":  # "Valcárcel" for "Inés Valcárcel Rioja": any part of a name may be used alone
            parts = name.split()
            entity.aliases.update({p for p in parts if p[:1].isupper()} if len(parts) > 1 else set())
        self.entities.append(entity)
        return entity

    # --- finding ---------------------------------------------------------------------------

    def named(self, mention: str, exact: bool = False) -> Entity | None:
        """The entity a name refers to: its full name, an alias, or (for people) a surname."""
        bare = _bare(mention)
        if not bare:
            return None
        for entity in self.entities:
            if (bare == entity.name or bare in entity.aliases) and (exact or not entity.described_only):
                return entity
        if exact:
            return None
        people = [e for e in self.entities if e.kind == "person" and any(_contains(bare, n) for n in (e.name, *e.aliases))]
        if people:  # "Ministry spokesman Dr. Khalil Abu Samra": the person, who speaks for the body
            return people[0]
        for part in (bare.split(",")[0], bare):  # the name before an apposition decides
            bodies = [e for e in self.entities if e.kind == "org" and not e.described_only and any(_contains(part, n) for n in (e.name, *e.aliases) if len(n) > 1)]
            if bodies:  # "Rescuers from the Sahlan Civil Defence", "the APDK's count"
                return max(bodies, key=lambda e: max(len(n) for n in (e.name, *e.aliases) if _contains(part, n)))
        return self._same_ministry(bare) or self._short_form(bare.split(",")[0])

    def _same_ministry(self, bare: str) -> Entity | None:
        """"Kordaz's defence ministry" is the "Kordazi Ministry of Defence" the text names."""
        wanted = ministry_parts(bare)
        if wanted is None:
            return None
        found = [e for e in self.entities if e.kind == "org" and (parts := ministry_parts(e.name)) and same_country(parts, wanted)]
        return found[0] if len(found) == 1 else None

    def _short_form(self, bare: str) -> Entity | None:
        """"the Observatory", "Civil Defence", "the Team": the one body whose name ends so."""
        if not bare[:1].isupper():
            return None
        tail = bare.split()
        found = [
            e for e in self.entities
            if e.kind == "org" and not e.described_only and any(n.split()[-len(tail) :] == tail for n in (e.name, *e.aliases))
        ]
        if not found and len(tail) == 1:
            found = [e for e in self.entities if e.kind == "org" and tail[0] in e.name.split()]
        return found[0] if len(found) == 1 else None

    def described(self, description: str, position: int) -> Entity | None:
        """The entity a description fits: the last named before ``position``, else the first after."""
        description = _PLACE_AFTER_DESCRIPTION.sub("", description)  # "the health ministry in Lisra"
        words = [w for w in _WORD.findall(description.lower()) if w not in _OPENERS]
        if not words:
            return None
        if words[-1] in _NGO_HEADS | _MONITOR_HEADS and (named_for := self._named_for(words[:-1])) is not None:
            return named_for  # "a civil liberties group": the one body named for civil liberties
        kinds = frozenset(c for c, p in _CLASS_RES.items() if p.search(" ".join(words[:-1])))
        fitting = [e for e in self.entities if _fits(words, e, kinds)]
        fits = [e for e in fitting if not e.described_only] or fitting
        fits = [e for e in fits if words[-1] in e.epithets | e.heads] or fits  # "a resistance group": the one called a group
        earlier = [(max(m for m in e.mentions if m < position), e) for e in fits if any(m < position for m in e.mentions)]
        if earlier:
            return max(earlier, key=lambda pair: pair[0])[1]
        later = [(min(e.mentions), e) for e in fits if e.mentions]
        return min(later, key=lambda pair: pair[0])[1] if later else None

    def _named_for(self, describing: list[str]) -> Entity | None:
        """The one body whose name holds every describing word (two at least, so "rights"
        alone, a word many names share, decides nothing)."""
        content = {w for w in describing if w.isalpha() and w not in _QUALIFIERS}
        if len(content) < 2:
            return None
        found = [e for e in self.entities if e.kind == "org" and not e.described_only and content <= _words(e.name)]
        return found[0] if len(found) == 1 else None

    def only_of_kind(self, people: str) -> Entity | None:
        """The one named body whose kind a plural of people names ("rescuers" -> the civil
        defence, "medics" -> the medical network), when the article names exactly one."""
        kinds = {name for name, pattern in _CLASS_RES.items() if pattern.fullmatch(people)} - {"state", "military", "media"}
        if not kinds:
            return None
        bodies = [e for e in self.entities if e.kind == "org" and not e.described_only and e.classes & kinds]
        if len(bodies) > 1:  # "health officials": the Health Directorate, not the hospital beside it
            bodies = [e for e in bodies if people.lower() in e.name.lower().split()]
        return bodies[0] if len(bodies) == 1 else None

    def only_hospital(self) -> Entity | None:
        """The one hospital or clinic the article names, for its unnamed doctors and surgeons."""
        found = [e for e in self.entities if e.kind == "org" and not e.described_only and _HOSPITAL_NAME.search(e.name)]
        return found[0] if len(found) == 1 else None

    def first_in(self, start: int, end: int) -> Entity | None:
        """The entity named first between two offsets (a sentence's subject, most often)."""
        order = self._mentions()
        at = bisect_left(order, (start, -1))
        return self.entities[order[at][1]] if at < len(order) and order[at][0] < end else None

    def people_in(self, start: int, end: int) -> list[Entity]:
        """The people named between two offsets, in order."""
        order = self._mentions()
        found: list[Entity] = []
        for offset, i in order[bisect_left(order, (start, -1)) :]:
            if offset >= end:
                break
            if self.entities[i].kind == "person" and self.entities[i] not in found:
                found.append(self.entities[i])
        return found

    def _mentions(self) -> list[tuple[int, int]]:
        """Every mention as (offset, entity index), sorted; rebuilt when mentions grow while claims are read."""
        count = sum(len(e.mentions) for e in self.entities)
        if self._index is None or self._index[0] != count:
            self._index = (count, sorted((m, i) for i, e in enumerate(self.entities) for m in e.mentions))
        return self._index[1]

    def last_organisation(self, position: int) -> Entity | None:
        """The organisation named last before ``position`` ("its director")."""
        found = [
            (max(m for m in e.mentions if m < position), e)
            for e in self.entities
            if e.kind == "org" and any(m < position for m in e.mentions)
        ]
        return max(found, key=lambda pair: pair[0])[1] if found else None


_ACRONYM = re.compile(r"[A-Z](?:\.?[A-Z]){1,7}\.?")
_ACRONYM_SKIPS = frozenset({"of", "for", "the", "in", "on", "and", "to", "&", "de", "al", "des", "du", "la", "le", "el"})


def acronym_of(name: str) -> str:
    """The initials a body's name makes ("Sarrenia Defenders' Network" -> "SDN"), link words left out."""
    return "".join(w[0] for w in re.findall(r"[\w’'-]+", name) if w[0].isupper() or w.lower() not in _ACRONYM_SKIPS).upper()


def body_of_role(role: str) -> str | None:
    """The body a role speaks for, as written: "a spokesman for the Civil Defence" -> "the Civil
    Defence"; "head of emergency medicine at X Hospital" -> "X Hospital"; "Ministry spokesman" ->
    "Ministry"; "the FDC's minister for human rights" -> "FDC"; "Health Minister" -> "Health
    Ministry"; "the U.N. special envoy for Kalmora" -> "UN Special Envoy for Kalmora"."""
    role = " ".join(role.split()).strip(" ,.")
    if _OWN_VOICE.search(role) and not _SPEAKS_FOR.search(role[: _OWN_VOICE.search(role).start()]):
        return None  # a lawmaker, a member of a council: speaks as themselves
    un_office = _UN_OFFICE.search(role)
    if un_office:
        return "UN " + " ".join(w if w.lower() in _LINK_WORDS else w[:1].upper() + w[1:] for w in un_office.group("office").split())
    if re.search(r"\bPrime\s+Minister\b", role, re.IGNORECASE):
        return "government"  # the head of government speaks for it
    minister = _MINISTER.search(role)
    if minister:  # "Health Minister", "Veloria's health minister": the Health Ministry
        return " ".join(w[:1].upper() + w[1:] for w in minister.group("field").split()) + " Ministry"
    minister_of = re.fullmatch(r"(?i:(?:the\s+)?minister\s+(?:of|for)\s+)(?P<field>(?:the\s+)?[A-Z][\w-]*(?:\s+(?:and\s+)?[A-Z][\w-]*){0,3})", role)
    if minister_of:  # "Minister of Internal Affairs": the Ministry of Internal Affairs
        return "Ministry of " + minister_of.group("field")
    if re.search(r"\bombuds(?:man|woman|person)\b", role, re.IGNORECASE):
        return "Ombudsman"  # one office, whoever holds it
    leads = _WHO_LEADS.search(role)
    if leads:  # "an exiled politician who leads the Bright Road movement": speaks for the movement
        return leads.group("body")
    owner = _POSSESSIVE_BODY.match(role)
    if owner and _ROLE_WORD.search(owner.group("role")) and not _ROLE_WORD.search(owner.group("owner")):
        return owner.group("owner").strip()
    if re.match(r"(?i)(?:its|their)\s", role) and _ROLE_WORD.search(role):
        return role.split()[0].lower()  # "Its emergency coordinator for Sardova": the body just named, not the country
    law_officer = re.search(r"\b(?:Prosecutor|Attorney)[\s-]General\b", role, re.IGNORECASE)
    if law_officer:
        return law_officer.group()[:1].upper() + law_officer.group()[1:]
    role = re.sub(r"\s*\([A-Z][A-Za-z.]{1,9}\)", "", role)  # "for the Armed Forces of Ndorwe (FAN) in Kivira"
    # "for the Armed Forces of Ndorwe": the body after for/at/with/from, else after the last "of".
    region = _GOVERNOR_OF.search(role)
    if region:  # "The governor of Koltaria's border region of Belozersk": that region's administration
        return f"{region.group('place')} regional administration"
    at = _AT_BODY.search(role) or _OF_BODY.search(role)
    if at and not re.fullmatch(r"(?i)(?:the\s+)?(?:age|war|state|country|region|city|time|moment)", at.group("body")):
        return at.group("body")
    head = re.match(rf"^(?:the\s+|a\s+|an\s+)?(?P<body>.+?)(?:\s+{_RANK_WORDS})*\s+(?!governor)(?:{_ROLE})\b", role, re.IGNORECASE)
    if head and not _BARE_ADJECTIVES.fullmatch(head.group("body")):
        return _OFFICE_AFTER_NAME.sub(lambda m: m.group(1) + m.group(2).capitalize(), head.group("body"))
    governor = re.search(r"(?:^|\b(?:the|a|an)\s+)?(?P<place>(?:[A-Z][\w’'-]+\s+){0,2})governor\b", role, re.IGNORECASE)
    if governor:  # a governor speaks for the region's administration
        place = governor.group("place").strip()
        return f"{place} Governorate" if place and place.lower() not in {"regional", "provincial", "state", "the"} else "regional administration"
    if re.search(r"\bmayor\b", role, re.IGNORECASE):
        return "city administration"
    return None


# --- helpers ---------------------------------------------------------------------------------

_REGION_WORD = r"(?i:region|province|state|oblast|governorate|district)"
_GOVERNOR_OF = re.compile(  # "governor of Koltaria's border region of Belozersk", "Governor of Kivira Province"
    rf"\b[Gg]overnor\s+of\s+(?:[^,;]*?\b{_REGION_WORD}\s+of\s+)?(?:the\s+)?"
    rf"(?P<place>[A-Z][\w’'-]+(?:\s+(?!{_REGION_WORD}\b)[A-Z][\w’'-]+)?)(?:\s+{_REGION_WORD})?\s*$"
)
_HOSPITAL_NAME = re.compile(r"\b(?:Hospital|Clinic|Infirmary|Medical\s+Cent(?:re|er)|Clinical\s+Hospital)\b")
_RANK_WORDS = r"(?:joint|executive|general|vice|deputy|assistant|associate|managing|founding|acting|senior)"  # "its joint secretary"
_WHO_LEADS = re.compile(r"\bwho\s+(?:leads|heads|runs|chairs|directs|coordinates|founded)\s+(?P<body>(?:the\s+)?[A-Z][^,;]*)$")
_MINISTER = re.compile(
    r"(?<![\w’'])(?P<field>(?:(?!(?:the|a|an|prime|deputy|former|acting|junior|state)\b)[A-Za-z][a-z]*\s+){1,3})minister\b",
    re.IGNORECASE,
)
_OFFICE_AFTER_NAME = re.compile(r"^([A-Z][\w-]*\s+)(ministry|office|agency|department|council|committee)$")
_HEADER = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s")
_IN_PLACE = re.compile(
    rf"(?P<head>\b(?:{'|'.join(h.capitalize() for h in ORG_HEADS)}))\s+in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*$"
)
_OFFICE_IN = re.compile(r"\b(?:Minister|Governor|Mayor|General|Spokes\w+|Director|Chief|Commander|Secretary|Envoy|Rapporteur|Coordinator|Head|Ombuds\w+)\b")
_UN_OFFICE = re.compile(
    r"\b(?:UN|U\.N\.|United\s+Nations)\s+(?P<office>(?:[\w-]+\s+){0,2}(?:envoy|rapporteur|coordinator|"
    r"representative|commissioner|adviser|advisor)(?:\s+(?:for|on)\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*)*)?)",
    re.IGNORECASE,
)
def _body_after(prepositions: str) -> re.Pattern[str]:
    """A role's body named after its last preposition: "spokesman for the X (in Y)"."""
    return re.compile(
        rf"^.*\b(?:{prepositions})\s+(?P<body>(?:the\s+)?(?:[\w’'.-]+\s+){{0,6}}?(?:[A-Z][\w’'.-]*|ministry|office|"
        r"hospital|administration|government|agency|group|union|army|military|police|council|committee|bureau|"
        r"mission|service|clinic|force|forces|front|network|team|defen[cs]e|movement|party|coalition|alliance|campaign|"
        r"directorate|department|commission|authority|authorities|institute|observatory|monitor|watch|cent(?:re|er)|"
        r"organi[sz]ation|society|association|coordination))"
        r"(?:\s+in\s+(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*|the\s+(?:province|region|city|country|area|district|capital|north|south|east|west)))?\s*$"
    )


_AT_BODY = _body_after("at|for|with|from")
_OF_BODY = _body_after("of")
_BARE_ADJECTIVES = re.compile(
    r"(?i)(?:(?:senior|top|former|deputy|acting|local|regional|chief|the|a|an|provincial|district|city|"
    r"state|federal|national|opposition|exiled)\s*)+"
)


def _joined(text: str, runs: Iterator[re.Match[str]]) -> list[tuple[int, list[str]]]:
    """Runs as pieces, joining "Public Health and Civil Protection Committee" (two capitalised
    words or more, "and", then a name ending in an organisation word) into one name."""
    pieces: list[tuple[int, list[str]]] = []
    previous_end = -1
    for run in runs:
        parts = _pieces(run)
        if pieces and parts and text[previous_end : run.start()] == " and " and _one_name(pieces[-1][1], parts[0][1]):
            start, tokens = pieces.pop()
            parts[0] = (start, tokens + ["and"] + parts[0][1])
        pieces.extend(parts)
        previous_end = run.end()
    return pieces


def _one_name(first: list[str], second: list[str]) -> bool:
    """Whether "<first> and <second>" is one body's name: "Public Health and Civil Protection
    Committee" (the head word comes last), or "Centre for Democracy and Human Rights in Zindara" and
    "Ministry of the Interior and Public Order" (a head word's field runs on past "and")."""
    if second[0] in ("The", "the"):
        return False
    first_lower, second_lower = [t.lower() for t in first], {t.lower() for t in second}
    if len(first) >= 2 and not set(first_lower) & ORG_HEADS and second[-1].lower() in ORG_HEADS:
        return True
    fields = [i for i, t in enumerate(first_lower[:-2]) if t in ORG_HEADS and first_lower[i + 1] in ("of", "for")]
    return bool(fields) and not second_lower & ORG_HEADS and len(second) <= 5 and not _PERSONAL_TITLE.match(second[0]) and not _OFFICE_TITLE.match(second[0])


_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[\w’'-]+")
_PLACE_AFTER_DESCRIPTION = re.compile(r"\s+(?:in|of|for|at)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*$")


def _pieces(run: re.Match[str]) -> list[tuple[int, list[str]]]:
    """A run split where it cannot be one name: at headings and datelines in capitals."""
    pieces: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = run.start()
    for token in _TOKEN.finditer(run.group()):
        word = token.group()
        if word.isupper() and len(word.strip(".")) > 6 and "." not in word:
            if current:
                pieces.append((start, current))
            current = []
            continue
        if not current:
            start = run.start() + token.start()
        current.append(word)
    if current:
        pieces.append((start, current))
    return pieces


def _trim(start: int, tokens: list[str]) -> tuple[int, list[str]]:
    """Drop openers, dates and a possessive: "In Mawlam" -> "Mawlam", "The Union's" -> "Union"."""
    tokens = list(tokens)
    while tokens and (tokens[0].lower() in _OPENERS or tokens[0].lower() in _LINK_WORDS or tokens[0].lower().rstrip(".") in _CALENDAR):
        start += len(tokens.pop(0)) + 1
    while tokens and (tokens[-1].lower().rstrip(".") in _CALENDAR or tokens[-1].lower() in _OPENERS or tokens[-1].lower() in _LINK_WORDS):
        tokens.pop()
    if tokens and tokens[-1].endswith(("'s", "’s")):  # tokens hold no space: the same as re.sub(r"['’]s$", ...)
        tokens[-1] = tokens[-1][:-2]
    return start, [t for t in tokens if t]


def _title_split(tokens: list[str]) -> tuple[str, str] | None:
    """("Health Minister Dr.", "Yassin Karrar") for a titled name, else None."""
    last = None
    for i, token in enumerate(tokens[:-1]):
        if _PERSONAL_TITLE.match(token) or _OFFICE_TITLE.match(token):
            last = i
    if last is None:
        return None
    name = tokens[last + 1 :]
    links = [i for i, t in enumerate(name) if t.lower() in _LINK_WORDS]
    if links and len(name) - links[-1] - 1 >= 3:  # "Secretary of State Arin Vell": the title runs on
        last, name = last + links[-1] + 2, name[links[-1] + 2 :]
    if any(t.lower().strip("’'") in ORG_HEADS or t.lower() in _LINK_WORDS for t in name):
        return None  # "Director of the Federal Office": an office, not a person
    if _OFFICE_TITLE.match(tokens[last]) and not _PERSONAL_TITLE.match(tokens[last]) and len(name) < 2:
        return None  # "Attorney General Tola" is fine, "the Attorney General" alone names an office
    return " ".join(tokens[: last + 1]), " ".join(name)


def _acts(before: str, after: str) -> bool:
    """An acronym that speaks ("SNNA said") or is introduced as a body ("the agency SNNA", "the APDK")."""
    if _SPEECH_AFTER.match(after):
        return True
    return bool(re.search(r"\b(?:the|agency|outlet|group|network|newspaper|channel|broadcaster|monitor|organi[sz]ation|itself)\s+$", before, re.IGNORECASE))


def _role_after(after: str) -> str | None:
    """", a spokesman for the Civil Defence," -> that role; ", who heads the bureau," -> "head of the bureau"."""
    found = _ROLE_AFTER.match(after)
    if found is None:
        return None
    if found.group("verb"):
        return "head of " + found.group("role")
    if re.match(r"(?i)(?:who|which|whose|said|says|told|tells|added|wrote|reported)\b", found.group("role")):
        return None  # ", who appeared before the committee after the minister,"; ", said the Secretary-General was": no role
    return found.group("role") if _ROLE_WORD.search(found.group("role")) or _WHO_LEADS.search(found.group("role")) else None


def _org_named(found: re.Match[str] | None) -> str | None:
    """The body a "works for the X" or "has run the X" phrase names, when X has an organisation word."""
    if found is not None and {w.lower().strip("’'") for w in found.group("body").split()} & ORG_HEADS:
        return found.group("body")
    return None


def _person_context(before: str, after: str) -> bool:
    if re.search(r"\b(?:in|at|from|near)\s+$", before):
        return False  # "Speaking to reporters in New York, the spokesperson ...": a place
    if _role_before(before) or _role_after(after) or _WORKS_FOR.match(after):
        return True
    return bool(_SPEECH_AFTER.match(after)) and not re.search(r"\b(?:in|at|from|near|to|of|told|tells|telling)\s+$", before)  # "told Nabd Halimiya that": the listener


_ROLE_RIGHT_BEFORE = re.compile(rf"(?P<role>(?:[\w’'.-]+\s+){{0,3}}?\b(?:{_ROLE})\b)\s+$", re.IGNORECASE)
_ROLE_THEN_COMMA = re.compile(
    rf"(?P<role>(?:[\w’'.-]+\s+){{0,4}}?\b(?:{_ROLE})\b(?:\s+(?:of|for|at|to|in|on)\s+(?:the\s+)?(?:[\w’'.()-]+\s+){{0,7}}?[\w’'.-]+)?),\s+$",
    re.IGNORECASE,
)


def _role_before(before: str) -> str | None:
    """"regional governor ", "Ministry spokesman ", "the head of the X administration, "."""
    before = before[-110:]
    last = None
    for last in _ROLE_WORD.finditer(before):
        pass
    if last is None:
        return None  # most names have no role before them
    tail = before[last.end() :]
    if tail.strip() and not _ROLE_COMPLEMENT.fullmatch(tail):
        return None  # the role must end right before the name, or end its complement with a comma
    head: list[str] = []
    for word in reversed(re.split(r"(?<![A-Z])[.;:!?”\"]\s|\n|,\s", before[: last.start()])[-1].split()[-4:]):
        if not (word[:1].isupper() or word.lower() in _ROLE_MODIFIERS or word.endswith(("'s", "’s", "s'", "s’"))):
            break  # "said regional governor" -> "regional governor"
        head.insert(0, word)
    role = " ".join(head + (last.group() + tail).split()).rstrip(" ,")
    return role or None


_ROLE_MODIFIERS = frozenset(
    """the a an its their his her regional provincial local state deputy senior chief military army police
    government ministry health interior defence defense foreign hospital former acting top special
    humanitarian opposition joint executive general national vice founding managing medical assistant
    associate emergency country field programme program project operations communications media press
    advocacy research""".split()
)
_ROLE_COMPLEMENT = re.compile(r"(?:\s+General)?(?:\s+(?:of|for|at|to|in|on)\s+(?:the\s+)?(?:[\w’'.()-]+\s+){0,7}?[\w’'.-]+)?,\s+|\s+", re.IGNORECASE)


def _parent(name: str) -> tuple[str, str | None]:
    """"Information Team of the Council for National Order" -> the council, with the team as alias."""
    found = re.match(r"^(?P<unit>.+?)\s+of\s+the\s+(?P<parent>.+)$", name)
    if found is None:
        return name, None
    if not {w.lower() for w in found.group("parent").split()} & ORG_HEADS:
        return name, None
    return found.group("parent"), found.group("unit")


def _epithet(description: str) -> set[str]:
    """The words of "a network of medics that has ..." up to its clause: {network, of, medics}."""
    words: list[str] = []
    for word in re.findall(r"[\w’'-]+", description):
        low = word.lower()
        if low in {"that", "which", "who", "whose", "by", "in", "at", "from", "since", "with", "across", "through", "whom", "for", "on"}:
            break
        if len(words) >= 2 and re.search(r"(?:ed|ing)$", low):
            break
        words.append(low)
    return set(words) - {"the", "a", "an", "its", "their", "known", "as", "calling", "itself"}


_ADMINISTRATION = re.compile(r"\b(?:regional|oblast|provincial|state|military|district|city)\s+administration\b")  # on lower-cased text
_ARMY = re.compile(r"\barmy\b")


def _body(role: str, cast: Cast, position: int) -> str | None:
    body = body_of_role(role)
    if body and body.endswith(" Governorate") and cast.administrations:
        body = body.removesuffix("Governorate") + "Administration"  # "Selanka Oblast Governor", then "the regional administration"
    if body and re.fullmatch(r"(?i)its|their", body.strip()):
        owner = cast.last_organisation(position)
        return owner.name if owner else None
    return body


def _words(text: str) -> set[str]:
    return {w.lower().strip("’'") for w in re.findall(r"[\w’'-]+", text)}


_MINISTRY_FORMS = (
    re.compile(r"^(?P<country>[A-Z][\w-]+?)(?:['’]s?)?\s+(?P<kind>[A-Za-z]+)\s+[Mm]inistry$"),  # "Kordaz's defence ministry"
    re.compile(r"^(?P<country>[A-Z][\w-]+)\s+Ministry\s+of\s+(?:the\s+)?(?P<kind>[A-Za-z]+)$"),  # "Kordazi Ministry of Defence"
    re.compile(r"^Ministry\s+of\s+(?:the\s+)?(?P<kind>[A-Za-z]+)\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w-]+)$"),
)


def ministry_parts(name: str) -> tuple[str, str] | None:
    """(country or demonym, kind) of a ministry's name in any of its usual forms:
    "Kordaz's defence ministry", "Kordazi Ministry of Defence", "Ministry of Defence of Kordaz"."""
    for form in _MINISTRY_FORMS:
        m = form.match(name)
        if m:
            return m.group("country"), m.group("kind").lower()
    return None


def same_country(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Same kind of office (a ministry's field, an army), and the country and its demonym share
    a stem ("Kordaz", "Kordazi")."""
    (one, kind_one), (two, kind_two) = a, b
    short, long = sorted((one, two), key=len)
    stem = short[: max(4, len(short) - 1)]
    return kind_one == kind_two and len(short) >= 4 and long.startswith(stem)


@lru_cache(maxsize=8192)
def _bare(mention: str) -> str:
    mention = " ".join(mention.split()).strip(" ,.;:\"“”'’()")
    mention = re.sub(r"^(?:the|The|a|an|An|A)\s+", "", mention)
    return re.sub(r"['’]s$", "", mention)


def _contains(text: str, name: str) -> bool:
    """Whether ``name`` occurs in ``text`` as whole words."""
    if not name or name not in text:
        return False
    return _word_pattern(name).search(text) is not None


@lru_cache(maxsize=4096)
def _word_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")


def _fits(words: list[str], entity: Entity, described: frozenset[str]) -> bool:
    """Whether a description ("medical group", "the legislator", "the watchdog") fits an entity;
    ``described`` holds the kinds of body its other words name (medical, monitor, state ...)."""
    head = words[-1]
    if head in _PERSON_DESCRIPTIONS:
        if entity.kind != "person" or not re.search(rf"\b(?:{_PERSON_DESCRIPTIONS[head]})", entity.role, re.IGNORECASE):
            return False
        role = entity.role.lower()  # "a military spokesman" is not the ministry's spokesman
        return all(q in role for q in words[:-1] if q.isalpha() and q not in _QUALIFIERS and q not in ("former", "senior"))
    if entity.kind != "org":
        return False
    own = entity.classes
    heads = entity.heads
    if head in heads and head not in _NGO_HEADS | _MONITOR_HEADS:
        if head in ("government", "authorities", "administration") and not (entity.words & _SUB_NATIONAL) <= set(words):
            return False  # "the government" is not the regional government
        return _qualifiers_fit(words[:-1], entity)  # "the union", "the health ministry", "the Team"
    if head in _NGO_HEADS:
        if head in entity.epithets:
            return True  # the article itself called it "an armed group"
        if own & {"state", "military"} and not described & {"state", "military"}:
            return False  # "a group" is not a ministry or an army
        if heads & {"hospital", "clinic", "complex"} or (heads & {"centre", "center"} and "monitor" not in own):
            return False  # nor a hospital (a "Human Rights Centre" is a group)
        return head in heads or (bool(described & own) if described else not own & {"state", "military", "media"})
    if head in _MONITOR_HEADS:
        return head in heads or ("monitor" in own and not own & {"state", "military"})
    if head in _MEDIA_DESCRIPTIONS:  # "the paper" after "The opposition Daily Torch ..."
        return "media" in own
    if head == "society":  # "the society's spokeswoman" of the Red Crescent
        return bool(entity.words & {"crescent", "cross"})
    return False


# What news calls a newspaper or broadcaster it has named: "the paper", "the broadcaster".
_MEDIA_DESCRIPTIONS = frozenset({"paper", "newspaper", "daily", "weekly", "tabloid", "broadcaster", "outlet"})


def _qualifiers_fit(qualifiers: list[str], entity: Entity) -> bool:
    """"the health ministry" fits the Federal Ministry of Health, not the Ministry of Defence."""
    content = [q for q in qualifiers if q.isalpha() and q not in _QUALIFIERS]
    return all(q in entity.words or q in entity.epithets for q in content)
