"""The synthetic sample generator and the shipped samples: valid, varied, fictional, stable."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import random
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pepdocs.errors import OutputExistsError, UsageError
from pepdocs.mapping.registry import list_authorities
from pepdocs.model import field_catalog, get_codelist, load_pep, validate_pep
from pepdocs.model.phases import list_phases
from pepdocs.samples import (
    ACADEMIC_YEAR,
    AUTHORITIES,
    dump_sample,
    generate_pep,
    generate_peps,
    write_samples,
)

PHASES = list_phases()

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
SHIPPED = sorted(SAMPLES_DIR.glob("pep-*.json"))

ROSTER_HEADERS = [
    "LA Child ID",
    "Forename",
    "Surname",
    "Preferred Name",
    "DOB",
    "Gender",
    "Ethnicity",
    "UPN",
    "Legal Status",
    "Date Became LAC",
    "Placement Type",
    "Placement Start",
    "Carer Name",
    "Social Worker",
    "SW Email",
    "IRO",
    "School",
    "URN",
    "NCY",
    "Designated Teacher",
    "DT Email",
    "SEN Status",
    "Authority",
    "Phase",
]

PHASE_NCY = {
    "early_years": {"N1", "N2", "E1", "E2", "R"},
    "school_age": {"R", *(str(year) for year in range(1, 12))},
    "post16": {"12", "13", "14"},
}
NCY_OFFSET = {
    "E1": -3,
    "E2": -2,
    "N1": -2,
    "N2": -1,
    "R": 0,
    **{str(year): year for year in range(1, 15)},
}

# Written out from the published algorithm (docs/sources.md) rather than imported, so the test
# checks the generator against it and not against itself.
UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ"


def upn_is_valid(upn: str) -> bool:
    if not re.fullmatch(r"[A-Z]\d{12}", upn):
        return False
    total = sum(weight * int(char) for weight, char in enumerate(upn[1:], start=2))
    return UPN_LETTERS[total % 23] == upn[0]


def uln_is_valid(uln: str) -> bool:
    if not re.fullmatch(r"\d{10}", uln):
        return False
    remainder = sum(int(d) * w for d, w in zip(uln[:9], range(10, 1, -1), strict=True)) % 11
    return remainder != 0 and 10 - remainder == int(uln[9])


def iter_strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from iter_strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from iter_strings(item, f"{path}.{index}")
    elif isinstance(value, str):
        yield path, value


def iter_codes(pep: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(path, code list, value) for every coded value in ``pep``, found via the catalogue."""
    catalog = field_catalog()
    for path, info in catalog.items():
        if info.codelist:
            section, _, name = path.rpartition(".")
            holder = pep
            for part in section.split(".") if section else []:
                holder = holder.get(part) or {}
            if name in holder:
                yield path, info.codelist, holder[name]
        for item_info in info.item_fields:
            if not item_info.codelist:
                continue
            section, _, name = path.rpartition(".")
            holder = pep
            for part in section.split(".") if section else []:
                holder = holder.get(part) or {}
            for item in holder.get(name) or []:
                if item_info.path in item:
                    yield f"{path}.{item_info.path}", item_info.codelist, item[item_info.path]


