"""Safe files: private modes, no symbolic links, atomic writes, and where outputs may go.

    make_private_folder(folder)            # 0700, created if missing
    tighten(path)                          # an existing file of ours -> 0600
    data = read_bytes_nofollow(path)       # an input, never through a symbolic link
    path = safe_output_path(case, "report.html", force=True)   # checks, clear messages
    write_atomically(path, html)           # temp file (O_EXCL) + fsync + rename

A case holds the names of the dead and their families' details: its folder is 0700 and its
files 0600, so another account on the same machine reads nothing. Outputs are written to a
temporary file created exclusively in the target folder and renamed over the target, so a
symbolic link planted at the target or at a predictable temporary name is never followed,
and a killed command never leaves a half-written file.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from reckon.errors import InputError
from reckon.storage.layout import OUTPUTS_NAME, case_files

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def make_private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) and make it readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    os.chmod(folder, PRIVATE_FOLDER)


def tighten(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Take group and other permissions off one of our files (if it exists and is ours)."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return
    if os.path.islink(path) or not (status.st_mode & 0o077):
        return
    try:
        os.chmod(path, mode)
    except PermissionError:  # not our file: leave it; the folder's 0700 still protects it
        pass


def refuse_symlink(path: Path, what: str) -> None:
    """Refuse to use ``path`` when it is a symbolic link (it could point anywhere)."""
    if os.path.islink(path):
        raise InputError(
            f"{what} is a symbolic link (to {os.readlink(path)}); reckon does not follow links here",
            file=str(path),
            fix="replace the link by the real file, or give the real file's path",
        )


def read_bytes_nofollow(path: str | Path) -> bytes:
    """An input file's bytes, opened with O_NOFOLLOW: a symbolic link is refused, not followed."""
    path = Path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            refuse_symlink(path, "the input")
        raise InputError(f"cannot be read ({exc.strerror})", file=str(path), fix="check the path") from None
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


# -- outputs -----------------------------------------------------------------------------


def safe_output_path(case: Any, path: str | Path, *, force: bool = False) -> Path:
    """Check that an output may be written at ``path``; return it.

    Refused, whatever ``force`` says: the case's own files (its database, WAL, key file,
    audit anchor), a folder, a symbolic link, a missing or unwritable parent folder, and
    an existing file inside the case folder that reckon did not write. An existing file
    elsewhere is overwritten only with ``force``. ``case`` is a Case or its folder.
    """
    folder = Path(getattr(case, "folder", case))
    path = Path(path).expanduser()
    _refuse_case_file(folder, path)
    refuse_symlink(path, "the output")
    if path.is_dir():
        raise InputError("is a folder", file=str(path), fix="give a file name, e.g. -o report.html")
    _check_parent(path)
    inside = _name_in_case(path, folder)
    if path.exists():
        if inside is not None and inside not in _outputs(folder):
            raise InputError(
                "is a file in the case folder that reckon did not write; reckon will not overwrite it",
                file=str(path),
                fix="choose another name, or write the output outside the case folder",
            )
        if not force:
            raise InputError("already exists", file=str(path), fix="pass --force to overwrite it, or choose another name")
    if inside is not None:
        _remember_output(folder, inside)
    return path


def write_atomically(path: str | Path, data: bytes | str, *, mode: int = 0o666) -> Path:
    """Write ``data`` to ``path`` all at once: a killed command leaves the old file or the new one.

    ``mode`` is filtered by the umask (the CLI sets 077: outputs are private by default).
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_writer(path, mode=mode) as handle:
        handle.write(payload)
    return path


@contextmanager
def atomic_writer(path: str | Path, *, mode: int = 0o666) -> Iterator[IO[bytes]]:
    """A binary file that replaces ``path`` when the block ends without error.

    The temporary file is created with O_EXCL | O_NOFOLLOW under a random name in the
    target's folder (a planted link or file there makes it fail, never followed), then
    fsynced and renamed over ``path``; on error it is removed and ``path`` is untouched.
    """
    path = Path(path)
    refuse_symlink(path, "the output")
    if path.is_dir():
        raise InputError("is a folder", file=str(path), fix="give a file name")
    _check_parent(path)
    temporary = path.parent / f".{path.name}.{secrets.token_hex(6)}.partial"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(temporary, flags, mode)
    except OSError as exc:
        raise InputError(f"cannot write here ({exc.strerror})", file=str(path), fix="choose a folder you can write to") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _check_parent(path: Path) -> None:
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise InputError(f"its folder {parent} does not exist", file=str(path), fix="create the folder first, or choose another path")
    if not parent.is_dir():
        raise InputError(f"{parent} is not a folder", file=str(path), fix="choose a path inside a folder")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(f"the folder {parent} is not writable", file=str(path), fix="choose a folder you can write to")


def _refuse_case_file(folder: Path, path: Path) -> None:
    for own in case_files(folder):
        if _same_file(path, own):
            raise InputError(
                f"is the case's own file {own.name}; writing there would destroy the case",
                file=str(path),
                fix="choose another output name, e.g. -o report.html",
            )


def _same_file(a: Path, b: Path) -> bool:
    if os.path.lexists(a) and os.path.lexists(b):
        try:
            return os.path.samefile(a, b)  # catches hard links and other spellings
        except OSError:
            pass
    return os.path.abspath(os.path.realpath(a)) == os.path.abspath(os.path.realpath(b))


def _name_in_case(path: Path, folder: Path) -> str | None:
    """``path`` relative to the case folder when it lies inside it, else None."""
    where = Path(os.path.realpath(path.parent)) / path.name
    root = Path(os.path.realpath(folder))
    return where.relative_to(root).as_posix() if where.is_relative_to(root) else None


def _outputs(folder: Path) -> set[str]:
    try:
        return set((folder / OUTPUTS_NAME).read_text(encoding="utf-8").split("\n")) - {""}
    except FileNotFoundError:
        return set()


def _remember_output(folder: Path, name: str) -> None:
    """Note a file reckon writes into the case folder: a later run may overwrite it."""
    known = _outputs(folder)
    if name not in known:
        write_atomically(folder / OUTPUTS_NAME, "\n".join(sorted(known | {name})) + "\n", mode=PRIVATE_FILE)
