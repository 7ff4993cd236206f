"""Cells, interaction terms and design matrices of log-linear capture–recapture models.

A *cell* is a non-empty capture pattern, coded as a bit mask (list 0 = lowest bit), so the
2**k - 1 observable cells are the masks 1 .. 2**k - 1. The all-zero pattern (people on no
list) is never a row: it is what the models infer, as exp(intercept).

A *term* is an interaction between lists, a tuple of list indices such as (0, 2). Its
design column is 1 in every cell that contains all of the term's lists. Every model here
has an intercept and all main effects; a model is identified by its interaction terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations

import numpy as np

Term = tuple[int, ...]


def all_cells(n_lists: int) -> np.ndarray:
    """Bit masks of the 2**k - 1 observable cells, in increasing order."""
    return np.arange(1, 2**n_lists, dtype=np.int64)


def term_mask(term: Term) -> int:
    return sum(1 << j for j in term)


def interaction_terms(n_lists: int, max_order: int) -> list[Term]:
    """Every interaction of 2 .. max_order lists, by order then lexicographically."""
    terms: list[Term] = []
    for order in range(2, max_order + 1):
        terms.extend(combinations(range(n_lists), order))
    return terms


def design_matrix(cells: np.ndarray, n_lists: int, terms: Sequence[Term]) -> np.ndarray:
    """Columns: intercept, one main effect per list, then one column per interaction term."""
    columns = [np.ones(len(cells))]
    columns += [((cells >> j) & 1).astype(float) for j in range(n_lists)]
    for term in terms:
        mask = term_mask(term)
        columns.append(((cells & mask) == mask).astype(float))
    return np.column_stack(columns)


def close_downward(terms: Iterable[Term]) -> list[Term]:
    """The hierarchical closure: every sub-interaction (of 2 or more lists) of every term."""
    closed: set[Term] = set()
    for term in terms:
        for order in range(2, len(term) + 1):
            closed.update(combinations(sorted(term), order))
    return sorted(closed, key=lambda t: (len(t), t))


def generators(terms: Iterable[Term]) -> list[Term]:
    """The highest terms of a hierarchical model: those inside no other term."""
    terms = sorted(set(terms), key=lambda t: (-len(t), t))
    tops: list[Term] = []
    for term in terms:
        if not any(set(term) < set(top) for top in tops):
            tops.append(term)
    return sorted(tops, key=lambda t: (-len(t), t))


def model_name(terms: Iterable[Term], lists: Sequence[str]) -> str:
    """Readable name from list names, e.g. ``[EXH*ABA*OSCE, EXH*HRW, OSCE*HRW]``.

    Lists in no interaction are left out (every model has all main effects);
    the main-effects model is ``[independence]``.
    """
    tops = generators(terms)
    if not tops:
        return "[independence]"
    return "[" + ", ".join("*".join(lists[j] for j in term) for term in tops) + "]"


def rcapture_name(terms: Iterable[Term], n_lists: int) -> str:
    """The model name in Rcapture's syntax, e.g. ``[123,14,34]`` (lists numbered from 1)."""
    tops = generators(terms)
    covered = {j for term in tops for j in term}
    tops += [(j,) for j in range(n_lists) if j not in covered]
    return "[" + ",".join("".join(str(j + 1) for j in term) for term in tops) + "]"


def parse_terms(text: str, lists: Sequence[str]) -> list[Term]:
    """Read terms written with list names or 1-based numbers: ``EXH*HRW, 12, 3*4``.

    Returns the hierarchical closure, so ``EXH*ABA*OSCE`` brings in its pairs.
    """
    index = {name.lower(): j for j, name in enumerate(lists)}
    terms: list[Term] = []
    for chunk in text.strip().strip("[]").split(","):
        chunk = chunk.strip()
        if not chunk:
            continue
        if "*" in chunk or ":" in chunk:
            parts = chunk.replace(":", "*").split("*")
        elif chunk.isdigit():
            parts = list(chunk)
        else:
            parts = [chunk]
        try:
            term = tuple(sorted(index[p.strip().lower()] if not p.strip().isdigit() else int(p) - 1 for p in parts))
        except KeyError as exc:
            raise ValueError(f"unknown list {exc.args[0]!r} in model {text!r}; lists are {', '.join(lists)}") from None
        if any(j < 0 or j >= len(lists) for j in term) or len(set(term)) != len(term):
            raise ValueError(f"term {chunk!r} in model {text!r} does not name distinct lists 1..{len(lists)}")
        if len(term) >= 2:
            terms.append(term)
    return close_downward(terms)
