"""Who makes a claim: the claimant (and any intermediary) for a figure in a sentence.

Rules, in the order a reader applies them:
- "according to X" nearest the figure;
- a speech verb with its subject: "X said/reported/confirmed ...", "..., X said",
  "..., said X"; "X told Y" and "Y, citing X" name Y as ``via``;
- a passive agent: "the toll ... announced by X" — when an active claimant is also present the
  figure carries both claims ("X confirmed the toll announced by Y");
- "X's report/figures", "a report by X";
- a quotation introduced by "X said:" in an earlier sentence;
- otherwise the document's own voice, ``author``.
Pronouns and descriptions ("it", "the rights group", "the ministry") resolve to the last
compatible name mentioned earlier (``MentionMemory``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from reckon.claims.lowered import Lowered
from reckon.claims.claimant_keys import claimant_key, entity_key
from reckon.claims.claimants import AUTHOR, known_claimant
from reckon.claims.memory import MentionMemory
from reckon.claims.numbers import DIGIT
from reckon.claims.phrases import (
    ANAPHOR,
    PREPOSITIONS,
    SAID,
    noun_phrase_after,
    plausible_claimant,
    sentence_subject,
    subject_after,
    subject_before,
)

_SPEECH = Lowered(
    r"\b(?:said|says|say|told|tells|reported|reports|announced|announces|confirmed|confirms|"
    r"documented|documents|recorded|records|estimated|estimates|stated|states|"
    r"claimed(?!\s+(?:the\s+)?lives)|claims(?!\s+(?:the\s+)?lives)|"
    r"added|adds|noted|notes|wrote|writes|tweeted|declared|declares|revealed|reveals|released|"
    r"published|counted|tallied|verified|found|listed|registered|compiled|acknowledged|"
    r"admitted|conceded|insisted|emphasi[sz]ed|stressed|warned|alleged|asserted|explained|"
    r"disclosed|informed|cited|calculated|updated|raised|put\s+the\s+(?:death\s+)?(?:toll|number|figure)|"
    r"(?:gave|gives|given|released|published|issued)\s+(?:(?:the|a|its|his|her|their)\s+)?(?:[\w-]+\s+){0,2}?(?:toll|numbers?|figures?|count|breakdown|tally)|"
    r"(?:revised|revises|lowered|lowers|corrected|corrects|increased|reduced|adjusted)\s+(?:the|its|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:toll|number|figure|count|estimate|tally)|"
    r"(?:puts?|gave|gives)\s+(?:the|its|their)\s+(?:[\w’'-]+\s+){0,3}?(?:toll|number|figure|count|losses|casualties)\s+(?:at|as)\b|"
    r"puts?\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:toll|number|figure|count)|"
    r"(?:(?:has|have|had)\s+)?received\s+(?:\w+\s+)?reports?\s+(?:of|that)|accused|accuses|blamed|blames|"
    r"puts\s+the\s+(?:death\s+)?(?:toll|number|figure)|has\s+identified|identified|recorded|"
    r"believes|believed|believe|shows|showed|show|posted|swears|swore|insists|maintains|maintained|argues|saying|"
    r"argued|contends|contended|admits|admit|(?:has|have|had)\s+named|puts|estimate|report|"
    r"announce|confirm|claim(?!\s+(?:the\s+)?lives)|quoted|lists|counts|tallies|logged|(?:has|have|had)\s+learned|learnt|"
    r"(?:has|have|had)\s+(?:now\s+|so\s+far\s+|already\s+|also\s+)?(?:named|identified|listed|counted|recorded)|"
    r"(?:regrets|regretted|deplores|deplored|laments|lamented)\s+that|"
    r"(?:speaks|spoke|spoken|speak|talks|talked|talk|writes|wrote|written)\s+of)\b")
_PASSIVE_AGENT = Lowered(
    r"\b(?:announced|reported|documented|confirmed|released|published|compiled|recorded|given|"
    r"cited|provided|issued|verified|counted|estimated|claimed|tallied|registered|gathered|"
    r"collected|presented|put\s+forward|stated|disclosed|revealed|declared|quoted|circulated|"
    r"floated|put\s+out|given\s+out|spread|touted|publici[sz]ed|distributed|broadcast|aired|"
    r"offered|supplied|produced|calculated|listed|logged|advanced|maintained|cited|shared|alleged|asserted|"
    r"acknowledged|admitted|conceded|recogni[sz]ed|revised|lowered|updated|corrected)"
    r"(?:\s+(?:on|in|from|with|using|earlier|last|late|this|through|almost|every|each|daily|weekly|regularly|upwards|downwards|"
    r"jointly|separately|first|initially|previously|now|also|originally)\b[^,.;:]{0,40}?)?\s+by\s+")
_ACCORDING = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
_CITING = re.compile(r"\b(?:citing|quoting)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(
    r"(?P<np>(?:[A-Z][\w\-.&]*\s+){0,5}[A-Z][\w\-.&]*)['’]s?\s+(?:own\s+|latest\s+|new\s+|updated\s+)?"
    r"(?:report|figures?|tally|count|data|estimates?|statement|list|toll|records?|research|investigation|documentation)\b"
)
_REPORT_BY = re.compile(
    r"\b(?:reports?|statements?|tally|count|list|figures?|data|estimates?|investigation|review|inquiry|assessment|audit|release|publication)\s+"
    r"(?:by|from|of|released\s+by|published\s+by)\s+(?!(?:a|the)\s+figure\b)",
    re.IGNORECASE,
)
_AUX_BEFORE = re.compile(r"\b(?:were|was|been|be|is|are|being)\s*$", re.IGNORECASE)
_BODY_WORDS = re.compile(
    r"\b(?:Ministry|International|Watch|Monitor|Council|Agency|Office|Committee|News|Press|Rights|"
    r"Network|Organi[sz]ation|Association|Union|Group|Centre|Center|Institute|Commission)\b"
)
_OUR_COLLEAGUES = re.compile(r"^[Oo]ur\s+(?:colleagues|partners|teams?|staff)\s+(?:at|in|with|of|from)\s+(?:the\s+)?[A-Z]")
_FIRST_PERSON = re.compile(r"^(?:we|our|us|i|my|our\s+\w+|my\s+own)(?:\s+(?:should|must|would|can|could|will|might|have\s+to))?$", re.IGNORECASE)  # "I should say that we ..."
_THIS_PUBLICATION = re.compile(  # "This newspaper has confirmed": the publisher's own voice
    r"^(?:this|the\s+present)\s+(?:newspaper|paper|publication|website|site|magazine|programme|program|channel|station|agency|outlet)$",
    re.IGNORECASE,
)
_MEDIA = re.compile(r"\b(?:television|tv|radio|agency|newspaper|media|outlet|broadcaster|press|channel)\b", re.IGNORECASE)
_AGENT_LINK = re.compile(r"^(?:[^,]*|[^,]{0,30},\s*)$")
_OWNED_FIGURE = re.compile(
    r"(?P<np>(?:[Tt]he\s+)?(?:[\w-]+\s+){0,5}?[\w-]+)['’]s?\s+(?:own\s+|official\s+|latest\s+|new\s+)?"
    r"(?:claims?|figures?|counts?|toll|tally|estimates?|numbers?|total)\s+of\s+(?:only\s+|just\s+)?$"
)
_OWNED_STATED = re.compile(
    r"(?P<np>(?:[Tt]he\s+)?(?:[\w-]+\s+){0,5}?[\w-]+)['’]s?\s+(?:[\w-]+\s+){0,3}?(?:figure|toll|count|tally|estimate|total)"
    r"(?:,[^,;]{1,60},|\s+(?:since|for|in|as\s+of|of)\s+[^,;]{1,30}?)?\s+(?:now\s+|still\s+)?(?:is|was|stands\s+at|stood\s+at|remains|remained|"
    r"has\s+(?:risen|reached|climbed)\s+to|reached|rose\s+to)\s+(?:only\s+|just\s+|more\s+than\s+|over\s+|at\s+least\s+|about\s+)?$"
)
_BY_ACCOUNT = re.compile(
    r"^[^.;]{0,20}?\bby\s+(?P<np>(?:the\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+)['’]s?\s+(?:own\s+)?(?:account|count|tally|figures?|estimate|reckoning)\b"
)
_BY_ACCOUNT_OPENING = re.compile(
    r"^\W*(?:By|According\s+to)\s+(?P<np>(?:the\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+)['’]s?\s+(?:own\s+|latest\s+|official\s+)?"
    r"(?:account|count|tally|figures?|estimate|reckoning|records?|data)\s*,"
)
_EVIDENCE = re.compile(
    r"(?:[\w-]+\s+){0,2}?(?:reports?|witnesses|eyewitnesses|sources|information|evidence|videos?|"
    r"footage|accounts?|data|testimon(?:y|ies)|documents?|records?|research|interviews?|"
    r"relatives|families|its\s+own|their\s+own|local\s+media|social\s+media)\b(?!\s+(?:by|from|of)\s)"
    r"|(?:[\w-]+\s+){0,2}?(?:from|by)\s+(?:its|their)\s+(?:own\s+)?(?:local\s+)?(?:branches|members|offices|teams|staff|volunteers|activists)\b",
    re.IGNORECASE,
)
# Words that are nouns after a determiner or adjective ("its final report", "New reports from ...")
_NOUN_OR_VERB = re.compile(
    r"^(?:reports?|claims?|estimates?|records?|documents?|figures?|states?|notes?|shows?|lists?|counts?|"
    r"tall(?:y|ies)|updates?|finds?|statements?)$",
    re.IGNORECASE,
)
_NOUN_MARKERS = {
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these",
    "those", "new", "fresh", "latest", "final", "first", "further", "recent", "official", "initial",
    "earlier", "annual", "preliminary", "some", "many", "several", "other", "such", "no", "unconfirmed",
    "unverified", "local", "media", "news", "police", "hospital", "press", "separate", "similar",
    "conflicting", "early", "later", "previous", "detailed", "full", "interim", "weekly", "daily",
}
_NOUN_ADJUNCTS = {"media", "news", "police", "hospital", "press"}  # nouns that can also be agents
_OPENERS = {
    "then", "there", "here", "now", "today", "yesterday", "however", "meanwhile", "still", "also",
    "overall", "altogether", "together", "all", "both", "each", "every", "most", "few", "more",
    "less", "only", "even", "just", "again", "instead", "thus", "so", "yet", "once", "when", "while",
}
# "according to three officials who spoke on condition of anonymity": unnamed sources are the
# claimant's evidence when a named subject makes the statement ("X put the toll at N, according to ...").
_UNNAMED_SOURCES = re.compile(
    r"^(?:(?:the|a|an|some|several|two|three|four|five|six|many|other|unnamed|anonymous|senior|local|"
    r"medical|hospital|security|government|official|diplomatic|informed|\d+)\s+)*"
    r"(?:officials?|sources?|people|persons?|witnesses|residents|doctors|medics|activists|insiders|"
    r"diplomats|figures|members|staff|officers)\b(?!\s+(?:of|at|for|from|in)\s+[A-Z])",
    re.IGNORECASE,
)
_FIGURE_AHEAD = re.compile(
    rf"^[^,;:.]*?(?:{DIGIT}|\b(?:dozens|hundreds|thousands|scores|several|a\s+few|a\s+dozen)\b)"
)
_RECORD_SUBJECT = re.compile(
    r"^(?:the|a|this|that|its|their)\s+(?:[\w-]+\s+)?(?:report|reports|figures|list|statement|document|"
    r"study|survey|tally|count|data|toll|review|investigation)$",
    re.IGNORECASE,
)
# a trailing attribution ("..., X said on Friday,") followed by the author's narration ("as ...")
_NARRATION_AFTER = re.compile(
    r"(?:\s+(?:on|in|late|early|last|this|earlier|later)\b[^,.;:]{0,30}?|\s+(?:yesterday|today|\w+day))?"
    r",\s+(?:as|while|amid|even\s+as|just\s+as)\s",
    re.IGNORECASE,
)
_NOT_SOURCES = re.compile(r"^(?:reporters|journalists|the\s+press|the\s+media|parliament|lawmakers|a\s+news\s+conference|a\s+press\s+conference)$", re.I)


@dataclass(frozen=True)
class Attribution:
    """One claimant for a figure; ``anchor`` is where its attributing words end (for dates)."""

    claimant: str
    claimant_key: str
    via: str | None = None
    anchor: int | None = None
    direct: bool = True  # False for the second claim of a figure ("... announced by Y")
    claim_date: str | None = None  # set when known beforehand (a quotation's speaker)
    claim_date_note: str | None = None


def attribute(sentence: str, start: int, end: int, memory: MentionMemory, speaker: Attribution | None) -> list[Attribution]:
    """The claimants of the figure at ``sentence[start:end]``; ``speaker`` is a quotation's."""
    agent = _passive_agent(sentence, start, end, memory)
    local = _possessive_of_figure(sentence, start, end, memory) or _elided(sentence, start, memory)
    if local is not None:
        return [agent if agent is not None else local]
    found = _according_to(sentence, start, end, memory)
    spoken = _speech_subject(sentence, start, end, memory) or _statement_says(sentence, start, memory)
    if found is None or (spoken is not None and _unnamed(found.claimant) and not _unnamed(spoken.claimant)):
        found = spoken or found  # "X put the toll at N, according to officials": X's claim
    if found is None and agent is None:
        found = (_possessive(sentence, start, memory) or _bracketed_source(sentence, end, memory) or _label_source(sentence, start, memory)
                 or _source_heading(sentence, start, memory))
    if found is None and agent is not None:
        return [agent]
    if found is not None and agent is not None and _one_body(found.claimant_key, agent.claimant_key):
        return [max((found, agent), key=lambda a: len(a.claimant_key))]  # "The ministry's figures ... revised by the ministry"
    if found is not None and agent is not None and agent.claimant_key != found.claimant_key:
        if _COMPARED_BEFORE.search(sentence[max(0, start - 40) : start]):
            return [agent]  # "counted 1,240, far more than the 750 announced by Y": only Y gives the 750
        return [found, replace(agent, direct=False)]
    if found is not None and found.claimant_key == AUTHOR and speaker is not None:
        return [speaker]  # "we" and "our staff" inside a quotation are its speaker
    if found is not None:
        return [found]
    if speaker is not None:
        return [speaker]
    quoted = _inside_quotation(sentence, start, end, memory)
    return [quoted or Attribution(AUTHOR, AUTHOR)]


