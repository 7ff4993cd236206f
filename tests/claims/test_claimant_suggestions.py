"""Suggested merges come from the case's own claims: each rule on hand-made claims, then the
whole Pelmark case (real extraction) ends with each claimant once after accepting them."""

from __future__ import annotations

from reckon.articles.document import Document
from reckon.articles.store import load_documents
from reckon.claims.aliases import Claimants, load_claimants, reviewed_claims
from reckon.claims.claimant_suggestions import merge_suggested, suggest_merges
from reckon.claims.model import Claim
from reckon.ledger import build_ledger


def claim(file: str, key: str, low: int = 10, *, written: str | None = None, **extra: object) -> Claim:
    values: dict[str, object] = dict(
        file=file, figure_low=low, figure_high=low, category="killed", qualifier="exact",
        claimant=written or key, claimant_key=key, quote=f"{low} killed", start=0, end=9,
    )
    values.update(extra)
    return Claim(**values)  # type: ignore[arg-type]


def pairs(claims: list[Claim], documents: list[Document] = ()) -> set[tuple[str, str]]:
    return {(s.name, s.into) for s in suggest_merges(claims, Claimants(claims, documents))}


def test_an_acronym_and_its_name() -> None:
    claims = [claim("a.txt", "Harbour Workers League"), claim("b.txt", "HWL", 40)]
    assert pairs(claims) == {("HWL", "Harbour Workers League")}


def test_a_united_nations_description_and_the_one_un_body() -> None:
    claims = [claim("a.txt", "UN Inquiry Panel", 500), claim("b.txt", "United Nations", 500, written="United Nations investigators")]
    [suggestion] = suggest_merges(claims, Claimants(claims))
    assert (suggestion.name, suggestion.into) == ("United Nations", "UN Inquiry Panel")
    assert len(suggestion.reasons) == 2  # the acronym, and the same figure
    two_bodies = claims + [claim("c.txt", "UN Refugee Office")]
    assert ("United Nations", "UN Inquiry Panel") not in pairs(two_bodies)  # ambiguous: no suggestion


def test_a_description_and_the_one_body_with_its_head_noun() -> None:
    claims = [claim("a.txt", "Tomorrow Coalition", 900), claim("b.txt", "opposition coalition", 12, written="an opposition coalition")]
    assert pairs(claims) == {("opposition coalition", "Tomorrow Coalition")}
    # "a doctor at the hospital" is a doctor, not the hospital
    assert pairs([claim("a.txt", "Kessel General Hospital"), claim("b.txt", "doctor at Kessel General Hospital")]) == set()


def test_a_spokesperson_named_alone_elsewhere_speaks_for_the_body() -> None:
    claims = [
        claim("a.txt", "Interior Ministry", 96, written="Interior Ministry spokesman Orrin Vale"),
        claim("b.txt", "Interior Ministry", 96),
        claim("c.txt", "Orrin Vale", 120),
    ]
    [suggestion] = suggest_merges(claims, Claimants(claims))
    assert (suggestion.name, suggestion.into) == ("Orrin Vale", "Interior Ministry")
    assert "in a.txt the extractor read “Interior Ministry spokesman Orrin Vale”" in suggestion.reasons[0]
    assert suggestion.command == 'reckon claimants merge "Orrin Vale" --into "Interior Ministry"'


def test_a_head_speaking_as_themselves_does_not_swallow_their_body() -> None:
    claims = [
        claim("a.txt", "Mara Lind", 50, written="Mara Lind, the head of the Kessel Relief Board"),
        claim("b.txt", "Kessel Relief Board", 60),
        claim("c.txt", "Kessel Relief Board", 70),
    ]
    assert pairs(claims) == set()


