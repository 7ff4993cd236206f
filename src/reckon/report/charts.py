"""Inline SVG charts for the offline report: no JavaScript, no external files.

Every chart is an ``<svg role="img">`` with a ``<title>`` and a ``<desc>`` (its text
alternative), so it reads in a screen reader and survives e-mail and USB sticks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

PALETTE = ("#1b6ca8", "#c2452d", "#2e8b57", "#8e44ad", "#d4a017", "#16a2a2", "#7f5539", "#c0398f")
KIND_COLOURS = {"claim": "#c2452d", "documented": "#2e8b57", "estimate": "#1b6ca8"}
FONT = "font-family:system-ui,sans-serif;font-size:12px"

_chart_counter = 0


def _next_id(prefix: str) -> str:
    global _chart_counter
    _chart_counter += 1
    return f"{prefix}-{_chart_counter}"


def nice_ticks(top: float, count: int = 5) -> list[float]:
    """Round axis ticks from 0 to at least ``top`` (1, 2, 2.5 or 5 times a power of ten)."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    ticks = [0.0]
    while ticks[-1] < top:
        ticks.append(ticks[-1] + step)
    return ticks


def _fmt(value: float) -> str:
    return f"{value:,.0f}"


def _svg_open(width: int, height: int, title: str, description: str, prefix: str) -> str:
    chart_id = _next_id(prefix)
    return (
        f'<svg role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:{width}px;{FONT}" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(description)}</desc>'
    )


def _x_axis(ticks: list[float], x0: float, scale: float, y: float, height: float) -> str:
    parts = []
    for tick in ticks:
        x = x0 + tick * scale
        parts.append(f'<line x1="{x:.1f}" y1="{y - height:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{y + 14:.1f}" text-anchor="middle" fill="#555">{_fmt(tick)}</text>')
    return "".join(parts)


@dataclass(frozen=True)
class RangeRow:
    """One horizontal bar: a claimed range, the documented floor, or an estimate with its interval."""

    label: str
    low: float | None
    high: float | None  # None = open-ended ("at least low")
    kind: str  # "claim", "documented" or "estimate"
    point: float | None = None  # the estimate's point, drawn as a diamond


def range_chart(rows: Sequence[RangeRow], title: str, description: str) -> Markup:
    """Claimed ranges, documented victims and the estimate on one axis."""
    width, left, right, row_h, top = 760, 280, 30, 26, 10
    height = top + row_h * len(rows) + 40
    values = [v for r in rows for v in (r.low, r.high, r.point) if v is not None]
    ticks = nice_ticks(max(values, default=1) * 1.05)
    scale = (width - left - right) / ticks[-1]
    axis_y = top + row_h * len(rows) + 6
    parts = [_svg_open(width, height, title, description, "range")]
    parts.append(_x_axis(ticks, left, scale, axis_y, axis_y - top))
    for index, row in enumerate(rows):
        y = top + index * row_h + row_h / 2
        colour = KIND_COLOURS.get(row.kind, "#555")
        parts.append(
            f'<text x="{left - 8}" y="{y + 4:.1f}" text-anchor="end" fill="#222">{escape(_clip(row.label, 44))}</text>'
        )
        parts.append(_range_mark(row, y, left, scale, ticks[-1], colour))
    parts.append("</svg>")
    return Markup("".join(parts))


def _range_mark(row: RangeRow, y: float, left: float, scale: float, axis_max: float, colour: str) -> str:
    low = row.low if row.low is not None else 0.0
    x_low = left + low * scale
    label = _fmt(low) if row.high in (None, low) else f"{_fmt(low)}–{_fmt(row.high)}"
    if row.high is None:  # open-ended: an arrow to the edge says "at least"
        x_high = left + axis_max * scale
        mark = (
            f'<line x1="{x_low:.1f}" y1="{y:.1f}" x2="{x_high:.1f}" y2="{y:.1f}" stroke="{colour}" '
            f'stroke-width="3" stroke-dasharray="6 4"/><circle cx="{x_low:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'
        )
        label = f"≥ {_fmt(low)}"
    elif row.high == low:
        mark = f'<circle cx="{x_low:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'
    else:
        x_high = left + row.high * scale
        mark = (
            f'<line x1="{x_low:.1f}" y1="{y:.1f}" x2="{x_high:.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="6" '
            f'stroke-linecap="round" opacity="0.75"/>'
        )
    if row.point is not None:
        x = left + row.point * scale
        mark += (
            f'<path d="M{x:.1f} {y - 7:.1f} L{x + 7:.1f} {y:.1f} L{x:.1f} {y + 7:.1f} L{x - 7:.1f} {y:.1f} Z" '
            f'fill="#fff" stroke="{colour}" stroke-width="2"/>'
        )
        label = f"{_fmt(row.point)} ({label})"
    anchor_x = x_low + 8
    return mark + f'<text x="{anchor_x:.1f}" y="{y - 8:.1f}" fill="#333">{escape(label)}</text>'


