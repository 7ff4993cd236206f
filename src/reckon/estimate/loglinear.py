"""Hierarchical log-linear models: search them all, choose by AIC or BIC, profile interval.

The method of Rcapture's ``closedpMS.t`` + ``closedpCI.t`` (Baillargeon & Rivest 2007,
J. Stat. Softw. 19(5)), reimplemented from the mathematics:

1. every hierarchical model with all main effects and interactions of at most
   ``max_order`` lists is fitted as a Poisson GLM to the 2**k - 1 observable cells;
2. the model with the smallest AIC (-2 log L + 2p) or BIC (-2 log L + p log n, n = people
   observed) is chosen, skipping models whose maximum-likelihood estimate does not exist
   (models with an interaction of lists that share nobody are not even fitted; Rcapture
   fits them and reports a diverging parameter);
3. the estimate is n + exp(intercept) and the interval is the profile likelihood interval
   (see ``reckon.estimate.profile``).

Assumptions, stated plainly:
- closed population: everyone counted was in the population for the whole period, nobody
  entered or left (for deaths: the lists cover the same event, place and time);
- list dependence is allowed, but only as the chosen interactions describe it; the key
  untestable assumption is that the highest-order interaction (all lists together) is zero;
- heterogeneity of capture between people is only captured indirectly, through
  interactions; a model chosen from many is reported with an interval that ignores the
  choice itself, so the interval is too narrow when several models fit about as well.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reckon.errors import EstimationError
from reckon.estimate.design import design_matrix, interaction_terms, model_name, parse_terms, rcapture_name
from reckon.estimate.hierarchy import hierarchical_models
from reckon.estimate.histories import CaptureHistories
from reckon.estimate.modelfit import ModelFit, cell_counts, check_model, fit_model, pair_overlap, require_overlap
from reckon.estimate.poisson import fit_many
from reckon.estimate.profile import ProfileInterval, profile_interval
from reckon.estimate.results import EstimateResult, statistical_warning

CRITERIA = ("aic", "bic")
PROFILE_KIND = "profile likelihood (Cormack 1992, as Rcapture closedpCI.t)"
# Models this close to the best by the criterion are "about as good" (a common rule of thumb).
CLOSE_CALL = 2.0
RANKING_ROWS = 10


def default_max_order(n_lists: int) -> int:
    """Rcapture's default (k - 1) up to 5 lists; order 2 beyond, where k - 1 explodes."""
    return n_lists - 1 if n_lists <= 5 else 2


@dataclass(frozen=True)
class LogLinear:
    """All hierarchical log-linear models up to ``max_order``, chosen by ``select``.

    Pass ``model`` (e.g. ``"[EXH*ABA*OSCE, EXH*HRW]"`` or ``"[123,14]"``) to fit that one
    model instead of searching. See the module docstring for the assumptions.
    """

    histories: CaptureHistories
    max_order: int | None = None
    select: str = "bic"
    level: float = 0.95
    model: str | None = None

    def fit(self) -> EstimateResult:
        _check_level(self.level)
        if self.select not in CRITERIA:
            raise EstimationError(f"select={self.select!r} is not a criterion; use select='aic' or select='bic'")
        require_overlap(self.histories)
        k = self.histories.n_lists
        warnings: list[str] = []
        if k < 3:
            warnings.append(statistical_warning(
                f"only {k} lists: no interaction can be estimated, so the lists are assumed independent "
                "and that cannot be tested; add a third list if you can"
            ))
        if self.model is not None:
            try:
                terms = parse_terms(self.model, self.histories.lists)
            except ValueError as exc:
                raise EstimationError(f"model={self.model!r}: {exc}") from None
            chosen = fit_model(self.histories, terms)
            interval = profile_interval(chosen.X, chosen.y, chosen.estimate, self.level)
            return _result(chosen, interval, self, warnings, {"searched": False})
        max_order = self.max_order or default_max_order(k)
        if k < 3:
            max_order = 1
        chosen, search = search_models(self.histories, max_order, self.select)
        interval = profile_interval(chosen.X, chosen.y, chosen.estimate, self.level)
        warnings += _close_call_warnings(search, interval)
        return _result(chosen, interval, self, warnings, search | {"max_order": max_order})


def loglinear(
    histories: CaptureHistories,
    *,
    max_order: int | None = None,
    select: str = "bic",
    level: float = 0.95,
    model: str | None = None,
) -> EstimateResult:
    """Shortcut for ``LogLinear(...).fit()``."""
    return LogLinear(histories, max_order=max_order, select=select, level=level, model=model).fit()


