"""Fit one log-linear model to capture histories and read off the estimate.

Shared by the hierarchical search (``loglinear``) and the stepwise method (``stepwise``).
The estimate of the people on no list is exp(intercept): the all-zero cell's expected
count under the model, extrapolated from the 2**k - 1 observable cells (zeros included).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from reckon.errors import EstimationError
from reckon.estimate.design import Term, all_cells, design_matrix, term_mask
from reckon.estimate.existence import identifiable, mle_exists
from reckon.estimate.histories import CaptureHistories
from reckon.estimate.poisson import VANISHING, PoissonFit, fit_poisson


@dataclass(frozen=True)
class ModelFit:
    """A fitted log-linear model: its design on the cells used, the counts and the fit."""

    terms: tuple[Term, ...]
    X: np.ndarray
    y: np.ndarray
    fit: PoissonFit
    observed: int
    empty_terms: tuple[Term, ...] = ()  # pairs with no one in common, fitted as -infinity (cells dropped)

    @property
    def estimate(self) -> float:
        return self.observed + float(np.exp(self.fit.intercept))

    @property
    def n_parameters(self) -> int:
        # An empty-overlap parameter is still a parameter (set to -inf): count it, as SparseMSE does.
        return self.X.shape[1] + len(self.empty_terms)

    @property
    def deviance(self) -> float:
        return self.fit.deviance

    @property
    def df(self) -> int:
        return self.X.shape[0] - self.X.shape[1]

    @property
    def stderr(self) -> float:
        """Standard error of the estimate by the delta method (Rcapture's ``stderr``)."""
        unseen = np.exp(self.fit.intercept)
        return float(np.sqrt(unseen + unseen**2 * self.fit.var_intercept))

    def criterion(self, name: str) -> float:
        """AIC or BIC up to a constant shared by all models of the same data (BIC uses log n)."""
        penalty = 2.0 if name == "aic" else float(np.log(self.observed))
        return self.deviance + penalty * self.n_parameters

    def looks_degenerate(self) -> bool:
        """A fitted zero cell vanishing (or no convergence): a hint the MLE may not exist."""
        zeros = self.y == 0
        return (not self.fit.converged) or bool(zeros.any() and self.fit.fitted[zeros].min() < VANISHING)


def cell_counts(histories: CaptureHistories) -> tuple[np.ndarray, np.ndarray]:
    """The 2**k - 1 observable cells (bit masks) and their counts, zeros included."""
    return all_cells(histories.n_lists), histories.full_table()[1:].astype(np.float64)


def pair_overlap(histories: CaptureHistories, term: Term) -> int:
    """People on every list of ``term`` (whatever other lists they are on)."""
    return int(histories.counts[np.all(histories.patterns[:, list(term)] == 1, axis=1)].sum())


def model_design(
    histories: CaptureHistories, terms: Sequence[Term], *, drop_empty_overlaps: bool = False
) -> tuple[np.ndarray, np.ndarray, tuple[Term, ...]]:
    """Design and counts for a model; optionally fit empty-overlap terms as -infinity.

    Chan, Silverman & Vincent (2021): when no one is on both lists of an interaction in the
    model, that parameter's MLE is -infinity; the model is fitted by dropping every cell
    holding both lists and leaving the parameter out.
    """
    cells, y = cell_counts(histories)
    empty = tuple(t for t in terms if drop_empty_overlaps and pair_overlap(histories, t) == 0)
    keep = np.ones(len(cells), dtype=bool)
    for term in empty:
        mask = term_mask(term)
        keep &= (cells & mask) != mask
    kept_terms = [t for t in terms if t not in empty]
    return design_matrix(cells[keep], histories.n_lists, kept_terms), y[keep], empty


def require_overlap(histories: CaptureHistories) -> None:
    """Refuse tables where nobody is on two lists: overlaps are all an estimate is made from."""
    if int(histories.patterns.sum(axis=1).max()) < 2:
        raise EstimationError(
            f"no one in {histories.source or 'these data'} is on more than one list, so the lists do not "
            "overlap and the total is unbounded; check the linkage (`reckon link`, `reckon review`) or the lists"
        )


def check_model(histories: CaptureHistories, terms: Sequence[Term], *, drop_empty_overlaps: bool = False) -> str | None:
    """None if the model's estimate exists and is identifiable, else the reason it is not."""
    X, y, _ = model_design(histories, terms, drop_empty_overlaps=drop_empty_overlaps)
    if not identifiable(X):
        return "not identifiable (its parameters outnumber what the observed cells can determine)"
    if not mle_exists(X, y):
        return "no finite maximum-likelihood estimate (some fitted counts run to zero)"
    return None


def fit_model(
    histories: CaptureHistories, terms: Sequence[Term], *, drop_empty_overlaps: bool = False
) -> ModelFit:
    """Fit the model with main effects plus ``terms``; raise if it cannot be estimated."""
    X, y, empty = model_design(histories, terms, drop_empty_overlaps=drop_empty_overlaps)
    if not identifiable(X):
        raise EstimationError(
            f"the model with interactions {list(terms)} is not identifiable on these data; "
            "choose fewer interactions (or --method stepwise, which checks each one)"
        )
    return ModelFit(tuple(terms), X, y, fit_poisson(X, y), histories.observed, empty)
