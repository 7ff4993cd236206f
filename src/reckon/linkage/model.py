"""The Splink model: one comparison per kind of evidence, built from LinkageSettings.

Comparison SQL names the two sides ``column_l`` and ``column_r`` (Splink's convention).
SQL that needs a function whose name differs between DuckDB and Spark is a template
rendered for each (``dialects.py``). Which pairs are compared at all is ``blocking.py``'s job.

Each comparison is a ladder of levels, from "the same" down to "different"; Splink learns
how much each level says about a match (m and u). Comparisons whose columns are empty in
the data are left out, so one model definition serves lists with different fields.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import SettingsCreator

from reckon.linkage.blocking import pairs_within
from reckon.linkage.dialects import Level, jaro_winkler_level
from reckon.linkage.settings import LinkageSettings

ComparisonBuilder = Callable[[LinkageSettings], cl.CustomComparison]


# Given names agree: the same skeleton in any spelling or script, or close spellings.
GIVEN_SIMILAR = (
    "(given_coarse_l = given_coarse_r or {jaro_winkler}(given_key_l, given_key_r) >= 0.88)"
)

# Given names clearly differ: not close in spelling, not an initial or short form of each
# other ("j", "will" / "william"), and not given and family swapped. Two records with one id
# number and such given names are more often relatives sharing (or copying) an id than
# one person.
GIVEN_DIFFERENT = (
    "given_key_l IS NOT NULL AND given_key_r IS NOT NULL"
    " AND {jaro_winkler}(given_key_l, given_key_r) < 0.7"
    " AND given_coarse_l <> family_coarse_r AND family_coarse_l <> given_coarse_r"
    " AND NOT {starts_with}(given_key_l, given_key_r) AND NOT {starts_with}(given_key_r, given_key_l)"
)

# One given name is listed as a short or full form of the other (Bill / William); the
# first element of given_forms is the name's own key (reckon.names.nicknames).
SHORT_FORM = (
    "({list_contains}(given_forms_l, given_forms_r[{first}])"
    " or {list_contains}(given_forms_r, given_forms_l[{first}]))"
)

# One of the two records gives a single name (its given and family keys are that name).
ONE_NAME_ONLY = "(given_key_l = family_key_l or given_key_r = family_key_r)"

# Two records of one family: the family name agrees and the given names are not one name
# (not the same skeleton, not forms of one name; a record giving the family name alone
# could be anyone in the family).
SAME_FAMILY_OTHER_GIVEN = (
    "family_coarse_l = family_coarse_r AND given_coarse_l <> given_coarse_r"
    f" AND NOT coalesce({SHORT_FORM}, false)"
)

NATIVE_NAME_LABEL = "the same name as written in its script (folded)"
HOUSEHOLD_PLACE_LABEL = "same place, family agrees, given differs (relatives share a place)"

# m of each name level (how often one person's two records fall on it): starting values
# for EM, and for "family name agrees, given differs" a fixed value. EM can learn the
# name's m only on blocks that do not hold the name equal, and those (same date of birth,
# same id, same address) are full of relatives, whose family names agree and given names
# do not: EM learned that matches often look like that and joined households
# (pseudopeople). Fixed at 1%, that level counts against a match wherever relatives are
# commoner than that among random pairs. Levels that need close names also need the
# given names to agree (GIVEN_SIMILAR): a shared long family name makes two whole names
# Jaro-Winkler-close.
NAME_M_PROBABILITIES = {
    "exact": 0.55,  # the same key
    "skeleton": 0.25,  # other script or vowel spelling
    "parts": 0.05,  # given and family agree, in another order or with a middle name
    "close": 0.06,  # a typo or two, given names similar
    "family_given_close": 0.03,
    "nickname": 0.03,  # family agrees, given names are forms of one name (Bill / William)
    "one_given_name": 0.03,  # one record gives a single name: the other's given name
    "one_family_name": 0.02,  # one record gives a single name: the other's family name
    "family_short_given": 0.02,  # family agrees, one given name an initial or short form of the other
    "given_only": 0.025,  # a changed family name (marriage), a second family name
    "loose": 0.015,  # further apart, given names still similar
    "family_only": 0.01,  # how relatives look
    "similar": 0.005,  # full names similar, given and family each differ (corrupted records)
    "else": 0.005,
}
FIXED_NAME_LEVELS = {"family_only"}


def _name(settings: LinkageSettings) -> cl.CustomComparison:
    return _name_ladder(settings, native=False)


def _name_native(settings: LinkageSettings) -> cl.CustomComparison:
    return _name_ladder(settings, native=True)


def _name_ladder(settings: LinkageSettings, native: bool) -> cl.CustomComparison:
    """The name ladder. Two records that both give the name in its own (Persian/Arabic)
    script are compared by ``name_native``, whose best level is the two names as written
    (folded: reckon.names.normalize_script, word breaks dropped); every other pair by
    ``name``, whose best level is the same key (a Latin spelling or a romanisation). Only
    one of the two has data for a pair, so the name counts once; each has its own m, as
    names agree far more often when both lists write the script than across scripts."""
    tf = settings.term_frequencies
    m = NAME_M_PROBABILITIES

    def fixed(level, key: str):
        return level.configure(m_probability=m[key], fix_m_probability=key in FIXED_NAME_LEVELS)

    both_native = "(native_key_l IS NOT NULL AND native_key_r IS NOT NULL)"
    if native:
        null = cll.CustomLevel(f"full_key_l IS NULL OR full_key_r IS NULL OR NOT {both_native}")
        exact = cll.ExactMatchLevel("native_key", term_frequency_adjustments=tf).configure(
            label_for_charts=NATIVE_NAME_LABEL)
    else:
        split = "name_native" in settings.comparisons
        null = cll.CustomLevel("full_key_l IS NULL OR full_key_r IS NULL" + (f" OR {both_native}" if split else ""))
        exact = cll.ExactMatchLevel("full_key", term_frequency_adjustments=tf)
    return cl.CustomComparison(
        output_column_name="name_native" if native else "name",
        comparison_levels=[
            null.configure(is_null_level=True),
            fixed(exact, "exact"),
            fixed(cll.CustomLevel(
                "full_skel_l = full_skel_r or full_skel_l = alt_skel_r or alt_skel_l = full_skel_r",
                label_for_charts="same consonants (other script or vowel spelling)",
            ), "skeleton"),
            fixed(cll.CustomLevel(
                "(given_coarse_l = given_coarse_r and family_coarse_l = family_coarse_r)"
                " or (given_coarse_l = family_coarse_r and family_coarse_l = given_coarse_r)",
                label_for_charts="given and family name agree (order or middle names differ)",
            ), "parts"),
            fixed(Level(
                f"{{jaro_winkler}}(full_skel_l, full_skel_r) >= 0.92 and {GIVEN_SIMILAR}",
                "full name close, given names similar",
            ), "close"),
            fixed(Level(
                "family_coarse_l = family_coarse_r and {jaro_winkler}(given_key_l, given_key_r) >= 0.8",
                "family name agrees, given name similar",
            ), "family_given_close"),
            fixed(Level(
                "family_coarse_l = family_coarse_r and " + SHORT_FORM,
                "family name agrees, given names forms of one name (Bill / William)",
            ), "nickname"),
            # A record with one name only ("Suzanne", "Hayden") agrees on what it gives. A
            # lone given name and a lone family name are kept apart: the second also fits
            # everyone in the family.
            fixed(cll.CustomLevel(
                f"{ONE_NAME_ONLY} and (given_coarse_l = given_coarse_r or given_coarse_l = family_coarse_r"
                " or family_coarse_l = given_coarse_r) and not (family_coarse_l = family_coarse_r)",
                label_for_charts="one record gives one name only, the other's given name",
            ), "one_given_name"),
            fixed(cll.CustomLevel(
                f"{ONE_NAME_ONLY} and family_coarse_l = family_coarse_r",
                label_for_charts="one record gives one name only, the other's family name",
            ), "one_family_name"),
            # Kept apart: "same family, other given name" is how siblings look.
            fixed(cll.CustomLevel("given_coarse_l = given_coarse_r", label_for_charts="given name agrees, family differs"),
                  "given_only"),
            fixed(Level(
                f"{{jaro_winkler}}(full_skel_l, full_skel_r) >= 0.8 and {GIVEN_SIMILAR}",
                "full name similar, given names similar",
            ), "loose"),
            fixed(Level(
                "family_coarse_l = family_coarse_r"
                " and ({starts_with}(given_key_l, given_key_r) or {starts_with}(given_key_r, given_key_l))",
                "family name agrees, given name an initial or short form",
            ), "family_short_given"),
            fixed(cll.CustomLevel("family_coarse_l = family_coarse_r", label_for_charts="family name agrees, given differs"),
                  "family_only"),
            fixed(jaro_winkler_level("full_skel", 0.8), "similar"),
            fixed(cll.ElseLevel(), "else"),
        ],
    )


def _string_ladder(column: str, label: str, thresholds: tuple[float, ...], tf: bool) -> cl.CustomComparison:
    levels = [cll.NullLevel(column), cll.ExactMatchLevel(column, term_frequency_adjustments=tf)]
    levels += [jaro_winkler_level(column, t) for t in thresholds]
    return cl.CustomComparison(output_column_name=label, comparison_levels=[*levels, cll.ElseLevel()])


def _father_name(settings: LinkageSettings) -> cl.CustomComparison:
    return _string_ladder("father_key", "father_name", (0.9, 0.75), settings.term_frequencies)


def _place(settings: LinkageSettings) -> cl.CustomComparison:
    # One comparison for place and province: a city fixes its province, so comparing
    # both as independent evidence would count the same agreement twice.
    return cl.CustomComparison(
        output_column_name="place",
        comparison_levels=[
            cll.CustomLevel(
                "(place_key_l IS NULL OR place_key_r IS NULL) AND (province_key_l IS NULL OR province_key_r IS NULL)"
            ).configure(is_null_level=True),
            # Relatives share an address. For two records of one family with other given
            # names, naive Bayes would add a shared place to the shared family name as if
            # the two were independent, and join households. This level's u is therefore
            # not "how often two random records share a place" but "how often two people
            # of one family share one", counted in the lists themselves, and its m is the
            # exact-place m (see household_place_u and link.py).
            Level(f"place_key_l = place_key_r AND {SAME_FAMILY_OTHER_GIVEN}", HOUSEHOLD_PLACE_LABEL).configure(m_probability=0.5, u_probability=0.5, fix_m_probability=True, fix_u_probability=True),
            cll.ExactMatchLevel("place_key", term_frequency_adjustments=settings.term_frequencies
                                and settings.place_term_frequencies),
            jaro_winkler_level("place_key", 0.88),
            cll.CustomLevel("province_key_l = province_key_r", label_for_charts="same province, other or no place"),
            cll.ElseLevel(),
        ],
    )


def _sex(settings: LinkageSettings) -> cl.CustomComparison:
    return _string_ladder("sex", "sex", (), False)


def _age(settings: LinkageSettings) -> cl.CustomComparison:
    # Age and date of birth are one piece of evidence (how old the person was): compared
    # as two, a shared birth date would count twice. Ages are ranges ("16 or 17",
    # "30-35"): two agree within t years when their ranges overlap once widened by t.
    levels = [
        cll.CustomLevel(
            "(birth_year_l IS NULL OR birth_year_r IS NULL) AND (age_low_l IS NULL OR age_low_r IS NULL)"
        ).configure(is_null_level=True),
        cll.ExactMatchLevel("date_of_birth"),
        Level("{damerau_levenshtein}(date_of_birth_l, date_of_birth_r) <= 1", "dates of birth one typo apart"),
        # Dates are ISO text (YYYY-MM-DD): day and month swapped, then year and month.
        cll.CustomLevel(
            "substr(date_of_birth_l, 1, 4) = substr(date_of_birth_r, 1, 4)"
            " and substr(date_of_birth_l, 6, 2) = substr(date_of_birth_r, 9, 2)"
            " and substr(date_of_birth_l, 9, 2) = substr(date_of_birth_r, 6, 2)",
            label_for_charts="day and month of birth swapped",
        ),
        cll.CustomLevel(
            "substr(date_of_birth_l, 1, 7) = substr(date_of_birth_r, 1, 7)",
            label_for_charts="same year and month of birth",
        ),
        cll.CustomLevel("birth_year_l = birth_year_r", label_for_charts="same birth year"),
    ]
    for years in (int(t) for t in settings.age_tolerance_years):
        levels.append(
            cll.CustomLevel(
                f"(age_low_l <= age_high_r + {years} and age_low_r <= age_high_l + {years})"
                f" or abs(birth_year_l - birth_year_r) <= {max(years, 1)}",
                label_for_charts=f"ages within {years} years",
            )
        )
    return cl.CustomComparison(output_column_name="age", comparison_levels=[*levels, cll.ElseLevel()])


def _date_of_death(settings: LinkageSettings) -> cl.CustomComparison:
    # A date of death may be known only as a range (low..high): overlap within t days.
    levels = [cll.NullLevel("death_low")]
    for days in settings.death_tolerance_days:
        levels.append(
            cll.CustomLevel(
                f"death_low_l <= death_high_r + {int(days)} and death_low_r <= death_high_l + {int(days)}",
                label_for_charts=f"dates of death within {days} days",
            )
        )
    return cl.CustomComparison(output_column_name="date_of_death", comparison_levels=[*levels, cll.ElseLevel()])


def _national_id(settings: LinkageSettings) -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="national_id",
        comparison_levels=[
            cll.NullLevel("national_id"),
            # A shared id with clearly different given names: usually a relative's copied id
            # (m learned; it stays low because matches in the EM blocks rarely look like this).
            Level(f"national_id_l = national_id_r AND {GIVEN_DIFFERENT}", "same id, given names clearly differ"),
            cll.ExactMatchLevel("national_id"),
            Level("{damerau_levenshtein}(national_id_l, national_id_r) <= 1", "one typo apart"),
            cll.ElseLevel(),
        ],
    )


COMPARISONS: dict[str, tuple[tuple[str, ...], ComparisonBuilder]] = {
    # comparison name: (columns of which one must hold data for it to be used, builder)
    "name": (("full_key",), _name),
    "name_native": (("native_key",), _name_native),
    "father_name": (("father_key",), _father_name),
    "sex": (("sex",), _sex),
    "age": (("age_low", "birth_year"), _age),
    "date_of_death": (("death_low",), _date_of_death),
    "place": (("place_key", "province_key"), _place),
    "national_id": (("national_id",), _national_id),
}


def _pairs_years_apart(records: pd.DataFrame, keys: list[str], year: str, more_than: int) -> float:
    """Pairs equal on ``keys`` whose ``year`` values differ by more than ``more_than``."""
    counts = records.groupby([*keys, year], observed=True).size().rename("n").reset_index()
    near = float((counts["n"] * (counts["n"] - 1) / 2).sum())
    for gap in range(1, more_than + 1):
        shifted = counts.assign(**{year: counts[year] + gap})
        both = counts.merge(shifted, on=[*keys, year], suffixes=("", "_other"))
        near += float((both["n"] * both["n_other"]).sum())
    return pairs_within(records, keys) - near


def household_place_u(features: pd.DataFrame, min_pairs: int = 100) -> float | None:
    """How often two people of one family (family name agrees, given name differs) share a place.

    Counted exactly from group sizes, over pairs whose birth years (or, failing those,
    ages) are more than two years apart: such pairs are almost never one person, so the
    count is not inflated by one person's records spelled two ways. None when fewer than
    ``min_pairs`` such pairs exist (too few to say).
    """
    for year in ("birth_year", "age_low"):
        usable = features[["family_coarse", "given_coarse", "place_key", year]].dropna()

        def other_given(extra: list[str]) -> float:
            """Pairs years apart with the family (and ``extra``) equal, the given name not."""
            family = ["family_coarse", *extra]
            return _pairs_years_apart(usable, family, year, 2) - _pairs_years_apart(
                usable, [*family, "given_coarse"], year, 2
            )

        relatives = other_given([])
        if relatives >= min_pairs:
            return max(other_given(["place_key"]) / relatives, 1e-6)
    return None


def build_settings(settings: LinkageSettings, filled: set[str], blocking_rules: list[str]) -> SettingsCreator:
    """Splink's settings for a dedupe over all records of all lists (within-list duplicates too)."""
    comparisons = [
        COMPARISONS[name][1](settings)
        for name in settings.comparisons
        if set(COMPARISONS[name][0]) & filled
    ]
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="record_id",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=blocking_rules,
        additional_columns_to_retain=["list_name"],
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
        em_convergence=0.001,  # m and u change by less than 0.1 percentage points: stop
        max_iterations=20,
    )
