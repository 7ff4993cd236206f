"""From capture flags to list records: who is on the list, twice over, and with what errors.

A :class:`ListDraw` holds one list's records as codes and numbers (person, spelling style,
age, day of death, blanks) in file order; :mod:`reckon.simulate.formats` writes it out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from reckon.simulate.capture import ListSpec
from reckon.simulate.noise import blank, shift
from reckon.simulate.population import Population

AGE_STEPS = np.array([-3, -2, -1, 1, 2, 3])
DAY_STEPS = np.array([-2, -1, 1, 2])


@dataclass(frozen=True)
class ListDraw:
    """One list's records in file order (row r of every array is data row r + 1)."""

    spec: ListSpec
    person: np.ndarray  # int, index into the population arrays (person_id = person + 1)
    duplicate: np.ndarray  # bool: a second record of someone already on this list
    latin_style: np.ndarray  # int, index into spec.latin_styles
    script_style: np.ndarray  # int, index into spec.script_styles
    typo: np.ndarray  # bool: the name carries a slip
    age: np.ndarray  # object: int or None
    day: np.ndarray  # object: int (days after the event start) or None
    father_missing: np.ndarray  # bool
    place_missing: np.ndarray  # bool
    province_missing: np.ndarray  # bool
    sex_missing: np.ndarray  # bool

    @property
    def size(self) -> int:
        return int(self.person.size)


def draw_list(population: Population, on_list: np.ndarray, spec: ListSpec, rng: np.random.Generator) -> ListDraw:
    """Records for the people flagged ``on_list``, plus a few internal duplicates, shuffled."""
    people = np.flatnonzero(on_list)
    n_dup = int(rng.binomial(people.size, spec.duplicate_rate))
    if people.size >= 20:
        n_dup = max(n_dup, 1)  # "a few" must mean at least one on any real-sized list
    twice = rng.choice(people, size=n_dup, replace=False)
    person = np.concatenate([people, twice])
    duplicate = np.concatenate([np.zeros(people.size, bool), np.ones(n_dup, bool)])
    order = rng.permutation(person.size)
    person, duplicate = person[order], duplicate[order]
    latin = _styles(spec.latin_styles, person.size, rng)
    script = _styles(spec.script_styles, person.size, rng)
    # A duplicate is spelled differently: another style where the list has one, and a slip.
    latin = np.where(duplicate, (latin + 1) % len(spec.latin_styles), latin)
    script = np.where(duplicate, (script + 1) % len(spec.script_styles), script)
    n = person.size
    rate = spec.missing_rate
    return ListDraw(
        spec=spec,
        person=person,
        duplicate=duplicate,
        latin_style=latin,
        script_style=script,
        typo=(rng.random(n) < spec.typo_rate) | duplicate,
        age=blank(np.maximum(shift(population.age[person], spec.age_error_rate, AGE_STEPS, rng), 1), rate, rng),
        day=blank(shift(population.day[person], spec.date_error_rate, DAY_STEPS, rng), rate, rng),
        father_missing=rng.random(n) < 2 * rate,
        place_missing=rng.random(n) < rate,
        province_missing=rng.random(n) < rate / 2,
        sex_missing=rng.random(n) < rate / 4,
    )


def _styles(styles: tuple[tuple[str, float], ...], n: int, rng: np.random.Generator) -> np.ndarray:
    weights = np.array([w for _, w in styles], dtype=float)
    return rng.choice(len(styles), size=n, p=weights / weights.sum())
