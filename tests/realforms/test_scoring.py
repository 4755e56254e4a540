"""The real-forms scorer's arithmetic on small hand-made truths and extractions."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from benchmarks.realforms.scoring import align, normalise, reported, score


def _truth(pep: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"pep": {"meta": {}, "child": {}, **pep}, "unplaced": [], "not_scored": [], **extra}


def test_free_text_is_compared_after_trimming_collapsing_spaces_and_case_folding() -> None:
    assert normalise("  Sue   LINFIELD ", "text") == normalise("sue linfield", "text")


def test_money_percent_and_numbers_compare_as_values() -> None:
    assert normalise("150", "money") == normalise("150.00", "money") == Decimal("150")
    assert normalise(94.5, "percent") == normalise("94.50", "percent")
    assert normalise("3", "int") == normalise(3, "int")


def test_codes_and_dates_are_not_case_folded() -> None:
    assert normalise("C2", "choice") != normalise("c2", "choice")
    assert normalise("2025-10-01", "date") == "2025-10-01"


def test_an_exact_extraction_scores_full_recall_and_precision() -> None:
    pep = {"child": {"first_name": "Poppy"}, "care": {"legal_status": "C2"}}
    tally = score(_truth(pep), pep)
    assert (tally.recall, tally.precision) == (1.0, 1.0)
    assert sum(tally.truth.values()) == 2


def test_a_wrong_value_costs_recall_and_precision_a_missing_one_recall_only() -> None:
    truth = _truth({"child": {"first_name": "Poppy", "last_name": "Ashgrove"}})
    wrong = score(truth, {"child": {"first_name": "Poppy", "last_name": "Ashgrave"}})
    assert (wrong.recall, wrong.precision) == (0.5, 0.5)
    missing = score(truth, {"child": {"first_name": "Poppy"}})
    assert (missing.recall, missing.precision) == (0.5, 1.0)


def test_a_value_the_truth_does_not_have_counts_against_precision() -> None:
    truth = _truth({"child": {"first_name": "Poppy"}})
    tally = score(truth, {"child": {"first_name": "Poppy"}, "views": {"parent": "N/A"}})
    assert tally.recall == 1.0
    assert tally.precision == 0.5


def test_values_the_engine_writes_without_reading_the_form_are_not_counted() -> None:
    truth = _truth({"targets": [{"description": "Read 40 words"}]})
    got = {
        "meta": {"authority": "draft-x", "phase": "school_age"},
        "child": {},
        "targets": [{"id": "T1", "description": "Read 40 words"}],
    }
    tally = score(truth, got)
    assert (tally.recall, tally.precision) == (1.0, 1.0)


def test_list_items_are_aligned_by_best_match_not_by_position() -> None:
    truth = _truth(
        {
            "targets": [
                {"description": "Read 40 words", "lead": "Mr Pike"},
                {"description": "Know the 4 times table", "lead": "Class teacher"},
            ]
        }
    )
    got = {
        "child": {},
        "targets": [
            {"description": "know the 4 times  table", "lead": "Class teacher"},
            {"description": "Read 40 words", "lead": "Mrs Pike"},
        ],
    }
    tally = score(truth, got)
    assert tally.correct["targets"] == 3
    assert tally.truth["targets"] == tally.extracted["targets"] == 4


def test_an_extra_extracted_item_is_all_wrong_values() -> None:
    truth = _truth({"attendees": [{"name": "Owen Trelawney", "role": "Social Worker"}]})
    got = {
        "child": {},
        "attendees": [
            {"name": "Owen Trelawney", "role": "Social Worker"},
            {"role": "Parent"},  # a pre-printed empty row read as an attendee
        ],
    }
    tally = score(truth, got)
    assert tally.recall == 1.0
    assert tally.precision == 2 / 3


def test_align_pairs_the_most_equal_items_first_and_leaves_the_rest_unpaired() -> None:
    want = [{"a": 1, "b": 2}, {"a": 5}]
    have = [{"a": 9}, {"a": 1, "b": 2}]
    assert align(want, have) == [(0, 1), (1, None), (None, 0)]


def test_a_failed_form_scores_zero_recall_and_counts_as_a_failure() -> None:
    tally = score(_truth({"child": {"first_name": "Kai"}}), None)
    assert tally.recall == 0.0
    assert tally.failures == 1 and tally.forms == 1


def test_a_deliberate_blank_read_as_a_value_is_counted_apart() -> None:
    truth = _truth(
        {"child": {"first_name": "Kai"}},
        not_scored=[{"path": "care.iro.name", "text": "N/A", "reason": "deliberate blank"}],
    )
    tally = score(truth, {"child": {"first_name": "Kai"}, "care": {"iro": {"name": "N/A"}}})
    assert tally.blank_read == 1
    assert tally.precision == 0.5


def test_unplaced_text_is_reported_when_the_unmapped_list_contains_it() -> None:
    assert reported("Sand tray,  bikes", ["What I like: sand tray, bikes and singing"])
    assert not reported("Sand tray, bikes", ["What I like: singing"])
    truth = _truth({}, unplaced=[{"label": "x", "text": "Netball", "suggested_path": None}])
    assert score(truth, {"child": {}}, ["Hobbies: netball"]).unplaced_reported == 1


def test_tallies_add_up_per_field_group() -> None:
    first = score(_truth({"child": {"first_name": "Kai"}}), {"child": {"first_name": "Kai"}})
    second = score(_truth({"child": {"first_name": "Leah"}}), {"child": {}})
    first.add(second)
    assert first.forms == 2
    assert first.group_recall("child") == 0.5
    assert first.to_dict()["groups"]["child"] == {"truth": 2, "extracted": 1, "correct": 1}
