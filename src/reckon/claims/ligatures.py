"""Typographic ligatures read as their letters, offsets kept those of the original text.

PDF text layers often keep "ﬁ", "ﬂ" or "ﬃ" as one character ("veriﬁed", "Oﬃce"), which no
word rule reads. The extractor reads the text with each ligature spelled out and maps its
offsets back, so a claim's quote is still the exact text of the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_ANY = re.compile("[" + "".join(_LIGATURES) + "]")


@dataclass(frozen=True)
class Spelled:
    """A text with its ligatures spelled out, and where each of its characters came from."""

    text: str
    origin: tuple[int, ...] | None  # origin[i]: offset in the original of character i; None if unchanged

    def start(self, offset: int) -> int:
        """The original offset of a span starting at ``offset``."""
        return offset if self.origin is None else self.origin[offset]

    def end(self, offset: int) -> int:
        """The original offset of a span ending (exclusive) at ``offset``."""
        if self.origin is None or offset == 0:
            return offset
        return self.origin[offset - 1] + 1


def spelled_out(text: str) -> Spelled:
    """``text`` with "ﬁ" as "fi" (and the other ligatures), with the offset map back."""
    if _ANY.search(text) is None:
        return Spelled(text, None)
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        letters = _LIGATURES.get(char, char)
        pieces.append(letters)
        origin.extend([index] * len(letters))
    origin.append(len(text))  # the end of the text
    return Spelled("".join(pieces), tuple(origin))
