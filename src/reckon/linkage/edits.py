"""A reviewer's changes to a person, recorded as decisions (so the next linkage run follows them).

    person_view(case, person_id)                         # its records, the links between them, verdicts
    split_record(case, "rights:RG-7", reviewer="mina")   # cannot-link: this record is someone else
    merge_records(case, "rights:RG-7", "hospital:#3", reviewer="mina")   # must-link: one person

Nothing here edits `persons` directly: persons are rebuilt from the links and every
decision on the next `reckon link` (or a re-run from the web UI).
"""

from __future__ import annotations

from typing import Any

from reckon.case import Case
from reckon.errors import InputError
from reckon.linkage.decisions import CANNOT_LINK, MUST_LINK, ordered
from reckon.linkage.pair_view import VIEW_FIELDS
from reckon.linkage.review import record_decision
from reckon.linkage.store import pair_decisions, person_of_record, person_record_ids, require_run, stored_pair
from reckon.lists.store import records_by_id


def person_view(case: Case, person_id: str) -> dict[str, Any]:
    """One person of the latest run: each record (VIEW_FIELDS), the scored pairs among them,
    and the verdicts on those pairs."""
    require_run(case)
    ids = person_record_ids(case, person_id)
    if not ids:
        raise InputError(f"no person {person_id[:60]!r} in the latest linkage run", fix="open a person from a record or the review page")
    records = records_by_id(case, ids, VIEW_FIELDS).set_index("record_id").loc[ids].reset_index()
    pairs = []
    for index, left in enumerate(ids):
        for right in ids[index + 1:]:
            pair = ordered(left, right)
            stored = stored_pair(case, pair)
            verdicts = pair_decisions(case, pair)
            if stored or verdicts:
                pairs.append({"record_id_l": pair[0], "record_id_r": pair[1],
                              "match_probability": stored and stored["match_probability"],
                              "decision": verdicts[0]["decision"] if verdicts else None,
                              "reviewer": verdicts[0]["reviewer"] if verdicts else None})
    return {"person_id": person_id, "records": records.to_dict("records"), "pairs": pairs}


def split_record(case: Case, record_id: str, *, reviewer: str, note: str | None = None) -> int:
    """Record that ``record_id`` is not the same person as any other record of its person;
    returns the number of cannot-link decisions recorded."""
    person = person_of_record(case, record_id)
    if person is None:
        raise InputError(f"record {record_id[:60]!r} belongs to no person of the latest run", fix="run linkage first")
    others = [other for other in person_record_ids(case, person) if other != record_id]
    if not others:
        raise InputError(f"record {record_id[:60]!r} is a person on its own already", fix="nothing to split")
    with case.transaction():  # all the verdicts, or none
        for other in others:
            record_decision(case, record_id, other, CANNOT_LINK, reviewer, note)
    return len(others)


def merge_records(case: Case, left: str, right: str, *, reviewer: str, note: str | None = None) -> None:
    """Record that two records (and so their persons) are one person."""
    record_decision(case, left, right, MUST_LINK, reviewer, note)
