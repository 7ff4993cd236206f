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


# -- repair_text: what is stored before anything compares it (issue 11) ---------------------


def test_repair_composes_what_nfc_composes_and_the_persian_pairs_it_does_not() -> None:
    from reckon.names.script import repair_text

    assert repair_text("\u0627\u0653بادان") == "آبادان"  # alef + combining madda: NFC
    assert repair_text("رضای\u0654ی") == "رضائی"  # Persian yeh + hamza above: no normal form
    assert repair_text("خانه\u0654") == "خانۀ"  # heh + hamza above
    assert repair_text("ﻻله") == "لاله"  # a presentation-form ligature (NFKC)
    assert repair_text("ﻻله", compatibility=False) == "ﻻله"


def test_repair_removes_placeholders_and_invisible_marks_but_keeps_zwnj() -> None:
    from reckon.names.script import repair_text

    assert repair_text("\ufffcعلی") == "علی"
    assert repair_text("علی\ufffd") == "علی"
    assert repair_text("A\u200eli\u200b") == "Ali"  # a direction mark, a zero-width space
    assert repair_text("\u202bحسین\u202c") == "حسین"  # an embedding
    assert repair_text("حسینی\u200cراد") == "حسینی\u200cراد"  # ZWNJ inside a word is spelling
    assert repair_text("\u200cعلی\u200c\u200cرضا\u200c") == "علی\u200cرضا"  # at the ends or doubled it is not
    assert repair_text("علی\u200c \u200cرضا") == "علی رضا"


def test_comparisons_fold_what_repair_keeps() -> None:
    from reckon.names.script import normalize_script, repair_text

    assert normalize_script(repair_text("حسینی\u200cراد")) == normalize_script("حسینی راد")
    assert normalize_script(repair_text("رضای\u0654ی")) == normalize_script("رضایی")
    assert normalize_script("كريمي") == normalize_script("کریمی")
