"""How the Excel engine compares label texts: its quick key for ASCII text is the mapping
layer's ``normalise_label``, character for character."""

from __future__ import annotations

import pytest

from pepdocs.formats.excel.anchors import label_key, same_text
from pepdocs.mapping.transforms import normalise_label

TEXTS = [
    "Date of birth:",
    "  Section 20 (s.20)  ",
    "section 20 s 20",
    "Health & wellbeing*",
    "Attendance %\tthis term",
    "UPN / ULN",
    "snake_case_header",
    "A\nB\r\nC",
    "---",
    "",
    "Café & Crèche",
    "STRASSE Straße",
    "ﬁrst ﬂoor",
    "Ｆｕｌｌ　ｗｉｄｔｈ",
    "Zoë Smith-Jones",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_label_key_is_the_mapping_layers_normalised_label(text: str) -> None:
    assert label_key(text) == normalise_label(text)


def test_labels_that_differ_in_case_spacing_and_punctuation_are_the_same_text() -> None:
    assert same_text("DATE OF  BIRTH:", "Date of birth")
    assert same_text("Health & Wellbeing", "health and wellbeing")
    assert not same_text("Date of birth", "Date of review")
