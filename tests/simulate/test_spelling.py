"""Persian script, several romanisations, Persian digits and Solar Hijri dates."""

from __future__ import annotations

import datetime as dt
import re

import jdatetime
import pandas as pd

from reckon.simulate.names import LATIN_STYLES, SCRIPT_STYLES, ZWNJ, romanise, write_script

PERSIAN_LETTERS = re.compile(r"^[\u0600-\u06FF\u200c ]+$")


def read(out, name: str) -> pd.DataFrame:
    return pd.read_csv(out / "lists" / f"{name}.csv", dtype=str, keep_default_na=False)


def latin_text(out) -> str:
    return "\n".join(
        " ".join(read(out, n)[col]) for n, col in
        (("rights_group", "name"), ("media_monitor", "name"), ("families_committee", "full_name"))
    )


def test_romanise_covers_the_common_habits():
    spell = {name: romanise("Mohammad+Reza", style) for name, style in LATIN_STYLES.items()}
    assert spell == {"passport": "Mohammad Reza", "arabic": "Muhammad-Reza", "press": "Mohammedreza",
                     "phonetic": "Mohamad Reza"}
    assert romanise("Hosseini", LATIN_STYLES["press"], surname=True) == "Hosseyny"
    assert romanise("Ghasemi", LATIN_STYLES["arabic"], surname=True) == "Qasemi"
    assert [romanise("Mousavi", LATIN_STYLES[s], surname=True) for s in ("passport", "arabic", "press")] == [
        "Mousavi", "Musavi", "Moosavy"]
    assert romanise("Abdolreza", LATIN_STYLES["arabic"]) == "Abdulreza"
    assert romanise("Hosseini", LATIN_STYLES["phonetic"], surname=True) == "Hoseinee"
    assert write_script("حسینی+نژاد", SCRIPT_STYLES["zwnj"]) == "حسینی" + ZWNJ + "نژاد"
    assert write_script("حسینی+نژاد", SCRIPT_STYLES["space"]) == "حسینی نژاد"
    assert write_script("حسینی+نژاد", SCRIPT_STYLES["joined"]) == "حسینینژاد"
    assert write_script("علی", SCRIPT_STYLES["arabic_keyboard"]) == "علي"


def test_lists_carry_several_romanisations(event):
    out, _ = event
    text = latin_text(out)
    for variants in (("Mohammad", "Muhammad", "Mohammed", "Mohamad"), ("Hosseini", "Hosseyny", "Hoseinee"),
                     ("Ghasemi", "Qasemi"), ("Mousavi", "Musavi", "Moosav"), ("Abdol", "Abdul"),
                     ("Seyed ", "Sayyid ", "Seyyed ", "Sayed ")):
        found = [v for v in variants if v in text]
        assert len(found) >= 2, (variants, found)
    assert re.search(r"\b\w+ Nejad\b", text) and re.search(r"\b\w+-Zadeh\b", text)  # compound surnames


def test_persian_list_is_script_only_with_zwnj_space_and_arabic_letters(event):
    out, _ = event
    rows = read(out, "hospital_records")
    names = rows["نام"] + " " + rows["نام خانوادگی"]
    assert names.map(lambda s: bool(PERSIAN_LETTERS.match(s))).all()
    surnames = "\n".join(rows["نام خانوادگی"])
    assert ZWNJ in surnames and "ي" in surnames and "سید " in "\n".join(rows["نام"])
    both = read(out, "families_committee")
    assert both["name_fa"].str.contains(" ").all() or both["name_fa"].eq("").any()
    assert both["name_fa"].str.contains(ZWNJ).any() and both["full_name"].str.match(r"^[A-Za-z]").any()


def test_format_b_has_persian_digits_and_solar_hijri_dates_within_the_noise(event):
    out, _ = event
    rows = read(out, "hospital_records")
    assert list(rows.columns) == ["شناسه", "نام", "نام خانوادگی", "نام پدر", "جنسیت", "سن", "تاریخ فوت", "محل فوت", "استان"]
    assert rows["شناسه"].str.fullmatch(r"[۰-۹]+").all()
    ages = rows["سن"][rows["سن"] != ""]
    assert ages.str.fullmatch(r"[۰-۹]{1,2}").all()
    mapping = pd.read_csv(out / "truth.csv", dtype={"source_record_id": str})
    mine = mapping[mapping["list_name"] == "hospital_records"].reset_index(drop=True)
    people = pd.read_csv(out / "population.csv").set_index("person_id")
    digits = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
    gaps, age_gaps = [], []
    for i, row in rows.iterrows():
        person = people.loc[mine.at[i, "person_id"]]
        if row["تاریخ فوت"]:
            assert re.fullmatch(r"[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2}", row["تاریخ فوت"])
            y, m, d = (int(x) for x in row["تاریخ فوت"].translate(digits).split("/"))
            died = jdatetime.date(y, m, d).togregorian()
            gaps.append(abs((died - dt.date.fromisoformat(person["date_of_death"])).days))
        if row["سن"]:
            age_gaps.append(abs(int(row["سن"].translate(digits)) - person["age"]))
    gaps_s, age_s = pd.Series(gaps), pd.Series(age_gaps)
    assert gaps_s.max() <= 2 and 0 < (gaps_s > 0).mean() < 0.1
    assert age_s.max() <= 3 and 0 < (age_s > 0).mean() < 0.1
    assert {"۱۴۰۳/۱۱/۲۸", "۱۴۰۳/۱۲/۰۱"} <= set(rows["تاریخ فوت"])  # the window crosses Bahman/Esfand


def test_fields_go_missing_sometimes(event):
    out, _ = event
    rows = read(out, "families_committee")
    blank = (rows == "").mean()
    assert 0.1 < blank["father"] < 0.3 and 0 < blank["age"] < 0.2 and 0 < blank["died"] < 0.2
    assert blank["record_no"] == 0
