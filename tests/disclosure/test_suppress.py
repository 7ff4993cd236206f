"""Small-cell suppression that cannot be undone: the issue's example, and a property test
against an attacker who enumerates every table consistent with what is published."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.disclosure import suppress
from reckon.report.public import REMAINDER, protect_breakdown


def attacker_values(cells, groups, hidden):
    """Every value each hidden cell can take in a table of whole counts, each hidden cell at
    least 1 (the attacker knows which categories hold anybody), that gives the published sums."""
    hidden = sorted(hidden)
    residual = [sum(cells[i] for i in g if i in hidden) for g in groups]  # total minus the cells shown
    values = {i: set() for i in hidden}
    sums = [0] * len(groups)

    def assign(k, chosen):
        if k == len(hidden):
            if sums == residual:
                for i, v in zip(hidden, chosen):
                    values[i].add(v)
            return
        i = hidden[k]
        room = min((residual[g] - sums[g] for g, group in enumerate(groups) if i in group), default=30)
        for v in range(1, room + 1):
            for g, group in enumerate(groups):
                if i in group:
                    sums[g] += v
            assign(k + 1, chosen + [v])
            for g, group in enumerate(groups):
                if i in group:
                    sums[g] -= v

    assign(0, [])
    return values


def withheld(cells, hidden):
    return all(i in hidden for i, n in enumerate(cells) if n > 0)


def test_the_issue_example_hides_everything_rather_than_a_recoverable_part():
    # Fails on the code before issue 13: five provinces "suppressed" but named, 10 - 5 = 5 -> each is 1.
    cells = [5, 1, 1, 1, 1, 1]
    hidden = suppress(cells, [range(6)], min_cell=5)
    assert hidden == frozenset(range(6))
    shown, how = protect_breakdown("victims by province", list(zip("TABCDE", cells)), 5)
    assert shown == [] and how.withheld


def test_one_small_cell_takes_the_next_smallest_with_it():
    hidden = suppress([300, 117, 3], [range(3)], min_cell=5)
    assert hidden == {1, 2}
    shown, how = protect_breakdown("province", [("North", 300), ("South", 117), ("Isles", 3)], 5)
    assert shown == [("North", 300), (REMAINDER, 120)]  # Isles is not named
    assert (how.hidden, how.below_threshold, how.people) == (2, 1, 120)


def test_two_small_cells_that_would_pin_each_other_take_a_third():
    # 4 + 4 hidden beside 492: each could still be 1..7, fine; 1 + 1 beside 50: each is exactly 1.
    assert suppress([492, 4, 4], [range(3)], 5) == {1, 2}
    assert suppress([50, 1, 1], [range(3)], 5) == {0, 1, 2}


def test_overlap_with_list_sizes_published_is_protected_by_the_margins_too():
    # Two lists: only A (40), only B (30), both (2). Total and each list's size are published.
    cells = [40, 30, 2]
    groups = [frozenset({0, 1, 2}), frozenset({0, 2}), frozenset({1, 2})]
    hidden = suppress(cells, groups, 5)
    assert 2 in hidden
    values = attacker_values(cells, groups, hidden)
    assert withheld(cells, hidden) or len(values[2]) > 1


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=7), st.integers(min_value=2, max_value=6))
def test_no_small_cell_of_a_breakdown_can_be_worked_out(cells, min_cell):
    groups = [frozenset(range(len(cells)))]
    hidden = suppress(cells, groups, min_cell)
    assert {i for i, n in enumerate(cells) if 0 < n < min_cell} <= hidden
    if withheld(cells, hidden):
        return  # nothing of the breakdown is published: only the total, which the headline gives anyway
    values = attacker_values(cells, groups, hidden)
    for i in hidden:
        if cells[i] < min_cell:
            assert len(values[i]) > 1 and max(values[i]) >= min_cell, (cells, sorted(hidden), i, values[i])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=6), min_size=7, max_size=7), st.integers(min_value=2, max_value=5))
def test_no_small_overlap_cell_can_be_worked_out_from_the_total_and_list_sizes(cells, min_cell):
    patterns = [(a, b, c) for a in (0, 1) for b in (0, 1) for c in (0, 1)][1:]
    groups = [frozenset(range(7))] + [frozenset(i for i, p in enumerate(patterns) if p[j]) for j in range(3)]
    hidden = suppress(cells, groups, min_cell)
    if withheld(cells, hidden):
        return
    values = attacker_values(cells, groups, hidden)
    for i in hidden:
        if cells[i] < min_cell:
            assert len(values[i]) > 1, (cells, sorted(hidden), i, values[i])

