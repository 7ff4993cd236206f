"""Two records side by side, field by field: the same in both, different, or missing in one.

    fields = compare_fields(record_l, record_r)     # dicts of VIEW_FIELDS values
    fields[0].field, fields[0].left, fields[0].left_latin, fields[0].agreement

Names and places are compared by their name keys, so "Mohammad" and "محمد" agree; a
value written in Persian/Arabic script also comes with its romanised key, so a reader
who knows one script sees the other. ``agreement`` is "agree", "differ" or "missing".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reckon.case import Case
from reckon.errors import InputError
from reckon.linkage.decisions import ordered
from reckon.linkage.store import pair_decisions, persons_of_records
from reckon.lists.store import records_by_id
from reckon.names import is_script, name_key, romanize, skeleton

# The fields a reviewer sees: where the record comes from, then who it names.
VIEW_FIELDS = (
    "list_name", "source_record_id", "name", "name_native", "given_name", "family_name", "father_name", "sex",
    "age_text", "date_of_birth", "date_of_death", "place_of_death", "province", "national_id", "notes",
)
NAME_FIELDS = frozenset({"name", "name_native", "given_name", "family_name", "father_name", "place_of_death", "province"})
NOT_COMPARED = frozenset({"list_name", "source_record_id"})  # they tell where a record is from, not who


@dataclass(frozen=True)
class FieldPair:
    field: str
    left: str | None
    right: str | None
    left_latin: str | None  # the romanised key of a value in Persian/Arabic script
    right_latin: str | None
    agreement: str  # agree, differ, missing (or "" for fields that are not compared)


def compare_fields(left: dict[str, Any], right: dict[str, Any], fields: tuple[str, ...] | None = None) -> list[FieldPair]:
    """The fields either record gives, each with both values and whether they agree."""
    out = []
    for field in fields or VIEW_FIELDS:
        a, b = _text(left.get(field)), _text(right.get(field))
        if a is None and b is None:
            continue
        out.append(FieldPair(field, a, b, _latin(a), _latin(b), field_agreement(field, a, b)))
    return out


def field_agreement(field: str, left: str | None, right: str | None) -> str:
    """agree / differ / missing for one field; "" for a field that says where a record is from."""
    if field in NOT_COMPARED:
        return ""
    if left is None or right is None:
        return "missing"
    if field in NAME_FIELDS:
        same = skeleton(name_key(left)) == skeleton(name_key(right))
    else:
        same = left.strip().casefold() == right.strip().casefold()
    return "agree" if same else "differ"


def _latin(value: str | None) -> str | None:
    return romanize(value) if value and is_script(value) else None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    try:
        if value != value:  # NaN
            return None
    except (TypeError, ValueError):  # pandas NA refuses comparison
        return None
    text = str(value).strip()
    return text or None


def review_pair(case: Case, left: str, right: str) -> dict[str, Any]:
    """Everything a reviewer sees for one pair: both records field by field, the verdicts so
    far (newest first), each record's person, and the model's evidence (whose probability is
    the pair's stored one while no verdict overrides it)."""
    from reckon.linkage.explain import explain_pair  # Splink loads when a pair is explained

    pair = ordered(left, right)
    found = {row["record_id"]: row for row in records_by_id(case, list(pair), VIEW_FIELDS).to_dict("records")}
    for record_id in pair:
        if record_id not in found:
            raise InputError(f"no record {record_id[:60]!r} in this case", fix="use record ids as the review page shows them")
    return {
        "record_id_l": pair[0],
        "record_id_r": pair[1],
        "fields": compare_fields(found[pair[0]], found[pair[1]]),
        "decisions": pair_decisions(case, pair),
        "persons": persons_of_records(case, list(pair)),
        "explanation": explain_pair(case, *pair),
    }
