"""The one exception root of pepdocs.

Policy (after pypdf's): a problem the user can fix raises a ``PepdocsError`` subclass whose
message is one line naming *where* (file, field path, anchor, mapping line) and *what would
fix it*. Messages carry field paths, never field values: PEPs are special-category data about
children. Warnings about a document's content go into reports, not into exceptions or logs.
The CLI turns every ``PepdocsError`` into that one line and ``exit_code``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


class PepdocsError(Exception):
    """Root of every error pepdocs raises on purpose."""

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(PepdocsError):
    """The command was called wrongly (bad option combination, unknown authority name)."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Problem:
    """One validation problem: a dotted path into the data (``targets.1.due_date``) and why."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class PepValidationError(PepdocsError):
    """A PEP failed validation; ``problems`` lists every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem], source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        where = f"{source}: " if source else ""
        first = self.problems[0] if self.problems else Problem("", "invalid PEP")
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(f"{where}{first}{more}")


class MappingError(PepdocsError):
    """A mapping file is wrong; the message names ``file:line`` and the fix."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        where = ""
        if file:
            where = f"{file}:{line}: " if line else f"{file}: "
        super().__init__(f"{where}{message}")


class AuthorityNotFoundError(UsageError):
    """No authority or form of that name is known."""


class DocumentError(PepdocsError):
    """An input document cannot be read: wrong format, damaged, encrypted, hostile, too big."""

    def __init__(self, message: str, file: str | None = None) -> None:
        self.file = file
        super().__init__(f"{file}: {message}" if file else message)


class UnsafeDocumentError(DocumentError):
    """An input document was refused for safety: zip/XML bomb, macros, external entities."""


class OutputExistsError(PepdocsError):
    """An output file exists and ``--force`` was not given: nothing was overwritten."""

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(f"{path}: already exists; use --force to overwrite it")


class TransformError(PepdocsError):
    """A form value could not be turned into model data (or back); ``raw`` is kept for reports."""

    def __init__(self, message: str, raw: object = None) -> None:
        self.raw = raw
        super().__init__(message)


class ComponentMissingError(PepdocsError):
    """An external component (LibreOffice) is needed and not installed."""


class UnplacedValuesError(PepdocsError):
    """``--strict``: the PEP holds values the form has no place for, so nothing was written.

    ``paths`` are the model paths (``targets.*.area``), never values."""

    def __init__(self, where: str, form: str, paths: Iterable[str]) -> None:
        self.paths = tuple(paths)
        shown = ", ".join(self.paths[:3]) + (
            f" and {len(self.paths) - 3} more" if len(self.paths) > 3 else ""
        )
        prefix = f"{where}: " if where else ""
        super().__init__(
            f"{prefix}{form} has no place for {shown}; nothing written (--strict): fill "
            "another form or leave out --strict to write the form and list them"
        )
