"""check_pep / check_path / due_schedule: whole PEPs, folders, bad files and the cohort."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from pepdocs.compliance import check_path, check_pep, due_schedule, parse_as_of
from pepdocs.errors import UsageError

from .pep_builder import good_pep

D = dt.date
REPO = Path(__file__).resolve().parents[2]


def _write(folder: Path, name: str, pep: Any) -> Path:
    path = folder / name
    path.write_text(json.dumps(pep), "utf-8")
    return path


def test_a_good_pep_is_green_with_only_the_next_due_date() -> None:
    result = check_pep(good_pep(), D(2025, 11, 1))
    assert result.rating == "green"
    assert [f.rule_id for f in result.findings] == ["TL012"]
    assert not result.has_errors


def test_each_finding_in_the_json_form_names_its_basis_and_source() -> None:
    pep = good_pep(views={"child": None}, child={"leisure_interests": None})
    document = check_pep(pep, D(2026, 2, 16)).to_dict()
    by_id = {f["rule_id"]: f for f in document["findings"]}
    assert set(by_id["QA040"]) >= {"rule_id", "basis", "source", "severity", "message", "path"}
    assert (by_id["QA040"]["basis"], by_id["QA040"]["severity"]) == ("statute", "error")
    assert by_id["QA040"]["source"] == (
        "Children Act 1989, s.22(4)-(5); "
        "The Care Planning, Placement and Case Review (England) Regulations 2010, reg 5(e)"
    )
    assert by_id["QA103"]["source"].endswith("Sch 1 para 2(4) (leisure interests)")
    assert by_id["TL013"]["basis"] == "local_practice"
    assert "default.yaml" in by_id["TL013"]["source"]


def test_findings_are_listed_errors_first() -> None:
    pep = good_pep(views={"child": None}, targets=[])
    severities = [f.severity for f in check_pep(pep, D(2025, 11, 1)).findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert severities[0] == "error"


def test_eastborough_makes_a_missing_child_s_voice_red() -> None:
    pep = good_pep(meta={"authority": "eastborough"}, views={"child": None})
    result = check_pep(pep, D(2025, 11, 1))
    assert result.rating == "red"
    assert [f.severity for f in result.findings if f.rule_id == "QA040"] == ["error"]


def test_check_path_reads_a_folder_and_turns_bad_files_into_one_line_errors(
    tmp_path: Path,
) -> None:
    _write(tmp_path, "a-good.json", good_pep())
    (tmp_path / "b-broken.json").write_text("{not json", "utf-8")
    _write(tmp_path, "c-invalid.json", good_pep(child={"date_of_birth": "14/03/2015"}))
    (tmp_path / "notes.txt").write_text("ignored", "utf-8")
    results = check_path(tmp_path, D(2025, 11, 1))
    assert [Path(r.source).name for r in results] == [
        "a-good.json",
        "b-broken.json",
        "c-invalid.json",
    ]
    good, broken, invalid = results
    assert good.error is None and good.rating == "green"
    assert broken.error is not None and "not valid JSON" in broken.error
    assert "\n" not in broken.error
    assert invalid.error is not None and "child.date_of_birth" in invalid.error
    assert "14/03/2015" not in invalid.error
    assert broken.has_errors and invalid.has_errors and not good.has_errors


def test_check_path_on_one_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "one.json", good_pep())
    assert [r.rating for r in check_path(path, D(2025, 11, 1))] == ["green"]


def test_check_path_on_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such file or folder"):
        check_path(tmp_path / "missing")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-01-07", D(2026, 1, 7)),
        ("07/01/2026", D(2026, 1, 7)),
        ("7/1/2026", D(2026, 1, 7)),
        (" 2028-02-29 ", D(2028, 2, 29)),
    ],
)
def test_as_of_dates_are_iso_or_day_first(text: str, expected: dt.date) -> None:
    assert parse_as_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2027-02-29",
        "31/06/2026",
        "01/13/2026",
        "7 Jan 2026",
        "07/01/26",
        "20260107",
        "",
        "tomorrow",
    ],
)
def test_as_of_dates_are_strict(text: str) -> None:
    with pytest.raises(UsageError, match="--as-of"):
        parse_as_of(text)


# ----------------------------------------------------------------------------- due schedule


def _child(child_id: str, school: str, **sections: Any) -> dict[str, Any]:
    pep = good_pep(**sections)
    pep["child"]["la_child_id"] = child_id
    pep["education"]["setting_name"] = school
    return pep


def test_due_schedule_lists_overdue_then_due_soon_then_ok() -> None:
    as_of = D(2026, 2, 2)
    peps = [
        _child(
            "C-OK",
            "School A",
            meta={"meeting_date": "2026-01-20", "next_review_date": "2026-05-01"},
        ),
        _child("C-SOON", "School B"),  # spring deadline 13 February: within 15 working days
        _child("C-LATE", "School B", education={"date_joined": "2025-11-03"}),
        _child("C-EXEMPT", "School C", care={"legal_status": "V4"}),
    ]
    items = due_schedule(peps, as_of)
    assert [(i.la_child_id, i.status, i.kind, i.basis) for i in items] == [
        ("C-LATE", "overdue", "school_change", "local_practice"),
        ("C-SOON", "due-soon", "termly", "local_practice"),
        ("C-OK", "ok", "termly", "local_practice"),
        ("C-EXEMPT", "exempt", "", ""),
    ]
    assert items[0].due == D(2025, 12, 1)
    assert items[2].due == D(2026, 5, 22)


def test_due_lists_a_statutory_overdue_date_before_a_local_one() -> None:
    # Entered 3 November 2025 (planned, PEP started 30 October); Westmere's own 15 working
    # days end 24 November, the statute's 20 on 1 December.
    pep = _child("C-NEW", "School A", meta={"authority": "westmere", "pep_type": "initial",
                                           "meeting_date": None, "previous_pep_date": None,
                                           "initiated_date": "2025-10-30"},
                 care={"date_became_looked_after": "2025-11-03",
                       "placement_start_date": "2025-11-03"})
    (local,) = due_schedule([pep], D(2025, 11, 26))
    assert (local.status, local.kind, local.due, local.basis) == (
        "overdue", "initial_local", D(2025, 11, 24), "local_practice")
    (statutory,) = due_schedule([pep], D(2025, 12, 2))
    assert (statutory.kind, statutory.due, statutory.basis) == (
        "initial", D(2025, 12, 1), "statute")


def test_due_names_the_next_care_plan_review() -> None:
    # Entered 3 November 2025: reviews due 1 December 2025, 1 March 2026, 1 September 2026.
    pep = _child("C-1", "School A", care={"date_became_looked_after": "2025-11-03",
                                          "placement_start_date": "2025-11-03"},
                 meta={"meeting_date": "2025-11-20", "previous_pep_date": None,
                       "pep_type": "initial", "initiated_date": "2025-11-03"})
    (item,) = due_schedule([pep], D(2026, 3, 2))
    assert item.care_review == D(2026, 9, 1)
    assert item.to_row()["care_review"] == "2026-09-01"


def test_due_on_20_november_2026_after_a_10_august_review_is_autumn_and_overdue() -> None:
    pep = _child("C-1", "School A", meta={"meeting_date": "2026-08-10",
                                          "previous_pep_date": "2026-05-20",
                                          "next_review_date": "2026-10-14"})
    (item,) = due_schedule([pep], D(2026, 11, 20))
    assert (item.status, item.kind, item.due) == ("overdue", "termly", D(2026, 10, 23))


def test_due_soon_is_15_working_days_by_default() -> None:
    pep = _child("C1", "School A")  # due 13 February 2026
    assert due_schedule([pep], D(2026, 1, 23))[0].status == "due-soon"  # 15 working days
    assert due_schedule([pep], D(2026, 1, 22))[0].status == "ok"


def test_only_each_child_s_latest_pep_counts() -> None:
    older = _child("C1", "School A", meta={"meeting_date": "2025-06-11"})
    newer = _child("C1", "School A")
    items = due_schedule([("old.json", older), ("new.json", newer)], D(2025, 11, 1))
    assert [(i.source, i.last_meeting) for i in items] == [("new.json", D(2025, 10, 8))]


# ----------------------------------------------------------------------------- the samples


def _sample_folder(tmp_path: Path) -> Path:
    shipped = REPO / "samples"
    if shipped.is_dir() and any(shipped.glob("*.json")):
        return shipped
    samples = pytest.importorskip("pepdocs.samples")
    samples.write_samples(40, tmp_path, seed=7)
    return tmp_path


@pytest.mark.slow
def test_checking_the_samples_gives_plausible_findings(tmp_path: Path) -> None:
    folder = _sample_folder(tmp_path)
    results = check_path(folder, D(2026, 7, 24))
    readable = [r for r in results if r.error is None]
    assert len(readable) >= len(results) * 0.8
    ratings = Counter(r.rating for r in readable)
    assert set(ratings) <= {"gold", "green", "amber", "red", None}
    rules = Counter(f.rule_id for r in readable for f in r.findings)
    # After the summer deadline, autumn and spring PEPs are overdue and the rest are next due
    # in the autumn: every PEP gets one of the termly findings unless it is exempt.
    termly = rules["TL010"] + rules["TL012"] + rules["TL013"]
    assert termly + rules["TL040"] + rules["TL091"] + rules["TL060"] >= len(readable)
    assert rules["TL013"] > 0
    # Generated PEPs are mostly well written: most are not red for quality reasons alone.
    quality_red = [
        r
        for r in readable
        if any(f.severity == "error" and f.rule_id.startswith("QA") for f in r.findings)
    ]
    assert len(quality_red) < len(readable) / 2
