"""Synthetic news articles about the fictional event, with the claims planted in them.

Every organisation, official and outlet here is invented; the prose is our own. Figures
derive from the simulated truth the way real tolls relate to the real one: the government
claims far fewer, the opposition more, the rights group close to its own list count, a
wire agency and a UN panel somewhere between, and later articles repeat, re-attribute and
dispute earlier figures. Claims follow the conventions of the seed gold file (qualifiers
exact / at least / over / about / up to / between / vague; "dozens" = 24, ...).

An :class:`ArticleBuilder` records each claim's exact span as the text is assembled, so
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

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Figures:
    """The numbers the articles talk about, all derived from the simulated truth."""

    truth: int  # N, which nobody in the articles knows
    documented: int  # people on at least one list
    rights_list: int  # people on the rights group's list
    rights_by_province: tuple[tuple[str, int], ...]  # the largest provinces on that list
    city: str
    city_deaths: int


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

    @classmethod
    def from_figures(cls, f: Figures) -> Story:
        step = scale(f.truth)
        return cls(
            gov_first=rounded(0.15 * f.truth, 10), gov_final=rounded(0.22 * f.truth, 1),
            gov_arrested=rounded(2.0 * f.truth, step), opposition=rounded(1.6 * f.truth, step),
            opposition_later=rounded(2.1 * f.truth, step), opposition_injured=rounded(4.5 * f.truth, step),
            wire=rounded(f.truth, step), un_low=rounded(0.9 * f.documented, 10),
            un_high=rounded(1.4 * f.truth, step), un_injured=rounded(3.0 * f.truth, step),
            ceiling=rounded(1.2 * f.truth, step),
        )


ArticleFn = Callable[[ArticleBuilder, Voice, Figures, Story], None]


def local_first_report(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    word, low = vague(f.city_deaths)
    b.add(f"{v.pick('Residents of', 'People in')} {f.city} described a night of gunfire as {EVENT} reached the city. ")
    b.add(f"{v.pick('Our correspondent', 'A reporter for this newspaper')} counted ")
    b.claim(f"{word} of people killed in {f.city}", low, None, "killed", "vague", "author", "author", place=f.city)
    b.add(" since the price rise was announced, according to hospital staff and relatives. ")
    arrest_word, arrest_low = vague(2 * f.city_deaths)
    b.add("Security forces also detained ")
    b.claim(f"{arrest_word} of young men", arrest_low, None, "arrested", "vague", "author", "author", place=f.city)
    b.add(f", {v.pick('witnesses said', 'families told us')}. Shops on the main bazaar street stayed closed for a second day.")


def government_first(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"Order has returned to most cities, the government said on {said_on(2)}. ")
    b.claim(f"{SPOKESPERSON} said about {v.num(s.gov_first)} people had died", s.gov_first, s.gov_first,
            "killed", "about", SPOKESPERSON, GOVT, claim_date=day(2).isoformat())
    b.add(", many of them members of the security forces, and blamed foreign-backed rioters. ")
    b.add("He said ")
    b.claim(f"up to {v.num(s.gov_arrested)} rioters had been arrested", None, s.gov_arrested, "arrested", "up to",
            SPOKESPERSON, GOVT, claim_date=day(2).isoformat())
    b.add(f" and that {v.pick('most', 'many')} would be released after questioning.")


def opposition_first(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"{v.pick('The regime is hiding a massacre.', 'The truth cannot be buried.')} ")
    b.claim(f"The {OPPOSITION} announced on {said_on(3)} that at least {v.num(s.opposition)} protesters "
            f"have been killed", s.opposition, None, "killed", "at least", f"The {OPPOSITION}", OPPOSITION,
            claim_date=day(3).isoformat())
    b.add(f" in {EVENT}, ")
    b.claim(f"more than {v.num(s.opposition_injured)} injured", s.opposition_injured, None, "injured", "over",
            f"The {OPPOSITION}", OPPOSITION, claim_date=day(3).isoformat())
    word, low = vague(10 * f.truth)
    b.add(" and ")
    b.claim(f"{word} arrested", low, None, "arrested", "vague", f"The {OPPOSITION}", OPPOSITION,
            claim_date=day(3).isoformat())
    b.add(". The coalition called on the world to act.")


def wire_roundup(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"{v.pick('DUBAI', 'ISTANBUL')} - ")
    b.claim(f"{WIRE} put the death toll at about {v.num(s.wire)}", s.wire, s.wire, "killed", "about", WIRE, WIRE)
    b.add(", citing three officials who spoke on condition of anonymity. ")
    b.add("The figure is far higher than the official count: ")
    b.claim(f"the interior ministry has spoken of about {v.num(s.gov_first)} dead", s.gov_first, s.gov_first,
            "killed", "about", "the interior ministry", GOVT)
    b.add(", while ")
    b.claim(f"an opposition coalition says at least {v.num(s.opposition)} were killed", s.opposition, None, "killed",
            "at least", "an opposition coalition", OPPOSITION)
    b.add(". Neither figure could be independently verified. Internet access remained largely cut.")


def rights_first_list(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"{v.pick('Today', 'This week')} the {RIGHTS} publishes its first list of victims. ")
    b.claim(f"We have documented the deaths of at least {v.num(f.rights_list)} people by name", f.rights_list, None,
            "killed", "at least", "author", "author")
    b.add(", each confirmed by two independent sources. The true toll is certainly higher. By province, we recorded ")
    last = len(f.rights_by_province) - 1
    for i, (province, count) in enumerate(f.rights_by_province):
        # One qualifier over a list: "at least A in X, B in Y and C in Z" is one claim per item.
        b.add("at least " if i == 0 else (" and " if i == last else ", "))
        b.claim(f"{v.num(count)} in {province}", count, None, "killed", "at least", "author", "author", place=province)
    b.add(". Families who have not yet reported a death can contact us securely.")


def opposition_reattribution(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add("The world now knows the scale of the crime. ")
    b.claim(f"{WIRE} confirmed the death toll of {v.num(s.opposition)} announced by the {OPPOSITION}",
            s.opposition, s.opposition, "killed", "exact", WIRE, WIRE)
    b.add(f" on {said_on(3)}. ")
    b.add("New reports from the provinces raise the count further: ")
    b.claim(f"more than {v.num(s.opposition_later)} martyrs", s.opposition_later, None, "killed", "over",
            "the coalition", OPPOSITION)
    b.add(f" have now been recorded, {v.pick('the coalition said', 'according to the coalition')}.")


def government_dispute(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"{v.pick('Officials', 'The government')} again denounced foreign media on {said_on(9)}. ")
    b.claim(f"the figure of {v.num(s.opposition)} deaths circulated by the {OPPOSITION}", s.opposition, None,
            "killed", "at least", f"the {OPPOSITION}", OPPOSITION, disputed_by=GOVT)
    b.add(f" was \"pure fabrication\", {SPOKESPERSON} said. ")
    b.claim(f"The final toll is {v.num(s.gov_final)} dead", s.gov_final, s.gov_final, "killed", "exact",
            SPOKESPERSON, GOVT, claim_date=day(9).isoformat())
    b.add(", including police officers, he added, and every case has been examined by the judiciary.")


def un_statement(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"GENEVA - The {UN} said on {said_on(10)} it was {v.pick('gravely concerned', 'deeply alarmed')} by the "
          "use of live ammunition. ")
    b.claim(f"The panel believes that between {v.num(s.un_low)} and {v.num(s.un_high)} people were killed",
            s.un_low, s.un_high, "killed", "between", f"The {UN}", UN, claim_date=day(10).isoformat(), hedged=True)
    b.add(", and that ")
    b.claim(f"more than {v.num(s.un_injured)} were injured", s.un_injured, None, "injured", "over", f"The {UN}", UN,
            claim_date=day(10).isoformat(), hedged=True)
    b.add(". It called for an independent investigation and the release of all detained protesters.")


def local_funerals(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"Funerals continued in {f.city} under heavy security. ")
    b.claim(f"The {RIGHTS} has now named {v.num(f.rights_list)} victims", f.rights_list, f.rights_list, "killed",
            "exact", f"The {RIGHTS}", RIGHTS)
    b.add(f", {v.pick('a figure', 'a count')} that families here say is far from complete. ")
    b.add("Mourners were told not to speak to reporters.")


def wire_update(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"{v.pick('LONDON', 'BEIRUT')} - Rights monitors cross-checking their lists against hospital records "
          "and lists kept by families say the documented toll keeps rising. ")
    b.claim(f"The {RIGHTS} said it had identified {v.num(f.documented)} dead by name", f.documented, f.documented,
            "killed", "exact", f"The {RIGHTS}", RIGHTS, via=WIRE)
    b.add(f" after merging {v.pick('several', 'four')} lists. The government's figure remains ")
    b.claim(f"{v.num(s.gov_final)}", s.gov_final, s.gov_final, "killed", "exact", "The government", GOVT)
    b.add(".")


def diaspora_commentary(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add("Weeks later, the numbers still do not agree. ")
    b.claim(f"United Nations investigators estimated between {v.num(s.un_low)} and {v.num(s.un_high)} deaths",
            s.un_low, s.un_high, "killed", "between", "United Nations investigators", UN)
    b.add("; ")
    b.claim(f"the opposition speaks of more than {v.num(s.opposition_later)}", s.opposition_later, None, "killed",
            "over", "the opposition", OPPOSITION)
    b.add(". What is certain is that ")
    word, low = vague(s.un_injured)
    b.claim(f"{word} were injured", low, None, "injured", "vague", "author", "author")
    b.add(" and that many families are still waiting for news.")


def rights_final_report(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"In its final report on {EVENT}, the {RIGHTS} lists ")
    b.claim(f"{v.num(f.documented)} people killed, each identified by name", f.documented, f.documented,
            "killed", "exact", "author", "author")
    b.add(". Statisticians who reviewed the lists said ")
    b.claim(f"the full toll may be as high as {v.num(s.ceiling)}", None, s.ceiling, "killed", "up to",
            "Statisticians who reviewed the lists", "Statisticians", hedged=True)
    b.add(", because many deaths in remote areas were never reported to anyone.")


ARTICLES: tuple[tuple[int, str, ArticleFn], ...] = (
    (1, "kavir_daily", local_first_report),
    (2, "nations_voice", government_first),
    (3, "democratic_tomorrow", opposition_first),
    (4, "meridian_wire", wire_roundup),
    (6, "parvaz_rights", rights_first_list),
    (8, "democratic_tomorrow", opposition_reattribution),
    (9, "nations_voice", government_dispute),
    (10, "un_panel", un_statement),
    (12, "kavir_daily", local_funerals),
    (14, "meridian_wire", wire_update),
    (20, "diaspora_tribune", diaspora_commentary),
    (30, "parvaz_rights", rights_final_report),
)


def write_articles(figures: Figures, count: int, rng: np.random.Generator) -> list[tuple[str, str, list[PlantedClaim]]]:
    """``count`` articles as (file name, text, planted claims); beyond twelve the story repeats later."""
    story = Story.from_figures(figures)
    out = []
    for i in range(count):
        offset, publisher, fn = ARTICLES[i % len(ARTICLES)]
        offset += 30 * (i // len(ARTICLES))  # a later anniversary round of coverage
        name = f"{i:03d}_{publisher}.txt"
        builder = ArticleBuilder(name, day(offset))
        fn(builder, Voice(rng), figures, story)
        out.append((name, builder.text(), builder.claims))
    return out
