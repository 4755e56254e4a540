"""Fuzzing ``pepdocs.api.extract`` with damaged versions of real filled forms: whatever the
bytes, nothing but a ``PepdocsError`` ever escapes, and every call ends within seconds.

Three kinds of damage, each from hypothesis so a failure shrinks to a small reproducer:
bytes of the whole file (what a broken email attachment looks like), bytes of the main XML
part re-zipped (gets past the zip layer to the XML parser), and structural edits of the
parsed XML (well-formed but strange documents: moved, copied and deleted elements, junk
attribute values and texts) that reach the engines' reading logic.

Runs derandomized with a modest number of examples so CI is repeatable and quick; set
``PEPDOCS_FUZZ=deep`` to run many more random examples locally.
"""

from __future__ import annotations

import copy
import functools
import io
import os
import zipfile
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from pepdocs import api
from pepdocs.errors import PepdocsError
from pepdocs.mapping.registry import resolve_form
from pepdocs.mapping.spec import FormSpec

from . import corpus

# Hypothesis pushes many damaged forms through extract.
pytestmark = pytest.mark.slow

DEADLINE_SECONDS = 20.0
_DEEP = os.environ.get("PEPDOCS_FUZZ") == "deep"


def _settings(examples: int) -> Any:
    return settings(
        max_examples=examples * 20 if _DEEP else examples,
        deadline=None,  # our own per-call bound below; hypothesis' would flake on a busy CI
        derandomize=not _DEEP,
        database=None,  # no .hypothesis folder in the shared working tree
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


#: (authority, kind, main part) of the shipped forms the fuzzing starts from
FORMS = [
    ("eastborough", "docx", "word/document.xml"),
    ("northshire", "docx", "word/document.xml"),
    ("westmere", "docx", "word/document.xml"),
    ("southvale", "xlsx", "xl/worksheets/sheet1.xml"),
    ("ridgeford", "pdf", ""),
]


@functools.cache
def _form(authority: str) -> FormSpec:
    return resolve_form(authority, form="school_age")


@functools.cache
def _filled(authority: str) -> bytes:
    pep = corpus.distinctive_pep()
    pep["meta"]["authority"] = authority
    return api.fill(pep, _form(authority))


def _extract_or_refuse(data: bytes, authority: str | None) -> None:
    """The property: a result or a PepdocsError, within the deadline."""
    try:
        result = api.extract(data, _form(authority) if authority else None, name="fuzzed")
    except PepdocsError as error:
        assert str(error).strip(), "an error must say something"
        assert "\n" not in str(error)
    else:
        assert isinstance(result.pep, dict)


# -- mutations -----------------------------------------------------------------------------------

_BYTE_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "insert", "duplicate", "truncate"]),
        st.floats(min_value=0.0, max_value=1.0),
        st.binary(min_size=1, max_size=16),
    ),
    min_size=1,
    max_size=6,
)

#: fragments that mean something to a Word, Excel or XML reader
_XML_TOKENS = [
    b"<w:tbl>", b"</w:tbl>", b"<w:tr>", b"</w:tc>", b"<w:sdt>", b"</w:sdtContent>",
    b'<w:gridSpan w:val="4294967296"/>', b'<w:vMerge w:val="restart"/>', b"&#1;", b"\x00",
    b'<w:fldChar w:fldCharType="begin"/>', b'<w:fldChar w:fldCharType="end"/>',
    b"<w:instrText>FORMCHECKBOX</w:instrText>", b'<w:result w:val="99"/>', b"<w:checked/>",
    b'<w:date w:fullDate="9999-99-99T00:00:00Z"/>', b"<![CDATA[", b"]]>", b"\xff\xfe",
    b"<!DOCTYPE x>", b"<w:t>", b"</w:t>", b'<c r="ZZZ99999999"><v>1</v></c>', b"<f>1/0</f>",
    b"\xe2\x98\x92", b"{{ f.x }}",
]  # fmt: skip

_XML_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "insert", "duplicate", "flip"]),
        st.floats(min_value=0.0, max_value=1.0),
        st.sampled_from(_XML_TOKENS),
    ),
    min_size=1,
    max_size=4,
)

_JUNK_VALUES = [
    "", "-1", "0", "99999999999999999999", "true", "abc", "☒", "[x]", "31/02/2025", "  ",
    "x" * 10_000, "{{ f.child_first_name }}", "=1+1", "Zephyrine\tQuillfeather",
]  # fmt: skip

_TREE_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "duplicate", "reparent", "attribute", "text"]),
        st.floats(min_value=0.0, max_value=1.0),
        st.floats(min_value=0.0, max_value=1.0),
        st.sampled_from(_JUNK_VALUES),
    ),
    min_size=1,
    max_size=8,
)