def _one_body(a: str, b: str) -> bool:
    """"ministry" and "Health Ministry": a bare head word the other key ends in names the same body."""
    shorter, longer = sorted((a.lower(), b.lower()), key=len)
    return shorter != longer and " " not in shorter and longer.endswith(" " + shorter)


_STATEMENT_SAYS = re.compile(
    r"^\W*(?:The|This|That|Its|Their)\s+(?:[\w-]+\s+)?(?:statement|communiqu[eé])\s+(?:also\s+)?(?:said|says|added|stated|noted|claimed)\b"
)


def _statement_says(sentence: str, start: int, memory: MentionMemory) -> Attribution | None:
    """"The statement said that 212 ...": the body that issued the statement the text spoke of."""
    said = _STATEMENT_SAYS.match(sentence)
    if said is None or memory.issuer is None or said.end() > start:
        return None
    return Attribution(memory.issuer.name, entity_key(memory.issuer, memory), anchor=said.end())


def _inside_quotation(sentence: str, start: int, end: int, memory: MentionMemory) -> Attribution | None:
    """A quoted claim nobody outside the quotation makes ('Claim 1: "The health directorate has
    counted more than 4,000 dead."'): the speaker the quotation itself names."""
    for q_start, q_end in _quotations(sentence):
        if q_start <= start and end <= q_end:
            inner = sentence[q_start + 1 : q_end].rstrip("”\"")
            found = _speech_subject(inner, start - q_start - 1, end - q_start - 1, memory)
            if found is not None and found.claimant_key != AUTHOR:
                return replace(found, anchor=None)
    return None


