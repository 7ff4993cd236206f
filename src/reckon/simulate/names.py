"""Name pools and spelling habits for synthetic victims.

Every person is synthetic: a common Persian given name and a common surname drawn at
random. A name is stored once as Persian script plus one base romanisation; a *style*
turns that pair into the spelling a particular list would use (Mohammad/Muhammad/
Mohammed, Gh/Q, ou/u/oo, -i/-y/-ee, Abdol/Abdul, Seyed/Sayyid, compounds joined by a
space, a hyphen, nothing or a zero-width non-joiner). Styles are applied per *unique*
name, never per record, so a million victims cost no more than a few thousand renderings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ZWNJ = "\u200c"

# (Persian script, base romanisation). Compound given names are written with a "+" where
# the parts meet, so each style can choose how to join them.
MALE_GIVEN: tuple[tuple[str, str], ...] = (
    ("محمد", "Mohammad"), ("علی", "Ali"), ("حسین", "Hossein"), ("رضا", "Reza"),
    ("مهدی", "Mehdi"), ("امیر", "Amir"), ("حسن", "Hassan"), ("مصطفی", "Mostafa"),
    ("سعید", "Saeed"), ("جواد", "Javad"), ("مجید", "Majid"), ("حمید", "Hamid"),
    ("محسن", "Mohsen"), ("ابوالفضل", "Abolfazl"), ("عباس", "Abbas"), ("امید", "Omid"),
    ("میلاد", "Milad"), ("سجاد", "Sajjad"), ("پویا", "Pouya"), ("آرش", "Arash"),
    ("بهروز", "Behrouz"), ("فرهاد", "Farhad"), ("کاوه", "Kaveh"), ("پژمان", "Pezhman"),
    ("یوسف", "Yousef"), ("قاسم", "Ghasem"), ("غلامرضا", "Gholamreza"), ("عبدالله", "Abdollah"),
    ("عبدالرضا", "Abdolreza"), ("نوید", "Navid"), ("پدرام", "Pedram"), ("رسول", "Rasoul"),
    ("کوروش", "Kourosh"), ("داوود", "Davoud"), ("منصور", "Mansour"), ("مسعود", "Masoud"),
    ("اکبر", "Akbar"), ("اصغر", "Asghar"), ("ابراهیم", "Ebrahim"), ("اسماعیل", "Esmaeil"),
    ("صادق", "Sadegh"), ("هادی", "Hadi"), ("وحید", "Vahid"), ("بهنام", "Behnam"),
    ("مرتضی", "Morteza"), ("ایمان", "Iman"), ("سینا", "Sina"), ("یاسین", "Yasin"),
    ("علیرضا", "Alireza"), ("محمد+رضا", "Mohammad+Reza"), ("محمد+علی", "Mohammad+Ali"),
    ("محمد+حسین", "Mohammad+Hossein"), ("امیر+حسین", "Amir+Hossein"),
    ("محمد+مهدی", "Mohammad+Mehdi"), ("امیر+علی", "Amir+Ali"), ("روح+الله", "Rouh+ollah"),
)

FEMALE_GIVEN: tuple[tuple[str, str], ...] = (
    ("فاطمه", "Fatemeh"), ("زهرا", "Zahra"), ("مریم", "Maryam"), ("نرگس", "Narges"),
    ("سارا", "Sara"), ("نگین", "Negin"), ("مهسا", "Mahsa"), ("نیلوفر", "Niloufar"),
    ("ستاره", "Setareh"), ("الهام", "Elham"), ("معصومه", "Masoumeh"), ("زینب", "Zeynab"),
    ("شیرین", "Shirin"), ("پریسا", "Parisa"), ("مینا", "Mina"), ("فرشته", "Fereshteh"),
    ("سمیه", "Somayeh"), ("لیلا", "Leila"), ("آزاده", "Azadeh"), ("رویا", "Roya"),
    ("نازنین", "Nazanin"), ("هانیه", "Hanieh"), ("غزاله", "Ghazaleh"), ("کوثر", "Kowsar"),
    ("طاهره", "Tahereh"), ("فاطمه+زهرا", "Fatemeh+Zahra"),
)

SURNAMES: tuple[tuple[str, str], ...] = (
    ("حسینی", "Hosseini"), ("محمدی", "Mohammadi"), ("رضایی", "Rezaei"), ("احمدی", "Ahmadi"),
    ("موسوی", "Mousavi"), ("کریمی", "Karimi"), ("جعفری", "Jafari"), ("رحیمی", "Rahimi"),
    ("قاسمی", "Ghasemi"), ("صادقی", "Sadeghi"), ("کاظمی", "Kazemi"), ("هاشمی", "Hashemi"),
    ("رستمی", "Rostami"), ("حیدری", "Heydari"), ("نوری", "Nouri"), ("عباسی", "Abbasi"),
    ("ابراهیمی", "Ebrahimi"), ("قربانی", "Ghorbani"), ("سلیمانی", "Soleimani"), ("اکبری", "Akbari"),
    ("نجفی", "Najafi"), ("یوسفی", "Yousefi"), ("عزیزی", "Azizi"), ("باقری", "Bagheri"),
    ("طاهری", "Taheri"), ("امیری", "Amiri"), ("زارعی", "Zarei"), ("مرادی", "Moradi"),
    ("شیرازی", "Shirazi"), ("تهرانی", "Tehrani"), ("انصاری", "Ansari"), ("محمودی", "Mahmoudi"),
    ("بهرامی", "Bahrami"), ("علوی", "Alavi"), ("رحمانی", "Rahmani"), ("صفری", "Safari"),
    ("سلطانی", "Soltani"), ("خدادادی", "Khodadadi"), ("غفاری", "Ghaffari"), ("فراهانی", "Farahani"),
    ("نادری", "Naderi"), ("زمانی", "Zamani"), ("کمالی", "Kamali"), ("رشیدی", "Rashidi"),
    ("شریفی", "Sharifi"), ("دانشور", "Daneshvar"), ("توکلی", "Tavakoli"), ("میرزایی", "Mirzaei"),
    ("اسدی", "Asadi"), ("جلالی", "Jalali"), ("امینی", "Amini"), ("قادری", "Ghaderi"),
    ("کرمانی", "Kermani"), ("یزدانی", "Yazdani"), ("منصوری", "Mansouri"), ("شجاعی", "Shojaei"),
    ("عبدالهی", "Abdollahi"), ("نصیری", "Nasiri"), ("افشار", "Afshar"), ("ریگی", "Rigi"),
)

# Surnames that take a suffix to form a compound ("Hosseini Nejad", "Hosseinzadeh").
COMPOUND_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("نژاد", "Nejad"), ("زاده", "Zadeh"), ("پور", "Pour"), ("فر", "Far"), ("راد", "Rad"),
)

SEYED_FA = ("سید", "سیده")  # male, female


@dataclass(frozen=True)
class LatinStyle:
    """How one list romanises names; each field picks one habit."""

    mohammad: str = "Mohammad"  # or Muhammad, Mohammed, Mohamad
    gh_as_q: bool = False  # Ghasemi -> Qasemi
    ou: str = "ou"  # or "u", "oo": Mousavi, Musavi, Moosavi
    final_i: str = "i"  # surnames: Hosseini, Hosseiny, Hosseinee
    ei_as_ey: bool = False  # Hosseini -> Hosseyni, Rezaei -> Rezaey
    abdol: str = "Abdol"  # or "Abdul" (which also turns Abol- into Abul-)
    seyed: str = "Seyed"  # or Sayyid, Seyyed, Sayed (female: +eh/+a)
    join: str = " "  # compound parts: " ", "", "-"
    nejad: str = "Nejad"  # or Nezhad
    hossein: str = "Hossein"  # or Hosein, Hussein, Husayn


@dataclass(frozen=True)
class ScriptStyle:
    """How one list writes Persian script."""

    join: str = ZWNJ  # compound parts: ZWNJ, " " or ""
    arabic_letters: bool = False  # ي/ك instead of Persian ی/ک (keyboard habit)


LATIN_STYLES: dict[str, LatinStyle] = {
    "passport": LatinStyle(),
    "arabic": LatinStyle(
        mohammad="Muhammad", gh_as_q=True, ou="u", abdol="Abdul", seyed="Sayyid",
        join="-", hossein="Husayn",
    ),
    "press": LatinStyle(
        mohammad="Mohammed", ou="oo", final_i="y", ei_as_ey=True, abdol="Abdul",
        seyed="Seyyed", join="",
    ),
    "phonetic": LatinStyle(
        mohammad="Mohamad", ou="u", final_i="ee", seyed="Sayed", nejad="Nezhad", hossein="Hosein",
    ),
}

SCRIPT_STYLES: dict[str, ScriptStyle] = {
    "zwnj": ScriptStyle(),
    "space": ScriptStyle(join=" "),
    "joined": ScriptStyle(join=""),
    "arabic_keyboard": ScriptStyle(join=" ", arabic_letters=True),
}


def romanise(base: str, style: LatinStyle, *, surname: bool = False) -> str:
    """Spell a base romanisation ("Mohammad+Reza", "Hosseini+Nejad") in one style."""
    text = base.replace("Mohammad", style.mohammad)
    text = text.replace("Hossein", style.hossein).replace("Nejad", style.nejad)
    if style.abdol == "Abdul":
        text = text.replace("Abdol", "Abdul").replace("Abol", "Abul")
    if style.gh_as_q:
        text = text.replace("Gh", "Q").replace("gh", "q")
    if style.ou != "ou":
        text = text.replace("ou", style.ou)
    if style.ei_as_ey:
        text = text.replace("ei", "ey")
    if surname and style.final_i != "i":
        # Only the final -i of a surname part ("Hosseini", not "Ali").
        text = re.sub(r"i(?=\+|$)", style.final_i, text)
    parts = text.split("+")
    if style.join == "":
        return parts[0] + "".join(p.lower() for p in parts[1:])
    return style.join.join(parts)


def seyed_latin(style: LatinStyle, female: bool) -> str:
    """The honorific prefix (descendant of the Prophet) in this style."""
    if not female:
        return style.seyed
    return style.seyed + ("a" if style.seyed == "Sayyid" else "eh")


def write_script(base: str, style: ScriptStyle) -> str:
    """Persian script for a name written with "+" at compound joints."""
    text = base.replace("+", style.join)
    if style.arabic_letters:
        text = text.replace("ی", "ي").replace("ک", "ك")
    return text


@dataclass(frozen=True)
class NamePool:
    """All names a population draws from, as parallel tuples (index = name code)."""

    male: tuple[tuple[str, str], ...] = MALE_GIVEN
    female: tuple[tuple[str, str], ...] = FEMALE_GIVEN
    surnames: tuple[tuple[str, str], ...] = field(default_factory=lambda: build_surnames())


def build_surnames() -> tuple[tuple[str, str], ...]:
    """Simple surnames plus compounds of the first twenty with each suffix."""
    compounds = [
        (fa + "+" + sfa, la + "+" + sla)
        for fa, la in SURNAMES[:20]
        for sfa, sla in COMPOUND_SUFFIXES
    ]
    return SURNAMES + tuple(compounds)