def date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def consistency_problems(pep: dict[str, Any]) -> list[str]:
    """Every way ``pep`` breaks the rules the samples promise; empty when it is consistent."""
    problems: list[str] = []

    def check(condition: bool, message: str) -> None:
        if not condition:
            problems.append(message)

    meta, child = pep["meta"], pep["child"]
    care, education = pep.get("care", {}), pep.get("education", {})
    check(meta["authority"] in AUTHORITIES, "meta.authority is a fictional authority")
    check(meta["authority"] == meta["authority"].lower(), "meta.authority is lower case")
    start_year = int(meta["academic_year"][:4])
    check(
        meta["academic_year"] == f"{start_year}-{(start_year + 1) % 100:02d}",
        "academic_year is YYYY-YY",
    )
    meeting = date(meta["meeting_date"])
    check(
        dt.date(start_year, 9, 1) <= meeting <= dt.date(start_year + 1, 8, 31),
        "meeting_date inside the academic year",
    )
    check(date(meta["next_review_date"]) > meeting, "next review after the meeting")
    if "previous_pep_date" in meta:
        check(date(meta["previous_pep_date"]) < meeting, "previous PEP before the meeting")
    check(
        meta["pep_type"] != "initial" or "previous_targets" not in pep,
        "an initial PEP has no previous targets",
    )

    # child and year group
    dob = date(child["date_of_birth"])
    ncy = education["ncy"]
    check(ncy in PHASE_NCY[meta["phase"]], "NCY fits the phase")
    offset = NCY_OFFSET[ncy]
    check(
        dt.date(start_year - offset - 5, 9, 1) <= dob <= dt.date(start_year - offset - 4, 8, 31),
        "date of birth fits the NCY",
    )
    if "upn" in child:
        check(upn_is_valid(child["upn"]), "UPN check letter")
        check(child["upn"][1:4] == education["laestab"][:3], "UPN LA matches LAESTAB LA")
    if "uln" in child:
        check(uln_is_valid(child["uln"]), "ULN check digit")
    check(meta["phase"] != "post16" or "uln" in child, "post-16 learners have a ULN")

    # care
    became = date(care["date_became_looked_after"])
    check(dob < became <= meeting, "entered care after birth, before the meeting")
    check(became <= date(care["placement_start_date"]) <= meeting, "placement start in range")
    check(care["number_of_placements"] >= 1, "at least one placement")

    # education
    check(bool(re.fullmatch(r"\d{6}", education["urn"])), "URN is 6 digits")
    check(bool(re.fullmatch(r"\d{7}", education["laestab"])), "LAESTAB is 7 digits")
    check(date(education["date_joined"]) <= meeting, "joined the setting before the meeting")
    check(
        ("ehcp_date" in education) == (education["sen_provision"] == "E"),
        "ehcp_date exactly when sen_provision is E",
    )
    check(
        ("sen_primary_need" in education) == (education["sen_provision"] != "N"),
        "a primary need exactly when there is SEN",
    )
    attendance = education.get("attendance")
    if attendance:
        possible, missed = attendance["sessions_possible"], attendance["sessions_missed"]
        check(0 <= missed <= possible, "sessions_missed <= sessions_possible")
        expected = 100 * (possible - missed) / possible
        check(abs(attendance["percent"] - expected) <= 0.05, "percent agrees with sessions")
        check(
            date(attendance["period_start"]) <= date(attendance["period_end"]) <= meeting,
            "attendance period before the meeting",
        )
    for exclusion in education.get("exclusions", []):
        check(date(exclusion["start_date"]) <= meeting, "exclusion before the meeting")

    # targets and PP+
    targets = pep.get("targets", [])
    ids = [target["id"] for target in targets]
    check(len(ids) == len(set(ids)), "target ids are unique")
    for target in targets:
        check(
            meeting < date(target["due_date"]) < date(meta["next_review_date"]),
            "target due after the meeting, before the next review",
        )
        check(bool(re.search(r"\d", target["success_criteria"])), "success criteria carry a number")
        check(bool(target.get("lead")), "every target has a lead")
    pp_plus = pep.get("pp_plus")
    if pp_plus:
        total = sum((Decimal(item["cost"]) for item in pp_plus["items"]), Decimal(0))
        check(Decimal(pp_plus["requested_total"]) == total, "PP+ total is the sum of items")
        check(
            all(item.get("target_id") in ids for item in pp_plus["items"]),
            "PP+ items refer to existing targets",
        )
    for path, value in iter_strings(pep):
        if path.endswith(("cost", "requested_total", "pp_plus_cost")):
            check(bool(re.fullmatch(r"\d+\.\d{2}", value)), f"{path} is a decimal string")

    # sign-off
    for key, value in pep.get("signoff", {}).items():
        if key.endswith("_date"):
            check(date(value) >= meeting, f"signoff.{key} on or after the meeting")

    # contact details: fictional ranges only
    for path, value in iter_strings(pep):
        if path.endswith("email"):
            check(value.endswith(".example"), f"{path} is under .example")
        if path.endswith("phone"):
            check(
                bool(re.fullmatch(r"01632 960\d{3}|07700 900\d{3}", value)),
                f"{path} is in an Ofcom drama range",
            )
        check(value == value.strip(), f"{path} has no surrounding whitespace")
        check(not re.search(r"[\x00-\x09\x0b-\x1f\x7f]", value), f"{path} has no control chars")
    return problems


