"""The vowel-aware edit distance behind name_similarity."""

import pytest

from reckon.names.align import as_written, key_similarity


def test_short_vowels_are_free_against_script() -> None:
    # script "hsin" (حسین) vs Latin "husIn" (Hossein): the o is a short vowel, unwritten
    assert key_similarity("hsin", "husIn", True, False) == 1.0
    # ... but not between two Latin spellings, where both would write it
    assert key_similarity("hsin", "husIn", False, False) < 1.0


def test_a_written_long_vowel_must_match() -> None:
    # Mahmoud's "ou" has no و in محمد
    assert key_similarity("mhmd", "mahmUd", True, False) < key_similarity("mhmd", "muhamad", True, False)


def test_close_consonants_cost_less_than_distant_ones() -> None:
    assert key_similarity("kasam", "qasam", False, False) > key_similarity("basam", "qasam", False, False)


def test_similarity_is_symmetric_and_bounded() -> None:
    for a, b in [("mhmd", "mahmUd"), ("xalid", "kalid"), ("a", "zzzzzz")]:
        forward = key_similarity(a, b, True, False)
        assert forward == pytest.approx(key_similarity(b, a, False, True))
        assert 0.0 <= forward <= 1.0
    assert key_similarity("", "ali", False, False) == 0.0


def test_as_written_marks_script_vowels_long() -> None:
    assert as_written("hsin") == "hsIn"
    assert as_written("mstfi") == "mstfE"  # final ی may be read -i or -a (Mostafa)
    assert as_written("ali") == "OlE"  # an initial alef is any vowel in Latin (Ali, Ebrahim, Omid)


def test_final_yeh_reads_as_a_or_i() -> None:
    assert key_similarity("mstfi", "mustafa", True, False) == 1.0
    assert key_similarity("krimi", "karimI", True, False) == 1.0
