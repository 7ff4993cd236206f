"""Whether two free-text names of a claimant name the same party ("the Wire" and "Wire Agency").

Used where only text is at hand: a claim's ``via`` against other claimants, a confirm verb's
subject against the claimant. Words that name no one in particular are ignored.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"\w+")

# Words that do not tell parties apart.
_NAME_NOISE = {"the", "of", "and", "a", "an", "in", "officials", "official", "sources", "source"}


@lru_cache(maxsize=4096)
def name_words(name: str) -> frozenset[str]:
    """The distinguishing words of a name, case-folded."""
    return frozenset(w for w in _WORD.findall(name.casefold()) if w not in _NAME_NOISE)


def same_party(name: str, *candidates: str) -> bool:
    """Whether ``name`` (a free-text via) names the same party as any candidate (key or claimant)."""
    words = name_words(name)
    if not words:
        return False
    for candidate in candidates:
        other = name_words(candidate)
        if other and (words <= other or other <= words):
            return True
    return False
