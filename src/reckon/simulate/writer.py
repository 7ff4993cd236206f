"""Write a simulated event to disk: lists, articles, the population and the truth files.

Files are written deterministically (fixed column order, "\\n" line endings, sorted
nothing that depends on hashing) so the same seed gives byte-identical output.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from reckon.simulate.articles import PlantedClaim
from reckon.simulate.formats import latin_pool, script_pool
from reckon.simulate.population import PLACES, Population, death_dates

# cp1256 (old Windows Arabic) has no Persian yeh and no Persian digits: exports in that
# encoding use the Arabic yeh and Western digits, so we do the same.
CP1256_FIXES = str.maketrans({"ی": "ي", **{chr(0x06F0 + d): str(d) for d in range(10)}})


def write_csv(frame: pd.DataFrame, path: Path, encoding: str = "utf-8") -> None:
    if encoding.lower() in ("cp1256", "windows-1256"):
        frame = frame.apply(lambda col: col.map(lambda v: v.translate(CP1256_FIXES) if isinstance(v, str) else v))
        frame.columns = [c.translate(CP1256_FIXES) for c in frame.columns]
    frame.to_csv(path, index=False, encoding=encoding, lineterminator="\n")


def population_frame(pop: Population) -> pd.DataFrame:
    """The true victims, in one canonical spelling per script."""
    given, surnames, seyed = latin_pool("passport")
    given_fa, surnames_fa, seyed_fa = script_pool("zwnj")
    sex = pop.female.astype(int)
    prefix = np.where(pop.seyed, seyed[sex], "")
    prefix_fa = np.where(pop.seyed, seyed_fa[sex], "")
    return pd.DataFrame({
        "person_id": pop.person_id,
        "name": prefix + given[pop.given] + " " + surnames[pop.surname],
        "name_fa": prefix_fa + given_fa[pop.given] + " " + surnames_fa[pop.surname],
        "father_name": given[pop.father],
        "father_name_fa": given_fa[pop.father],
        "sex": np.where(pop.female, "female", "male"),
        "age": pop.age,
        "date_of_death": death_dates(pop.day),
        "place_of_death": np.array([p.cities[0] for p in PLACES], dtype=object)[pop.place],
        "province": np.array([p.province for p in PLACES], dtype=object)[pop.place],
    })


def write_articles(folder: Path, articles: list[tuple[str, str, list[PlantedClaim]]]) -> int:
    """Write the article files and claims_truth.jsonl; return the number of planted claims."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for name, text, claims in articles:
        (folder / name).write_bytes(text.encode("utf-8"))
        lines += [json.dumps(c.to_dict(), ensure_ascii=False) for c in claims]
    (folder / "claims_truth.jsonl").write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return len(lines)


def write_json(data: dict, path: Path) -> None:
    path.write_bytes((json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def histories_frame(captured: np.ndarray, names: list[str]) -> pd.DataFrame:
    """Observed capture patterns and their counts (no all-zero row), one 0/1 column per list."""
    seen = captured[captured.any(axis=1)].astype(np.int8)
    patterns, counts = np.unique(seen, axis=0, return_counts=True)
    frame = pd.DataFrame(patterns, columns=names)
    frame["count"] = counts
    return frame
