"""Common Persian given names and surnames against their usual Latin spellings."""

import pytest

from reckon.names import is_same_name, match_key, name_similarity

COMMON = [
    ("امیر", "Amir"), ("رضا", "Reza"), ("مهدی", "Mehdi"), ("مهدی", "Mahdi"), ("حسین", "Hossein"),
    ("حسین", "Hussein"), ("حسن", "Hassan"), ("علی", "Ali"), ("محمد", "Mohammad"), ("محمود", "Mahmoud"),
    ("جواد", "Javad"), ("سجاد", "Sajjad"), ("میلاد", "Milad"), ("پویا", "Pouya"), ("نوید", "Navid"),
    ("امید", "Omid"), ("ابراهیم", "Ebrahim"), ("اسماعیل", "Esmaeil"), ("اسماعیل", "Ismail"),
    ("یعقوب", "Yaghoub"), ("یعقوب", "Yaqub"), ("مصطفی", "Mostafa"), ("مرتضی", "Morteza"),
    ("مجتبی", "Mojtaba"), ("عباس", "Abbas"), ("صادق", "Sadegh"), ("کاظم", "Kazem"), ("کاظم", "Kazim"),
    ("جعفر", "Jafar"), ("فرزاد", "Farzad"), ("بهنام", "Behnam"), ("نیما", "Nima"), ("آرش", "Arash"),
    ("سیاوش", "Siavash"), ("کیانوش", "Kianoush"), ("پژمان", "Pejman"), ("ژیلا", "Zhila"),
    ("نسرین", "Nasrin"), ("مریم", "Maryam"), ("زهرا", "Zahra"), ("فاطمه", "Fatemeh"), ("فاطمه", "Fatima"),
    ("معصومه", "Masoumeh"), ("سمیه", "Somayeh"), ("نرگس", "Narges"), ("پریسا", "Parisa"),
    ("شیرین", "Shirin"), ("لیلا", "Leila"), ("نگار", "Negar"), ("رحمانی", "Rahmani"), ("احمدی", "Ahmadi"),
    ("رضایی", "Rezaei"), ("رضایی", "Rezaee"), ("موسوی", "Mousavi"), ("موسوی", "Musavi"),
    ("حسینی", "Hosseini"), ("کریمی", "Karimi"), ("قربانی", "Ghorbani"), ("جعفری", "Jafari"),
    ("صادقی", "Sadeghi"), ("رحیمی", "Rahimi"), ("نوری", "Nouri"), ("طاهری", "Taheri"), ("عزیزی", "Azizi"),
    ("ابراهیمی", "Ebrahimi"), ("یوسفی", "Yousefi"), ("خسروی", "Khosravi"), ("شریفی", "Sharifi"),
    ("کاظمی", "Kazemi"), ("نجفی", "Najafi"), ("بهرامی", "Bahrami"), ("اکبری", "Akbari"),
    ("سلیمانی", "Soleimani"), ("عسگری", "Asgari"), ("فرهادی", "Farhadi"), ("حیدری", "Heydari"),
    ("حیدری", "Haidari"), ("امیری", "Amiri"), ("قاسمی", "Ghasemi"), ("یزدانی", "Yazdani"),
    ("شجاعی", "Shojaei"), ("رئیسی", "Raisi"), ("رئیسی", "Raeisi"), ("مؤمنی", "Momeni"),
    ("عبدالهی", "Abdollahi"), ("نعمتی", "Nemati"), ("غلامی", "Gholami"), ("داوودی", "Davoudi"),
    ("عثمانی", "Osmani"), ("ذوالفقاری", "Zolfaghari"), ("اصفهانی", "Esfahani"), ("ملکی", "Maleki"),
    ("طالبی", "Talebi"), ("علیزاده", "Alizadeh"), ("حسن‌زاده", "Hassanzadeh"), ("رحیم‌پور", "Rahimpour"),
]


@pytest.mark.parametrize("script, latin", COMMON)
def test_common_name_matches_its_latin_spelling(script: str, latin: str) -> None:
    assert is_same_name(script, latin), name_similarity(script, latin)


@pytest.mark.parametrize(
    "a, b",
    [("کریمی", "Rahimi"), ("احمدی", "Mahmoudi"), ("نوری", "Nasrollahi"), ("رضایی", "Rahmani"),
     ("زهرا", "Zeinab"), ("امیر", "Amiri"), ("حسینی", "Hashemi"), ("یوسفی", "Yazdani")],
)
def test_different_common_names_do_not_match(a: str, b: str) -> None:
    assert not is_same_name(a, b), name_similarity(a, b)


def test_match_keys_agree_for_full_names() -> None:
    for given, family in [(0, 60), (4, 55), (40, 70), (39, 63)]:
        (g_script, g_latin), (f_script, f_latin) = COMMON[given], COMMON[family]
        assert match_key(f"{g_script} {f_script}") == match_key(f"{f_latin}, {g_latin}")
