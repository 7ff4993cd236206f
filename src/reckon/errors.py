"""Errors for misuse and bad input; warnings for statistical trouble.

    ReckonError                 anything reckon refuses to do, with a message that says what to do
    ├── InputError              a file or value we cannot read (names the file, the row and the fix)
    ├── CaseError               the case folder or its database is missing, locked or damaged
    │   └── NotLinkedError      a stage needs linked persons and `reckon link` has not run
    └── EstimationError         an estimator cannot run on this input

    StatisticalWarning          the numbers were computed but deserve suspicion (a UserWarning)

The CLI turns a ReckonError into one red line and a non-zero exit code; it never
shows a traceback for these.
"""

from __future__ import annotations


class ReckonError(Exception):
    """Base class: reckon refuses, and the message says what to do instead."""


class InputError(ReckonError):
    """A file or value that cannot be read; names the file, the row and the fix."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        fix: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.row = row
        self.fix = fix
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = f"{self.file}"
            if self.row is not None:
                where += f", row {self.row}"
            where += ": "
        text = f"{where}{self.message}"
        if self.fix:
            text += f" — {self.fix}"
        return text


class CaseError(ReckonError):
    """The case folder or its database is missing, locked or damaged."""


class NotLinkedError(CaseError):
    """A stage needs the case's linked persons, and linkage has not run yet."""


class EstimationError(ReckonError):
    """An estimator cannot run on this input (too few lists, no data, bad settings)."""


class StatisticalWarning(UserWarning):
    """The estimate exists but deserves suspicion (sparse table, non-convergence, ...)."""
