"""Compound names written apart: one rule for both scripts, each script with its own halves."""

from __future__ import annotations

from collections.abc import Iterable


def join_halves(words: Iterable[str], prefixes: frozenset[str], suffixes: frozenset[str]) -> list[str]:
    """Attach a word to the previous one when it is a joining suffix or follows a joining prefix.

    Lists write "Abdol Reza", "Abdolreza" and "Abdol-Reza" (or عبد الرضا and عبدالرضا); joining
    the halves makes the spaced, hyphenated and joined spellings agree.
    """
    joined: list[str] = []
    for word in words:
        if joined and (word in suffixes or joined[-1] in prefixes):
            joined[-1] += word
        else:
            joined.append(word)
    return joined
