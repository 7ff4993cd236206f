"""The true population of a synthetic event: who died, where, when.

Stored column-wise as NumPy arrays of codes (name codes, province and city codes, day
offsets) so that a million people are generated in a fraction of a second; the lists
module turns codes into text per unique value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from reckon.simulate.names import FEMALE_GIVEN, MALE_GIVEN, build_surnames

# The fictional event: protests over water prices, six days in February 2025. The window
# crosses a Solar Hijri month boundary (Bahman/Esfand 1403) on purpose.
EVENT_START = dt.date(2025, 2, 16)
EVENT_DAYS = 6
DAY_WEIGHTS = np.array([0.10, 0.24, 0.26, 0.18, 0.13, 0.09])


@dataclass(frozen=True)
class Place:
    province_fa: str
    province: str
    city_fa: str
    cities: tuple[str, ...]  # Latin spellings, the first one the most common


PLACES: tuple[Place, ...] = (
    Place("تهران", "Tehran", "تهران", ("Tehran",)),
    Place("تهران", "Tehran", "شهریار", ("Shahriar", "Shahriyar")),
    Place("تهران", "Tehran", "اسلامشهر", ("Eslamshahr", "Islamshahr")),
    Place("البرز", "Alborz", "کرج", ("Karaj",)),
    Place("البرز", "Alborz", "فردیس", ("Fardis",)),
    Place("خوزستان", "Khuzestan", "اهواز", ("Ahvaz", "Ahwaz")),
    Place("خوزستان", "Khuzestan", "ماهشهر", ("Mahshahr", "Bandar-e Mahshahr")),
    Place("خوزستان", "Khuzestan", "آبادان", ("Abadan",)),
    Place("کردستان", "Kurdistan", "سنندج", ("Sanandaj",)),
    Place("کردستان", "Kurdistan", "مریوان", ("Marivan",)),
    Place("کرمانشاه", "Kermanshah", "کرمانشاه", ("Kermanshah",)),
    Place("کرمانشاه", "Kermanshah", "جوانرود", ("Javanrud", "Javanroud")),
    Place("اصفهان", "Isfahan", "اصفهان", ("Isfahan", "Esfahan")),
    Place("اصفهان", "Isfahan", "کاشان", ("Kashan",)),
    Place("فارس", "Fars", "شیراز", ("Shiraz",)),
    Place("فارس", "Fars", "کازرون", ("Kazerun", "Kazeroon")),
    Place("سیستان و بلوچستان", "Sistan and Baluchestan", "زاهدان", ("Zahedan",)),
    Place("سیستان و بلوچستان", "Sistan and Baluchestan", "ایرانشهر", ("Iranshahr",)),
    Place("آذربایجان غربی", "West Azerbaijan", "ارومیه", ("Urmia", "Orumiyeh")),
    Place("آذربایجان غربی", "West Azerbaijan", "مهاباد", ("Mahabad",)),
    Place("خراسان رضوی", "Razavi Khorasan", "مشهد", ("Mashhad",)),
    Place("گیلان", "Gilan", "رشت", ("Rasht",)),
    Place("لرستان", "Lorestan", "خرم\u200cآباد", ("Khorramabad", "Khorram Abad")),
)
PLACE_WEIGHTS = np.array(
    [0.12, 0.05, 0.05, 0.05, 0.02, 0.06, 0.04, 0.02, 0.05, 0.03, 0.04, 0.03,
     0.06, 0.02, 0.05, 0.02, 0.06, 0.02, 0.04, 0.02, 0.06, 0.04, 0.05]
)
PROVINCES: tuple[str, ...] = tuple(dict.fromkeys(p.province for p in PLACES))
PLACE_PROVINCE = np.array([PROVINCES.index(p.province) for p in PLACES])
GIVEN = MALE_GIVEN + FEMALE_GIVEN
FEMALE_SHARE = 0.12  # protest deaths are mostly young men
SECOND_SURNAME_SHARE = 0.04  # people known by two family names (an old and a new one, a clan name)


@dataclass(frozen=True)
class Population:
    """N synthetic victims; row i of every array is person ``person_id[i]``."""

    person_id: np.ndarray  # int64, 1..N
    female: np.ndarray  # bool
    given: np.ndarray  # int, index into GIVEN (male names first, then female)
    surname: np.ndarray  # int, index into build_surnames()
    seyed: np.ndarray  # bool: carries the Seyed/Seyedeh honorific
    father: np.ndarray  # int, index into MALE_GIVEN
    age: np.ndarray  # int
    place: np.ndarray  # int, index into PLACES
    day: np.ndarray  # int, days after EVENT_START
    visibility: np.ndarray  # float: how visible the death was (unobserved heterogeneity)
    second_surname: np.ndarray  # int, index into build_surnames(), or -1: known by one family name only

    @property
    def size(self) -> int:
        return int(self.person_id.size)

    @property
    def province(self) -> np.ndarray:
        return PLACE_PROVINCE[self.place]


def zipf_weights(n: int, exponent: float = 0.9) -> np.ndarray:
    """A few names are very common (Mohammad, Ali), most are rarer."""
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


def draw_population(n: int, rng: np.random.Generator) -> Population:
    """Draw N victims; every draw comes from ``rng`` in a fixed order (reproducible)."""
    female = rng.random(n) < FEMALE_SHARE
    male_given = rng.choice(len(MALE_GIVEN), size=n, p=zipf_weights(len(MALE_GIVEN)))
    female_given = rng.choice(len(FEMALE_GIVEN), size=n, p=zipf_weights(len(FEMALE_GIVEN)))
    surnames = build_surnames()
    age = 12 + rng.gamma(shape=2.2, scale=9.0, size=n)
    surname = rng.choice(len(surnames), size=n, p=zipf_weights(len(surnames), 0.6))
    return Population(
        person_id=np.arange(1, n + 1, dtype=np.int64),
        female=female,
        given=np.where(female, len(MALE_GIVEN) + female_given, male_given),
        surname=surname,
        seyed=rng.random(n) < 0.08,
        father=rng.choice(len(MALE_GIVEN), size=n, p=zipf_weights(len(MALE_GIVEN))),
        age=np.minimum(age, 85).astype(np.int64),
        place=rng.choice(len(PLACES), size=n, p=PLACE_WEIGHTS / PLACE_WEIGHTS.sum()),
        day=rng.choice(EVENT_DAYS, size=n, p=DAY_WEIGHTS / DAY_WEIGHTS.sum()),
        visibility=rng.normal(0.0, 1.0, size=n),
        # Drawn last: adding it left every earlier draw, and so the clean lists, unchanged.
        second_surname=_second_surnames(surname, len(surnames), rng),
    )


def _second_surnames(surname: np.ndarray, n_surnames: int, rng: np.random.Generator) -> np.ndarray:
    known = rng.random(surname.size) < SECOND_SURNAME_SHARE
    other = rng.choice(n_surnames, size=surname.size, p=zipf_weights(n_surnames, 0.6))
    other = np.where(other == surname, (other + 1) % n_surnames, other)
    return np.where(known, other, -1)


def death_dates(day: np.ndarray) -> np.ndarray:
    """ISO date strings for day offsets (may fall outside the window after noise)."""
    offsets = np.arange(day.min(), day.max() + 1)
    table = np.array([(EVENT_START + dt.timedelta(days=int(d))).isoformat() for d in offsets], dtype=object)
    return table[day - offsets[0]]
