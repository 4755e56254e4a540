"""Round trip through every shipped Excel form (see test_word_roundtrip.py for the idea).

Fewer generated PEPs than for Word: a workbook fill and read costs about half a second, and
the engine's own tests cover its cell-level cases.
"""

from __future__ import annotations

import os

import pytest

from pepdocs.mapping.spec import FormSpec
from roundtrip.support import assert_round_trips, generated_peps, sample_peps, shipped_forms

# Every shipped form pushed through many PEPs: seconds per form.
pytestmark = pytest.mark.slow

FORMS = shipped_forms("xlsx")
COUNT = int(os.environ.get("PEPDOCS_ROUNDTRIP_COUNT_XLSX", "25"))


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.source.stem)
def test_fill_then_extract_gives_back_every_mapped_field(form: FormSpec) -> None:
    assert_round_trips(form, [*sample_peps(form), *generated_peps(form, COUNT, seed=2026)])
