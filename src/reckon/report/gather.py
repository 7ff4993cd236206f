"""Collect a report's aggregates from a case, one small query per section.

A stage that has not run (no claims yet, no linkage, no estimate) is listed in
``stages_missing`` instead of failing: the report says plainly what it cannot show.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from reckon import __version__
from reckon.case import Case
from reckon.report.data import ClaimRow, EstimateRow, ListSummary, ReportData

AGE_BANDS = ((0, 17, "0–17"), (18, 29, "18–29"), (30, 44, "30–44"), (45, 59, "45–59"), (60, 200, "60+"))


def gather_report_data(case: Case) -> ReportData:
    """Read every section's aggregates from the case."""
    missing: list[str] = []
    claims, documents = _claims(case, missing)
    lists, records = _lists(case, missing)
    persons = _persons(case, missing)
    overlap_lists, overlap = _overlap(case)
    return ReportData(
        case_name=case.folder.resolve().name,
        reckon_version=__version__,
        generated_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        claims=claims,
        reattributions=_reattributions(case),
        lists=lists,
        records=records,
        persons=persons,
        victims_by=_victims_by(case) if records else {},
        overlap_lists=overlap_lists,
        overlap=overlap,
        estimates=_estimates(case, missing),
        documents=documents,
        stages_missing=tuple(missing),
    )


