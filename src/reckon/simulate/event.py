"""``simulate_event``: one synthetic event with known truth, written to a folder.

    OUT/lists/<list_name>.csv        K victim lists (clean: formats A, B, C, see formats.py;
                                     harsh: .csv, .xlsx and .json layouts, see layouts.py)
    OUT/articles/NNN_<publisher>.txt  synthetic articles in the seed format
    OUT/articles/claims_truth.jsonl   the claims planted in them
    OUT/population.csv               the N true victims
    OUT/truth.csv                    list_name, source_record_id, person_id, row_number (as the importer numbers rows)
    OUT/truth_histories.csv          true capture patterns with counts (one 0/1 column per list)
    OUT/truth.json                   N, counts by list, overlap by pattern, seed, parameters
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from reckon import __version__
from reckon.errors import InputError
from reckon.estimate.histories import CaptureHistories, from_rows
from reckon.simulate.articles import Figures
from reckon.simulate.capture import ListSpec, capture, scaled
from reckon.simulate.copying import copy_records
from reckon.simulate.formats import list_file, list_frame, record_ids
from reckon.simulate.layouts import LAYOUTS
from reckon.simulate.lists import ListDraw, draw_list
from reckon.simulate.population import EVENT_DAYS, EVENT_START, PLACES, PROVINCES, Population, draw_population
from reckon.simulate.profiles import PROFILES, profile_specs
from reckon.simulate.templates import compose_articles
from reckon.simulate.writer import histories_frame, population_frame, write_articles, write_csv, write_json, write_list

# Independent random streams, so adding a list or an article does not change the others.
POPULATION_STREAM, ARTICLE_STREAM, LIST_STREAM = 0, 1, 100


@dataclass(frozen=True)
class SimulationTruth:
    """What really happened in a simulated event: the numbers to score reckon against."""

    n_victims: int
    lists: tuple[str, ...]
    victims_by_list: dict[str, int]  # distinct people on each list
    records_by_list: dict[str, int]  # rows in each list file (duplicates included)
    duplicates_by_list: dict[str, int]
    copied_by_list: dict[str, int]  # records copied verbatim from the list each depends on
    overlap: dict[str, int]  # capture pattern ("1010": on lists 1 and 3) -> people
    documented: int  # people on at least one list
    claims: int  # claims planted in the articles
    seed: int
    parameters: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "N": self.n_victims, "documented": self.documented, "unobserved": self.n_victims - self.documented,
            "lists": list(self.lists), "victims_by_list": self.victims_by_list,
            "records_by_list": self.records_by_list, "duplicates_by_list": self.duplicates_by_list,
            "copied_by_list": self.copied_by_list,
            "overlap": self.overlap, "claims": self.claims, "seed": self.seed,
            "parameters": self.parameters, "reckon_version": __version__,
        }

    @classmethod
    def read(cls, folder: str | Path) -> SimulationTruth:
        """Load the truth of an event written earlier (its ``truth.json``)."""
        path = Path(folder) / "truth.json"
        if not path.is_file():
            raise InputError("has no truth.json", file=str(folder), fix="run `reckon simulate` into it first")
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            n_victims=data["N"], lists=tuple(data["lists"]), victims_by_list=data["victims_by_list"],
            records_by_list=data["records_by_list"], duplicates_by_list=data["duplicates_by_list"],
            copied_by_list=data["copied_by_list"], overlap=data["overlap"], documented=data["documented"],
            claims=data["claims"], seed=data["seed"], parameters=data["parameters"],
        )

    def histories(self) -> CaptureHistories:
        """The true capture histories as a :class:`reckon.estimate.histories.CaptureHistories`."""
        rows = [(tuple(int(c) for c in pattern), count) for pattern, count in self.overlap.items()]
        return from_rows(list(self.lists), rows, source="truth.json")


def simulate_event(
    out_dir: str | Path,
    *,
    victims: int = 2000,
    lists: int | None = None,
    seed: int = 0,
    articles: int = 12,
    heterogeneity: float = 1.0,
    dependence: float = 1.0,
    persian_encoding: str = "utf-8",
    profile: str = "clean",
    sizes: Sequence[int] | None = None,
    specs: list[ListSpec] | None = None,
    force: bool = False,
) -> SimulationTruth:
    """Simulate an event with ``victims`` dead, ``lists`` victim lists and ``articles`` articles.

    ``heterogeneity`` and ``dependence`` scale the capture model's covariate effects and
    list dependence (1 = the default story, 0 = none: independent, homogeneous lists).
    ``profile`` chooses how kind the lists are ("clean" or "harsh"; see profiles.py);
    ``sizes`` gives each list's number of people (``lists`` defaults to their count, else 4).
    ``specs`` replaces the profile's lists entirely. The same arguments give byte-identical
    files. Refuses a non-empty ``out_dir`` unless ``force`` (files of the same names are then
    overwritten; others are left alone).
    """
    lists = _check(victims, lists, seed, articles, profile, sizes)
    out = _prepare(Path(out_dir), force)
    specs = specs or profile_specs(profile, lists, victims, sizes)
    specs = scaled(specs, heterogeneity=heterogeneity, dependence=dependence)
    pop = draw_population(victims, np.random.default_rng([seed, POPULATION_STREAM]))
    rngs = [np.random.default_rng([seed, LIST_STREAM + k]) for k in range(len(specs))]
    captured = capture(pop, specs, rngs)
    names = [s.name for s in specs]
    draws = [draw_list(pop, captured[:, k], spec, rngs[k]) for k, spec in enumerate(specs)]
    copies = _write_lists(out, pop, draws, rngs, persian_encoding)
    written = compose_articles(_figures(pop, captured), articles, np.random.default_rng([seed, ARTICLE_STREAM]))
    n_claims = write_articles(out / "articles", written)
    write_csv(population_frame(pop), out / "population.csv")
    write_csv(histories_frame(captured, names), out / "truth_histories.csv")
    settings = {"victims": victims, "lists": len(specs), "articles": articles, "heterogeneity": heterogeneity,
                "dependence": dependence, "persian_encoding": persian_encoding, "profile": profile,
                "sizes": list(sizes) if sizes is not None else None}
    truth = _truth(pop, captured, draws, copies, n_claims, seed, specs, settings)
    write_json(truth.to_dict(), out / "truth.json")
    return truth


def _check(victims: int, lists: int | None, seed: int, articles: int, profile: str,
           sizes: Sequence[int] | None) -> int:
    """The number of lists, once the arguments are known to make sense."""
    if victims < 1:
        raise InputError(f"victims must be at least 1, got {victims}", fix="pass --victims 2000")
    if lists is None:
        lists = len(sizes) if sizes else 4
    if not 2 <= lists <= 15:
        raise InputError(f"lists must be between 2 and 15, got {lists}", fix="pass --lists 4")
    if seed < 0:
        raise InputError(f"seed must be a whole number >= 0, got {seed}", fix="pass --seed 0")
    if articles < 0:
        raise InputError(f"articles must be >= 0, got {articles}", fix="pass --articles 12")
    if profile not in PROFILES:
        raise InputError(f"unknown profile {profile!r}", fix=f"use one of: {', '.join(PROFILES)}")
    if sizes is not None:
        _check_sizes(list(sizes), lists, victims)
    return lists


def _check_sizes(sizes: list[int], lists: int, victims: int) -> None:
    if len(sizes) != lists:
        raise InputError(f"{len(sizes)} list sizes for {lists} lists",
                         fix="give one size per list, e.g. --sizes 300,60 for two lists")
    if not all(1 <= size <= victims for size in sizes):
        raise InputError(f"list sizes {', '.join(map(str, sizes))} must each be between 1 and the {victims} victims",
                         fix="raise --victims or lower --sizes")


def _prepare(out: Path, force: bool) -> Path:
    if out.exists() and not out.is_dir():
        raise InputError("is a file, not a folder", file=str(out), fix="choose a folder name")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise InputError("is not empty", file=str(out), fix="choose an empty folder or pass --force")
    (out / "lists").mkdir(parents=True, exist_ok=True)
    return out


def _write_lists(out: Path, pop: Population, draws: list[ListDraw], rngs: list[np.random.Generator],
                 persian_encoding: str) -> dict[str, int]:
    """Each list file, plus truth.csv mapping every record to its true person.

    Returns how many records each list copied from the list it depends on."""
    truth, frames, copies = [], [], {}
    for draw, rng in zip(draws, rngs):
        written = list_file(draw.spec.format, persian_encoding)
        frame = list_frame(pop, draw, rng)
        copies[draw.spec.name] = 0
        if draw.spec.depends_on is not None and draw.spec.copy_rate > 0:
            source = draw.spec.depends_on
            frame, copies[draw.spec.name] = copy_records(frame, draw, frames[source], draws[source], rng)
        frames.append(frame)
        write_list(frame, out / "lists" / f"{draw.spec.name}.{written.kind}", written.kind, written.encoding)
        truth.append(pd.DataFrame({
            "list_name": draw.spec.name,
            "source_record_id": record_ids(frame, draw.spec.format),
            "person_id": pop.person_id[draw.person],
            "row_number": np.arange(written.first_row, draw.size + written.first_row),
        }))
    write_csv(pd.concat(truth, ignore_index=True), out / "truth.csv")
    return copies


def _figures(pop: Population, captured: np.ndarray) -> Figures:
    """The numbers the articles can know: list counts, never N itself (except as a basis)."""
    rights = captured[:, 0]
    by_province = np.bincount(pop.province[rights], minlength=len(PROVINCES))
    top = np.argsort(-by_province, kind="stable")[:3]
    city_counts = np.bincount(pop.place, minlength=len(PLACES))
    city = int(np.argmax(city_counts[1:]) + 1)  # the largest city outside the capital
    return Figures(
        truth=pop.size, documented=int(captured.any(axis=1).sum()), rights_list=int(rights.sum()),
        rights_by_province=tuple((PROVINCES[i], int(by_province[i])) for i in top if by_province[i] > 0),
        rights_children=int((rights & (pop.age < 18)).sum()), rights_women=int((rights & pop.female).sum()),
        city=PLACES[city].cities[0], city_deaths=int(city_counts[city]),
        cities_with_deaths=int((city_counts > 0).sum()),
    )


def _truth(pop: Population, captured: np.ndarray, draws: list[ListDraw], copies: dict[str, int], n_claims: int, seed: int,
           specs: list[ListSpec], settings: dict) -> SimulationTruth:
    names = tuple(s.name for s in specs)
    hist = histories_frame(captured, list(names))
    overlap = {"".join(str(int(v)) for v in row[:-1]): int(row[-1]) for row in hist.itertuples(index=False)}
    return SimulationTruth(
        n_victims=pop.size, lists=names,
        victims_by_list={n: int(captured[:, k].sum()) for k, n in enumerate(names)},
        records_by_list={d.spec.name: d.size for d in draws},
        duplicates_by_list={d.spec.name: int(d.duplicate.sum()) for d in draws},
        copied_by_list=copies,
        overlap=overlap, documented=int(captured.any(axis=1).sum()), claims=n_claims, seed=seed,
        parameters={
            **settings, "event_start": EVENT_START.isoformat(), "event_days": EVENT_DAYS,
            "list_specs": [s.to_dict() for s in specs],
            "layouts": {s.format: LAYOUTS[s.format].to_dict() for s in specs if s.format in LAYOUTS},
        },
    )
