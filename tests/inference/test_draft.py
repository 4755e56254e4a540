"""What infer-mapping drafts for a person who must trust it: the authority's name from the
form's own text, a fingerprint, every label, column and box it could not place, and
``confirm:`` on what it matched loosely, which check-mapping warns about (issue 12)."""

from __future__ import annotations

from pathlib import Path

from formats.word.docxbuild import make_docx, p, r, sdt_run, tbl, tc, tr

from pepdocs import extract, load_mapping
from pepdocs.inference import infer_mapping_from_bytes
from pepdocs.legacy import check_mapping

SHADE = "D9D9D9"


def _draft(tmp_path: Path, body: str) -> tuple[Path, str]:
    template = tmp_path / "form-v3-final.docx"
    template.write_bytes(make_docx(body))
    draft = infer_mapping_from_bytes(template.read_bytes(), str(template))
    return template, draft.to_yaml(template=str(template))


HEAD = p("Brackenmoor County Council") + p("Personal Education Plan 2025-2026", style="Heading1")


def test_the_authority_and_the_fingerprint_come_from_the_forms_own_text(tmp_path: Path) -> None:
    _, text = _draft(tmp_path, HEAD + tbl(tr(tc(p("Date of birth"), shade=SHADE), tc(p()))))
    assert "authority: brackenmoor\n" in text
    assert 'name: "Brackenmoor County Council"' in text
    # the year left out: next year's form must still be recognised by it
    assert 'fingerprint:\n  - "Brackenmoor County Council"\n  - "Personal Education Plan"' in text


def test_what_could_not_be_placed_is_listed(tmp_path: Path) -> None:
    body = (
        HEAD
        + tbl(
            tr(
                tc(p(r("Target", bold=True))),
                tc(p(r("By when", bold=True))),
                tc(p(r("Why?", bold=True))),
            ),
            tr(tc(p()), tc(p()), tc(p())),
        )
        + tbl(tr(tc(p("Favourite colour"), shade=SHADE), tc(p())))
        + p(sdt_run("Text7"))
    )
    _, text = _draft(tmp_path, body)
    assert "# Labels on the form that no model path was found for:\n#   Favourite colour" in text
    assert "# Table columns that no model path was found for:\n#   Why? (table 1, targets)" in text
    assert "# Answer boxes (controls, form fields) no model path was found for:" in text


def test_check_mapping_warns_about_every_entry_left_to_confirm(tmp_path: Path) -> None:
    body = HEAD + tbl(tr(tc(p("Date of birth"), shade=SHADE), tc(p())))
    _, text = _draft(tmp_path, body)
    mapping = tmp_path / "draft.yaml"
    mapping.write_text(
        text.replace("    at:", '    confirm: "matched loosely"\n    at:', 1), encoding="utf-8"
    )
    warnings = [str(problem) for problem in check_mapping(mapping) if problem.severity == "warning"]
    assert any("drafted loosely (matched loosely)" in warning for warning in warnings)


def test_check_mapping_warns_about_an_anchor_in_a_sign_off_table(tmp_path: Path) -> None:
    signed = tbl(
        tr(*(tc(p(r(h, bold=True))) for h in ("Role", "Name", "Signature", "Date"))),
        tr(tc(p("Social worker")), tc(p()), tc(p()), tc(p())),
    )
    template = tmp_path / "form.docx"
    template.write_bytes(make_docx(HEAD + signed))
    mapping = tmp_path / "signed.yaml"
    mapping.write_text(
        "authority: brackenmoor\nform: school_age\nkind: docx\n"
        f"template: {template.name}\nfields:\n"
        '  - path: care.social_worker.name\n    at: {label: "Social worker"}\n',
        encoding="utf-8",
    )
    warnings = [str(problem) for problem in check_mapping(mapping) if problem.severity == "warning"]
    assert any("sign-off table" in warning for warning in warnings)


def _pp_plus_table() -> str:
    headers = ("PP+ item or activity", "Cost £", "For target")
    return tbl(
        tr(*(tc(p(r(text, bold=True))) for text in headers)),
        tr(tc(p()), tc(p()), tc(p())),
        tr(tc(p()), tc(p()), tc(p())),
    )