def _rows(case: Case, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = case.con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _claims(case: Case, missing: list[str]) -> tuple[tuple[ClaimRow, ...], tuple[dict[str, Any], ...]]:
    if not case.has_table("claims") or not case.has_table("documents"):
        missing.append("claims")
        return (), ()
    documents = _rows(case, "SELECT file, sha256, kind, published, publisher FROM documents ORDER BY file")
    published = {d["sha256"]: d["published"] for d in documents}
    rows = _rows(case, "SELECT * FROM claims ORDER BY file, start")
    if not rows:
        missing.append("claims")
    claims = tuple(
        ClaimRow(
            claimant=r.get("claimant_key") or r.get("claimant") or "unknown",
            category=r["category"],
            figure_low=r.get("figure_low"),
            figure_high=r.get("figure_high"),
            qualifier=r.get("qualifier") or "exact",
            date=_text(r.get("claim_date")) or _text(published.get(r.get("document_sha256"))),
            file=r.get("file") or "",
            quote=r.get("quote") or "",
            via=r.get("via"),
            disputed_by=r.get("disputed_by"),
            hedged=bool(r.get("hedged")),
        )
        for r in rows
    )
    return claims, tuple({k: _text(v) for k, v in d.items()} for d in documents)


def _reattributions(case: Case) -> tuple[str, ...]:
    """Re-attribution flags from the ledger, as sentences."""
    if not case.has_table("claims"):
        return ()
    try:
        from reckon.claims.store import load_claims, load_documents
        from reckon.ledger import build_ledger
    except ImportError:
        return ()
    ledger = build_ledger(load_claims(case), load_documents(case))
    flags = getattr(ledger, "reattributions", None) or ()
    return tuple(str(getattr(flag, "message", flag)) for flag in flags)


def _lists(case: Case, missing: list[str]) -> tuple[tuple[ListSummary, ...], int]:
    if not case.has_table("lists"):
        missing.append("lists")
        return (), 0
    rows = _rows(case, "SELECT * FROM lists ORDER BY name")
    if not rows:
        missing.append("lists")
    lists = tuple(
        ListSummary(
            name=r["name"],
            organisation=r.get("organisation"),
            file=r.get("file"),
            sha256=r.get("sha256"),
            rows=int(r.get("row_count") or 0),
            quarantined=int(r.get("quarantined_count") or 0),
        )
        for r in rows
    )
    records = case.con.execute("SELECT count(*) FROM records").fetchone()[0] if case.has_table("records") else 0
    return lists, int(records)


def _persons(case: Case, missing: list[str]) -> int | None:
    """Distinct documented victims after linkage; None when linkage has not run."""
    if not case.has_table("persons") or not case.con.execute("SELECT count(*) FROM persons").fetchone()[0]:
        missing.append("linkage")
        return None
    return int(case.con.execute("SELECT count(DISTINCT person_id) FROM persons").fetchone()[0])


def _overlap(case: Case) -> tuple[tuple[str, ...], tuple[tuple[tuple[int, ...], int], ...]]:
    """Capture patterns of the linked persons: which lists document each person."""
    if not case.has_table("persons"):
        return (), ()
    lists = tuple(r[0] for r in case.con.execute("SELECT DISTINCT list_name FROM persons ORDER BY 1").fetchall())
    rows = case.con.execute(
        "SELECT lists, count(*) FROM (SELECT person_id, list(DISTINCT list_name ORDER BY list_name) AS lists "
        "FROM persons GROUP BY person_id) GROUP BY lists"
    ).fetchall()
    patterns = tuple((tuple(int(name in members) for name in lists), int(count)) for members, count in rows)
    return lists, patterns


def _victims_by(case: Case) -> dict[str, list[tuple[str, int]]]:
    """Documented victims by date, province, age band and sex: one row per person when linked."""
    unit = _victim_units_sql(case)
    by_date = _rows(case, f"SELECT coalesce(day, 'unknown') AS label, count(*) AS n FROM ({unit}) GROUP BY 1 ORDER BY 1")
    by_province = _rows(
        case, f"SELECT coalesce(province, 'unknown') AS label, count(*) AS n FROM ({unit}) GROUP BY 1 ORDER BY n DESC"
    )
    by_sex = _rows(
        case,
        f"SELECT CASE sex WHEN 'm' THEN 'male' WHEN 'f' THEN 'female' ELSE 'unknown' END AS label, "
        f"count(*) AS n FROM ({unit}) GROUP BY 1 ORDER BY n DESC",
    )
    band_sql = " ".join(f"WHEN age < {high + 1} THEN '{label}'" for _, high, label in AGE_BANDS)
    by_age = _rows(
        case,
        f"SELECT CASE WHEN age IS NULL THEN 'unknown' {band_sql} END AS label, count(*) AS n "
        f"FROM ({unit}) GROUP BY 1 ORDER BY 1",
    )
    order = [label for *_, label in AGE_BANDS] + ["unknown"]
    by_age.sort(key=lambda r: order.index(r["label"]) if r["label"] in order else len(order))
    return {
        "date of death": [(r["label"], int(r["n"])) for r in by_date],
        "province": [(r["label"], int(r["n"])) for r in by_province],
        "age band": [(r["label"], int(r["n"])) for r in by_age],
        "sex": [(r["label"], int(r["n"])) for r in by_sex],
    }


def _victim_units_sql(case: Case) -> str:
    """SQL for one row per victim: per linked person if linkage ran, else per record."""
    fields = (
        "CASE WHEN date_of_death_low = date_of_death_high THEN strftime(date_of_death_low, '%Y-%m-%d') END AS day, "
        "province, sex, (age_low + coalesce(age_high, age_low)) / 2.0 AS age"
    )
    if case.has_table("persons") and case.con.execute("SELECT count(*) FROM persons").fetchone()[0]:
        return (
            "SELECT any_value(day) AS day, any_value(province) AS province, any_value(sex) AS sex, "
            f"any_value(age) AS age FROM (SELECT p.person_id, {fields} FROM records r "
            "JOIN persons p USING (record_id)) GROUP BY person_id"
        )
    return f"SELECT {fields} FROM records"


def _estimates(case: Case, missing: list[str]) -> tuple[EstimateRow, ...]:
    if not case.has_table("estimates"):
        missing.append("estimation")
        return ()
    rows = _rows(case, "SELECT * FROM estimates ORDER BY id")
    if not rows:
        missing.append("estimation")
    return tuple(
        EstimateRow(
            method=r["method"],
            model=r.get("model"),
            estimate=float(r["estimate"]),
            lower=_float(r.get("lower")),
            upper=_float(r.get("upper")),
            level=float(r.get("level") or 0.95),
            observed=int(r.get("observed") or 0),
            warnings=tuple(_json(r.get("warnings"), [])),
            diagnostics=_json(r.get("diagnostics"), {}),
            parameters=_json(r.get("parameters"), {}),
            input_hash=r.get("input_hash"),
            stratum=r.get("stratum"),
        )
        for r in rows
    )


def _json(value: Any, default: Any) -> Any:
    if value is None:
        return default
    if isinstance(value, (dict, list)):
        return value
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return default


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