def speaker_of(sentence: str, memory: MentionMemory) -> Attribution | None:
    """The speaker a sentence ending in "X said:" introduces for the quotation that follows."""
    colon = sentence.rstrip().rstrip("“\"").rstrip()
    if colon.endswith(":"):
        return _speech_subject(colon, len(colon), len(colon), memory) or _list_source(colon, memory)
    source = source_line(sentence)
    if source:  # "(Source: Ministry of Health unless otherwise stated)" above a list or table
        name = source.group("name").strip()
        return _make(name, memory, anchor=source.start("name")) if plausible_claimant(name) else None
    opened = re.search(r":\s*[“\"](?P<rest>[^”\"]*)$", sentence) if ":" in sentence else None
    if opened:  # 'X said: “... .' and the quotation runs on into the next sentences
        head = sentence[: opened.start() + 1]
        return _speech_subject(head, len(head), len(head), memory)
    return None


def publisher_of(sentence: str, memory: MentionMemory) -> Attribution | None:
    """The body a sentence says publishes a figure ("the number published every day by the
    ministry"), for a following "On Monday it stood at N"."""
    agent = _PASSIVE_AGENT.search(sentence) if " by " in sentence else None
    if agent is None:
        return None
    name = noun_phrase_after(sentence, agent.end())
    return _make(name, memory, anchor=None) if name and plausible_claimant(name) else None


