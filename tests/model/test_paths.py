"""Dotted paths into PEP data: read, write, remove, and list what holds a value."""

from __future__ import annotations

from typing import Any

from pepdocs.model.paths import compact, drop_path, get_path, set_path, value_paths


def test_a_path_reads_through_objects_and_list_indexes() -> None:
    data = {"targets": [{"lead": "Ms Patel"}]}
    assert get_path(data, "targets.0.lead") == "Ms Patel"
    assert get_path(data, "targets.1.lead") is None


def test_setting_a_path_creates_the_objects_on_the_way() -> None:
    data: dict[str, Any] = {}
    set_path(data, "education.attendance.percent", 94.5)
    assert data == {"education": {"attendance": {"percent": 94.5}}}


def test_dropping_list_items_keeps_other_indexes_until_compacted() -> None:
    data = {"targets": [{"id": "T1"}, {"id": "T2"}, {"id": "T3"}]}
    assert drop_path(data, "targets.0") and drop_path(data, "targets.2")
    assert get_path(data, "targets.1.id") == "T2"
    assert compact(data) == {"targets": [{"id": "T2"}]}


def test_dropping_an_absent_path_changes_nothing() -> None:
    data = {"child": {"upn": "B801200005001"}}
    assert not drop_path(data, "child.uln")
    assert not drop_path(data, "targets.4")
    assert data == {"child": {"upn": "B801200005001"}}


def test_value_paths_skip_blanks_and_collapse_list_items() -> None:
    data = {"child": {"upn": "", "first_name": "Aisha"}, "targets": [{"lead": "X"}, {}]}
    assert list(value_paths(data)) == ["child.first_name", "targets.*.lead"]
