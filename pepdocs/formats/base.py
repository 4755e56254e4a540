"""The contract between the mapping layer and the per-kind engines (word, excel, pdf).

An engine fills a template from ``(FieldSpec, FormValue)`` pairs and reads a completed form
back into one ``Reading`` per ``FieldSpec``. It never sees the PEP or the transforms' model
values: ``pepdocs.api`` converts between model values and form values with the transforms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from pepdocs.mapping.spec import Anchor, FieldSpec, FillNote, FormSpec, FormValue

ReadingStatus = Literal["found", "empty", "missing"]


@dataclass(slots=True)
class Reading:
    """What an engine found for one field.

    ``status``: ``found`` (a value is there), ``empty`` (the anchor is there, the box blank or
    showing placeholder text), ``missing`` (no anchor of the field was found). ``raw`` is the
    form value as found (text, bool, option keys, or table rows). ``location`` says where, for
    the report (``content control 'dob'``, ``table 4 row 3``), and ``anchor`` which anchor hit
    (a fallback anchor lowers confidence). ``notes`` carry per-field remarks (``tracked
    changes``, ``several checked``).
    """

    status: ReadingStatus
    raw: FormValue = None
    location: str = ""
    anchor: Anchor | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DocumentReading:
    """An engine's reading of a whole document."""

    readings: dict[int, Reading]  # keyed by the field's index in ``FormSpec.fields``
    #: filled-in text that no mapping entry covers (label: text), for the report
    unmapped: list[str] = field(default_factory=list)
    #: document-level remarks: ``tracked changes present``, ``re-saved by LibreOffice``
    notes: list[str] = field(default_factory=list)
    #: lower than 1.0 when the reading came from a weaker source (e.g. a PDF's text layer)
    confidence: float = 1.0


class FormEngine(Protocol):
    """What each engine module (``pepdocs.formats.word`` ...) provides."""

    def fill(
        self,
        form: FormSpec,
        values: Sequence[tuple[FieldSpec, FormValue]],
        *,
        notes: list[FillNote] | None = None,
    ) -> bytes:
        """Return the filled document's bytes; the template is ``form.template``.

        A value that does not fit its box as the template draws it is still shown in full
        (a smaller font, a continuation sheet, a row that grows); with ``notes`` given, the
        engine adds a :class:`FillNote` for each such value."""
        ...

    def read(self, form: FormSpec, data: bytes, name: str) -> DocumentReading:
        """Read a completed document (``name`` is for messages only). An engine that also
        takes an opened document (``pepdocs.formats.opened``) says so with a module-level
        ``READS_OPENED = True``; :func:`pepdocs.formats.read_form` then hands it one."""
        ...


class DocumentIdEngine(Protocol):
    """What an engine offers to carry a document id in the forms it fills (all three built-in
    engines do): ``collect`` matches a returned form to the one sent by it."""

    def write_document_id(self, data: bytes, document_id: str) -> bytes:
        """``data`` (a form this engine filled) with ``document_id`` written into it."""
        ...

    def read_document_id(self, data: bytes, source: str = ...) -> str | None:
        """The document id a returned form carries, or None."""
        ...
