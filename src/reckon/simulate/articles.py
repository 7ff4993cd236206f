"""Synthetic news articles about the fictional event, with the claims planted in them.

Every organisation, official and outlet here is invented; the prose is our own. Figures
derive from the simulated truth the way real tolls relate to the real one: the government
claims far fewer, the opposition more, the rights group close to its own list count, a
wire agency and a UN panel somewhere between, and later articles repeat, re-attribute and
dispute earlier figures. Claims follow the conventions of the seed gold file (qualifiers
exact / at least / over / about / up to / between / vague; "dozens" = 24, ...).

The templates themselves live in :mod:`reckon.simulate.templates`. An
:class:`ArticleBuilder` records each claim's exact span as the text is assembled, so
``text[start:end] == quote`` holds by construction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import numpy as np

from reckon.simulate.population import EVENT_START

RIGHTS = "Parvaz Rights Collective"
WIRE = "Meridian Wire Service"
GOVT = "Interior Ministry"
OPPOSITION = "Democratic Tomorrow Coalition"
UN = "UN Fact-Finding Panel"
LOCAL = "Kavir Daily"
SPOKESPERSON = "Interior Ministry spokesperson Davood Kianfar"
EVENT = "the water-price protests"

VAGUE = ((20000, "tens of thousands"), (2000, "thousands"), (200, "hundreds"), (24, "dozens"), (3, "several"))


@dataclass(frozen=True)
class PlantedClaim:
    """One claim as planted: the scoring record for the claims extractor."""

    file: str
    figure_low: int | None
    figure_high: int | None
    category: str
    qualifier: str
    claimant: str
    claimant_key: str
    quote: str
    start: int
    end: int
    claim_date: str | None = None
    via: str | None = None
    place: str | None = None
    disputed_by: str | None = None
    hedged: bool = False
    subgroup: str | None = None
    unit: str | None = None  # for scope claims

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Figures:
    """The numbers the articles talk about, all derived from the simulated truth."""

    truth: int  # N, which nobody in the articles knows
    documented: int  # people on at least one list
    rights_list: int  # people on the rights group's list
    rights_by_province: tuple[tuple[str, int], ...]  # the largest provinces on that list
    rights_children: int  # under 18 on the rights group's list
    rights_women: int  # women on the rights group's list
    city: str
    city_deaths: int
    cities_with_deaths: int


@dataclass
class ArticleBuilder:
    """Assembles one article's text and records the exact span of every planted claim."""

    file: str
    date: dt.date
    parts: list[str] = field(default_factory=list)
    claims: list[PlantedClaim] = field(default_factory=list)
    length: int = 0

    def __post_init__(self) -> None:
        self.add(f" date {self.date.isoformat()} ")  # the seed format's first line

    def add(self, text: str) -> ArticleBuilder:
        self.parts.append(text)
        self.length += len(text)
        return self

    def claim(self, quote: str, low: int | None, high: int | None, category: str, qualifier: str,
              claimant: str, claimant_key: str, **extra) -> ArticleBuilder:
        self.claims.append(PlantedClaim(self.file, low, high, category, qualifier, claimant, claimant_key,
                                        quote, self.length, self.length + len(quote), **extra))
        return self.add(quote)

    def text(self) -> str:
        return "".join(self.parts) + "\n"


class Voice:
    """Random phrasing choices for one article: number style and synonyms."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.commas = bool(rng.random() < 0.6)

    def pick(self, *options: str) -> str:
        return options[int(self.rng.integers(len(options)))]

    def num(self, n: int) -> str:
        return f"{n:,}" if self.commas else str(n)


def day(offset: int) -> dt.date:
    return EVENT_START + dt.timedelta(days=offset)


def said_on(offset: int) -> str:
    d = day(offset)
    return f"{d.strftime('%B')} {d.day}"


def vague(n: int) -> tuple[str, int]:
    """The vague word a writer would use for about n, and its conventional low bound."""
    for low, word in VAGUE:
        if n >= low:
            return word, low
    return "several", 3


def rounded(n: float, step: int) -> int:
    return max(step, int(round(n / step)) * step)


def scale(n: int) -> int:
    return 100 if n >= 1000 else 10


@dataclass(frozen=True)
class Story:
    """The figures each claimant announces (derived once per simulation)."""

    gov_first: int
    gov_final: int
    gov_arrested: int
    opposition: int
    opposition_later: int
    opposition_injured: int
    wire: int
    un_low: int
    un_high: int
    un_injured: int
    ceiling: int
    cities: int

    @classmethod
    def from_figures(cls, f: Figures) -> Story:
        step = scale(f.truth)
        return cls(
            gov_first=rounded(0.15 * f.truth, 10), gov_final=rounded(0.22 * f.truth, 1),
            gov_arrested=rounded(2.0 * f.truth, step), opposition=rounded(1.6 * f.truth, step),
            opposition_later=rounded(2.1 * f.truth, step), opposition_injured=rounded(4.5 * f.truth, step),
            wire=rounded(f.truth, step), un_low=rounded(0.9 * f.documented, 10),
            un_high=rounded(1.4 * f.truth, step), un_injured=rounded(3.0 * f.truth, step),
            ceiling=rounded(1.2 * f.truth, step), cities=rounded(3.5 * f.cities_with_deaths, 10),
        )


ArticleFn = Callable[[ArticleBuilder, Voice, Figures, Story], None]
