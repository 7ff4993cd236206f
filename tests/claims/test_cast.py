"""The cast: who a whole document names, read before any claim (our own sentences)."""

from __future__ import annotations

from reckon.claims.cast import Cast, body_of_role


def entity(cast: Cast, name: str):
    found = cast.named(name)
    assert found is not None, f"{name!r} not in the cast: {[e.name for e in cast.entities]}"
    return found


def test_bodies_with_acronyms_other_names_and_epithets():
    cast = Cast.read(
        "The Union of Field Medics (UFM), a network of volunteer doctors, said 12 died. "
        "The Tarsa Civil Defence, known as the Orange Vests, said it found 9 bodies. "
        "The Information Team of the Council for Public Safety published a list."
    )
    medics = entity(cast, "UFM")
    assert medics.name == "Union of Field Medics" and {"network", "doctors"} <= medics.epithets
    assert entity(cast, "Orange Vests").name == "Tarsa Civil Defence"
    assert entity(cast, "Information Team").name == "Council for Public Safety"  # a unit speaks for its body


def test_people_with_titles_and_roles_and_the_bodies_they_speak_for():
    cast = Cast.read(
        "Health Minister Dr. Rima Holt spoke on Monday. Dr. Kofi Ansah, head of surgery at Lenna "
        "General Hospital, said beds ran out. Pia Moor, a member of the Tarsa Assembly, disagreed. "
        "The head of the regional administration, Ivo Dask, said roads were closed."
    )
    assert entity(cast, "Holt").body == "Health Ministry"
    assert entity(cast, "Ansah").body == "Lenna General Hospital"
    assert entity(cast, "Pia Moor").body is None  # a member of an assembly speaks as herself
    assert entity(cast, "Ivo Dask").body == "the regional administration"


def test_descriptions_resolve_to_the_body_named_before_or_after():
    text = (
        "Shelling killed 20 people in Arvo, a medical group said. The Arvo Doctors' Union said "
        "the dead included children. The Brenn Rights Monitor, a Geneva-based watchdog, counts "
        "the dead in every town."
    )
    cast = Cast.read(text)
    assert cast.described("a medical group", 30).name == "Arvo Doctors' Union"  # named only later
    assert cast.described("the watchdog", len(text)).name == "Brenn Rights Monitor"
    assert cast.described("the union", len(text)).name == "Arvo Doctors' Union"


def test_names_joined_by_and_and_the_same_body_under_two_names():
    cast = Cast.read(
        "The Security and Defence Committee met. The Kessa Popular Front (KPF/Front) said 4 died. "
        "Later the Popular Front of Kessa (KPF) said 6 died."
    )
    assert entity(cast, "Security and Defence Committee").kind == "org"
    assert entity(cast, "Popular Front of Kessa") is entity(cast, "Kessa Popular Front")


def test_roles_speak_for_bodies_as_written():
    assert body_of_role("a spokesman for the Tarsa Civil Defence") == "the Tarsa Civil Defence"
    assert body_of_role("the Front's minister for human rights") == "the Front"
    assert body_of_role("Interior Minister") == "Interior Ministry"
    assert body_of_role("the U.N. special envoy for Tarsa") == "UN Special Envoy for Tarsa"
    assert body_of_role("regional governor") == "regional administration"
    assert body_of_role("an opposition lawmaker") is None


def test_a_described_person_must_fit_the_descriptions_own_words():
    text = "Ministry spokesman Dr. Adil Kanz spoke first. A military spokesman said later that the army fought on."
    cast = Cast.read(text)
    assert cast.described("the spokesman", len(text)).name == "Adil Kanz"
    assert cast.described("A military spokesman", len(text)) is None  # not the ministry's spokesman
