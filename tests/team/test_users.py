"""The users store: roles, argon2 hashes, sessions, and every change in the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest

pytest.importorskip("argon2", reason="user accounts need the [web] extra (argon2-cffi)")

from reckon.errors import InputError  # noqa: E402
from reckon.team.settings import change_setting, team_settings  # noqa: E402
from reckon.team.users import (  # noqa: E402
    add_user, authenticate, end_session, list_users, remove_user, session_user, set_password, set_role, start_session,
)


def test_password_is_stored_as_argon2id_and_checked(fresh_case):
    add_user(fresh_case, "mina", "reviewer", "a long password")
    stored = fresh_case.scalar("SELECT password_hash FROM users WHERE name = 'mina'")
    assert stored.startswith("$argon2id$") and "a long password" not in stored
    assert authenticate(fresh_case, "mina", "a long password").role == "reviewer"
    assert authenticate(fresh_case, "mina", "a long passwore") is None
    assert authenticate(fresh_case, "nobody", "a long password") is None


def test_roles_grant_what_they_say(fresh_case):
    for name, role in (("ada", "admin"), ("mina", "reviewer"), ("vic", "viewer")):
        add_user(fresh_case, name, role, "a long password")
    users = {u.name: u for u in list_users(fresh_case)}
    assert [users["ada"].may(p) for p in ("read", "review", "admin")] == [True, True, True]
    assert [users["mina"].may(p) for p in ("read", "review", "admin")] == [True, True, False]
    assert [users["vic"].may(p) for p in ("read", "review", "admin")] == [True, False, False]


@pytest.mark.parametrize(
    ("name", "role", "password", "says"),
    [
        ("mina", "reviewer", "short", "shorter than 10"),
        ("has space", "reviewer", "a long password", "cannot be used"),
        ("<script>", "reviewer", "a long password", "cannot be used"),
        ("mina", "owner", "a long password", "not one of admin, reviewer, viewer"),
    ],
)
def test_bad_accounts_are_refused_with_the_fix(fresh_case, name, role, password, says):
    with pytest.raises(InputError, match=says):
        add_user(fresh_case, name, role, password)
    assert list_users(fresh_case) == []


def test_a_persian_name_is_a_valid_user_name(fresh_case):
    assert add_user(fresh_case, "مینا", "viewer", "a long password").name == "مینا"


def test_the_last_admin_cannot_be_removed_or_demoted(fresh_case):
    add_user(fresh_case, "ada", "admin", "a long password")
    with pytest.raises(InputError, match="only admin"):
        remove_user(fresh_case, "ada")
    with pytest.raises(InputError, match="only admin"):
        set_role(fresh_case, "ada", "viewer")
    add_user(fresh_case, "bea", "admin", "a long password")
    set_role(fresh_case, "ada", "viewer")
    assert {u.name: u.role for u in list_users(fresh_case)} == {"ada": "viewer", "bea": "admin"}


def test_sessions_end_on_logout_on_a_new_password_and_with_the_user(fresh_case):
    user = add_user(fresh_case, "mina", "reviewer", "a long password")
    first, second = start_session(fresh_case, user), start_session(fresh_case, user)
    assert session_user(fresh_case, first.token)[0].name == "mina"
    assert fresh_case.scalar("SELECT count(*) FROM sessions WHERE token_sha256 = ?", [first.token]) == 0  # hash only
    end_session(fresh_case, first.token, "mina")
    assert session_user(fresh_case, first.token) is None
    assert session_user(fresh_case, second.token) is not None
    set_password(fresh_case, "mina", "another long password")
    assert session_user(fresh_case, second.token) is None
    third = start_session(fresh_case, user)
    remove_user(fresh_case, "mina")
    assert session_user(fresh_case, third.token) is None
    assert session_user(fresh_case, "not a token") is None and session_user(fresh_case, None) is None


def test_an_expired_session_is_refused(fresh_case):
    user = add_user(fresh_case, "mina", "reviewer", "a long password")
    session = start_session(fresh_case, user)
    fresh_case.con.execute("UPDATE sessions SET expires_at = expires_at - ?", [timedelta(hours=13)])
    assert session_user(fresh_case, session.token) is None


def test_every_change_is_audited_without_the_password(fresh_case):
    fresh_case.actor = "ada"
    add_user(fresh_case, "mina", "reviewer", "a long password")
    set_role(fresh_case, "mina", "viewer")
    set_password(fresh_case, "mina", "another long password")
    rows = fresh_case.rows("SELECT actor, action, detail FROM audit WHERE action LIKE 'user.%' ORDER BY seq")
    assert [(r["actor"], r["action"]) for r in rows] == [("ada", "user.add"), ("ada", "user.role"), ("ada", "user.passwd")]
    assert not any("long password" in r["detail"] for r in rows)
    assert fresh_case.verify_audit() > 3


def test_settings_have_defaults_are_checked_and_audited(fresh_case):
    assert team_settings(fresh_case)["review_low"] == 0.3
    change_setting(fresh_case, "review_low", "0.2")
    assert team_settings(fresh_case)["review_low"] == 0.2
    with pytest.raises(InputError, match="empty"):
        change_setting(fresh_case, "review_high", 0.1)
    with pytest.raises(InputError, match="not a number"):
        change_setting(fresh_case, "link_threshold", "'; DROP TABLE users; --")
    with pytest.raises(InputError, match="not one of"):
        change_setting(fresh_case, "estimate_method", "guess")
    assert fresh_case.scalar("SELECT count(*) FROM audit WHERE action = 'settings.change'") == 1
