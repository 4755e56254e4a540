"""Running a batch: one form per child, bad rows reported while the rest are made, reruns
that skip what is done, no file overwritten unless asked, the same outputs on any --jobs."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from pepdocs import api, binding
from pepdocs.batch import BatchOptions, run_batch
from pepdocs.batch.manifest import JOURNAL, MANIFEST_CSV, MANIFEST_JSON
from pepdocs.batch.runner import ZIP_NAME, output_name
from pepdocs.mapping import resolve_form
from pepdocs.model.paths import get_path

from .rosters import child, upn, write_roster

TODAY = dt.date(2026, 2, 2)  # spring term 2025-26


def options(out: Path, **changes: Any) -> BatchOptions:
    return BatchOptions(out_dir=out, today=TODAY, **changes)


def manifest_rows(out: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads((out / MANIFEST_JSON).read_text("utf-8"))["rows"]
    return rows


def test_each_child_gets_one_form_with_a_predictable_name(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "roster.csv", [child(1), child(2)])
    result = run_batch(roster, options(tmp_path / "out"))
    assert result.exit_code == 0
    assert result.counts == {"made": 2}
    names = sorted(path.name for path in (tmp_path / "out").glob("*.docx"))
    assert names == [
        "northshire-9000001-2025-26-spring.docx",
        "northshire-9000002-2025-26-spring.docx",
    ]


def test_the_forms_extract_back_to_the_rosters_values(tmp_path: Path) -> None:
    roster = write_roster(
        tmp_path / "roster.csv",
        [child(1), child(2, Authority="eastborough", NCY="Year 8", Gender="Male")],
    )
    run_batch(roster, options(tmp_path / "out"))
    for entry, number in zip(manifest_rows(tmp_path / "out"), (1, 2), strict=True):
        form = resolve_form(entry["authority"], form=entry["form"])
        pep = api.extract(tmp_path / "out" / entry["output"], form).pep
        mapped = binding.mapped_paths(form)
        expected = {
            "child.la_child_id": f"90{number:05d}",
            "child.first_name": f"Testchild{number}",
            "child.date_of_birth": "2016-03-14",
            "child.upn": upn(f"99120221{number:04d}"),
            "care.legal_status": "C2",
            "care.placement_start_date": "2024-09-02",
            "education.setting_name": "Nowhere Primary School",
            "education.ncy": "5" if number == 1 else "8",
            "education.sen_provision": "N",
            "child.gender": "F" if number == 1 else "M",
        }
        checked = {path: value for path, value in expected.items() if path in mapped}
        assert len(checked) >= 8, entry["authority"]
        assert {path: get_path(pep, path) for path in checked} == checked


def test_bad_rows_are_reported_with_row_and_reason_and_the_rest_are_made(
    tmp_path: Path,
) -> None:
    rows = [
        child(1),
        child(2, UPN="B123456789012"),  # wrong check letter (A is right)
        child(3, Authority="Northshyre"),
        child(4, DOB=""),
        child(5),
    ]
    result = run_batch(write_roster(tmp_path / "roster.csv", rows), options(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.counts == {"made": 2, "failed": 3}
    assert result.failures[0].startswith("row 3: not a valid PEP: child.upn")
    assert result.failures[1].startswith("row 4: unknown authority 'Northshyre'")
    assert "northshire" in result.failures[1]  # the "did you mean"
    assert result.failures[2] == "row 5: missing date of birth"
    made = {entry["row"] for entry in manifest_rows(tmp_path / "out") if entry["output"]}
    assert made == {2, 6}
    assert all("Testchild" not in failure for failure in result.failures)


def test_the_same_child_twice_is_made_once(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "roster.csv", [child(1), child(1)])
    result = run_batch(roster, options(tmp_path / "out"))
    assert result.counts == {"made": 1, "failed": 1}
    assert result.failures == ["row 3: the same child as row 2; only the first is made"]


def test_a_rerun_skips_what_is_done_and_remakes_what_changed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    roster = write_roster(tmp_path / "roster.csv", [child(1), child(2)])
    run_batch(roster, options(out))
    first = out / "northshire-9000001-2025-26-spring.docx"
    second = out / "northshire-9000002-2025-26-spring.docx"
    os.utime(first, (1, 1))
    os.utime(second, (1, 1))

    again = run_batch(roster, options(out))
    assert again.counts == {"unchanged": 2}
    assert first.stat().st_mtime == 1 and second.stat().st_mtime == 1

    write_roster(roster, [child(1), child(2, School="Elsewhere Academy")])
    changed = run_batch(roster, options(out))
    assert changed.counts == {"unchanged": 1, "updated": 1}
    assert first.stat().st_mtime == 1 and second.stat().st_mtime != 1
    pep = api.extract(second, "northshire", "school_age").pep
    assert pep["education"]["setting_name"] == "Elsewhere Academy"
    assert [entry["status"] for entry in manifest_rows(out)] == ["unchanged", "updated"]


def test_an_existing_file_is_kept_without_force_and_replaced_with_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    theirs = out / "northshire-9000001-2025-26-spring.docx"
    theirs.write_bytes(b"a form a school already started")
    roster = write_roster(tmp_path / "roster.csv", [child(1), child(2)])

    kept = run_batch(roster, options(out))
    assert kept.counts == {"kept": 1, "made": 1}
    assert kept.exit_code == 0
    assert theirs.read_bytes() == b"a form a school already started"
    assert "--force" in manifest_rows(out)[0]["warnings"][0]

    forced = run_batch(roster, options(out, force=True))
    assert forced.counts == {"made": 2}
    assert theirs.read_bytes().startswith(b"PK")


def test_an_output_edited_since_the_last_run_is_not_ours_any_more(tmp_path: Path) -> None:
    out = tmp_path / "out"
    roster = write_roster(tmp_path / "roster.csv", [child(1)])
    run_batch(roster, options(out))
    made = out / "northshire-9000001-2025-26-spring.docx"
    made.write_bytes(made.read_bytes() + b"\0")  # someone changed it
    write_roster(roster, [child(1, School="Elsewhere Academy")])
    assert run_batch(roster, options(out)).counts == {"kept": 1}


def test_rows_may_name_different_authorities_and_phases(tmp_path: Path) -> None:
    rows = [
        child(1),
        child(2, Authority="eastborough"),
        child(3, Authority="eastborough", NCY="Year 12", Phase="post16", DOB="01/10/2009"),
        child(4, Authority="", Phase=""),  # takes --authority and its phase from the year
    ]
    roster = write_roster(tmp_path / "roster.csv", rows)
    result = run_batch(roster, options(tmp_path / "out", authority="westmere"))
    assert result.counts == {"made": 4}
    assert [(entry["authority"], entry["form"]) for entry in manifest_rows(tmp_path / "out")] == [
        ("northshire", "school_age"),
        ("eastborough", "school_age"),
        ("eastborough", "post16"),
        ("westmere", "school_age"),
    ]


def test_an_authority_without_the_phases_form_uses_one_the_year_group_fits(
    tmp_path: Path,
) -> None:
    rows = [
        child(1, Authority="westmere", Phase="early_years", NCY="Reception", DOB="01/01/2021"),
        child(2, Authority="westmere", Phase="post16", NCY="Year 12", DOB="01/10/2009"),
    ]
    result = run_batch(write_roster(tmp_path / "r.csv", rows), options(tmp_path / "out"))
    first, second = manifest_rows(tmp_path / "out")
    assert first["status"] == "made" and first["form"] == "school_age"
    assert any("westmere has no early_years form" in line for line in first["warnings"])
    assert second["status"] == "failed"
    assert result.failures == ["row 3: westmere has no post16 form (its forms: school_age)"]


def test_previous_peps_are_rolled_forward_into_the_form(tmp_path: Path) -> None:
    previous = tmp_path / "previous"
    previous.mkdir()
    sample = json.loads(Path("samples/pep-amara-okafor.json").read_text("utf-8"))
    (previous / "amara.json").write_text(json.dumps(sample), encoding="utf-8")
    row = child(1, **{"LA Child ID": sample["child"]["la_child_id"], "UPN": ""})
    roster = write_roster(tmp_path / "roster.csv", [row])
    run_batch(roster, options(tmp_path / "out", previous=(previous,)))
    (entry,) = manifest_rows(tmp_path / "out")
    assert entry["output"].endswith("-2025-26-summer.docx")  # the term after spring
    pep = api.extract(tmp_path / "out" / entry["output"], "northshire", "school_age").pep
    assert [item["description"] for item in pep["previous_targets"]] == [
        target["description"] for target in sample["targets"]
    ]
    assert pep["meta"]["pep_type"] == "review"
    assert pep["meta"]["previous_pep_date"] == sample["meta"]["meeting_date"]
    assert pep["child"]["first_name"] == "Testchild1"  # the roster wins
    assert pep["care"]["social_worker"]["phone"] == sample["care"]["social_worker"]["phone"]


@pytest.mark.slow
def test_two_jobs_make_exactly_the_files_one_job_makes(tmp_path: Path) -> None:
    rows = [child(number) for number in range(1, 7)] + [child(7, DOB="")]
    rows += [child(8, Authority="eastborough")]
    roster = write_roster(tmp_path / "roster.csv", rows)
    one = run_batch(roster, options(tmp_path / "one"))
    two = run_batch(roster, options(tmp_path / "two", jobs=2))
    assert one.counts == two.counts == {"made": 7, "failed": 1}
    assert (tmp_path / "one" / MANIFEST_CSV).read_bytes() == (
        tmp_path / "two" / MANIFEST_CSV
    ).read_bytes()
    for made in (tmp_path / "one").glob("*.docx"):
        assert made.read_bytes() == (tmp_path / "two" / made.name).read_bytes()


def test_zip_holds_the_forms_and_both_manifests(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "roster.csv", [child(1), child(2, DOB="")])
    result = run_batch(roster, options(tmp_path / "out", zip=True))
    assert result.zip_path == tmp_path / "out" / ZIP_NAME
    with zipfile.ZipFile(result.zip_path) as archive:
        assert sorted(archive.namelist()) == sorted(
            ["northshire-9000001-2025-26-spring.docx", MANIFEST_CSV, MANIFEST_JSON]
        )
        assert (
            archive.read("northshire-9000001-2025-26-spring.docx")
            == (tmp_path / "out" / "northshire-9000001-2025-26-spring.docx").read_bytes()
        )


def test_a_meeting_date_option_sets_the_term_of_every_row(tmp_path: Path) -> None:
    roster = write_roster(tmp_path / "roster.csv", [child(1)])
    run_batch(roster, options(tmp_path / "out", meeting_date=dt.date(2026, 9, 21)))
    (entry,) = manifest_rows(tmp_path / "out")
    assert entry["output"] == "northshire-9000001-2026-27-autumn.docx"
    pep = api.extract(tmp_path / "out" / entry["output"], "northshire", "school_age").pep
    assert pep["meta"]["meeting_date"] == "2026-09-21"
    assert pep["meta"]["next_review_date"] > "2026-09-21"


def test_output_names_cannot_leave_the_folder() -> None:
    name = output_name("northshire", "../../etc/x", "2025-26", "spring", "docx")
    assert "/" not in name and ".." not in name
    assert name.startswith("northshire-etc_x~") and name.endswith("-2025-26-spring.docx")


def test_jobs_below_one_are_a_usage_error(tmp_path: Path) -> None:
    from pepdocs.errors import UsageError

    roster = write_roster(tmp_path / "roster.csv", [child(1)])
    with pytest.raises(UsageError, match="--jobs"):
        run_batch(roster, options(tmp_path / "out", jobs=0))


@pytest.mark.slow
def test_a_mapping_files_roster_section_names_the_columns_of_its_export(
    tmp_path: Path,
) -> None:
    mappings = tmp_path / "mappings"
    mappings.mkdir()
    shipped = Path("mappings/westmere-school-age.yaml").read_text(encoding="utf-8")
    (mappings / "westmere-school-age.yaml").write_text(
        shipped + '\nroster:\n  columns:\n    "Child Number": child.la_child_id\n'
        '    "Birthday": child.date_of_birth\n',
        encoding="utf-8",
    )
    row = child(1, Authority="westmere")
    row["Child Number"] = row.pop("LA Child ID")
    row["Birthday"] = row.pop("DOB")
    headers = [name for name in row if name != "UPN"]
    roster = write_roster(tmp_path / "roster.csv", [row], headers)
    result = run_batch(
        roster, options(tmp_path / "out", authority="westmere", mappings_dirs=(str(mappings),))
    )
    assert result.counts == {"made": 1}
    assert result.ignored_columns == []
    (entry,) = manifest_rows(tmp_path / "out")
    assert entry["output"] == "westmere-9000001-2025-26-spring.docx"


def test_pdf_copies_come_from_one_libreoffice_run_per_chunk(
    tmp_path: Path, libreoffice: Path
) -> None:
    roster = write_roster(tmp_path / "roster.csv", [child(1), child(2)])
    result = run_batch(roster, options(tmp_path / "out", pdf=True))
    assert result.counts == {"made": 2}
    for entry in manifest_rows(tmp_path / "out"):
        pdf = tmp_path / "out" / entry["pdf"]
        assert pdf.name == entry["output"].replace(".docx", ".pdf")
        assert pdf.read_bytes().startswith(b"%PDF")
        assert entry["pdf_sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert not list((tmp_path / "out").glob(".pdf-*"))  # the scratch folder is gone


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_batch_stopped_midway_leaves_no_half_manifest_and_no_workers(
    tmp_path: Path, jobs: int
) -> None:
    roster = write_roster(tmp_path / "roster.csv", [child(number) for number in range(1, 200)])

    def interrupted(done: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(roster, options(tmp_path / "out", jobs=jobs), interrupted)
    left = sorted(path.name for path in (tmp_path / "out").iterdir())
    # the journal stays: it is what tells a rerun which of these forms the batch made
    hidden = [name for name in left if name.startswith(".") and name != JOURNAL]
    assert not hidden and not [name for name in left if "manifest" in name]
    made = [name for name in left if name.endswith(".docx")]
    assert made and len(made) == len(left) - 1
    rerun = run_batch(roster, options(tmp_path / "out", jobs=jobs))
    assert rerun.counts == {"unchanged": len(made), "made": 199 - len(made)}
    assert not (tmp_path / "out" / JOURNAL).exists()


def _eastborough_without_previous_targets(folder: Path) -> Path:
    """The shipped Eastborough school-age mapping with its review-of-targets table left out
    (the form a child's rolled-forward targets have no place on)."""
    folder.mkdir()
    text = Path("mappings/eastborough-school-age.yaml").read_text("utf-8")
    start = text.index("\n  - path: previous_targets")
    end = text.index("\n  - path: ", start + 1)
    (folder / "eastborough-school-age.yaml").write_text(text[:start] + text[end:], "utf-8")
    return folder


def test_values_a_form_has_no_place_for_are_warnings_and_strict_fails_the_row(
    tmp_path: Path,
) -> None:
    mappings = _eastborough_without_previous_targets(tmp_path / "mappings")
    previous = tmp_path / "previous"
    previous.mkdir()
    sample = json.loads(Path("samples/pep-oisin-obrien.json").read_text("utf-8"))
    (previous / "oisin.json").write_text(json.dumps(sample), encoding="utf-8")
    row = child(
        1,
        **{"LA Child ID": sample["child"]["la_child_id"], "UPN": "", "Authority": "eastborough"},
    )
    roster = write_roster(tmp_path / "roster.csv", [row])
    made = options(tmp_path / "out", previous=(previous,), mappings_dirs=(str(mappings),))
    result = run_batch(roster, made)
    (entry,) = manifest_rows(tmp_path / "out")
    assert entry["status"] == "made"
    carried = len(sample["targets"])
    expected = f"no place on the form: previous_targets: description ({carried} values)"
    assert expected in entry["warnings"]
    assert result.incomplete == 1
    assert f"row 2: {expected}" in result.unplaced
    assert "1 form without room for every value" in result.summary()

    strict = options(
        tmp_path / "strict", previous=(previous,), mappings_dirs=(str(mappings),), strict=True
    )
    result = run_batch(roster, strict)
    (entry,) = manifest_rows(tmp_path / "strict")
    assert entry["status"] == "failed" and result.exit_code == 1
    assert entry["warnings"][0] == (
        "eastborough/school_age has no place for previous_targets.*.description (--strict): "
        "not made"
    )
    assert not list((tmp_path / "strict").glob("*.docx"))