def assert_valid(pep: dict[str, Any]) -> None:
    assert validate_pep(pep) == []
    assert consistency_problems(pep) == []


@pytest.fixture(scope="module")
def batch() -> list[dict[str, Any]]:
    return list(generate_peps(200, seed=7))


# --------------------------------------------------------------------------- determinism


def test_the_same_seed_gives_the_same_peps() -> None:
    assert list(generate_peps(20, seed=3)) == list(generate_peps(20, seed=3))


def test_different_seeds_give_different_peps() -> None:
    assert list(generate_peps(5, seed=1)) != list(generate_peps(5, seed=2))


def test_an_item_does_not_depend_on_how_many_are_asked_for() -> None:
    assert list(generate_peps(3, seed=5)) == list(generate_peps(10, seed=5))[:3]


@pytest.mark.slow
def test_the_output_does_not_depend_on_string_hashing() -> None:
    # hash() of a str changes with PYTHONHASHSEED; a set or a hash-seeded choice would make
    # two runs differ, which in-process comparisons cannot catch.
    script = "from pepdocs.samples import generate_peps; print(list(generate_peps(20, 5)))"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        ).stdout
        for hash_seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_generate_pep_is_driven_only_by_the_random_generator() -> None:
    assert generate_pep(random.Random(42)) == generate_pep(random.Random(42))


def test_pep_ids_are_unique_within_a_batch(batch: list[dict[str, Any]]) -> None:
    ids = [pep["meta"]["pep_id"] for pep in batch]
    assert len(set(ids)) == len(ids)
    assert ids[0] == "SAMPLE-7-0001"


# --------------------------------------------------------------------------- validity


@pytest.mark.slow
def test_two_hundred_generated_peps_all_validate(batch: list[dict[str, Any]]) -> None:
    for pep in batch:
        assert validate_pep(pep) == [], pep["meta"]["pep_id"]
        assert load_pep(pep) == pep  # already normalised: loading changes nothing
        assert consistency_problems(pep) == [], pep["meta"]["pep_id"]


def test_every_code_is_in_its_code_list(batch: list[dict[str, Any]]) -> None:
    seen = 0
    for pep in batch:
        for path, name, value in iter_codes(pep):
            assert value in get_codelist(name).codes, path
            seen += 1
    assert seen > 200 * 10


def test_upn_check_letters_follow_the_dfe_algorithm(batch: list[dict[str, Any]]) -> None:
    assert upn_is_valid("B801200005001") and upn_is_valid("P207000016049")
    upns = [pep["child"]["upn"] for pep in batch if "upn" in pep["child"]]
    assert len(upns) > 150
    assert all(upn_is_valid(upn) for upn in upns)


def test_json_round_trips_through_the_dumped_text(batch: list[dict[str, Any]]) -> None:
    pep = batch[0]
    assert json.loads(dump_sample(pep).decode("utf-8")) == pep
    assert dump_sample(pep).endswith(b"}\n")
    assert "Zoë" in dump_sample({**pep, "child": {**pep["child"], "first_name": "Zoë"}}).decode()