def _list_source(colon: str, memory: MentionMemory) -> Attribution | None:
    """The source a line before a list or table names: "Casualties reported by the state health
    ministry, 2 - 4 May:", "According to X:", "The Service also gave an overview of the results:"."""
    agent = _PASSIVE_AGENT.search(colon) or _ACCORDING.search(colon)
    if agent:
        name = noun_phrase_after(colon, agent.end())
        return _make(name, memory, anchor=agent.end()) if name and plausible_claimant(name) else None
    owned = _OWNED_LIST.search(colon)  # "the White Shield's figures for the week were as follows:"
    if owned and plausible_claimant(owned.group("np")):
        return _make(_possessor(owned.group("np")), memory, anchor=owned.end())
    named = _NAMED_FIGURES.match(colon)  # "State Ministry of Health figures for 11 - 16 June, by location:"
    if named and plausible_claimant(named.group("np")):
        return _make(named.group("np"), memory, anchor=named.end("np"))
    gave = None
    for gave in _GAVE_LIST.finditer(colon):  # the main verb: "The report, published on X, gave the following breakdown:"
        pass
    if gave:
        subject = subject_before(colon, gave.start())
        if subject and not _FIRST_PERSON.match(subject):
            return _make(subject, memory, anchor=gave.end())
    subject = sentence_subject(colon)
    if subject is None or _FIRST_PERSON.match(subject[1]):
        return None
    return _make(subject[1], memory, anchor=subject[0])


_OWNED_LIST = re.compile(
    r"(?P<np>(?:[Tt]he\s+)?(?:[\w-]+\s+){0,4}?[\w-]+)['’]s?\s+(?:[\w-]+\s+)?(?:figures|breakdown|list|toll|tally|count|data|numbers|results)\b"
)
# A line naming the source of the list or table below it; the name ends before "unless
# otherwise stated", a comma ("Source: OCHA, based on ...") or the closing bracket.
SOURCE_LINE = re.compile(
    r"^\(?\s*(?:Sources?|Data|Figures)\s*:\s*(?P<name>[^(),;]+?)(?:\s+unless\s+otherwise\s+\w+)?\s*(?:[,;][^()]*)?\)?\.?$",
    re.IGNORECASE,
)
# A capitalised heading naming its source in brackets: "DEATHS BY GOVERNORATE (Ministry of Health)".
# "CASUALTIES BY LOCATION (Ministry of Health, as of 21 August)": the source, then its date.
HEADING_SOURCE = re.compile(r"^[^a-z()]{6,}\((?P<name>[A-Z][^(),]{2,60}?)(?:,\s*(?:as\s+(?:of|at)|updated|on)\s+[^()]{1,40})?\)\s*$")


def source_line(text: str) -> re.Match[str] | None:
    """A line that names the source of a list or table ("Source: X", "DEATHS BY DISTRICT (X)")."""
    return SOURCE_LINE.match(text.strip()) or HEADING_SOURCE.match(text.strip())


# A capitalised name used as a noun adjunct before "figures" on a line that opens a list.
_NAMED_FIGURES = re.compile(
    r"^(?P<np>(?:[Tt]he\s+)?[A-Z][\w’'-]*(?:\s+(?:of|for|and|[A-Z][\w’'-]*))*?\s+[A-Z][\w’'-]*)\s+"
    r"(?:figures|ﬁgures|data|numbers|statistics|tally|count)\b"
)
_GAVE_LIST = re.compile(r"\b(?:gave|gives|provided|provides|listed|lists|published|released|issued|offered|shared|presented|posted)\b")


def speaker_of_closing(sentence: str, close: int, memory: MentionMemory) -> Attribution | None:
    """The speaker named right after a quotation closes: '... of the body,” the minister said.'"""
    tail = sentence[close:]
    if not re.match(r"^\s*,?\s*\S", tail) or not SAID.search(tail[:80]):
        return None
    return _speech_subject(tail, 0, 0, memory)  # anchored in the tail


def speaker_after_quote(sentence: str, memory: MentionMemory) -> Attribution | None:
    """The speaker of a sentence that is a quotation attributed after it: '“...,” said X.'"""
    if sentence.lstrip()[:1] not in "“\"":
        return None
    found = re.match(r"^\s*[“\"][^”\"]+[”\"]\s*,?\s*(?P<tail>[^“\"]{3,120})$", sentence)
    if found is None or not SAID.search(found.group("tail")):
        return None
    tail_start = found.start("tail")
    return _speech_subject(sentence, tail_start, tail_start, memory)


def _according_to(sentence: str, start: int, end: int, memory: MentionMemory) -> Attribution | None:
    best = None
    for m in _ACCORDING.finditer(sentence):
        name = noun_phrase_after(sentence, m.end())
        if name and (best is None or abs(m.start() - start) < abs(best[0] - start)):
            best = (m.start(), name, m.end() + len(name))
    return _make(best[1], memory, anchor=best[2]) if best else None


