"""normalize_script: each folding rule on common given names and surnames."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reckon.names import is_script, normalize_script


@pytest.mark.parametrize(
    "variant, folded",
    [
        ("علي", "علی"),  # Arabic yeh
        ("مصطفى", "مصطفی"),  # alef maksura
        ("كريم", "کریم"),  # Arabic kaf
        ("فاطمة", "فاطمه"),  # teh marbuta
        ("أحمد", "احمد"),  # hamza on alef
        ("إبراهيم", "ابراهیم"),  # hamza under alef
        ("آرش", "ارش"),  # madda
        ("ٱحمد", "احمد"),  # alef wasla
        ("مؤمن", "مومن"),  # waw with hamza
        ("رئیسی", "رییسی"),  # yeh with hamza
        ("شیماء", "شیما"),  # lone hamza
        ("مُحَمَّد", "محمد"),  # harakat and shadda
        ("كتابٌ", "کتاب"),  # tanwin
        ("رحمٰن", "رحمن"),  # superscript alef
        ("محـــمد", "محمد"),  # tatweel
        ("  حسن ،  رضایی ", "حسن رضایی"),  # punctuation and spaces
        ("۱۳۹۸", "1398"),  # Persian digits
        ("١٢", "12"),  # Arabic-Indic digits
    ],
)
def test_letter_folds(variant: str, folded: str) -> None:
    assert normalize_script(variant) == folded


@pytest.mark.parametrize(
    "spellings",
    [
        ["عبدالله", "عبد الله", "عبد\u200cالله", "عبدالله"],
        ["عبدالرضا", "عبد الرضا", "عبد\u200cالرضا"],
        ["حسن زاده", "حسن\u200cزاده", "حسنزاده"],
        ["رحیم پور", "رحیم\u200cپور", "رحیمپور"],
        ["ابو الفضل", "ابوالفضل"],
        ["بن علی", "بنعلی"],
        ["شمس الدین", "شمس\u200cالدین", "شمسالدین"],
    ],
)
def test_compounds_fold_alike(spellings: list[str]) -> None:
    assert len({normalize_script(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    "titled, bare",
    [
        ("سید محمد", "محمد"),
        ("سيد محمد", "محمد"),
        ("سیده زهرا", "زهرا"),
        ("حاج حسین", "حسین"),
        ("حاجی علی", "علی"),
        ("شهید مهدی کریمی", "مهدی کریمی"),
        ("شهید سید رضا", "رضا"),
    ],
)
def test_leading_titles_removed(titled: str, bare: str) -> None:
    assert normalize_script(titled) == bare


def test_title_alone_is_kept_as_a_name() -> None:
    assert normalize_script("سید") == "سید"


def test_title_inside_name_is_kept() -> None:
    # "Mir" is part of names such as Mirhossein, so it is never stripped.
    assert normalize_script("میر حسین") == "میر حسین"
    assert normalize_script("علی حاجی") == "علی حاجی"


def test_is_script() -> None:
    assert is_script("علی")
    assert is_script("Ali علی")
    assert not is_script("Ali Rezaei")


PERSIAN = st.text(alphabet="ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكةأإآؤئءًٌٍَُِّْ\u200c ", max_size=20)


@settings(max_examples=60, derandomize=True, deadline=None)
@given(PERSIAN)
def test_script_folding_is_idempotent(text: str) -> None:
    once = normalize_script(text)
    assert normalize_script(once) == once
