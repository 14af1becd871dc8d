"""Problems found in an editor's file, reported the way compilers report them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class Severity(enum.Enum):
    """How bad a problem is: errors always fail, warnings fail under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place in one file.

    Printed as ``path:line[:column]: severity: message`` so that editors' tools
    can jump to it.
    """

    path: str
    line: int
    column: int | None
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        if self.column is not None:
            where += f":{self.column}"
        return f"{where}: {self.severity.value}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def display_path(path: Path) -> str:
    """The path as editors expect to see it: relative to the working directory when inside it."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class Reporter:
    """Collects the diagnostics of one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def error(self, line: int, message: str, column: int | None = None) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, column, Severity.ERROR, message))

    def warning(self, line: int, message: str, column: int | None = None) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, column, Severity.WARNING, message))

    def note(self, line: int, message: str, column: int | None = None) -> None:
        self.diagnostics.append(Diagnostic(self.path, line, column, Severity.NOTE, message))

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)
