"""How a claim is held: hedged by its claimant, disputed by someone else, confirmed, and where.

Hedges are words of doubt near the figure ("could", "reportedly", "believed"). A dispute is a
rejecting verb with its subject ("the ministry rejected the figure"); it marks every other
claim in its sentence, or those of the previous sentence when it points back ("the figure").
"""

from __future__ import annotations

import re

from reckon.claims.lowered import Lowered
from reckon.claims.parties import name_words

# "confirmed" and its kin: a claimant who says so corroborates a figure someone else put out.
CONFIRM_WORDS = re.compile(r"\b(confirm(s|ed|ing)?|corroborat\w*|verif(y|ies|ied))\b", re.IGNORECASE)

_HEDGE = Lowered(
    r"\b(?:could|may|might|possibly|possible|believed|reportedly|allegedly|feared|likely|"
    r"probably|perhaps|thought\s+to|suspected|unconfirmed|unverified|presumed|appears?\s+to|"
    r"seems?\s+to|it\s+is\s+estimated)\b")
_DISPUTE = Lowered(
    r"\b(?:rejected|rejects|denied|denies|dismissed|dismisses|disputed|disputes|refuted|refutes|"
    r"contested|contests|rebuffed|questioned|challenged|called\s+[^.;]{0,60}?\b(?:false|"
    r"exaggerated|fabricated|lies|baseless|untrue|inflated|propaganda)|branded|denounced)\b")
# "The figure of 900 ... is “pure fabrication”, X said": the figure is the subject, the speaker
# of the sentence rejects it.
_DISMISSED = re.compile(
    r"\b(?:is|was|are|were|remains?)\s+[“\"‘']?(?:(?:a|an|pure|complete|total|utter|outright|simply|"
    r"just|nothing\s+but|wildly|grossly|hugely|greatly|far|totally|completely|entirely)\s+)*"
    r"(?:fabrications?|fabricated|lies|a\s+lie|lie|false|baseless|groundless|exaggerated|exaggeration|"
    r"inflated|invented|fiction|fictitious|propaganda|nonsense|untrue|fake|made\s+up|unfounded)\b",
    re.IGNORECASE,
)
_POINTS_BACK = re.compile(
    r"\b(?:the|these|those|such|that|this|its|their)\s+(?:\w+\s+)?(?:figures?|tolls?|numbers?|"
    r"claims?|reports?|estimates?|counts?|tally|allegations?|accounts?)\b|\bit\b|\bthem\b",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"(?<!based\s)(?<!headquartered\s)(?<!exiled\s)(?<!registered\s)"  # "a group based in London": its seat, not the place of the dead
    r"\b(?:in|across|throughout|around|near|from)\s+(?:the\s+(?:city|town|province|region|"
    r"district|village|capital)\s+of\s+)?(?P<place>(?:(?:al|el|ad|as|ar|an|at|az|ash)-)?[A-Z][\w'’-]+(?:[ ](?:[A-Z][\w'’-]+|al-\w+))*)"
)
_PLACE_WINDOW_END = re.compile(r"[;:!?]|\.\s|,\s(?:while|but|and|according|the|a)\b")
_CLAUSE_END = re.compile(r",\s|;|\.\s")
_NOT_PLACES = re.compile(
    r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|A|An|Persian|"
    r"English|Arabic|Islamic|Human|Interior|Ministry|State|Supreme)\b"
)


def is_hedged(sentence: str, start: int, end: int) -> bool:
    """True when a doubt word sits in the figure's clause (up to 80 chars before it)."""
    after = _CLAUSE_END.split(sentence[end : end + 50])[0]
    window = sentence[max(0, start - 80) : end] + after
    return bool(_HEDGE.search(window))


def dispute_in(sentence: str) -> tuple[re.Match[str], str] | None:
    """A rejecting verb and the text before it (its subject lies there), else None."""
    found = _DISPUTE.search(sentence)
    return (found, sentence[: found.start()]) if found else None


def dismissal_in(sentence: str) -> re.Match[str] | None:
    """"The toll of 900 ... is pure fabrication": a figure called false, by the sentence's speaker."""
    return _DISMISSED.search(sentence)


def points_back(sentence: str, after: int) -> bool:
    """True when the words after a dispute verb refer to an earlier figure."""
    return bool(_POINTS_BACK.search(sentence[after : after + 60]))


def place_near(sentence: str, end: int, limit: int) -> str | None:
    """The place named just after a figure ("... killed in Tehran"), within ``limit``."""
    window = sentence[end : min(limit, end + 90)]
    window = _PLACE_WINDOW_END.split(window)[0]
    for m in _PLACE.finditer(window):
        if not _NOT_PLACES.match(m.group("place")):
            return m.group("place").removesuffix("’s").removesuffix("'s")
    return None


def document_places(text: str) -> list[str]:
    """Every place named after "in"/"across"/... in a text (to pick a document's default)."""
    return [
        m.group("place").removesuffix("’s").removesuffix("'s")
        for m in _PLACE.finditer(text)
        if not _NOT_PLACES.match(m.group("place"))
    ]


def said_to_confirm(claimant: str, claimant_key: str, sentence: str) -> bool:
    """Whether the sentence (up to the end of the claim's quote) says the claimant confirmed it:
    a confirm verb with the claimant named before it ("the Wire confirmed the toll announced by
    the Front" is the Wire's confirmation, not the Front's)."""
    names = name_words(claimant) | name_words(claimant_key)
    return any(names & name_words(sentence[: match.start()]) for match in CONFIRM_WORDS.finditer(sentence))
