"""A stand-in form engine for tests of the layers above the engines (api, cli).

It stores each field's form value as JSON in a zip that also holds an empty
``word/document.xml`` (so the bytes sniff, and open safely, as a Word file) and reads back
whatever a test puts there, which isolates what ``pepdocs.api`` does from any real engine.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence
from typing import Any

from pepdocs.formats.base import DocumentReading, Reading
from pepdocs.mapping.spec import FieldSpec, FillNote, FormSpec, FormValue

STORE = "pepdocs-test/values.json"
EMPTY_DOCUMENT = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body/></w:document>"
)


class FakeEngine:
    """Stores ``{field index: form value}`` in a zip; reads back per-field entries."""

    def __init__(self) -> None:
        self.filled: list[tuple[FieldSpec, FormValue]] = []

    def fill(
        self,
        form: FormSpec,
        values: Sequence[tuple[FieldSpec, FormValue]],
        *,
        notes: list[FillNote] | None = None,
    ) -> bytes:
        self.filled = list(values)
        index = {id(spec): number for number, spec in enumerate(form.fields)}
        entries = {
            str(index[id(spec)]): {"status": "empty" if value is None else "found", "raw": value}
            for spec, value in values
        }
        return document(form.authority, entries)

    def read(self, form: FormSpec, data: bytes, name: str) -> DocumentReading:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            stored = json.loads(package.read(STORE))
        readings: dict[int, Reading] = {}
        for number, spec in enumerate(form.fields):
            entry = stored["fields"].get(str(number))
            if entry is None or stored["authority"] != form.authority:
                readings[number] = Reading("missing")
                continue
            anchor = spec.anchors[entry.get("anchor", 0)]
            readings[number] = Reading(
                entry["status"], entry.get("raw"), f"{anchor.describe()}", anchor
            )
        return DocumentReading(readings, unmapped=stored.get("unmapped", []))


def document(authority: str, entries: dict[str, Any], unmapped: Sequence[str] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        content = {"authority": authority, "fields": entries, "unmapped": list(unmapped)}
        package.writestr("word/document.xml", EMPTY_DOCUMENT)
        package.writestr(STORE, json.dumps(content))
    return buffer.getvalue()