def _targets_table() -> str:
    headers = ("Ref", "Target", "Actions", "By when")
    return tbl(
        tr(*(tc(p(r(text, bold=True))) for text in headers)),
        tr(tc(p()), tc(p()), tc(p()), tc(p())),
    )


def test_a_pp_plus_items_target_is_left_unplaced_when_the_form_has_no_targets_table(
    tmp_path: Path,
) -> None:
    _, text = _draft(tmp_path, HEAD + _pp_plus_table())
    assert "- path: pp_plus.items" in text
    assert "target_id" not in text  # every target read would be dropped: no target to name
    assert "For target (refers to targets, not found)" in text
    mapping = tmp_path / "draft.yaml"
    mapping.write_text(text, encoding="utf-8")
    assert [problem for problem in check_mapping(mapping) if problem.severity == "error"] == []


def test_a_pp_plus_items_target_is_mapped_beside_a_targets_table(tmp_path: Path) -> None:
    _, text = _draft(tmp_path, HEAD + _targets_table() + p() + _pp_plus_table())
    assert "- path: targets" in text
    assert 'path: "target_id", header: "For target"' in text


def test_a_label_printed_over_two_lines_stays_one_comment_and_the_draft_loads(
    tmp_path: Path,
) -> None:
    # A line break inside a printed label (a w:br in its cell, or U+2028 typed by an editor)
    # must not end the comment line: the rest would be read as YAML and the whole draft,
    # and with it a form read with no mapping, refused.
    two_lines = "<w:r><w:t>Favourite colour</w:t><w:br/><w:t>and why</w:t></w:r>"
    body = (
        HEAD
        + tbl(tr(tc(p("Date of birth"), shade=SHADE), tc(p())))
        + tbl(tr(tc(p(two_lines), shade=SHADE), tc(p())))
        + tbl(tr(tc(p("Favourite food\u2028and drink"), shade=SHADE), tc(p())))
        + tbl(tr(tc(p("Hobbies\u2028outside school"), shade=SHADE), tc(p())))
    )
    _, text = _draft(tmp_path, body)
    assert "#   Favourite food and drink\n" in text  # unmatched: one comment line
    assert 'at: {label: "Hobbies\\Loutside school"}' in text  # matched: YAML's \L escape
    mapping = tmp_path / "draft.yaml"
    mapping.write_text(text, encoding="utf-8")
    assert load_mapping(mapping).fields[0].path == "child.date_of_birth"


def test_a_form_whose_labels_break_over_lines_is_read_with_no_mapping() -> None:
    body = HEAD + tbl(
        tr(tc(p("Date of birth"), shade=SHADE), tc(p("14/03/2014"))),
        tr(tc(p("Hobbies\u2028outside school"), shade=SHADE), tc(p("Swimming"))),
    )
    extraction = extract(make_docx(body), name="completed.docx")
    assert extraction.pep["child"]["date_of_birth"] == "2014-03-14"


def test_attendees_written_as_a_minute_are_drafted_as_a_people_anchor(tmp_path: Path) -> None:
    body = (
        HEAD
        + tbl(tr(tc(p("Date of birth"), shade=SHADE), tc(p())))
        + p("Who was at the meeting")
        + p("Present:")
        + p("Apologies:")
    )
    _, text = _draft(tmp_path, body)
    assert (
        "  - path: attendees\n    at: {people: {lines: {Present: {Attended: \"Yes\"}, "
        'Apologies: {Invited: "Yes", Attended: "No"}}, name: "Name", role: "Role"}}'
    ) in text
    mapping = tmp_path / "draft.yaml"
    mapping.write_text(text, encoding="utf-8")
    assert check_mapping(mapping) == []


def test_attendees_written_as_a_minute_are_read_with_no_mapping() -> None:
    body = (
        HEAD
        + tbl(tr(tc(p("Date of birth"), shade=SHADE), tc(p("14/03/2014"))))
        + p("Present: Rhian Okafor (social worker), Tomasz Bell (designated teacher)")
        + p("Apologies: Dr Amara Lowe (CAMHS)")
    )
    attendees = extract(make_docx(body), name="completed.docx").pep["attendees"]
    assert [(a["name"], a["role"], a.get("invited"), a["attended"]) for a in attendees] == [
        ("Rhian Okafor", "social worker", None, True),
        ("Tomasz Bell", "designated teacher", None, True),
        ("Dr Amara Lowe", "CAMHS", True, False),
    ]
