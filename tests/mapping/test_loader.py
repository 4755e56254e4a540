"""Mapping files load into FormSpecs, and every mistake names file:line and the fix."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from pepdocs._resources import data_dir
from pepdocs.errors import MappingError
from pepdocs.mapping import loader
from pepdocs.mapping.loader import load_mapping
from pepdocs.mapping.spec import Anchor, FormSpec
from pepdocs.mapping.transforms import (
    BoolTransform,
    ChoiceTransform,
    DateTransform,
    JoinTransform,
    RowsTransform,
    TextTransform,
)

HEADER = """\
authority: testshire
name: Testshire Virtual School
form: school_age
version: "2025-09"
kind: {kind}
template: form.{kind}
fields:
"""
FIRST_FIELD_LINE = 8


def write(tmp_path: Path, fields: str, *, kind: str = "docx", header: str | None = None) -> Path:
    (tmp_path / f"form.{kind}").write_bytes(b"template")
    path = tmp_path / "testshire.yaml"
    path.write_text(
        (header if header is not None else HEADER.format(kind=kind)) + fields, encoding="utf-8"
    )
    return path


def load(tmp_path: Path, fields: str, **options: Any) -> FormSpec:
    return load_mapping(write(tmp_path, fields, **options))


def error(tmp_path: Path, fields: str, **options: Any) -> MappingError:
    with pytest.raises(MappingError) as caught:
        load(tmp_path, fields, **options)
    return caught.value


# --- a good file ---------------------------------------------------------------------------

GOOD = """\
  - path: child.date_of_birth
    at: {control: dob}
    also: {label: "Date of birth"}
    type: date
    format: "%d/%m/%Y"
  - path: care.legal_status
    at: {label: {text: "Legal status", direction: right, section: "Child details"}}
    values: {C1: "Interim Care Order", C2: "Full Care Order", V2: "Section 20"}
  - path: education.sen_provision
    at: {checkboxes: {E: "EHCP", K: "SEN Support", N: "No SEN"}}
  - path: health.camhs_involved
    at: {checkbox: "CAMHS involved"}
  - path: [care.carer.name, care.carer.phone]
    at: {label: "Carer (name and phone)"}
    pattern: "{{name}} ({{phone}})"
  - path: targets
    at: {table: {header: ["Target", "Lead person", "By when"]}}
    columns:
      - {path: description, header: "Target"}
      - {path: lead, header: "Lead person", also_headers: ["Lead"]}
      - {path: due_date, header: "By when", type: date, format: "%-d %b %Y"}
  - path: views.child
    at: {heading: "Child's views"}
    multiline: true
    note: "the child's own words"
