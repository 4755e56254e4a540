"""Fuzzing the second round's defences (issue 19): the bounded unpacker on every compression
method, the sheet measure, link cutting, redaction and the template budget. Whatever the
input, only a ``PepdocsError`` escapes, each call ends within seconds, and what must hold
holds (no real name survives redaction; a cut copy links nowhere).

Derandomized and modest for CI; ``PEPDOCS_FUZZ=deep`` runs many more examples."""

from __future__ import annotations

import functools
import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pepdocs.errors import PepdocsError
from pepdocs.safety import sandboxed_environment, template_errors
from pepdocs.safety.links import without_external_links
from pepdocs.safety.package import open_package, sheet_extent
from pepdocs.safety.redact import redact_pep

from . import corpus
from .test_fuzz_extract import _settings

METHODS = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]


@functools.cache
def _form_with(method: int) -> bytes:
    """The small Word form with every member compressed by ``method``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=method) as archive:
        for name, data in corpus._members(corpus.small_form()).items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("method", METHODS)
@_settings(40)
@given(data=st.data())
def test_damaged_members_of_any_method_fail_only_as_pepdocs_errors(
    method: int, data: st.DataObject
) -> None:
    original = bytearray(_form_with(method))
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    try:
        package = open_package(bytes(original), "fuzz.docx", "docx")
        for name in package.names():
            package.read(name)
    except PepdocsError:
        pass


@_settings(100)
@given(st.binary(max_size=4096) | st.text(max_size=2048).map(str.encode))
def test_the_sheet_measure_never_fails_on_any_bytes(xml: bytes) -> None:
    extent = sheet_extent(b"<worksheet><sheetData>" + xml + b"</sheetData></worksheet>")
    assert min(extent.cells, extent.rows, extent.last_row, extent.last_column) >= 0


_LINKS = st.sampled_from(
    ["http://127.0.0.1:9/x.png", "file:///etc/passwd", "\\\\server\\share\\x.png", "../x.png"]
)


@pytest.mark.slow
@_settings(20)
@given(st.lists(_LINKS, min_size=1, max_size=3))
def test_a_cut_copy_links_nowhere_whatever_it_linked_to(targets: list[str]) -> None:
    cut = without_external_links(corpus.linked_images_docx(*targets), "fuzz.docx", "docx")
    text = b"".join(corpus._members(cut).values())
    assert b'TargetMode="External"' not in text
    assert not [target for target in targets if target.encode() in text]


_NAME_NOISE = st.sampled_from(
    ["ZEPHYRINE", "zephyrine", "Zéphyrine", "Zephyrine’s", "QUILLFEATHER", "quill-feather"]
)


@_settings(60)
@given(
    st.lists(_NAME_NOISE | st.text(alphabet=st.characters(codec="utf-8"), max_size=40), max_size=12)
)
def test_no_spelling_of_the_childs_name_survives_redaction(pieces: list[str]) -> None:
    pep = corpus.distinctive_pep()
    pep["views"]["child"] = " ".join(pieces)
    view = redact_pep(pep, "fuzz")["views"]["child"]
    for piece in pieces:
        if piece in ("ZEPHYRINE", "zephyrine", "Zéphyrine", "Zephyrine’s", "QUILLFEATHER"):
            assert piece.rstrip("’s") not in view


_TEMPLATE_PIECES = st.sampled_from(
    [
        "{% for i in range(99999) %}", "{% endfor %}", "{{ 'x' * 999 }}", "{{ i }}",
        "{{ 'a'|center(99999) }}", "{{ '%9999d' % 1 }}", "{{ lipsum(9) }}",
        "{% macro m(n) %}{{ m(n) }}{% endmacro %}", "{{ m(1) }}", "text",
        "{{ ''.__class__ }}", "{{ '{:>99}'.format(1) }}",
    ]
)  # fmt: skip


@pytest.mark.slow
@_settings(60)
@given(st.lists(_TEMPLATE_PIECES, max_size=8))
def test_any_template_made_of_hostile_pieces_renders_or_is_refused_in_time(
    pieces: list[str],
) -> None:
    try:
        with template_errors("fuzz.docx"):
            sandboxed_environment().from_string("".join(pieces)).render()
    except PepdocsError:
        pass
