"""Two lists: the Lincoln–Petersen estimate with Chapman's correction.

With n1 people on list A, n2 on list B and m on both, Chapman's (1951) nearly unbiased
form of Lincoln–Petersen is

    N = (n1 + 1)(n2 + 1) / (m + 1) - 1,
    var = (n1 + 1)(n2 + 1)(n1 - m)(n2 - m) / ((m + 1)**2 (m + 2))      (Seber 1970).

The interval is Chao's (1987) log-normal interval, which never goes below the people
observed: n + f0 / C .. n + f0 * C with f0 = N - n and C = exp(z sqrt(log(1 + var / f0**2))).

Assumptions, stated plainly: closed population; the two lists are independent (being on
one does not change the chance of being on the other) and everyone has the same chance of
being on each list. With two lists these cannot be tested: positive dependence (the same
people are easy to find for both) biases N downward, negative dependence upward.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import norm

from reckon.errors import EstimationError
from reckon.estimate.histories import CaptureHistories
from reckon.estimate.results import EstimateResult, statistical_warning

INDEPENDENCE_WARNING = (
    "two lists: the estimate assumes the lists are independent, and with two lists that cannot "
    "be tested; dependence between them biases it (usually downward)"
)


@dataclass(frozen=True)
class Chapman:
    """Lincoln–Petersen/Chapman estimate for exactly two lists (see the module docstring)."""

    histories: CaptureHistories
    level: float = 0.95

    def fit(self) -> EstimateResult:
        h = self.histories
        if h.n_lists != 2:
            raise EstimationError(
                f"chapman needs exactly 2 lists, these data have {h.n_lists} ({', '.join(h.lists)}); "
                "use --method loglinear (or stepwise), which can also model dependence between lists"
            )
        if not 0 < self.level < 1:
            raise EstimationError(f"level={self.level} must be between 0 and 1, e.g. 0.95")
        table = h.full_table()
        only_first, only_second, both = (int(table[i]) for i in (1, 2, 3))
        n1, n2, m = only_first + both, only_second + both, both
        estimate = (n1 + 1) * (n2 + 1) / (m + 1) - 1
        variance = (n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m) / ((m + 1) ** 2 * (m + 2))
        lower, upper = _log_normal_interval(h.observed, estimate, variance, self.level)
        warnings = [statistical_warning(INDEPENDENCE_WARNING)]
        if m == 0:
            warnings.append(statistical_warning(
                "no one is on both lists: the estimate is driven by the +1 corrections and means little"
            ))
        return EstimateResult(
            method="chapman", estimate=float(estimate), lower=lower, upper=upper, level=self.level,
            observed=h.observed, lists=h.lists, model="[independence]",
            interval_kind="log-normal (Chao 1987) with Chapman's variance",
            warnings=tuple(warnings),
            diagnostics={"n1": n1, "n2": n2, "both": m, "stderr": float(np.sqrt(variance))},
            parameters={"level": self.level},
        )


def chapman(histories: CaptureHistories, level: float = 0.95) -> EstimateResult:
    """Shortcut for ``Chapman(histories, level).fit()``."""
    return Chapman(histories, level).fit()


def _log_normal_interval(observed: int, estimate: float, variance: float, level: float) -> tuple[float, float]:
    unseen = estimate - observed
    if unseen <= 0 or variance <= 0:
        return float(observed), float(estimate)
    z = norm.ppf(0.5 + level / 2)
    spread = np.exp(z * np.sqrt(np.log(1 + variance / unseen**2)))
    return float(observed + unseen / spread), float(observed + unseen * spread)
