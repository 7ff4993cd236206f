"""Names across scripts: fold Persian/Arabic script and Latin transliterations to keys.

    normalize_script("عبد‌الله")         -> "عبدالله"   (script folded, titles and diacritics gone)
    latin_key("Mohammed Husseyni")       -> "muhamad husini"
    romanize("محمد حسینی")               -> "mhmd hsini"  (same alphabet; short vowels unwritten)
    name_key(...)                        -> latin_key or romanize, by the name's script
    skeleton(name_key("Mohammad Hosseini")) == skeleton(name_key("محمد حسینی"))  -> "mhmd hsn"
    coarse_key(...)                      -> a blocking key equal across scripts and word order

These keys are what linkage compares. Whole names are cached up to 65,536 distinct
values, single words up to 262,144 (words repeat across a list far more than full
names do). For whole columns use `key_column`, which calls a function once per
distinct value.
"""

from reckon.names.keys import coarse_key, coarse_of_key, joined_skeleton, name_key, skeleton
from reckon.names.latin import latin_key, name_tokens, normalize_latin
from reckon.names.romanize import romanize
from reckon.names.script import is_script, normalize_script
from reckon.names.series import key_column

__all__ = [
    "coarse_key",
    "coarse_of_key",
    "is_script",
    "joined_skeleton",
    "key_column",
    "latin_key",
    "name_key",
    "name_tokens",
    "normalize_latin",
    "normalize_script",
    "romanize",
    "skeleton",
]
