"""The manifest: every roster row once, the same columns in CSV and JSON, a SHA-256 that is
the file's, and no cell that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest

from pepdocs.batch import MANIFEST_COLUMNS, BatchOptions, read_manifest, run_batch
from pepdocs.batch.manifest import MANIFEST_CSV, MANIFEST_JSON, Entry, ManifestWriter
from pepdocs.errors import PepdocsError

from .rosters import child, write_roster


def run(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    out = tmp_path / "out"
    roster = write_roster(tmp_path / "roster.csv", rows)
    run_batch(roster, BatchOptions(out_dir=out, today=dt.date(2026, 2, 2)))
    return out


def read_csv(out: Path) -> list[dict[str, str]]:
    with (out / MANIFEST_CSV).open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert tuple(reader.fieldnames or ()) == MANIFEST_COLUMNS
        return list(reader)


def test_csv_and_json_list_every_row_with_the_same_columns(tmp_path: Path) -> None:
    out = run(tmp_path, [child(1), child(2, DOB="")])
    rows = read_csv(out)
    data = json.loads((out / MANIFEST_JSON).read_text("utf-8"))
    assert data["columns"] == list(MANIFEST_COLUMNS)
    assert data["roster"] == "roster.csv"
    assert data["summary"]["counts"] == {"made": 1, "failed": 1}
    assert [tuple(row) for row in data["rows"]] == [MANIFEST_COLUMNS] * 2
    assert [(row["row"], row["child_id"], row["status"]) for row in rows] == [
        ("2", "9000001", "made"),
        ("3", "9000002", "failed"),
    ]
    assert rows[1]["warnings"] == "missing date of birth"
    assert data["rows"][1]["warnings"] == ["missing date of birth"]


def test_the_sha256_is_the_written_files(tmp_path: Path) -> None:
    out = run(tmp_path, [child(1), child(2)])
    for row in read_csv(out):
        data = (out / row["output"]).read_bytes()
        assert row["sha256"] == hashlib.sha256(data).hexdigest()
        assert len(row["input_hash"]) == 64


def test_a_formula_in_a_roster_cell_is_neutralised_in_the_csv_only(tmp_path: Path) -> None:
    out = run(tmp_path, [child(1, **{"LA Child ID": '=HYPERLINK("http://x")'})])
    (row,) = read_csv(out)
    assert row["child_id"] == '\'=HYPERLINK("http://x")'
    # the id does not survive as a file name: a hash of the exact id keeps it apart
    assert re.fullmatch(
        r"northshire-HYPERLINK_http_x~[0-9a-f]{10}-2025-26-spring\.docx", row["output"]
    )
    data = json.loads((out / MANIFEST_JSON).read_text("utf-8"))
    assert data["rows"][0]["child_id"] == '=HYPERLINK("http://x")'


def test_read_manifest_gives_what_a_previous_run_made(tmp_path: Path) -> None:
    out = run(tmp_path, [child(1), child(2, DOB="")])
    made = read_manifest(out)
    assert list(made) == ["northshire-9000001-2025-26-spring.docx"]
    assert read_manifest(tmp_path / "nowhere") == {}


def test_a_file_that_is_not_a_manifest_stops_a_rerun(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_JSON).write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(PepdocsError, match="not a pepdocs batch manifest"):
        read_manifest(tmp_path)


def test_an_abandoned_manifest_leaves_the_old_one_and_no_temporary_files(
    tmp_path: Path,
) -> None:
    (tmp_path / MANIFEST_CSV).write_text("old\n", encoding="utf-8")
    writer = ManifestWriter(tmp_path, "roster.csv")
    writer.add(Entry(row=2, status="made"))
    writer.abandon()
    assert sorted(path.name for path in tmp_path.iterdir()) == [MANIFEST_CSV]
    assert (tmp_path / MANIFEST_CSV).read_text(encoding="utf-8") == "old\n"
