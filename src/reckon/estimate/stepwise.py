"""Stepwise selection of two-list interactions for sparse data (Chan, Silverman & Vincent 2021).

"Multiple systems estimation for sparse capture data: inferential challenges when there are
non-overlapping lists", JASA 116:1297–1306 (arXiv 1902.05156); the method of SparseMSE's
``estimatepopulation(..., method = "stepwise", pthresh = 0.02)``:

1. start from the main-effects (independence) model;
2. for each two-list interaction not yet in the model, compare the people on both lists
   with the model's Poisson prediction of that number: the p-value is the smaller Poisson
   tail, min(P(X <= n_ij), P(X >= n_ij));
3. a candidate whose model would have no finite MLE (linear-programming test) or would not
   be identifiable (rank of the design) gets p = 1;
4. add the interaction with the smallest p-value while it is below the threshold.

A pair of lists with no one in common ("non-overlapping") has an interaction estimated at
minus infinity: the cells holding both lists are dropped and the parameter left out.

The interval is SparseMSE's: normal on the log of the unobserved count,
n + exp(b0 ± z·se(b0)) (its ``estimatepopulation.0`` quantiles). The profile-likelihood
interval of the same model is in ``diagnostics["profile_interval"]``. The paper's own
intervals are BCa bootstrap intervals, which also reflect the stepwise choice; these do not.

Assumptions, stated plainly: closed population; no interaction of three or more lists;
list dependence only through the chosen pairs; heterogeneity of capture between people is
not modelled except as it shows up in pairwise dependence.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import norm, poisson

from reckon.errors import EstimationError
from reckon.estimate.design import Term, model_name, rcapture_name, term_mask
from reckon.estimate.histories import CaptureHistories
from reckon.estimate.modelfit import ModelFit, all_cells, check_model, fit_model, pair_overlap, require_overlap
from reckon.estimate.profile import profile_interval
from reckon.estimate.results import EstimateResult, statistical_warning

INTERVAL_KIND = "normal on log(unobserved) (as SparseMSE estimatepopulation.0)"


@dataclass(frozen=True)
class Stepwise:
    """Chan, Silverman & Vincent's stepwise two-list model (see the module docstring)."""

    histories: CaptureHistories
    p_value: float = 0.02
    level: float = 0.95

    def fit(self) -> EstimateResult:
        if not 0 <= self.p_value <= 1:
            raise EstimationError(f"p_value={self.p_value} must be between 0 and 1 (the paper uses 0.02)")
        if not 0 < self.level < 1:
            raise EstimationError(f"level={self.level} must be between 0 and 1, e.g. 0.95")
        require_overlap(self.histories)
        reason = check_model(self.histories, [], drop_empty_overlaps=True)
        if reason:
            raise EstimationError(f"even the independence model has {reason}; these lists overlap too little")
        warnings: list[str] = []
        if self.histories.n_lists < 3:
            warnings.append(statistical_warning(
                f"only {self.histories.n_lists} lists: no interaction can be tested, so the lists are "
                "assumed independent and that cannot be checked"
            ))
        chosen, steps, refused = select_pairs(self.histories, self.p_value)
        return _result(self, chosen, steps, refused, warnings)


def stepwise(histories: CaptureHistories, *, p_value: float = 0.02, level: float = 0.95) -> EstimateResult:
    """Shortcut for ``Stepwise(...).fit()``."""
    return Stepwise(histories, p_value=p_value, level=level).fit()


def select_pairs(histories: CaptureHistories, threshold: float) -> tuple[ModelFit, list[dict], dict[str, str]]:
    """Run the stepwise selection; return the final fit, the steps taken and refused candidates."""
    k = histories.n_lists
    pairs: list[Term] = [(i, j) for i in range(k) for j in range(i + 1, k)]
    together = {pair: pair_overlap(histories, pair) for pair in pairs}
    terms: list[Term] = []
    current = fit_model(histories, terms, drop_empty_overlaps=True)
    steps: list[dict] = []
    refused: dict[str, str] = {}
    while threshold > 0:
        predicted = _predicted_overlaps(current, k)
        best_pair, best_p = None, 1.0
        for pair in pairs:
            if pair in terms:
                continue
            expected = predicted[pair]
            p = min(poisson.cdf(together[pair], expected), poisson.sf(together[pair] - 1, expected))
            reason = check_model(histories, terms + [pair], drop_empty_overlaps=True)
            if reason:
                refused["*".join(histories.lists[j] for j in pair)] = reason
                p = 1.0
            if p < best_p:  # strict: ties go to the first pair, as in SparseMSE
                best_pair, best_p = pair, p
        if best_pair is None or best_p >= threshold:
            break
        terms.append(best_pair)
        current = fit_model(histories, terms, drop_empty_overlaps=True)
        steps.append({"added": "*".join(histories.lists[j] for j in best_pair), "p_value": float(best_p),
                      "estimate": current.estimate})
    return current, steps, refused


def _predicted_overlaps(current: ModelFit, n_lists: int) -> dict[Term, float]:
    """The model's expected number of people on both lists of each pair (over the cells it fits)."""
    cells = _fitted_cells(current, n_lists)
    fitted = current.fit.fitted
    out = {}
    for i in range(n_lists):
        for j in range(i + 1, n_lists):
            mask = term_mask((i, j))
            out[(i, j)] = float(fitted[(cells & mask) == mask].sum())
    return out


def _fitted_cells(current: ModelFit, n_lists: int) -> np.ndarray:
    """Bit masks of the cells the model was fitted on (empty-overlap cells are dropped)."""
    cells = all_cells(n_lists)
    for term in current.empty_terms:
        mask = term_mask(term)
        cells = cells[(cells & mask) != mask]
    return cells


def _result(spec: Stepwise, chosen: ModelFit, steps: list[dict], refused: dict[str, str],
            warnings: list[str]) -> EstimateResult:
    histories = spec.histories
    z = norm.ppf(0.5 + spec.level / 2)
    se = float(np.sqrt(chosen.fit.var_intercept))
    lower = histories.observed + float(np.exp(chosen.fit.intercept - z * se))
    upper = histories.observed + float(np.exp(chosen.fit.intercept + z * se))
    profile = profile_interval(chosen.X, chosen.y, chosen.estimate, spec.level)
    if refused:
        warnings.append(statistical_warning(
            "sparse data: some interactions could not be considered because the model would have no "
            "finite or no identifiable estimate: " + "; ".join(f"{pair}: {why}" for pair, why in refused.items())
        ))
    if chosen.empty_terms:
        names = ", ".join("*".join(histories.lists[j] for j in t) for t in chosen.empty_terms)
        warnings.append(statistical_warning(
            f"the model includes pairs of lists with no one in common ({names}); their interaction is "
            "estimated as minus infinity, which the data cannot confirm"
        ))
    return EstimateResult(
        method="stepwise",
        estimate=chosen.estimate,
        lower=lower,
        upper=upper,
        level=spec.level,
        observed=histories.observed,
        lists=histories.lists,
        model=model_name(chosen.terms, histories.lists),
        interval_kind=INTERVAL_KIND,
        warnings=tuple(warnings),
        diagnostics={
            "rcapture_name": rcapture_name(chosen.terms, histories.n_lists),
            "terms": [list(t) for t in chosen.terms],
            "steps": steps,
            "refused": refused,
            "deviance": chosen.deviance,
            "aic": chosen.criterion("aic"),
            "stderr_log_unobserved": se,
            "profile_interval": [profile.lower, profile.upper],
        },
        parameters={"p_value": spec.p_value, "level": spec.level},
    )
