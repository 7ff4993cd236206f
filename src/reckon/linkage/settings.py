"""LinkageSettings: the linkage model's knobs, declared once, round-tripping to JSON.

The settings name *which* comparisons and blocking rules to use; ``model.py``
turns them into a Splink model. Blocking rules and training blocks are SQL
conditions over the prepared columns (see ``prepare.py``), in Splink's
``l.column = r.column`` form.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from reckon.errors import InputError

# Pairs that any of these rules admit are scored by the model; others are never compared.
# Each entry lists alternatives, loosest first: the first one that makes at most
# `max_pairs_per_rule` pairs is used (a million records of common Persian names need the
# tighter ones), and an entry with none that fits is skipped, with a warning.
DEFAULT_BLOCKING_RULES: tuple[tuple[str, ...], ...] = (
    ("l.name_coarse = r.name_coarse",
     "l.name_coarse = r.name_coarse and l.province_key = r.province_key",
     "l.name_coarse = r.name_coarse and l.province_key = r.province_key and l.age_low = r.age_low"),
    ("l.name_coarse = r.name_coarse and l.death_low = r.death_low",
     "l.name_coarse = r.name_coarse and l.place_key = r.place_key and l.death_low = r.death_low"),
    ("l.name_coarse = r.name_coarse and l.age_low = r.age_low",
     "l.name_coarse = r.name_coarse and l.age_low = r.age_low and l.death_low = r.death_low"),
    ("l.full_skel = r.full_skel and l.father_key = r.father_key",
     "l.full_skel = r.full_skel and l.father_key = r.father_key and l.province_key = r.province_key"),
    # One name part and the other's first letter: nicknames, initials, a typo in one part.
    ("l.family_coarse = r.family_coarse and l.given_initial = r.given_initial",
     "l.family_coarse = r.family_coarse and l.given_initial = r.given_initial and l.province_key = r.province_key",
     "l.family_coarse = r.family_coarse and l.given_initial = r.given_initial and l.place_key = r.place_key"),
    ("l.given_coarse = r.given_coarse and l.family_initial = r.family_initial",
     "l.given_coarse = r.given_coarse and l.family_initial = r.family_initial and l.province_key = r.province_key",
     "l.given_coarse = r.given_coarse and l.family_initial = r.family_initial and l.place_key = r.place_key"),
    ("l.family_coarse = r.family_coarse and l.birth_year = r.birth_year",),
    ("l.given_coarse = r.given_coarse and l.birth_year = r.birth_year",),
    ("l.family_coarse = r.family_coarse and l.death_low = r.death_low",),
    ("l.given_coarse = r.given_coarse and l.death_low = r.death_low",),
    ("l.family_coarse = r.family_coarse and l.place_key = r.place_key",),
    ("l.given_coarse = r.given_coarse and l.place_key = r.place_key",),
    ("l.family_coarse = r.family_coarse and l.province_key = r.province_key",),
    ("l.given_coarse = r.given_coarse and l.province_key = r.province_key",),
    ("l.given_coarse = r.given_coarse and l.father_key = r.father_key",),
    ("l.date_of_birth = r.date_of_birth",),
    ("l.birth_year = r.birth_year and l.place_key = r.place_key",),
    ("l.death_low = r.death_low and l.place_key = r.place_key and l.father_key = r.father_key",),
    ("l.national_id = r.national_id",),
    # Both initials in one region: nicknames with a changed family spelling, initials only
    # (historical_50k); on large lists of common names it does not fit and is skipped.
    ("l.province_key = r.province_key and l.given_initial = r.given_initial and l.family_initial = r.family_initial",),
)

# EM needs several blocks: the fields a block holds equal cannot be trained in that block.
# Blocks are tight on purpose: where namesakes are common (Persian names are), a loose
# name block holds so many non-matches that EM learns the wrong thing.
DEFAULT_TRAINING_BLOCKS: tuple[tuple[str, ...], ...] = (
    # Tightened by age, not by province: a block that holds the place equal cannot train the
    # place comparison, and at a million records every other block needs a place to fit.
    ("l.full_skel = r.full_skel and l.father_key = r.father_key",
     "l.full_skel = r.full_skel and l.father_key = r.father_key and l.age_low = r.age_low",
     "l.full_skel = r.full_skel and l.father_key = r.father_key and l.province_key = r.province_key"),
    ("l.name_coarse = r.name_coarse and l.birth_year = r.birth_year",),
    ("l.date_of_birth = r.date_of_birth",),
    ("l.father_key = r.father_key and l.death_low = r.death_low and l.age_low = r.age_low",
     "l.father_key = r.father_key and l.death_low = r.death_low and l.age_low = r.age_low"
     " and l.place_key = r.place_key"),
    ("l.full_skel = r.full_skel and l.death_low = r.death_low and l.place_key = r.place_key",),
    # Trains age and date of birth where lists have no date of death (in the block above
    # and the name + birth year block they are held equal or missing).
    ("l.full_skel = r.full_skel and l.place_key = r.place_key",
     "l.full_skel = r.full_skel and l.place_key = r.place_key and l.sex = r.sex",
     "l.full_skel = r.full_skel and l.place_key = r.place_key and l.father_key = r.father_key"),
    # No national_id block: ids copied between family members (as in the pseudopeople
    # data) make EM learn that matches often have different names.
)

# Strict rules whose matches are almost surely true, to estimate how often two random
# records are the same person (the prior, lambda).
DEFAULT_DETERMINISTIC_RULES: tuple[str, ...] = (
    "l.full_key = r.full_key and l.date_of_birth = r.date_of_birth",
    "l.full_key = r.full_key and l.father_key = r.father_key",
    "l.full_key = r.full_key and l.death_low = r.death_low and l.age_low = r.age_low",
)

# One comparison per kind of evidence. The name is ONE comparison (full name, parts, other
# script) so that agreeing given and family names are not counted twice as independent.
# name_native takes the pairs whose two records both give the name in its own script.
ALL_COMPARISONS: tuple[str, ...] = (
    "name", "name_native", "father_name", "sex", "age", "date_of_death", "place", "national_id",
)


@dataclass
class LinkageSettings:
    """How records are compared, trained, scored and clustered."""

    threshold: float = 0.5  # pairs at or above this may join one person (more likely than not)
    # ... unless the two groups they would join average a match weight below this across all
    # their records' pairs (-4: odds of 1 to 16). None: plain connected components.
    min_mean_weight: float | None = -4.0
    # A list names a person once: two records that are each other's clear best choice across
    # two lists join down to this probability, when the runner-up in each list scores under
    # 1/mutual_best_ratio of the best (one_per_list.py). None: the threshold alone decides.
    mutual_best_floor: float | None = 0.2
    mutual_best_ratio: float = 10.0
    comparisons: list[str] = field(default_factory=lambda: list(ALL_COMPARISONS))
    blocking_rules: list[list[str]] = field(default_factory=lambda: [list(r) for r in DEFAULT_BLOCKING_RULES])
    training_blocks: list[list[str]] = field(default_factory=lambda: [list(r) for r in DEFAULT_TRAINING_BLOCKS])
    deterministic_rules: list[str] = field(default_factory=lambda: list(DEFAULT_DETERMINISTIC_RULES))
    deterministic_recall: float = 0.6  # the share of true pairs the strict rules are thought to find
    recalibrate_prior: bool = True  # re-estimate the prior from the scored pairs (see link.py)
    # ... and once more for each pair of lists: two records of one list are far less often
    # one person than a record of each of two lists (list_priors.py)
    list_pair_priors: bool = True
    # ... up to this many records (a guard for the driver's memory: 12 bytes a scored pair). At a
    # million they gain 0.002 F1 for 4 s and no more peak memory (0.6 GB before the fixed
    # point iterated on arrays); above 2 million they were never measured.
    list_pair_priors_max_records: int = 2_000_000
    age_tolerance_years: list[int] = field(default_factory=lambda: [0, 2, 5])
    death_tolerance_days: list[int] = field(default_factory=lambda: [0, 3, 30])
    max_pairs_per_rule: float = 6e6  # a blocking rule or EM block making more pairs is skipped
    keep_pairs_above: float = 0.05  # scored pairs kept for review and re-clustering
    max_pairs_for_u: float = 2e6  # random pairs sampled to learn how often non-matches agree
    # An EM block with more pairs is trained on a seeded sample of its records holding about
    # this many (at a million records four blocks held 12 million pairs); None: every pair.
    max_pairs_for_em: float | None = 2e6
    min_m_probability: float = 0.002  # EM can learn m = 0 on small data: "never happens in a match"
    # m starts from reckon's shipped defaults (linkage/defaults.py). An EM block replaces them
    # only if EM finds at least this many matches in it (its lambda times its pairs); fewer,
    # and EM on sparse lists learns some other split of the pairs (see docs/linkage.md).
    min_em_matches: float = 1000.0
    # Reviewers' must-link pairs may also update m, the m they start from counting as this
    # many pairs. Off (None) by default: the queue offers doubtful pairs, not a random sample
    # of matches, and m learned from them cost links (docs/linkage.md, the learning curve).
    label_pseudo_count: float | None = None
    # Reviewers' answers recalibrate every pair's weight by one shift, fitted to the answered
    # pairs with a normal prior of this sd (bits) on it (label_calibration.py). None: no shift.
    label_shift_sd: float | None = 1.0
    term_frequencies: bool = True  # rare names count for more than common ones
    # ... but only from this many records up: in a few hundred records a name's frequency is
    # too uncertain (frequencies.py leaves the record at hand out of its count).
    term_frequency_min_records: int = 1000
    # Places too, from more records: in FEBRL (5,000 records) weighing common suburbs less lost
    # seven true pairs and gained none.
    place_term_frequencies: bool = True
    place_term_frequency_min_records: int = 10000
    seed: int = 42

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise InputError(
                f"threshold {self.threshold!r} is not a probability in (0, 1]",
                fix="use e.g. --threshold 0.8",
            )
        unknown = sorted(set(self.comparisons) - set(ALL_COMPARISONS))
        if unknown:
            raise InputError(
                f"unknown comparison(s) {', '.join(unknown)}",
                fix=f"choose from {', '.join(ALL_COMPARISONS)}",
            )

    @property
    def mutual_best(self) -> tuple[float, float] | None:
        """(floor, ratio) of the one-person-per-list step, or None where it is off."""
        return None if self.mutual_best_floor is None else (self.mutual_best_floor, self.mutual_best_ratio)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LinkageSettings:
        known = {f.name for f in fields(cls)}
        extra = sorted(set(data) - known)
        if extra:
            raise InputError(f"unknown linkage setting(s) {', '.join(extra)}", fix=f"use {', '.join(sorted(known))}")
        return cls(**data)

    @classmethod
    def from_json(cls, text: str) -> LinkageSettings:
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_file(cls, path: str | Path) -> LinkageSettings:
        try:
            return cls.from_json(Path(path).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"is not valid JSON ({exc.msg})", file=str(path), row=exc.lineno) from exc
