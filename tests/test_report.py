"""Extraction reports: every field accounted for, raw text only where a person must fix it."""

from __future__ import annotations

import json

from pepdocs.report import ExtractionReport, FieldReport, TranslationReport


def _report() -> ExtractionReport:
    return ExtractionReport(
        source="aisha.docx",
        authority="northshire",
        form="school_age",
        fields=[
            FieldReport("child.first_name", "found", "content control 'first_name'", "primary"),
            FieldReport("child.upn", "found", "label 'UPN'", "fallback"),
            FieldReport("views.child", "empty", "heading 'Child's views'", "primary"),
            FieldReport(
                "child.date_of_birth",
                "unparseable",
                "label 'Date of birth'",
                "primary",
                raw="31/02/2015",
                notes=["not a real date"],
            ),
            FieldReport("care.legal_status", "invalid", notes=["Not a code of legal_status."]),
            FieldReport("signoff.qa_rating", "missing"),
        ],
        unmapped=["Hobbies: football"],
    )


def test_summary_counts_every_status_and_unmapped_entries() -> None:
    assert _report().summary() == (
        "found 2, empty 1, unparseable 1, invalid 1, missing 1; 1 unmapped entry"
    )


def test_summary_says_entries_in_the_plural() -> None:
    report = ExtractionReport("x.docx", "northshire", "school_age", unmapped=["a: 1", "b: 2"])
    assert report.summary().endswith("; 2 unmapped entries")


def test_raw_text_is_kept_only_for_unparseable_fields() -> None:
    found = FieldReport("child.upn", "found", raw="B801200005001")
    assert "raw" not in found.to_dict()
    fields = {entry["path"]: entry for entry in _report().to_dict()["fields"]}
    assert fields["child.date_of_birth"]["raw"] == "31/02/2015"
    others = [entry for path, entry in fields.items() if path != "child.date_of_birth"]
    assert all("raw" not in entry for entry in others)


def test_raw_text_never_shows_in_repr() -> None:
    # Reports end up in tracebacks and debug logs; raw form text is a child's data.
    assert "31/02/2015" not in repr(_report())
    assert "football" not in repr(_report())


def test_to_dict_is_json_with_counts_and_anchor_use() -> None:
    data = json.loads(json.dumps(_report().to_dict()))
    assert data["authority"] == "northshire"
    assert data["form"] == "school_age"
    assert data["summary"] == {"found": 2, "empty": 1, "unparseable": 1, "invalid": 1, "missing": 1}
    by_path = {entry["path"]: entry for entry in data["fields"]}
    assert by_path["child.upn"]["anchor_used"] == "fallback"
    assert by_path["care.legal_status"]["notes"] == ["Not a code of legal_status."]
    assert data["unmapped"] == ["Hobbies: football"]


def test_field_looks_up_an_entry_by_path() -> None:
    report = _report()
    entry = report.field("views.child")
    assert entry is not None and entry.status == "empty"
    assert report.field("no.such.path") is None
    assert [entry.path for entry in report.by_status("found")] == ["child.first_name", "child.upn"]


def test_translation_report_names_both_forms_and_what_has_no_place() -> None:
    report = TranslationReport(
        extraction=_report(),
        target_authority="westmere",
        target_form="school_age",
        unplaced=["health.sdq_score", "targets.*.pp_plus_cost"],
        empty_in_source=["views.child"],
    )
    assert report.summary() == (
        "read northshire/school_age: found 2, empty 1, unparseable 1, invalid 1, missing 1; "
        "1 unmapped entry; wrote westmere/school_age: 2 fields with no place on the target form"
    )
    data = json.loads(json.dumps(report.to_dict()))
    assert data["target"] == {"authority": "westmere", "form": "school_age"}
    assert data["unplaced"] == ["health.sdq_score", "targets.*.pp_plus_cost"]
    assert data["source"]["source"] == "aisha.docx"


def test_raw_spreadsheet_values_are_written_as_json() -> None:
    import datetime as dt

    entry = FieldReport("targets.0.lead", "unparseable", raw=dt.date(2025, 9, 3))  # type: ignore[arg-type]
    assert json.loads(json.dumps(entry.to_dict()))["raw"] == "2025-09-03"
