"""The library verbs against a small hand-written mapping and a stand-in engine.

The stand-in engine keeps each field's form value in a zip (so the document sniffs as a Word
file) and reads back whatever a test puts there: that isolates what ``pepdocs.api`` does
(transforms, repeating sections, validation, the report) from any real engine. The Word
engine's own behaviour is tested under tests/formats/word and by the round-trip tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_engine import FakeEngine, document

from pepdocs import api, binding
from pepdocs.binding import assemble
from pepdocs.errors import (
    ComponentMissingError,
    DocumentError,
    OutputExistsError,
    PepdocsError,
    PepValidationError,
    UnplacedValuesError,
    UsageError,
)
from pepdocs.formats import ENGINES
from pepdocs.mapping.loader import load_mapping
from pepdocs.mapping.registry import list_authorities, load_form, resolve_form
from pepdocs.mapping.spec import FormSpec, FormValue
from pepdocs.model import load_pep
from pepdocs.model.paths import get_path
from pepdocs.report import Unplaced
from pepdocs.samples import generate_peps

MAPPING = """\
authority: testshire
name: Testshire Virtual School
form: school_age
version: "2025-09"
kind: docx
template: testshire.docx
fields:
  - path: [child.first_name, child.last_name]
    at: {control: child_name}
    also: {label: "Child's name"}
    pattern: "{{last_name}}, {{first_name}}"
  - path: child.upn
    at: {control: upn}
    also: {label: UPN}
  - path: child.date_of_birth
    at: {label: "Date of birth"}
    type: date
  - path: care.legal_status
    at: {label: "Legal status"}
    type: choice
    values: {C2: "Full Care Order", V2: "Section 20"}
  - path: education.attendance.percent
    at: {label: "Attendance"}
  - path: meta.meeting_date
    at: {label: "Date of meeting"}
    type: date
  - path: views.child
    at: {heading: "Child's views"}
  - path: targets
    at: {table: {header: [Ref, Target, Lead, By when]}}
    columns:
      - {path: id, header: Ref}
      - {path: description, header: Target}
      - {path: lead, header: Lead}
      - {path: due_date, header: By when, type: date}
"""

OTHER_MAPPING = """\
authority: otherton
name: Otherton Virtual School
form: school_age
version: "2025-09"
kind: docx
template: otherton.docx
fields:
  - path: child.first_name
    at: {label: "First name"}
  - path: child.last_name
    at: {label: "Surname"}
  - path: child.upn
    at: {label: UPN}
  - path: targets
    at: {table: {header: [Target, By when]}}
    columns:
      - {path: description, header: Target}
      - {path: due_date, header: By when, type: date}
"""


ATTENDEES_MAPPING = """\
authority: boxes
form: school_age
kind: docx
template: boxes.docx
fields:
  - path: attendees
    at: {table: {header: [Name, Invited, Attended]}}
    columns:
      - {path: name, header: Name}
      - {path: invited, header: Invited, type: bool}
      - {path: attended, header: Attended, type: bool}