# --------------------------------------------------------------------------- variety


def test_every_phase_and_authority_appears(batch: list[dict[str, Any]]) -> None:
    assert {pep["meta"]["phase"] for pep in batch} == set(PHASES)
    assert {pep["meta"]["authority"] for pep in batch} == set(AUTHORITIES)
    assert {pep["meta"]["pep_type"] for pep in batch} >= {"initial", "review"}
    assert {pep["meta"]["academic_year"] for pep in batch} == {ACADEMIC_YEAR}


def test_target_counts_range_from_zero_to_eight(batch: list[dict[str, Any]]) -> None:
    counts = Counter(len(pep.get("targets", [])) for pep in batch)
    assert min(counts) == 0
    assert max(counts) == 8


@pytest.mark.parametrize(
    "section",
    [
        "health",
        "transition",
        "linked_plans",
        "pp_plus",
        "attendees",
        "signoff",
        "previous_targets",
        "views",
    ],
)
def test_optional_sections_are_sometimes_missing_and_sometimes_present(
    batch: list[dict[str, Any]],
    section: str,
) -> None:
    present = sum(section in pep for pep in batch)
    assert 0 < present < len(batch)


def test_parts_of_the_views_are_sometimes_missing(batch: list[dict[str, Any]]) -> None:
    for part in ("child", "carer", "parent", "school", "social_worker"):
        present = sum(part in pep.get("views", {}) for pep in batch)
        assert 0 < present < len(batch), part
    assert any("exclusions" in pep["education"] for pep in batch)


def test_missing_data_is_a_missing_key_never_null_or_empty(
    batch: list[dict[str, Any]],
) -> None:
    def walk(value: Any) -> Iterator[Any]:
        yield value
        children = value.values() if isinstance(value, dict) else value
        if isinstance(value, dict | list):
            for child in children:
                yield from walk(child)

    for pep in batch:
        assert all(value not in (None, [], {}, "") for value in walk(pep))


def test_names_carry_diacritics_apostrophes_and_hyphens(batch: list[dict[str, Any]]) -> None:
    names = " ".join(f"{pep['child']['first_name']} {pep['child']['last_name']}" for pep in batch)
    assert re.search(r"[^\x00-\x7f]", names)
    assert "'" in names
    assert "-" in names


def test_free_text_is_long_and_awkward_sometimes(batch: list[dict[str, Any]]) -> None:
    views = [value for pep in batch for value in pep.get("views", {}).values()]
    assert any("\n" in value for value in views)
    assert max(map(len, views)) > 1000
    assert max(map(len, views)) <= 2000
    everything = json.dumps(batch, ensure_ascii=False)
    for awkward in ("&", "<", ">", '\\"', "'", "{{"):
        assert awkward in everything


def test_each_phase_uses_its_own_attainment_scales(batch: list[dict[str, Any]]) -> None:
    scales: dict[str, set[str]] = {phase: set() for phase in PHASES}
    for pep in batch:
        scales[pep["meta"]["phase"]].update(row["scale"] for row in pep["attainment"])
    assert any("EYFS" in scale or "Development Matters" in scale for scale in scales["early_years"])
    assert any("KS2 scaled score" in scale for scale in scales["school_age"])
    assert any("GCSE 9-1" in scale for scale in scales["school_age"])
    assert any("Level" in scale for scale in scales["post16"])


# --------------------------------------------------------------------------- filters


@pytest.mark.parametrize("phase", PHASES)
def test_a_phase_can_be_fixed(phase: str) -> None:
    peps = list(generate_peps(10, seed=1, phase=phase, authority="eastborough"))
    assert {pep["meta"]["phase"] for pep in peps} == {phase}
    assert {pep["meta"]["authority"] for pep in peps} == {"eastborough"}
    for pep in peps:
        assert_valid(pep)