def _speech_subject(sentence: str, start: int, end: int, memory: MentionMemory) -> Attribution | None:
    candidates = []
    quoted = [q for q in _quotations(sentence) if q[0] <= start and end <= q[1]]
    asides = [a for a in _relative_asides(sentence) if not a[0] <= start < a[1]] if "," in sentence else []
    for verb, subject in _verb_subjects(sentence, memory.subject):
        if any(q[0] <= verb.start() < q[1] for q in quoted):
            continue  # words inside the quotation are the speaker's, not the attribution
        if any(a <= verb.start() < b for a, b in asides):
            continue  # "X, whose candidate says she won the vote, put the toll at 31 and said 2,000 ...": X speaks
        if verb.start() >= end and _FIGURE_AHEAD.match(sentence[verb.end() :]):
            continue  # "..., while X says at least 800 ...": that verb has its own figure
        if verb.end() <= start and _NARRATION_AFTER.match(sentence[verb.end() : start]):
            continue  # "..., the Monitor said on Wednesday, as protests spread to 30 towns": narration
        if _sentence_opener(sentence, subject, memory):
            continue
        if verb.start() >= end and subject.lower() in _PRONOUNS and _FIGURE_THEN_PRONOUN.search(sentence[end : verb.start()]):
            continue  # "raised the toll to 37, double the 14 it had announced": that verb is the 14's
        if verb.end() <= start or verb.start() >= end:
            distance = start - verb.end() if verb.end() <= start else verb.start() - end + 15
            if verb.start() >= end and _NEW_CLAUSE.search(sentence[end : verb.start()]):
                distance += 60  # "the ministry said 31 were killed and 97 wounded, and warned that ...": a new clause
            candidates.append((distance, verb, subject))
    if not candidates:
        return None
    others = [c for c in candidates if not _FIRST_PERSON.match(c[2])]
    if others and len(others) < len(candidates):
        candidates = others  # "We have verified 208 deaths, the UN office said": the UN's claim
    _, verb, subject = _outer_speaker(sentence, min(candidates, key=lambda c: c[0]), candidates)
    subject = _same_sentence_subject(subject, verb.start(), memory)
    cached = memory.made.get((sentence, verb.start(), subject))
    if cached is not None:
        return cached
    attribution = _make(subject, memory.with_context(sentence[: verb.start()], exclude=subject), anchor=verb.end())
    if attribution is not None:
        attribution = _with_intermediary(sentence, verb, attribution, memory)
    memory.made[(sentence, verb.start(), subject)] = attribution
    return attribution


_PRONOUNS = {"it", "they", "he", "she"}
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|whose|which)\b[^,;:“”\"]*,\s+")


@lru_cache(maxsize=2048)
def _relative_asides(sentence: str) -> tuple[tuple[int, int], ...]:
    """Relative clauses set off before their subject's own speech verb ("X, whose candidate says
    she won, put the toll at 31"): a verb inside one speaks for no figure outside it (read once a
    sentence, as its verbs are)."""
    asides = []
    for aside in _RELATIVE_ASIDE.finditer(sentence):
        verb = _SPEECH.search(sentence, aside.end())
        if verb is not None and verb.start() == aside.end():
            asides.append(aside.span())
    return tuple(asides)
_COMPARED_BEFORE = re.compile(r"\b(?:than|from|with|versus|against)\s+(?:the|its|their)\s+$", re.IGNORECASE)
_FIGURE_THEN_PRONOUN = re.compile(rf"{DIGIT}[\d,.]*\s+(?:[\w-]+\s+){{0,2}}(?:it|they|he|she)\b[^,;“”\"]*$")
_NEW_CLAUSE = re.compile(r",\s+and\b|;")
_BY_AFTER = re.compile(r"\s+by\b")


@lru_cache(maxsize=2048)
def _verb_subjects(sentence: str, subject: tuple[int, str] | None) -> tuple[tuple[re.Match[str], str], ...]:
    """The speech verbs of a sentence with their subjects, whatever the figure (read once)."""
    found = []
    for verb in _SPEECH.finditer(sentence):
        if _is_noun(sentence, verb):
            continue  # "its final report", "New reports from the provinces": a noun, not a verb
        if _AUX_BEFORE.search(sentence[: verb.start()]) or _BY_AFTER.match(sentence, verb.end()):
            continue  # passive: "were reported killed", "announced by X"
        if verb.group().lower() == "saying":  # "X made this claim in an interview, saying that ...": the clause's subject
            who = subject[1] if subject and subject[0] < verb.start() and sentence[: verb.start()].rstrip().endswith(",") else None
        else:
            inverted = subject_after(sentence, verb) if _INVERSION.match(sentence, verb.end()) else None
            # "..., nine of them seriously, said Dr. Nay Lin Aung": a name right after the verb is its subject
            who = inverted or subject_before(sentence, verb.start()) or subject_after(sentence, verb) or _coordinated_subject(sentence, verb, subject)
        if who is None or _RECORD_SUBJECT.match(who.split(",")[0].strip()):
            continue  # "The report, released by X, lists ...": the document, not a claimant (X is, by the passive)
        found.append((verb, who))
    return tuple(found)


_INVERSION = re.compile(r"\s+(?:(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Maj|Capt|Lt|Sgt)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+\s*[,.;(]")
_OUTER_VERB = re.compile(r"^(?:said|says|told|tells|added|adds|stated|states|wrote|writes|insisted|insists|noted|explained|warned|believes|argued)$", re.IGNORECASE)
# between "X said" and the reported clause: a time or channel phrase, then "that" ("said last week that")
_COMPLEMENT_GAP = re.compile(r"^\s*(?:(?!that\b)[\w’'-]+\s+){0,5}?(?:that\s+)?$", re.IGNORECASE)


