"""Names across scripts: fold Persian/Arabic script and Latin transliterations, compare them.

    normalize_script("عبد‌الله")      -> "عبدالله"   (script folded, titles and diacritics gone)
    latin_key("Mohammed Husseyni")    -> "muhamad husini"
    romanize("محمد حسینی")            -> "mhmd hsini"  (same alphabet; short vowels unwritten)
    name_similarity("Mohammad Hosseini", "محمد حسینی") -> 1.0
    match_key(...)                    -> a blocking key equal across scripts and word order

Every function is cached: whole names up to 65,536 distinct values, single words up
to 262,144 (words repeat across a list far more than full names do). For whole
columns use `map_unique`, which calls a function once per distinct value.
"""

from reckon.names.compare import (
    CROSS_SCRIPT_THRESHOLD,
    DEFAULT_THRESHOLD,
    default_threshold,
    is_same_name,
    match_key,
    name_key,
    name_similarity,
)
from reckon.names.latin import latin_key, name_tokens, normalize_latin
from reckon.names.romanize import romanize
from reckon.names.script import is_script, normalize_script
from reckon.names.series import map_unique

__all__ = [
    "CROSS_SCRIPT_THRESHOLD",
    "DEFAULT_THRESHOLD",
    "default_threshold",
    "is_same_name",
    "is_script",
    "latin_key",
    "map_unique",
    "match_key",
    "name_key",
    "name_similarity",
    "name_tokens",
    "normalize_latin",
    "normalize_script",
    "romanize",
]