"""


def test_a_good_mapping_file_loads_into_a_form_spec(tmp_path: Path) -> None:
    form = load(tmp_path, GOOD)
    assert (form.authority, form.name, form.form, form.version, form.kind) == (
        "testshire",
        "Testshire Virtual School",
        "school_age",
        "2025-09",
        "docx",
    )
    assert form.template == (tmp_path / "form.docx").resolve()
    assert form.source == (tmp_path / "testshire.yaml").resolve()
    assert form.warnings == ()
    assert [spec.path for spec in form.fields] == [
        "child.date_of_birth",
        "care.legal_status",
        "education.sen_provision",
        "health.camhs_involved",
        "care.carer.name+care.carer.phone",
        "targets",
        "views.child",
    ]
    assert [spec.line for spec in form.fields] == [8, 13, 16, 18, 20, 23, 29]


def test_entries_get_anchors_in_order_with_their_lines(tmp_path: Path) -> None:
    dob = load(tmp_path, GOOD).fields[0]
    assert dob.anchors == (
        Anchor("control", "dob", {}, 9),
        Anchor("label", "Date of birth", {}, 10),
    )
    assert dob.anchor.kind == "control"


def test_entries_get_the_transform_their_path_and_anchor_need(tmp_path: Path) -> None:
    fields = load(tmp_path, GOOD).fields
    assert isinstance(fields[0].transform, DateTransform)
    legal = fields[1].transform
    assert isinstance(legal, ChoiceTransform) and legal.to_form("C2") == "Full Care Order"
    sen = fields[2].transform
    assert isinstance(sen, ChoiceTransform) and sen.to_form("K") == ["K"]
    camhs = fields[3].transform
    assert isinstance(camhs, BoolTransform) and camhs.to_form(True) is True
    assert isinstance(fields[4].transform, JoinTransform)
    assert fields[4].paths == ("care.carer.name", "care.carer.phone")
    assert isinstance(fields[5].transform, RowsTransform)
    views = fields[6].transform
    assert isinstance(views, TextTransform) and views.multiline is True
    assert fields[6].note == "the child's own words"


def test_repeating_sections_get_columns(tmp_path: Path) -> None:
    targets = load(tmp_path, GOOD).fields[5]
    assert targets.repeating
    assert [(c.path, c.header, c.line) for c in targets.columns] == [
        ("description", "Target", 26),
        ("lead", "Lead person", 27),
        ("due_date", "By when", 28),
    ]
    assert targets.columns[1].aliases == ("Lead",)
    assert targets.columns[2].transform.to_form("2025-12-19") == "19 Dec 2025"


def test_free_sections_are_kept_as_plain_settings(tmp_path: Path) -> None:
    header = HEADER.format(kind="docx").replace(
        "fields:\n",
        "engine: docxtpl\nroster: {columns: {UPN: child.upn}}\nrules:\n  - min_targets: 3\n"
        'fingerprint: {text: ["Eastborough"]}\nphases: [post16]\n'
        "description: The school-age PEP\nfields:\n",
    )
    form = load(tmp_path, GOOD, header=header)
    assert form.settings == {
        "engine": "docxtpl",
        "roster": {"columns": {"UPN": "child.upn"}},
        "rules": [{"min_targets": 3}],
        "fingerprint": {"text": ["Eastborough"]},
    }
    assert type(form.settings["roster"]) is dict
    assert form.phases == ("post16",)
    assert form.covers == ("school_age", "post16")
    assert form.description == "The school-age PEP"


def test_an_unquoted_version_date_is_taken_as_its_iso_text(tmp_path: Path) -> None:
    header = HEADER.format(kind="docx").replace('version: "2025-09"', "version: 2025-09-01")
    assert load(tmp_path, GOOD, header=header).version == "2025-09-01"


def test_name_defaults_to_the_authority_and_version_to_empty(tmp_path: Path) -> None:
    header = "authority: testshire\nform: post16\nkind: docx\ntemplate: form.docx\nfields:\n"
    form = load(tmp_path, "  - path: child.upn\n    at: {control: upn}\n", header=header)
    assert (form.name, form.version) == ("testshire", "")


def test_the_template_is_found_in_the_shipped_templates_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "shipped"
    (shipped / "docx").mkdir(parents=True)
    (shipped / "docx" / "shared.docx").write_bytes(b"template")
    monkeypatch.setattr(loader, "data_dir", lambda name: shipped)
    mappings = tmp_path / "mappings"
    mappings.mkdir()
    header = HEADER.format(kind="docx").replace("form.docx", "shared.docx")
    path = mappings / "x.yaml"
    path.write_text(header + GOOD, encoding="utf-8")
    assert load_mapping(path).template == (shipped / "docx" / "shared.docx").resolve()


def test_a_missing_template_can_be_allowed_for_listing(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    (tmp_path / "form.docx").unlink()
    assert load_mapping(path, require_template=False).template == (tmp_path / "form.docx")


@pytest.mark.slow
def test_every_shipped_mapping_loads() -> None:
    for path in sorted(data_dir("mappings").glob("*.yaml")):
        form = load_mapping(path)
        assert form.fields, path


# --- anchors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "path", "anchor", "expected"),
    [
        ("docx", "child.upn", "{control: upn}", ("control", "upn", {})),
        (
            "docx",
            "child.upn",
            '{control: {tag: upn, alias: "UPN"}}',
            ("control", "upn", {"tag": "upn", "alias": "UPN"}),
        ),
        ("docx", "child.upn", '{control: {alias: "UPN"}}', ("control", "UPN", {"alias": "UPN"})),
        ("docx", "child.upn", "{legacy: Text12}", ("legacy", "Text12", {})),
        ("docx", "child.upn", "{bookmark: upn_mark}", ("bookmark", "upn_mark", {})),
        ("docx", "child.upn", '{label: "UPN"}', ("label", "UPN", {})),
        (
            "docx",
            "child.upn",
            '{label: {text: "UPN", direction: below, section: "Child", occurrence: 2}}',
            ("label", "UPN", {"direction": "below", "section": "Child", "occurrence": 2}),
        ),
        ("docx", "health.camhs_involved", '{checkbox: "CAMHS"}', ("checkbox", "CAMHS", {})),
        (
            "docx",
            "health.camhs_involved",
            '{checkbox: {text: "CAMHS", section: "Health"}}',
            ("checkbox", "CAMHS", {"section": "Health"}),
        ),
        (
            "docx",
            "education.sen_provision",
            '{checkboxes: {E: "EHCP", N: "None"}}',
            ("checkboxes", "EHCP | None", {"options": {"E": "EHCP", "N": "None"}}),
        ),
        (
            "docx",
            "education.sen_provision",
            '{checkboxes: {options: {E: "EHCP", N: "None"}, section: "SEN"}}',
            (
                "checkboxes",
                "EHCP | None",
                {"options": {"E": "EHCP", "N": "None"}, "section": "SEN"},
            ),
        ),
        ("docx", "views.child", '{heading: "Child\'s views"}', ("heading", "Child's views", {})),
        (
            "docx",
            "child.upn",
            "{cell: {table: 3, row: 2, col: 1}}",
            ("cell", "table 3 row 2 col 1", {"table": 3, "row": 2, "col": 1}),
        ),
        (
            "xlsx",
            "child.upn",
            '{cell: "Sheet1!B4"}',
            ("cell", "Sheet1!B4", {"sheet": "Sheet1", "ref": "B4"}),
        ),
        (
            "xlsx",
            "child.upn",
            "{cell: \"'Child details'!$c$12\"}",
            ("cell", "'Child details'!$c$12", {"sheet": "Child details", "ref": "C12"}),
        ),
        ("xlsx", "child.upn", "{cell: B4}", ("cell", "B4", {"sheet": None, "ref": "B4"})),
        ("xlsx", "pp_plus.requested_total", "{name: pp_total}", ("name", "pp_total", {})),
        (
            "xlsx",
            "child.upn",
            '{label: {text: "UPN", sheet: "Child", direction: right}}',
            ("label", "UPN", {"sheet": "Child", "direction": "right"}),
        ),
        ("pdf", "child.upn", '{field: "child.upn"}', ("field", "child.upn", {})),
        (
            "pdf",
            "education.sen_provision",
            '{radio: {name: "SEN", states: {E: "/Choice1"}}}',
            ("radio", "SEN", {"states": {"E": "/Choice1"}}),
        ),
        ("pdf", "child.upn", '{label: {text: "UPN", page: 2}}', ("label", "UPN", {"page": 2})),
    ],
)
def test_every_anchor_shape_normalises_to_kind_key_and_options(
    tmp_path: Path, kind: str, path: str, anchor: str, expected: tuple[str, str, dict[str, Any]]
) -> None:
    form = load(tmp_path, f"  - path: {path}\n    at: {anchor}\n", kind=kind)
    found = form.fields[0].anchor
    assert (found.kind, found.key, dict(found.options)) == expected
    assert found.line == FIRST_FIELD_LINE + 1


def test_a_table_header_may_be_given_as_a_plain_list(tmp_path: Path) -> None:
    fields = (
        "  - path: attendees\n"
        '    at: {table: ["Name", "Role"]}\n'
        "    columns:\n"
        "      - {path: name, header: Name}\n"
        "      - {path: role, header: Role}\n"
    )
    anchor = load(tmp_path, fields).fields[0].anchor
    assert (anchor.key, anchor.options["header"]) == ("Name | Role", ("Name", "Role"))


WHO_ATTENDED = (
    "  - path: attendees\n"
    '    at: {table: ["Name", "Role"]}\n'
    "    each_row: {%s}\n"
    "    columns:\n"
    "      - {path: name, header: Name}\n"
    "      - {path: role, header: Role}\n"
)


def test_each_row_says_what_a_tables_title_says_of_every_row(tmp_path: Path) -> None:
    spec = load(tmp_path, WHO_ATTENDED % 'attended: "Yes"').fields[0]
    assert spec.each_row == (("attended", True),)


@pytest.mark.parametrize(
    ("said", "words"),
    [('role: "Carer"', "without a column"), ('attended: "Perhaps"', "each_row: attended")],
)
def test_each_row_names_an_item_field_without_a_column_and_a_value_it_reads(
    tmp_path: Path, said: str, words: str
) -> None:
    assert words in str(error(tmp_path, WHO_ATTENDED % said))


PATHWAY_DATE = (
    "  - path: %s\n"
    '    at: {label: "Date of pathway plan"}\n'
    "    item: {%s}\n"
)


def test_item_names_the_one_item_of_a_list_a_box_holds(tmp_path: Path) -> None:
    spec = load(tmp_path, PATHWAY_DATE % ("linked_plans.date", 'type: "Pathway plan"')).fields[0]
    assert spec.item == (("type", "PATHWAY"),)
    assert spec.path == "linked_plans[type=PATHWAY].date"
    assert spec.item_of == ("linked_plans", "date")
    assert spec.transform.from_form("20/10/2025") == "2025-10-20"


@pytest.mark.parametrize(
    ("path", "said", "words"),
    [
        ("child.date_of_birth", "type: PATHWAY", "one item of a list"),
        ("linked_plans.when", "type: PATHWAY", "not an item field of linked_plans"),
        ("linked_plans.date", "kind: PATHWAY", "not another item field"),
        ("linked_plans.date", "type: Holiday", "item: type"),
    ],
)
def test_item_needs_a_list_field_and_item_values_it_reads(
    tmp_path: Path, path: str, said: str, words: str
) -> None:
    assert words in str(error(tmp_path, PATHWAY_DATE % (path, said)))


def test_two_boxes_may_hold_the_same_field_of_two_items(tmp_path: Path) -> None:
    fields = PATHWAY_DATE % ("linked_plans.date", "type: PATHWAY") + (
        "  - path: linked_plans.date\n"
        '    at: {label: "Date of EHCP"}\n'
        "    item: {type: EHCP}\n"
    )
    specs = load(tmp_path, fields).fields
    assert [spec.path for spec in specs] == [
        "linked_plans[type=PATHWAY].date",
        "linked_plans[type=EHCP].date",
    ]


def test_also_takes_a_list_of_fallbacks(tmp_path: Path) -> None:
    fields = (
        "  - path: child.upn\n"
        "    at: {control: upn}\n"
        "    also:\n"
        "      - {legacy: Text3}\n"
        '      - {label: "UPN"}\n'
    )
    anchors = load(tmp_path, fields).fields[0].anchors
    assert [(a.kind, a.line) for a in anchors] == [("control", 9), ("legacy", 11), ("label", 12)]


def test_a_yes_no_checkbox_group_maps_a_bool(tmp_path: Path) -> None:
    fields = '  - path: care.emergency_entry\n    at: {checkboxes: {yes: "Yes", no: "No"}}\n'
    transform = load(tmp_path, fields).fields[0].transform
    assert transform.to_form(False) == ["no"]
    assert transform.from_form(["yes"]) is True


def test_a_checkbox_control_may_fall_back_to_a_label(tmp_path: Path) -> None:
    fields = (
        "  - path: health.camhs_involved\n"
        "    at: {control: camhs}\n"
        '    also: {checkbox: "CAMHS involved"}\n'
    )
    transform = load(tmp_path, fields).fields[0].transform
    assert transform.to_form(True) is True


def test_a_pdf_field_on_a_bool_writes_a_checkbox_state(tmp_path: Path) -> None:
    form = load(tmp_path, '  - path: health.camhs_involved\n    at: {field: "camhs"}\n', kind="pdf")
    assert form.fields[0].transform.to_form(True) is True


def test_a_write_only_copy_of_a_path_is_allowed(tmp_path: Path) -> None:
    fields = (
        "  - path: child.first_name\n"
        "    at: {control: first_name}\n"
        "  - path: child.first_name\n"
        '    at: {label: "Name (page header)"}\n'
        "    extract: false\n"
    )
    form = load(tmp_path, fields)
    assert [spec.extract for spec in form.fields] == [True, False]


def test_a_lossy_transform_is_reported_as_a_warning_with_file_and_line(tmp_path: Path) -> None:
    fields = '  - path: meta.meeting_date\n    at: {label: "Meeting"}\n    format: "%d %B"\n'
    form = load(tmp_path, fields)
    assert len(form.warnings) == 1
    assert form.warnings[0].startswith(f"{tmp_path / 'testshire.yaml'}:8: meta.meeting_date:")
    assert not form.fields[0].transform.reversible


# --- errors, each at its line --------------------------------------------------------------


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    problem = error(tmp_path, "  - path: child.upn\n    at: {control: upn\n  - path: x\n")
    assert problem.line == 10
    assert "invalid YAML" in problem.message
    assert str(problem).startswith(f"{tmp_path / 'testshire.yaml'}:10: invalid YAML")


def test_a_key_given_twice_is_invalid_yaml(tmp_path: Path) -> None:
    problem = error(tmp_path, "  - path: child.upn\n    at: {control: upn}\n    at: {label: U}\n")
    assert (problem.line, "twice" in problem.message) == (10, True)


def test_an_alias_is_refused_at_its_anchor_line(tmp_path: Path) -> None:
    fields = "  - path: child.upn\n    at: &upn {control: upn}\n  - path: child.uln\n    at: *upn\n"
    problem = error(tmp_path, fields)
    assert problem.line == 9
    assert "anchors and aliases (&/*) are not allowed in mapping files" in problem.message
    assert str(problem).startswith(f"{tmp_path / 'testshire.yaml'}:9: anchors and aliases")


def test_a_merge_key_is_an_alias_too(tmp_path: Path) -> None:
    header = HEADER.format(kind="docx").replace("fields:", "engine: {<<: *base}\nfields:")
    problem = error(tmp_path, "  - path: child.upn\n    at: {control: upn}\n", header=header)
    assert (problem.line, "aliases" in problem.message) == (7, True)


def test_a_yaml_alias_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    items = ['&a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    items += [f"&a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]" for n in range(1, 9)]
    header = HEADER.format(kind="docx").replace(
        "fields:", "fingerprint: [" + ", ".join(items) + "]\nfields:"
    )
    problem = error(tmp_path, "  - path: child.upn\n    at: {control: upn}\n", header=header)
    assert (problem.line, "aliases" in problem.message) == (7, True)


@pytest.mark.slow
def test_no_shipped_mapping_uses_anchors_or_aliases() -> None:
    for path in sorted(data_dir("mappings").glob("*.yaml")):
        loader.parse_yaml(path.read_text(encoding="utf-8-sig"), str(path))


def test_an_unknown_top_level_key_suggests_the_right_one(tmp_path: Path) -> None:
    header = HEADER.format(kind="docx").replace("fields:", "feilds:")
    problem = error(tmp_path, "  - path: child.upn\n    at: {control: upn}\n", header=header)
    assert problem.line == 7
    assert "unknown top-level key 'feilds'. Did you mean 'fields'?" in problem.message


def test_missing_required_keys_are_named(tmp_path: Path) -> None:
    problem = error(tmp_path, "", header="authority: testshire\nkind: docx\n")
    assert problem.line == 1
    assert "missing form, template, fields" in problem.message


@pytest.mark.parametrize(
    ("fields", "line", "words"),
    [
        (
            "  - path: child.firstname\n    at: {control: x}\n",
            8,
            "unknown model path 'child.firstname'. Did you mean 'child.first_name'",
        ),
        ("  - path: child.dob\n    at: {control: x}\n", 8, "Did you mean 'child.date_of_birth'"),
        ("  - path: care.carer\n    at: {control: x}\n", 8, "care.carer is a section"),
        (
            "  - path: child.upn\n    at: {lable: UPN}\n",
            9,
            "unknown anchor kind 'lable' for a docx form. Did you mean 'label'",
        ),
        ("  - path: child.upn\n    at: {name: upn}\n", 9, "name anchors are for xlsx forms"),
        (
            "  - path: child.upn\n    at: {control: upn}\n    also: {feild: upn}\n",
            10,
            "unknown anchor kind 'feild'",
        ),
        ("  - path: child.upn\n    at: control\n", 9, "an anchor is a mapping with one key"),
        ("  - path: child.upn\n    at: {control: a, label: b}\n", 9, "one key"),
        (
            "  - path: child.upn\n    at: {label: {txt: UPN}}\n",
            9,
            "label anchor has no option 'txt'. Did you mean 'text'?",
        ),
        (
            "  - path: child.upn\n    at: {label: {text: UPN, direction: left}}\n",
            9,
            "direction must be one of right, below, after",
        ),
        ("  - path: child.upn\n    at: {cell: B4}\n", 9, "{table: 3, row: 2, col: 1}"),
        (
            "  - path: health.camhs_involved\n    at: {control: c}\n    type: date\n",
            10,
            "type date does not fit health.camhs_involved, which holds yes/no; use bool",
        ),
        (
            "  - path: child.upn\n    at: {control: c}\n    type: txt\n",
            10,
            "unknown type 'txt'. Did you mean 'text'",
        ),
        (
            '  - path: child.first_name\n    at: {checkbox: "Name"}\n',
            9,
            "a checkbox anchor holds yes/no but child.first_name holds text",
        ),
        (
            "  - path: child.first_name\n    at: {checkboxes: {A: a, B: b}}\n",
            9,
            "a checkboxes anchor holds a choice",
        ),
        (
            "  - path: child.upn\n    at: {table: {header: [A]}}\n",
            9,
            "a table anchor needs a repeating section",
        ),
        ("  - path: targets\n    at: {label: Targets}\n", 9, "targets is a repeating section"),
        ("  - path: targets\n    at: {table: {header: [A]}}\n", 8, "list its columns"),
        (
            "  - path: child.upn\n    at: {control: u}\n    columns: []\n",
            10,
            "columns are only for repeating sections",
        ),
        (
            '  - path: child.upn\n    at: {control: u}\n    format: "%d"\n',
            10,
            "format applies to type date or decimal or money or percent, not text",
        ),
        (
            "  - path: child.upn\n    at: {control: u}\n    formt: x\n",
            10,
            "unknown key 'formt' in a field entry. Did you mean 'format'?",
        ),
        (
            "  - path: child.upn\n    at: {control: u}\n    fill: no\n",
            10,
            "fill must be true or false",
        ),
        (
            "  - path: child.upn\n    at: {control: u}\n    fill: false\n    extract: false\n",
            11,
            "leave nothing to do",
        ),
        ("  - at: {control: u}\n", 8, "no path:"),
        ("  - path: child.upn\n", 8, "no at:"),
        ("  - child.upn\n", 8, "each entry of fields is a mapping"),
        (
            "  - path: child.upn\n    at: {control: u}\n    type: join\n",
            10,
            "type: join needs several paths",
        ),
        (
            "  - path: [care.carer.name, care.carer.phone]\n    at: {label: Carer}\n"
            '    pattern: "{{name}} ({{mobile}})"\n',
            10,
            "{{mobile}} names none of the paths",
        ),
        (
            "  - path: [care.carer.name, care.carer.phone]\n    at: {label: Carer}\n",
            8,
            "either pattern",
        ),
        (
            "  - path: [care.carer.name, targets]\n    at: {label: Carer}\n",
            8,
            "targets is a repeating section and cannot be joined",
        ),
        (
            "  - path: care.legal_status\n    at: {label: Status}\n    values: {C2: FCO, C9: X}\n",
            10,
            "'C9' is not a code of the legal_status code list",
        ),
        (
            "  - path: education.sen_provision\n    at: {checkboxes: {E: EHCP, Q: Other}}\n",
            9,
            "checkbox option 'Q' is not a code",
        ),
        (
            "  - path: care.emergency_entry\n    at: {checkboxes: {a: A, b: B}}\n",
            9,
            "a yes/no checkbox group needs two options keyed yes and no",
        ),
        (
            "  - path: child.upn\n    at: {control: u}\n    also: {checkbox: U}\n",
            10,
            "a checkbox anchor holds yes/no",
        ),
        (
            "  - path: health.camhs_involved\n    at: {control: c}\n"
            "    also: {checkboxes: {yes: Y, no: N}}\n",
            10,
            "a fallback must hold the same",
        ),
        (
            "  - path: care.legal_status\n    at: {label: S}\n    threshold: 5\n",
            10,
            "threshold is a score",
        ),
    ],
)
def test_each_mistake_is_reported_at_its_line(
    tmp_path: Path, fields: str, line: int, words: str
) -> None:
    problem = error(tmp_path, fields)
    assert words in problem.message
    assert problem.line == line
    assert problem.file == str(tmp_path / "testshire.yaml")


def test_a_path_mapped_twice_names_the_first_line(tmp_path: Path) -> None:
    fields = (
        '  - path: child.upn\n    at: {control: upn}\n  - path: child.upn\n    at: {label: "UPN"}\n'
    )
    problem = error(tmp_path, fields)
    assert problem.line == 10
    assert "child.upn is mapped twice (first at line 8)" in problem.message
    assert "extract: false" in problem.message


def test_a_joined_path_counts_as_mapped(tmp_path: Path) -> None:
    fields = (
        "  - path: [care.carer.name, care.carer.phone]\n"
        "    at: {label: Carer}\n"
        "    separator: ', '\n"
        "  - path: care.carer.phone\n"
        "    at: {label: Phone}\n"
    )
    assert error(tmp_path, fields).line == 11


@pytest.mark.parametrize(
    ("columns", "line", "words"),
    [
        (
            "      - {path: descripton, header: T}\n",
            11,
            "targets items have no field 'descripton'. Did you mean 'description'?",
        ),
        ("      - {path: description}\n", 11, "needs path: and header:"),
        (
            "      - {path: description, header: T}\n      - {path: description, header: U}\n",
            12,
            "column description appears twice",
        ),
        (
            "      - {path: description, header: T}\n      - {path: lead, header: T}\n",
            12,
            "header 'T' names two columns",
        ),
        ("      - {path: due_date, header: D, type: bool}\n", 11, "type bool does not fit"),
        ("      - {path: lead, column: 0}\n", 11, "column is the column's place in the table"),
        ("      - {path: lead, column: first}\n", 11, "column is the column's place"),
        ("      - {path: lead, column: 1}\n", 11, "needs at least one column named by its header"),
        ("      - {path: lead, header: L, colour: red}\n", 11, "unknown key 'colour' in a column"),
        (
            "      - {path: area, header: A, values: {academic: Acad, flying: Fly}}\n",
            11,
            "'flying' is not a code of the target_area code list",
        ),
    ],
)
def test_column_mistakes_are_reported_at_their_line(
    tmp_path: Path, columns: str, line: int, words: str
) -> None:
    fields = "  - path: targets\n    at: {table: {header: [T]}}\n    columns:\n" + columns
    problem = error(tmp_path, fields)
    assert words in problem.message
    assert problem.line == line


@pytest.mark.parametrize(
    ("replace", "by", "line", "words"),
    [
        ("kind: docx", "kind: doc", 5, "kind must be docx, xlsx or pdf. Did you mean 'docx'?"),
        ("template: form.docx", "template: form.xlsx", 6, "template must be a .docx file"),
        ("template: form.docx", "template: other.docx", 6, "template not found"),
        (
            "form: school_age",
            "form: school",
            3,
            "form must be one of early_years, school_age, post16. Did you mean 'school_age'?",
        ),
        ("authority: testshire", "authority: Testshire", 1, "authority must be a short lowercase"),
        ("fields:", "phases: [sixth_form]\nfields:", 7, "form must be one of"),
        ("name: Testshire Virtual School", "name: [a]", 2, "name must be text"),
    ],
)
def test_top_level_mistakes_are_reported_at_their_line(
    tmp_path: Path, replace: str, by: str, line: int, words: str
) -> None:
    header = HEADER.format(kind="docx").replace(replace, by)
    problem = error(tmp_path, "  - path: child.upn\n    at: {control: upn}\n", header=header)
    assert words in problem.message
    assert problem.line == line


def test_every_problem_is_listed_not_just_the_first(tmp_path: Path) -> None:
    fields = (
        "  - path: child.firstname\n"
        "    at: {control: a}\n"
        "  - path: child.upn\n"
        "    at: {lable: b}\n"
        "  - path: child.gender\n"
        "    at: {checkbox: c}\n"
    )
    problem = error(tmp_path, fields)
    assert problem.line == 8
    assert problem.problems == [  # type: ignore[attr-defined]
        (8, problem.problems[0][1]),  # type: ignore[attr-defined]
        (11, problem.problems[1][1]),  # type: ignore[attr-defined]
        (13, problem.problems[2][1]),  # type: ignore[attr-defined]
    ]
    assert "(and 2 more: lines 11, 13)" in problem.message


def test_an_empty_file_a_list_and_a_missing_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("# nothing yet\n", encoding="utf-8")
    with pytest.raises(MappingError, match="empty"):
        load_mapping(empty)
    listing = tmp_path / "list.yaml"
    listing.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(MappingError, match="top level must be a mapping"):
        load_mapping(listing)
    with pytest.raises(MappingError, match="not found"):
        load_mapping(tmp_path / "nope.yaml")


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(MappingError, match="UTF-8"):
        load_mapping(path)


def test_error_messages_carry_no_form_values(tmp_path: Path) -> None:
    problem = error(tmp_path, "  - path: child.upn\n    at: {control: upn}\n    fill: maybe\n")
    assert "maybe" not in problem.message


def test_every_key_anchor_kind_and_type_is_documented() -> None:
    from pepdocs.mapping.anchors import ALL_ANCHOR_KINDS
    from pepdocs.mapping.transforms import TYPE_NAMES

    docs = (Path(__file__).parents[2] / "docs" / "mappings.md").read_text(encoding="utf-8")
    names = [
        *loader.TOP_LEVEL_KEYS,
        *loader.FIELD_KEYS,
        *loader.COLUMN_KEYS,
        *ALL_ANCHOR_KINDS,
        *(name for name in TYPE_NAMES if name != "rows"),
    ]
    undocumented = [name for name in names if f"`{name}" not in docs]
    assert undocumented == []


# --- PDF tables of fields ------------------------------------------------------------------

PDF_TABLE = """\
  - path: attendees
    at:
      table:
        header: [Name, Role, Attended]
        rows:
          - [Text1, Text2, Check Box1]
          - [Text3, Text4, null]
    columns:
      - {path: name, header: Name}
      - {path: attended, header: Attended}
