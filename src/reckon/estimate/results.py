"""The result of one estimator run: immutable, serialisable, with its warnings."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class EstimateResult:
    """A population-size estimate with its interval and everything needed to judge it."""

    method: str  # "chapman", "loglinear", "stepwise", "lcmcr"
    estimate: float  # point estimate of the total (observed + unobserved)
    lower: float | None
    upper: float | None
    level: float  # e.g. 0.95
    observed: int
    lists: tuple[str, ...]
    model: str | None = None  # e.g. "[EXH*ABA*OSCE, EXH*HRW, OSCE*HRW]" or "K=10"
    interval_kind: str | None = None  # "profile likelihood", "posterior quantiles", ...
    warnings: tuple[str, ...] = ()
    diagnostics: dict[str, Any] = field(default_factory=dict)  # AIC/BIC table, R-hat, ESS, ...
    parameters: dict[str, Any] = field(default_factory=dict)  # settings and seed
    stratum: str | None = None
    draws: np.ndarray | None = field(default=None, repr=False, compare=False)  # (chain, draw) for Bayesian

    @property
    def interval(self) -> tuple[float | None, float | None]:
        return (self.lower, self.upper)

    @property
    def unobserved(self) -> float:
        return self.estimate - self.observed

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("draws")
        data["lists"] = list(self.lists)
        data["warnings"] = list(self.warnings)
        return _plain(data)

    def summary(self) -> str:
        interval = ""
        if self.lower is not None and self.upper is not None:
            interval = f", {self.level:.0%} interval {self.lower:,.0f}–{self.upper:,.0f}"
        model = f" ({self.model})" if self.model else ""
        text = f"{self.method}{model}: {self.estimate:,.1f}{interval}; observed {self.observed:,}"
        for warning in self.warnings:
            text += f"\n  warning: {warning}"
        return text


def _plain(value: Any) -> Any:
    """NumPy scalars and arrays into JSON-friendly Python values."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.generic):
        return value.item()
    return value


def statistical_warning(message: str) -> str:
    """Issue ``message`` as a StatisticalWarning and return it, for EstimateResult.warnings."""
    import warnings

    from reckon.errors import StatisticalWarning

    warnings.warn(message, StatisticalWarning, stacklevel=3)
    return message
