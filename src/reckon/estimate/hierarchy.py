"""Enumerate every hierarchical log-linear model up to a maximum interaction order.

A model is hierarchical when, with any interaction, it also holds every interaction of a
subset of its lists. Every model keeps all main effects. This is the search space of
Rcapture's ``closedpMS.t`` (with its default ``forced = 1:t``): 113 models for 4 lists
at maximum order 3; 2**10 = 1,024 for 5 lists and 2**15 = 32,768 for 6 lists at order 2.
"""

from __future__ import annotations

from collections.abc import Collection
from itertools import combinations

from reckon.errors import EstimationError
from reckon.estimate.design import Term, interaction_terms

# Beyond this the search takes minutes and the models are too many to compare honestly.
MAX_MODELS = 200_000


def hierarchical_models(
    n_lists: int, max_order: int, *, exclude: Collection[Term] = (), limit: int = MAX_MODELS
) -> list[tuple[Term, ...]]:
    """Every hierarchical model (as its sorted interaction terms), the main-effects model first.

    Terms are added in order of size, so a term can join a model only when all its
    sub-interactions are already there: that is the whole hierarchy rule. Terms in
    ``exclude`` never join, so neither does any term above them.
    """
    if not 1 <= max_order <= n_lists - 1:
        raise EstimationError(
            f"max_order={max_order} is out of range for {n_lists} lists; use 1 .. {n_lists - 1} "
            "(the full interaction of all lists cannot be estimated)"
        )
    terms = interaction_terms(n_lists, max_order)
    position = {term: i for i, term in enumerate(terms)}
    required = [
        sum(1 << position[sub] for sub in combinations(term, len(term) - 1)) if len(term) > 2 else 0
        for term in terms
    ]
    models = [0]  # bit masks over `terms`
    for i, need in enumerate(required):
        if terms[i] in exclude:
            continue
        grown = [m | 1 << i for m in models if m & need == need]
        models.extend(grown)
        if len(models) > limit:
            raise EstimationError(
                f"{n_lists} lists up to order {max_order} give more than {limit:,} hierarchical models; "
                f"use a smaller --max-order (e.g. {max(1, max_order - 1)}) or --method stepwise"
            )
    return [tuple(t for i, t in enumerate(terms) if m >> i & 1) for m in models]
