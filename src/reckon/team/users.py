"""Users of a served case, their roles, passwords and sessions.

    add_user(case, "mina", "reviewer", password)      # argon2id hash stored, never the password
    user = authenticate(case, "mina", password)        # None when the name or password is wrong
    session = start_session(case, user)                # token for the cookie, CSRF token for forms
    session_user(case, session.token)                  # (User, Session) while the session is valid

Roles: an admin manages users and settings; a reviewer records decisions and corrects
claims; a viewer reads. Every change is in the audit trail. This module is the only one
that reads or writes ``users`` and ``sessions`` (migration 011).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from reckon.case import Case, now
from reckon.errors import InputError, ReckonError

ROLES = ("admin", "reviewer", "viewer")
# What each role may do; a page or action names the permission it needs.
PERMISSIONS = {"read": set(ROLES), "review": {"admin", "reviewer"}, "admin": {"admin"}}
MIN_PASSWORD_LENGTH = 10
SESSION_LIFETIME = timedelta(hours=12)
NAME_PATTERN = re.compile(r"^[\w.@-]{1,64}$")  # \w: letters and digits of any script


@dataclass(frozen=True)
class User:
    name: str
    role: str
    created_at: datetime

    def may(self, permission: str) -> bool:
        return self.role in PERMISSIONS[permission]


@dataclass(frozen=True)
class Session:
    token: str  # for the cookie; only its SHA-256 is stored
    csrf_token: str
    expires_at: datetime


# -- users -------------------------------------------------------------------------------------


def add_user(case: Case, name: str, role: str, password: str) -> User:
    """Create a user; the name must be new, the role known and the password long enough."""
    name = _check_name(name)
    _check_role(role)
    _check_password(password)
    if get_user(case, name) is not None:
        raise InputError(f"user {name!r} exists already", fix="choose another name, or `reckon user passwd` to reset")
    at = now()
    with case.transaction():
        case.con.execute("INSERT INTO users VALUES (?, ?, ?, ?, ?)", [name, role, _hasher().hash(password), at, at])
        case.audit("user.add", user=name, role=role)
    return User(name, role, at)


def list_users(case: Case) -> list[User]:
    rows = case.con.execute("SELECT name, role, created_at FROM users ORDER BY name").fetchall()
    return [User(*row) for row in rows]


def get_user(case: Case, name: str) -> User | None:
    row = case.con.execute("SELECT name, role, created_at FROM users WHERE name = ?", [name]).fetchone()
    return User(*row) if row else None


def remove_user(case: Case, name: str) -> None:
    """Remove a user and end their sessions (their past actions stay in the audit trail)."""
    user = _require_user(case, name)
    if user.role == "admin":
        _keep_one_admin(case, name)
    with case.transaction():
        case.con.execute("DELETE FROM sessions WHERE user_name = ?", [name])
        case.con.execute("DELETE FROM users WHERE name = ?", [name])
        case.audit("user.remove", user=name)


def set_role(case: Case, name: str, role: str) -> None:
    user = _require_user(case, name)
    _check_role(role)
    if user.role == "admin" and role != "admin":
        _keep_one_admin(case, name)
    with case.transaction():
        case.con.execute("UPDATE users SET role = ? WHERE name = ?", [role, name])
        case.audit("user.role", user=name, role=role, was=user.role)


def set_password(case: Case, name: str, password: str) -> None:
    """A new password; the user's open sessions end."""
    _require_user(case, name)
    _check_password(password)
    with case.transaction():
        case.con.execute(
            "UPDATE users SET password_hash = ?, password_set_at = ? WHERE name = ?",
            [_hasher().hash(password), now(), name],
        )
        case.con.execute("DELETE FROM sessions WHERE user_name = ?", [name])
        case.audit("user.passwd", user=name)


def has_admin(case: Case) -> bool:
    return bool(case.scalar("SELECT count(*) FROM users WHERE role = 'admin'"))


# -- logging in --------------------------------------------------------------------------------


def authenticate(case: Case, name: str, password: str) -> User | None:
    """The user when name and password match, else None (as slow either way)."""
    from argon2.exceptions import VerificationError

    row = case.con.execute("SELECT password_hash FROM users WHERE name = ?", [name]).fetchone()
    stored = row[0] if row else _dummy_hash()
    try:
        _hasher().verify(stored, password)
    except VerificationError:
        return None
    except Exception:  # an unreadable stored hash: no way in
        return None
    return get_user(case, name) if row else None


def start_session(case: Case, user: User) -> Session:
    """A new session for a user who has just logged in (expired sessions are cleared)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    at = now()
    session = Session(token, csrf, at + SESSION_LIFETIME)
    with case.transaction():
        case.con.execute("DELETE FROM sessions WHERE expires_at <= ?", [at])
        case.con.execute(
            "INSERT INTO sessions VALUES (?, ?, ?, ?, ?)", [_digest(token), user.name, csrf, at, session.expires_at]
        )
        case.audit("user.login", user=user.name)
    return session


def session_user(case: Case, token: str | None) -> tuple[User, Session] | None:
    """The user and session of a cookie's token, while it is valid; else None."""
    if not token:
        return None
    row = case.con.execute(
        "SELECT u.name, u.role, u.created_at, s.csrf_token, s.expires_at, s.created_at >= u.password_set_at"
        " FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.token_sha256 = ?",
        [_digest(token)],
    ).fetchone()
    if row is None or row[4] <= now() or not row[5]:
        return None
    return User(row[0], row[1], row[2]), Session(token, row[3], row[4])


def end_session(case: Case, token: str, user_name: str) -> None:
    with case.transaction():
        case.con.execute("DELETE FROM sessions WHERE token_sha256 = ?", [_digest(token)])
        case.audit("user.logout", user=user_name)


def record_failed_login(case: Case, name: str, client: str) -> None:
    """A wrong name or password, kept in the audit trail (the name as typed, truncated)."""
    case.audit_outside_transaction("user.login_failed", user=name[:64], client=client)


# -- checks ------------------------------------------------------------------------------------


def _check_name(name: str) -> str:
    name = (name or "").strip()
    if not NAME_PATTERN.match(name):
        raise InputError(
            f"user name {name[:40]!r} cannot be used",
            fix="use 1 to 64 letters, digits, '.', '@', '_' or '-' (no spaces)",
        )
    return name


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise InputError(f"role {role!r} is not one of {', '.join(ROLES)}", fix="use admin, reviewer or viewer")


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise InputError(
            f"the password is shorter than {MIN_PASSWORD_LENGTH} characters",
            fix="choose a longer password (a few unrelated words work well)",
        )


def _require_user(case: Case, name: str) -> User:
    user = get_user(case, name)
    if user is None:
        raise InputError(f"no user named {name!r}", fix="see the users with `reckon user list`")
    return user


def _keep_one_admin(case: Case, leaving: str) -> None:
    others = case.scalar("SELECT count(*) FROM users WHERE role = 'admin' AND name <> ?", [leaving])
    if not others:
        raise InputError(f"{leaving!r} is the only admin", fix="make another user admin first")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _hasher() -> Any:
    try:
        from argon2 import PasswordHasher
    except ImportError as exc:
        raise ReckonError(
            "user accounts need argon2-cffi, which is not installed — run `pip install 'reckon[web]'`."
        ) from exc
    return PasswordHasher()  # argon2id with the library's recommended cost


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash to verify against when the name is unknown, so both cases take as long."""
    return _hasher().hash(secrets.token_urlsafe(16))
