"""The 903 code lists are data, versioned by collection year."""

from __future__ import annotations

import datetime as dt

import pytest

from pepdocs.errors import PepdocsError
from pepdocs.model import get_codelist
from pepdocs.ssda903 import collection_year_of, load_codebook, year_label
from pepdocs.ssda903.codes import parse_year

#: domain knowledge of the DfE 2025-26 guide, written out here to check the data file
PLACEMENTS_2025_26 = (
    "A3",
    "A4",
    "A5",
    "A6",
    "K1",
    "K2",
    "K3",
    "P1",
    "P3",
    "R1",
    "R2",
    "R3",
    "R5",
    "S1",
    "T0",
    "T1",
    "T2",
    "T3",
    "T4",
    "U1",
    "U2",
    "U3",
    "U4",
    "U5",
    "U6",
    "Z11",
    "Z12",
    "Z13",
    "Z14",
)


def test_a_collection_year_runs_from_1_april_to_31_march() -> None:
    assert collection_year_of(dt.date(2018, 3, 31)) == 2017
    assert collection_year_of(dt.date(2018, 4, 1)) == 2018
    assert year_label(2017) == "2017-18"
    assert year_label(1999) == "1999-00"
    assert parse_year("2025-26") == 2025


@pytest.mark.parametrize("text", ["2025-27", "2025/26", "25-26", "next year"])
def test_a_collection_year_written_otherwise_is_refused(text: str) -> None:
    with pytest.raises(PepdocsError, match="not a collection year"):
        parse_year(text)


def test_the_2025_26_placement_types_are_the_dfe_list_of_that_year() -> None:
    assert sorted(load_codebook()["PLACE"].codes_in(2025)) == sorted(PLACEMENTS_2025_26)


def test_placement_types_retired_in_2025_26_are_valid_in_the_years_before() -> None:
    place = load_codebook()["PLACE"]
    in_2017 = place.codes_in(2017)
    assert {"H5", "P2", "Z1"} <= set(in_2017)
    assert not {"K3", "Z11", "Z12", "Z13", "Z14"} & set(in_2017)
    assert "K3" in place.codes_in(2024) and "H5" in place.codes_in(2024)
    assert place.valid_between("H5", 2023, 2025) and not place.valid_between("H5", 2025, 2025)
    assert place.valid_between("Z11", 2024, None) and not place.valid_between("Z11", 2017, 2018)


def test_legal_status_and_ethnicity_are_the_models_own_lists() -> None:
    book = load_codebook()
    assert set(book["LS"].codes) == set(get_codelist("legal_status").codes)
    assert set(book["ETHNIC"].codes) == set(get_codelist("ethnicity").codes)
    assert book["LS"].label("L2") == get_codelist("legal_status").label("L2")


def test_sex_was_coded_1_and_2_until_2023_24_and_m_f_u_after() -> None:
    sex = load_codebook()["SEX"]
    assert set(sex.codes_in(2023)) == {"1", "2"}
    assert set(sex.codes_in(2024)) == {"M", "F", "U"}


def test_every_reason_for_new_episode_has_a_label() -> None:
    reasons = load_codebook()["RNE"]
    assert list(reasons.codes) == ["S", "L", "P", "T", "B", "U"]
    assert all(reasons.label(code) for code in reasons.codes)
    assert reasons.label("nonsense") == ""
