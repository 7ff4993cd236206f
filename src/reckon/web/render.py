"""Answers: a page rendered on the server, or its ``.json`` twin, or one shape of JSON error.

Every page handler returns plain data; ``respond`` renders it with the page's template or
sends it as JSON when the path ends in ``.json``. Templates escape every value (Jinja2
autoescaping), so names, quotes and notes are shown as text, never run as markup.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import html
import math
import re
from datetime import date, datetime
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

_env = Environment(
    loader=PackageLoader("reckon.web", "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["num"] = lambda v: "" if v is None else f"{v:,.0f}"
_env.filters["prob"] = lambda v: "" if v is None else f"{float(v):.3f}"
_env.filters["signed"] = lambda v: "" if v is None else f"{float(v):+.2f}"
_env.filters["figure"] = lambda pair: _figure(*pair)
_env.filters["number_range"] = lambda pair: "–".join(f"{v:,}" for v in dict.fromkeys(v for v in pair if v is not None))
_env.filters["svg_img"] = lambda svg, alt: svg_image(str(svg), alt)


def svg_image(svg: str, alt: str) -> Markup:
    """An SVG chart as an image: its own inline styles stay inside it, so the page's
    Content-Security-Policy needs no 'unsafe-inline'. The chart's description is the alt text."""
    svg = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1) if "xmlns=" not in svg else svg
    match = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    width = match.group(1) if match else "760"
    described = re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S)
    if described:
        alt = html.unescape(described.group(1))
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup('<img class="chart" width="{}" alt="{}" src="data:image/svg+xml;base64,{}">').format(width, alt, encoded)


def _figure(low: int | None, high: int | None) -> str:
    """300, 300–350, at most 300 (no low), or 300+ (open-ended)."""
    if low is None:
        return f"≤{high:,}" if high is not None else ""
    if high is None:
        return f"{low:,}+"
    return f"{low:,}" if low == high else f"{low:,}–{high:,}"


def weight_bar(weight: float, half: int = 90, per_unit: float = 4.5) -> Markup:
    """A small SVG bar from the middle: right and green for a positive weight, left and red for a
    negative one (beyond +/-20 the bar is cut and ends in an arrow head)."""
    length = min(abs(weight) * per_unit, half)
    x = half if weight >= 0 else half - length
    colour = "#2e7d32" if weight >= 0 else "#c62828"
    return Markup(
        '<svg class="bar" width="{w}" height="14" viewBox="0 0 {w} 14" aria-hidden="true">'
        '<line x1="{h}" y1="0" x2="{h}" y2="14" stroke="#888"/>'
        '<rect x="{x:.1f}" y="3" width="{l:.1f}" height="8" fill="{c}"/></svg>'
    ).format(w=2 * half, h=half, x=x, l=length, c=colour)


_env.globals["bar"] = weight_bar


def wants_json(request: Request) -> bool:
    """A ``.json`` path, or a client that asks for JSON and not for HTML."""
    if request.url.path.endswith(".json"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def respond(request: Request, template: str, data: dict[str, Any], *, status: int = 200) -> Response:
    if request.url.path.endswith(".json"):
        return JSONResponse(plain(data), status_code=status)
    context = {**data, **page_context(request)}
    return HTMLResponse(_env.get_template(template).render(**context), status_code=status)


def page_context(request: Request) -> dict[str, Any]:
    """What every page shows beside its data: who is logged in, the CSRF token for its forms."""
    actor = getattr(request.state, "actor", None)
    return {
        "me": actor.user if actor else None,
        "csrf": actor.session.csrf_token if actor else "",
        "path": request.url.path,
    }


def error_response(request: Request, status: int, message: str, *, headers: dict[str, str] | None = None) -> Response:
    """The one error shape: {"error": {"status": 403, "message": "..."}} or the error page."""
    if wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)
    html = _env.get_template("error.html").render(status=status, message=message, **page_context(request))
    return HTMLResponse(html, status_code=status, headers=headers)


def render_template(template: str, **context: Any) -> str:
    return _env.get_template(template).render(**context)


def plain(value: Any) -> Any:
    """Data as JSON can hold it: dataclasses as dicts, dates as ISO text, NaN and NA as null."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return plain(value.to_dict() if hasattr(value, "to_dict") else dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items() if not str(k).startswith("_")}
    if isinstance(value, (list, tuple, set)):
        return [plain(v) for v in value]
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (str, int, bool)) or value is None:
        return value
    if hasattr(value, "item"):  # NumPy scalars
        return plain(value.item())
    if value.__class__.__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, Markup):
        return str(value)
    return json.loads(json.dumps(value, default=str))
