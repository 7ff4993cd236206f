"""Small-cell suppression that cannot be undone from the totals and margins published beside it.

    hidden = suppress(cells=[5, 1, 1, 1, 1, 1], sums=[range(6)], min_cell=5)
    # -> all six: 10 people, one province with 5 and five with 1 each

A count below ``min_cell`` (a primary cell) is not published. Hiding it alone is not enough
when a total is published: total minus the cells shown gives it back. So more cells are
hidden (complementary, or secondary, suppression), smallest first, until the reader cannot
tell any primary cell from a publishable count.

The reader we protect against knows every published number, every relation between them
(a table's total, a list's size), which categories exist and which of the hidden ones hold
anybody (we do not name them, but a reader may know where people died). For a hidden cell
they can then work out an interval: at least 1, at most what the published sums leave. A
primary cell is protected when that upper bound reaches ``min_cell``: the published numbers
are then consistent with it being a count we would have shown, so they do not reveal it.

The bound is found by linear programming (SciPy's HiGHS), the way statistical offices audit
a suppression pattern; a table with one published total needs no solver (the bound is the
hidden remainder minus one for each other hidden cell).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np


def suppress(cells: Sequence[int], sums: Iterable[Iterable[int]], min_cell: int) -> frozenset[int]:
    """Positions of the cells to hide: every non-empty cell below ``min_cell``, then the fewest
    (smallest first) that make each of those unrecoverable from ``sums`` (groups of positions
    whose total is published)."""
    groups = [frozenset(group) for group in sums]
    primary = {i for i, n in enumerate(cells) if 0 < n < min_cell}
    hidden = set(primary)
    while True:
        exposed = [i for i in primary if upper_bound(cells, groups, hidden, i) < min_cell]
        if not exposed:
            return frozenset(hidden)
        near = {j for group in groups if group & set(exposed) for j in group}
        candidates = [j for j in near if j not in hidden and cells[j] > 0]
        if not candidates:  # every related cell is hidden already: only the totals are left
            return frozenset(hidden)
        hidden.add(min(candidates, key=lambda j: (cells[j], j)))


def upper_bound(cells: Sequence[int], groups: Sequence[frozenset[int]], hidden: set[int], cell: int) -> float:
    """The largest value hidden cell ``cell`` can take given the published sums, every hidden cell at least 1."""
    related = [g for g in groups if cell in g]
    if not related:
        return float("inf")
    if len(groups) == 1:
        group = groups[0]
        remainder = sum(cells[j] for j in group & hidden)
        return remainder - (len(group & hidden) - 1)
    return _solve_upper_bound(cells, groups, sorted(hidden), cell)


def _solve_upper_bound(cells: Sequence[int], groups: Sequence[frozenset[int]], hidden: list[int], cell: int) -> float:
    from scipy.optimize import linprog  # loads SciPy only when a table has several published sums

    index = {j: k for k, j in enumerate(hidden)}
    rows, rhs = [], []
    for group in groups:
        members = [index[j] for j in group if j in index]
        if not members:
            continue
        row = np.zeros(len(hidden))
        row[members] = 1.0
        rows.append(row)
        rhs.append(sum(cells[j] for j in group if j in index))  # the published total minus the cells shown
    objective = np.zeros(len(hidden))
    objective[index[cell]] = -1.0  # maximise
    result = linprog(objective, A_eq=np.array(rows), b_eq=np.array(rhs), bounds=[(1, None)] * len(hidden), method="highs")
    if result.status == 3:  # unbounded: nothing published pins it down
        return float("inf")
    return -result.fun if result.success else float(cells[cell])