def search_models(
    histories: CaptureHistories, max_order: int, select: str, *, skip_empty_overlaps: bool = True
) -> tuple[ModelFit, dict]:
    """Fit every hierarchical model; return the best one whose MLE exists, and a summary.

    ``skip_empty_overlaps=False`` fits even the models that cannot have a finite MLE, as
    Rcapture does (the linear-programming check then keeps them from being chosen).
    """
    k = histories.n_lists
    terms = interaction_terms(k, max_order)
    # A model with an interaction of lists that share no one has no finite MLE (that
    # parameter runs to minus infinity): such models are left out of the search.
    empty = {t for t in terms if pair_overlap(histories, t) == 0}
    models = hierarchical_models(k, max_order, exclude=empty if skip_empty_overlaps else ())
    column = {term: k + 1 + i for i, term in enumerate(terms)}
    cells, y = cell_counts(histories)
    X_full = design_matrix(cells, k, terms)
    batch = fit_many(X_full, y, [list(range(k + 1)) + [column[t] for t in m] for m in models])
    n_params = np.array([k + 1 + len(m) for m in models])
    penalty = 2.0 if select == "aic" else np.log(histories.observed)
    score = batch.deviance + penalty * n_params
    order = np.argsort(score, kind="stable")
    excluded: list[str] = []
    chosen = None
    for index in order:
        # Only models that look degenerate pay for the linear-programming check.
        if batch.suspect[index] and check_model(histories, models[index]) is not None:
            excluded.append(rcapture_name(models[index], k))
            continue
        chosen = index
        break
    if chosen is None:
        raise EstimationError("no hierarchical model has a finite estimate on these data; try --method stepwise")
    best = score[chosen]
    ranking = []
    for index in order[: RANKING_ROWS + len(excluded)]:
        name = rcapture_name(models[index], k)
        exists = name not in excluded and not (
            batch.suspect[index] and check_model(histories, models[index]) is not None
        )
        ranking.append({
            "model": model_name(models[index], histories.lists),
            "rcapture_name": name,
            "estimate": float(histories.observed + np.exp(batch.intercept[index])),
            "delta": float(score[index] - best),
            "mle_exists": exists,
            "chosen": bool(index == chosen),
        })
    summary = {
        "searched": True,
        "n_models": len(models),
        "empty_overlaps": [model_name([t], histories.lists).strip("[]") for t in sorted(empty)],
        "excluded_no_mle": excluded,
        "ranking": ranking,
    }
    return fit_model(histories, models[chosen]), summary


def _close_call_warnings(search: dict, interval: ProfileInterval) -> list[str]:
    """Warn when a model about as good as the chosen one gives a very different estimate."""
    messages = []
    if search["excluded_no_mle"]:
        messages.append(statistical_warning(
            f"{len(search['excluded_no_mle'])} better-scoring model(s) were skipped because their "
            f"maximum-likelihood estimate does not exist (sparse cells): {', '.join(search['excluded_no_mle'][:5])}"
        ))
    upper = interval.upper if interval.upper is not None else np.inf
    rivals = [r for r in search["ranking"] if r["mle_exists"] and not r["chosen"] and r["delta"] < CLOSE_CALL]
    outside = [r for r in rivals if not interval.lower <= r["estimate"] <= upper]
    if outside:
        rival = outside[0]
        messages.append(statistical_warning(
            f"model choice matters: {rival['model']} scores almost as well (difference {rival['delta']:.2f}) "
            f"but estimates {rival['estimate']:,.0f}, outside the interval; the interval does not "
            "include the uncertainty of choosing a model"
        ))
    return messages


def _result(
    chosen: ModelFit, interval: ProfileInterval, spec: LogLinear, warnings: list[str], search: dict
) -> EstimateResult:
    histories = spec.histories
    if interval.upper is None:
        warnings.append(statistical_warning(
            f"the upper limit lies beyond {3 * chosen.estimate:,.0f} (3 × the estimate): the data barely "
            "bound the population from above"
        ))
    if chosen.looks_degenerate():
        reason = check_model(histories, chosen.terms)
        if reason:
            warnings.append(statistical_warning(f"the chosen model has {reason}; its estimate is not reliable"))
    diagnostics = {
        "rcapture_name": rcapture_name(chosen.terms, histories.n_lists),
        "terms": [list(t) for t in chosen.terms],
        "deviance": chosen.deviance,
        "df": chosen.df,
        "aic": chosen.criterion("aic"),
        "bic": chosen.criterion("bic"),
        "stderr": chosen.stderr,
        "profile_mode": interval.mode,
        **search,
    }
    return EstimateResult(
        method="loglinear",
        estimate=chosen.estimate,
        lower=interval.lower,
        upper=interval.upper,
        level=spec.level,
        observed=histories.observed,
        lists=histories.lists,
        model=model_name(chosen.terms, histories.lists),
        interval_kind=PROFILE_KIND,
        warnings=tuple(warnings),
        diagnostics=diagnostics,
        parameters={"max_order": search.get("max_order"), "select": spec.select, "level": spec.level,
                    "model": spec.model},
    )


def _check_level(level: float) -> None:
    if not 0 < level < 1:
        raise EstimationError(f"level={level} must be between 0 and 1, e.g. 0.95 for a 95% interval")

