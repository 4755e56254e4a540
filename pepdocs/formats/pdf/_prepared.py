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

A continuation sheet is drawn straight into page content streams too
(``_appearance.StreamCanvas``) and added to the page tree and the AcroForm. What a record
cannot be written this way is left to the full path (``pypdf`` clone and write):
flattening, and letters the prepared subsets lack.
"""

from __future__ import annotations

import io
import os
import re
import threading
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
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
    NumberObject,
    PdfObject,
    TextStringObject,
)

from pepdocs.errors import DocumentError, MappingError
from pepdocs.formats.pdf import _appearance
from pepdocs.formats.pdf._continuation import Continuation, field_node
from pepdocs.formats.pdf._fields import FormField, iter_fields, widget_pages
from pepdocs.mapping.spec import FormSpec
from pepdocs.safety.package import read_input

__all__ = ["PreparedForm", "RecordCopy", "check_fillable", "prepare"]

_FREE = b"0000000000 00001 f \n"
_ESCAPES = {"\\": "\\\\", "(": "\\(", ")": "\\)", "\r": "\\r", "\n": "\\n", "\t": "\\t"}
_PRINTABLE = re.compile(r"[\x20-\x7e\r\n\t]*")
_SPECIAL = re.compile(r"[\\()\r\n\t]")


class _Copy(DictionaryObject):
    """A record's copy of a template's dictionary, which knows whether it was written to."""

    written = False

    def __setitem__(self, key: Any, value: Any) -> Any:
        self.written = True
        return super().__setitem__(key, value)


def text_string(text: str) -> bytes:
    """A text string as a PDF string object (ISO 32000-1, 7.9.2.2): printable ASCII as a
    literal, anything else as UTF-16BE with its byte-order mark, in hex."""
    if _PRINTABLE.fullmatch(text):
        return b"(" + _SPECIAL.sub(lambda m: _ESCAPES[m.group(0)], text).encode("ascii") + b")"
    return b"<feff" + text.encode("utf-16-be").hex().encode("ascii") + b">"


#: what a record may write in a field or widget dictionary
_WRITTEN = ("/V", "/AS", "/I", "/AP")
_KEYS = {key: key.encode("ascii") + b" " for key in _WRITTEN}


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
    #: the page tree's root and the AcroForm dictionary (object numbers), where a
    #: continuation sheet adds its pages and fields; None when not an object of its own
    pages_root: int | None = None
    acroform: int | None = None
    #: each widget's page (from 1), by the widget's object number
    pages: dict[int | None, int] = field(default_factory=dict)
    #: a field or widget dictionary's entries a record never writes, serialised once
    fixed: dict[int, bytes] = field(default_factory=dict)
    #: each widget's look (size, font size, colours; no text), read from it once
    looks: dict[int, _appearance.Box] = field(default_factory=dict)
    #: held while a record is written (the prepared objects are parsed lazily)
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: each widget's appearance but its text (see ``_appearance.frame``)
    frames: dict[int | None, bytes] = field(default_factory=dict)

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
        page_resources = cast(
            DictionaryObject, PdfReader(io.BytesIO(font.pdf)).pages[0]["/Resources"]
        )
        fonts = cast(DictionaryObject, page_resources["/Font"].get_object())
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
        resources = writer._add_object(DictionaryObject({NameObject("/Font"): resource_fonts}))
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
        root = cast(DictionaryObject, trailer["/Root"])
        fields = tuple(
            (found.name, found.node, tuple(found.widgets)) for found in iter_fields(root)
        )
        pages_root, acroform = root.raw_get("/Pages"), root.raw_get("/AcroForm")
        return cls(
            header=base[: offsets[0][0]],
            objects=objects,
            trailer=entries.getvalue(),
            size=int(cast(int, trailer["/Size"])),
            reader=reader,
            fields=fields,
            font=font,
            resources=resources,
            pages_root=pages_root.idnum if isinstance(pages_root, IndirectObject) else None,
            acroform=acroform.idnum if isinstance(acroform, IndirectObject) else None,
            pages=widget_pages(reader),
        )

    @cached_property
    def by_name(self) -> dict[str, tuple[DictionaryObject, tuple[DictionaryObject, ...]]]:
        return {name: (node, widgets) for name, node, widgets in self.fields}

    def record(self) -> RecordCopy:
        """A record's own copies of the field and widget dictionaries, to write into."""
        return RecordCopy(self)


