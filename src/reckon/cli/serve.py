"""`reckon serve` (the reviewer web UI) and `reckon user` (its accounts)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from reckon.cli.common import (
    OutputFormat,
    ask_passphrase,
    case_option,
    console,
    err_console,
    fail,
    open_case,
    reckon_errors,
    render,
)

user_app = typer.Typer(help="Users of the web UI (`reckon serve`): add, list, remove, passwd.", no_args_is_help=True)

ROLE_HELP = "admin: users and settings; reviewer: decisions and claim corrections; viewer: read only."


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(user_app, name="user")


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="Port to listen on."),
    certfile: Path = typer.Option(None, "--certfile", exists=True, dir_okay=False, help="TLS certificate: serve over https."),
    keyfile: Path = typer.Option(None, "--keyfile", exists=True, dir_okay=False, help="TLS private key, with --certfile."),
    allowed_host: list[str] = typer.Option(
        None, "--allowed-host", help="Another host name the server answers to (repeatable), e.g. the machine's name."
    ),
    case: Path = case_option(),
) -> None:
    """Serve the reviewer web UI over the case: review pairs, persons, claims, lists, estimates.

    The server holds the case while it runs (other reckon commands on it say so) and
    writes every reviewer's answer one after the other. Needs an admin user first:
    `reckon user add NAME --role admin`. See docs/web.md.
    """
    with reckon_errors():
        from reckon.web.server import serve as run_server  # FastAPI and uvicorn load here only

        run_server(case, host=host, port=port, certfile=certfile, keyfile=keyfile,
                   allowed_hosts=list(allowed_host or ()), passphrase=ask_passphrase(case),
                   say=lambda text: err_console.print(text, highlight=False))


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="Login name: letters, digits, '.', '@', '_' or '-'."),
    role: str = typer.Option(..., "--role", "-r", help=ROLE_HELP),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin (for scripts)."),
    case: Path = case_option(),
) -> None:
    """Add a user of the web UI with a role; asks for the password twice."""
    from reckon.team.users import add_user

    password = _password(password_stdin)
    with open_case(case) as opened:
        user = add_user(opened, name, role, password)
    console.print(f"Added {user.name} ({user.role}).")


@user_app.command("list")
def user_list(
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output format."),
    case: Path = case_option(),
) -> None:
    """The users and their roles."""
    from reckon.team.users import list_users

    with open_case(case) as opened:
        users = list_users(opened)
    render([{"name": u.name, "role": u.role, "created_at": u.created_at} for u in users], fmt,
           title="Users", columns=["name", "role", "created_at"])


@user_app.command("remove")
def user_remove(name: str = typer.Argument(...), case: Path = case_option()) -> None:
    """Remove a user and end their sessions (their past actions stay in the audit trail)."""
    from reckon.team.users import remove_user

    with open_case(case) as opened:
        remove_user(opened, name)
    console.print(f"Removed {name}.")


@user_app.command("passwd")
def user_passwd(
    name: str = typer.Argument(...),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin (for scripts)."),
    case: Path = case_option(),
) -> None:
    """Set a user's password; their open sessions end."""
    from reckon.team.users import set_password

    password = _password(password_stdin)
    with open_case(case) as opened:
        set_password(opened, name, password)
    console.print(f"Password of {name} changed; their sessions ended.")


@user_app.command("role")
def user_role(name: str = typer.Argument(...), role: str = typer.Argument(..., help=ROLE_HELP), case: Path = case_option()) -> None:
    """Change a user's role."""
    from reckon.team.users import set_role

    with open_case(case) as opened:
        set_role(opened, name, role)
    console.print(f"{name} is now {role}.")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = typer.prompt("Password", hide_input=True)
    if typer.prompt("Again", hide_input=True) != first:
        raise fail("the two passwords differ — run the command again.")
    return first
