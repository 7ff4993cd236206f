"""The ledger on precise hand-made claims (a fictional event), and the 1,500 path through the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reckon.claims.model import Claim
from reckon.ledger import (
    CITED_ELSEWHERE,
    CONFIRMED_EARLIER,
    FIRST,
    REPEAT,
    SAME_CLAIMANT,
    build_ledger,
    figure_label,
)
from reckon.articles.document import Document

DOCUMENTS = [
    Document("front.txt", "a" * 64, "...", "txt", "2031-04-03", "Front Bulletin"),
    Document("wire.html", "b" * 64, "...", "html", "2031-04-11", "Wire Agency"),
    Document("daily.html", "c" * 64, "...", "html", "2031-04-12", "Harbour Daily"),
    Document("partisan.txt", "d" * 64, "...", "txt", "2031-05-20", None),
]


def claim(file: str, low: int | None, claimant_key: str, **extra: object) -> Claim:
    values: dict[str, object] = dict(
        file=file, figure_low=low, figure_high=low, category="killed", qualifier="exact",
        claimant=claimant_key, claimant_key=claimant_key, quote=f"{low} killed", start=0, end=10,
    )
    values.update(extra)
    return Claim(**values)  # type: ignore[arg-type]


CLAIMS = [
    # The Liberation Front announces 900 first, in its own bulletin.
    claim("front.txt", 900, "Liberation Front", qualifier="at least", figure_high=None, claim_date="2031-04-02"),
    # The wire agency reports 900, citing hospital officials.
    claim("wire.html", 900, "Northport Hospital officials", claimant="hospital officials", via="the Wire Agency"),
    # A daily credits the 900 to the wire agency itself.
    claim("daily.html", 900, "Wire Agency", claim_date="2031-04-11"),
    # A partisan site says the agency "confirmed" the Front's toll, and repeats it in its own voice.
    claim("partisan.txt", 900, "Wire Agency", claim_date="2031-04-11", confirms=True,
          quote="the Wire Agency confirmed the toll of 900 announced by the Front"),
    claim("partisan.txt", 900, "author", claimant="author", qualifier="over", figure_high=None),
    # The ministry says 310 and rejects 900; a rights group says 310-330 and later 400.
    claim("daily.html", 310, "Interior Ministry", claim_date="2031-04-10"),
    claim("wire.html", 310, "Harbour Rights Group", qualifier="between", figure_high=330, disputed_by="Interior Ministry"),
    claim("partisan.txt", 400, "Harbour Rights Group", qualifier="about", claim_date="2031-05"),
    claim("daily.html", 1200, "Harbour Rights Group", category="arrested"),
    claim("front.txt", 24, "author", claimant="author", qualifier="vague", figure_high=None),
]


@pytest.fixture
def ledger():
    return build_ledger(CLAIMS, DOCUMENTS)


def group_of(ledger, category: str, figure: str):
    return next(g for g in ledger.groups if g.category == category and g.figure == figure)


def test_groups_are_per_category_and_figure_biggest_story_first(ledger) -> None:
    summary = [(g.category, g.figure, len(g.entries)) for g in ledger.groups]
    assert summary == [
        ("killed", "900", 5),
        ("killed", "310–330", 2),  # the narrow range 310-330 meets the ministry's 310
        ("killed", "400", 1),
        ("killed", "24", 1),  # vague: never merged with exact figures
        ("arrested", "1,200", 1),
    ]


def test_first_claimant_repeats_and_via(ledger) -> None:
    group = group_of(ledger, "killed", "900")
    path = [(e.date, e.role, e.claimant_label, e.via, e.figure, e.file) for e in group.entries]
    assert path == [
        ("2031-04-02", FIRST, "Liberation Front", None, "at least 900", "front.txt"),
        # same day: dates the text gives for the claim before publication dates
        ("2031-04-11", REPEAT, "Wire Agency", None, "900", "daily.html"),
        ("2031-04-11", REPEAT, "Wire Agency", None, "900", "partisan.txt"),
        ("2031-04-11", REPEAT, "Northport Hospital officials", "the Wire Agency", "900", "wire.html"),
        ("2031-05-20", REPEAT, "partisan.txt's own count", None, "over 900", "partisan.txt"),
    ]
    assert group.first.date_source == "claim"
    assert group.entries[3].date_source == "document"  # no claim date: the wire's publication date
    assert [e.claimant_key for e in group.repeated_by] == [
        "Wire Agency", "Northport Hospital officials", "partisan.txt"
    ]
    own = group.entries[4]
    assert (own.own_voice, own.extracted_key, own.claimant) == (True, None, "partisan.txt's own count")
    assert group.entries[3].extracted_key == "Northport Hospital officials"


def test_a_document_voice_is_named_after_its_publisher(ledger) -> None:
    vague = group_of(ledger, "killed", "24")
    assert vague.first.claimant_key == "Front Bulletin"
    assert vague.first.claimant_label == "Front Bulletin's own count"
    assert vague.first.figure == "vague 24" and vague.vague


def test_disputes_are_collected_per_group(ledger) -> None:
    group = group_of(ledger, "killed", "310–330")
    assert group.disputed_by == ("Interior Ministry",)
    assert [(e.claimant_key, e.role) for e in group.entries] == [
        ("Interior Ministry", FIRST), ("Harbour Rights Group", REPEAT)
    ]


def test_reattribution_flags(ledger) -> None:
    flags = {(f.kind, f.file): f for f in ledger.reattributions}
    assert set(flags) == {
        (CITED_ELSEWHERE, "daily.html"),
        (CITED_ELSEWHERE, "partisan.txt"),
        (CONFIRMED_EARLIER, "partisan.txt"),
    }
    cited = flags[(CITED_ELSEWHERE, "daily.html")]
    assert cited.message == (
        "daily.html credits 900 killed to Wire Agency, but wire.html shows Wire Agency citing hospital officials."
    )
    assert (cited.other, cited.evidence_file) == ("Northport Hospital officials", "wire.html")
    confirmed = flags[(CONFIRMED_EARLIER, "partisan.txt")]
    assert confirmed.other == "Liberation Front"
    assert "a figure Liberation Front announced first (2031-04-02)" in confirmed.message
    # Claims nobody re-attributes carry no flag.
    assert group_of(ledger, "killed", "310–330").reattributions == ()


def test_a_figure_a_claimant_confirms_first_is_not_flagged() -> None:
    claims = [
        claim("a.txt", 50, "Health Ministry", claim_date="2031-01-02", confirms=True,
              quote="the Health Ministry confirmed 50 deaths"),
        claim("b.txt", 50, "Red Crescent", claim_date="2031-01-05"),
    ]
    assert build_ledger(claims).reattributions == ()


def test_each_claimants_figures_over_time(ledger) -> None:
    series = {(s.claimant_key, s.category): s.points for s in ledger.claimants}
    assert series[("Harbour Rights Group", "killed")] == (
        ("2031-04-11", "310–330", "wire.html"),
        ("2031-05", "about 400", "partisan.txt"),
    )
    assert series[("Harbour Rights Group", "arrested")] == (("2031-04-12", "1,200", "daily.html"),)


def test_category_filter_and_wide_ranges_stand_apart() -> None:
    claims = CLAIMS + [claim("x.txt", 100, "Observers", qualifier="between", figure_high=2000)]
    killed = build_ledger(claims, DOCUMENTS, category="killed")
    assert {g.category for g in killed.groups} == {"killed"}
    assert [g.figure for g in killed.groups if g.figure.startswith("100")] == ["100–2,000"]
    assert len(group_of(killed, "killed", "900").entries) == 5  # not swallowed by the wide range


def test_rows_and_dict_serialise(ledger) -> None:
    rows = ledger.to_rows()
    assert len(rows) == len([c for c in CLAIMS])
    daily = next(r for r in rows if r["file"] == "daily.html" and r["group_figure"] == "900")
    assert daily["group"] == 1 and daily["role"] == REPEAT
    assert daily["reattribution"].startswith("daily.html credits 900 killed to Wire Agency")
    data = json.loads(json.dumps(ledger.to_dict()))
    assert data["groups"][0]["first"]["claimant_key"] == "Liberation Front"
    assert len(data["reattributions"]) == 3


def test_labels_and_party_matching() -> None:
    assert figure_label(claim("a", 1500, "X")) == "1,500"
    assert figure_label(claim("a", None, "X", qualifier="up to", figure_high=80)) == "up to 80"


def test_same_claimant_again_across_documents() -> None:
    claims = [claim("a.txt", 70, "Rights Group", claim_date="2031-02-01"), claim("b.txt", 70, "Rights Group", claim_date="2031-02-09")]
    assert [e.role for e in build_ledger(claims).groups[0].entries] == [FIRST, SAME_CLAIMANT]


def test_the_1500_figure_through_the_seeds(seeds: Path) -> None:
    from reckon import claims as claims_package

    if not hasattr(claims_package, "extract_claims_many"):
        pytest.skip("the claim extractor is not built yet")
    from reckon.articles.read import read_article

    documents = [read_article(p) for p in sorted(seeds.glob("*.txt"))]
    found = [c for batch in claims_package.extract_claims_many(documents) for c in batch]
    ledger = build_ledger(found, documents, category="killed")
    group = next(g for g in ledger.groups if g.low <= 1500 <= g.high)
    keys = [e.claimant_key for e in group.entries]
    # Keys are the names the seeds give (the shipped table names no event's parties; the case's
    # alias table joins "People's Mojahedin Organization of Iran" and "PMOI/MEK-NCRI").
    mek = group.first.claimant_key
    assert "Mojahedin" in mek and group.first.date == "2019-12-15"
    assert keys.index("Reuters") < keys.index("United States")  # the Secretary of State's statement
    assert {"000_64e4dc12b39a7a61.txt", "004_a5066f8c0a0b4851.txt"} <= set(keys)  # the documents' own voice
    assert "author" not in keys
    flags = [f for f in group.reattributions if f.kind == CONFIRMED_EARLIER]
    assert [(f.claimant_key, f.other) for f in flags] == [("Reuters", mek)]


def test_a_confirmation_the_extractor_marked_is_flagged_without_reading_text() -> None:
    confirming = claim("late.txt", 900, "Wire Agency", confirms=True, document_date="2031-04-20")
    earlier = claim("front.txt", 900, "Liberation Front", claim_date="2031-04-02")
    ledger = build_ledger([confirming, earlier], [DOCUMENTS[0]])
    assert [f.kind for f in ledger.reattributions] == [CONFIRMED_EARLIER]
    assert next(e for e in ledger.groups[0].entries if e.file == "late.txt").confirms
    unmarked = claim("late.txt", 900, "Wire Agency", quote="the Wire Agency confirmed 900", document_date="2031-04-20")
    assert build_ledger([unmarked, earlier]).reattributions == ()


def test_the_1500_path_survives_a_round_trip_through_the_case(seeds: Path, fresh_case) -> None:
    from reckon import claims as claims_package

    if not hasattr(claims_package, "extract_claims_many"):
        pytest.skip("the claim extractor is not built yet")
    from reckon.articles.store import load_documents
    from reckon.claims.ingest import add_articles
    from reckon.claims.store import load_claims

    assert add_articles(fresh_case, sorted(seeds.glob("*.txt"))).ok
    ledger = build_ledger(load_claims(fresh_case), load_documents(fresh_case), category="killed")
    group = next(g for g in ledger.groups if g.low <= 1500 <= g.high)
    mek = group.entries[0].claimant_key
    assert [(e.date, e.claimant_key) for e in group.entries[:3]] == [
        ("2019-12-15", mek), ("2019-12-23", "Reuters"), ("2019-12-26", "United States")
    ]
    assert [f.message for f in ledger.reattributions] == [
        f"000_64e4dc12b39a7a61.txt says Reuters confirmed 1,500 killed (2019-12-23), a figure {mek} "
        "announced first (2019-12-15); check whom Reuters actually cited."
    ]
