"""Round trip through every shipped Word form: ``extract(fill(pep))`` gives back ``pep`` on
every mapped field, for the shipped samples and 200 generated PEPs per form (awkward text:
test_awkward_text.py).

Forms are discovered through the registry, so a new authority's mapping file is covered by
these tests the moment it is added. See support.py for what the comparison forgives and why.
"""

from __future__ import annotations

import copy
import os

import pytest

from pepdocs.mapping.spec import FormSpec
from pepdocs.model import load_pep
from roundtrip.support import (
    assert_round_trips,
    generated_peps,
    round_trip,
    sample_peps,
    shipped_forms,
)

# Every shipped form pushed through many PEPs: seconds per form.
pytestmark = pytest.mark.slow

FORMS = shipped_forms("docx")
#: PEPs generated per form; PEPDOCS_ROUNDTRIP_COUNT raises it for a soak run.
COUNT = int(os.environ.get("PEPDOCS_ROUNDTRIP_COUNT", "200"))


def test_every_shipped_word_form_is_covered() -> None:
    assert FORMS, "no Word mapping files found through the registry"
    assert len({form.source for form in FORMS}) == len(FORMS)


@pytest.mark.parametrize("form", FORMS, ids=lambda form: form.source.stem)
def test_fill_then_extract_gives_back_every_mapped_field(form: FormSpec) -> None:
    peps = [*sample_peps(form), *generated_peps(form, COUNT, seed=2025)]
    assert len(peps) >= COUNT
    assert_round_trips(form, peps)


# -- regressions ----------------------------------------------------------------------------


@pytest.mark.parametrize("mark", ["\u2612", "[x]", "\u2713"])
def test_a_text_cell_holding_only_a_checkbox_mark_reads_back_as_text(mark: str) -> None:
    # Found by the awkward-text property test: the Word engine once read a text cell holding
    # only a box mark as a ticked checkbox ("Yes").
    form = next(form for form in FORMS if form.field_for("targets") is not None)
    pep = copy.deepcopy(next(generated_peps(form, 1, seed=99)))
    pep.pop("pp_plus", None)  # its items refer to the targets replaced here
    pep["targets"] = [{"description": mark, "lead": "Ms Patel"}]
    found, _ = round_trip(load_pep(pep), form)
    assert found == []
