"""The claimant alias table: one claimant however the texts write it, on a real case with
real extraction (the fictional Pelmark articles), and every change audited."""

from __future__ import annotations

import pytest

from reckon.articles.document import Document
from reckon.articles.store import load_documents
from reckon.claims.aliases import (
    Alias,
    Claimants,
    claimant_rows,
    fold,
    load_aliases,
    load_claimants,
    merge_claimants,
    rename_claimant,
    reviewed_claims,
    split_claimant,
)
from reckon.claims.model import Claim
from reckon.claims.store import load_claims
from reckon.errors import InputError
from reckon.ledger import build_ledger

ALLIANCE = "Pelmark Civic Alliance"


def claim(file: str, key: str, low: int = 10, **extra: object) -> Claim:
    values: dict[str, object] = dict(
        file=file, figure_low=low, figure_high=low, category="killed", qualifier="exact",
        claimant=key, claimant_key=key, quote=f"{low} killed", start=0, end=9,
    )
    values.update(extra)
    return Claim(**values)  # type: ignore[arg-type]


def keys_of(case) -> dict[str, str]:
    """{claimant as written: the claimant it resolves to} over the case's claims."""
    claims = reviewed_claims(case)
    resolver = load_claimants(case, claims)
    return {c.claimant: resolver.key(c) for c in claims if not resolver.own_voice(c)}


def audit_actions(case) -> list[str]:
    return [r[0] for r in case.con.execute("SELECT action FROM audit ORDER BY seq").fetchall()]


# -- resolution without a case ---------------------------------------------------------
def test_spellings_that_differ_in_case_or_punctuation_are_one_claimant() -> None:
    claims = [claim("a.txt", "Interior Ministry"), claim("b.txt", "interior ministry"), claim("c.txt", "the Interior Ministry.")]
    resolver = Claimants(claims)
    assert {resolver.key(c) for c in claims} == {"Interior Ministry"}
    assert fold("The  U.N.'s panel") == "u n s panel"


def test_a_documents_own_voice_is_its_outlet_and_never_the_word_author() -> None:
    documents = [
        Document("daily.html", "d" * 64, "...", "html", "2031-06-10", "Kessel Daily"),
        Document("bulletin.txt", "b" * 64, "...", "txt", "2031-06-06", None),
    ]
    own = [claim("daily.html", "author", document_sha256="d" * 64), claim("bulletin.txt", "author")]
    resolver = Claimants(own, documents)
    assert [resolver.key(c) for c in own] == ["Kessel Daily", "bulletin.txt"]
    assert [resolver.label(c) for c in own] == ["Kessel Daily's own count", "bulletin.txt's own count"]


def test_an_alias_for_one_document_wins_over_one_for_every_document() -> None:
    documents = [Document(f"{n}.txt", n * 64, "...", "txt") for n in "ab"]
    claims = [claim("a.txt", "opposition", document_sha256="a" * 64), claim("b.txt", "opposition", document_sha256="b" * 64)]
    aliases = [Alias("opposition", "Civic Alliance"), Alias("the opposition", "Harbour League", document="b" * 64)]
    resolver = Claimants(claims, documents, aliases)
    assert [resolver.key(c) for c in claims] == ["Civic Alliance", "Harbour League"]


# -- on the Pelmark case ------------------------------------------------------------------
def test_the_case_lists_each_claimant_with_its_claims_documents_and_names(pelmark_case) -> None:
    claims = reviewed_claims(pelmark_case)
    rows = {r.claimant: r for r in claimant_rows(claims, load_claimants(pelmark_case, claims))}
    assert "author" not in rows
    assert rows["Kessel Daily"].label == "Kessel Daily's own count"  # the HTML's publisher
    assert rows["03_civic_alliance.txt"].names == ("own voice of 03_civic_alliance.txt",)
    assert rows["03_civic_alliance.txt"].claims == 3
    ministry = rows["Interior Ministry"]
    assert (ministry.claims, ministry.documents) == (2, 2)
    assert "Interior Ministry spokesman Orrin Vale" in ministry.names
    assert sum(r.claims for r in rows.values()) == len(claims)


