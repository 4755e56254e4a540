"""Binding a PEP to one form's values and back, with the stand-in engine (tests/fake_engine.py).

The verbs above (tests/test_api.py) add resolving, recognition and files; here the form is
given and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fake_engine import FakeEngine, document

from pepdocs import binding
from pepdocs.errors import Problem, TransformError
from pepdocs.formats import ENGINES
from pepdocs.mapping.loader import load_mapping
from pepdocs.mapping.spec import FormSpec
from pepdocs.model import load_pep

MAPPING = """\
authority: testshire
form: school_age
kind: docx
template: testshire.docx
fields:
  - path: [child.first_name, child.last_name]
    at: {label: "Child's name"}
    pattern: "{{last_name}}, {{first_name}}"
  - path: child.upn
    at: {label: UPN}
  - path: care.legal_status
    at: {label: "Legal status"}
    type: choice
    values: {C2: "Full Care Order"}
  - path: targets
    at: {table: {header: [Target, By when]}}
    columns:
      - {path: description, header: Target}
      - {path: due_date, header: By when, type: date}
"""

PEP: dict[str, Any] = {
    "meta": {"phase": "school_age", "academic_year": "2025-26"},
    "child": {"first_name": "Aisha", "last_name": "O'Neill", "upn": "B801200005001"},
    "care": {"legal_status": "C2"},
    "targets": [{"description": "Read 20 minutes a day", "due_date": "2025-12-12"}],
}


@pytest.fixture
def form(tmp_path: Path) -> FormSpec:
    path = tmp_path / "testshire.yaml"
    path.write_text(MAPPING, encoding="utf-8")
    return load_mapping(path, require_template=False)


@pytest.fixture
def engine() -> Iterator[FakeEngine]:
    fake = FakeEngine()
    with ENGINES.using("docx", fake):
        yield fake


def test_form_values_are_the_form_texts_of_each_mapped_field(form: FormSpec) -> None:
    values = {spec.path: value for spec, value in binding.form_values(load_pep(PEP), form)}
    assert values == {
        "child.first_name+child.last_name": "O'Neill, Aisha",
        "child.upn": "B801200005001",
        "care.legal_status": "Full Care Order",
        "targets": [{"Target": "Read 20 minutes a day", "By when": "12/12/2025"}],
    }


def test_a_value_the_form_has_no_place_for_names_the_mapping_line(form: FormSpec) -> None:
    pep = load_pep({**PEP, "care": {"legal_status": "V2"}})
    with pytest.raises(TransformError, match=r"testshire.yaml:11: care.legal_status: cannot be"):
        binding.form_values(pep, form)


def test_a_value_the_form_has_no_place_for_is_collected_when_asked(form: FormSpec) -> None:
    problems: list[Problem] = []
    pep = load_pep({**PEP, "care": {"legal_status": "V2"}})
    values = dict((spec.path, value) for spec, value in binding.form_values(pep, form, problems))
    assert values["care.legal_status"] is None
    assert [problem.path for problem in problems] == ["care.legal_status"]


def test_fill_form_hands_the_values_to_the_registered_engine(
    form: FormSpec, engine: FakeEngine
) -> None:
    binding.fill_form(load_pep(PEP), form)
    assert [spec.path for spec, _ in engine.filled] == [spec.path for spec in form.fields]


def test_a_filled_form_extracts_back_to_the_same_view(form: FormSpec, engine: FakeEngine) -> None:
    data = binding.fill_form(load_pep(PEP), form)
    extraction = binding.extract_form(data, form, "round trip")
    assert binding.mapped_view(extraction.pep, form) == binding.mapped_view(PEP, form)
    assert extraction.report.source == "round trip"
    assert extraction.report.counts()["found"] == 4
    assert extraction.pep["meta"] == {"authority": "testshire", "phase": "school_age"}


def test_a_value_the_model_refuses_leaves_the_pep_and_is_reported(
    form: FormSpec, engine: FakeEngine
) -> None:
    data = document("testshire", {"1": {"status": "found", "raw": "not a UPN"}})
    extraction = binding.extract_form(data, form, "refused")
    assert "upn" not in extraction.pep["child"]
    entry = extraction.report.field("child.upn")
    assert entry is not None and entry.status == "invalid"


def test_mapped_paths_name_table_columns_with_a_star(form: FormSpec) -> None:
    assert binding.mapped_paths(form) == {
        "child.first_name",
        "child.last_name",
        "child.upn",
        "care.legal_status",
        "targets.*.description",
        "targets.*.due_date",
    }


def test_a_value_the_model_refuses_is_kept_as_typed_in_unresolved(
    form: FormSpec, engine: FakeEngine
) -> None:
    data = document("testshire", {"1": {"status": "found", "raw": "not a UPN"}})
    extraction = binding.extract_form(data, form, "refused")
    assert extraction.pep["unresolved"] == [
        {
            "path": "child.upn",
            "text": "not a UPN",
            "problem": extraction.pep["unresolved"][0]["problem"],
        }
    ]
    assert "UPN" in extraction.pep["unresolved"][0]["problem"]


def test_text_that_cannot_be_read_stays_in_the_output_as_typed(
    form: FormSpec, engine: FakeEngine
) -> None:
    rows = [{"Target": "Read daily", "By when": "end of spring term"}]
    data = document("testshire", {"3": {"status": "found", "raw": rows}})
    extraction = binding.extract_form(data, form, "unparseable cell")
    assert extraction.pep["targets"] == [{"description": "Read daily"}]
    (kept,) = extraction.pep["unresolved"]
    assert (kept["path"], kept["text"]) == ("targets.0.due_date", "end of spring term")
    entry = extraction.report.field("targets.0.due_date")
    assert entry is not None and entry.status == "unparseable"


def test_nothing_is_unresolved_when_everything_reads(form: FormSpec, engine: FakeEngine) -> None:
    data = binding.fill_form(load_pep(PEP), form)
    assert "unresolved" not in binding.extract_form(data, form, "clean").pep
