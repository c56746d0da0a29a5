"""Exit codes and the user-facing error tree: every error the CLI reports maps to one exit code."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    CLEAN = 0
    FINDINGS = 1
    USAGE = 2


class ClaimcheckError(Exception):
    """An error the user can fix; the CLI prints it on one line and exits with ExitCode.USAGE."""


class InputError(ClaimcheckError):
    """A document that cannot be read or decoded."""


@dataclass(frozen=True)
class SourcePosition:
    path: str
    line: int  # 1-based
    column: int  # 1-based

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class RuleFileError(ClaimcheckError):
    """A problem in a YAML rule, claim or subject file, reported as file:line:column: message."""

    def __init__(self, position: SourcePosition, message: str, help: str | None = None) -> None:
        self.position = position
        self.message = message
        self.help = help
        super().__init__(str(self))

    def __str__(self) -> str:
        text = f"{self.position}: {self.message}"
        return f"{text} ({self.help})" if self.help else text


class RuleFileErrors(ClaimcheckError):
    """Every problem found in a set of rule files, so an author fixes them all in one pass."""

    def __init__(self, errors: list[RuleFileError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(error) for error in errors))
