"""A PDF form prepared once per template, filled by writing only the objects that change.

Preparing parses the template once, drops a hybrid form's XFA, switches ``NeedAppearances``
off, adds the value font's two fixed subsets and one resource dictionary for the appearance
streams (``_appearance.prepared_font``), writes that document out once (the *base*) and
cuts it into its objects, byte for byte. A record then copies only the field and widget
dictionaries it writes (``/V``, ``/AS``, ``/I``, ``/AP``), draws its appearance streams
straight into content-stream bytes, and writes the base's objects as they are with the
changed dictionaries in their place, the new streams after them, and a fresh
cross-reference table: no page, font or other object of the form is parsed or serialised
again. The output depends only on the template and the values (deterministic).

What a record cannot be written this way is left to the full path (``pypdf`` clone and
write): continuation sheets, flattening, and letters the prepared subsets lack.
"""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
)

from pepdocs.errors import DocumentError, MappingError
from pepdocs.formats.pdf import _appearance
from pepdocs.formats.pdf._fields import FormField, iter_fields
from pepdocs.mapping.spec import FormSpec
from pepdocs.safety.package import read_input

__all__ = ["PreparedForm", "RecordCopy", "check_fillable", "prepare"]

#: what a record may write in a field or widget dictionary
_WRITTEN = ("/V", "/AS", "/I", "/AP")


def check_fillable(reader: PdfReader, form: FormSpec) -> None:
    """MappingError for a template pypdf cannot fill (a dynamic XFA form)."""
    root = cast(DictionaryObject, reader.trailer["/Root"])
    acroform = root.get("/AcroForm")
    acroform = acroform.get_object() if acroform is not None else None
    if root.get("/NeedsRendering") or (
        isinstance(acroform, DictionaryObject)
        and "/XFA" in acroform
        and not acroform.get("/Fields")
    ):
        raise MappingError(
            f"template {form.template} is a dynamic XFA form, which pypdf cannot fill; ask the "
            "authority for an AcroForm version",
            str(form.source),
        )


@dataclass(frozen=True)
class PreparedForm:
    """A template written once as the base of every record, cut into its objects."""

    #: the bytes before the first object (``%PDF-1.x`` and the binary comment)
    header: bytes
    #: object number -> the object's bytes (``n 0 obj ... endobj``), in file order
    objects: dict[int, bytes]
    #: the trailer's entries other than /Size (``/Root 1 0 R /Info 2 0 R /ID [...]``)
    trailer: bytes
    size: int
    #: the base parsed lazily: field and widget dictionaries are read from it
    reader: PdfReader
    #: each terminal field's (full name, node, widgets), in the form's order
    fields: tuple[tuple[str, DictionaryObject, tuple[DictionaryObject, ...]], ...]
    font: _appearance.PreparedFont
    #: the resource dictionary every appearance stream uses (the two subsets)
    resources: int

    @classmethod
    def from_bytes(cls, data: bytes, form: FormSpec) -> PreparedForm:
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
        except Exception:
            raise MappingError(
                f"template {form.template} is not a readable PDF", str(form.source)
            ) from None
        check_fillable(reader, form)
        font = _appearance.prepared_font(str(_appearance.font_path()))
        writer = PdfWriter(clone_from=reader)
        acroform = writer._root_object.get("/AcroForm")
        acroform = acroform.get_object() if acroform is not None else None
        if isinstance(acroform, DictionaryObject):
            acroform[NameObject("/NeedAppearances")] = BooleanObject(False)
            if "/XFA" in acroform:
                del acroform["/XFA"]
        fonts = PdfReader(io.BytesIO(font.pdf)).pages[0]["/Resources"]["/Font"].get_object()
        subsets = sorted(
            (str(name) for name in fonts if "+" in str(name)),
            key=lambda name: int(name.rsplit("+", 1)[1]),
        )
        resource_fonts = DictionaryObject(
            {
                NameObject(wanted): fonts[name].clone(writer).indirect_reference
                for wanted, name in zip(_appearance.SUBSET_NAMES, subsets, strict=True)
            }
        )
        resources = writer._add_object(
            DictionaryObject({NameObject("/Font"): resource_fonts})
        )
        buffer = io.BytesIO()
        writer.write(buffer)
        base = buffer.getvalue()
        return cls._cut(base, resources.idnum, font)

    @classmethod
    def _cut(cls, base: bytes, resources: int, font: _appearance.PreparedFont) -> PreparedForm:
        reader = PdfReader(io.BytesIO(base), strict=False)
        offsets = sorted(
            (offset, number) for number, offset in reader.xref.get(0, {}).items() if offset
        )
        end = base.rindex(b"\nxref") + 1
        objects: dict[int, bytes] = {}
        for index, (offset, number) in enumerate(offsets):
            stop = offsets[index + 1][0] if index + 1 < len(offsets) else end
            objects[number] = base[offset:stop]
        trailer = reader.trailer
        entries = io.BytesIO()
        for key in ("/Root", "/Info", "/ID"):
            if key in trailer:
                entries.write(b" " + key.encode("ascii") + b" ")
                trailer.raw_get(key).write_to_stream(entries)
        fields = tuple(
            (found.name, found.node, tuple(found.widgets))
            for found in iter_fields(cast(DictionaryObject, trailer["/Root"]))
        )
        return cls(
            header=base[: offsets[0][0]],
            objects=objects,
            trailer=entries.getvalue(),
            size=int(cast(int, trailer["/Size"])),
            reader=reader,
            fields=fields,
            font=font,
            resources=resources,
        )

    def record(self) -> RecordCopy:
        """A record's own copies of the field and widget dictionaries, to write into."""
        return RecordCopy(self)


