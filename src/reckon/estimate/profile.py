"""Profile-likelihood confidence interval for the population size N.

The method of Cormack (1992, Biometrics 48:567–576) as Rcapture's ``closedpCI.t`` applies
it: treat the unobserved count n0 = N - n as if it were data, add the all-zero cell with
count n0 to the table, and fit the same log-linear model to the augmented table. Its
Poisson deviance D(n0) plus a correction from the Poisson to the multinomial likelihood

    log L(N) = -D(n0) / 2 + n0 log n0 + log N! - log n0! - N log N      (+ a constant)

is the profile multinomial log-likelihood of N. The interval holds the N whose log L is
within chi2_1(level) / 2 of its maximum. (Rcapture uses Stirling's approximation of the
factorials when N > 100; we use them exactly: the difference is below 1e-4 in log L.)
Like Rcapture, the upper limit is sought up to 3 times the point estimate.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq, minimize_scalar
from scipy.special import gammaln, xlogy
from scipy.stats import chi2

from reckon.estimate.poisson import fit_poisson

SEARCH_FACTOR = 3.0  # Rcapture's fmaxSupCL


@dataclass(frozen=True)
class ProfileInterval:
    lower: float
    upper: float | None  # None: the likelihood had not dropped enough by SEARCH_FACTOR * estimate
    mode: float  # the N that maximises the profile multinomial likelihood
    lower_at_observed: bool  # the lower limit is the observed count (no root below the mode)


def profile_log_likelihood(X: np.ndarray, y: np.ndarray):
    """A function N -> profile multinomial log-likelihood, for the model with design X on counts y."""
    n = float(y.sum())
    augmented = np.vstack([X, np.eye(1, X.shape[1])])  # the all-zero cell: intercept only
    state = {"start": None}

    def log_likelihood(N: float) -> float:
        n0 = max(N - n, 0.0)
        counts = np.append(y, n0)
        fit = fit_poisson(augmented, counts, state["start"])
        state["start"] = fit.coef  # warm start: successive N are close
        return -fit.deviance / 2 + xlogy(n0, n0) + gammaln(N + 1) - gammaln(n0 + 1) - N * np.log(N)

    return log_likelihood


def profile_interval(X: np.ndarray, y: np.ndarray, estimate: float, level: float = 0.95) -> ProfileInterval:
    """Profile-likelihood interval for N; ``estimate`` (the Poisson MLE) bounds the search."""
    n = float(y.sum())
    log_l = profile_log_likelihood(X, y)
    top = SEARCH_FACTOR * estimate
    best = minimize_scalar(lambda N: -log_l(N), bounds=(n, top), method="bounded", options={"xatol": 1e-4})
    mode, peak = float(best.x), -float(best.fun)
    cut = peak - chi2.ppf(level, 1) / 2

    def excess(N: float) -> float:
        return log_l(N) - cut

    if excess(mode) <= 0:  # a flat or broken likelihood: no interval can be read from it
        return ProfileInterval(n, None, mode, True)
    lower_at_observed = excess(n) >= 0
    lower = n if lower_at_observed else brentq(excess, n, mode, xtol=1e-4)
    upper = brentq(excess, mode, top, xtol=1e-4) if excess(top) < 0 else None
    return ProfileInterval(float(lower), None if upper is None else float(upper), mode, lower_at_observed)
