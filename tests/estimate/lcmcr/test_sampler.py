"""One chain of the sampler: the collapsed moves leave the posterior unchanged, and the
cached compiled sweep is the current code."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from reckon.estimate import diagnostics
from reckon.estimate.histories import from_rows
from reckon.estimate.lcmcr.rng import seeded_state
from reckon.estimate.lcmcr.sampler import run_chain


def test_collapsed_moves_leave_the_posterior_unchanged() -> None:
    # Same small table, plain Gibbs (LCMCR's sampler) and Gibbs + collapsed moves: the
    # posterior quantiles of N agree within Monte Carlo error.
    histories = from_rows(["A", "B", "C"], [((1, 0, 0), 60), ((0, 1, 0), 50), ((0, 0, 1), 40),
                                            ((1, 1, 0), 20), ((1, 0, 1), 15), ((0, 1, 1), 10), ((1, 1, 1), 6)])
    draws = {}
    for collapsed in (False, True):
        chains = []
        for seed in (1, 2):
            rng = seeded_state([seed, int(collapsed)])
            N, *_ = run_chain(histories.patterns, histories.counts, 10, 0.25, 0.25, 5_000, 4_000, 20, 20.0, rng, collapsed)
            chains.append(N)
        draws[collapsed] = np.stack(chains)
    for p in (0.1, 0.5, 0.9):
        difference = np.quantile(draws[True], p) - np.quantile(draws[False], p)
        se = math.hypot(diagnostics.mcse_quantile(draws[True], p), diagnostics.mcse_quantile(draws[False], p))
        # N is a small integer here (about 350), so allow 2 for the draws' discreteness.
        assert abs(difference) <= 4 * se + 2, (p, difference, se)


# A short chain on a table with large and small counts (binomials by BTRS and by inversion),
# printed as JSON: N, alpha, occupied classes and cap redraws, with and without the collapsed moves.
SHORT_CHAIN = """
import json
from reckon.estimate.histories import from_rows
from reckon.estimate.lcmcr.rng import seeded_state
from reckon.estimate.lcmcr.sampler import run_chain

histories = from_rows(["A", "B", "C"], [((1, 0, 0), 900), ((0, 1, 0), 40), ((0, 0, 1), 300), ((1, 1, 0), 120),
                                        ((1, 0, 1), 3), ((0, 1, 1), 25), ((1, 1, 1), 7)])
out = {}
for collapsed in (True, False):
    draws = run_chain(histories.patterns, histories.counts, 10, 0.25, 0.25, 300, 40, 5, 20.0,
                      seeded_state(2024), collapsed)
    out[str(collapsed)] = [d.tolist() for d in draws]
print(json.dumps(out))
"""


def test_cached_sweep_draws_what_a_fresh_compile_draws(tmp_path: Path) -> None:
    # Numba's cache checks only the file a function is defined in, so the cached sweep of
    # sampler.py would keep running the old helpers after an edit of rng.py, multinomial.py,
    # collapsed.py or intrinsics.py. A process with an empty cache folder compiles everything
    # from the current sources: its seeded draws must be the cached kernel's, bit for bit.
    def short_chain(**env: str) -> dict:
        done = subprocess.run([sys.executable, "-c", SHORT_CHAIN], env={**os.environ, **env},
                              capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    cached = short_chain()
    fresh = short_chain(NUMBA_CACHE_DIR=str(tmp_path))
    assert any(tmp_path.rglob("*.nbi"))  # the fresh process really compiled into the empty folder
    assert fresh == cached
    assert fresh["True"][0] != fresh["False"][0]  # the two samplers take different paths
