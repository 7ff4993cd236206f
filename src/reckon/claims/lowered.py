"""Case-insensitive patterns that run fast: matched on the lower-cased text.

Python's regex engine is several times slower on a long alternation with ``re.IGNORECASE``
than on the same alternation over lower-cased text. ``Lowered`` compiles a pattern (written in
lower case) both ways and matches the lower-cased text whenever lower-casing keeps every
offset (it does for all but a few characters, such as "İ"); offsets and spans stay those of
the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Lowered:
    """A case-insensitive pattern: ``search``, ``match`` and ``finditer`` as on ``re.Pattern``."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._plain = re.compile(pattern, flags)
        self._folded = re.compile(pattern, flags | re.IGNORECASE)

    def _pick(self, text: str) -> tuple[re.Pattern[str], str]:
        lower = text.lower()
        return (self._plain, lower) if len(lower) == len(text) else (self._folded, text)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        pattern, subject = self._pick(text)
        return pattern.search(subject, pos)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        pattern, subject = self._pick(text)
        return pattern.match(subject, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        pattern, subject = self._pick(text)
        return pattern.finditer(subject)
