"""Collect a report's aggregates from a case, by calling each stage's own functions.

A stage that has not run (no claims yet, no linkage, no estimate) is listed in
``stages_missing`` instead of failing: the report says plainly what it cannot show.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import pandas as pd

from reckon import __version__
from reckon.articles.document import Document
from reckon.articles.store import document_summaries, load_documents
from reckon.case import Case
from reckon.claims.aliases import Claimants, load_claimants, reviewed_claims
from reckon.claims.model import Claim
from reckon.errors import InputError, NotLinkedError
from reckon.estimate.histories import capture_histories
from reckon.estimate.store import load_estimates
from reckon.linkage.store import load_persons, person_count
from reckon.lists.store import list_summaries, load_records, record_counts, resolved_place_count
from reckon.report.data import ClaimRow, EstimateRow, ListSummary, ReportData
from reckon.report.scope import EventArea, claim_scope, event_area

AGE_BANDS = ((0, 17, "0–17"), (18, 29, "18–29"), (30, 44, "30–44"), (45, 59, "45–59"), (60, 200, "60+"))
VICTIM_FIELDS = (
    "record_id", "date_of_death_low", "date_of_death_high", "province", "sex", "age_low", "age_high",
    "province_id", "province_name", "province_name_native",
)
SCRIPTS = ("latin", "native")


def gather_report_data(case: Case, *, area: str | None = None, script: str = "latin") -> ReportData:
    """Read every section's aggregates from the case.

    ``area`` names the place that stands for the whole event (default: read from the case,
    see ``reckon.report.scope``); claims tied to another place are kept out of the headline range.
    Provinces are named in ``script`` ("latin", or "native": the country's own script), one
    bar per canonical province.
    """
    if script not in SCRIPTS:
        raise InputError(f"script {script!r} is not one of {', '.join(SCRIPTS)}", fix="use --script latin or --script native")
    missing: list[str] = []
    claims = reviewed_claims(case)
    documents = load_documents(case)
    claimants = load_claimants(case, claims, documents)
    whole = event_area(claims, documents, area)
    if not claims:
        missing.append("claims")
    lists = _lists(case)
    if not lists:
        missing.append("lists")
    persons = person_count(case)
    if persons is None:
        missing.append("linkage")
    overlap_lists, overlap = _overlap(case)
    estimates = _estimates(case)
    if not estimates:
        missing.append("estimation")
    counts = record_counts(case)
    records = counts["records"]
    return ReportData(
        case_name=case.folder.resolve().name,
        reckon_version=__version__,
        generated_at=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        claims=_claim_rows(claims, documents, claimants, whole),
        reattributions=_reattributions(claims, documents, claimants),
        lists=lists,
        records=records,
        unidentified=counts["unidentified"],
        persons=persons,
        script=script,
        places_attribution=_places_attribution(case),
        victims_by=_victims_by(case, linked=persons is not None, script=script) if records else {},
        overlap_lists=overlap_lists,
        overlap=overlap,
        estimates=estimates,
        documents=tuple(_document_row(d) for d in sorted(document_summaries(case), key=lambda d: d["file"])),
        stages_missing=tuple(missing),
        event_area=whole.name,
        event_area_how=whole.how,
        aliases=len(claimants.aliases),
        audit_head=_audit_head(case),
    )


def _claim_rows(
    claims: list[Claim], documents: list[Document], claimants: Claimants, area: EventArea
) -> tuple[ClaimRow, ...]:
    published = {d.sha256: d.published for d in documents}
    ordered = sorted(claims, key=lambda c: (c.file, c.start))
    return tuple(_claim_row(c, published, claimants, area) for c in ordered)


def _claim_row(c: Claim, published: dict[str, str | None], claimants: Claimants, area: EventArea) -> ClaimRow:
    scope = claim_scope(c, area)
    return ClaimRow(
        claimant=claimants.label(c),
        category=c.category,
        figure_low=c.figure_low,
        figure_high=c.figure_high,
        qualifier=c.qualifier or "exact",
        date=c.claim_date or published.get(c.document_sha256 or ""),
        file=c.file or "",
        quote=c.quote or "",
        via=c.via,
        disputed_by=claimants.resolve_name(c.disputed_by),
        hedged=bool(c.hedged),
        claimant_key=claimants.key(c),
        place=scope.place,
        subgroup=c.subgroup,
        period=c.period,
        scope=scope.kind,
        scope_detail=scope.detail,
    )


def _document_row(summary: dict[str, Any]) -> dict[str, Any]:
    keys = ("file", "sha256", "kind", "published", "publisher")
    return {k: None if summary[k] is None else str(summary[k]) for k in keys}


def _reattributions(claims: list[Claim], documents: list[Document], claimants: Claimants) -> tuple[str, ...]:
    """Re-attribution flags from the ledger, as sentences."""
    if not claims:
        return ()
    from reckon.ledger import build_ledger

    return tuple(flag.message for flag in build_ledger(claims, documents, claimants=claimants).reattributions)


def _lists(case: Case) -> tuple[ListSummary, ...]:
    return tuple(
        ListSummary(
            name=r["name"],
            organisation=r.get("organisation"),
            file=r.get("file"),
            sha256=r.get("sha256"),
            rows=int(r.get("row_count") or 0),
            quarantined=int(r.get("quarantined_count") or 0),
            unidentified=int(r.get("unidentified") or 0),
            country=r.get("country"),
        )
        for r in sorted(list_summaries(case), key=lambda r: r["name"])
    )


def _overlap(case: Case) -> tuple[tuple[str, ...], tuple[tuple[tuple[int, ...], int], ...]]:
    """Capture patterns of the linked persons: which lists document each person."""
    try:
        histories = capture_histories(case)
    except NotLinkedError:
        return (), ()
    patterns = tuple(
        (tuple(int(flag) for flag in pattern), int(count)) for pattern, count in zip(histories.patterns, histories.counts)
    )
    return histories.lists, patterns


def _victims_by(case: Case, *, linked: bool, script: str = "latin") -> dict[str, list[tuple[str, int]]]:
    """Documented victims by date, province, age band and sex: one row per person when linked."""
    victims = _victim_units(case, linked, script)
    return {
        "date of death": _count(victims["day"], sort_by_label=True),
        "province": _count(victims["province"]),
        "age band": _age_bands(victims["age"]),
        "sex": _count(victims["sex"].map({"m": "male", "f": "female"})),
    }


def _victim_units(case: Case, linked: bool, script: str = "latin") -> pd.DataFrame:
    """One row per victim (per linked person if linkage ran, else per record): day, province, sex, age."""
    records = load_records(case, columns=VICTIM_FIELDS)
    records["province"] = province_labels(records, script)
    exact = records["date_of_death_low"].notna() & (records["date_of_death_low"] == records["date_of_death_high"])
    records["day"] = pd.to_datetime(records["date_of_death_low"]).dt.strftime("%Y-%m-%d").where(exact)
    records["age"] = (records["age_low"] + records["age_high"].fillna(records["age_low"])) / 2.0
    units = records[["record_id", "day", "province", "sex", "age"]]
    if not linked:
        return units
    persons = load_persons(case)[["record_id", "person_id"]]
    # any value of the person's records, as DuckDB's any_value: the first that is not missing
    return units.merge(persons, on="record_id").groupby("person_id", sort=False)[["day", "province", "sex", "age"]].first()


def province_labels(records: pd.DataFrame, script: str) -> pd.Series:
    """Each record's province as the report names it: the canonical province in ``script``
    (else in the other script), else the province as written, lightly folded, so that one
    unresolved province written two ways ("کرمانشاه،", "استان کرمانشاه") is one label."""
    first, second = ("province_name", "province_name_native")[:: 1 if script == "latin" else -1]
    canonical = records[first].where(records[first].notna(), records[second])
    written = records["province"].map(_folded_province, na_action="ignore")
    return canonical.where(records["province_id"].notna(), written)


def _folded_province(text: str) -> str | None:
    from reckon.places.keys import province_marked

    text = text.replace("ي", "ی").replace("ك", "ک").strip(" \t،,;؛.")
    return (province_marked(text) or text).strip() or None


def _places_attribution(case: Case) -> str | None:
    """The gazetteer's sources (their licences ask for it), if any place was resolved."""
    if not resolved_place_count(case):
        return None
    from reckon.places.gazetteer import ATTRIBUTION

    return ATTRIBUTION


def _count(values: pd.Series, *, sort_by_label: bool = False) -> list[tuple[str, int]]:
    counts = values.fillna("unknown").value_counts()
    pairs = [(str(label), int(n)) for label, n in counts.items()]
    return sorted(pairs) if sort_by_label else sorted(pairs, key=lambda p: (-p[1], p[0]))


def _age_bands(ages: pd.Series) -> list[tuple[str, int]]:
    def band(age: float) -> str:
        if pd.isna(age):
            return "unknown"
        return next((label for _, high, label in AGE_BANDS if age < high + 1), "unknown")

    counts = ages.map(band).value_counts()
    order = [label for *_, label in AGE_BANDS] + ["unknown"]
    return [(label, int(counts[label])) for label in order if label in counts]


def _estimates(case: Case) -> tuple[EstimateRow, ...]:
    return tuple(
        EstimateRow(
            method=r["method"],
            model=r.get("model"),
            estimate=float(r["estimate"]),
            lower=_float(r.get("lower")),
            upper=_float(r.get("upper")),
            level=float(r.get("level") or 0.95),
            observed=int(r.get("observed") or 0),
            warnings=tuple(r.get("warnings") or ()),
            diagnostics=r.get("diagnostics") or {},
            parameters=r.get("parameters") or {},
            input_hash=r.get("input_hash"),
            stratum=r.get("stratum"),
        )
        for r in load_estimates(case)
    )


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _audit_head(case: Case) -> dict[str, Any]:
    """The audit trail's last row as the report is made: publish it, compare it later."""
    from reckon.audit import audit_head

    head = audit_head(case)
    return {"seq": head.rows, "hash": head.head, "keyed": head.keyed}
