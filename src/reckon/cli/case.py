"""`reckon init`, `reckon encrypt` and `reckon audit`: create a case, encrypt it, check its trail."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from reckon.audit import AuditCheck
from reckon.case import Case, find_case_folder
from reckon.cli.common import (
    ask_passphrase,
    case_option,
    console,
    err_console,
    fail,
    open_case,
    reckon_errors,
)
from reckon.storage.encryption import PASSPHRASE_ENV, is_encrypted

audit_app = typer.Typer(
    help="Check the case's audit trail (`reckon audit`) and print its head, to publish or compare.",
    invoke_without_command=True,
    no_args_is_help=False,
)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("encrypt")(encrypt)
    app.add_typer(audit_app, name="audit")


def init(
    folder: Path = typer.Argument(..., help="Folder for the new case (created if missing)."),
    encrypt: bool = typer.Option(
        False, "--encrypt", help=f"Encrypt the database at rest with a passphrase (${PASSPHRASE_ENV}, else asked)."
    ),
) -> None:
    """Create a case: a folder with one DuckDB database that every other command reads and writes."""
    passphrase = _new_passphrase(folder) if encrypt else None
    with reckon_errors():
        case = Case.init(folder, passphrase=passphrase)
    case.close()
    how = " (encrypted: keep the passphrase safe, it cannot be recovered)" if encrypt else ""
    console.print(f"Created case in [bold]{escape(str(folder))}[/]{how} — run reckon commands there, or pass --case {escape(str(folder))}.")


def encrypt(case: Path = case_option()) -> None:
    """Encrypt an existing case in place: an encrypted copy replaces the database, the plaintext is overwritten.

    Reports and exports written before stay as they are: delete the ones you no longer need.
    """
    if is_encrypted(find_case_folder(case)):
        raise fail(f"the case in {find_case_folder(case)} is already encrypted.")
    passphrase = _new_passphrase(case)
    with open_case(case) as opened:
        opened.encrypt(passphrase)
        head = opened.check_audit().head
    console.print(f"The case is now encrypted at rest. Audit {head}.")


def _new_passphrase(folder: Path | None) -> str:
    passphrase = ask_passphrase(folder, new=True)
    if not passphrase:
        raise fail(f"an encrypted case needs a passphrase: set {PASSPHRASE_ENV}, or run the command in a terminal.")
    return passphrase


@audit_app.callback()
def audit(
    ctx: typer.Context,
    case: Path = case_option(),
) -> None:
    """Verify the audit trail and the data it vouches for; print its head."""
    if ctx.invoked_subcommand is None:
        _verify(case, None)


@audit_app.command("verify")
def verify(
    head: str = typer.Option(None, "--head", help="A head published earlier (in a report or export): is it still in the trail?"),
    case: Path = case_option(),
) -> None:
    """Check the chain, the anchor beside the database, the data's digests, and a published head."""
    _verify(case, head)


def _verify(case: Path | None, head: str | None) -> None:
    with open_case(case, read_only=True) as opened:
        check = opened.check_audit(published_head=head)
    _print_check(check)
    if not check.ok:
        raise typer.Exit(1)


def _print_check(check: AuditCheck) -> None:
    if check.ok:
        found = f" The published head is row {check.published_head_row}." if check.published_head_row else ""
        console.print(
            f"Audit trail intact: {check.head.rows} entries, each chained to the one before, "
            f"and the data matches their digests.{found}"
        )
    else:
        err_console.print(f"[bold red]Audit trail broken[/] — {len(check.problems)} problem(s):")
        for problem in check.problems:
            err_console.print(f"  {escape(str(problem))}", highlight=False, soft_wrap=True)
    console.print(f"Head: row {check.head.rows}, {check.head.head}{' (keyed)' if check.head.keyed else ''}", highlight=False)
