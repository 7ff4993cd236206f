"""Profiles: how kind the simulated lists are to the tools that read them.

* ``clean``: the default lists of :mod:`reckon.simulate.capture` (formats A, B, C): every
  field mostly filled, exact dates, names in one clean spelling per list.
* ``harsh``: lists as real ones are (measured on two published lists of the same dead):
  a big list in Persian script with a fifth of its rows unnamed and a third of its dates
  ranges, a small one mostly inside it, no father's name or sex in most lists, places at
  every granularity, damaged text, other headers and file types (layouts.py).

A profile is data: list specs (who each list documents) and, for the harsh one, list
sizes as shares of the victims. ``sizes`` replaces those shares with numbers of people.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from reckon.errors import InputError
from reckon.simulate.capture import ListSpec, default_specs

HARSH_SPECS: tuple[ListSpec, ...] = (
    ListSpec(
        "rights_group", "rights_csv", (("passport", 0.7), ("phonetic", 0.3)),
        (("zwnj", 0.5), ("space", 0.3), ("joined", 0.2)),
        province={"Sistan and Baluchestan": -0.8, "Tehran": 0.3}, visibility=0.8,
        typo_rate=0.05, age_error_rate=0.12, date_error_rate=0.10, missing_rate=0.0, id_prefix="",
    ),
    ListSpec(
        "memorial", "memorial_xlsx", (("passport", 0.5), ("phonetic", 0.5)), (("zwnj", 1.0),),
        visibility=0.6, depends_on=0, dependence=0.3, typo_rate=0.03, age_error_rate=0.08,
        date_error_rate=0.05, missing_rate=0.0, duplicate_rate=0.005, id_prefix="",
    ),
    ListSpec(
        "families_committee", "committee_csv", script_styles=(("space", 0.6), ("arabic_keyboard", 0.4)),
        young=0.5, female=0.4, visibility=0.6, depends_on=0, dependence=1.0, typo_rate=0.05,
        age_error_rate=0.15, date_error_rate=0.10, missing_rate=0.0, duplicate_rate=0.015, id_prefix="",
    ),
    ListSpec(
        "news_tally", "tally_json", (("press", 0.6), ("arabic", 0.4)),
        province={"Tehran": 0.5, "Kurdistan": 0.5}, visibility=1.2, depends_on=0, dependence=1.2,
        typo_rate=0.06, missing_rate=0.0, duplicate_rate=0.02, id_prefix="NT",
    ),
)
# Each harsh list's size as a share of the victims; lists after the fourth document 10 %.
HARSH_SHARES = (0.6, 0.15, 0.3, 0.2)
EXTRA_SHARE = 0.1


@dataclass(frozen=True)
class Profile:
    name: str
    specs: Callable[[int], list[ListSpec]]  # K lists -> their specs
    shares: tuple[float, ...] = ()  # list sizes as shares of the victims; () = as the capture model gives


def harsh_specs(k: int) -> list[ListSpec]:
    """K harsh lists: the four above, then the smaller three again (memorial_2, ...), each
    drawing mostly on the big list."""
    specs = list(HARSH_SPECS[:k])
    for j in range(len(specs), k):
        template = HARSH_SPECS[1 + (j - len(HARSH_SPECS)) % (len(HARSH_SPECS) - 1)]
        suffix = (j - 1) // (len(HARSH_SPECS) - 1) + 1
        prefix = f"{template.id_prefix}{suffix}" if template.id_prefix else ""
        specs.append(replace(template, name=f"{template.name}_{suffix}", id_prefix=prefix))
    return specs


PROFILES: dict[str, Profile] = {
    "clean": Profile("clean", default_specs),
    "harsh": Profile("harsh", harsh_specs, HARSH_SHARES),
}


def profile_specs(profile: str, lists: int, victims: int, sizes: Sequence[int] | None = None) -> list[ListSpec]:
    """The list specs of ``profile`` for K lists, with their sizes (people) if it has any."""
    if profile not in PROFILES:
        raise InputError(f"unknown profile {profile!r}", fix=f"use one of: {', '.join(PROFILES)}")
    chosen = PROFILES[profile]
    specs = chosen.specs(lists)
    if sizes is None and chosen.shares:
        shares = chosen.shares + (EXTRA_SHARE,) * max(0, lists - len(chosen.shares))
        sizes = [max(1, round(share * victims)) for share in shares[:lists]]
    if sizes is None:
        return specs
    return [replace(spec, size=int(size)) for spec, size in zip(specs, sizes)]
