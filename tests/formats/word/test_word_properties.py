"""Property: whatever text a field is given, reading the filled form gives it back (as the
reader normalises it: XML-illegal characters dropped, outer whitespace trimmed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pepdocs.formats.word._xml import clean_for_xml
from pepdocs.formats.word.checkboxes import _MARK_IN_TEXT
from pepdocs.formats.word.text import is_placeholder

from .docxbuild import anchor, field, make_form, p, round_trip, sdt_run, tbl, tr

TEXT = st.text(min_size=0, max_size=200)


def _expected(text: str) -> str | None:
    cleaned = clean_for_xml(text).strip()
    return None if not cleaned or is_placeholder(cleaned) else cleaned


@pytest.mark.slow
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXT)
def test_any_text_round_trips_through_a_control_a_cell_and_a_table(
    tmp_path: Path, text: str
) -> None:
    body = p(sdt_run("c")) + tbl(tr("Name", "")) + tbl(tr("Target", "Lead"), tr("", ""))
    form = make_form(
        tmp_path,
        body,
        field("a", anchor("control", "c")),
        field("b", anchor("label", "Name")),
        field(
            "t",
            anchor("table", "", header=["Target", "Lead"]),
            columns=(("d", "Target"), ("l", "Lead")),
        ),
    )
    # A box (``■``, ``[x]``) in a cell, alone or beside a word (``0■``: a box labelled
    # ``0``), is a box, ticked or not, for a field that does not hold text, as these do (their
    # transform is Raw): not text.
    assume(_MARK_IN_TEXT.search(clean_for_xml(text)) is None)
    expected = _expected(text)
    rows = [{"Target": text, "Lead": "Ms Hale"}]
    control, cell, table = round_trip(form, text, text, rows)
    assert control == expected
    assert cell == expected
    assert table == [{"Target": expected or "", "Lead": "Ms Hale"}]
