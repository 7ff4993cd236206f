"""The declared policy for public outputs, and the manifest that records what it removed.

The policy is data, not code scattered through the report: which fields never leave the
case, the smallest count shown, which model statistics an estimate keeps. Every public
report and export applies the same policy and says in its manifest what was dropped and
which cells were hidden, and why.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

DROPPED_FIELDS = {
    "lists.file": "a list's file name can name its source, a person or an internal folder",
    "lists.sha256": "the hash of a list's file lets anyone holding a leaked copy confirm it is the one used",
    "estimates.input_hash": "the hash of the overlap table lets anyone confirm a guessed table of small counts",
    "estimates.diagnostics": "beyond the model statistics kept, diagnostics hold overlap counts (Chapman's n1, n2 and both)",
    "records and names": "never in a report or export: counts only, by date, province, age band, sex and list combination",
}
KEPT_DIAGNOSTICS = ("rcapture_name", "terms", "aic", "bic", "rhat", "ess_bulk", "ess_tail")


@dataclass(frozen=True)
class PublicPolicy:
    """What public outputs may show."""

    min_cell: int = 5  # counts below this are hidden, with more hidden so they cannot be recovered
    dropped_fields: dict[str, str] = field(default_factory=lambda: dict(DROPPED_FIELDS))
    kept_diagnostics: tuple[str, ...] = KEPT_DIAGNOSTICS

    def __post_init__(self) -> None:
        if self.min_cell < 1:
            raise ValueError("min_cell must be at least 1")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Suppression:
    """The cells hidden in one table."""

    table: str  # "victims by province", "list overlap"
    hidden: int  # categories not shown
    below_threshold: int  # of which below min_cell (the rest hidden so those cannot be recovered)
    people: int  # the people in the hidden cells, published as one unnamed remainder
    withheld: bool = False  # the whole table is left out: too few people to show any of it safely


@dataclass
class Manifest:
    """What a public output removed and why; written into the output itself."""

    public: bool
    policy: dict[str, Any] = field(default_factory=dict)
    dropped: dict[str, str] = field(default_factory=dict)
    suppressed: list[Suppression] = field(default_factory=list)
    audit_head: dict[str, Any] | None = None

    def lines(self) -> list[str]:
        """The manifest as sentences for people."""
        if not self.public:
            return ["Not a public output: nothing was removed. It holds whatever the case holds; do not publish it."]
        out = [f"{name}: dropped — {why}." for name, why in self.dropped.items()]
        for s in self.suppressed:
            if s.withheld:
                out.append(f"{s.table}: withheld entirely — too few people to show any category safely.")
            elif s.hidden:
                extra = s.hidden - s.below_threshold
                also = f", and {extra} more so those cannot be recovered from the total" if extra else ""
                out.append(
                    f"{s.table}: {s.hidden} categories not shown ({s.below_threshold} below "
                    f"{self.policy.get('min_cell')}{also}); their {s.people} people are shown together, unnamed."
                )
        return out

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "lines": self.lines()}
