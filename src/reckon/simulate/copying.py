"""Lists that copy each other: a record taken word for word from an earlier list.

A families committee that works from a rights group's list does not re-interview every
family: for some of the people on both lists it copies the rights group's row, typos
and wrong ages included. Copied errors are what make linkage deceptively easy for those
pairs and what makes the lists dependent in their content, not only in who is on them.
Copying needs the same representation on both sides, so A and C (Latin, ISO dates) copy
from each other, B (Persian digits, Solar Hijri) only from B.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reckon.simulate.lists import ListDraw

# Meaning -> column, per format. Keys shared by two formats can be copied between them.
FIELDS: dict[str, dict[str, str]] = {
    "A": {"name": "name", "father": "father_name", "age": "age", "date": "date_of_death",
          "place": "place_of_death", "province": "province"},
    "C": {"name": "full_name", "name_fa": "name_fa", "father": "father", "age": "age", "date": "died",
          "place": "city", "province": "province"},
    "B": {"given_fa": "نام", "surname_fa": "نام خانوادگی", "father_fa": "نام پدر", "age_fa": "سن",
          "date_fa": "تاریخ فوت", "place_fa": "محل فوت", "province_fa": "استان"},
}


def copy_records(frame: pd.DataFrame, draw: ListDraw, source: pd.DataFrame, source_draw: ListDraw,
                 rng: np.random.Generator) -> tuple[pd.DataFrame, int]:
    """Overwrite a ``draw.spec.copy_rate`` share of the rows shared with ``source`` by the
    source's row for the same person. Returns the new frame and the number of copied rows."""
    if draw.spec.format not in FIELDS or source_draw.spec.format not in FIELDS:
        return frame, 0  # the harsh layouts write every field their own way: nothing to copy verbatim
    ours, theirs = FIELDS[draw.spec.format], FIELDS[source_draw.spec.format]
    shared = [key for key in ours if key in theirs]
    first_row = pd.Series(np.arange(source_draw.size), index=source_draw.person)
    first_row = first_row[~first_row.index.duplicated()]
    on_both = np.isin(draw.person, first_row.index.to_numpy()) & ~draw.duplicate
    chosen = np.flatnonzero(on_both & (rng.random(draw.size) < draw.spec.copy_rate))
    if not shared or chosen.size == 0:
        return frame, 0
    rows = first_row.loc[draw.person[chosen]].to_numpy()
    frame = frame.copy()
    for key in shared:
        frame.iloc[chosen, frame.columns.get_loc(ours[key])] = source[theirs[key]].to_numpy()[rows]
    return frame, int(chosen.size)