def _coordinated_subject(sentence: str, verb: re.Match[str], first: tuple[int, str] | None) -> str | None:
    """"MSF is supporting the hospital and reported treating 58 patients": the first verb's subject."""
    if first is None or not _COORDINATED.search(sentence[: verb.start()]):
        return None
    end, subject = first
    return subject if end < verb.start() else None


_COORDINATED = re.compile(r"\b(?:and|but)\s+(?:(?:also|later|then|has|have|had)\s+)?$")


def _same_sentence_subject(subject: str, verb_start: int, memory: MentionMemory) -> str:
    """"The junta has not published figures apart from the 18 it said had died": "it" is the
    sentence's subject when that comes before it; at the start of a sentence it looks back."""
    if memory.subject is None or not re.fullmatch(r"(?i)it|they|he|she", subject):
        return subject
    end, named = memory.subject
    if end >= verb_start - len(subject):
        return subject
    person = memory.cast.named(named)
    is_person = person is not None and person.kind == "person"
    if is_person != (subject.lower() in ("he", "she")):
        return subject
    return named


def _outer_speaker(sentence: str, nearest: tuple, candidates: list) -> tuple:
    """"Lauridsen said UN agencies had confirmed 61 deaths": the speaker of the sentence claims
    what he reports, so the outer "X said" wins over the verb nearest the figure."""
    _, verb, subject = nearest
    if verb.group().lower() in ("told", "tells") and re.match(r"\s+(?:her|him|them|us|me)\b", sentence[verb.end() :]):
        return nearest  # "X said that families had told her of ...": the families speak, through X
    inner = sentence.rfind(subject, 0, verb.start())
    for candidate in candidates:
        outer = candidate[1]
        if outer.end() <= inner and _OUTER_VERB.match(outer.group()) and _COMPLEMENT_GAP.match(sentence[outer.end() : inner]):
            return candidate
    return nearest


def _is_noun(sentence: str, verb: re.Match[str]) -> bool:
    if not _NOUN_OR_VERB.match(verb.group()) or sentence.startswith(" that ", verb.end()):
        return False  # "the hospital reports that 58 ...": a verb, whatever stands before it
    before = re.findall(r"[\w’'-]+", sentence[max(0, verb.start() - 40) : verb.start()])
    return bool(before) and before[-1].lower() in _NOUN_MARKERS


def _sentence_opener(sentence: str, subject: str, memory: MentionMemory) -> bool:
    """A lone capitalised function word opening the sentence ("New", "Further", "Then"): no agent."""
    if " " in subject or not subject[:1].isupper() or subject.isupper() or ANAPHOR.match(subject):
        return False
    if not sentence.lstrip(" “\"'").startswith(subject) or known_claimant(subject):
        return False
    if any(subject in name.split() for name in memory.names):
        return False
    word = subject.lower()
    return (word in _NOUN_MARKERS and word not in _NOUN_ADJUNCTS) or word in PREPOSITIONS or word in _OPENERS


def _unnamed(claimant: str) -> bool:
    """"three officials who spoke on condition of anonymity", "sources": no name given."""
    return bool(_UNNAMED_SOURCES.match(claimant.strip())) and not re.search(r"\b[A-Z]", claimant.strip()[1:])


def _with_intermediary(sentence: str, verb: re.Match[str], found: Attribution, memory: MentionMemory) -> Attribution:
    citing = _CITING.search(sentence)
    if citing and citing.end() < verb.start() and re.search(r",\s+and\s+(?:also\s+)?$", sentence[: verb.start()]):
        citing = None  # "X reported 58, citing Y, and said 20 were children": the second verb is X's own
    if citing and not _EVIDENCE.match(sentence[citing.end() :]):
        source = noun_phrase_after(sentence, citing.end())
        cited = _make(source, memory, anchor=found.anchor) if source else None
        if cited is not None:
            via = found.claimant.split(",")[0].strip()
            return Attribution(cited.claimant, cited.claimant_key, via, found.anchor)
    if verb.group().lower() in {"told", "tells"}:
        target = noun_phrase_after(sentence, verb.end())
        if target and not _NOT_SOURCES.match(target) and (re.search(r"[A-Z]", target) or _MEDIA.search(target)):
            return Attribution(found.claimant, found.claimant_key, target, found.anchor)
    quoted = re.match(r"\s*,?\s*(?:was\s+)?quoted\s+by\s+", sentence[verb.end() :])
    # "quoted Y as saying", "quoted Y, a member of X, as saying"
    quoting = re.search(r"\bquoted\s+(?P<source>[^,;:]+?)(?:,[^;:]{1,120}?,)?\s+as\s+saying\b", sentence)
    if quoting and quoting.start() <= verb.start():  # "X reported ..., and quoted Y as saying ...": Y's only after  # "IRNA quoted a police commander as saying ..." -> the commander, via IRNA
        source = _make(quoting.group("source"), memory, anchor=found.anchor)
        if source is not None:
            via = subject_before(sentence, quoting.start())
            return Attribution(source.claimant, source.claimant_key, via, found.anchor)
    interview = re.match(r"[^.;]{0,30}?\b(?:in\s+an\s+interview\s+with|speaking\s+to|talking\s+to)\s+", sentence[verb.end() :])
    for m in (quoted, interview):
        if m:
            target = noun_phrase_after(sentence, verb.end() + m.end())
            if target:
                return Attribution(found.claimant, found.claimant_key, target, found.anchor)
    return found


def _passive_agent(sentence: str, start: int, end: int, memory: MentionMemory) -> Attribution | None:
    for m in _PASSIVE_AGENT.finditer(sentence):
        between = sentence[end : m.start()] if m.start() >= end else sentence[m.end() : start]
        if m.start() >= end and (len(between) > 120 or not _AGENT_LINK.match(between)):
            continue
        name = noun_phrase_after(sentence, m.end())
        if name and plausible_claimant(name):
            return _make(name, memory, anchor=m.end() + len(name))
    return None


