"""Add stratum estimates into a total, with an interval that says how it was combined.

Strata (provinces, months, sexes) are estimated separately because capture probabilities
differ between them; the total is the sum of the stratum totals. Strata are assumed
independent (no person in two strata).

- Bayesian results (with ``draws``): the draws are summed draw by draw, and the total's
  median and quantile interval come from the summed draws. This is exact.
- Frequentist results: each stratum's interval width gives an approximate standard error,
  (upper - lower) / (2 z); variances add across strata; the total's unobserved count gets a
  log-normal interval with that variance (Chao 1987), so it never falls below the people
  observed. This is an approximation: the stratum intervals are not exactly normal.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.stats import norm

from reckon.errors import EstimationError
from reckon.estimate.results import EstimateResult

TOTAL = "total"


def combine_strata(results: Sequence[EstimateResult]) -> EstimateResult:
    """The total over strata estimated with the same method and level (see the module docstring)."""
    if not results:
        raise EstimationError("combine_strata needs at least one stratum result")
    methods = {r.method for r in results}
    levels = {r.level for r in results}
    if len(methods) > 1 or len(levels) > 1:
        raise EstimationError(
            f"cannot add strata estimated differently (methods {sorted(methods)}, levels {sorted(levels)}); "
            "estimate every stratum with the same --method and --level"
        )
    if all(r.draws is not None for r in results):
        total = _from_draws(results)
    else:
        total = _from_intervals(results)
    estimate, lower, upper, kind, draws = total
    warnings = tuple(f"stratum {r.stratum}: {w}" for r in results for w in r.warnings)
    strata = [
        {"stratum": r.stratum, "estimate": r.estimate, "lower": r.lower, "upper": r.upper,
         "observed": r.observed, "model": r.model}
        for r in results
    ]
    return EstimateResult(
        method=results[0].method, estimate=estimate, lower=lower, upper=upper, level=results[0].level,
        observed=sum(r.observed for r in results), lists=results[0].lists,
        model=f"sum of {len(results)} strata", interval_kind=kind, warnings=warnings,
        diagnostics={"strata": strata}, parameters=dict(results[0].parameters), stratum=TOTAL, draws=draws,
    )


def _from_draws(results: Sequence[EstimateResult]):
    shapes = {np.shape(r.draws) for r in results}
    if len(shapes) > 1:
        raise EstimationError(
            f"strata have different numbers of draws ({sorted(shapes)}); run them with the same "
            "--chains and --samples so the draws can be added"
        )
    draws = np.sum([np.asarray(r.draws, dtype=float) for r in results], axis=0)
    tail = (1 - results[0].level) / 2
    low, mid, high = np.quantile(draws, [tail, 0.5, 1 - tail])
    return float(mid), float(low), float(high), "posterior quantiles of the summed draws", draws


def _from_intervals(results: Sequence[EstimateResult]):
    level = results[0].level
    z = norm.ppf(0.5 + level / 2)
    estimate = sum(r.estimate for r in results)
    observed = sum(r.observed for r in results)
    if any(r.lower is None or r.upper is None for r in results):
        return estimate, None, None, "none: a stratum has no finite interval", None
    variance = sum(((r.upper - r.lower) / (2 * z)) ** 2 for r in results)
    unseen = estimate - observed
    if unseen <= 0 or variance <= 0:
        return estimate, float(observed), estimate, "degenerate (nothing unobserved)", None
    spread = np.exp(z * np.sqrt(np.log(1 + variance / unseen**2)))
    kind = "log-normal from summed stratum variances (width / 2z), strata independent"
    return estimate, float(observed + unseen / spread), float(observed + unseen * spread), kind, None
