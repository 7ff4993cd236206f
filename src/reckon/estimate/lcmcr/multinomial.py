"""Multinomial split of a count across latent classes, the sweep's most frequent draw.

Every sweep splits each observed pattern's count, and the unobserved count, across the K
classes in proportion to the pattern's class weights. A pattern's weight usually sits in two
or three classes, so the split visits classes largest first, lumps the near-empty tail into
one draw, and places the last few people one by one.
"""

from __future__ import annotations

import numba
import numpy as np

from reckon.estimate.lcmcr.rng import binomial, uniform

# Classes at the end of the visiting order that together hold less than this share of a
# pattern's weight are split off in one draw; usually nobody falls there and they are skipped.
TAIL_SHARE = 0.01


# Below this many people left to place, one uniform per person beats a binomial per class.
FEW_PEOPLE = 12


@numba.njit(cache=True)
def _split_range(
    state: np.ndarray,
    total: int,
    weights: np.ndarray,
    order: np.ndarray,
    start: int,
    stop: int,
    mass: float,
    out: np.ndarray,
    log_fact: np.ndarray,
) -> None:
    """Multinomial split of `total` over classes order[start:stop] (summed weight `mass`)."""
    left = total
    for i in range(start, stop - 1):
        if left == 0:
            return
        if left <= FEW_PEOPLE:
            # Place the last few people one by one: a categorical draw over the classes
            # still open, scanned largest first so the scan is short.
            for _ in range(left):
                u = uniform(state) * mass
                chosen = order[stop - 1]
                for m in range(i, stop - 1):
                    u -= weights[order[m]]
                    if u < 0.0:
                        chosen = order[m]
                        break
                out[chosen] += 1
            return
        k = order[i]
        p = weights[k] / mass if mass > 0.0 else 0.0
        if p >= 1.0:
            out[k] += left
            return
        if p > 0.0:
            drawn = binomial(state, left, p, log_fact)
            out[k] += drawn
            left -= drawn
        mass -= weights[k]
    out[order[stop - 1]] += left


@numba.njit(cache=True)
def multinomial_split(
    state: np.ndarray,
    total: int,
    weights: np.ndarray,
    order: np.ndarray,
    out: np.ndarray,
    log_fact: np.ndarray,
    K: int,
) -> None:
    """Multinomial(total, weights[:K] / sum(weights[:K])) into out, by conditional binomials.

    Classes are visited largest weight first (sorted into the scratch array `order`), so the
    count is usually used up after a few classes. The trailing classes that hold less than
    TAIL_SHARE of the weight first get their joint share in one binomial draw (multinomial
    cells can be merged and split again exactly), so the many near-empty classes usually cost
    one cheap draw instead of one each.
    """
    for k in range(K):
        out[k] = 0
    # Insertion sort of the class indices by this pattern's own weights, largest first:
    # a pattern's mass usually sits in two or three classes, whatever their stick order.
    for i in range(K):
        order[i] = i
    for i in range(1, K):
        k = order[i]
        w = weights[k]
        j = i - 1
        while j >= 0 and weights[order[j]] < w:
            order[j + 1] = order[j]
            j -= 1
        order[j + 1] = k
    total_mass = 0.0
    for k in range(K):
        total_mass += weights[k]
    if total_mass <= 0.0 or total == 0:
        out[order[0]] = total
        return
    # Find the head: the shortest prefix of `order` holding >= 1 - TAIL_SHARE of the weight.
    head_mass = 0.0
    head = 0
    while head < K and head_mass < (1.0 - TAIL_SHARE) * total_mass:
        head_mass += weights[order[head]]
        head += 1
    if head >= K - 1:  # no tail worth separating
        _split_range(state, total, weights, order, 0, K, total_mass, out, log_fact)
        return
    tail_mass = total_mass - head_mass
    in_tail = binomial(state, total, min(1.0, max(0.0, tail_mass / total_mass)), log_fact)
    _split_range(state, total - in_tail, weights, order, 0, head, head_mass, out, log_fact)
    if in_tail > 0:
        _split_range(state, in_tail, weights, order, head, K, tail_mass, out, log_fact)
