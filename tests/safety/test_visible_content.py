"""What is read is what the form shows, or the report says otherwise (issue 19, cause 10):
a hidden duplicate control, a value stored as a stream, an update that changed only the
stored value."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from pepdocs import api
from pepdocs.mapping import resolve_form
from pepdocs.safety.pdf import inspect_pdf
from pepdocs.samples import generate_peps

from . import corpus


def _with_hidden_copy_first(data: bytes, tag: str, text: str) -> bytes:
    """``data`` (a filled Word form) with a copy of control ``tag``, holding ``text`` in
    runs formatted as hidden (``w:vanish``), placed before the visible one."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = members["word/document.xml"].decode()
    at = xml.index(f'w:val="{tag}"')
    start, end = xml.rfind("<w:sdt>", 0, at), xml.index("</w:sdt>", at) + len("</w:sdt>")
    hidden = re.sub(r"<w:t(?: [^>]*)?>[^<]*</w:t>", f"<w:t>{text}</w:t>", xml[start:end], count=1)
    hidden = re.sub(r"<w:r>(?!<w:rPr>)", "<w:r><w:rPr><w:vanish/></w:rPr>", hidden)
    hidden = hidden.replace("<w:rPr>", "<w:rPr><w:vanish/>").replace(
        "<w:rPr><w:vanish/><w:vanish/>", "<w:rPr><w:vanish/>"
    )
    members["word/document.xml"] = (xml[:start] + hidden + xml[start:]).encode()
    return corpus._zip(members)


def test_a_hidden_duplicate_control_before_the_visible_one_does_not_win() -> None:
    form = resolve_form("eastborough", phase="school_age")
    pep = next(generate_peps(1, seed=11, authority="eastborough", phase="school_age"))
    data = _with_hidden_copy_first(api.fill(pep, form), "child_first_name", "Mallory")
    extraction = api.extract(data, form)
    assert extraction.pep["child"]["first_name"] == pep["child"]["first_name"]
    notes = [
        note
        for field in extraction.report.to_dict()["fields"]
        if field["path"] == "child.first_name"
        for note in field["notes"]
    ]
    assert any("hidden copy" in note and "different value" in note for note in notes), notes
    assert "Mallory" not in str(extraction.report.to_dict())


@pytest.mark.slow
def test_a_value_stored_as_a_stream_is_read_as_its_text_and_noted() -> None:
    extraction = api.extract(
        corpus.pdf_value_stream("Zephyrine", "ChildForename"), resolve_form("ridgeford")
    )
    assert extraction.pep["child"]["first_name"] == "Zephyrine"
    assert any("stored as a stream" in note for note in extraction.report.notes)


@pytest.mark.slow
def test_an_update_that_changed_only_the_stored_value_is_noted() -> None:
    data = corpus.pdf_updated_value("Zephyrine", "Mallory", "ChildForename")
    assert inspect_pdf(data, "u.pdf").fields["ChildForename"].shown_differs
    extraction = api.extract(data, resolve_form("ridgeford"))
    notes = [note for note in extraction.report.notes if "page shows something else" in note]
    assert notes and "ChildForename" in notes[0]
    assert "Mallory" not in notes[0] and "Zephyrine" not in notes[0]


def test_an_update_that_kept_value_and_appearance_together_is_not_noted() -> None:
    data = corpus.pdf_updated_value("Zephyrine", "Zephyrine", "ChildForename")
    assert not inspect_pdf(data, "u.pdf").fields["ChildForename"].shown_differs


def test_page_text_of_400_pages_sharing_one_7_mb_stream_is_refused_in_the_worker() -> None:

    from pepdocs import UnsafeDocumentError
    from pepdocs.safety.pdf import page_texts

    try:
        page_texts(corpus.pdf_shared_content(), "shared.pdf")
    except UnsafeDocumentError as refused:
        assert "MB of page content" in str(refused)
    else:
        raise AssertionError("the shared content stream was parsed")
