"""Properties that hold for any text, not only for names (seeded, bounded examples)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.names import latin_key, match_key, name_similarity, normalize_latin, normalize_script, romanize

ANY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "M", "N", "P", "Z")), max_size=30
)
PERSIAN = st.text(alphabet="ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةأإآؤئءًٌٍَُِّْ\u200c ", max_size=20)
LATIN = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-' ", max_size=20)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(ANY_TEXT, ANY_TEXT)
def test_similarity_bounded_and_symmetric(a: str, b: str) -> None:
    s = name_similarity(a, b)
    assert 0.0 <= s <= 1.0
    assert abs(s - name_similarity(b, a)) < 1e-9


@settings(max_examples=60, derandomize=True, deadline=None)
@given(PERSIAN)
def test_script_folding_is_idempotent(text: str) -> None:
    once = normalize_script(text)
    assert normalize_script(once) == once
    assert romanize(once) == romanize(text)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(LATIN)
def test_latin_keys_are_plain_lower_case(text: str) -> None:
    key = latin_key(text)
    assert key == key.lower() and set(key) <= set("abcdefghijklmnopqrstuvwxyz ")
    assert normalize_latin(normalize_latin(text)) == normalize_latin(text)
    assert match_key(text) == match_key(text.upper())