"""


def test_a_pdf_table_anchor_lists_the_field_names_of_each_printed_row(tmp_path: Path) -> None:
    anchor = load(tmp_path, PDF_TABLE, kind="pdf").fields[0].anchor
    assert (anchor.kind, anchor.key) == ("table", "Name | Role | Attended")
    assert anchor.options["header"] == ("Name", "Role", "Attended")
    assert anchor.options["rows"] == (("Text1", "Text2", "Check Box1"), ("Text3", "Text4", None))


@pytest.mark.parametrize(
    ("broken", "line", "message"),
    [
        (
            PDF_TABLE.replace("          - [Text3, Text4, null]\n", "          - [Text3]\n"),
            14,
            "row 2 must list 3 field names, one under each header",
        ),
        (
            PDF_TABLE.replace("Text3, Text4", "Text1, Text4"),
            14,
            "field 'Text1' is in the table twice",
        ),
        (
            PDF_TABLE.replace("header: [Name, Role, Attended]", "header: [Name, Name, Attended]"),
            11,
            "each header must name one column",
        ),
        (
            PDF_TABLE.replace("header: Attended}", "header: Here}"),
            17,
            "column attended: header 'Here' is not one of the table anchor's headers",
        ),
        (
            "  - path: targets\n    at: {table: {header: [Target]}}\n"
            "    columns:\n      - {path: description, header: Target}\n",
            9,
            "a PDF table anchor needs header and rows",
        ),
        (
            "  - path: targets\n    at: {field: Text1}\n"
            "    columns:\n      - {path: description, header: Target}\n",
            9,
            "targets is a repeating section: anchor it with {table: {header: [...], rows:",
        ),
    ],
)
def test_a_broken_pdf_table_anchor_says_what_to_fix_at_its_line(
    tmp_path: Path, broken: str, line: int, message: str
) -> None:
    problem = error(tmp_path, broken, kind="pdf")
    assert message in problem.message
    assert problem.line == line


# -- issue 19, cause 11: nesting and file type ------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "a: " + "[" * 2_000 + "]" * 2_000,
        "a: " + "[" * 20_000 + "]" * 20_000,
        "".join(" " * depth + "k:\n" for depth in range(2_000)) + " " * 2_000 + "k: 1\n",
    ],
    ids=["flow-2000", "flow-20000", "block-2000"],
)
def test_yaml_nested_thousands_deep_is_one_line_within_seconds(tmp_path: Path, text: str) -> None:
    from pepdocs.mapping.loader import MAX_YAML_DEPTH

    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError) as refused:
        load_mapping(path)
    assert f"nested more than {MAX_YAML_DEPTH} levels deep" in str(refused.value)


def test_a_mapping_path_that_is_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:

    pipe = tmp_path / "northshire.yaml"
    os.mkfifo(pipe)
    with pytest.raises(MappingError, match="is not a regular file"):
        load_mapping(pipe)


def test_a_records_anchors_printed_column_must_be_one_of_its_headers(tmp_path: Path) -> None:
    entry = (
        "  - path: signoff.signatures\n"
        '    at: {records: {start: "signature", printed: "Whose"}}\n'
        "    columns:\n"
        '      - {path: signature, header: "signature"}\n'
        '      - {path: role, header: "Role"}\n'
    )
    with pytest.raises(MappingError, match=r"printed 'Whose' is not a column header"):
        load(tmp_path, entry)
    good = load(tmp_path, entry.replace('"Whose"', '"Role"'))
    assert good.fields[0].anchors[0].options == {"printed": "Role"}


def test_a_column_under_a_blank_header_cell_is_placed_by_number(tmp_path: Path) -> None:
    fields = (
        "  - path: attendees\n    at: {table: {header: [Name, Attended]}}\n    columns:\n"
        "      - {path: name, header: Name}\n      - {path: attended, header: Attended}\n"
        "      - {path: role, column: 1}\n"
    )
    attendees = load(tmp_path, fields).fields[0]
    assert [(c.path, c.header, c.position) for c in attendees.columns] == [
        ("name", "Name", 0),
        ("attended", "Attended", 0),
        ("role", "column 1", 1),
    ]


def test_a_column_placed_by_number_is_for_word_tables_only(tmp_path: Path) -> None:
    fields = (
        "  - path: attendees\n    at: {table: {header: [Name]}}\n    columns:\n"
        "      - {path: name, header: Name}\n      - {path: role, column: 1}\n"
    )
    problem = error(tmp_path, fields, kind="xlsx")
    assert "column: N and ticked: place columns of a Word table anchor" in problem.message
    assert problem.line == 12


def test_a_column_read_from_the_ticked_one_of_several_lists_their_headers(tmp_path: Path) -> None:
    fields = (
        "  - path: attainment\n    at: {table: {header: [Area, 16-26, 22-36]}}\n    columns:\n"
        "      - {path: subject, header: Area}\n"
        "      - {path: current, header: Band, ticked: [16-26, 22-36]}\n"
    )
    attainment = load(tmp_path, fields).fields[0]
    assert attainment.columns[1].ticked == ("16-26", "22-36")
    bad = fields.replace("ticked: [16-26, 22-36]", "ticked: [16-26]")
    assert "ticked lists the headers of two or more columns" in error(tmp_path, bad).message


def test_a_ticked_column_may_name_the_letter_typed_instead_of_a_tick(tmp_path: Path) -> None:
    fields = (
        "  - path: attainment\n    at: {table: {header: [Area, 16-26, 22-36]}}\n    columns:\n"
        "      - {path: subject, header: Area}\n"
        "      - {path: current, header: Now, ticked: [16-26, 22-36], mark: N}\n"
        "      - {path: target, header: Next, ticked: [16-26, 22-36], mark: T}\n"
    )
    attainment = load(tmp_path, fields).fields[0]
    assert [column.mark for column in attainment.columns] == ["", "N", "T"]
    untied = fields.replace("header: Area}", "header: Area, mark: A}")
    assert "mark is for a ticked column" in error(tmp_path, untied).message


def test_a_people_anchor_names_column_headers_of_its_section(tmp_path: Path) -> None:
    entry = (
        "  - path: attendees\n"
        '    at: {people: {lines: {"Present": {Attended: "Yes"}, '
        '"Apologies": {Present: "No"}}}}\n'
        "    columns:\n"
        '      - {path: name, header: "Name"}\n'
        '      - {path: role, header: "Role"}\n'
        '      - {path: attended, header: "Attended"}\n'
    )
    with pytest.raises(MappingError, match=r"people anchor: 'Present' is not a column header"):
        load(tmp_path, entry)
    good = load(tmp_path, entry.replace("{Present:", "{Attended:"))
    assert good.fields[0].anchors[0].key == "Present"
    assert good.fields[0].anchors[0].options == {
        "lines": {"Present": {"Attended": "Yes"}, "Apologies": {"Attended": "No"}},
        "name": "Name",
        "role": "Role",
    }
    with pytest.raises(MappingError, match=r"no option .line.. Did you mean .lines.?"):
        load(tmp_path, entry.replace('{people: {lines: {"Present"', '{people: {line: {"Present"'))