@dataclass
class RecordCopy:
    """One record being written: copies of the dictionaries it may change, new streams."""

    prepared: PreparedForm
    fields: dict[str, FormField] = field(default_factory=dict)
    _copies: dict[int, tuple[DictionaryObject, DictionaryObject]] = field(default_factory=dict)
    _streams: list[bytes] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name, node, widgets in self.prepared.fields:
            self.fields[name] = FormField(
                name, self._copy(node), [self._copy(widget) for widget in widgets]
            )

    def _copy(self, original: DictionaryObject) -> DictionaryObject:
        found = self._copies.get(id(original))
        if found is not None:
            return found[1]
        copied = DictionaryObject(original)
        copied.indirect_reference = original.indirect_reference
        self._copies[id(original)] = (original, copied)
        return copied

    def appearance(self, box: _appearance.Box, fit: _appearance.Fit) -> DictionaryObject:
        """``/AP`` for a widget showing ``box`` as ``fit`` lays it out (a new stream)."""
        content = zlib.compress(_appearance.draw(box, fit, self.prepared.font), 6)
        number = self.prepared.size + len(self._streams)
        head = io.BytesIO()
        head.write(b"<<\n/Type /XObject\n/Subtype /Form\n/BBox ")
        ArrayObject(
            [FloatObject(0), FloatObject(0), FloatObject(box.width), FloatObject(box.height)]
        ).write_to_stream(head)
        head.write(
            b"\n/Resources %d 0 R\n/Filter /FlateDecode\n/Length %d\n>>\nstream\n"
            % (self.prepared.resources, len(content))
        )
        self._streams.append(
            b"%d 0 obj\n" % number + head.getvalue() + content + b"\nendstream\nendobj\n"
        )
        return DictionaryObject(
            {NameObject("/N"): IndirectObject(number, 0, self.prepared.reader)}
        )

    def _changed(self) -> Iterator[tuple[int, bytes]]:
        for original, copied in self._copies.values():
            reference = original.indirect_reference
            if reference is None:
                continue
            if all(copied.get(key) == original.get(key) for key in _WRITTEN) and len(
                copied
            ) == len(original):
                continue
            out = io.BytesIO()
            out.write(b"%d 0 obj\n" % reference.idnum)
            copied.write_to_stream(out)
            out.write(b"\nendobj\n")
            yield reference.idnum, out.getvalue()

    def write(self) -> bytes:
        """The whole document: the base's objects as they are, the changed dictionaries in
        their place, the new appearance streams after them, a fresh xref and trailer."""
        prepared = self.prepared
        changed = dict(self._changed())
        parts = [prepared.header]
        position = len(prepared.header)
        offsets: dict[int, int] = {}
        for number, chunk in prepared.objects.items():
            chunk = changed.get(number, chunk)
            offsets[number] = position
            parts.append(chunk)
            position += len(chunk)
        for index, chunk in enumerate(self._streams):
            offsets[prepared.size + index] = position
            parts.append(chunk)
            position += len(chunk)
        size = prepared.size + len(self._streams)
        table = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
        for number in range(1, size):
            offset = offsets.get(number)
            table.append(
                b"%010d 00000 n \n" % offset if offset is not None else b"0000000000 00001 f \n"
            )
        parts.append(b"".join(table))
        parts.append(
            b"trailer\n<< /Size %d%s >>\nstartxref\n%d\n%%%%EOF\n"
            % (size, prepared.trailer, position)
        )
        return b"".join(parts)


_PREPARED: dict[tuple[Any, ...], PreparedForm] = {}


def prepare(form: FormSpec) -> PreparedForm:
    """The prepared form of a template, cached per template file (path, mtime, size), font
    and mapping file, as the Word engine caches its templates."""
    path = str(form.template)
    try:
        stat = os.stat(path)
        key: tuple[Any, ...] = (path, stat.st_mtime_ns, stat.st_size, str(form.source))
    except OSError:
        key = (path, -1, -1, str(form.source))
    key += (str(_appearance.font_path()),)
    prepared = _PREPARED.get(key)
    if prepared is None:
        try:
            data = read_input(Path(path))
        except (OSError, DocumentError):
            raise MappingError(
                f"template {form.template} is not a readable PDF", str(form.source)
            ) from None
        prepared = PreparedForm.from_bytes(data, form)
        if len(_PREPARED) > 16:
            _PREPARED.clear()
        _PREPARED[key] = prepared
    return prepared