def test_an_unknown_authority_or_phase_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown sample authority"):
        list(generate_peps(1, authority="atlantis"))
    with pytest.raises(UsageError, match="unknown phase"):
        list(generate_peps(1, phase="university"))


# --------------------------------------------------------------------------- writing


def test_write_samples_writes_numbered_json_files(tmp_path: Path) -> None:
    paths = write_samples(3, tmp_path / "out", seed=4)
    assert [path.name for path in paths] == ["pep-0001.json", "pep-0002.json", "pep-0003.json"]
    written = [json.loads(path.read_text(encoding="utf-8")) for path in paths]
    assert written == list(generate_peps(3, seed=4))
    assert not list((tmp_path / "out").glob(".*.part"))


def test_write_samples_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    (tmp_path / "pep-0002.json").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExistsError, match=r"pep-0002\.json"):
        write_samples(3, tmp_path)
    assert (tmp_path / "pep-0002.json").read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "pep-0001.json").exists()  # all or nothing


def test_write_samples_overwrites_with_force(tmp_path: Path) -> None:
    (tmp_path / "pep-0001.json").write_text("old", encoding="utf-8")
    write_samples(1, tmp_path, force=True)
    assert json.loads((tmp_path / "pep-0001.json").read_text(encoding="utf-8"))["meta"]


def test_write_samples_refuses_a_file_as_the_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(UsageError, match="not a folder"):
        write_samples(1, tmp_path / "file")


def test_a_negative_count_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        write_samples(-1, tmp_path)


# --------------------------------------------------------------------------- shipped samples


def test_the_shipped_samples_exist_for_each_phase() -> None:
    assert 6 <= len(SHIPPED) <= 8
    phases = {json.loads(path.read_text(encoding="utf-8"))["meta"]["phase"] for path in SHIPPED}
    assert phases == set(PHASES)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_a_shipped_sample_is_valid(path: Path) -> None:
    assert_valid(json.loads(path.read_text(encoding="utf-8")))


def test_the_roster_parses_with_the_expected_headers() -> None:
    with (SAMPLES_DIR / "roster.csv").open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        rows = list(reader)
    assert reader.fieldnames == ROSTER_HEADERS
    assert 10 <= len(rows) <= 14
    for row in rows:
        dt.datetime.strptime(row["DOB"], "%d/%m/%Y")  # UK day-first dates
        assert row["Authority"] in AUTHORITIES
        assert row["Phase"] in PHASES
        if row["UPN"]:
            assert upn_is_valid(row["UPN"]), row["LA Child ID"]


def test_the_roster_matches_the_shipped_samples_by_child_id() -> None:
    with (SAMPLES_DIR / "roster.csv").open(encoding="utf-8", newline="") as stream:
        roster = {row["LA Child ID"]: row for row in csv.DictReader(stream)}
    assert len(roster) >= 10  # ids are unique
    for path in SHIPPED:
        pep = json.loads(path.read_text(encoding="utf-8"))
        row = roster.get(pep["child"]["la_child_id"])
        assert row is not None, path.name
        assert row["Surname"] == pep["child"]["last_name"]
        assert row["Authority"] == pep["meta"]["authority"]
        assert dt.datetime.strptime(row["DOB"], "%d/%m/%Y").date() == date(
            pep["child"]["date_of_birth"]
        )


def test_every_shipped_sample_and_roster_row_has_a_form_to_fill() -> None:
    """The demos in the README work: each sample's authority has a form for its phase."""
    forms = {
        (authority.name, phase)
        for authority in list_authorities()
        for form in authority.forms
        for phase in form.covers
    }
    for path in SHIPPED:
        meta = json.loads(path.read_text(encoding="utf-8"))["meta"]
        assert (meta["authority"], meta["phase"]) in forms, path.name
    with (SAMPLES_DIR / "roster.csv").open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            assert (row["Authority"], row["Phase"]) in forms, row["LA Child ID"]
