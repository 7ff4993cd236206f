"""Short forms of given names, from the `nicknames` package, in reckon's key space."""

from __future__ import annotations

from reckon.names import latin_key
from reckon.names.nicknames import formal_forms, share_formal_form


def test_short_and_formal_forms_share_a_formal_name():
    assert share_formal_form("Bill", "William")
    assert share_formal_form("Eddy", "Edward")
    assert share_formal_form("Joe", "Joseph")
    assert share_formal_form("PEGGY", "margaret")


def test_different_formal_names_do_not_match():
    assert not share_formal_form("Edward", "Edwin")
    assert not share_formal_form("William", "Robert")
    assert not share_formal_form("Bill", "Ahmad")


def test_forms_are_keys_and_unknown_names_give_none():
    forms = formal_forms(latin_key("Bill"))
    assert forms is not None and latin_key("William") in forms and latin_key("Bill") in forms
    assert formal_forms(latin_key("Abolfazl")) is None
    assert formal_forms("") is None
