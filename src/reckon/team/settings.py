"""Settings an admin sets for the whole team of a served case.

    team_settings(case)                         # every setting, defaults filled in
    change_setting(case, "review_low", 0.2)     # checked, stored, audited

This module is the only one that reads or writes ``team_settings`` (migration 011).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from reckon.case import Case
from reckon.errors import InputError

ESTIMATE_METHODS = ("loglinear", "lcmcr", "stepwise", "chapman", "all")


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    help: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()

    def check(self, value: Any) -> Any:
        """The value in its proper type, or InputError saying what is allowed."""
        if self.choices:
            if value not in self.choices:
                raise InputError(f"{self.key} {value!r} is not one of {', '.join(self.choices)}", fix="pick one of them")
            return value
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise InputError(f"{self.key} {str(value)[:40]!r} is not a number", fix=f"give a number from {self.low} to {self.high}") from None
        if not self.low <= number <= self.high:  # type: ignore[operator]
            raise InputError(f"{self.key} {number} is outside {self.low}..{self.high}", fix=f"give a number from {self.low} to {self.high}")
        return number


SETTINGS = {
    setting.key: setting
    for setting in (
        Setting("review_low", 0.3, "The review queue offers pairs whose match probability is at least this…", 0.0, 1.0),
        Setting("review_high", 0.9, "…and below this.", 0.0, 1.0),
        Setting("link_threshold", 0.5, "Match probability at which the re-run joins two records.", 0.0, 1.0),
        Setting("estimate_method", "loglinear", "Estimator the re-run uses.", choices=ESTIMATE_METHODS),
    )
}


def team_settings(case: Case) -> dict[str, Any]:
    """Every setting, stored values over defaults."""
    stored = dict(case.con.execute("SELECT key, value FROM team_settings").fetchall())
    return {key: json.loads(stored[key]) if key in stored else s.default for key, s in SETTINGS.items()}


def change_setting(case: Case, key: str, value: Any) -> Any:
    """Check and store one setting; returns the stored value."""
    if key not in SETTINGS:
        raise InputError(f"no setting named {key!r}", fix=f"use one of {', '.join(SETTINGS)}")
    checked = SETTINGS[key].check(value)
    current = team_settings(case)
    if key in ("review_low", "review_high"):
        low = checked if key == "review_low" else current["review_low"]
        high = checked if key == "review_high" else current["review_high"]
        if not low < high:
            raise InputError(f"review range {low}..{high} is empty", fix="review_low must be below review_high")
    with case.transaction():
        case.con.execute("DELETE FROM team_settings WHERE key = ?", [key])
        case.con.execute("INSERT INTO team_settings VALUES (?, ?)", [key, json.dumps(checked)])
        case.audit("settings.change", key=key, value=checked, was=current[key])
    return checked
