"""Short forms of given names: Bill is William, Eddy may be Edward or Edwin.

Lists of the dead mix formal names and the names families used, and no spelling rule
turns "Bill" into "William". The relation comes from the `nicknames` package (a
hand-curated table of English given names and their short forms, Apache-2.0). Both
sides are keyed with ``latin_key``, so the table's spellings meet the lists' spellings
in one key space (Persian short forms such as Mamad are already folded by ``latin_key``).

    formal_forms("bil")      -> ("bil", "bili", "rubart", "vil", "viliam", ...)  keys: the name first
    formal_forms("ahmad")    -> None                  not in the table
    share_formal_form("Eddy", "Edward") -> True
    share_formal_form("William", "Robert") -> False   (both have Bill, but are not one name)
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from reckon.names.latin import latin_key


@cache
def _forms_by_key() -> dict[str, tuple[str, ...]]:
    """Key of a name → its own key first, then the keys of the names it is listed with.

    The table lists pairs in both directions (William has Bill, Bill has William) and a
    short form can serve several names (Bill: William, Robert), so only direct neighbours
    count: William and Robert are not one name because both have Bill.
    """
    from nicknames import NickNamer

    neighbours: dict[str, set[str]] = defaultdict(set)
    for name, short_forms in NickNamer().nickname_lookup.items():
        for short in short_forms:
            name_key, short_key = latin_key(name), latin_key(short)
            if name_key and short_key and name_key != short_key:
                neighbours[name_key].add(short_key)
                neighbours[short_key].add(name_key)
    return {key: (key, *sorted(others)) for key, others in neighbours.items()}


def formal_forms(given_name_key: str) -> tuple[str, ...] | None:
    """The key itself, then the keys of names it is a short or full form of; None if unknown.

    Takes a key (``latin_key`` output); a multi-word given name is looked up by its first word.
    """
    first = given_name_key.split(" ", 1)[0] if given_name_key else ""
    return _forms_by_key().get(first)


def share_formal_form(given_a: str, given_b: str) -> bool:
    """True when one given name (any Latin spelling) is listed as a short or full form of the other."""
    key_a, key_b = latin_key(given_a).split(" ", 1)[0], latin_key(given_b).split(" ", 1)[0]
    return key_a == key_b or key_b in (formal_forms(key_a) or ())
