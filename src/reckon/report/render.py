"""Turn ReportData into one self-contained HTML page (inline CSS and SVG, no external URL)."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from reckon.claims.aliases import fold
from reckon.errors import ReckonError
from reckon.report import charts
from reckon.disclosure import Manifest, PublicPolicy
from reckon.report.data import ClaimRow, EstimateRow, ReportData
from reckon.report.scope import LOCAL, PARTIAL, SUBGROUP, WHOLE
from reckon.report.public import public_data
from reckon.storage.cells import BIDI_CONTROLS, escape_bidi
from reckon.storage.files import write_atomically

HEADLINE_PREFERENCE = ("lcmcr", "loglinear", "stepwise", "chapman")
DEATH_CATEGORIES = ("killed", "executed")


def choose_headline_estimate(estimates: tuple[EstimateRow, ...]) -> EstimateRow | None:
    """The estimate the headline quotes: the latest whole-population run of the preferred method."""
    overall = [e for e in estimates if e.stratum in (None, "", "total")]
    for method in HEADLINE_PREFERENCE:
        runs = [e for e in overall if e.method == method]
        if runs:
            return runs[-1]
    return overall[-1] if overall else None


def suppress_small_cells(data: ReportData, min_cell: int) -> ReportData:
    """The public variant's data (``reckon.report.public``): small cells hidden so none can be recovered."""
    return public_data(data, PublicPolicy(min_cell=min_cell))[0]


def death_claims(data: ReportData) -> list[ClaimRow]:
    """Claims of deaths (killed, executed) that carry a figure."""
    return [
        c for c in data.claims
        if c.category in DEATH_CATEGORIES and (c.figure_low is not None or c.figure_high is not None)
    ]


def comparable_deaths(data: ReportData) -> list[ClaimRow]:
    """The death tolls the headline compares: those that count the whole event."""
    return [c for c in death_claims(data) if c.scope == WHOLE]


def left_out(data: ReportData) -> list[ClaimRow]:
    """Death figures for one place, a subgroup or part of the period, by place then kind."""
    rows = [c for c in death_claims(data) if c.scope != WHOLE]
    return sorted(rows, key=lambda c: (c.place is None, c.place or "", c.scope, c.scope_detail or "", -_high(c)))


def _low(claim: ClaimRow) -> int:
    return claim.figure_low if claim.figure_low is not None else (claim.figure_high or 0)


def _high(claim: ClaimRow) -> int:
    return claim.figure_high if claim.figure_high is not None else (claim.figure_low or 0)


def _claimant_group(claim: ClaimRow) -> str:
    return claim.claimant_key or fold(claim.claimant)


def headline_sentence(data: ReportData, estimate: EstimateRow | None) -> str:
    """The plain-language summary a reader can quote."""
    parts = []
    whole = comparable_deaths(data)
    if whole:
        low = min(whole, key=_low)
        high = max(whole, key=_high)
        claimants = len({_claimant_group(c) for c in whole})
        parts.append(
            f"Claimed death tolls for the whole event range from {_low(low):,} ({low.claimant}) to "
            f"{_high(high):,} ({high.claimant}), across {_count(len(whole), 'claim')} by {_count(claimants, 'claimant')}."
        )
    partial = left_out(data)
    if partial:
        lead = "Left out of that range" if whole else "No claimed death toll covers the whole event"
        parts.append(f"{lead}: {_left_out_summary(partial)}, listed below the chart.")
    if data.persons is not None:
        parts.append(
            f"{len(data.lists)} lists name {data.records:,} records, which linkage joins into "
            f"{data.persons:,} distinct documented victims — a floor, not a total."
        )
    elif data.records:
        parts.append(f"{len(data.lists)} lists name {data.records:,} records (not yet linked into persons).")
    if estimate is not None:
        interval = ""
        if estimate.lower is not None and estimate.upper is not None:
            interval = f" ({estimate.level:.0%} interval {estimate.lower:,.0f} to {estimate.upper:,.0f})"
        parts.append(
            f"Multiple systems estimation ({estimate.method}) puts the total at about "
            f"{estimate.estimate:,.0f}{interval}, so roughly {max(estimate.estimate - estimate.observed, 0):,.0f} "
            "victims may be undocumented."
        )
    return " ".join(parts) or "No claims, lists or estimates in this case yet."


_LEFT_OUT_NOUNS = {LOCAL: "figure for one place", SUBGROUP: "figure for a subgroup", PARTIAL: "figure for part of the period"}


