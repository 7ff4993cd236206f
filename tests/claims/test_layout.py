"""Label lines and table rows: figures laid out rather than written in sentences (our own lines)."""

from __future__ import annotations

from reckon.claims.layout import label_line, table_rows


def readings(claims):
    return [(c.figure_low, c.figure_high, c.category, c.subgroup, c.place, c.claimant_key, c.quote) for c in claims]


def test_label_lines_count_what_their_label_names(claims_in):
    found = claims_in(
        "KEY FIGURES (as of 4 May)\n\n"
        "Civilians killed in Arvo since 1 March: 450+\n"
        "Children injured: 77\n"
        "People displaced from Arvo: 38,000\n"
        "Number of people released after detention: More than 1,700\n"
    )
    assert readings(found) == [
        (450, None, "killed", None, "Arvo", "author", "Civilians killed in Arvo since 1 March: 450+"),
        (77, 77, "injured", "children", "Arvo", "author", "Children injured: 77"),  # the document's place
    ]


def test_a_pdf_cell_run_into_its_label_and_a_label_broken_inside_brackets(claims_in):
    found = claims_in("KEY FIGURES\nHealth workers killed 214\nDeaths reported by the Tarsa Ministry of Health (as of 23\nNovember) 9,846\n")
    assert [(c.figure_low, c.category, c.claimant_key) for c in found] == [
        (214, "killed", "author"), (9846, "killed", "Tarsa Ministry of Health"),
    ]


def test_table_rows_give_one_figure_per_casualty_column_with_the_row_as_place(claims_in):
    found = claims_in(
        "Casualties reported by the Arvo State Ministry of Health, 2 - 4 May:\n\n"
        "Locality           Killed   Injured\n"
        "Arvo (market)        35       104\n"
        "Total                44       127\n\n"
        "Partners caution that these figures are incomplete."
    )
    assert [(c.figure_low, c.category, c.place, c.claimant_key) for c in found] == [
        (35, "killed", "Arvo (market)", "Arvo State Ministry of Health"),
        (104, "injured", "Arvo (market)", "Arvo State Ministry of Health"),
        (44, "killed", None, "Arvo State Ministry of Health"),
        (127, "injured", None, "Arvo State Ministry of Health"),
    ]


def test_what_is_not_a_casualty_label_or_table():
    assert label_line("Hospitals partially functioning: 9 of 35") is None
    assert label_line("Number of people sentenced: 212") is None
    assert label_line("(Corrects number of injured in paragraph 2 to 27 from 72)") is None
    assert label_line("The ministry said the toll was 80") is None
    assert table_rows("Item        Price   Stock\nFlour        12      40\n") == {}
