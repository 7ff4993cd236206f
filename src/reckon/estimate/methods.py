"""One place that maps a method name and its settings to the estimator that runs it.

The CLI's ``--method`` and the library share these names: ``chapman``, ``loglinear``,
``stepwise``, ``lcmcr``. ``EstimateSettings`` holds every option once, with the defaults
of the reference packages, and round-trips to a plain dict (stored with each estimate).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from reckon.errors import EstimationError
from reckon.estimate.histories import CaptureHistories
from reckon.estimate.results import EstimateResult

METHODS = ("chapman", "loglinear", "stepwise", "lcmcr")


@dataclass(frozen=True)
class EstimateSettings:
    level: float = 0.95
    max_order: int | None = None  # loglinear: None = Rcapture's default (k - 1), or 2 beyond 5 lists
    select: str = "bic"  # loglinear: "aic" or "bic"
    model: str | None = None  # loglinear: fit this model instead of searching
    p_value: float = 0.02  # stepwise: SparseMSE's pthresh
    chains: int | None = None  # lcmcr: None = the sampler's defaults
    burn_in: int | None = None
    samples: int | None = None
    thin: int | None = None
    seed: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def run_method(method: str, histories: CaptureHistories, settings: EstimateSettings) -> EstimateResult:
    """Run one estimator by name."""
    if method == "chapman":
        from reckon.estimate.chapman import chapman

        return chapman(histories, level=settings.level)
    if method == "loglinear":
        from reckon.estimate.loglinear import loglinear

        return loglinear(histories, max_order=settings.max_order, select=settings.select,
                         level=settings.level, model=settings.model)
    if method == "stepwise":
        from reckon.estimate.stepwise import stepwise

        return stepwise(histories, p_value=settings.p_value, level=settings.level)
    if method == "lcmcr":
        return _run_lcmcr(histories, settings)
    raise EstimationError(f"method={method!r} is unknown; use one of {', '.join(METHODS)} (or all)")


def _run_lcmcr(histories: CaptureHistories, settings: EstimateSettings) -> EstimateResult:
    from reckon.estimate.lcmcr import fit_lcmcr

    options = {
        name: value
        for name, value in (("chains", settings.chains), ("burn_in", settings.burn_in),
                            ("samples", settings.samples), ("thin", settings.thin), ("seed", settings.seed))
        if value is not None
    }
    return fit_lcmcr(histories, level=settings.level, **options)
