"""The headline compares like with like: whole-event tolls in its range; one place, a subgroup
or part of the period listed apart. Pure rules first, then the Pelmark case (real extraction)."""

from __future__ import annotations

import re

from reckon.articles.document import Document
from reckon.claims.claimant_suggestions import merge_suggested
from reckon.claims.model import Claim
from reckon.report import gather_report_data, write_report
from reckon.report.render import headline_rows, headline_sentence, left_out, render_report
from reckon.report.scope import LOCAL, PARTIAL, SUBGROUP, WHOLE, EventArea, claim_scope, event_area, figure_place


def claim(quote: str, place: str | None = None, **extra: object) -> Claim:
    values: dict[str, object] = dict(
        file="a.txt", figure_low=10, figure_high=10, category="killed", qualifier="exact",
        claimant="X", claimant_key="X", quote=quote, start=0, end=len(quote), place=place,
    )
    values.update(extra)
    return Claim(**values)  # type: ignore[arg-type]


def doc(name: str, text: str) -> Document:
    return Document(name, name * 8, text, "txt")


def test_a_place_counts_for_the_figure_only_when_its_quote_names_it() -> None:
    assert figure_place(claim("57 people were killed in Varnholm", "Varnholm")) == "Varnholm"
    # the extractor's fallback: the place the document names most, not the figure's
    assert figure_place(claim("We have recorded 452 deaths", "Varnholm")) is None


def test_the_whole_area_is_the_place_most_documents_name_or_the_setting() -> None:
    claims = [claim("10 killed in Pelmark", "Pelmark"), claim("57 killed in Varnholm", "Varnholm")]
    documents = [doc("a", "Unrest in Pelmark"), doc("b", "Pelmark and Varnholm"), doc("c", "Pelmark again"), doc("d", "other")]
    assert event_area(claims, documents) == EventArea("Pelmark", "named in 3 of 4 documents")
    assert event_area(claims, documents, "Varnholm").name == "Varnholm"
    assert event_area(claims, documents[2:] + [doc("e", "x"), doc("f", "y")]).name is None  # named in 1 of 4


def test_scope_of_a_claim() -> None:
    area = EventArea("Pelmark", "set")
    assert claim_scope(claim("10 killed in Pelmark", "Pelmark"), area).kind == WHOLE
    local = claim_scope(claim("57 killed in Varnholm", "Varnholm"), area)
    assert (local.kind, local.detail) == (LOCAL, "Varnholm")
    assert claim_scope(claim("31 children", subgroup="children"), area).kind == SUBGROUP
    assert claim_scope(claim("names of 504", subgroup="identified by name"), area).kind == WHOLE
    assert claim_scope(claim("12 on Monday", period="2031-06-01"), area).kind == PARTIAL
    assert claim_scope(claim("57 killed in Varnholm", "Varnholm"), EventArea(None, "none")).kind == LOCAL


def test_the_pelmark_headline_compares_whole_event_tolls_and_lists_the_rest_by_place(pelmark_case, tmp_path) -> None:
    merge_suggested(pelmark_case)
    data = gather_report_data(pelmark_case)
    assert data.event_area == "Pelmark" and data.event_area_how == "named in 7 of 7 documents"
    sentence = headline_sentence(data, None)
    assert sentence.startswith("Claimed death tolls for the whole event range from 96 (Interior Ministry) to 470 ")
    assert "by 3 claimants" in sentence
    assert "Left out of that range: 2 figures for one place (Kessel, Varnholm) and 2 figures for a subgroup" in sentence
    apart = {(c.place, c.scope, c.figure_low, c.claimant) for c in left_out(data)}
    assert (("Varnholm", LOCAL, 57, "Pelmark Civic Alliance's own count") in apart
            and ("Kessel", LOCAL, 23, "Kessel Daily's own count") in apart)
    assert {c.scope_detail for c in left_out(data) if c.scope == SUBGROUP} == {"children", "security forces"}
    labels = [r.label for r in headline_rows(data, None)]
    assert len(labels) == len(set(labels)) == 3, labels  # each claimant once

    html = render_report(data)
    assert 'id="left-out"' in html and "Varnholm" in html and "Whole event: Pelmark (named in 7 of 7 documents)" in html
    assert not re.search(r"\bauthor\b", re.sub(r"authorities", "", html))

    path = write_report(pelmark_case, tmp_path / "varnholm.html", area="Varnholm")
    text = path.read_text()
    assert "Whole event: Varnholm (set for this report)" in text
    assert pelmark_case.con.execute(
        "SELECT detail FROM audit WHERE action = 'report.write' ORDER BY seq DESC LIMIT 1"
    ).fetchone()[0].count('"area": "Varnholm"') == 1
    varnholm = gather_report_data(pelmark_case, area="Varnholm")
    whole = {c.figure_low for c in varnholm.claims if c.scope == WHOLE}
    assert 57 in whole and not whole & {380, 452, 470}  # figures the quotes tie to Pelmark are now local
    assert {c.scope_detail for c in varnholm.claims if c.figure_low == 470} == {"Pelmark"}


def test_a_case_with_only_local_figures_says_no_toll_covers_the_whole_event(full_report_data) -> None:
    from dataclasses import replace

    local = tuple(replace(c, scope=LOCAL, scope_detail="Castrel", place="Castrel") for c in full_report_data.claims)
    data = replace(full_report_data, claims=local)
    sentence = headline_sentence(data, None)
    assert sentence.startswith("No claimed death toll covers the whole event: 4 figures for one place (Castrel), listed below")
    assert [r.kind for r in headline_rows(data, None)] == ["documented"]
