"""Does a log-linear model have a finite, identifiable estimate on these counts?

Existence (Fienberg & Rinaldo 2012, Ann. Statist. 40:996–1023; used by Chan, Silverman &
Vincent 2021, JASA 116:1297–1306): the Poisson MLE is finite exactly when some table with
*every* cell strictly positive has the same sufficient statistics (the design's column
totals) as the data. A linear program finds the largest possible smallest cell ``s`` of
such a table; the MLE exists iff ``s > 0``. When it does not exist, some fitted counts
run to zero and some parameter to minus infinity.

Identifiability: the design restricted to the cells actually used must have full column
rank, otherwise different parameters give the same fit and the intercept (hence the
estimate of the unobserved) is not determined.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linprog

# The LP's optimum is exactly 0 when the MLE does not exist; HiGHS is accurate to ~1e-9.
POSITIVE = 1e-6


def mle_exists(X: np.ndarray, y: np.ndarray) -> bool:
    """True if the Poisson log-linear MLE of counts ``y`` on design ``X`` is finite."""
    n_cells, _ = X.shape
    if np.all(y > 0):
        return True  # the data themselves are a strictly positive table
    # Variables: the table x (n_cells) and its smallest cell s. Maximise s.
    objective = np.zeros(n_cells + 1)
    objective[-1] = -1.0
    equality = np.hstack([X.T, np.zeros((X.shape[1], 1))])
    below = np.hstack([-np.eye(n_cells), np.ones((n_cells, 1))])  # s - x_i <= 0
    result = linprog(
        objective, A_ub=below, b_ub=np.zeros(n_cells), A_eq=equality, b_eq=X.T @ y,
        bounds=[(0, None)] * (n_cells + 1), method="highs",
    )
    return bool(result.status == 0 and -result.fun > POSITIVE)


def identifiable(X: np.ndarray) -> bool:
    """True if the design has full column rank (every parameter is determined)."""
    return int(np.linalg.matrix_rank(X)) == X.shape[1]
