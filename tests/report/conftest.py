"""A hand-built report with every section filled, from a fictional event."""

from __future__ import annotations

import pytest

from reckon.report.data import ClaimRow, EstimateRow, ListSummary, ReportData


@pytest.fixture
def full_report_data() -> ReportData:
    claims = (
        ClaimRow("Veloria Interior Ministry", "killed", 230, 230, "about", "2026-03-10", "01_state.txt", "about 230 died"),
        ClaimRow("Free Veloria Front", "killed", 1500, None, "at least", "2026-03-02", "02_opp.txt", "at least 1,500"),
        ClaimRow("Northwire", "killed", 1500, 1500, "exact", "2026-03-05", "03_wire.txt", "1,500 killed", via="officials"),
        ClaimRow("Veloria Watch", "killed", 304, None, "at least", "2026-03-04", "04_rights.txt", "at least 304",
                 disputed_by="Veloria Interior Ministry"),
        ClaimRow("Veloria Watch", "arrested", 7000, 7000, "exact", "2026-03-04", "04_rights.txt", "7,000 detained"),
    )
    return ReportData(
        case_name="veloria-2026",
        reckon_version="0.1.0",
        generated_at="2026-03-20 10:00 UTC",
        claims=claims,
        reattributions=("03_wire.txt credits 1,500 to Northwire, but 02_opp.txt announced it first.",),
        lists=(ListSummary("rights_group", "Veloria Watch", "rights.csv", "ab" * 32, 300, 2),
               ListSummary("hospital", None, "hosp.csv", "cd" * 32, 200, 0)),
        records=500,
        persons=420,
        victims_by={
            "date of death": [("2026-03-01", 150), ("2026-03-02", 268), ("unknown", 2)],
            "province": [("North", 300), ("South", 117), ("Isles", 3)],
            "age band": [("0–17", 40), ("18–29", 200), ("30–44", 150), ("unknown", 30)],
            "sex": [("male", 380), ("female", 39), ("unknown", 1)],
        },
        overlap_lists=("hospital", "rights_group"),
        overlap=(((1, 0), 120), ((0, 1), 220), ((1, 1), 80)),
        estimates=(
            EstimateRow("loglinear", "[hospital, rights_group]", 750.0, 640.0, 910.0, 0.95, 420,
                        warnings=("independence cannot be tested with two lists",), diagnostics={"AIC": 12.5},
                        parameters={"select": "bic"}, input_hash="ef" * 32),
        ),
        documents=({"file": "01_state.txt", "sha256": "01" * 32, "kind": "txt", "published": "2026-03-10", "publisher": None},),
    )
