"""Keep estimates in the case: every run with its settings, seed and input hash."""

from __future__ import annotations

import json
import math
from datetime import datetime, timezone
from typing import Any

from reckon.case import Case
from reckon.estimate.results import EstimateResult, _plain

COLUMNS = (
    "id", "run_at", "method", "model", "parameters", "seed", "input_hash", "source", "stratum", "lists",
    "estimate", "lower", "upper", "level", "interval_kind", "observed", "warnings", "diagnostics",
)
JSON_COLUMNS = ("parameters", "lists", "warnings", "diagnostics")


def save_estimate(case: Case, result: EstimateResult, input_hash: str, *, source: str | None = None) -> int:
    """Store one result (and an audit row) in one transaction; return its id."""
    seed = result.parameters.get("seed")
    values = [
        datetime.now(timezone.utc).replace(tzinfo=None), result.method, result.model,
        _json(result.parameters), seed, input_hash, source, result.stratum, _json(list(result.lists)),
        result.estimate, result.lower, result.upper, result.level, result.interval_kind, result.observed,
        _json(list(result.warnings)), _json(result.diagnostics),
    ]
    with case.transaction():
        row = case.con.execute(
            f"INSERT INTO estimates ({', '.join(COLUMNS[1:])}) VALUES ({', '.join('?' * (len(COLUMNS) - 1))}) "
            "RETURNING id",
            values,
        ).fetchone()
        case.audit("estimate.save", id=row[0], method=result.method, stratum=result.stratum,
                   input_hash=input_hash, estimate=round(result.estimate, 3))
    return int(row[0])


def load_estimates(case: Case, *, method: str | None = None) -> list[dict[str, Any]]:
    """Stored estimates, oldest first, JSON columns decoded."""
    query = f"SELECT {', '.join(COLUMNS)} FROM estimates"
    args: list[Any] = []
    if method:
        query += " WHERE method = ?"
        args.append(method)
    rows = case.con.execute(query + " ORDER BY id", args).fetchall()
    out = []
    for row in rows:
        record = dict(zip(COLUMNS, row))
        for column in JSON_COLUMNS:
            record[column] = json.loads(record[column]) if record[column] is not None else None
        out.append(record)
    return out


def _json(value: Any) -> str:
    return json.dumps(_finite(_plain(value)), ensure_ascii=False, default=str)


def _finite(value: Any) -> Any:
    """Infinity and NaN are not JSON: store them as null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value
