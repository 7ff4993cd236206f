"""reckon: from conflicting casualty reports to an honest count.

The library is the product; the `reckon` command and the report are thin layers over it.

    import reckon

    case = reckon.Case.init("veloria-2026")
    reckon.add_articles(case, ["wire.txt", "rights-report.html"])     # documents + claims
    ledger = reckon.build_ledger(reckon.load_claims(case))            # who claims what
    reckon.add_list(case, "rights.csv", name="rights_group")          # victim lists
    reckon.link_case(case)                                            # records -> persons
    histories = reckon.capture_histories(case)                        # who is on which lists
    print(reckon.loglinear(histories).summary())                      # how many in all
    reckon.write_report(case, "report.html")                          # the offline report

Stage functions are imported on first use, so `import reckon` (and every CLI command)
stays fast: spaCy, Splink, SciPy and Numba load only when their stage runs.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from reckon.case import Case
from reckon.errors import (
    CaseError,
    EstimationError,
    InputError,
    ReckonError,
    StatisticalWarning,
)

__version__ = "0.1.0"

# Public name -> the module that defines it (imported when the name is first used).
_STAGE_EXPORTS = {
    "read_article": "reckon.articles.read",
    "extract_claims": "reckon.claims",
    "extract_claims_many": "reckon.claims",
    "add_articles": "reckon.claims.ingest",
    "claims_from_files": "reckon.claims.ingest",
    "load_claims": "reckon.claims.store",
    "load_documents": "reckon.articles.store",
    "build_ledger": "reckon.ledger",
    "read_list": "reckon.lists.reading",
    "add_list": "reckon.lists.store",
    "load_records": "reckon.lists.store",
    "link_records": "reckon.linkage",
    "link_case": "reckon.linkage",
    "capture_histories": "reckon.estimate.case_estimates",
    "estimate_case": "reckon.estimate.case_estimates",
    "persons_table": "reckon.linkage",
    "read_capture_csv": "reckon.estimate.histories",
    "chapman": "reckon.estimate.chapman",
    "loglinear": "reckon.estimate.loglinear",
    "stepwise": "reckon.estimate.stepwise",
    "fit_lcmcr": "reckon.estimate.lcmcr",
    "compare_methods": "reckon.estimate.compare",
    "simulate_event": "reckon.simulate",
    "write_report": "reckon.report",
    "run_demo": "reckon.demo",
}

__all__ = [
    "Case",
    "CaseError",
    "EstimationError",
    "InputError",
    "ReckonError",
    "StatisticalWarning",
    "__version__",
    *sorted(_STAGE_EXPORTS),
]


def __getattr__(name: str) -> Any:
    module = _STAGE_EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reckon' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_STAGE_EXPORTS))
