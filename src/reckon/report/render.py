"""Turn ReportData into one self-contained HTML page (inline CSS and SVG, no external URL)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from reckon.errors import ReckonError
from reckon.report import charts
from reckon.disclosure import Manifest, PublicPolicy
from reckon.report.data import ClaimRow, EstimateRow, ReportData
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


def headline_sentence(data: ReportData, estimate: EstimateRow | None) -> str:
    """The plain-language summary a reader can quote."""
    parts = []
    deaths = [c for c in data.claims if c.category in DEATH_CATEGORIES and c.figure_low is not None]
    if deaths:
        low = min(deaths, key=lambda c: c.figure_low or 0)
        high = max(deaths, key=lambda c: c.figure_high or c.figure_low or 0)
        parts.append(
            f"Claimed death tolls range from {low.figure_low:,} ({low.claimant}) to "
            f"{(high.figure_high or high.figure_low):,} ({high.claimant}), across {len(deaths)} claims."
        )
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


def headline_rows(data: ReportData, estimate: EstimateRow | None) -> list[charts.RangeRow]:
    """Claimed ranges per claimant, the documented floor and the estimate, for one chart."""
    rows = []
    by_claimant: dict[str, list[ClaimRow]] = {}
    for claim in data.claims:
        if claim.category in DEATH_CATEGORIES and claim.figure_low is not None:
            # One row per claimant however the texts capitalise it ("Interior Ministry", "interior ministry").
            by_claimant.setdefault(claim.claimant.casefold(), []).append(claim)
    for claims in sorted(by_claimant.values(), key=lambda group: min(c.figure_low or 0 for c in group)):
        claimant = claims[0].claimant
        low = min(c.figure_low or 0 for c in claims)
        highs = [c.figure_high if c.figure_high is not None else c.figure_low for c in claims]
        open_ended = all(c.figure_high is None and c.qualifier in ("at least", "over", "vague") for c in claims)
        rows.append(charts.RangeRow(f"claimed: {claimant}", low, None if open_ended else max(highs), "claim"))
    if data.persons is not None:
        rows.append(charts.RangeRow("documented (linked lists)", data.persons, data.persons, "documented"))
    if estimate is not None:
        rows.append(
            charts.RangeRow(f"estimated ({estimate.method})", estimate.lower, estimate.upper, "estimate", estimate.estimate)
        )
    return rows


def timeline_points(data: ReportData) -> list[charts.TimelinePoint]:
    points = []
    for claim in data.claims:
        day = _parse_day(claim.date)
        if day is None or claim.figure_low is None or claim.category not in DEATH_CATEGORIES:
            continue
        label = f"{claim.claimant}: {claim.category} {claim.qualifier} {claim.figure_low:,} ({claim.date}, {claim.file})"
        points.append(charts.TimelinePoint(day, claim.figure_low, f"{claim.claimant} — {claim.category}", label))
    return points


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
        headline_chart=charts.range_chart(
            headline_rows(data, estimate),
            "Claimed, documented and estimated deaths",
            "Horizontal ranges: each claimant's claimed death toll, the number of distinct documented victims, "
            "and the statistical estimate with its interval. " + headline_sentence(data, estimate),
        ),
        timeline_chart=charts.timeline_chart(
            timeline_points(data),
            "Claimed death tolls over time, by claimant",
            "Each dot is one claim: its date on the horizontal axis and its figure on the vertical axis, coloured by "
            "claimant and category. The table below lists every claim with its quote.",
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

