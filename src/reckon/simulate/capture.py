"""Which victims each list documents: capture with heterogeneity and list dependence.

Each list k records person i with probability

    logit p_ik = base_k + province_k[province_i] + female_k * female_i
                 + young_k * (age_i < 25) + visibility_k * visibility_i
                 + dependence_k * (person i is on list depends_on_k)

The covariate terms make capture *heterogeneous* (some people are easier to document,
partly through observed covariates, partly through the unobserved ``visibility`` shared
by all lists); the last term makes lists *dependent* (a families committee works from a
rights group's list, and copies some of its records word for word: see
:mod:`reckon.simulate.copying`). These are exactly the violations that multiple systems estimation
has to cope with, so the simulation must contain them.

A list with a ``size`` documents exactly that many people: ``base_k`` is solved so the
probabilities add up to the size, and the people are drawn by sequential Poisson sampling.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from reckon.simulate.population import PROVINCES, Population


@dataclass(frozen=True)
class ListSpec:
    """One list: how it captures people and how it writes them down."""

    name: str
    format: str  # clean layouts "A" (Latin), "B" (Persian), "C" (both scripts), or a harsh one (layouts.py)
    latin_styles: tuple[tuple[str, float], ...] = (("passport", 1.0),)
    script_styles: tuple[tuple[str, float], ...] = (("zwnj", 1.0),)
    base: float = -0.8
    province: dict[str, float] = field(default_factory=dict)
    female: float = 0.0
    young: float = 0.0
    visibility: float = 0.6
    depends_on: int | None = None  # index of an earlier list
    dependence: float = 0.0  # logit boost when on that list
    copy_rate: float = 0.0  # share of shared people whose record is copied from that list verbatim
    typo_rate: float = 0.04
    age_error_rate: float = 0.10
    date_error_rate: float = 0.08
    missing_rate: float = 0.05
    duplicate_rate: float = 0.01
    id_prefix: str = "R"
    size: int | None = None  # exactly this many people on the list; `base` is then solved for it

    def to_dict(self) -> dict:
        return {
            "name": self.name, "format": self.format, "size": self.size,
            "latin_styles": dict(self.latin_styles), "script_styles": dict(self.script_styles),
            "base": self.base, "province": dict(self.province), "female": self.female,
            "young": self.young, "visibility": self.visibility, "depends_on": self.depends_on,
            "dependence": self.dependence, "copy_rate": self.copy_rate, "typo_rate": self.typo_rate,
            "age_error_rate": self.age_error_rate, "date_error_rate": self.date_error_rate,
            "missing_rate": self.missing_rate, "duplicate_rate": self.duplicate_rate,
        }


BASE_SPECS: tuple[ListSpec, ...] = (
    ListSpec(
        "rights_group", "A", (("passport", 0.7), ("phonetic", 0.3)), base=-0.2,
        province={"Sistan and Baluchestan": -1.0, "Khuzestan": -0.5, "Tehran": 0.3},
        visibility=0.8, id_prefix="RG",
    ),
    ListSpec(
        "hospital_records", "B", script_styles=(("zwnj", 0.5), ("arabic_keyboard", 0.3), ("joined", 0.2)),
        base=-0.7, province={"Tehran": 0.9, "Alborz": 0.6, "Isfahan": 0.5, "Sistan and Baluchestan": -0.8,
                             "Kurdistan": -0.6},
        visibility=0.3, typo_rate=0.02, age_error_rate=0.04, date_error_rate=0.03,
        missing_rate=0.03, duplicate_rate=0.008, id_prefix="H",
    ),
    ListSpec(
        "families_committee", "C", (("press", 0.6), ("passport", 0.4)), (("space", 0.6), ("zwnj", 0.4)),
        base=-1.4, young=0.6, female=0.5, visibility=0.6, depends_on=0, dependence=1.3, copy_rate=0.3,
        typo_rate=0.05, age_error_rate=0.15, date_error_rate=0.10, missing_rate=0.10,
        duplicate_rate=0.015, id_prefix="FC",
    ),
    ListSpec(
        "media_monitor", "A", (("arabic", 0.5), ("press", 0.5)), base=-1.3,
        province={"Tehran": 0.5, "Kurdistan": 0.7, "Sistan and Baluchestan": 0.4}, female=-0.3,
        visibility=1.2, depends_on=0, dependence=0.9, copy_rate=0.4, typo_rate=0.06, duplicate_rate=0.02,
        id_prefix="MM",
    ),
)

EXTRA_NAMES = ("diaspora_network", "lawyers_association", "provincial_volunteers", "morgue_registry")
EXTRA_FORMATS = ("B", "C", "A", "B")


def default_specs(k: int) -> list[ListSpec]:
    """K list specs: the four base lists, then further lists cycling formats and habits."""
    specs = list(BASE_SPECS[:k])
    for j in range(len(specs), k):
        extra = j - len(BASE_SPECS)
        name = EXTRA_NAMES[extra % len(EXTRA_NAMES)]
        if extra >= len(EXTRA_NAMES):
            name += f"_{extra // len(EXTRA_NAMES) + 1}"
        template = next(s for s in BASE_SPECS if s.format == EXTRA_FORMATS[extra % len(EXTRA_FORMATS)])
        # Same format as the template, other habits: the styles' weights are reversed.
        specs.append(replace(
            template, name=name, latin_styles=_other_styles(template.latin_styles, ("press", "phonetic")),
            script_styles=_other_styles(template.script_styles, ("space", "arabic_keyboard")),
            base=-1.6, province={PROVINCES[extra % len(PROVINCES)]: 0.8},
            depends_on=j - 1, dependence=0.7, id_prefix=f"L{j + 1}",
        ))
    return specs


def scaled(specs: list[ListSpec], *, heterogeneity: float = 1.0, dependence: float = 1.0) -> list[ListSpec]:
    """Specs with every covariate effect times ``heterogeneity`` and every dependence times
    ``dependence``. (0, 0) gives independent lists with homogeneous capture: the textbook
    case where every estimator should recover N."""
    h = heterogeneity
    return [
        replace(
            spec, province={p: h * e for p, e in spec.province.items()}, female=h * spec.female,
            young=h * spec.young, visibility=h * spec.visibility, dependence=dependence * spec.dependence,
            copy_rate=min(1.0, dependence * spec.copy_rate),
        )
        for spec in specs
    ]


def _other_styles(styles: tuple[tuple[str, float], ...], fallback: tuple[str, str]) -> tuple[tuple[str, float], ...]:
    if len(styles) > 1:
        names = [name for name, _ in styles]
        weights = [weight for _, weight in styles]
        return tuple(zip(names, reversed(weights)))
    return ((fallback[0], 0.6), (fallback[1], 0.4))


def capture(population: Population, specs: list[ListSpec], rngs: list[np.random.Generator]) -> np.ndarray:
    """Boolean matrix (N, K): person i is on list k. Lists are drawn in order."""
    captured = np.zeros((population.size, len(specs)), dtype=bool)
    young = population.age < 25
    for k, spec in enumerate(specs):
        province_effect = np.array([spec.province.get(p, 0.0) for p in PROVINCES])
        effects = [
            province_effect[population.province],
            spec.female * population.female,
            spec.young * young,
            spec.visibility * population.visibility,
        ]
        if spec.depends_on is not None:
            effects.append(spec.dependence * captured[:, spec.depends_on])
        logit = spec.base if spec.size is None else solve_base(sum(effects), spec.size)
        for effect in effects:  # added one by one, in this order: the same seed gives the same lists
            logit = logit + effect
        draws, chance = rngs[k].random(population.size), _sigmoid(logit)
        captured[:, k] = draws < chance if spec.size is None else _exactly(spec.size, draws / chance)
    return captured


def _exactly(size: int, ranks: np.ndarray) -> np.ndarray:
    """The ``size`` people with the smallest draw/probability ratio (sequential Poisson
    sampling, Ohlsson 1998): a sample of exactly that size whose inclusion probabilities
    are close to the capture model's."""
    chosen = np.zeros(ranks.size, dtype=bool)
    chosen[np.argpartition(ranks, size - 1)[:size]] = True
    return chosen


def solve_base(effects: np.ndarray, size: int) -> float:
    """The intercept at which the expected number captured is ``size`` (bisection: the
    expectation rises with the intercept)."""
    low, high = -30.0, 30.0
    for _ in range(60):
        middle = (low + high) / 2
        if _sigmoid(middle + effects).sum() < size:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))
