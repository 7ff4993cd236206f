"""Bayesian non-parametric latent-class capture-recapture (LCMCR, Manrique-Vallier 2016).

    fit_lcmcr(histories, K=10, chains=4, ...) -> EstimateResult (method "lcmcr")

The model explains dependence between lists by heterogeneity: people fall into up to K latent
classes, and within a class the lists capture independently, each with its own probability.
Class weights get a truncated Dirichlet-process (stick-breaking) prior, so the data decide
how many classes are used. Priors and defaults are those of the R package LCMCR (0.4.14,
function ``lcmCR``): K = 10, alpha ~ Gamma(0.25, 0.25), lambda ~ Beta(1, 1), p(N) ∝ 1/N,
and the number of unobserved people is redrawn while it exceeds 20 times the observed (so
N <= 21 n).

Assumptions: a closed population (nobody enters or leaves the frame between lists), people
matched perfectly across lists, and list dependence that can be described as a mixture of
classes within which lists are independent. Dependence caused by one list feeding another
(referrals) is not of that kind and biases the estimate.

The posterior is often multimodal on sparse tables (see docs/lcmcr.md). Run several chains
(the default), read the warnings, and for publication use long chains: ``chains=5,
burn_in=100_000, samples=10_000, thin=100`` (the settings of the reference runs).

    fit.py          fit_lcmcr: checks the settings, runs the chains in parallel processes
    summary.py      pools the draws into an EstimateResult with diagnostics and warnings
    sampler.py      run_chain: one chain of the Gibbs sampler, compiled with Numba
    collapsed.py    the collapsed Metropolis move on the unobserved (not in LCMCR; same
                    posterior, N mixes about twice as fast per sweep)
    multinomial.py  the split of a count across classes, the sweep's most frequent draw
    rng.py          the kernel's xoshiro256** generator and the exact samplers built on it
    intrinsics.py   raw data pointers and bit casts the kernel needs and Numba lacks

Numba's on-disk cache checks only the file a compiled function is defined in: the cached
`run_chain` in sampler.py does not notice an edit of rng.py, multinomial.py, collapsed.py or
intrinsics.py. After such an edit, delete this folder's ``__pycache__`` (the tests compare the
cached sweep with a fresh compile and fail while it is stale).
"""

from reckon.estimate.lcmcr.fit import fit_lcmcr
from reckon.estimate.results import EstimateResult

__all__ = ["EstimateResult", "fit_lcmcr"]
