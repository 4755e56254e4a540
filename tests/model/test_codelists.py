"""Code lists ship as data, carry their collection year and read labels back to codes."""

from __future__ import annotations

import pytest

from pepdocs.errors import PepdocsError
from pepdocs.model.catalog import field_catalog
from pepdocs.model.codelists import get_codelist, list_codelists

EXPECTED_CODES = {
    "pep_role": "designated_teacher social_worker virtual_school carer iro young_person",
    "legal_status": "C1 C2 D1 E1 V2 V3 V4 L1 L2 L3 J1 J2 J3",
    "placement_type": (
        "A3 A4 A5 A6 K1 K2 K3 P1 P3 R1 R2 R3 R5 S1 T0 T1 T2 T3 T4 U1 U2 U3 U4 U5 U6 Z11 Z12 Z13 Z14"
    ),
    "sen_provision": "E K N",
    "sen_need": "SPLD MLD SLD PMLD SLCN SEMH ASD VI HI MSI PD NSA OTH",
    "exclusion_type": "FIXD PERM LNCH",
    "ethnicity": (
        "WBRI WIRI WIRT WOTH WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH "
        "BCRB BAFR BOTH CHNE OOTH REFU NOBT"
    ),
    "gender": "M F O U",
    "ncy": "E1 E2 N1 N2 R 1 2 3 4 5 6 7 8 9 10 11 12 13 14 X",
    "phase": "early_years school_age post16",
    "pep_type": "initial review transition interim",
    "term": "autumn spring summer",
    "pep_status": "draft completed qa_returned qa_approved cancelled",
    "target_outcome": "met partly_met not_met",
    "target_area": (
        "academic literacy numeracy semh attendance behaviour communication physical "
        "independence careers other"
    ),
    "linked_plan_type": "EHCP BSP ILP PSP PATHWAY IEP OTHER",
    "qa_rating": "gold green amber red",
}


def test_every_expected_list_ships() -> None:
    assert list_codelists() == sorted(EXPECTED_CODES)


@pytest.mark.parametrize("name", sorted(EXPECTED_CODES))
def test_each_list_holds_exactly_its_codes_with_labels_and_a_year(name: str) -> None:
    codes = get_codelist(name)
    assert codes.name == name
    assert set(codes.codes) == set(EXPECTED_CODES[name].split())
    assert codes.collection_year == "2025-26"
    assert all(codes.label(code).strip() for code in codes.codes)


@pytest.mark.parametrize("name", sorted(EXPECTED_CODES))
def test_each_code_reads_back_from_its_label_and_from_itself(name: str) -> None:
    codes = get_codelist(name)
    for code in codes.codes:
        assert codes.code_for_label(codes.label(code)) == code
        assert codes.code_for_label(code.lower()) == code


def test_every_code_field_of_the_model_names_a_shipped_list() -> None:
    named = {info.codelist for info in field_catalog().values() if info.codelist}
    assert named <= set(list_codelists())


def test_label_matching_ignores_case_spacing_and_punctuation() -> None:
    legal = get_codelist("legal_status")
    assert legal.code_for_label("  FULL care-order. ") == "C2"
    assert legal.code_for_label("Section 20") == "V2"
    assert legal.code_for_label("s.20") == "V2"


def test_label_matching_never_guesses_from_a_near_miss() -> None:
    assert get_codelist("legal_status").code_for_label("Full care ordr") is None
    assert get_codelist("legal_status").code_for_label("") is None


def test_suggestions_put_the_nearest_code_first() -> None:
    assert get_codelist("legal_status").suggest("Full care ordr")[0] == "C2"
    assert get_codelist("sen_provision").suggest("EHC plan")[0] == "E"


def test_year_labels_read_back_to_ncy_codes() -> None:
    ncy = get_codelist("ncy")
    assert ncy.code_for_label("Year 10") == "10"
    assert ncy.code_for_label("Reception") == "R"
    assert ncy.code_for_label("Y6") == "6"


def test_an_unknown_code_has_no_label() -> None:
    with pytest.raises(PepdocsError, match="legal_status"):
        get_codelist("legal_status").label("Z9")


def test_an_unknown_list_name_is_an_error_with_a_suggestion() -> None:
    with pytest.raises(PepdocsError, match="Did you mean 'legal_status'"):
        get_codelist("legal_stat")


def test_code_lists_are_read_from_package_data() -> None:
    from importlib import resources

    folder = resources.files("pepdocs.model.codelists")
    assert (folder / "legal_status.yaml").is_file()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Asian or Asian British - Pakistani", "APKN"),
        ("Mixed: White and Black Caribbean", "MWBC"),
        ("Black or Black British \u2013 African", "BAFR"),
        ("Black or Black British - Caribbean", "BCRB"),
        ("Other ethnic group - Chinese", "CHNE"),
    ],
)
def test_a_label_printed_under_its_census_group_reads_as_its_code(text: str, code: str) -> None:
    assert get_codelist("ethnicity").code_for_label(text) == code


def test_a_group_and_a_label_naming_no_code_read_as_nothing() -> None:
    assert get_codelist("ethnicity").code_for_label("Asian or Asian British - Martian") is None
    assert get_codelist("placement_type").code_for_label("Connected person - long term") == "U1"
