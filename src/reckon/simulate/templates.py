"""The twelve article templates: who says what, when, in which words.

Our own prose about a fictional event; every organisation and official is invented.
Each template writes through an :class:`ArticleBuilder`, marking claims with
``b.claim(quote, low, high, category, qualifier, claimant, claimant_key, ...)`` and
everything else with ``b.add``. ``v.pick`` varies the phrasing per article, so two seeds
give differently worded coverage of the same story. Numbers that are *not* claims (ages,
prices, durations, dates) are sprinkled in on purpose: an extractor must skip them.
"""

from __future__ import annotations

import numpy as np

from reckon.simulate.articles import (
    EVENT,
    GOVT,
    OPPOSITION,
    RIGHTS,
    SPOKESPERSON,
    UN,
    WIRE,
    ArticleBuilder,
    ArticleFn,
    PlantedClaim,
    Figures,
    Story,
    Voice,
    day,
    said_on,
    vague,
)


def local_first_report(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    word, low = vague(f.city_deaths)
    b.add(f"{v.pick('Residents of', 'People in')} {f.city} described a night of gunfire after the price of piped "
          f"water rose by 200 percent overnight. ")
    b.add(v.pick("Our correspondent counted ", "Hospital staff and relatives told this newspaper of "))
    b.claim(f"{word} of people killed in {f.city}", low, None, "killed", "vague", "author", "author", place=f.city)
    b.add(f" since {said_on(0)}. ")
    arrest_word, arrest_low = vague(2 * f.city_deaths)
    b.add("Security forces ")
    b.claim(f"{v.pick('detained', 'rounded up')} {arrest_word} of young men", arrest_low, None, "arrested", "vague",
            "author", "author", place=f.city)
    b.add(f", {v.pick('witnesses said', 'families told us')}, among them a 17-year-old student. "
          f"Shops on the main bazaar street stayed closed for a second day.")


def government_first(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"Order has returned to most cities, the government said on {said_on(2)}. ")
    b.claim(v.pick(f"{SPOKESPERSON} said about {v.num(s.gov_first)} people had died",
                   f"{SPOKESPERSON} put the number of dead at around {v.num(s.gov_first)}"),
            s.gov_first, s.gov_first, "killed", "about", SPOKESPERSON, GOVT, claim_date=day(2).isoformat())
    b.add(", many of them members of the security forces, and blamed foreign-backed rioters. "
          "Speaking at a news conference that lasted 40 minutes, he said ")
    b.claim(f"up to {v.num(s.gov_arrested)} rioters had been arrested", None, s.gov_arrested, "arrested", "up to",
            SPOKESPERSON, GOVT, claim_date=day(2).isoformat())
    b.add(f" and that {v.pick('most', 'many')} would be released after questioning.")


def opposition_first(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"{v.pick('The regime is hiding a massacre.', 'The truth cannot be buried.')} ")
    b.claim(v.pick(f"The {OPPOSITION} announced on {said_on(3)} that at least {v.num(s.opposition)} protesters "
                   f"have been killed",
                   f"On {said_on(3)} the {OPPOSITION} said no fewer than {v.num(s.opposition)} people "
                   f"have been killed"),
            s.opposition, None, "killed", "at least", f"The {OPPOSITION}", OPPOSITION, claim_date=day(3).isoformat())
    b.add(f" in {EVENT}, ")
    b.claim(f"more than {v.num(s.opposition_injured)} injured", s.opposition_injured, None, "injured", "over",
            f"The {OPPOSITION}", OPPOSITION, claim_date=day(3).isoformat())
    word, low = vague(10 * f.truth)
    b.add(" and ")
    b.claim(f"{word} arrested", low, None, "arrested", "vague", f"The {OPPOSITION}", OPPOSITION,
            claim_date=day(3).isoformat())
    b.add(". ")
    b.claim(f"Protests have spread to more than {s.cities} cities", s.cities, None, "scope", "over",
            f"The {OPPOSITION}", OPPOSITION, claim_date=day(3).isoformat(), unit="cities")
    b.add(", the coalition added, calling on the world to act.")


def wire_roundup(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"{v.pick('DUBAI', 'ISTANBUL')}, {said_on(4)} - ")
    b.claim(v.pick(f"{WIRE} put the death toll at about {v.num(s.wire)}",
                   f"About {v.num(s.wire)} people were killed, {WIRE} has learned"),
            s.wire, s.wire, "killed", "about", WIRE, WIRE)
    b.add(", according to three officials who spoke on condition of anonymity. "
          "The figure is far higher than the official count: ")
    b.claim(f"the interior ministry has spoken of about {v.num(s.gov_first)} dead", s.gov_first, s.gov_first,
            "killed", "about", "the interior ministry", GOVT)
    b.add(", while ")
    b.claim(f"an opposition coalition says at least {v.num(s.opposition)} were killed", s.opposition, None, "killed",
            "at least", "an opposition coalition", OPPOSITION)
    b.add(". Neither figure could be independently verified. Internet access has been cut for 96 hours.")


def rights_first_list(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"{v.pick('Today', 'This week')} the {RIGHTS} publishes its first list of victims. ")
    b.claim(v.pick(f"We have documented the deaths of at least {v.num(f.rights_list)} people by name",
                   f"At least {v.num(f.rights_list)} people have been killed and identified by name"),
            f.rights_list, None, "killed", "at least", "author", "author")
    b.add(", each confirmed by two independent sources. The true toll is certainly higher. ")
    if f.rights_children and f.rights_women:
        b.add("Among them are ")
        b.claim(f"{v.num(f.rights_children)} children", f.rights_children, f.rights_children, "killed", "exact",
                "author", "author", subgroup="children")
        b.add(" and ")
        b.claim(f"{v.num(f.rights_women)} women", f.rights_women, f.rights_women, "killed", "exact", "author",
                "author", subgroup="women")
        b.add(". ")
    b.add("By province, we recorded ")
    last = len(f.rights_by_province) - 1
    for i, (province, count) in enumerate(f.rights_by_province):
        # One qualifier over a list: "at least A in X, B in Y and C in Z" is one claim per item.
        b.add("at least " if i == 0 else (" and " if i == last else ", "))
        b.claim(f"{v.num(count)} in {province}", count, None, "killed", "at least", "author", "author", place=province)
    b.add(". Families who have not yet reported a death can contact us securely.")


def opposition_reattribution(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add("The world now knows the scale of the crime. ")
    # Re-attribution: the wire never confirmed this figure, but the text says it did.
    b.claim(f"{WIRE} confirmed the death toll of {v.num(s.opposition)} announced by the {OPPOSITION}",
            s.opposition, s.opposition, "killed", "exact", WIRE, WIRE)
    b.add(f" on {said_on(3)}. New reports from the provinces raise the count further: ")
    b.claim(f"more than {v.num(s.opposition_later)} martyrs", s.opposition_later, None, "killed", "over",
            "the coalition", OPPOSITION)
    b.add(f" have now been recorded, {v.pick('the coalition said', 'according to the coalition')}.")


def government_dispute(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"{v.pick('Officials', 'The government')} again denounced foreign media on {said_on(9)}. ")
    b.claim(f"The figure of {v.num(s.opposition)} deaths circulated by the {OPPOSITION}", s.opposition, s.opposition,
            "killed", "exact", f"the {OPPOSITION}", OPPOSITION, disputed_by=GOVT)
    b.add(f" is \"pure fabrication\", {SPOKESPERSON} said. ")
    b.claim(v.pick(f"The final toll is {v.num(s.gov_final)} dead", f"In all, {v.num(s.gov_final)} people died"),
            s.gov_final, s.gov_final, "killed", "exact", SPOKESPERSON, GOVT, claim_date=day(9).isoformat())
    b.add(", including police officers, he added, and every case has been examined by the judiciary.")


def un_statement(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"GENEVA - The {UN} said on {said_on(10)} it was {v.pick('gravely concerned', 'deeply alarmed')} by the "
          "use of live ammunition. ")
    b.claim(v.pick(f"The panel believes that between {v.num(s.un_low)} and {v.num(s.un_high)} people were killed",
                   f"The panel believes {v.num(s.un_low)} to {v.num(s.un_high)} people were killed"),
            s.un_low, s.un_high, "killed", "between", f"The {UN}", UN, claim_date=day(10).isoformat(), hedged=True)
    b.add(", and that ")
    b.claim(f"more than {v.num(s.un_injured)} were injured", s.un_injured, None, "injured", "over", f"The {UN}", UN,
            claim_date=day(10).isoformat(), hedged=True)
    b.add(". Its 3 members called for an independent investigation and the release of all detained protesters.")


def local_funerals(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"Funerals continued in {f.city} under heavy security. ")
    b.claim(f"The {RIGHTS} has now named {v.num(f.rights_list)} victims", f.rights_list, f.rights_list, "killed",
            "exact", f"The {RIGHTS}", RIGHTS)
    b.add(f", {v.pick('a figure', 'a count')} that families here say is far from complete. "
          "Mourners were told not to speak to reporters, and a 40-day memorial was banned.")


def wire_update(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"{v.pick('LONDON', 'BEIRUT')} - Rights monitors cross-checking their lists against hospital records "
          "and lists kept by families say the documented toll keeps rising. ")
    b.claim(f"The {RIGHTS} said it had identified {v.num(f.documented)} dead by name", f.documented, f.documented,
            "killed", "exact", f"The {RIGHTS}", RIGHTS, via=WIRE)
    b.add(f" after merging {v.pick('several', 'its own and partner')} lists. ")
    b.claim(f"The government's figure remains {v.num(s.gov_final)}", s.gov_final, s.gov_final, "killed", "exact",
            "The government", GOVT)
    b.add(".")


def diaspora_commentary(b: ArticleBuilder, v: Voice, f: Figures, s: Story) -> None:
    b.add(f"{v.pick('Weeks later', 'A month on')}, the numbers still do not agree. ")
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
    b.add(", because many deaths in remote areas were never reported to anyone. The report runs to 212 pages.")


# (days after the event began, publisher, template): the order in which the story unfolds.
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


def compose_articles(figures: Figures, count: int, rng: np.random.Generator) -> list[tuple[str, str, list[PlantedClaim]]]:
    """``count`` articles as (file name, text, planted claims); beyond twelve the story repeats a month later."""
    story = Story.from_figures(figures)
    out = []
    for i in range(count):
        offset, publisher, template = ARTICLES[i % len(ARTICLES)]
        offset += 30 * (i // len(ARTICLES))
        name = f"{i:03d}_{publisher}.txt"
        builder = ArticleBuilder(name, day(offset))
        template(builder, Voice(rng), figures, story)
        out.append((name, builder.text(), builder.claims))
    return out
