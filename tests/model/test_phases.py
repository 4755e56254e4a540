"""The phases have one home: the phase code list; the type checker's Literal agrees with it."""

from __future__ import annotations

from typing import get_args

from pepdocs.model import get_codelist
from pepdocs.model.phases import Phase, list_phases


def test_the_phases_are_the_phase_code_lists_codes_in_order() -> None:
    assert list_phases() == get_codelist("phase").codes == ("early_years", "school_age", "post16")


def test_the_phase_type_spells_the_same_codes() -> None:
    assert get_args(Phase) == list_phases()