def _edit_bytes(data: bytes, edits: list[tuple[str, float, bytes]]) -> bytes:
    buffer = bytearray(data)
    for operation, where, payload in edits:
        position = min(int(where * len(buffer)), max(len(buffer) - 1, 0))
        if operation == "flip" and buffer:
            buffer[position] ^= payload[0] or 0xFF
        elif operation == "delete":
            del buffer[position : position + len(payload) * 16]
        elif operation == "insert":
            buffer[position:position] = payload
        elif operation == "duplicate":
            buffer[position:position] = buffer[position : position + len(payload) * 64]
        elif operation == "truncate":
            del buffer[position:]
    return bytes(buffer)


def _replace_part(package: bytes, part: str, data: bytes) -> bytes:
    members = corpus._members(package)
    members[part] = data
    return corpus._zip(members)


def _edit_tree(xml: bytes, edits: list[tuple[str, float, float, str]]) -> bytes:
    root = etree.fromstring(xml)
    for operation, first, second, value in edits:
        elements = list(root.iter())
        element = elements[min(int(first * len(elements)), len(elements) - 1)]
        other = elements[min(int(second * len(elements)), len(elements) - 1)]
        parent = element.getparent()
        if operation == "delete" and parent is not None:
            parent.remove(element)
        elif operation == "duplicate" and parent is not None:
            parent.insert(parent.index(element), copy.deepcopy(element))
        elif operation == "reparent" and parent is not None:
            if element not in set(other.iterancestors()) and other is not element:
                other.append(element)
        elif operation == "attribute" and element.attrib:
            name = sorted(element.attrib)[
                min(int(second * len(element.attrib)), len(element.attrib) - 1)
            ]
            element.set(name, value)
        elif operation == "text" and not isinstance(element, etree._Comment):
            element.text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- the properties ------------------------------------------------------------------------------


@pytest.mark.parametrize(("authority", "kind", "part"), FORMS, ids=[form[0] for form in FORMS])
def test_damaged_bytes_of_a_filled_form_never_crash_extract(
    authority: str, kind: str, part: str
) -> None:
    original = _filled(authority)

    @_settings(8 if kind == "pdf" else 25)
    @given(edits=_BYTE_EDITS)
    def check(edits: list[tuple[str, float, bytes]]) -> None:
        _extract_or_refuse(_edit_bytes(original, edits), authority)

    check()


@pytest.mark.parametrize(
    ("authority", "kind", "part"),
    [form for form in FORMS if form[2]],
    ids=[form[0] for form in FORMS if form[2]],
)
def test_damaged_xml_inside_a_filled_form_never_crashes_extract(
    authority: str, kind: str, part: str
) -> None:
    original = _filled(authority)
    xml = corpus._members(original)[part]

    @_settings(30)
    @given(edits=_XML_EDITS)
    def check(edits: list[tuple[str, float, bytes]]) -> None:
        damaged = bytearray(xml)
        for operation, where, token in edits:
            position = int(where * len(damaged))
            if operation == "insert":
                damaged[position:position] = token
            elif operation == "delete":
                del damaged[position : position + len(token)]
            elif operation == "duplicate":
                damaged[position:position] = damaged[position : position + 200]
            elif operation == "flip" and position < len(damaged):
                damaged[position] ^= token[0]
        _extract_or_refuse(_replace_part(original, part, bytes(damaged)), authority)

    check()


@pytest.mark.parametrize(
    ("authority", "kind", "part"),
    [form for form in FORMS if form[2]],
    ids=[form[0] for form in FORMS if form[2]],
)
def test_strange_but_well_formed_xml_never_crashes_extract(
    authority: str, kind: str, part: str
) -> None:
    original = _filled(authority)
    xml = corpus._members(original)[part]

    @_settings(30)
    @given(edits=_TREE_EDITS)
    def check(edits: list[tuple[str, float, float, str]]) -> None:
        _extract_or_refuse(_replace_part(original, part, _edit_tree(xml, edits)), authority)

    check()


def test_damaged_forms_never_crash_form_detection() -> None:
    original = _filled("eastborough")
    xml = corpus._members(original)["word/document.xml"]

    @_settings(10)
    @given(edits=_TREE_EDITS)
    def check(edits: list[tuple[str, float, float, str]]) -> None:
        damaged = _replace_part(original, "word/document.xml", _edit_tree(xml, edits))
        _extract_or_refuse(damaged, None)

    check()


def test_the_starting_forms_are_read_whole() -> None:
    """The fuzzing starts from forms that extract cleanly (else it proves nothing)."""
    for authority, _, _ in FORMS:
        result = api.extract(_filled(authority), _form(authority), name=authority)
        assert result.pep["child"]["first_name"] == "Zephyrine"
    with zipfile.ZipFile(io.BytesIO(_filled("eastborough"))) as package:
        assert "word/document.xml" in package.namelist()