def bar_chart(
    items: Sequence[tuple[str, int | None]], title: str, description: str, *, suppressed_label: str = "suppressed"
) -> Markup:
    """Horizontal bars; a None value is a suppressed small cell, drawn as a note, not a bar."""
    width, left, right, row_h, top = 520, 150, 60, 20, 8
    height = top + row_h * max(len(items), 1) + 28
    ticks = nice_ticks(max((v for _, v in items if v is not None), default=1))
    scale = (width - left - right) / ticks[-1]
    axis_y = top + row_h * max(len(items), 1) + 4
    parts = [_svg_open(width, height, title, description, "bar"), _x_axis(ticks, left, scale, axis_y, axis_y - top)]
    for index, (label, value) in enumerate(items):
        y = top + index * row_h
        parts.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end" fill="#222">{escape(_clip(label, 22))}</text>')
        if value is None:
            parts.append(f'<text x="{left + 4}" y="{y + 13}" fill="#888" font-style="italic">{escape(suppressed_label)}</text>')
            continue
        bar_w = max(value * scale, 1)
        parts.append(f'<rect x="{left}" y="{y + 3}" width="{bar_w:.1f}" height="{row_h - 6}" fill="{PALETTE[0]}"/>')
        parts.append(f'<text x="{left + bar_w + 4:.1f}" y="{y + 13}" fill="#333">{_fmt(value)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


@dataclass(frozen=True)
class TimelinePoint:
    day: date
    value: float
    series: str  # the claimant
    label: str  # tooltip text


def timeline_chart(points: Sequence[TimelinePoint], title: str, description: str) -> Markup:
    """Figures by claimant over time: one colour per claimant, a legend below."""
    width, left, right, top, plot_h = 760, 70, 20, 10, 240
    series = sorted({p.series for p in points})
    legend_rows = math.ceil(len(series) / 3)
    height = top + plot_h + 40 + legend_rows * 18
    parts = [_svg_open(width, height, title, description, "timeline")]
    if not points:
        parts.append('<text x="20" y="40" fill="#666">No dated claims.</text></svg>')
        return Markup("".join(parts))
    days = [p.day.toordinal() for p in points]
    first, last = min(days), max(days)
    span = max(last - first, 1)
    ticks = nice_ticks(max(p.value for p in points) * 1.05)
    y_scale = plot_h / ticks[-1]
    x_scale = (width - left - right) / span
    base = top + plot_h
    for tick in ticks:
        y = base - tick * y_scale
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#eee"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{_fmt(tick)}</text>')
    for ordinal, anchor in ((first, "start"), (first + span // 2, "middle"), (last, "end")):
        x = left + (ordinal - first) * x_scale
        parts.append(
            f'<text x="{x:.1f}" y="{base + 16}" text-anchor="{anchor}" fill="#555">{date.fromordinal(ordinal).isoformat()}</text>'
        )
    colour_of = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(series)}
    for point in points:
        x = left + (point.day.toordinal() - first) * x_scale
        y = base - point.value * y_scale
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour_of[point.series]}" opacity="0.85">'
            f"<title>{escape(point.label)}</title></circle>"
        )
    for index, name in enumerate(series):
        x = left + (index % 3) * 230
        y = base + 34 + (index // 3) * 18
        parts.append(f'<circle cx="{x}" cy="{y - 4}" r="5" fill="{colour_of[name]}"/>')
        parts.append(f'<text x="{x + 10}" y="{y}" fill="#222">{escape(_clip(name, 32))}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def upset_chart(
    lists: Sequence[str], patterns: Sequence[tuple[tuple[int, ...], int]], title: str, description: str, *, top_n: int = 20
) -> Markup:
    """UpSet-style overlap: a bar per capture pattern, with dots showing which lists it joins."""
    shown = sorted(patterns, key=lambda item: -item[1])[:top_n]
    left, col_w, top, bar_h, dot_gap = 150, 30, 10, 160, 20
    width = left + col_w * max(len(shown), 1) + 20
    height = top + bar_h + 20 + dot_gap * len(lists) + 10
    parts = [_svg_open(width, height, title, description, "upset")]
    peak = max((count for _, count in shown), default=1)
    matrix_top = top + bar_h + 20
    for row, name in enumerate(lists):
        y = matrix_top + row * dot_gap
        parts.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end" fill="#222">{escape(_clip(name, 22))}</text>')
    for column, (pattern, count) in enumerate(shown):
        x = left + column * col_w + col_w / 2
        h = count / peak * (bar_h - 14)
        parts.append(
            f'<rect x="{x - 9:.1f}" y="{top + bar_h - h:.1f}" width="18" height="{h:.1f}" fill="{PALETTE[0]}">'
            f"<title>{escape(_pattern_label(lists, pattern))}: {count:,}</title></rect>"
        )
        parts.append(f'<text x="{x:.1f}" y="{top + bar_h - h - 3:.1f}" text-anchor="middle" font-size="10" fill="#333">{count:,}</text>')
        members = [row for row, flag in enumerate(pattern) if flag]
        for row in range(len(lists)):
            y = matrix_top + row * dot_gap
            fill = "#222" if row in members else "#ddd"
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{fill}"/>')
        if len(members) > 1:
            y1, y2 = matrix_top + members[0] * dot_gap, matrix_top + members[-1] * dot_gap
            parts.append(f'<line x1="{x:.1f}" y1="{y1}" x2="{x:.1f}" y2="{y2}" stroke="#222" stroke-width="2"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _pattern_label(lists: Sequence[str], pattern: Sequence[int]) -> str:
    names = [name for name, flag in zip(lists, pattern) if flag]
    return " & ".join(names) + (" only" if len(names) == 1 else "")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
