"""A table's headers share its columns out: each header one column, each column one header,
the surest header first, and headers told only by their cues placed so that as many as can
be are, unless two sharings are equally good."""

from __future__ import annotations

from pepdocs.inference.lexicon import (
    CUE_SCORE,
    WORDING_WEIGHT,
    TableSection,
    cue_weights,
    load_lexicon,
    share_columns,
)

REVIEW = TableSection(
    "previous_targets",
    titles=("Previous targets",),
    key=("description",),
    columns={"description": ("Previous target",), "outcome": ("Outcome",), "evidence": ()},
    cues={
        "description": ("target", "last"),
        "outcome": ("met", "progress"),
        "evidence": ("evidence",),
    },
)


def _shared(*headers: str) -> list[str]:
    lexicon = load_lexicon()
    return [
        column for column, _ in share_columns([lexicon.header_choices(h, REVIEW) for h in headers])
    ]


def test_a_longer_cue_outweighs_a_word_inside_it_and_a_note_counts_too() -> None:
    people = load_lexicon().tables["attendees"]
    assert cue_weights("Who they are", people)[0][0] == "role"
    assert dict(cue_weights("Progress made (evidence)", REVIEW)) == {"outcome": 2, "evidence": 1}


def test_headers_told_by_cues_share_the_columns_so_that_each_is_placed() -> None:
    # "Target met?" speaks of the target too, and "Progress made" of the outcome: shared out,
    # the target, the evidence and the outcome
    assert _shared("Target from the last PEP", "Progress made (evidence)", "Target met?") == [
        "description",
        "evidence",
        "outcome",
    ]


def test_a_header_named_by_its_wording_keeps_its_column() -> None:
    assert _shared("Outcome", "Target met?", "Previous target") == ["outcome", "", "description"]


def test_two_equally_good_sharings_leave_the_headers_unplaced() -> None:
    # "met" and "progress" both say outcome; nothing tells which of the two is it
    assert _shared("Previous target", "Met", "Progress") == ["description", "", ""]


def test_a_header_whose_wording_column_is_taken_falls_back_on_its_cues() -> None:
    choices = [
        [("outcome", 1.0, WORDING_WEIGHT)],
        [("outcome", 0.9, WORDING_WEIGHT), ("evidence", CUE_SCORE, 1)],
    ]
    assert share_columns(choices) == [("outcome", 1.0), ("evidence", CUE_SCORE)]
