"""Loading and validating canonical PEPs: every field rule and every cross-field rule."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pepdocs.errors import OutputExistsError, PepdocsError, PepValidationError, Problem
from pepdocs.model import (
    dump_pep,
    dump_pep_file,
    load_pep,
    load_pep_file,
    validate_pep,
    validate_pep_file,
)

from .conftest import make_pep


def paths(problems: list[Problem]) -> list[str]:
    return [problem.path for problem in problems]


def only_problem(pep: dict[str, Any]) -> Problem:
    problems = validate_pep(pep)
    assert len(problems) == 1, problems
    return problems[0]


# -- whole documents -----------------------------------------------------------------------


def test_a_complete_pep_is_valid(valid_pep: dict[str, Any]) -> None:
    assert validate_pep(valid_pep) == []


def test_meta_and_child_alone_make_a_valid_pep() -> None:
    assert validate_pep({"meta": {}, "child": {}}) == []


def test_meta_and_child_are_required() -> None:
    problems = validate_pep({})
    assert paths(problems) == ["meta", "child"]
    assert all("Required" in problem.message for problem in problems)


def test_a_pep_must_be_a_json_object() -> None:
    assert paths(validate_pep([1, 2])) == [""]


def test_wrong_check_letter_us_date_and_unknown_key_are_all_reported() -> None:
    pep = make_pep(
        child={"upn": "A801200005001", "date_of_birth": "12/13/2025", "frist_name": "Aisha"}
    )
    with pytest.raises(PepValidationError) as caught:
        load_pep(pep, source="aisha.json")
    problems = caught.value.problems
    assert set(paths(list(problems))) == {"child.upn", "child.date_of_birth", "child.frist_name"}
    by_path = {problem.path: problem.message for problem in problems}
    assert "check letter" in by_path["child.upn"]
    assert "YYYY-MM-DD" in by_path["child.date_of_birth"]
    assert by_path["child.frist_name"] == "Unknown field 'frist_name'. Did you mean 'first_name'?"
    assert str(caught.value).startswith("aisha.json: ")
    assert "(and 2 more)" in str(caught.value)


def test_messages_never_carry_the_values() -> None:
    pep = make_pep(
        child={"upn": "A801200005001", "date_of_birth": "13/12/2011", "uln": "1000000042"},
        care={"carer": {"email": "Sam Carer", "phone": "call 0163"}},
    )
    text = " ".join(str(problem) for problem in validate_pep(pep))
    for value in ("A801200005001", "13/12/2011", "1000000042", "Sam Carer", "0163"):
        assert value not in text


def test_problems_come_in_model_order() -> None:
    pep = make_pep(
        signoff={"qa_rating": "purple"},
        meta={"term": "winter"},
        child={"gender": "boy?"},
    )
    assert paths(validate_pep(pep)) == ["meta.term", "child.gender", "signoff.qa_rating"]


# -- load_pep normalises -------------------------------------------------------------------


def test_load_normalises_codes_identifiers_and_money() -> None:
    pep = load_pep(
        make_pep(
            child={"upn": " b801200005001 ", "gender": "f"},
            care={"legal_status": "c2"},
            education={"ncy": 6, "urn": "ey123456"},
            pp_plus={"requested_total": 400},
        )
    )
    assert pep["child"]["upn"] == "B801200005001"
    assert pep["child"]["gender"] == "F"
    assert pep["care"]["legal_status"] == "C2"
    assert pep["education"]["ncy"] == "6"
    assert pep["education"]["urn"] == "EY123456"
    assert pep["pp_plus"]["requested_total"] == "400.00"


def test_an_empty_code_or_identifier_box_loads_as_none() -> None:
    pep = load_pep(make_pep(child={"upn": "  ", "gender": ""}))
    assert pep["child"]["upn"] is None
    assert pep["child"]["gender"] is None


def test_a_loaded_pep_is_plain_json(valid_pep: dict[str, Any]) -> None:
    pep = load_pep(valid_pep)
    assert json.loads(json.dumps(pep)) == pep


def test_loading_does_not_change_the_input(valid_pep: dict[str, Any]) -> None:
    before = json.dumps(valid_pep, sort_keys=True)
    load_pep(make_pep(child={"gender": "f"}))
    assert json.dumps(valid_pep, sort_keys=True) == before


# -- single-field rules ---------------------------------------------------------------------


@pytest.mark.parametrize("text", ["03/09/2025", "2025-9-3", "3 Sep 2025", "20250903"])
def test_non_iso_dates_are_refused_with_the_iso_hint(text: str) -> None:
    problem = only_problem(make_pep(meta={"meeting_date": None}, child={"date_of_birth": text}))
    assert problem.path == "child.date_of_birth"
    assert "write dates as YYYY-MM-DD" in problem.message


def test_impossible_calendar_dates_are_refused() -> None:
    problem = only_problem(make_pep(targets=[{"id": "T1", "due_date": "2026-02-30"}], pp_plus=None))
    assert problem.path == "targets.0.due_date"


def test_list_item_problems_carry_the_item_index() -> None:
    targets = [{"id": "T1"}, {"id": "T2", "due_date": "2026/01/16"}]
    problem = only_problem(make_pep(targets=targets))
    assert problem.path == "targets.1.due_date"


@pytest.mark.parametrize("percent", [-1, 100.5, "ninety"])
def test_attendance_percent_is_0_to_100(percent: Any) -> None:
    problem = only_problem(make_pep(education={"attendance": {"percent": percent}}))
    assert problem.path == "education.attendance.percent"


@pytest.mark.parametrize("cost", [-5, "12.345", "lots", True])
def test_money_is_a_non_negative_amount_in_pence(cost: Any) -> None:
    problem = only_problem(make_pep(targets=[{"id": "T1", "pp_plus_cost": cost}, {"id": "T2"}]))
    assert problem.path == "targets.0.pp_plus_cost"


@pytest.mark.parametrize(
    ("section", "field", "value"),
    [
        ("child", "upn", "A801200005001"),
        ("child", "uln", "1000000042"),
        ("education", "urn", "12345"),
        ("education", "laestab", "80120"),
        ("meta", "academic_year", "2025-2026"),
        ("meta", "academic_year", "2025-27"),
    ],
)
def test_identifier_fields_are_checked(section: str, field: str, value: str) -> None:
    problem = only_problem(make_pep(**{section: {field: value}}))
    assert problem.path == f"{section}.{field}"


def test_a_laestab_written_as_forms_print_it_loads_as_7_digits() -> None:
    # DfE numbers are printed NNN/NNNN on forms; the model stores the 7 digits
    pep = load_pep(make_pep(education={"laestab": "801 / 2000"}))
    assert pep["education"]["laestab"] == "8012000"


def test_a_laestab_with_a_slash_in_the_wrong_place_is_refused() -> None:
    problem = only_problem(make_pep(education={"laestab": "8012/000"}))
    assert "7 digits" in problem.message


@pytest.mark.parametrize("section", ["carer", "social_worker"])
def test_contact_email_and_phone_are_checked(section: str) -> None:
    pep = make_pep()
    pep["care"][section].update({"email": "not an email", "phone": "12"})
    assert paths(validate_pep(pep)) == [f"care.{section}.phone", f"care.{section}.email"]


def test_designated_teacher_contact_is_checked() -> None:
    problem = only_problem(make_pep(education={"designated_teacher": {"email": "dt at school"}}))
    assert problem.path == "education.designated_teacher.email"


@pytest.mark.parametrize(
    ("field", "value"),
    [("number_of_placements", -1), ("number_of_placements", 1.5), ("number_of_placements", "2")],
)
def test_counts_are_whole_numbers_of_zero_or_more(field: str, value: Any) -> None:
    assert only_problem(make_pep(care={field: value})).path == f"care.{field}"


def test_sdq_score_runs_0_to_40() -> None:
    assert only_problem(make_pep(health={"sdq_score": 41})).path == "health.sdq_score"
    assert validate_pep(make_pep(health={"sdq_score": 40})) == []


@pytest.mark.parametrize(
    ("section", "field"),
    [
        ("meta", "phase"),
        ("meta", "pep_type"),
        ("meta", "term"),
        ("meta", "status"),
        ("child", "gender"),
        ("child", "ethnicity"),
        ("care", "legal_status"),
        ("care", "placement_type"),
        ("education", "ncy"),
        ("education", "sen_provision"),
        ("education", "sen_primary_need"),
        ("signoff", "qa_rating"),
    ],
)
def test_code_fields_refuse_codes_outside_their_list(section: str, field: str) -> None:
    problem = only_problem(make_pep(**{section: {field: "QQ9"}}))
    assert problem.path == f"{section}.{field}"
    assert problem.message.startswith("Not a ")
    assert "2025-26" in problem.message


@pytest.mark.parametrize(
    ("items", "path"),
    [
        ({"exclusions": [{"type": "EXPELLED"}]}, "education.exclusions.0.type"),
        ({"previous_targets": [{"outcome": "done"}]}, "previous_targets.0.outcome"),
        ({"targets": [{"id": "T1", "area": "maths!"}, {"id": "T2"}]}, "targets.0.area"),
        ({"linked_plans": [{"type": "XYZ"}]}, "linked_plans.0.type"),
    ],
)
def test_code_fields_in_lists_refuse_unknown_codes(items: dict[str, Any], path: str) -> None:
    pep = make_pep()
    for name, value in items.items():
        if name == "exclusions":
            pep["education"]["exclusions"] = value
        else:
            pep[name] = value
    assert only_problem(pep).path == path


def test_a_code_message_names_the_nearest_codes() -> None:
    problem = only_problem(make_pep(care={"placement_type": "U7"}))
    assert "Did you mean" in problem.message and "'U" in problem.message


def test_a_short_list_is_spelt_out_in_the_message() -> None:
    problem = only_problem(make_pep(education={"sen_provision": "Q"}))
    assert "Valid codes: E, K, N." in problem.message


def test_a_label_where_a_code_belongs_says_which_code_to_write() -> None:
    problem = only_problem(make_pep(care={"legal_status": "Full care order"}))
    assert "Write the code 'C2'" in problem.message


def test_an_unknown_field_with_no_near_name_says_so() -> None:
    problem = only_problem(make_pep(health={"shoe_size": 3}))
    assert problem.path == "health.shoe_size"
    assert problem.message.startswith("Unknown field 'shoe_size'")


def test_an_unknown_top_level_key_points_to_where_the_field_lives() -> None:
    pep = make_pep()
    pep["upn"] = "B801200005001"
    problem = only_problem(pep)
    assert problem.path == "upn"
    assert "child.upn" in problem.message


def test_unknown_keys_inside_list_items_are_reported_with_the_index() -> None:
    problem = only_problem(make_pep(attendees=[{"name": "A", "atended": True}]))
    assert problem.path == "attendees.0.atended"
    assert "Did you mean 'attended'?" in problem.message


def test_a_section_that_is_not_an_object_is_reported_at_its_own_path() -> None:
    problem = only_problem(make_pep(health="fine"))
    assert problem == Problem("health", "Expected a JSON object here.")


def test_a_list_that_is_not_a_list_is_reported_at_its_own_path() -> None:
    assert only_problem(make_pep(attendees={"name": "A"})).path == "attendees"


# -- cross-field rules -------------------------------------------------------------------------


def test_looked_after_date_cannot_be_before_birth() -> None:
    problem = only_problem(make_pep(care={"date_became_looked_after": "2014-05-16"}))
    assert problem.path == "care.date_became_looked_after"


def test_looked_after_from_the_day_of_birth_is_fine() -> None:
    assert validate_pep(make_pep(care={"date_became_looked_after": "2014-05-17"})) == []


@pytest.mark.parametrize("meeting_date", ["2025-08-31", "2026-09-01"])
def test_the_meeting_falls_inside_the_academic_year(meeting_date: str) -> None:
    pep = make_pep(
        meta={"meeting_date": meeting_date, "previous_pep_date": None, "next_review_date": None}
    )
    assert only_problem(pep).path == "meta.meeting_date"


@pytest.mark.parametrize("meeting_date", ["2025-09-01", "2026-08-31"])
def test_the_academic_year_runs_1_september_to_31_august(meeting_date: str) -> None:
    pep = make_pep(
        meta={"meeting_date": meeting_date, "previous_pep_date": None, "next_review_date": None}
    )
    assert validate_pep(pep) == []


@pytest.mark.parametrize("next_review", ["2025-10-08", "2025-10-01"])
def test_the_next_review_comes_after_the_meeting(next_review: str) -> None:
    problem = only_problem(make_pep(meta={"next_review_date": next_review}))
    assert problem.path == "meta.next_review_date"


def test_the_previous_pep_comes_before_the_meeting() -> None:
    problem = only_problem(make_pep(meta={"previous_pep_date": "2025-10-09"}))
    assert problem.path == "meta.previous_pep_date"


@pytest.mark.parametrize(
    ("phase", "ncy", "fits"),
    [
        ("early_years", "N1", True),
        ("early_years", "R", True),
        ("early_years", "1", False),
        ("school_age", "R", True),
        ("school_age", "11", True),
        ("school_age", "12", False),
        ("school_age", "N2", False),
        ("post16", "12", True),
        ("post16", "14", True),
        ("post16", "11", False),
        ("post16", "X", True),
        ("early_years", "X", True),
    ],
)
def test_the_year_group_fits_the_phase(phase: str, ncy: str, fits: bool) -> None:
    problems = validate_pep(make_pep(meta={"phase": phase}, education={"ncy": ncy}))
    assert paths(problems) == ([] if fits else ["education.ncy"])


def test_sessions_missed_cannot_exceed_sessions_possible() -> None:
    pep = make_pep(education={"attendance": {"sessions_possible": 10, "sessions_missed": 11}})
    assert only_problem(pep).path == "education.attendance.sessions_missed"


def test_the_attendance_period_ends_after_it_starts() -> None:
    attendance = {"period_start": "2025-10-03", "period_end": "2025-09-03"}
    problem = only_problem(make_pep(education={"attendance": attendance}))
    assert problem.path == "education.attendance.period_end"


def test_target_ids_are_unique() -> None:
    problem = only_problem(make_pep(targets=[{"id": "T1"}, {"id": "T2"}, {"id": "T1"}]))
    assert problem.path == "targets.2.id"
    assert "targets.0.id" in problem.message


def test_pp_plus_items_refer_to_existing_targets() -> None:
    pep = make_pep()
    pep["pp_plus"]["items"][1]["target_id"] = "T9"
    problem = only_problem(pep)
    assert problem.path == "pp_plus.items.1.target_id"


def test_pp_plus_links_are_not_judged_when_targets_failed_to_load() -> None:
    pep = make_pep(targets="T1, T2")
    assert paths(validate_pep(pep)) == ["targets"]


def test_the_child_is_born_before_the_meeting() -> None:
    pep = make_pep(child={"date_of_birth": "2025-10-08"}, care={"date_became_looked_after": None})
    assert only_problem(pep).path == "child.date_of_birth"


def test_a_meeting_after_the_18th_birthday_still_makes_a_readable_pep() -> None:
    # PEPs continue to the end of the academic year in which the young person turns 18: the
    # age is a compliance finding (TL050), never a reason to refuse the file.
    turned_18 = make_pep(
        child={"date_of_birth": "2007-10-08"}, care={"date_became_looked_after": None}
    )
    nineteen = make_pep(
        child={"date_of_birth": "2006-10-01"}, care={"date_became_looked_after": None}
    )
    assert validate_pep(turned_18) == []
    assert validate_pep(nineteen) == []


def test_cross_field_rules_still_run_when_other_fields_fail() -> None:
    pep = make_pep(child={"gender": "?"}, meta={"next_review_date": "2025-01-01"})
    assert paths(validate_pep(pep)) == ["meta.next_review_date", "child.gender"]


# -- files and dumping -----------------------------------------------------------------------


def test_dump_writes_keys_in_model_order_with_non_ascii_kept() -> None:
    pep = {"child": {"last_name": "Zoë", "first_name": "Ana"}, "meta": {"term": "autumn"}}
    text = dump_pep(pep)
    assert text == (
        '{\n  "meta": {\n    "term": "autumn"\n  },\n'
        '  "child": {\n    "first_name": "Ana",\n    "last_name": "Zoë"\n  }\n}\n'
    )


def test_dump_then_load_is_stable(valid_pep: dict[str, Any]) -> None:
    text = dump_pep(valid_pep)
    assert dump_pep(json.loads(text)) == text


def test_dump_refuses_an_invalid_pep_unless_told_not_to_validate() -> None:
    draft = {"meta": {"meeting_date": "03/09/2025"}, "child": {}}
    with pytest.raises(PepValidationError):
        dump_pep(draft)
    assert '"03/09/2025"' in dump_pep(draft, validate=False)


def test_files_round_trip(tmp_path: Path, valid_pep: dict[str, Any]) -> None:
    target = dump_pep_file(valid_pep, tmp_path / "pep.json")
    assert load_pep_file(target) == load_pep(valid_pep)
    assert validate_pep_file(target) == []


def test_dump_file_never_overwrites_unless_forced(
    tmp_path: Path, valid_pep: dict[str, Any]
) -> None:
    target = tmp_path / "pep.json"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        dump_pep_file(valid_pep, target)
    assert target.read_text(encoding="utf-8") == "keep me"
    dump_pep_file(valid_pep, target, force=True)
    assert json.loads(target.read_text(encoding="utf-8"))["child"]["upn"] == "B801200005001"


def test_a_missing_file_is_one_line_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    with pytest.raises(PepdocsError) as caught:
        load_pep_file(missing)
    assert str(caught.value).startswith(f"{missing}: no such file")
    assert "\n" not in str(caught.value)


def test_broken_json_is_one_line_naming_the_file_and_place(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"meta": {}\n "child": {}}', encoding="utf-8")
    with pytest.raises(PepdocsError, match=r"broken\.json: not valid JSON \(line 2"):
        load_pep_file(broken)


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"meta": {}, "child": {}}')
    assert load_pep_file(path) == {"meta": {}, "child": {}}


def test_non_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"meta": {}, "child": {"first_name": "Zoë"}}'.encode("latin-1"))
    with pytest.raises(PepdocsError, match="not UTF-8"):
        load_pep_file(path)


def test_a_file_with_problems_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"meta": {"term": "winter"}, "child": {}}', encoding="utf-8")
    with pytest.raises(PepValidationError, match=r"bad\.json: meta\.term: "):
        load_pep_file(path)
    assert paths(validate_pep_file(path)) == ["meta.term"]
