"""A document opened once and handed down: its kind told from its bytes once, the package's
safety checks made once, and what each engine parses of it kept on it, so that recognising a
returned form, reading its document id and reading its answers parse it once between them
(``collect``, ``convert``, ``extract``, ``translate``).

An :class:`OpenedDocument` is a memo over the bytes, not a copy of them: each engine keeps
there what it parsed (a Word package and its document index, an Excel workbook's cells, a
PDF's reader and the bounded worker's summary), keyed by what the parse depended on, and
:meth:`OpenedDocument.reading` keeps each form's reading, so a form scored during
recognition is not read again when it wins. Nothing kept there is changed by reading. An
opened document belongs to one call: it holds parsed trees, so it is dropped when the
document has been read, never kept in a list of pending forms.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from pepdocs.formats.base import DocumentReading
from pepdocs.mapping.spec import FormSpec
from pepdocs.safety.package import Kind, SafeZip, open_package, sniff_kind

__all__ = ["OpenedDocument", "ReadsOpened", "open_document", "opened"]

T = TypeVar("T")


@dataclass(eq=False, slots=True)
class OpenedDocument:
    """A returned document (``data``, ``name`` for messages) with its ``kind`` told from its
    bytes and what has been parsed of it so far (see the module docstring)."""

    data: bytes
    name: str
    kind: Kind
    _memo: dict[Hashable, Any] = field(default_factory=dict, repr=False)
    _readings: dict[int, tuple[FormSpec, DocumentReading]] = field(
        default_factory=dict, repr=False
    )

    def kept(self, key: Hashable, make: Callable[[], T]) -> T:
        """What ``make`` returns, made once per ``key`` for this document (a parse that
        fails raises each time it is asked for: the error is the file's, not cached)."""
        if key in self._memo:
            found: T = self._memo[key]
            return found
        made = self._memo[key] = make()
        return made

    def held(self, key: Hashable) -> Any:
        """What was kept under ``key``, or None when nothing was made for it yet."""
        return self._memo.get(key)

    def package(self, kind: Kind) -> SafeZip:
        """The OOXML package opened as ``kind`` through the safe opener, once (its checks
        and its unpacking budget are the document's, whatever reads it)."""
        return self.kept(("package", kind), lambda: open_package(self.data, self.name, kind))

    def reading(
        self, form: FormSpec, read: Callable[[FormSpec, OpenedDocument], DocumentReading]
    ) -> DocumentReading:
        """``read(form, self)``, once per form: recognition scores a candidate by reading
        it, and the winner's reading is then the one extracted."""
        found = self._readings.get(id(form))
        if found is not None and found[0] is form:
            return found[1]
        reading = read(form, self)
        self._readings[id(form)] = (form, reading)
        return reading


def open_document(data: bytes, name: str = "<document>") -> OpenedDocument:
    """``data`` as an :class:`OpenedDocument`: its kind told from its bytes (nothing else is
    parsed until an engine asks)."""
    return OpenedDocument(bytes(data), name, sniff_kind(data))


def opened(document: bytes | OpenedDocument, name: str = "<document>") -> OpenedDocument:
    """``document`` if it is opened already, else its bytes opened (``name`` labels them)."""
    if isinstance(document, OpenedDocument):
        return document
    return open_document(document, name)


class ReadsOpened(Protocol):
    """An engine whose ``read`` also takes an opened document (it says so with
    ``READS_OPENED = True``): the built-in engines do, and reuse what was parsed of it."""

    READS_OPENED: bool

    def read(
        self, form: FormSpec, data: bytes | OpenedDocument, name: str
    ) -> DocumentReading: ...
