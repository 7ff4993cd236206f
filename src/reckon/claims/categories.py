"""What a figure counts: a casualty category (with subgroup) or a scope unit, or nothing.

A figure is a claim only when a casualty word binds to it — right after it ("1,500 people
were killed", "4,000 injured"), or as the verb or noun that governs it ("killing thousands",
"the death toll of 1,500") — or when it counts places or participants ("over 190 cities").
Everything else (sources, officials, banks burned, days, ages) is not a claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reckon.claims.figures import Figure
from reckon.claims.numbers import STANDALONE_NUMERAL, TENS, UNITS


@dataclass(frozen=True)
class Reading:
    """What one figure counts."""

    category: str
    unit: str | None = None
    subgroup: str | None = None
    continues_list: bool = False  # "at least 20 in A, 15 in B": 15 shares the list's qualifier
    place: str | None = None  # a label's or a table row's place
    whole_line: bool = False  # a label line or table row: the quote is the whole line
    source: str | None = None  # a table row's "Source" cell: the row's claimant


def _words(*items: str) -> str:
    return "|".join(items)


# Casualty words that may FOLLOW the figure ("300 killed", "300 people were arrested").
_AFTER = {
    "killed": _words(
        r"killed", r"dead", r"deaths?", r"died", r"die", r"slain", r"martyrs?", r"martyred",
        r"fatalities", r"murdered", r"shot\s+dead", r"lost\s+their\s+lives", r"killings",
        r"massacred", r"perished", r"bodies", r"victims\s+(?:killed|slaughtered)", r"slaughtered",
        r"gunned\s+down", r"shot\s+and\s+killed", r"were\s+shot", r"funerals", r"victims",
        r"graves", r"corpses", r"(?:had\s+|have\s+)?fallen", r"fell", r"eliminated", r"neutrali[sz]ed",
        r"succumbed", r"(?:was|were)\s+martyred", r"(?:sacrificed|gave|laid\s+down)\s+(?:their\s+lives|his\s+life|her\s+life)", r"lost\s+(?:his|her)\s+life",
        r"(?:ascended|rose)\s+to\s+(?:martyrdom|heaven)", r"attained\s+martyrdom",
        r"(?:registered|declared|confirmed|certified)\s+(?:as\s+)?dead",
        r"liquidated", r"put\s+out\s+of\s+action", r"buried(?!\s+(?:under|beneath|alive|in\s+the\s+rubble))",
    ),
    "injured": _words(
        r"injured", r"wounded", r"hurt", r"injuries", r"maimed", r"blinded", r"(?:gunshot\s+)?wounds",
        r"hospitali[sz]ed", r"treated\s+(?:in\s+hospital|for)", r"in\s+(?:critical|serious)\s+condition",
        r"sought\s+medical\s+(?:assistance|treatment|help|care)", r"(?:remain|remained|are|were)\s+(?:still\s+)?in\s+hospital",
        r"(?:lost|losing)\s+an\s+eye", r"with\s+(?:eye|head|gunshot|bullet|pellet)\s+(?:injuries|wounds|trauma)",
        r"(?:taken|admitted|rushed|brought)\s+to\s+(?:a\s+|the\s+)?hospitals?",
    ),
    "arrested": _words(
        r"arrested", r"arrests", r"detained", r"detentions", r"detainees", r"(?<!-)held", r"jailed",
        r"imprisoned", r"in\s+custody", r"taken\s+into\s+custody", r"rounded\s+up",
        r"apprehended", r"locked\s+up", r"behind\s+bars", r"captured", r"taken\s+prisoner",
        r"under\s+detention", r"in\s+detention",
    ),
    "missing": _words(
        r"missing", r"disappeared", r"vanished", r"unaccounted\s+for", r"disappearances",
        r"forcibly\s+disappeared", r"whereabouts\s+(?:are\s+|remain\s+)?unknown",
        r"(?:still\s+|remain\s+)?(?:buried\s+)?(?:under|beneath)\s+(?:the\s+)?(?:rubble|debris|ruins|collapsed\s+[\w-]+)",
        r"trapped(?!\s+(?:inside|in\s+(?:the\s+)?(?:city|town|enclave|area|camp|country|besieged|siege)))",
        r"(?:believed|feared|thought)\s+(?:to\s+be\s+)?(?:buried|trapped)",
        r"(?:taken|driven|moved|transferred)\s+(?:away\s+)?to\s+unknown\s+(?:places|locations|destinations)",
    ),
    "executed": _words(r"executed", r"executions", r"hanged", r"put\s+to\s+death"),
}
# Casualty words that may GOVERN the figure from the left ("killing 20", "death toll of 20").
_BEFORE = {
    "killed": _words(
        r"kill(?:ed|ing|s)?", r"slaughter(?:ed|ing)?", r"gunn?(?:ed|ing)?\s+down",
        r"shot\s+dead", r"murder(?:ed|ing)", r"massacr(?:ed|ing)", r"death\s+toll",
        r"toll", r"deaths\s+of", r"lives\s+of", r"number\s+of\s+(?:the\s+)?(?:dead|deaths|killed|victims|martyrs|fatalities)",
        r"bodies\s+of", r"killings\s+of", r"names\s+of(?:\s+the)?", r"buried", r"burying",
        r"funerals\s+(?:of|for)", r"dead\s+(?:include[sd]?|including|are|were|number(?:ed)?|comprised?|consisted\s+of)",
        r"eliminat(?:ed|ing)", r"neutrali[sz](?:ed|ing)", r"remains\s+of", r"death\s+of",
        r"(?:has|have|had)\s+lost", r"names\s+for", r"summarily\s+execut(?:ed|ing)", r"extrajudicially\s+execut(?:ed|ing)",
        r"(?:summary|extrajudicial)\s+executions?\s+of", r"liquidat(?:ed|ing)", r"put\s+out\s+of\s+action",
    ),
    "injured": _words(r"injur(?:ed|ing|es)", r"wound(?:ed|ing)", r"number\s+of\s+(?:the\s+)?(?:injured|wounded)"),
    "arrested": _words(
        r"arrest(?:ed|ing|s)?", r"detain(?:ed|ing|s)?", r"jail(?:ed|ing)", r"imprison(?:ed|ing)",
        r"round(?:ed|ing)\s+up", r"number\s+of\s+(?:the\s+)?(?:arrested|detained|detainees|arrests|detentions)",
        r"detentions?\s+of", r"arrests\s+of", r"captur(?:ed|ing)", r"(?:arbitrary\s+)?detention\s+of",
    ),
    "missing": _words(
        r"disappear(?:ed|ing)", r"number\s+of\s+(?:the\s+)?missing", r"(?:could|can)\s+not\s+(?:locate|find|trace)",
        r"(?:fate|whereabouts)(?:\s+and\s+(?:fate|whereabouts))?\s+of",
    ),
    "executed": _words(r"execut(?:ed|ing|es)", r"hang(?:ed|ing)", r"executions\s+of"),
}
_AFTER_RES = {cat: re.compile(rf"\b(?:{w})\b", re.IGNORECASE) for cat, w in _AFTER.items()}
_BEFORE_RE = re.compile(
    "|".join(rf"(?P<{cat}>\b(?:{w}))" for cat, w in _BEFORE.items()), re.IGNORECASE
)
_TOLL_LINK = (
    r"(?i:\s+(?:of|at|to|is|was|stands|stood|reached|rose|climbed|jumped|hit|has|had|have|been|"
    r"risen|now|put|the|to|as|least|more|than|over|about|some|nearly|almost|around|"
    r"approximately|up|high|many|people|persons|protesters|civilians|demonstrators|an|"
    r"estimated|least|another|further|additional|a|total|reportedly|allegedly|"
    r"from\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+|official|its|their|own|officially|included|includes|"
    r"including|among|them|since|already|further|again|yet|may|might|could|be|likely|well|actually|"
    r"probably|possibly|still|remains?|true|real|final|full|overall)|\s+in\s+[A-Z]\w+)*\s*$"
)

_UNITS = {
    "cities": r"cities|city|towns?|urban\s+centres|urban\s+centers",
    "provinces": r"provinces?|states|governorates|regions?",
    "areas": r"areas?|locations?|places|neighbou?rhoods|districts|points|localities",
    "villages": r"villages?",
    "counties": r"counties|municipalities",
    "universities": r"universities|campuses",
}
_UNIT_RE = re.compile(
    r"^\s+(?:of\s+)?(?:(?:the\s+)?(?:\w+(?:'s|’s)\s+)?(?:other|more|different|major|small|"
    r"large|separate|Iranian|[A-Z]\w+|\w+ian)\s+)?(?P<unit>"
    + "|".join(rf"(?P<{name}>{w})" for name, w in _UNITS.items())
    + r")\b",
)
_DAMAGE = re.compile(
    r"^[^.;]{0,40}\b(?:damaged|destroyed|burn(?:ed|t)|torched|looted|set\s+(?:on\s+)?(?:fire|ablaze)|vandali[sz]ed)",
    re.IGNORECASE,
)
_PEOPLE = (
    r"people|persons|protesters|protestors|demonstrators|civilians|individuals|citizens|men|"
    r"women|children|minors|kids|boys|girls|students|teenagers|teens|youths?|adolescents|"
    r"detainees|prisoners|victims|martyrs|heroes|others|more|residents|workers|journalists|activists|"
    r"members|officers|police(?:men)?|soldiers|troops|guards|personnel|rioters|villagers|"
    r"worshippers|bystanders|Kurds|Baluchis?|Arabs|of\s+them|of\s+whom|among\s+them|lives|"
    r"mourners|participants|marchers|strikers|farmers|pensioners|teachers|doctors|nurses|"
    r"lawyers|bloggers|dissidents|opponents|supporters|inmates|refugees|migrants|Basij\w*|"
    r"agents|conscripts|ringleaders|leaders|organi[sz]ers|agitators|thugs|hooligans|insurgents|"
    r"militants|terrorists|fighters|suspects|dissidents|Kurdish|Baluch|Arab|young|youngsters|those|"
    r"volunteers|medics|paramedics|rescuers|aid\s+workers|employees|patients|passers-by|person|man|woman|"
    r"child|boy|girl|soldier|civilian|resident|protester|worker|staff|colleagues|servicemen|militiamen|"
    r"detainee|prisoner|inmate|citizen|demonstrator|student|pupil|officer|policeman|policewoman|journalist|patient|victim|"
    r"drivers|shepherds|fishermen|labou?rers|miners|engineers|firefighters|reporters|photographers|clerics|priests|"
    r"monks|nuns|pilgrims|shoppers|passengers|pupils|schoolchildren|toddlers|pedestrians|traders|merchants|vendors|"
    r"shopkeepers|herders|peasants|displaced|elderly|member|mercenaries|rebels|gunmen|combatants|extremists|"
    r"saboteurs|looters|infiltrators|provocateurs|"
    r"jihadists|commanders|operatives|separatists|invaders|occupiers|bandits|criminals|recruits|cadres|attackers|assailants|"
    r"detainees|captives|prisoners|relatives|family\s+members|infants|babies|patients|(?-i:[A-Z][a-z]+(?:ans|is|ese|ites))"
)
_PARTICIPATE = re.compile(
    r"\b(?:took\s+to\s+the\s+streets|take\s+to\s+the\s+streets|took\s+part|taking\s+part|"
    r"joined|marched|rallied|protested|gathered|demonstrated|participated|turned\s+out|poured)",
    re.IGNORECASE,
)
_PARTICIPANTS_BEFORE = re.compile(r"\b(?:crowds?\s+of|attended\s+by|joined\s+by)\s*$", re.IGNORECASE)
_SUBGROUPS = [
    ("identified by name", re.compile(r"\b(?:names\s+of|named|identified\s+by\s+name|whose\s+names|identities\s+of)\b", re.I)),
    ("children", re.compile(r"\b(?:children|minors|kids|boys|girls|teenagers|teens|juveniles|under\s+(?:the\s+age\s+of\s+)?18|adolescents|schoolchildren)\b", re.I)),
    ("women", re.compile(r"\b(?:women|females)\b", re.I)),
    ("security forces", re.compile(r"\b(?:security\s+forces?|police(?:men)?|officers|soldiers|troops|guards|Basij\w*|personnel|agents|members\s+of\s+the\s+security)\b", re.I)),
    ("students", re.compile(r"\bstudents\b", re.I)),
    ("journalists", re.compile(r"\bjournalists\b", re.I)),
]
_SUBSET_BEFORE = re.compile(
    r"(?:\bincluding|\bamong\s+them|\bamong\s+whom|\bof\s+whom|\bof\s+them|\bamong\s+the\s+dead\s+were|\bamong\s+those)\s*(?:were\s+|are\s+)?(?:at\s+least\s+|some\s+|about\s+|over\s+)?$",
    re.IGNORECASE,
)
_SUBSET_OF_NAMED = re.compile(
    r"\b(?:of|among)\s+(?:those\s+|the\s+people\s+|the\s+(?:\w+\s+)?)?(?:who\s+(?:were\s+|have\s+been\s+)?)?"
    r"(?:(?P<killed>killed|dead|slain|victims|deaths|lost\s+their\s+lives|died)|"
    r"(?P<injured>injured|wounded)|(?P<arrested>arrested|detained|held)|(?P<missing>missing)|"
    r"(?P<executed>executed))\s*,?\s*(?:there\s+)?(?:were\s+|are\s+|was\s+|is\s+)?(?:also\s+)?(?:at\s+least\s+|some\s+|about\s+)?$",
    re.IGNORECASE,
)
PEOPLE_NOUNS = _PEOPLE  # for readers of a sentence's structure ("14 men and 3 women died")
_NOT_PEOPLE_AFTER = re.compile(
    r"^\s+(?:(?!(?:people|persons|civilians|men|women|children|died|killed|were|was|are|had|have|when|as|after|while|who|by|in|on|"
    r"bodies|corpses|dead)\b)[\w-]+\s+){0,3}?"  # "nine bodies from collapsed houses" are dead, not houses
    r"(?:sources|officials?\b|banks|buildings|vehicles|cars|shops|stores|stations|"
    r"bases|schools|houses|homes|mosques|seminaries|motorcycles|branches|offices|times|days|nights|"
    r"weeks|months|years|hours|minutes|kilomet\w*|km|miles|metres|meters|rounds|bullets|shots|"
    r"members\s+of\s+(?:the\s+)?(?:European|parliament|congress|the\s+european)|MPs|lawmakers|"
    r"parliamentarians|countries|nations|organi[sz]ations|groups|reports|articles|pages|"
    r"videos|photos|images|witnesses|interviews|cases\s+of|tanks|helicopters|riot\s+police|"
    r"security\s+forces\s+(?:were\s+)?deployed|rials|tomans|dollars|litres|liters|ambulances|trucks|lorries|"
    r"buses|aircraft|drones|missiles|rockets|shells|tents|(?:health\s+)?facilities|taken\s+(?:captive|hostage)|"
    r"held\s+hostage|hostages|rescued|were\s+rescued|evacuated|categories|types|kinds|phases|waves|stages|"
    r"ways|reasons|patterns|scenarios|(?:mass\s+)?graves|graveyards|cemeteries|beds|wards|operating\s+theatres)\b"
    # right after the number: "23 death certificates", "one eye", "thousands at funerals"
    r"|^\s+(?:(?:death\s+)?certificates|autopsy\s+reports|autopsies|testimonies|eyes?(?!\s+(?:injur|wound|trauma))|limbs?|legs?|hands?|fingers?|"
    r"at\s+(?:the\s+)?funerals?)\b",
    re.IGNORECASE,
)
_LIST_CONTINUES = re.compile(
    r"^[\w\s’'-]{0,60}(?:,[\w\s’'-]{0,40})?(?:,\s*and|,|\band|\bas\s+well\s+as)\s*$", re.IGNORECASE
)
_NOT_CASUALTIES = re.compile(
    r"\(\s*Correct(?:s|ed|ion)\b[^)]*\)|"  # "(Corrects number of injured in paragraph 2 to 27 from 72)"
    r"\b(?:sentenced\s+to\s+death|sentenc(?:ed|ing)\s+(?:[\w,-]+\s+){1,6}?to\s+death|death\s+sentences?|death\s+penalty|death\s+row|(?:under|awaiting)\s+(?:a\s+)?sentences?\s+of\s+death|"
    r"(?:could|may|might|will|would)\s+face\s+death|death\s+threats?|(?:killed|dead)\s+(?:or|and)\s+(?:wounded|injured)|"
    r"sentenced\s+to\s+death(?:\s+by\s+[\w\s]{1,40}?)?,\s+[\w-]+\s+of\s+(?:them|whom)\b)\b",
    re.IGNORECASE,
)
_WARRANTS_FOR = re.compile(r"\bwarrants?\s+(?:(?:had|have|has)\s+been\s+|were\s+|was\s+)?(?:issued|sought)\s+(?:for|against)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "120 others are under sentence of death": condemned, not dead (and not a list's next item)
_AWAITING_DEATH = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:are|were|is|remain|remains)\s+(?:now\s+|still\s+)?(?:under|awaiting|facing|on)\s+"
    r"(?:a\s+)?(?:sentences?\s+of\s+death|death\s+(?:sentences?|row)|execution)",
    re.IGNORECASE,
)
_NO_LONGER_HELD = re.compile(
    r"^[^.;]{0,30}\b(?:released|freed|pardoned|acquitted|let\s+go|returned\s+home|sentenced|"
    r"convicted|charged|indicted|tried|(?:gone|went)\s+home|discharged|left\s+(?:the\s+)?hospital|"
    r"(?:re)?appeared\s+(?:later|alive|again|in|at)|resurfaced|turned\s+up|found\s+alive|been\s+located|were\s+located)\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(
    r"^(\s*\w*\s*\w*),\s+(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them|"
    r"mostly|some\s+of\s+them|aged|both|all)(?:[^,;.]|[,.](?=\d)){0,60},",
    re.IGNORECASE,
)
# A count as written, in digits or in words ("the 12", "the seven").
COUNT = rf"(?:\d[\d,]*|{'|'.join(sorted((w for w in [*UNITS, *TENS] if w != 'zero'), key=len, reverse=True))})"
# "N of them", "N of whom", "three of the 18", "six of the seven": part of the figure before
_PART_OF = re.compile(rf"^\s+(?:of\s+(?:them|whom|these|those)\b|of\s+the\s+(?:[\d,]+\b|{COUNT}(?=\s+(?:were|are|was|had|have|died)\b))|of\s+(?:its|their|our)\s+(?:own\s+)?(?:staff|colleagues|members|personnel|employees|volunteers))", re.IGNORECASE)
_DIED_PREDICATE = re.compile(
    r"^[^.;]{0,60}?\b(?:had\s+|have\s+|has\s+|later\s+)*(?:died|succumbed|(?:were|was)\s+(?:later\s+|already\s+)?(?:killed|dead|found\s+dead|executed))\b",
    re.IGNORECASE,
)
_PREDICATE = re.compile(
    r"^[^.;]{0,40}?\b(?:were|are|was|is|had\s+been|have\s+been|has\s+been|remain)\s+(?:later\s+|also\s+|all\s+|still\s+)?"
    r"(?:(?P<killed>killed|dead|shot\s+dead|slain)|(?P<injured>wounded|injured|hurt)|(?P<arrested>detained|arrested|held)|"
    r"(?P<missing>missing|disappeared))\b",
    re.IGNORECASE,
)
# "N of the dead", "N of the injured": part of a named category (the injured who "died" are dead)
_PART_OF_NAMED = re.compile(
    r"^\)?\s+(?:more\s+|others?\s+)?of\s+(?:the|those)\s+(?:[\d,]+\s+)?(?:(?P<killed>dead|killed|victims|fatalities|martyrs)|(?P<injured>injured|wounded)|"
    r"(?P<arrested>detainees|detained|arrested|prisoners)|(?P<missing>missing))\b(?P<rest>[^.;]{0,60})",
    re.IGNORECASE,
)
_NUMBER_WORD = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|dozens|scores|hundreds)"
_LISTED_AFTER = re.compile(
    rf"^\s+[\w-]+(?:\s+[\w-]+)?(?:(?:,\s+|,?\s+and\s+){_NUMBER_WORD}\s+[\w-]+(?:\s+[\w-]+)?)+\s+"
    r"(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:(?P<killed>killed|dead)|(?P<injured>injured|wounded)|"
    r"(?P<arrested>detained|arrested)|(?P<missing>missing))\b",
    re.IGNORECASE,
)
# "11 children and nine women were among the dead": the list's category comes at its end
_AMONG_AFTER = re.compile(
    r"^\s+[\w-]+(?:\s+[\w-]+)?(?:(?:,\s+|,?\s+and\s+)(?!that\b|which\b|who\b)[\w-]+\s+[\w-]+(?:\s+[\w-]+)?)*\s+(?:were|are|was)\s+(?:also\s+)?"
    r"among\s+(?:the\s+)?(?:(?P<killed>dead|killed|victims|fatalities)|(?P<injured>injured|wounded)|"
    r"(?P<arrested>detained|arrested|detainees)|(?P<missing>missing))\b",
    re.IGNORECASE,
)
_SUBSET_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}(?:were|are|was)\s+(?:also\s+)?among\s+(?:them|the\s+dead|those|the\s+victims)"
    r"|^\s+(?:of\s+them\s+)?(?:were|are)\s+(?:all\s+)?(?:\w+\s+)?(?:children|minors|women|students|teenagers|"
    r"members\s+of|police|officers|soldiers|security|journalists|men|boys|girls)",
    re.IGNORECASE,
)
_ELLIPSIS_AFTER = re.compile(
    r"^\s*(?:$|(?:it|that|which|who|they|he|she|announced|reported|said|claimed|given|"
    r"cited|previously|earlier|initially|at\s+first)\b)",
    re.IGNORECASE,
)
_YEAR_LIKE = re.compile(r"^(?:19|20)\d\d$")
_PEOPLE_AND_PEOPLE = re.compile(
    rf"\s*(?:[\w-]+\s+)?(?:{_PEOPLE})\s+and\s+(?:their\s+|other\s+)?(?:{_PEOPLE})\s+(?:(?:were|are|have|has|had|been|also)\s+)*",
    re.IGNORECASE,
)


def read_figure(
    sentence: str,
    figure: Figure,
    previous: Reading | None,
    next_start: int,
    previous_end: int = 0,
    context: Reading | None = None,
) -> Reading | None:
    """What ``figure`` in ``sentence`` counts, or None when it is not a claim.

    ``previous`` is the reading of the claim figure before it in the sentence (subsets such as
    "including 13 women" and lists inherit its category); ``previous_end`` and ``next_start``
    bound the context looked at, so one figure's words are not read for another. ``context`` is
    the last claim read before this sentence: a total with no category of its own ("puts the
    number at 440", "higher than the 750 announced by Y") counts what that one counted.
    """
    text = _masked(sentence)
    number = text[figure.number_start : figure.number_end]
    right = _right_context(text, figure, next_start)
    left = _left_context(text, figure, previous_end)
    if _YEAR_LIKE.match(number) and not re.match(rf"^\s+(?:{_PEOPLE}|killed|dead|arrested|injured)\b", right, re.I):
        return None
    if _NOT_PEOPLE_AFTER.match(right) or _AWAITING_DEATH.match(sentence[figure.end : figure.end + 80]) or _WARRANTS_FOR.search(left):
        return None
    if previous_end and re.match(r"^\s*of\s+(?:the\s+|its\s+|\w+(?:'s|’s)\s+)*$", left):
        return None  # the total in "29 of the country's 31 provinces"
    unit = _scope_unit(text, figure, right)
    if unit and _TERRITORY.search(left):
        return None  # "recaptured 14 villages", "shelled 20 towns": places taken or hit, not reached
    if unit:
        if re.fullmatch(r"several|a\s+few|a\s+handful", number, re.IGNORECASE):
            return None  # "in several cities" says where, not how far: no figure to weigh
        return Reading("scope", unit=unit)
    subgroup = _subgroup(left[-25:], right)
    fate = _fate_unknown(left, text[figure.end : figure.end + 220])
    if fate is not None:
        return Reading(fate, subgroup=subgroup)
    if _FUNERALS_FOR.search(left):
        return Reading("killed", subgroup=subgroup)  # "funerals for at least 30 of the victims were held"
    own = _category_after(right)
    if _NO_LONGER_HELD.search(right) and not own:
        return None  # "145 of them had been charged", "640 have been released"
    part = _part_of(text[figure.end : figure.end + 160], previous) or _part_of_a_total(text[figure.end : figure.end + 160])
    if part is not None:
        return part
    among = _AMONG_THE_BEFORE.search(text[max(0, figure.start - 80) : figure.start])
    base = previous or context
    if among and own is None and re.match(r"(?i)among\s+\w+\s+(?:dead|victims|killed|martyrs|fallen)", among.group()):
        return Reading("killed", subgroup=subgroup or _subgroup("", right))  # "Among the dead there are also eleven women"
    if among and own is None and base is not None and base.category != "scope":  # "Among the 47 are at least five teenagers"
        return Reading(base.category, subgroup=subgroup or _subgroup("", right))
    wide_left = text[max(previous_end, figure.start - 120) : figure.start]
    borrowed = None if _NOT_A_TOLL.search(wide_left[-60:] + " " + right) else previous or context  # "displaced stood at"
    stated = _stated_total(wide_left, borrowed) if own is None else None
    if stated is not None:  # "put the toll at", "its count ... now stood at", "bringing the number ... to"
        return Reading(stated, subgroup=subgroup or (previous.subgroup if previous and stated == previous.category else None))
    if _REMAINS_OF.search(left):
        return Reading("killed", subgroup=subgroup)  # "the bodies of 6,700 detainees" are dead
    if _TREATED.search(left) and _WOUNDS.search(text[figure.end : figure.end + 80]):
        return Reading("injured", subgroup=subgroup)  # "treating 58 patients with gunshot injuries"
    if _FAMILY_SIZE.search(left) or _ATTENDED.search(left):
        return None  # "a mother of four"; "she has been to four funerals": a family, a witness's days, not a toll
    if own in (None, "arrested") and _TREATED_FOR.match(text[figure.end : figure.end + 160]):
        return Reading("injured", subgroup=subgroup)  # "97 people (11 detainees) ... had been treated in hospital for injuries"
    category = _labelled(text[max(0, figure.start - 30) : figure.start]) or own
    if category == "arrested" and _DIED_IN_CUSTODY.match(text[figure.end : figure.end + 160]):
        return Reading("killed", subgroup="died in custody")  # "two men detained in X on 28 February died in custody"
    if category == "executed" and _SUMMARY.search(text[max(0, figure.start - 40) : figure.start]):
        return Reading("killed", subgroup="summarily executed")  # killings, not death sentences carried out
    if category is None and _NO_LONGER_HELD.search(right):
        return None  # "450 have since been released": not a casualty count
    category = category or _category_before(left)
    if category == "executed" and _FORCES_EXECUTE.search(left):
        category = "killed"  # "soldiers executed at least 43 men": killings, not death sentences carried out
    if category == "killed" and (_SUMMARY.search(text[max(0, figure.start - 40) : figure.start]) or _FORCES_EXECUTE.search(left)
                                 or re.search(r"\b(?:summary|extrajudicial)\s+executions?\s+of\s+$", left, re.IGNORECASE)):
        subgroup = "summarily executed"
    continues = False
    if category is None:
        named = _SUBSET_OF_NAMED.search(left)
        if named:  # "Of those killed, nine were women"
            category = next(cat for cat, word in named.groupdict().items() if word)
    if category is None and previous is not None and previous.category != "scope":
        if _SUBSET_BEFORE.search(left) or _SUBSET_AFTER.match(right):
            category = previous.category
        elif _LIST_CONTINUES.match(left) or _ELLIPSIS_AFTER.match(right):
            category, continues = previous.category, True
    if category is not None and previous is not None and category == previous.category:
        continues = continues or bool(_LIST_CONTINUES.match(left) and not _SUBSET_BEFORE.search(left))
    if category is None and _FIGURE_OF.search(left) and borrowed is not None:
        base = borrowed  # "the figure of more than 400 civilians circulated by these outlets"
        if base.category != "scope":
            return Reading(base.category, subgroup=subgroup or base.subgroup)
    if category is None and re.match(r"^[^.;]{0,40},\s+whose\s+(?:fate|whereabouts)\b[^.;]{0,30}\bunknown", text[figure.end : figure.end + 110], re.I):
        return Reading("missing", subgroup=subgroup)  # "took away 11 other men, whose fate is unknown"
    if category is None and borrowed is not None and borrowed.category != "scope" and _REVISED_TO.search(left):
        return Reading(borrowed.category, subgroup=borrowed.subgroup)  # "reported as 298 dead, have been revised to 289"
    if category is None and borrowed is not None and _COMPARED.search(left) and _BARE_AFTER.match(right):
        base = borrowed  # "lower than the 750 announced in December", "up from 6,214 on Wednesday"
        if base.category != "scope":
            return Reading(base.category, subgroup=base.subgroup)
    if category is None:
        if _PARTICIPATE.search(right) or _PARTICIPANTS_BEFORE.search(left):
            return Reading("scope", unit="participants")
        return None
    return Reading(category, subgroup=subgroup, continues_list=continues)


_LABEL = re.compile(
    r"(?:(?P<killed>\b(?:killed|dead|deaths|death\s+toll|toll|fatalities))|(?P<injured>\b(?:injured|wounded))|"
    r"(?P<arrested>\b(?:arrested|detained|arrests|detentions))|(?P<missing>\bmissing)|"
    r"(?P<executed>\b(?:executed|executions)))\s*:\s*$",
    re.IGNORECASE,
)
_PEOPLE_LIST = re.compile(rf"\b({_PEOPLE})(?:,\s+|,?\s+and\s+)(?=(?!among\b|of\b|more\b|others\b)(?:{_PEOPLE})\b)", re.IGNORECASE)
# the same on lower-cased text (several times faster; capitalised demonyms other than those listed are left out)
_PEOPLE_LOWER = _PEOPLE.replace("|(?-i:[A-Z][a-z]+(?:ans|is|ese|ites))", "").lower()
_PEOPLE_LIST_LOWER = re.compile(rf"\b({_PEOPLE_LOWER})(?:,\s+|,?\s+and\s+)(?=(?!among\b|of\b|more\b|others\b)(?:{_PEOPLE_LOWER})\b)")
_SCOPE_ASIDE = re.compile(
    r"^(\s+[\w-]+)\s+(?:in|across)\s+(?:more\s+than\s+|over\s+|at\s+least\s+|some\s+)?[\d,]+\s+"
    r"(?:cities|towns|provinces|areas|locations|villages|districts)\b"
)


@lru_cache(maxsize=256)
def _masked(sentence: str) -> str:
    """The sentence with what is never a casualty figure blanked out (read once per sentence)."""
    return _NOT_CASUALTIES.sub(lambda m: "_" * len(m.group()), sentence)

# The context readers' patterns, compiled once (they run for every figure).
_PEOPLE_WORD = re.compile(rf"\b(?:{_PEOPLE})\b", re.IGNORECASE)
_NAMED_AFTER = re.compile(r"^\s*(?:named|identified)", re.I)
_OPENING_MARK = re.compile(r"^[”\"’')]|^\s*\(\d[\d,]*\)")
_QUOTE_OPENED = re.compile(r"[“\"‘]\s*$")
_QUOTED_WORDS = re.compile(r"[“\"‘']([\w-]+(?:\s[\w-]+)?)[.,]?[”\"’']")
_RIGHT_BREAK = re.compile(r"[;:!?()\[\]“”\"]|\.(?:\s|$)|,\s")
_OPEN_AT_END = re.compile(r"[“\"‘(]\s*$")
_QUOTE_OPEN_BEFORE = re.compile(r"(\s)[“\"‘]([^“”\"]{0,40})$")
_LEFT_BREAK = re.compile(r"[;:!?()\[\]“”\"]|\.\s|\d[^\s\d,.]*\s")


def _right_context(text: str, figure: Figure, next_start: int) -> str:
    wide = text[figure.end : figure.end + 120]
    wide = _OPENING_MARK.sub("", wide)  # '"about 7,000" had been detained', "(612) people", "nine (9) were"
    if _QUOTE_OPENED.search(text[max(0, figure.start - 2) : figure.start]):  # 'killed "dozens of rebels" in'
        wide = re.sub(r"^([^“”\"]{0,60})[”\"’]", r"\1", wide)
    wide = _QUOTED_WORDS.sub(r" \1 ", wide)
    if "," in wide or " and " in wide:
        wide = _people_list_collapsed(wide)  # "304 men, women and children were killed"
    without_aside = _SCOPE_ASIDE.sub(r"\1", _ASIDE.sub(r"\1", wide))  # "45 people, including six children, were killed"
    right = without_aside if without_aside != wide else wide[: max(0, next_start - figure.end)]
    return _RIGHT_BREAK.split(right, maxsplit=1)[0]


def _people_list_collapsed(text: str) -> str:
    """"men, women and children" read as "men " (matched on lower-cased text, spans kept)."""
    lower = text.lower()
    if len(lower) != len(text):
        return _PEOPLE_LIST.sub(r"\1 ", text)
    pieces, last = [], 0
    for m in _PEOPLE_LIST_LOWER.finditer(lower):
        pieces.append(text[last : m.end(1)] + " ")
        last = m.end()
    return "".join(pieces) + text[last:] if pieces else text


_NOT_A_TOLL = re.compile(
    r"\b(?:displaced|fled|homeless|evacuated|refugees|deported|returned|rescued|released|sheltering|"
    r"houses|homes|buildings|schools|hospitals|facilities|trucks|vehicles|cases|infections|surgeries|tonnes|"
    r"attacks|strikes|raids|percent|per\s+cent)\b",
    re.IGNORECASE,
)
_SUMMARY = re.compile(r"\b(?:summarily|extrajudicially)\s+execut\w*\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?$", re.IGNORECASE)
_DIED_IN_CUSTODY = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:detainees|prisoners|detained|arrested|held)\b[^.;]{0,100}?\b(?:have\s+|had\s+|has\s+)?"
    r"(?:died|were\s+killed|were\s+found\s+dead)\b",
    re.IGNORECASE,
)
_FIGURE_OF = re.compile(r"\b(?:figure|tally|count|estimate)\s+of\s+(?:only\s+|just\s+)?$", re.IGNORECASE)
_COMPARED = re.compile(
    r"\b(?:than|from|with|versus|vs\.?|against|compared\s+to|up\s+from|down\s+from)\s+(?:the\s+|its\s+|their\s+|an?\s+)?"
    r"(?:[\w’'-]+['’]s?\s+){0,2}?(?:(?:official|earlier|previous|initial|own)\s+)?(?:(?:figure|toll|count|estimate)\s+of\s+)?$",
    re.IGNORECASE,
)
# After an earlier figure: "up from 6,214 on Wednesday", "up from 51 this morning", "risen from 29 last Sunday".
_BARE_AFTER = re.compile(
    r"^\s*(?:$|[,.;)]|(?:announced|reported|given|published|claimed|it|they|on|in|by|a\s+day|the\s+day|this|last|yesterday|"
    r"earlier|previously|at\s+the\s+(?:start|end|beginning)|a\s+week)\b)",
    re.IGNORECASE,
)
_REMAINS_OF = re.compile(
    r"\b(?:bodies|remains|corpses|deaths|killings?|funerals|graves)\s+of\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|over\s+)?$",
    re.IGNORECASE,
)
_ATTENDED = re.compile(r"\b(?:been\s+to|attended|gone\s+to|went\s+to)\s+$", re.IGNORECASE)
_FAMILY_SIZE = re.compile(r"\b(?:mother|father|parent|grandmother|grandfather)\s+of\s+$", re.IGNORECASE)
_TREATED_FOR = re.compile(
    r"^[^.;]{0,90}?\b(?:had\s+been|have\s+been|has\s+been|were|was|are)\s+(?:treated|admitted)\s+(?:in\s+hospitals?\s+|to\s+hospitals?\s+)?"
    r"for\s+(?:\w+\s+)?(?:injuries|wounds)", re.IGNORECASE)
_TREATED = re.compile(r"\btreat(?:ed|ing|s)?\s+(?:at\s+least\s+|more\s+than\s+|over\s+|some\s+|about\s+|nearly\s+)?$", re.IGNORECASE)
_WOUNDS = re.compile(r"\b(?:injur\w*|wound\w*|gunshot|burns?|shrapnel|blast|trauma)\b", re.IGNORECASE)
_TERRITORY = re.compile(
    r"\b(?:recaptured|captured|seized|took|retook|liberated|shelled|struck|bombed|hit|destroyed|overran|controls?|"
    r"controlled|besieged|razed)\s+(?:at\s+least\s+|more\s+than\s+|over\s+|some\s+|about\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_TOTAL_NOUN = r"(?:death\s+)?(?:toll|count|tally|total|number|figure|estimate)s?"
# "put the (civilian) toll ... at N", "gave the number as N", "raises/brings the toll to N"
_FUNERALS_FOR = re.compile(r"\bfunerals?\s+(?:for|of)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|the\s+)?$", re.IGNORECASE)
# "revised", "raised upwards", "corrected by the ministry": a total changed, before its "to N"
_REVISED = r"(?:revised|raised|lowered|updated|corrected|reduced)(?:\s+(?:upwards?|downwards?|up|down))?(?:\s+by\s+[^,;:.\d]{1,40}?)?"
_REVISED_TO = re.compile(rf"\b{_REVISED}\s+to\s+$", re.IGNORECASE)
_PUT_AT = re.compile(
    rf"\b(?:put|puts|putting|placed|places|gave|gives|giving|set|sets|raises?|raised|raising|brings?|bringing|"
    rf"brought|takes?|took|taking|push(?:es|ed|ing)?|lift(?:s|ed|ing)?|revis(?:es|ed|ing))\s+(?:(?:the|its|their|his|her|a)\s+)?"
    rf"(?P<what>(?:[^,;:.]{{0,40}}?\s+)?(?:{_TOTAL_NOUN}|dead|wounded|injured)\b[^;:.]{{0,80}}?)\s+(?:at|as|to)\s+(?:only\s+|just\s+)?$",
    re.IGNORECASE,
)
# "its count of people killed ... now stood at N", "the death toll has risen to N", "the toll had passed N"
_STOOD_AT = re.compile(
    rf"\b(?P<what>{_TOTAL_NOUN}\b[^;:.]{{0,90}}?)\s+(?:now\s+|had\s+|has\s+|have\s+|already\s+|been\s+|was\s+|were\s+|later\s+)*"
    rf"(?:stood|stands|stand|was|is|rose|rises|risen|climbed|climbs|reached|reaches|jumped|passed|topped|hit|"
    rf"exceeded|neared|nears|increased|grew|grown|"
    rf"{_REVISED}(?=\s+to\s))"  # "was revised by the ministry to"
    rf"(?:\s+from\s+[\d,]+(?:\s+[\w-]+){{0,3}}?(?=\s+to\s))?"  # "has risen from 29 last Sunday to"
    rf"(?:\s+(?:at|to))?\s+(?:only\s+|just\s+)?$",
    re.IGNORECASE,
)


_FAMILIES_OF = re.compile(
    r"\b(?:families|relatives|parents|loved\s+ones)\s+of\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|over\s+|the\s+)?$",
    re.IGNORECASE,
)
_NOT_KNOWN = (
    r"\b(?:do(?:es)?\s+not|don['’]t|did\s+not|(?:have|has|had)\s+(?:not|never)\s+been\s+told|were\s+(?:not|never)\s+told|(?:have|has)\s+no\s+(?:news|word|information)|"
    r"(?:have\s+|has\s+)?heard\s+nothing|know\s+nothing|received\s+no\s+news|(?:had\s+been|have\s+been|has\s+been|were|are|was|is)\s+unable\s+to\s+(?:find\s+out|learn|locate|trace)|"
    r"(?:have|has|had)\s+not\s+heard\s+from)\b"
)
# Said of the people counted, these need nothing after them: "had received no news at all", "had not been
# able to find them", "have been given no word of where they are", "driven away to an unknown destination"
_NO_NEWS = (
    r"\b(?:(?:have|has|had)\s+(?:received|had|been\s+given)\s+no\s+(?:official\s+|further\s+)?(?:news|word|information)|"
    r"(?:without|with\s+no)\s+(?:any\s+)?news|"
    r"(?:have|has|had)\s+(?:not\s+been\s+able|been\s+unable)\s+to\s+(?:find|locate|reach|trace|contact)\s+(?:them|him|her)|"
    r"to\s+(?:an\s+unknown\s+(?:destination|location|place)|unknown\s+(?:destinations|locations|places))|"
    r"(?:their|whose)\s+(?:fate|whereabouts)(?:\s+and\s+(?:fate|whereabouts))?\s+(?:remains?|is|are|were|was)\s+(?:still\s+)?unknown|"
    r"(?:we|they|families|relatives)\s+(?:still\s+)?(?:do(?:es)?\s+not|don['’]t)\s+know\s+where\s+(?:they|he|she)\s+(?:are|is)|"
    r"have\s+vanished|(?:were|was|have\s+been|had\s+been)\s+disappeared)\b"
)
_NO_NEWS_AFTER = re.compile(rf"^[^.;]{{0,160}}?{_NO_NEWS}", re.IGNORECASE)
_NOT_KNOWN_WHERE = re.compile(rf"^[^.;]{{0,120}}?{_NOT_KNOWN}[^.;]{{0,40}}?\b(?:where|whereabouts|fate|since|of\s+them|about\s+them)\b", re.IGNORECASE)
_CASES_UNKNOWN = re.compile(
    rf"^\s+cases\s+(?:in\s+which|where|of\s+people\s+whose)\b[^.;]{{0,60}}?{_NOT_KNOWN}[^.;]{{0,40}}?\bwhere\b|"
    r"^\s+cases\s+(?:that|which)\s+(?:may\s+|could\s+|might\s+)?(?:amount\s+to|constitute)\s+(?:enforced\s+)?disappearances?\b",
    re.IGNORECASE,
)
# "in 870 of those cases the families have no information on where ...": cases of them, fate unknown
_OF_CASES_UNKNOWN = re.compile(rf"^\s+of\s+(?:those|these|the|them|its)\s+cases\b[^.;]{{0,60}}?{_NOT_KNOWN}[^.;]{{0,40}}?\bwhere\b", re.IGNORECASE)
# "At least 260 of them remain unaccounted for"
_UNACCOUNTED = re.compile(r"^[^.;,]{0,40}?\b(?:remain|remained|remains|are|were|is|was)\s+(?:still\s+)?unaccounted\s+for\b", re.IGNORECASE)
_THEIR_FAMILIES = re.compile(
    rf"^[^.;]{{0,140}}?(?:,?\s+and\s+their|\s+whose)\s+(?:families|relatives)\s+(?:{_NOT_KNOWN[2:]})[^.;]{{0,20}}?\b(?:where|since|fate|whereabouts|of\s+them)\b",
    re.IGNORECASE,
)
# "at least 19 people who were last seen at the protests have not been heard from since"
_NOT_HEARD_FROM = re.compile(
    r"^[^.;,]{0,100}?\b(?:have|has|had)\s+not\s+been\s+(?:heard\s+from|seen|seen\s+or\s+heard\s+from)\s+(?:since|again)\b", re.IGNORECASE
)
_NOT_LOCATED = re.compile(r"\b(?:could|can|have|has|had)\s+not\s+(?:been\s+able\s+to\s+)?(?:locate|find|trace)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?$", re.IGNORECASE)
_LOST_TRACK_OF = re.compile(r"\blost\s+(?:all\s+)?(?:track|trace|contact)\s+(?:of|with)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?$", re.IGNORECASE)
_WHEREABOUTS_OF = re.compile(
    r"\b(?:fate|whereabouts)(?:\s+and\s+(?:fate|whereabouts))?\s+of\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|over\s+)?$",
    re.IGNORECASE,
)
_DECLARED_DEAD = re.compile(
    r"^[^.;]{0,80}?\b(?:have|has|had)\s+been\s+(?:registered|declared|confirmed|certified|found)\s+(?:as\s+)?dead\b", re.IGNORECASE
)
_FORCES_EXECUTE = re.compile(
    r"\b(?:soldiers|troops|forces|militia(?:men)?|militias|fighters|gunmen|police(?:men)?|guards|paramilitar\w+|rebels|insurgents)\s+"
    r"(?:had\s+|have\s+|also\s+|then\s+|reportedly\s+)*execut\w*\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|over\s+)?$",
    re.IGNORECASE,
)


_FIGURE_BETWEEN = re.compile(rf"^[^.;]*?{STANDALONE_NUMERAL.pattern}[^.;]*?{_NO_NEWS}", re.IGNORECASE)  # another figure is nearer


def _fate_unknown(left: str, after: str) -> str | None:
    """People whose fate is unknown are missing: "Relatives of at least 85 detainees do not know
    where they are", "420 cases where the family does not know where their relative is held",
    "30 men were taken ..., and their families have heard nothing since", "the whereabouts of 61
    of those detained". People "registered as dead" after they disappeared are dead."""
    if _WHEREABOUTS_OF.search(left) or _LOST_TRACK_OF.search(left) or _NOT_LOCATED.search(left):
        return "missing"
    if _FAMILIES_OF.search(left) and (_NOT_KNOWN_WHERE.match(after) or _NO_NEWS_AFTER.match(after)):
        return "missing"
    if _NO_NEWS_AFTER.match(after) and not _FIGURE_BETWEEN.match(after):
        return "missing"  # "1,100 young men had been rounded up and driven away to an unknown destination"
    families = _THEIR_FAMILIES.match(after)
    if families and STANDALONE_NUMERAL.search(after, 0, families.end()):
        families = None  # "14 of the 15 had been shot, and ... seven people whose families had not heard": the seven
    if (_CASES_UNKNOWN.match(after) or families or _OF_CASES_UNKNOWN.match(after) or _UNACCOUNTED.match(after)
            or _NOT_HEARD_FROM.match(after)):
        return "missing"
    if _DECLARED_DEAD.match(after):
        return "killed"
    return None


def _stated_total(left: str, previous: Reading | None) -> str | None:
    """The category of a total stated with its own verb ("put the toll at 500"), else None."""
    found = _PUT_AT.search(left) or _STOOD_AT.search(left)
    if found is None:
        return None
    what = found.group("what")
    named = _category_before(what + " ") or _category_after(" " + what)
    if named is None:
        words = re.findall(r"[\w-]+", what.lower())
        named = next((cat for word in words for cat, pattern in _AFTER_RES.items() if pattern.fullmatch(word)), None)
    if named is not None:
        return named
    if re.search(r"\b(?:toll|dead|deaths?)\b", what, re.IGNORECASE):
        return "killed"
    return previous.category if previous is not None and previous.category != "scope" else None


# "212 of the 4,600 miners had been detained", "22 of its 300 staff were killed": the part is the claim
_OF_THE_DEATHS = re.compile(r"^\s+of\s+(?:the|these|those)\s+(?:deaths|dead|killings|fatalities)\b", re.IGNORECASE)
_OF_A_TOTAL = re.compile(
    r"^\s+of\s+(?:the|its|their|our|his|her|these|those)\s+(?:own\s+)?\d[\d,]*\s+(?P<who>(?:[\w-]+\s+){0,2}?)(?P<rest>(?:had|have|has|were|was|are|is|remain)\b[^.;]{0,60})",
    re.IGNORECASE,
)


def _part_of_a_total(after: str) -> Reading | None:
    if _OF_THE_DEATHS.match(after):
        return Reading("killed")  # "it had verified 12 of the deaths": part of a toll, counted by the verifier
    total = _OF_A_TOTAL.match(after)
    if total is None:
        return None
    who = total.group("who").strip() or None
    if _DIED_PREDICATE.match(total.group("rest")):
        return Reading("killed", subgroup=who)
    stated = _PREDICATE.match(total.group("rest"))
    if stated is None:
        named = _category_after(" " + who) if who else None  # "96 of the 640 people arrested were minors"
        return Reading(named, subgroup=subgroup_of(total.group("rest"))) if named else None
    return Reading(next(cat for cat in ("killed", "injured", "arrested", "missing") if stated.group(cat)), subgroup=who)


def _part_of(after: str, previous: Reading | None) -> Reading | None:
    """A figure that counts part of another: "14 of them children", "Seven of the injured had
    died", "41 of the dead were journalists", "11 children and nine women were among the dead"."""
    named = _PART_OF_NAMED.match(after)
    if named:
        category = next(cat for cat in ("killed", "injured", "arrested", "missing") if named.group(cat))
        rest = named.group("rest")
        if category == "injured" and re.search(r"\b(?:died|dead|succumbed)\b", rest, re.IGNORECASE):
            return Reading("killed", subgroup="died of wounds")
        stated = _PREDICATE.match(rest)  # "19 of the prisoners were wounded"
        if stated:
            category = next(cat for cat in ("killed", "injured", "arrested", "missing") if stated.group(cat))
        return Reading(category, subgroup=_subgroup("", re.sub(r"^.*?\b(?:were|are|was)\b", "", rest)) if re.search(r"\b(?:were|are)\b", rest) else None)
    among = _AMONG_AFTER.match(after)
    if among:
        category = next(cat for cat in ("killed", "injured", "arrested", "missing") if among.group(cat))
        return Reading(category, subgroup=_subgroup("", re.split(r",|\band\b", after, maxsplit=1)[0]))
    if previous is not None and previous.category != "scope" and _PART_OF.match(after):
        rest = _PART_OF.sub("", after)
        if _DIED_PREDICATE.match(rest):  # "one of whom later succumbed to his injuries"
            return Reading("killed", subgroup="died of wounds" if previous.category == "injured" else None)
        stated = _PREDICATE.match(rest)
        if stated and stated.group("missing"):  # "1,100 were arrested ... 23 of them remain missing"
            return Reading("missing")
        return Reading(previous.category, subgroup=_subgroup("", re.sub(r"^\s*(?:were|are|was)\b", "", rest)))
    listed = _LISTED_AFTER.match(after)
    if listed and not _category_after(re.split(r",|\band\b", after, maxsplit=1)[0]):  # "11 patients and two nurses killed", "412 civilians, 503 fighters and 289 soldiers were killed"
        return Reading(next(cat for cat in ("killed", "injured", "arrested", "missing") if listed.group(cat)))
    return None


def _labelled(before: str) -> str | None:
    """The category a label gives: "killed: 1,500; injured: 4,000", "Death toll: 304"."""
    found = _LABEL.search(before)
    return found.lastgroup if found else None


def _left_context(sentence: str, figure: Figure, previous_end: int) -> str:
    left = sentence[max(previous_end, figure.start - 80) : figure.start]
    left = _OPEN_AT_END.sub("", left)  # 'had "eliminated more than 2,000 rebels"', "(612) people"
    left = _QUOTE_OPEN_BEFORE.sub(r"\1\2", left)  # 'having "eliminated more than'
    return _LEFT_BREAK.split(left)[-1]


# "Among the 47 are", "Among the 6,388 on our list are ... and": a part of a total counted before
_AMONG_THE_BEFORE = re.compile(
    r"\bamong\s+(?:the|those|these)\s+(?:[\d,]+|dead|victims|killed|martyrs|fallen)\b[^.;]{0,30}?\s(?:are|were|is|was)\s+(?:also\s+)?"
    r"(?:at\s+least\s+|more\s+than\s+|over\s+|about\s+|[\d,]+\s+[\w-]+\s+and\s+)?$",
    re.IGNORECASE,
)
_FATE_OF_HELD = re.compile(
    r"^[^,;.]{0,40}?\b(?:held|detained|arrested|captured|abducted)\b[^,;.]{0,60}?\b(?:were|was|have\s+been|had\s+been|has\s+been)\s+"
    r"(?:later\s+|subsequently\s+|reportedly\s+|then\s+|also\s+)?(?P<fate>executed|killed|shot\s+dead|tortured\s+to\s+death)\b",
    re.IGNORECASE,
)


def _category_after(right: str) -> str | None:
    best: tuple[int, str] | None = None
    window = " ".join(right.split()[:10])  # "(17) members of the security forces have lost their lives"
    for category, pattern in _AFTER_RES.items():
        found = pattern.search(window)
        if found and (best is None or found.start() < best[0]):
            best = (found.start(), category)
    if best is None:
        return None
    if best[1] == "arrested":  # "four people held in connection with X were executed": what befell the held
        fate = _FATE_OF_HELD.match(" ".join(right.split()[:16]))
        if fate:
            return "executed" if fate.group("fate").lower().startswith("execut") else "killed"
    # a category word far away must be reached through people words, not another noun phrase
    head = window[: best[0]]
    if re.search(r"\b(?:or|but|while|whereas|when|after|before|because|until)\b|,", head, re.IGNORECASE) or (
        re.search(r"\band\b", head, re.IGNORECASE) and not _PEOPLE_AND_PEOPLE.fullmatch(head)
    ):
        return None  # "2,240 terrorists and their supporters have been arrested" is one group
    if len(head.split()) > 1 and not _PEOPLE_WORD.search(head):
        if not re.match(r"^\s*(?:were|was|have|has|had|been|are|is|reportedly|also|more|being|still|now|later|remain|\s)+$", head, re.I):
            return None
    return best[1]


def _category_before(left: str) -> str | None:
    found = None
    for found in _BEFORE_RE.finditer(left):
        pass
    if found is None:
        return None
    gap = left[found.end() :]
    is_toll = bool(re.search(r"toll|number", found.group(), re.I))
    if len(gap.split()) > (9 if is_toll else 5) or ("," in gap and not is_toll):
        return None
    if found.lastgroup == "killed" and re.search(r"toll|number|lives|deaths|bodies|killings|names", found.group(), re.I):
        if not re.match(_TOLL_LINK, gap):
            return None
    return found.lastgroup


def _scope_unit(sentence: str, figure: Figure, right: str) -> str | None:
    found = _UNIT_RE.match(right)
    if found is None:  # "29 of the country's 31 provinces"
        total = re.match(r"^\s+of\s+(?:the\s+|its\s+|\w+(?:'s|’s)\s+)*\d+", sentence[figure.end :])
        if total:
            found = _UNIT_RE.match(sentence[figure.end + total.end() :])
    if found is None or _DAMAGE.match(sentence[figure.end + found.end() :][:60]):
        return None
    return next(name for name in _UNITS if found.group(name))


def subgroup_of(noun_phrase: str) -> str | None:
    """The subgroup a figure's own noun names ("men", "women", "children"), if any."""
    return _subgroup("", noun_phrase)


def _subgroup(left: str, right: str) -> str | None:
    noun_phrase = " ".join(right.split()[:4])
    named = [name for name, pattern in _SUBGROUPS[1:] if pattern.search(noun_phrase)]
    if len(named) > 1:
        return None  # "men, women and children": everyone, not a subset
    for name, pattern in _SUBGROUPS:
        if name == "identified by name":
            if pattern.search(left) or _NAMED_AFTER.match(right):
                return name
        elif pattern.search(noun_phrase):
            return name
    return None
