"""Backups that restore the whole store, exports in three formats (redacted when asked), and
retention that removes documents past a date with an audit line each."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import stat
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from pepdocs.batch.returns import ReturnsMade
from pepdocs.errors import OutputExistsError, PepdocsError
from pepdocs.store import Store, collect, open_store, parse_term
from pepdocs.store.backup import backup, restore
from pepdocs.store.export import export
from pepdocs.store.retention import apply_retention
from pepdocs.store.schema import AuditEntry, Document, Extraction
from tests.store.term import MEETING, SUMMER, record_batch

Term = tuple[Path, Path, ReturnsMade]


@pytest.fixture
def full(store: Store, term: Term, tmp_path: Path) -> Store:
    batch, returned, _ = term
    record_batch(store, batch, tmp_path / "sent")
    collect(store, returned, as_of=MEETING)
    return store


def test_a_backup_restores_every_row_and_document(
    full: Store, tmp_path: Path, database_url: str
) -> None:
    made = backup(full, tmp_path / "backup")
    assert made.database.is_file()
    assert stat.S_IMODE(made.database.stat().st_mode) == 0o600
    before = full.counts()
    uid = next(s for s in full.current()).summary.child
    full.approve(uid)
    full.send_back(next(s.child for s in full.peps(states=("returned",))), "after the backup")
    assert full.counts() != before
    restore(full, tmp_path / "backup")
    after = full.counts()
    assert {k: v for k, v in after.items() if k != "audit lines"} == {
        k: v for k, v in before.items() if k != "audit lines"
    }
    assert after["audit lines"] == before["audit lines"] + 1  # the restore itself
    with full.session() as session:
        last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        uids = session.scalars(select(Document.uid)).all()
    assert last is not None and last.action == "store.restored"
    for document in uids:  # every document readable and intact (SHA-256 checked)
        assert full.document_bytes(document)


def test_a_second_backup_into_the_same_folder_needs_force_and_copies_only_what_is_new(
    full: Store, tmp_path: Path
) -> None:
    first = backup(full, tmp_path / "b")
    with pytest.raises(OutputExistsError):
        backup(full, tmp_path / "b")
    second = backup(full, tmp_path / "b", force=True)
    assert second.copied == 0 and second.documents == first.documents


def test_a_damaged_backup_is_refused_before_anything_changes(full: Store, tmp_path: Path) -> None:
    made = backup(full, tmp_path / "b")
    if made.documents:
        manifest = json.loads((tmp_path / "b" / "backup.json").read_text())
        digest = manifest["documents"][0]
        (tmp_path / "b" / "documents" / digest[:2] / digest).write_bytes(b"damaged")
        with pytest.raises(PepdocsError, match="missing or damaged"):
            restore(full, tmp_path / "b")
    (tmp_path / "b" / "backup.json").write_text("{}")
    with pytest.raises(PepdocsError, match="not a pepdocs backup"):
        restore(full, tmp_path / "b")
    assert full.counts()["versions"] == 23


def test_export_json_has_each_current_pep_whole(full: Store, tmp_path: Path) -> None:
    done = export(full, tmp_path / "peps.json")
    document = json.loads((tmp_path / "peps.json").read_text())
    assert done.rows == 12 == len(document["peps"])
    row = document["peps"][0]
    assert {"child", "state", "version", "pep"} <= set(row)
    assert row["version"] == row["current_version"]


def test_export_csv_and_xlsx_have_a_row_per_version_and_a_column_per_field(
    full: Store, tmp_path: Path
) -> None:
    export(full, tmp_path / "all.csv", all_versions=True, term=parse_term(SUMMER))
    text = (tmp_path / "all.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 19  # ten PEPs pre-filled, nine of them returned
    assert "child.date_of_birth" in rows[0] and "targets.0.description" in rows[0]
    export(full, tmp_path / "peps.xlsx")
    sheet = load_workbook(tmp_path / "peps.xlsx").active
    assert sheet is not None and sheet.max_row == 13


def test_a_redacted_export_replaces_each_childs_name_and_identifiers(
    full: Store, tmp_path: Path
) -> None:
    export(full, tmp_path / "plain.json", all_versions=True)
    export(full, tmp_path / "shared.json", redact=True, all_versions=True)
    plain = json.loads((tmp_path / "plain.json").read_text(encoding="utf-8"))
    shared = json.loads((tmp_path / "shared.json").read_text(encoding="utf-8"))
    assert shared["redacted"] is True and shared["store"] == ""
    assert len(plain["peps"]) == len(shared["peps"]) == 23
    for original, redacted in zip(plain["peps"], shared["peps"], strict=True):
        before, after = original["pep"]["child"], redacted["pep"]["child"]
        assert after["first_name"] != before["first_name"]
        assert after["la_child_id"] != before["la_child_id"] == original["child"]
        assert redacted["child"] == after["la_child_id"]
        if before.get("upn"):
            assert after["upn"] != before["upn"]


def test_an_export_never_replaces_a_file_without_force(full: Store, tmp_path: Path) -> None:
    (tmp_path / "peps.json").write_text("mine")
    with pytest.raises(OutputExistsError):
        export(full, tmp_path / "peps.json")
    assert (tmp_path / "peps.json").read_text() == "mine"


def _typed(store: Store) -> list[Any]:
    """The raw text every stored field report keeps."""
    with store.session() as session:
        return [
            item["raw"]
            for reports in session.scalars(select(Extraction.field_reports))
            for item in reports
            if "raw" in item
        ]


def test_retention_lists_first_then_removes_documents_with_an_audit_line_each(
    full: Store,
) -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    listed = apply_retention(full, tomorrow)
    assert len(listed.documents) == 24 and full.document_bytes(listed.documents[0])
    assert len(_typed(full)) >= 2  # an unreadable date and a refused UPN, as typed
    done = apply_retention(full, tomorrow, apply=True)
    assert done.documents == listed.documents and done.files_removed > 0
    with full.session() as session:
        documents = session.scalars(select(Document)).all()
        removed = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "document.removed")
        ).all()
        unmapped = [text for kept in session.scalars(select(Extraction.unmapped)) for text in kept]
    assert {d.stored_in for d in documents} == {"removed"} and {d.name for d in documents} == {None}
    assert len(removed) == 24 and _typed(full) == [] and unmapped == []
    with pytest.raises(PepdocsError, match="removed by the retention"):
        full.document_bytes(listed.documents[0])
    if full.documents.folder is not None:
        assert not [p for p in full.documents.folder.rglob("*") if p.is_file()]
    assert full.counts()["versions"] == 23  # the record itself stays
    assert apply_retention(full, tomorrow, apply=True).documents == []


def test_retention_keeps_what_is_newer_than_the_date(full: Store) -> None:
    assert apply_retention(full, dt.date(2020, 1, 1), apply=True).documents == []
    assert full.counts()["documents"] == 24


def test_a_sqlite_backup_is_not_restored_into_postgresql(
    term: Term, tmp_path: Path, postgres_url: str
) -> None:
    with open_store(tmp_path / "s.db") as local:
        record_batch(local, term[0], tmp_path / "sent")
        backup(local, tmp_path / "b")
    with open_store(postgres_url) as server, pytest.raises(PepdocsError, match="sqlite backup"):
        restore(server, tmp_path / "b")
    with open_store(postgres_url) as server:
        assert server.counts()["documents"] == 0
