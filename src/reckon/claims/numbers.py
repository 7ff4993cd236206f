"""Numerals as written: digits in any script with any thousands separator, and number words.

`NUMERAL` is a regular expression that finds one numeral; `numeral_value` turns the matched
text into an int. Decimals only count when a scale word follows ("1.5 million").
"""

from __future__ import annotations

import re

# Western, Arabic-Indic (U+0660..) and Persian (U+06F0..) digits all read as 0-9.
DIGIT = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_TO_ASCII = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "01234567890123456789",
)
# Thousands separators seen in the wild: comma, dot, spaces, Arabic thousands/comma marks.
_SEP = "[,.\u066c\u060c\u00a0\u202f ]"
_SEP_RE = re.compile(_SEP)

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}

_WORD = "|".join(sorted([*UNITS, *TENS, *SCALES], key=len, reverse=True))
_SCALE = "hundred|thousand|million"

_DIGITS = (
    rf"{DIGIT}+(?:\.{DIGIT}+)?\s+(?:{_SCALE})\b"  # 1.5 million, 2 thousand
    rf"|{DIGIT}{{1,3}}(?:{_SEP}{DIGIT}{{3}})+(?!{DIGIT})"  # 1,500  1.500  1 500  ۱٬۵۰۰
    rf"|{DIGIT}+"
)
_WORDS = (
    rf"(?:\bhalf\s+a\s+(?:{_SCALE})\b|\ba\s+(?:{_SCALE})\b|\b(?:{_WORD})\b)"
    rf"(?:(?:[\s-]+(?:and\s+)?)\b(?:{_WORD})\b)*"
)
NUMERAL = re.compile(rf"(?:{_DIGITS})|(?:{_WORDS})", re.IGNORECASE)
NUMERAL_LOWER = re.compile(rf"(?:{_DIGITS})|(?:{_WORDS})")  # the same, on lower-cased text (much faster than IGNORECASE)
# a numeral standing alone, not inside a word or a hyphenated name ("one person", not "Kafr-One")
STANDALONE_NUMERAL = re.compile(rf"(?<![\w-])(?:{_DIGITS}|{_WORDS})(?![\w-])", re.IGNORECASE)


def to_ascii_digits(text: str) -> str:
    return text.translate(_TO_ASCII)


def numeral_value(text: str) -> int | None:
    """The integer a numeral stands for, or None when it is not a whole count."""
    text = to_ascii_digits(text.strip())
    if text[:1].isdigit():
        return _digits_value(text)
    return _words_value(text)


def _digits_value(text: str) -> int | None:
    parts = text.split()
    if len(parts) == 2 and parts[1].lower() in SCALES:
        try:
            return round(float(parts[0]) * SCALES[parts[1].lower()])
        except ValueError:
            return None
    digits = _SEP_RE.sub("", text)
    return int(digits) if digits.isdigit() else None


def _words_value(text: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if words[:1] == ["half"]:  # "half a million"
        whole = _words_value(" ".join(words[1:])) if len(words) > 1 else None
        return whole // 2 if whole is not None else None
    total, current = 0, 0
    for word in words:
        if word == "a":
            current = 1
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
    return total + current