def test_merging_changes_what_claims_resolve_to_never_the_stored_claims(pelmark_case) -> None:
    before = [(c.claimant, c.claimant_key) for c in load_claims(pelmark_case)]
    written = keys_of(pelmark_case)
    spellings = sorted({written[n] for n in written if "PCA" in n or "lliance" in n} - {ALLIANCE})
    assert spellings, written  # the articles write the alliance in several ways

    moved = merge_claimants(pelmark_case, spellings + ["03_civic_alliance.txt"], into=ALLIANCE)

    assert set(moved) == set(spellings) | {"03_civic_alliance.txt"}
    after = keys_of(pelmark_case)
    assert {after[n] for n in after if "PCA" in n or "lliance" in n} == {ALLIANCE}
    assert [(c.claimant, c.claimant_key) for c in load_claims(pelmark_case)] == before  # extracted values kept
    ledger = build_ledger(reviewed_claims(pelmark_case), load_documents(pelmark_case), claimants=load_claimants(pelmark_case))
    entries = [e for g in ledger.groups for e in g.entries]
    bulletin = [e for e in entries if e.file == "03_civic_alliance.txt"]
    assert {e.claimant_label for e in bulletin} == {f"{ALLIANCE}'s own count"}
    assert all(e.extracted_key is None and e.own_voice for e in bulletin)
    assert "author" not in {e.claimant_key for e in entries} | {e.claimant for e in entries}
    assert audit_actions(pelmark_case)[-1] == "claimants.merge"
    assert pelmark_case.verify_audit() > 0


def test_a_merged_claimant_takes_its_names_along_and_rename_keeps_the_table_flat(pelmark_case) -> None:
    merge_claimants(pelmark_case, ["United Nations"], into="UN OHCHR")
    merge_claimants(pelmark_case, ["UN OHCHR"], into="UN Human Rights Office")
    assert {alias.claimant for alias in load_aliases(pelmark_case)} == {"UN Human Rights Office"}
    assert keys_of(pelmark_case)["United Nations investigators"] == "UN Human Rights Office"

    rename_claimant(pelmark_case, "UN Human Rights Office", to="UN rights office")
    assert {alias.claimant for alias in load_aliases(pelmark_case)} == {"UN rights office"}
    assert keys_of(pelmark_case)["United Nations investigators"] == "UN rights office"
    assert audit_actions(pelmark_case)[-3:] == ["claimants.merge", "claimants.merge", "claimants.rename"]


def test_rename_refuses_another_claimants_name(pelmark_case) -> None:
    with pytest.raises(InputError, match="already a claimant.*merge them instead"):
        rename_claimant(pelmark_case, "Orrin Vale", to="interior ministry")
    assert load_aliases(pelmark_case) == []


def test_split_undoes_a_merge_everywhere_or_in_one_document(pelmark_case) -> None:
    merge_claimants(pelmark_case, ["Orrin Vale", "United Nations"], into="Interior Ministry")  # a mistake, on purpose
    assert keys_of(pelmark_case)["United Nations investigators"] == "Interior Ministry"

    assert split_claimant(pelmark_case, "interior ministry", names=["united nations"]) == ["United Nations"]
    assert keys_of(pelmark_case)["United Nations investigators"] == "United Nations"
    assert keys_of(pelmark_case)["Orrin Vale"] == "Interior Ministry"

    split_claimant(pelmark_case, "Interior Ministry", document="05_kessel_courier.txt")
    assert keys_of(pelmark_case)["Orrin Vale"] == "Orrin Vale"  # his only claims are in that document
    assert audit_actions(pelmark_case)[-2:] == ["claimants.split", "claimants.split"]


def test_a_merge_for_one_document(pelmark_case) -> None:
    merge_claimants(pelmark_case, ["opposition alliance"], into=ALLIANCE, document="02_harbour_post.txt")
    [alias] = load_aliases(pelmark_case)
    assert alias.document is not None and len(alias.document) == 64
    with pytest.raises(InputError, match="No claim of “Orrin Vale” in 02_harbour_post.txt"):
        merge_claimants(pelmark_case, ["Orrin Vale"], into=ALLIANCE, document="02_harbour_post.txt")


def test_bad_names_get_one_clear_message_and_nothing_is_written(pelmark_case) -> None:
    before = len(audit_actions(pelmark_case))
    with pytest.raises(InputError, match="No claimant “Nobody Here” in this case.*reckon claimants"):
        merge_claimants(pelmark_case, ["Orrin Vale", "Nobody Here"], into="Interior Ministry")
    with pytest.raises(InputError, match="No document “missing.txt”"):
        merge_claimants(pelmark_case, ["Orrin Vale"], into="Interior Ministry", document="missing.txt")
    with pytest.raises(InputError, match="No merged name to split"):
        split_claimant(pelmark_case, "Interior Ministry")
    assert load_aliases(pelmark_case) == [] and len(audit_actions(pelmark_case)) == before


def test_who_disputes_a_figure_is_named_as_the_claimant_it_resolves_to() -> None:
    claims = [
        claim("a.txt", "Interior Ministry", claimant="Interior Ministry spokesman Orrin Vale"),
        claim("b.txt", "Civic Alliance", disputed_by="Interior Ministry spokesman Orrin Vale"),
    ]
    ledger = build_ledger(claims)
    assert ledger.groups[0].disputed_by == ("Interior Ministry",)
    assert Claimants(claims).resolve_name("someone unknown") == "someone unknown"