"""


def _pep(**sections: Any) -> dict[str, Any]:
    pep: dict[str, Any] = {
        "meta": {"phase": "school_age", "academic_year": "2025-26", "meeting_date": "2025-10-08"},
        "child": {
            "first_name": "Aisha",
            "last_name": "O'Neill",
            "upn": "B801200005001",
            "date_of_birth": "2014-03-02",
        },
        "care": {"legal_status": "C2"},
        "education": {"attendance": {"percent": 94.5}},
        "views": {"child": "I like art & maths.\nI want to join the choir."},
        "targets": [
            {"description": "Read 20 minutes a day", "lead": "Ms Patel", "due_date": "2025-12-12"},
            {"description": "Attend every Monday", "due_date": "2026-02-13"},
        ],
    }
    pep.update(sections)
    return pep


@pytest.fixture
def engine() -> Iterator[FakeEngine]:
    """The stand-in serves Word forms (every test mapping here is one) for one test."""
    fake = FakeEngine()
    with ENGINES.using("docx", fake):
        yield fake


def _load(tmp_path: Path, text: str, name: str) -> FormSpec:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_mapping(path, require_template=False)


@pytest.fixture
def form(tmp_path: Path) -> FormSpec:
    return _load(tmp_path, MAPPING, "testshire.yaml")


@pytest.fixture
def other_form(tmp_path: Path) -> FormSpec:
    return _load(tmp_path, OTHER_MAPPING, "otherton.yaml")


def _index(form: FormSpec, path: str) -> str:
    return str(next(n for n, spec in enumerate(form.fields) if spec.path == path))


def _values(engine: FakeEngine) -> dict[str, FormValue]:
    return {spec.path: value for spec, value in engine.filled}


# -- fill ---------------------------------------------------------------------------------------


def test_fill_turns_model_values_into_form_values(engine: FakeEngine, form: FormSpec) -> None:
    api.fill(_pep(), form)
    values = _values(engine)
    assert values["child.first_name+child.last_name"] == "O'Neill, Aisha"
    assert values["child.date_of_birth"] == "02/03/2014"
    assert values["care.legal_status"] == "Full Care Order"
    assert values["education.attendance.percent"] == "94.5%"
    assert values["views.child"] == "I like art & maths.\nI want to join the choir."
    assert values["targets"] == [
        {"Ref": "", "Target": "Read 20 minutes a day", "Lead": "Ms Patel", "By when": "12/12/2025"},
        {"Ref": "", "Target": "Attend every Monday", "Lead": "", "By when": "13/02/2026"},
    ]


def test_fill_leaves_blanks_for_missing_values_and_writes_empty_lists(
    engine: FakeEngine, form: FormSpec
) -> None:
    pep = _pep(targets=[])
    del pep["care"]
    del pep["views"]
    api.fill(pep, form)
    values = _values(engine)
    assert values["care.legal_status"] is None
    assert values["views.child"] is None
    assert values["targets"] == []


def test_fill_refuses_an_invalid_pep_naming_the_path(engine: FakeEngine, form: FormSpec) -> None:
    pep = _pep()
    pep["child"]["upn"] = "A801200005001"  # wrong check letter
    with pytest.raises(PepValidationError, match=r"child\.upn"):
        api.fill(pep, form)
    assert engine.filled == []


def test_fill_says_which_field_has_no_place_on_the_form(engine: FakeEngine, form: FormSpec) -> None:
    pep = _pep(care={"legal_status": "E1"})  # a real code the form's list lacks
    document, report = api.fill_with_report(pep, form)
    assert document
    refused = [item for item in report.unplaced if item.path == "care.legal_status"]
    assert len(refused) == 1 and refused[0].reason
    assert "E1" not in str(refused[0]) and "E1" not in " ".join(report.lines())
    # the field was left blank: the engine was given no value for it
    assert dict((spec.path, value) for spec, value in engine.filled)["care.legal_status"] is None
    with pytest.raises(UnplacedValuesError, match=r"no place for .*care\.legal_status") as raised:
        api.fill(pep, form, strict=True)
    assert "E1" not in str(raised.value)


def test_fill_with_report_lists_what_the_form_has_no_box_for(
    engine: FakeEngine, form: FormSpec
) -> None:
    pep = _pep()
    pep["linked_plans"] = [{"type": "EHCP"}, {"type": "PSP"}]
    _, report = api.fill_with_report(pep, form)
    assert Unplaced("linked_plans.*.type", 2) in report.unplaced
    assert "no place on the form: linked_plans: type (2 values)" in report.lines()
    assert not report.complete


def test_fill_refuses_a_form_that_does_not_match_the_mapping(
    engine: FakeEngine, form: FormSpec
) -> None:
    with pytest.raises(UsageError, match="is the school_age form, not post16"):
        api.fill(_pep(), form, form="post16")


def test_fill_file_writes_once_and_never_overwrites(
    engine: FakeEngine, form: FormSpec, tmp_path: Path
) -> None:
    source = tmp_path / "pep.json"
    source.write_text(json.dumps(_pep()), encoding="utf-8")
    target = tmp_path / "out" / "aisha.docx"
    assert api.fill_file(source, form, target).output == target
    first = target.read_bytes()
    with pytest.raises(OutputExistsError):
        api.fill_file(source, form, target)
    assert target.read_bytes() == first
    api.fill_file(source, form, target, force=True)
    assert [p.name for p in target.parent.iterdir()] == ["aisha.docx"]  # no temp files left


def _pep_file(tmp_path: Path) -> Path:
    source = tmp_path / "pep.json"
    source.write_text(json.dumps(_pep()), encoding="utf-8")
    return source


@pytest.mark.parametrize("name", ["aisha.xlsx", "aisha.pdf", "aisha.out", "aisha"])
def test_fill_file_refuses_an_output_named_for_another_kind_and_names_the_right_one(
    engine: FakeEngine, form: FormSpec, tmp_path: Path, name: str
) -> None:
    with pytest.raises(UsageError, match=r"must end in \.docx \(e\.g\. aisha\.docx\)"):
        api.fill_file(_pep_file(tmp_path), form, tmp_path / name)
    assert not (tmp_path / name).exists()
    api.fill_file(_pep_file(tmp_path), form, tmp_path / "AISHA.DOCX")  # case does not matter


def test_flatten_is_refused_for_a_form_that_is_not_a_pdf(
    engine: FakeEngine, form: FormSpec, tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match=r"--flatten is for PDF forms; a docx form"):
        api.fill(_pep(), form, flatten=True)
    with pytest.raises(UsageError, match=r"--flatten is for PDF forms"):
        api.fill_file(_pep_file(tmp_path), form, tmp_path / "aisha.docx", flatten=True)
    assert engine.filled == []
    assert not (tmp_path / "aisha.docx").exists()


RIDGEFORD = resolve_form("ridgeford", form="school_age")


def _ridgeford_pep_file(tmp_path: Path) -> tuple[dict[str, Any], Path]:
    pep = load_pep(next(generate_peps(1, seed=3, authority="ridgeford", phase="school_age")))
    source = tmp_path / "pep.json"
    source.write_text(json.dumps(pep), encoding="utf-8")
    return pep, source


@pytest.mark.slow
def test_a_flattened_pdf_form_has_no_fields_and_its_values_are_page_text(tmp_path: Path) -> None:
    from pypdf import PdfReader

    pep, source = _ridgeford_pep_file(tmp_path)
    written = api.fill_file(source, "ridgeford", tmp_path / "flat.pdf", flatten=True).output
    assert written is not None
    reader = PdfReader(written)
    assert not reader.get_fields()
    text = " ".join(page.extract_text() for page in reader.pages)
    assert pep["child"]["last_name"] in text and pep["child"]["upn"] in text


def test_pdf_copy_is_refused_for_a_pdf_form(tmp_path: Path) -> None:
    _, source = _ridgeford_pep_file(tmp_path)
    with pytest.raises(UsageError, match=r"--pdf is for Word and Excel forms"):
        api.fill_file(source, "ridgeford", tmp_path / "form.pdf", pdf=True)
    assert list(tmp_path.iterdir()) == [source]


def test_fill_file_with_pdf_writes_the_form_and_its_pdf_through_libreoffice(
    tmp_path: Path, libreoffice: Path
) -> None:
    from pypdf import PdfReader

    pep = load_pep(next(generate_peps(1, seed=4, authority="eastborough", phase="school_age")))
    source = tmp_path / "pep.json"
    source.write_text(json.dumps(pep), encoding="utf-8")
    report = api.fill_file(source, "eastborough", tmp_path / "out" / "child.docx", pdf=True)
    written, printed = report.output, tmp_path / "out" / "child.pdf"
    assert written is not None and report.pdf == printed
    assert written.is_file() and printed.is_file()
    text = " ".join(page.extract_text() for page in PdfReader(printed).pages)
    assert pep["child"]["upn"] in text
    with pytest.raises(OutputExistsError, match=r"child\.docx"):
        api.fill_file(source, "eastborough", written, pdf=True)
    api.fill_file(source, "eastborough", written, pdf=True, force=True)


def test_an_existing_pdf_copy_is_refused_before_anything_is_written(
    engine: FakeEngine, form: FormSpec, tmp_path: Path
) -> None:
    (tmp_path / "aisha.pdf").write_bytes(b"keep me")
    with pytest.raises(OutputExistsError, match=r"aisha\.pdf: already exists"):
        api.fill_file(_pep_file(tmp_path), form, tmp_path / "aisha.docx", pdf=True)
    assert not (tmp_path / "aisha.docx").exists()
    assert (tmp_path / "aisha.pdf").read_bytes() == b"keep me"


def test_without_libreoffice_the_form_is_kept_and_the_missing_pdf_is_one_line(
    engine: FakeEngine, form: FormSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pepdocs import office

    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    monkeypatch.setattr(office, "_KNOWN_LOCATIONS", ("/nonexistent/soffice",))
    target = tmp_path / "aisha.docx"
    with pytest.raises(ComponentMissingError) as raised:
        api.fill_file(_pep_file(tmp_path), form, target, pdf=True)
    message = str(raised.value)
    assert message.startswith(f"{target}: written, but no PDF copy: LibreOffice is needed")
    assert "apt-get install" in message and "\n" not in message
    assert target.is_file() and not (tmp_path / "aisha.pdf").exists()


# -- extract ------------------------------------------------------------------------------------


def test_extract_reads_back_what_fill_wrote(engine: FakeEngine, form: FormSpec) -> None:
    pep = load_pep(_pep())
    extraction = api.extract(api.fill(pep, form), form)
    assert binding.mapped_view(extraction.pep, form) == binding.mapped_view(pep, form)
    assert extraction.pep["meta"]["authority"] == "testshire"
    assert extraction.pep["meta"]["phase"] == "school_age"
    assert extraction.report.counts()["found"] == len(form.fields)
    assert extraction.report.summary() == (
        "found 8, empty 0, unparseable 0, invalid 0, missing 0; 0 unmapped entries"
    )


def _extract(form: FormSpec, entries: dict[str, Any], **kwargs: Any) -> api.Extraction:
    data = document("testshire", {_index(form, path): entry for path, entry in entries.items()})
    return api.extract(data, form, name="returned.docx", **kwargs)


def test_text_a_transform_cannot_read_is_unparseable_with_the_raw_text_in_the_report_only(
    engine: FakeEngine, form: FormSpec
) -> None:
    extraction = _extract(
        form,
        {
            "child.date_of_birth": {"status": "found", "raw": "31st Febtember"},
            "child.upn": {"status": "found", "raw": "B801200005001"},
        },
    )
    entry = extraction.report.field("child.date_of_birth")
    assert entry is not None and entry.status == "unparseable"
    assert entry.raw == "31st Febtember"
    assert "date_of_birth" not in extraction.pep["child"]
    assert extraction.pep["child"]["upn"] == "B801200005001"
    load_pep(extraction.pep)


def test_values_the_model_refuses_are_dropped_and_reported_invalid(
    engine: FakeEngine, form: FormSpec
) -> None:
    extraction = _extract(
        form,
        {
            "child.upn": {"status": "found", "raw": "A801200005001"},
            "child.date_of_birth": {"status": "found", "raw": "02/03/2014"},
        },
    )
    entry = extraction.report.field("child.upn")
    assert entry is not None and entry.status == "invalid"
    assert entry.notes and "A801200005001" not in " ".join(entry.notes)
    assert "upn" not in extraction.pep["child"]
    assert extraction.pep["child"]["date_of_birth"] == "2014-03-02"


def test_a_valid_extraction_is_validated_once(
    engine: FakeEngine, form: FormSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = api.fill(_pep(), form)
    calls: list[str] = []
    real_load = assemble.load_pep

    def counting_load(pep: Any, source: str | None = None) -> dict[str, Any]:
        calls.append("load_pep")
        return real_load(pep, source)

    def counting_validate(pep: Any) -> list[Any]:
        calls.append("validate_pep")
        return []

    # Extraction validates in the binding layer, where the PEP is assembled.
    monkeypatch.setattr(assemble, "load_pep", counting_load)
    monkeypatch.setattr(assemble, "validate_pep", counting_validate)
    extraction = api.extract(data, form)
    assert calls == ["load_pep"]
    assert extraction.pep["child"]["upn"] == "B801200005001"


def test_a_rule_between_fields_drops_the_value_it_names(engine: FakeEngine, form: FormSpec) -> None:
    extraction = _extract(
        form,
        {
            "meta.meeting_date": {"status": "found", "raw": "08/10/2025"},
            "child.date_of_birth": {"status": "found", "raw": "09/10/2025"},
        },
    )
    entry = extraction.report.field("child.date_of_birth")
    assert entry is not None and entry.status == "invalid"
    assert entry.notes == ["Must be before meta.meeting_date."]
    assert extraction.pep["meta"]["meeting_date"] == "2025-10-08"


def test_blank_table_rows_are_skipped_and_bad_cells_reported_by_item_path(
    engine: FakeEngine, form: FormSpec
) -> None:
    rows = [
        {"Target": "Read daily", "Lead": "Ms Patel", "By when": "12/12/2025"},
        {"Target": "", "Lead": " ", "By when": ""},
        {"Target": "Attend Mondays", "Lead": "", "By when": "soon"},
        {"Target": "", "Lead": "", "By when": ""},
    ]
    extraction = _extract(form, {"targets": {"status": "found", "raw": rows}})
    assert extraction.pep["targets"] == [
        {"description": "Read daily", "lead": "Ms Patel", "due_date": "2025-12-12"},
        {"description": "Attend Mondays"},
    ]
    bad = extraction.report.field("targets.1.due_date")
    assert bad is not None and bad.status == "unparseable" and bad.raw == "soon"
    assert "row 3" in bad.location
    table = extraction.report.field("targets")
    assert table is not None and table.status == "found"


def test_an_invalid_cell_leaves_its_item_and_says_so(engine: FakeEngine, form: FormSpec) -> None:
    rows = [
        {"Ref": "T1", "Target": "Read daily", "Lead": "", "By when": ""},
        {"Ref": "T1", "Target": "Swim", "Lead": "", "By when": "01/01/2026"},
    ]
    extraction = _extract(form, {"targets": {"status": "found", "raw": rows}})
    assert extraction.pep["targets"] == [
        {"id": "T1", "description": "Read daily"},
        {"description": "Swim", "due_date": "2026-01-01"},
    ]
    entry = extraction.report.field("targets.1.id")
    assert entry is not None and entry.status == "invalid"
    assert entry.notes and entry.notes[0].startswith("Duplicate target id")


def test_spare_rows_with_only_unticked_boxes_are_skipped(
    engine: FakeEngine, tmp_path: Path
) -> None:
    form = _load(tmp_path, ATTENDEES_MAPPING, "boxes.yaml")
    rows = [
        {"Name": "Ms Patel", "Invited": "\u2612", "Attended": "\u2610"},
        {"Name": "", "Invited": "\u2610", "Attended": "[ ]"},
        {"Name": "\u2610", "Invited": "", "Attended": ""},
    ]
    data = document("boxes", {"0": {"status": "found", "raw": rows}})
    extraction = api.extract(data, form)
    # The second row is a spare row; in the Name column a typed box is text.
    assert extraction.pep["attendees"] == [
        {"name": "Ms Patel", "invited": True, "attended": False},
        {"name": "\u2610"},
    ]


def test_a_table_with_only_blank_rows_is_empty(engine: FakeEngine, form: FormSpec) -> None:
    rows = [{"Target": "", "Lead": "", "By when": ""}]
    extraction = _extract(form, {"targets": {"status": "found", "raw": rows}})
    assert "targets" not in extraction.pep
    table = extraction.report.field("targets")
    assert table is not None and table.status == "empty"


def test_missing_anchors_and_fallbacks_are_reported(engine: FakeEngine, form: FormSpec) -> None:
    extraction = _extract(
        form,
        {
            "child.first_name+child.last_name": {
                "status": "found",
                "raw": "O'Neill, Aisha",
                "anchor": 1,
            },
            "views.child": {"status": "empty"},
        },
    )
    name = extraction.report.field("child.first_name+child.last_name")
    assert name is not None and name.anchor_used == "fallback"
    assert extraction.pep["child"] == {"first_name": "Aisha", "last_name": "O'Neill"}
    views = extraction.report.field("views.child")
    assert views is not None and views.status == "empty" and views.anchor_used == "primary"
    upn = extraction.report.field("child.upn")
    assert upn is not None and upn.status == "missing" and upn.anchor_used is None


def test_extract_file_writes_the_pep_and_the_report(
    engine: FakeEngine, form: FormSpec, tmp_path: Path
) -> None:
    source = tmp_path / "returned.docx"
    source.write_bytes(api.fill(_pep(), form))
    out, report = tmp_path / "pep.json", tmp_path / "report.json"
    extraction = api.extract_file(source, out, form, report_path=report)
    assert json.loads(out.read_text(encoding="utf-8")) == extraction.pep
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["source"] == str(source)
    assert written["summary"]["found"] == 8
    with pytest.raises(OutputExistsError):
        api.extract_file(source, tmp_path / "new.json", form, report_path=report)
    assert not (tmp_path / "new.json").exists()


# -- translate ----------------------------------------------------------------------------------


def test_translate_reports_what_the_target_form_cannot_hold(
    engine: FakeEngine, form: FormSpec, other_form: FormSpec
) -> None:
    source = api.fill(_pep(), form)
    data, report = api.translate(source, form, other_form)
    assert api.extract(data, other_form).pep["child"]["upn"] == "B801200005001"
    assert report.target_authority == "otherton"
    assert set(report.unplaced) == {
        "child.date_of_birth",
        "care.legal_status",
        "education.attendance.percent",
        "meta.meeting_date",
        "views.child",
        "targets.*.lead",
    }
    filled = _values(engine)
    assert filled["child.first_name"] == "Aisha"
    assert filled["targets"] == [
        {"Target": "Read 20 minutes a day", "By when": "12/12/2025"},
        {"Target": "Attend every Monday", "By when": "13/02/2026"},
    ]
    assert report.empty_in_source == []


def test_mapped_paths_name_columns_with_a_star(form: FormSpec) -> None:
    assert binding.mapped_paths(form) >= {
        "child.first_name",
        "child.last_name",
        "targets.*.due_date",
    }
    assert "targets" not in binding.mapped_paths(form)


# -- against the shipped forms and real engines --------------------------------------------

SHIPPED = [
    load_form(summary.source) for authority in list_authorities() for summary in authority.forms
]


@pytest.mark.slow
@pytest.mark.parametrize("shipped", SHIPPED, ids=lambda form: form.source.stem)
def test_a_form_is_recognised_among_all_shipped_forms(shipped: FormSpec) -> None:
    pep = next(generate_peps(1, seed=5, phase=shipped.form))
    extraction = api.extract(api.fill(pep, shipped), name="returned")
    assert (extraction.report.authority, extraction.report.form) == (
        shipped.authority,
        shipped.form,
    )
    assert extraction.report.detected
    assert extraction.report.notes[0].startswith(
        f"form recognised from the document: {shipped.label}"
    )
    assert extraction.pep["child"]["upn"] == pep["child"]["upn"]


def test_an_authority_with_several_forms_is_narrowed_by_the_document() -> None:
    school_age = resolve_form("eastborough", form="school_age")
    pep = next(generate_peps(1, seed=6, phase="school_age"))
    extraction = api.extract(api.fill(pep, school_age), "eastborough", name="returned")
    assert extraction.report.form == "school_age"
    assert extraction.report.detected


@pytest.mark.slow
def test_a_document_no_form_matches_is_refused(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "letter.docx"
    letter = docx.Document()
    letter.add_paragraph("Dear parent, the school trip is on Friday.")
    letter.save(str(path))
    with pytest.raises(
        PepdocsError, match=r"letter\.docx: could not recognise the form; pass --authority"
    ):
        api.extract(path)


def _text_pdf(lines: list[str]) -> bytes:
    """A PDF with text only (no form fields), as a Word form printed to PDF is."""
    import io

    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for number, line in enumerate(lines):
        page.drawString(72, 750 - 16 * number, line)
    page.save()
    return buffer.getvalue()


@pytest.mark.slow
def test_a_word_form_printed_to_pdf_is_read_from_its_page_text_with_lower_confidence(
    form: FormSpec,
) -> None:
    printed = _text_pdf(["UPN            B801200005001", "Date of birth  02/03/2014"])
    extraction = api.extract(printed, form, name="printed.pdf")
    assert extraction.pep["child"] == {"upn": "B801200005001", "date_of_birth": "2014-03-02"}
    assert extraction.report.confidence < 1.0
    assert any("page text" in note for note in extraction.report.notes)
    table = extraction.report.field("targets")
    assert table is not None and table.status == "missing"  # tables are not read from text


@pytest.mark.slow
def test_a_pdf_showing_none_of_the_forms_labels_is_refused_not_read_as_all_missing(
    form: FormSpec,
) -> None:
    letter = _text_pdf(["Dear parent,", "the school trip is on Friday."])
    with pytest.raises(DocumentError, match=r"letter\.pdf: is a PDF, not a Word document"):
        api.extract(letter, form, name="letter.pdf")


@pytest.mark.slow
def test_a_pdf_showing_none_of_a_pdf_forms_fields_or_labels_is_refused() -> None:
    letter = _text_pdf(["Dear parent,", "the school trip is on Friday."])
    with pytest.raises(DocumentError, match=r"letter\.pdf: shows none of ridgeford/school_age"):
        api.extract(letter, "ridgeford", name="letter.pdf")


def test_a_real_word_form_printed_by_libreoffice_is_recognised_among_its_authoritys_forms(
    tmp_path: Path, libreoffice: Path
) -> None:
    from pepdocs.office import convert

    school_age = resolve_form("eastborough", form="school_age")
    pep = load_pep(next(generate_peps(1, seed=12, authority="eastborough", phase="school_age")))
    document = tmp_path / "returned.docx"
    document.write_bytes(api.fill(pep, school_age))
    (printed,) = convert([document], "pdf", tmp_path / "pdf")
    given = api.extract(printed, "eastborough", form="school_age")
    recognised = api.extract(printed, "eastborough")
    for extraction in (given, recognised):
        assert extraction.report.form == "school_age"
        assert 0 < extraction.report.confidence < 1.0
        for path in ("first_name", "last_name", "date_of_birth", "upn"):
            assert extraction.pep["child"][path] == pep["child"][path], path
    assert recognised.report.detected
    assert recognised.report.notes[0].startswith("form recognised from the page text")


def _unknown_form(path: Path) -> Path:
    """A completed PEP of an authority no mapping describes: a plain label/value table."""
    import docx

    form = docx.Document()
    form.add_heading("Ashgrove Personal Education Plan", 0)
    table = form.add_table(rows=0, cols=2)
    for label, value in (
        ("First name", "Aisha"),
        ("Surname", "O'Neill"),
        ("Date of birth", "02/03/2014"),
        ("UPN", "B801200005001"),
        ("Name of school", "Hill Primary"),
        ("Date of meeting", "08/10/2025"),
    ):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = label, value
    form.save(str(path))
    return path


def test_a_form_no_mapping_describes_is_read_with_an_inferred_mapping_at_low_confidence(
    tmp_path: Path,
) -> None:
    extraction = api.extract(_unknown_form(tmp_path / "ashgrove.docx"))
    report = extraction.report
    assert report.inferred and report.detected
    assert report.authority == "unrecognised"
    assert report.confidence <= 0.4
    assert report.notes[0].startswith("low confidence: no known form matched")
    assert report.to_dict()["inferred"] is True
    assert extraction.pep["child"] == {
        "first_name": "Aisha",
        "last_name": "O'Neill",
        "date_of_birth": "2014-03-02",
        "upn": "B801200005001",
    }
    assert "authority" not in extraction.pep["meta"]  # never claims an authority it guessed


def test_a_known_form_is_not_reported_as_inferred() -> None:
    eastborough = resolve_form("eastborough", form="school_age")
    pep = next(generate_peps(1, seed=5, phase="school_age"))
    assert not api.extract(api.fill(pep, eastborough), name="returned").report.inferred


def test_translate_without_a_source_authority_reads_an_unknown_form_by_inference(
    tmp_path: Path,
) -> None:
    data, report = api.translate(_unknown_form(tmp_path / "ashgrove.docx"), None, "westmere")
    assert report.extraction.inferred
    moved = api.extract(data, resolve_form("westmere", form="school_age"))
    assert moved.pep["child"]["upn"] == "B801200005001"
    assert moved.pep["meta"]["authority"] == "westmere"


def test_translate_moves_a_pep_between_two_real_authorities() -> None:
    eastborough = resolve_form("eastborough", form="school_age")
    westmere = resolve_form("westmere", form="school_age")
    pep = load_pep(next(generate_peps(1, seed=8, phase="school_age")))
    data, report = api.translate(api.fill(pep, eastborough), "eastborough", "westmere")
    moved = api.extract(data, westmere)
    assert moved.pep["meta"]["authority"] == "westmere"
    assert moved.pep["child"] == {
        key: value
        for key, value in pep["child"].items()
        if westmere.field_for(f"child.{key}") is not None
    }
    unplaced = {path.split(" ")[0] for path in report.unplaced}
    assert unplaced == {
        path
        for path in binding.mapped_paths(eastborough) - binding.mapped_paths(westmere)
        if _has_value(pep, path)
    }


def _has_value(pep: dict[str, Any], path: str) -> bool:
    head, _, rest = path.partition(".*.")
    value = get_path(pep, head)
    if rest:
        return isinstance(value, list) and any(get_path(item, rest) is not None for item in value)
    return value is not None


def test_a_document_that_is_not_the_form_reports_its_fields_missing(tmp_path: Path) -> None:
    # A Jinja (docxtpl) form leaves empty conditional blocks out; a letter read with its
    # mapping must still say "missing", not "empty" (formats/base.py: no anchor found).
    import docx

    path = tmp_path / "letter.docx"
    letter = docx.Document()
    letter.add_paragraph("Dear parent, the school trip is on Friday.")
    letter.save(str(path))
    jinja_form = next(form for form in SHIPPED if form.settings.get("engine"))
    extraction = api.extract(path, jinja_form)
    assert extraction.report.counts()["empty"] == 0


def test_an_authority_without_a_form_of_the_documents_kind_is_named(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "pep.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(UsageError, match=r"pep\.xlsx: eastborough has no xlsx form to read it"):
        api.extract(path, "eastborough")


def test_without_an_authority_an_old_or_encrypted_office_file_gets_its_own_reason(
    tmp_path: Path,
) -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    old = tmp_path / "old.docx"
    old.write_bytes(ole2)
    with pytest.raises(DocumentError, match=r"old\.docx: is an old-style Office file"):
        api.extract(old)
    locked = tmp_path / "locked.docx"
    locked.write_bytes(ole2 + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(DocumentError, match=r"locked\.docx: is password-protected"):
        api.extract(locked)


SPACE_JOINED = """\
authority: spaced
form: school_age
kind: docx
template: spaced.docx
fields:
  - path: [child.first_name, child.last_name]
    at: {label: "Child's name"}
    separator: " "
"""


def test_a_name_joined_with_a_space_reads_back_into_its_parts(
    engine: FakeEngine, tmp_path: Path
) -> None:
    form = _load(tmp_path, SPACE_JOINED, "spaced.yaml")
    pep = load_pep(_pep())
    extraction = api.extract(api.fill(pep, form), form)
    assert extraction.pep["child"] == {"first_name": "Aisha", "last_name": "O'Neill"}