def _left_out_summary(rows: list[ClaimRow]) -> str:
    """ "1 figure for one place (Mashhad) and 2 figures for a subgroup (children, women)" """
    parts = []
    for kind, noun in _LEFT_OUT_NOUNS.items():
        found = [r for r in rows if r.scope == kind]
        if found:
            details = sorted({r.scope_detail for r in found if r.scope_detail})
            head, _, tail = noun.partition(" ")
            words = f"{len(found)} {head}{'s' if len(found) != 1 else ''} {tail}"
            parts.append(words + (f" ({', '.join(details)})" if details else ""))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def headline_rows(data: ReportData, estimate: EstimateRow | None) -> list[charts.RangeRow]:
    """Claimed whole-event ranges per claimant, the documented floor and the estimate, for one chart."""
    rows = []
    by_claimant: dict[str, list[ClaimRow]] = {}
    for claim in comparable_deaths(data):
        # One row per claimant: the resolved claimant, however the texts write it.
        by_claimant.setdefault(_claimant_group(claim), []).append(claim)
    for key, claims in sorted(by_claimant.items(), key=lambda item: min(_low(c) for c in item[1])):
        claimant = next((c.claimant for c in claims if c.claimant == key), claims[0].claimant)
        low = min(_low(c) for c in claims)
        open_ended = all(c.figure_high is None and c.qualifier in ("at least", "over", "vague") for c in claims)
        rows.append(charts.RangeRow(f"claimed: {claimant}", low, None if open_ended else max(_high(c) for c in claims), "claim"))
    if data.persons is not None:
        rows.append(charts.RangeRow("documented (linked lists)", data.persons, data.persons, "documented"))
    if estimate is not None:
        rows.append(
            charts.RangeRow(f"estimated ({estimate.method})", estimate.lower, estimate.upper, "estimate", estimate.estimate)
        )
    return rows


def timeline_points(data: ReportData) -> list[charts.TimelinePoint]:
    """Whole-event death tolls over time, one series per claimant."""
    points = []
    for claim in comparable_deaths(data):
        day = _parse_day(claim.date)
        if day is None:
            continue
        label = f"{claim.claimant}: {claim.category} {claim.qualifier} {_low(claim):,} ({claim.date}, {claim.file})"
        points.append(charts.TimelinePoint(day, _low(claim), f"{claim.claimant} — {claim.category}", label))
    return points


def area_note(data: ReportData) -> str:
    """Which place stands for the whole event, and how that was decided."""
    if data.event_area:
        return (
            f"Whole event: {data.event_area} ({data.event_area_how}). A figure whose quote ties it to another "
            "place counts as local."
        )
    return (
        "No place stands for the whole event in this case (" + (data.event_area_how or "none was set") + "), so a "
        "figure whose quote ties it to a place counts as local (“reckon report --area PLACE” names the whole area)."
    )


def caveats(data: ReportData, estimate: EstimateRow | None) -> list[str]:
    """Methods and caveats generated from what was actually run."""
    notes = []
    if data.stages_missing:
        notes.append("Not run yet, so not shown: " + ", ".join(sorted(set(data.stages_missing))) + ".")
    if data.claims:
        notes.append(
            "Claims are extracted automatically from the articles and attributed as each text presents them, even "
            "where a text credits a figure to the wrong source; check the quotes before citing a claim."
        )
        merged = f" and the case's {_count(data.aliases, 'claimant alias')}" if data.aliases else ""
        notes.append(
            "A claimant is counted once however the texts write it: names that differ only in case or punctuation"
            f"{merged} are one claimant (`reckon claimants` shows and changes them). A document's own voice is shown "
            "as its outlet's own count (the file's name when the publisher is unknown)."
        )
        notes.append(
            "The headline compares like with like: only death tolls for the whole event enter its range; figures "
            "for one place, a subgroup (children, women, security forces ...) or part of the period are listed "
            "separately. " + area_note(data)
        )
    if data.unidentified:
        notes.append(
            f"{data.unidentified:,} records have no name (unidentified victims). They are kept and counted, but "
            "linkage never joins them to anyone, so a person named on one list and unnamed on another is counted "
            "twice, and the estimate sees each as a person on one list only."
        )
    if data.places_attribution:
        notes.append(
            "Places and provinces are matched to one canonical place (GeoNames cities, ISO 3166-2 provinces) "
            "whatever the script or spelling; provinces are named in "
            + ("Latin script" if data.script == "latin" else "the country's own script")
            + ". A place that did not match is shown as the list wrote it."
        )
    if data.persons is not None:
        notes.append(
            "Linkage joins records that probably name the same person (a Fellegi–Sunter model trained by "
            "expectation maximisation, reviewer decisions applied). Wrong links lower the documented count and "
            "distort the overlap that estimation relies on."
        )
    if estimate is not None:
        notes.append(
            "Multiple systems estimation assumes a closed population and that the selected model captures the "
            "dependence between lists and differences in how likely victims are to be recorded. The interval covers "
            "sampling uncertainty under that model, not every way the model can be wrong."
        )
        if len(data.lists) < 3:
            notes.append("With fewer than three lists, dependence between lists cannot be checked at all.")
    for row in data.estimates:
        for warning in row.warnings:
            notes.append(f"Warning from {row.method}: {warning}")
    return notes