@dataclass
class RecordCopy:
    """One record being written: copies of the dictionaries it may change, new objects."""

    prepared: PreparedForm
    #: the form's fields by full name, each copied for the record when first looked up
    fields: Mapping[str, FormField] = field(default_factory=dict)
    _copies: dict[int, tuple[DictionaryObject, _Copy]] = field(default_factory=dict)
    #: new objects already serialised (appearance and content streams), by number
    _streams: dict[int, bytes] = field(default_factory=dict)
    #: objects serialised when the record is written (new fields, pages; the page tree's
    #: root and the AcroForm changed by a continuation sheet), by number
    _late: dict[int, PdfObject] = field(default_factory=dict)
    _next: int = 0

    def __post_init__(self) -> None:
        self._next = self.prepared.size
        self.fields = _Fields(self)

    def _copy(self, original: DictionaryObject) -> DictionaryObject:
        found = self._copies.get(id(original))
        if found is not None:
            return found[1]
        copied = _Copy(original)
        copied.indirect_reference = original.indirect_reference
        self._copies[id(original)] = (original, copied)
        return copied

    def _reference(self, number: int) -> IndirectObject:
        return IndirectObject(number, 0, self.prepared.reader)

    def _allocate(self) -> IndirectObject:
        self._next += 1
        return self._reference(self._next - 1)

    def _stream(self, head: bytes, content: bytes) -> IndirectObject:
        """A new stream object (``head``: its dictionary's entries but /Filter, /Length)."""
        reference = self._allocate()
        if len(content) > 512:
            content = zlib.compress(content, 6)
            head += b"/Filter /FlateDecode\n"
        self._streams[reference.idnum] = (
            b"%d 0 obj\n<<\n%s/Length %d\n>>\nstream\n" % (reference.idnum, head, len(content))
            + content
            + b"\nendstream\nendobj\n"
        )
        return reference

    def appearance(
        self, box: _appearance.Box, fit: _appearance.Fit, widget: int | None = None
    ) -> DictionaryObject:
        """``/AP`` for a widget showing ``box`` as ``fit`` lays it out (a new stream);
        ``widget`` (the widget's object number) keeps the box's frame for the next record."""
        frames = self.prepared.frames
        framed = frames.get(widget) if widget is not None else None
        if framed is None:
            framed = _appearance.frame(box)
            if widget is not None:
                frames[widget] = framed
        bbox = b"[ 0 0 %s %s ]" % (_appearance.number(box.width), _appearance.number(box.height))
        head = b"/Type /XObject\n/Subtype /Form\n/BBox %s\n/Resources %d 0 R\n" % (
            bbox,
            self.prepared.resources,
        )
        reference = self._stream(head, _appearance.draw(box, fit, self.prepared.font, framed))
        return DictionaryObject({NameObject("/N"): reference})

    def add_continuation(
        self, continuation: Continuation
    ) -> list[tuple[FormField, DictionaryObject, str]] | None:
        """The continuation sheet's pages added after the form's, its row fields added to
        the form; returns (field, widget, text) of each new field, whose appearance the
        caller draws. None when the sheet needs the full path (a letter the prepared subsets
        lack, or a page tree or AcroForm that is not an object of its own)."""
        prepared = self.prepared
        if prepared.pages_root is None or prepared.acroform is None:
            return None
        drawn = continuation.draw_streams(prepared.font)
        if drawn is None:
            return None
        contents, boxes, (width, height) = drawn
        original = prepared.reader.get_object(prepared.pages_root)
        acroform_original = prepared.reader.get_object(prepared.acroform)
        if not isinstance(original, DictionaryObject) or not isinstance(
            acroform_original, DictionaryObject
        ):
            return None
        tree = DictionaryObject(original)
        acroform = DictionaryObject(acroform_original)
        listed = acroform.raw_get("/Fields") if "/Fields" in acroform else None
        fields = ArrayObject(listed.get_object() if listed is not None else [])
        if isinstance(listed, IndirectObject):
            self._late[listed.idnum] = fields
        else:
            acroform[NameObject("/Fields")] = fields
        root = self._reference(prepared.pages_root)
        media = ArrayObject(
            [FloatObject(0), FloatObject(0), FloatObject(width), FloatObject(height)]
        )
        pages: list[tuple[IndirectObject, ArrayObject]] = []
        for content in contents:
            stream = self._stream(b"", content)
            annotations = ArrayObject()
            page = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Page"),
                    NameObject("/Parent"): root,
                    NameObject("/MediaBox"): media,
                    NameObject("/Resources"): self._reference(prepared.resources),
                    NameObject("/Contents"): stream,
                    NameObject("/Annots"): annotations,
                }
            )
            reference = self._allocate()
            self._late[reference.idnum] = page
            pages.append((reference, annotations))
        tree[NameObject("/Kids")] = ArrayObject(
            [*tree.get("/Kids", ArrayObject()), *(reference for reference, _ in pages)]
        )
        tree[NameObject("/Count")] = NumberObject(int(tree.get("/Count", 0)) + len(pages))
        self._late[prepared.pages_root] = tree
        self._late[prepared.acroform] = acroform
        added: list[tuple[FormField, DictionaryObject, str]] = []
        for box in boxes:
            node = field_node(box)
            page_reference, annotations = pages[box.page]
            node[NameObject("/P")] = page_reference
            reference = self._allocate()
            node.indirect_reference = reference
            self._late[reference.idnum] = node
            annotations.append(reference)
            fields.append(reference)
            added.append((FormField(box.name, node, [node]), node, box.text))
        return added

    def _changed(self) -> Iterator[tuple[int, bytes]]:
        """The dictionaries the record wrote something new into, serialised: the entries
        it never writes as kept from the template, the written ones as they are now."""
        fixed = self.prepared.fixed
        for original, copied in self._copies.values():
            reference = original.indirect_reference
            if reference is None or not copied.written:
                continue
            if len(copied) == len(original) and all(
                copied.get(key) == original.get(key) for key in _WRITTEN
            ):
                continue
            number = reference.idnum
            out = io.BytesIO()
            if not set(copied).issubset({*original, *_WRITTEN}):
                out.write(b"%d 0 obj\n" % number)
                copied.write_to_stream(out)
                out.write(b"\nendobj\n")
                yield number, out.getvalue()
                continue
            kept = fixed.get(number)
            if kept is None:
                kept = fixed[number] = _entries(original, skip=_WRITTEN)
            out.write(b"%d 0 obj\n<<\n" % number)
            out.write(kept)
            for key in _WRITTEN:
                value = copied.get(key)
                if value is None:
                    continue
                out.write(_KEYS[key])
                if isinstance(value, TextStringObject):
                    out.write(text_string(value))
                else:
                    value.write_to_stream(out)
                out.write(b"\n")
            out.write(b">>\nendobj\n")
            yield number, out.getvalue()

    def write(self) -> bytes:
        """The whole document: the base's objects as they are, the changed dictionaries in
        their place, the new objects after them, a fresh xref and trailer."""
        prepared = self.prepared
        changed = dict(self._changed())
        for number, item in self._late.items():
            out = io.BytesIO()
            out.write(b"%d 0 obj\n" % number)
            item.write_to_stream(out)
            out.write(b"\nendobj\n")
            changed[number] = out.getvalue()
        new = {number: chunk for number, chunk in changed.items() if number >= prepared.size}
        new.update(self._streams)
        parts = [prepared.header]
        position = len(prepared.header)
        offsets: dict[int, int] = {}
        objects = prepared.objects
        for number, chunk in objects.items():
            if number in changed:
                chunk = changed[number]
            offsets[number] = position
            parts.append(chunk)
            position += len(chunk)
        for number in sorted(new):
            offsets[number] = position
            parts.append(new[number])
            position += len(new[number])
        size = self._next
        get = offsets.get
        table = [b"xref\n0 %d\n0000000000 65535 f \n" % size]
        table.extend(
            b"%010d 00000 n \n" % offset if (offset := get(number)) is not None else _FREE
            for number in range(1, size)
        )
        parts.append(b"".join(table))
        parts.append(
            b"trailer\n<< /Size %d%s >>\nstartxref\n%d\n%%%%EOF\n"
            % (size, prepared.trailer, position)
        )
        return b"".join(parts)


class _Fields(Mapping[str, FormField]):
    """A record's fields by full name: a field's dictionaries are copied for the record when
    it is first looked up (a record writes into a fraction of a form's fields)."""

    def __init__(self, record: RecordCopy) -> None:
        self._record = record
        self._fields = record.prepared.by_name
        self._made: dict[str, FormField] = {}

    def __getitem__(self, name: str) -> FormField:
        made = self._made.get(name)
        if made is None:
            node, widgets = self._fields[name]
            copy = self._record._copy
            made = self._made[name] = FormField(name, copy(node), [copy(w) for w in widgets])
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __contains__(self, name: object) -> bool:
        return name in self._fields


def _entries(dictionary: DictionaryObject, skip: tuple[str, ...]) -> bytes:
    """A dictionary's entries but ``skip`` as pypdf writes them (``/Key value`` lines)."""
    out = io.BytesIO()
    for key, value in dictionary.items():
        if key in skip:
            continue
        NameObject(key).write_to_stream(out)
        out.write(b" ")
        value.write_to_stream(out)
        out.write(b"\n")
    return out.getvalue()


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
