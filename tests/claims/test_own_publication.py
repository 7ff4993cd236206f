"""A body's own publication speaks as that body; a news outlet's own voice stays the author's.
Our own synthetic documents (Veloria is a fictional country)."""

from __future__ import annotations

import hashlib

from reckon.articles.document import Document
from reckon.claims import extract_claims
from reckon.claims.ligatures import spelled_out
from reckon.claims.outlet import own_body

from .conftest import document


def html(text: str, publisher: str | None) -> Document:
    return Document("p.html", hashlib.sha256(text.encode()).hexdigest(), text, "html", "2024-03-20", publisher)


def keys(claims):
    return [(c.figure_low, c.claimant_key, c.claim_date) for c in claims]


def test_a_header_line_naming_a_body_makes_the_document_its_own():
    doc = document(
        "Monthly Situation Report - March 2024\n\nCastrel Detainees Support Network (CDSN)\n"
        "Report No. 4 | Reporting period: 1 - 31 March 2024\n\n"
        "In March, CDSN verified the killing of 41 civilians by the security forces. "
        "At least 212 people were arrested during the month.\n\nCivilians killed since January: 96\n"
    )
    assert own_body(doc) == "Castrel Detainees Support Network"
    found = keys(extract_claims(doc))
    assert found == [(41, "Castrel Detainees Support Network", None), (212, "Castrel Detainees Support Network", None),
                     (96, "Castrel Detainees Support Network", None)]


def test_a_news_outlet_keeps_its_own_voice_as_author():
    doc = document(
        "Shelling kills 12 in Castrel\n\nThe Castrel Courier\n\n"
        "Shelling killed 12 people in the old town on Monday, the Veloria Rights Monitor said. "
        "Our reporter counted 30 wounded at the hospital.\n"
    )
    assert own_body(doc) is None
    assert [c.claimant_key for c in extract_claims(doc)] == ["Veloria Rights Monitor", "author"]


def test_a_body_named_in_the_page_metadata_or_a_spokesperson_line():
    page = html("Veloria: police killed 23 protesters\nPolice killed at least 23 protesters in Pellin, we found.\n", "Veloria Rights Monitor")
    assert [c.claimant_key for c in extract_claims(page)] == ["Veloria Rights Monitor"]
    briefing = document(
        "Press briefing notes on Veloria\n\nSpokesperson for the UN High Commissioner for Human Rights: Ana Lind\n\n"
        "Since 8 March, at least 45 people have been killed, according to information verified by our Office.\n"
    )
    assert own_body(briefing) == "UN High Commissioner for Human Rights"
    assert [c.claimant_key for c in extract_claims(briefing)] == ["UN OHCHR"]


def test_an_armed_groups_media_office_speaks_for_the_group():
    doc = document(
        "Heroes repel attack\n\nRED DAWN - Media Office of the Veloria Liberation Army\n\n"
        "Our forces killed more than 40 of the attackers at dawn on Friday.\n"
    )
    assert own_body(doc) == "Veloria Liberation Army"
    assert [c.claimant_key for c in extract_claims(doc)] == ["Veloria Liberation Army"]


def test_the_body_named_in_its_own_publication_is_dated_by_the_document():
    doc = document(
        "Update on the protests\n\nCastrel Detainees Support Network (CDSN)\n\n"
        "On 12 March, CDSN documented 17 deaths in custody. The Interior Ministry said on Monday that 9 people had died.\n",
        published="2024-03-20",
    )
    found = keys(extract_claims(doc))
    assert found == [(17, "Castrel Detainees Support Network", None), (9, "Interior Ministry", "2024-03-18")]


def test_ligatures_are_read_as_letters_and_quotes_stay_the_documents_text():
    body = "WHO veriﬁed 162 attacks on health care, which killed 214 health workers.\n"
    doc = document(body)
    assert spelled_out(doc.text).text.count("verified") == 1
    [claim] = extract_claims(doc)
    assert claim.claimant_key == "WHO"
    assert doc.text[claim.start : claim.end] == claim.quote


def test_children_under_an_age_are_not_a_figure(claims_in):
    found = claims_in("Partners reported that 26 children under five died of malnutrition in the camp.")
    assert [c.figure_low for c in found] == [26]