def render_report(data: ReportData, *, public: bool = False, min_cell: int = 5) -> str:
    """The whole report as one HTML string."""
    data, manifest = public_data(data, PublicPolicy(min_cell=min_cell)) if public else (data, Manifest(public=False))
    estimate = choose_headline_estimate(data.estimates)
    env = Environment(
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, finalize=display_safe
    )
    env.filters["num"] = lambda v: "" if v is None else f"{v:,.0f}"
    env.filters["diag"] = diagnostics_text
    template = env.from_string(resources.files("reckon.report").joinpath("templates/report.html.j2").read_text("utf-8"))
    return template.render(
        data=data,
        public=public,
        min_cell=min_cell,
        estimate=estimate,
        sentence=headline_sentence(data, estimate),
        left_out=left_out(data),
        area_note=area_note(data),
        headline_chart=charts.range_chart(
            headline_rows(data, estimate),
            "Claimed, documented and estimated deaths",
            "Horizontal ranges: each claimant's claimed death toll for the whole event, the number of distinct "
            "documented victims, "
            "and the statistical estimate with its interval. " + headline_sentence(data, estimate),
        ),
        timeline_chart=charts.timeline_chart(
            timeline_points(data),
            "Claimed death tolls for the whole event over time, by claimant",
            "Each dot is one claim of deaths for the whole event: its date on the horizontal axis and its figure on "
            "the vertical axis, coloured by claimant and category. The table below lists every claim with its quote.",
        ),
        victim_charts=_victim_charts(data, public, min_cell),
        upset=_upset(data, public, min_cell),
        caveats=caveats(data, estimate),
        manifest=manifest.lines(),
        embedded_json=Markup(_embedded_json(data)),
    )


RTL_LETTERS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")  # Hebrew, Arabic, Persian, Syriac, Thaana
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def display_safe(value: Any) -> Any:
    """Every value the template prints: direction overrides made visible, right-to-left text isolated.

    A name holding U+202E would otherwise display reversed ("Org" U+202E "evil" as "Orglive");
    it shows as "Org<U+202E>evil". A value with right-to-left letters is wrapped in an
    isolate (U+2068 ... U+2069) so it cannot reorder the text around it.
    """
    if isinstance(value, Markup):  # charts: markup already escaped, so the marker is written as entities
        text = str(value)
        for control in BIDI_CONTROLS & set(text):
            text = text.replace(control, f"&lt;U+{ord(control):04X}&gt;")
        return Markup(text)
    if not isinstance(value, str):
        return value
    value = escape_bidi(value)
    return FIRST_STRONG_ISOLATE + value + POP_DIRECTIONAL_ISOLATE if RTL_LETTERS.search(value) else value


def diagnostics_text(diagnostics: dict[str, Any]) -> str:
    """Scalar diagnostics (R-hat, ESS, AIC, ...) as one short line; tables are left out."""
    parts = []
    for key, value in diagnostics.items():
        if isinstance(value, float):
            parts.append(f"{key}: {value:.4g}")
        elif isinstance(value, (int, str, bool)):
            parts.append(f"{key}: {value}")
    return "; ".join(parts[:8])


def _victim_charts(data: ReportData, public: bool, min_cell: int) -> list[tuple[str, Markup]]:
    label = f"fewer than {min_cell}" if public else "suppressed"
    out = []
    for key, items in data.victims_by.items():
        shown = ", ".join(f"{name}: {'suppressed' if n is None else n}" for name, n in items[:12])
        out.append(
            (key, charts.bar_chart(items[:25], f"Documented victims by {key}", f"Counts by {key}: {shown}.", suppressed_label=label))
        )
    return out


def _upset(data: ReportData, public: bool, min_cell: int) -> Markup | None:
    if not data.overlap:
        return None
    described = "; ".join(
        f"{' & '.join(n for n, f in zip(data.overlap_lists, p) if f)}: {c}" for p, c in sorted(data.overlap, key=lambda x: -x[1])[:10]
    )
    note = f" Combinations with fewer than {min_cell} people, and others so those cannot be recovered, are not shown." if public else ""
    return charts.upset_chart(
        data.overlap_lists,
        data.overlap,
        "Overlap between lists",
        f"Number of documented victims for each combination of lists (largest first): {described}.{note}",
    )


def _embedded_json(data: ReportData) -> str:
    """The report's aggregates as JSON inside the page, safe inside a <script> element."""
    text = json.dumps(data.to_dict(), ensure_ascii=False, default=str)
    for control in BIDI_CONTROLS:  # as JSON escapes: the data stays exact, the page cannot be reordered
        text = text.replace(control, f"\\u{ord(control):04x}")
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _parse_day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text[:7] + "-01")
    except ValueError:
        return None


def write_html(html: str, output: str | Path, *, force: bool = False) -> Path:
    """Write the report, refusing to overwrite an existing file unless ``force``."""
    path = Path(output)
    if path.exists() and not force:
        raise ReckonError(f"{path} already exists — pass --force to overwrite it, or choose another -o path.")
    # A fresh temporary file (O_EXCL, never through a link), fsynced, renamed over the target.
    return write_atomically(path, html)