def test_same_figures_alone_only_for_a_pure_description_and_a_figure_that_does_not_coincide() -> None:
    claims = [claim("a.txt", "Tomorrow Front", 4200), claim("b.txt", "opposition", 4200, written="the opposition")]
    assert pairs(claims) == {("opposition", "Tomorrow Front")}
    small = [claim("a.txt", "Tomorrow Front", 7), claim("b.txt", "opposition", 7)]
    assert pairs(small) == set()
    named = [claim("a.txt", "Tomorrow Front", 4200), claim("b.txt", "Harbour Daily", 4200)]
    assert pairs(named) == set()  # two named bodies may well repeat one figure


def test_an_own_voice_known_only_by_its_file_name() -> None:
    documents = [Document("03_civic_alliance.txt", "c" * 64, "...", "txt"), Document("kessel.html", "k" * 64, "...", "html", None, "Kessel Daily")]
    claims = [
        claim("03_civic_alliance.txt", "author", 452), claim("a.txt", "Pelmark Civic Alliance", 410),
        claim("kessel.html", "author", 23),
    ]
    assert pairs(claims, documents) == {("03_civic_alliance.txt", "Pelmark Civic Alliance")}


def test_a_name_with_its_bracketed_acronym() -> None:
    claims = [claim("a.txt", "Free Harbour Council (FHC"), claim("b.txt", "Free Harbour Council", 30), claim("c.txt", "FHC", 30)]
    assert pairs(claims) == {("Free Harbour Council (FHC", "Free Harbour Council"), ("FHC", "Free Harbour Council")}


def test_the_pelmark_case_ends_with_each_claimant_once(pelmark_case) -> None:
    claims = reviewed_claims(pelmark_case)
    before = {s.name for s in suggest_merges(claims, load_claimants(pelmark_case, claims))}
    assert {"Orrin Vale", "United Nations", "03_civic_alliance.txt"} <= before

    merged = merge_suggested(pelmark_case)

    assert {s.name for s in merged} == before
    claims = reviewed_claims(pelmark_case)
    resolver = load_claimants(pelmark_case, claims)
    assert suggest_merges(claims, resolver) == []
    def keys(where) -> set[str]:
        return {resolver.key(c) for c in claims if where(c)}

    alliance = keys(lambda c: "lliance" in c.claimant or "PCA" in c.claimant or c.file == "03_civic_alliance.txt")
    ministry = keys(lambda c: "Interior" in c.claimant or "Orrin Vale" in c.claimant)
    united_nations = keys(lambda c: "United Nations" in c.claimant or c.file == "04_un_note.txt")
    assert len(alliance) == len(ministry) == len(united_nations) == 1, (alliance, ministry, united_nations)
    ledger = build_ledger(claims, load_documents(pelmark_case), claimants=resolver)
    keys = {e.claimant_key for g in ledger.groups for e in g.entries}
    assert len(keys) == 4, keys  # the alliance, the ministry, the UN office, Kessel Daily
    assert "Kessel Daily" in keys and "author" not in keys
    assert [a for a in pelmark_case.con.execute("SELECT action FROM audit WHERE action LIKE 'claimants.%'").fetchall()] == [
        ("claimants.merge",)
    ] * len(merged)


def test_one_office_with_its_country_written_as_a_name_and_as_an_adjective() -> None:
    claims = [
        claim("a.txt", "Barsovia's defence ministry", 70),
        claim("b.txt", "Barsovian Ministry of Defence", 210),
        claim("c.txt", "Balqara's army", 300),
        claim("d.txt", "Balqaran army", 12),
        claim("e.txt", "Barsovian Ministry of Health", 19),
    ]
    assert pairs(claims) == {
        ("Barsovia's defence ministry", "Barsovian Ministry of Defence"),
        ("Balqara's army", "Balqaran army"),
    }


def test_one_regional_government_called_administration_in_one_text_and_authorities_in_another() -> None:
    claims = [
        claim("a.txt", "Horodets regional administration", 7),
        claim("b.txt", "Horodets regional administration", 29),
        claim("c.txt", "Horodets regional authorities", 5),
        claim("d.txt", "Velask regional government", 3),
    ]
    assert pairs(claims) == {("Horodets regional authorities", "Horodets regional administration")}