def _possessive(sentence: str, start: int, memory: MentionMemory) -> Attribution | None:
    m = _POSSESSIVE.search(sentence)
    if m and plausible_claimant(m.group("np")):
        return _make(m.group("np"), memory, anchor=m.end())
    by = _REPORT_BY.search(sentence)
    if by:
        name = noun_phrase_after(sentence, by.end())
        if name and plausible_claimant(name):
            return _make(name, memory, anchor=by.end() + len(name))
    return None


_SOURCE_BEFORE_FIGURE = re.compile(
    r"\((?P<source>[A-Za-z][^()\d]{1,60})\)\s*:?\s*(?:more\s+than\s+|over\s+|at\s+least\s+|about\s+)?$"
)
_SOURCE_AFTER_FIGURE = re.compile(r"[^()]{0,40}?\((?P<source>[A-Za-z][^()]{1,60})\)")
_SOURCE_ENDS_SENTENCE = re.compile(r"\((?P<source>[A-Z][^()]{1,60})\)[.;]?\s*$")


def _names_a_body(text: str) -> bool:
    """A bracketed source names a body: "(Amnesty International)", "(state ministry of health)", "(judiciary)"."""
    return bool(known_claimant(text) or _BODY_WORDS.search(text) or _BODY_WORDS_LOWER.fullmatch(text.strip()))


_BODY_WORDS_LOWER = re.compile(
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:ministry(?:\s+of\s+[\w\s]+)?|judiciary|police|army|military|government|authorities|council|"
    r"committee|office|agency|monitor|directorate|administration|service|commission|network|union|group|"
    r"defen[cs]e|crescent|cross|hospital|rescue|bureau|department|team|ombuds(?:man|woman|person))",
    re.IGNORECASE,
)


def _source_heading(sentence: str, start: int, memory: MentionMemory) -> Attribution | None:
    """"Hadrel Health Directorate (Sunday night): 38 dead, 112 wounded", "Front for Renewal: 31
    dead": a list of who says what, each line opening with the body that gives the figures (a
    transcript's speaker label, in capitals, is read elsewhere)."""
    found = _SOURCE_HEADING.match(sentence)
    if found is None or found.end() > start:
        return None
    name = found.group("name")
    words = name.split()
    plain = " ".join([words[0].lower(), *(w for w in words[1:] if not w[:1].isupper())])  # "Victims Documentation Centre" is a name
    if name.isupper() or _CASUALTY_WORD.search(plain) or not (_names_a_body(name) or memory.cast.named(name) is not None):
        return None  # "Civilians killed in Sabla: 450" is a label, not a source
    return _make(name, memory, anchor=found.end())


_SOURCE_HEADING = re.compile(
    r"^[-•*·–—]?\s*(?P<name>[A-Z][\w’'.&-]*(?:\s+[\w’'.&-]+){0,8}?)"
    r"(?:\s*\([^()]{1,60}\))?(?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?\s*:\s"
)
_CASUALTY_WORD = re.compile(
    r"(?i)\b(?:killed|dead|deaths?|injured|wounded|arrested|detained|captured|missing|executed|toll|number|total|civilians|people|"
    r"fighters|soldiers|members|combatants|prisoners|detainees|victims|children|women|men|casualties)\b"
)


def _label_source(sentence: str, start: int, memory: MentionMemory) -> Attribution | None:
    """"Civilians killed since 1 January (State Ministry of Health) 2,317": a label line's source
    in brackets just before its figure."""
    found = _SOURCE_BEFORE_FIGURE.search(sentence[:start])
    if found is None or not _names_a_body(found.group("source")):
        return None
    return _make(" ".join(found.group("source").split()), memory, anchor=found.end())


def _bracketed_source(sentence: str, end: int, memory: MentionMemory) -> Attribution | None:
    """"Death toll: at least 304 (Amnesty International)": a source named in brackets."""
    found = _SOURCE_AFTER_FIGURE.match(sentence[end:])
    if found is None:  # "Three health workers were killed ... on 5 December (WHO).": a sitrep's source
        found = _SOURCE_ENDS_SENTENCE.search(sentence, end)
        if found is None or not (known_claimant(found.group("source")) or memory.acronyms.get(found.group("source"))):
            return None
    if re.search(r"\d", found.group("source")):
        return None
    if not _names_a_body(found.group("source")):
        return None  # "(North Varda)" after a place is not a source
    return _make(found.group("source"), memory, anchor=end + found.end())


def _possessive_of_figure(sentence: str, start: int, end: int, memory: MentionMemory) -> Attribution | None:
    """"the regime's claim of 14", "the group's figure of 41": the owner claims the figure."""
    window = sentence[max(0, start - 120) : start]
    owned = "'" in window or "’" in window
    m = (_OWNED_FIGURE.search(sentence[max(0, start - 80) : start]) or _OWNED_STATED.search(window)) if owned else None
    bare = _OWNER_BEFORE.search(window) if owned and m is None else None
    if bare and (known_claimant(bare.group("np")) or memory.cast.named(bare.group("np")) is not None):
        return _make(bare.group("np"), memory, anchor=start)  # "against the Observatory's 440"
    if m is None:
        opening = _BY_ACCOUNT_OPENING.match(sentence)  # "By the directorate's count, 1,587 of the dead are children"
        if opening and opening.end() <= start and plausible_claimant(opening.group("np")):
            return _make(opening.group("np"), memory, anchor=opening.end())
        by = _BY_ACCOUNT.match(sentence[end : end + 100])  # "58 dead in Hamra, by the ministry's account"
        if by and plausible_claimant(by.group("np")):
            return _make(by.group("np"), memory, anchor=end + by.end())
        wide = sentence[max(0, start - 160) : start]
        claims_of = _CLAIMS_OF.search(wide) if " that " in wide else None  # "the claims of rights groups that ..."
        if claims_of is None or not plausible_claimant(claims_of.group("np")):
            return None
        return _make(claims_of.group("np"), memory, anchor=start)
    owner = _possessor(m.group("np"))
    if not owner:
        return None
    if not plausible_claimant(owner):
        return None
    return _make(owner, memory, anchor=start)


