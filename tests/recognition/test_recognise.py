"""Detection recognises every shipped form from a filled document and says so; a form of an
unknown authority is read with a mapping inferred on the spot, marked low confidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from legacy.forms import heading, label_table, spacer, write_form

from pepdocs import api
from pepdocs.errors import DocumentError, PepdocsError
from pepdocs.mapping import list_authorities, load_form
from pepdocs.recognition import INFERRED_CONFIDENCE, detect_form
from pepdocs.samples import generate_peps

SHIPPED = [(a.name, s.form, s.source) for a in list_authorities() for s in a.forms]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("authority", "phase", "source"), SHIPPED, ids=[f"{a}-{p}" for a, p, _ in SHIPPED]
)
def test_each_shipped_form_is_recognised_from_a_filled_document(
    authority: str, phase: str, source: Path
) -> None:
    form = load_form(source)
    pep = next(generate_peps(1, seed=11, phase=phase))
    document = api.fill(pep, form)
    detection = detect_form(document, "filled")
    assert detection.form is not None
    assert (detection.form.authority, detection.form.form) == (authority, phase)
    if form.kind == "docx":
        extraction = api.extract(document, name="filled")
        report = extraction.report
        assert (report.authority, report.form, report.detected) == (authority, phase, True)
        assert report.notes[0].startswith(f"form recognised from the document: {authority}/{phase}")
        assert extraction.pep["child"]["first_name"] == pep["child"]["first_name"]


def test_an_unknown_authoritys_form_is_read_by_inference_with_low_confidence(
    tmp_path: Path,
) -> None:
    write_form(
        tmp_path / "coldwater.docx",
        heading("Child details"),
        label_table(["Forename(s)", "Surname", "D.O.B.", "UPN"]),
        spacer(),
        title="Coldwater Virtual School",
    )
    mapping = tmp_path / "coldwater.yaml"
    mapping.write_text(
        "authority: coldwater\nform: school_age\nkind: docx\ntemplate: coldwater.docx\nfields:\n"
        '  - {path: child.first_name, at: {label: "Forename(s)"}}\n'
        '  - {path: child.last_name, at: {label: "Surname"}}\n'
        '  - {path: child.date_of_birth, at: {label: "D.O.B."}, format: "%d %B %Y"}\n'
        '  - {path: child.upn, at: {label: "UPN"}}\n',
        encoding="utf-8",
    )
    pep = next(generate_peps(1, seed=3, phase="school_age"))
    document = api.fill(pep, mapping)

    assert detect_form(document, "coldwater.docx").form is None
    extraction = api.extract(document, name="coldwater.docx")
    report = extraction.report
    assert report.authority == "unrecognised"
    assert report.detected is True
    assert report.confidence <= INFERRED_CONFIDENCE
    assert report.notes[0].startswith("low confidence: no known form matched")
    child = extraction.pep["child"]
    assert child["first_name"] == pep["child"]["first_name"]
    assert child["date_of_birth"] == pep["child"]["date_of_birth"]
    assert child["upn"] == pep["child"]["upn"]
    assert "authority" not in extraction.pep["meta"]


def test_a_damaged_document_fails_with_its_own_reason_not_as_unrecognised() -> None:
    pep = next(generate_peps(1, seed=5, phase="school_age"))
    document = api.fill(pep, "westmere")
    with pytest.raises(DocumentError, match="damaged or cut short"):
        api.extract(document[: len(document) // 2], name="cut.docx")
    with pytest.raises(DocumentError, match="is not a form"):
        api.extract(b"Name: Ava\nDate of birth: 03/09/2015\n", name="notes.docx")


def test_a_document_with_nothing_of_a_pep_is_not_recognised(tmp_path: Path) -> None:
    from legacy.forms import docxkit

    letter = write_form(
        tmp_path / "letter.docx",
        docxkit().para("Dear parent, the school trip is on Friday."),
        title="Fellside Academy",
    )
    with pytest.raises(PepdocsError, match=r"letter\.docx: could not recognise the form; pass"):
        api.extract(letter)


def test_a_form_whose_every_label_is_doubtful_is_read_not_refused() -> None:
    from formats.word.docxbuild import make_docx, p, tbl, tc, tr

    from pepdocs.inference import (
        DRAFT_MIN_CONFIDENCE,
        EXTRACT_MIN_CONFIDENCE,
        infer_mapping_from_bytes,
    )

    form = make_docx(tbl(tr(tc(p("Dat of brith")), tc(p("03/09/2015")))))
    entries = infer_mapping_from_bytes(form, "form.docx").entries
    assert all(DRAFT_MIN_CONFIDENCE <= e.confidence < EXTRACT_MIN_CONFIDENCE for e in entries)
    extraction = api.extract(form, name="form.docx")
    assert extraction.pep["child"]["date_of_birth"] == "2015-09-03"
    assert "check every value" in extraction.report.notes[0]
