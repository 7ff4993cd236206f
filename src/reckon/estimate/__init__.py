"""How many in all: multiple systems estimation (capture–recapture) from overlapping lists.

    histories.py   CaptureHistories, read_capture_csv, histories_hash: the input
    results.py     EstimateResult: the immutable output of every method
    chapman.py     two lists: Lincoln–Petersen with Chapman's correction
    loglinear.py   all hierarchical log-linear models, AIC/BIC choice, profile interval (Rcapture)
    stepwise.py    stepwise two-list interactions with existence checks (SparseMSE)
    lcmcr/         Bayesian latent-class model, Gibbs sampler (LCMCR) — imported lazily
    strata.py      combine_strata: stratum results into a total
    compare.py     compare_methods: every method side by side, with notes on disagreement
    runner.py      estimate_strata, linkage_sensitivity: what `reckon estimate` runs
    store.py       save_estimate, load_estimates: the case's `estimates` table
    case_estimates.py  capture_histories, estimate_case: estimation on a case's linked persons
    design.py, hierarchy.py, poisson.py, modelfit.py, existence.py, profile.py: the machinery
"""

from reckon.estimate.chapman import Chapman, chapman
from reckon.estimate.compare import MethodComparison, compare_methods
from reckon.estimate.histories import CaptureHistories, from_rows, histories_hash, read_capture_csv
from reckon.estimate.loglinear import LogLinear, loglinear
from reckon.estimate.methods import METHODS, EstimateSettings, run_method
from reckon.estimate.results import EstimateResult
from reckon.estimate.runner import estimate_strata, linkage_sensitivity
from reckon.estimate.stepwise import Stepwise, stepwise
from reckon.estimate.store import load_estimates, save_estimate
from reckon.estimate.strata import combine_strata

__all__ = [
    "METHODS", "CaptureHistories", "Chapman", "EstimateResult", "EstimateSettings", "LogLinear",
    "MethodComparison", "Stepwise", "chapman", "combine_strata", "compare_methods", "estimate_strata",
    "from_rows", "histories_hash", "linkage_sensitivity", "load_estimates", "loglinear", "read_capture_csv",
    "run_method", "save_estimate", "stepwise",
]