_OWNER_BEFORE = re.compile(r"(?P<np>(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,4}[A-Z][\w’'-]*)['’]s\s+(?:own\s+|latest\s+)?$")
_CLAIMS_OF = re.compile(
    r"\b(?:claims?|reports?|allegations?|assertions?|accounts?)\s+(?:of|by|from)\s+(?P<np>(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)"
    r"(?:\s+and\s+other\s+(?:[\w’'.-]+\s+){0,3}?[\w’'.-]+)?\s+that\s+[^,;:]{0,60}$",
    re.IGNORECASE,
)
# "X puts the toll at 655 and the junta at 171", "X counted 58 dead, the White Shield 64, and the
# Monitor 55": each later figure has its own claimant before it, and the verb is left out.
_ELIDED = re.compile(
    r"(?:,\s*(?:and\s+|while\s+|whereas\s+)?|\s+and\s+)(?P<np>(?:the\s+|a\s+|an\s+)?(?:[\w’'.-]+\s+){0,4}?[\w’'.-]+?)\s+(?:at\s+)?$"
)
_ELIDED_VERB = re.compile(r"\b(?:puts?|putting)\s+(?:the\s+|its\s+)?(?:death\s+)?(?:toll|number|figure|count)\s+at\b|\b(?:counted|counts|says|said|reported|reports|recorded|records|gives|gave)\b", re.IGNORECASE)


def _elided(sentence: str, start: int, memory: MentionMemory) -> Attribution | None:
    found = _ELIDED.search(sentence[:start])
    if found is None:
        return None
    name = found.group("np")
    earlier = sentence[: found.start()]
    if not _ELIDED_VERB.search(earlier) or not re.search(DIGIT, earlier):
        return None  # the pattern needs a figure with its verb before it
    named = plausible_claimant(name) or re.fullmatch(r"(?i)the\s+[a-z][\w-]+(?:\s+[a-z][\w-]+)?", name)  # "and the rebels at 900"
    if not named or _SPEECH.search(name) or re.search(r"\b(?:in|of|and|were|was|people|dead|killed|injured)\b", name):
        return None  # "4 in Deir Hamra", "children and": a list of figures, not of claimants
    return _make(name, memory, anchor=found.end())


def _possessor(phrase: str) -> str:
    """The owner in "far above the regime" -> "the regime"; "Veloria Rights Monitor" stays."""
    words = phrase.split()
    determiners = [i for i, w in enumerate(words) if w.lower() in {"the", "its", "their", "his", "her"}]
    if determiners:
        return " ".join(words[determiners[-1] :])
    capitals = []
    for word in reversed(words):
        if not word[:1].isupper():
            break
        capitals.insert(0, word)
    return " ".join(capitals) if capitals else words[-1]

_WE_OUR_US = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_WRITERS_SUM = re.compile(r"(?i)^(?:that|this|which)\s+(?:would|could|will|might)$")  # "That would put the number of dead at 18"


def _make(name: str, memory: MentionMemory, anchor: int | None) -> Attribution | None:
    name = name.strip(" ,.;:")
    if not name:
        return None
    if _OUR_COLLEAGUES.match(name):  # "Our colleagues at the UN Joint Human Rights Office": that office
        name = name.split(None, 1)[1]
    elif _FIRST_PERSON.match(name) or _THIS_PUBLICATION.match(name) or _WE_OUR_US.search(name) or _WRITERS_SUM.match(name):
        return Attribution(AUTHOR, AUTHOR, anchor=anchor)
    key = claimant_key(name, memory)
    if _NO_CLAIMANT.fullmatch(key):
        return None  # "March", "security", "which dozens of civilians": a parse, not someone who spoke
    return Attribution(name, key, anchor=anchor)


# Keys that name no one: a month or weekday, an adjective or bare noun left of a split phrase,
# a relative clause or list head taken for a subject.
_NO_CLAIMANT = re.compile(
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?:security|elected|local|regional|national|people|persons|following\s+\w+|which\s+.*|that\s+.*|there|here|results?)"
    r"|(?i:(?:\w+\s+)?(?:figures?|toll|count|tally|total|number|claim|post|rumou?r)s?)"
    # a clause, not a name: "who lost the election according to the", "first time the government"
    r"|(?i:(?:who|whom|whose)\s+.*|(?:the\s+)?first\s+time\b.*|.*\s(?:according\s+to|the|a|an|of|by|to|for))"
    # a fact-check's or report's own labels: "CLAIM:", "Verdict:", "A SECOND CLAIM:", "HIGHLIGHTS"
    r"|(?i:(?:a\s+)?(?:first|second|third)(?:\s+claim)?|claims?|verdict|rating|conclusion|highlights|summary|context|background|update|note)"
)


def _quotations(sentence: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks (curly or straight)."""
    if "“" not in sentence and '"' not in sentence:
        return []
    spans = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*(?:”|$)", sentence)]
    spans += [(m.start(), m.end()) for m in re.finditer(r'"[^"]*(?:"|$)', sentence)]
    return spans
