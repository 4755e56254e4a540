"""``batch`` on the store: every form the batch makes is recorded as sent.

:class:`StoreRecorder` is the batch's recorder (``pepdocs.batch.BatchRecorder``). The batch
hands it each chunk of entries once their files are durable and before the manifest lists
them. For each output the batch owns it keeps the file's bytes (content-addressed, written
before the transaction), records the document with the id written into it, stores the PEP
the form was made from as a version and moves the PEP to ``prefilled``; the chunk is one
transaction. A rerun hands over ``unchanged`` outputs again: one already recorded (found by
its document id) is skipped, so a batch killed between its files and its rows is finished
by the rerun without duplicates.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pepdocs.batch import Entry, document_id_for
from pepdocs.errors import PepdocsError
from pepdocs.mapping.registry import resolve_form
from pepdocs.mapping.spec import FormSpec
from pepdocs.store.documents import sha256_of
from pepdocs.store.records import (
    TermKey,
    add_version,
    audit,
    data_sha256,
    get_or_make_child,
    get_or_make_pep,
    latest_version,
    pep_label,
    take_step,
)
from pepdocs.store.schema import Document, utcnow
from pepdocs.store.store import Store

__all__ = ["StoreRecorder"]

#: outputs the batch made (and may remake): the only ones recorded as sent
_OWNED = ("made", "updated", "unchanged")
#: states in which a re-made form replaces what was pre-filled
_REFILLABLE = ("new", "prefilled", "sent")


class StoreRecorder:
    """Records a batch's outputs in ``store`` (see the module docstring)."""

    def __init__(
        self, store: Store, *, mappings_dirs: Sequence[str] = (), folder: str = ""
    ) -> None:
        self.store = store
        self.mappings_dirs = tuple(mappings_dirs)
        self.run_id = store.start_run("batch", folder or None)
        self.recorded = 0
        self.already = 0
        self.notes: list[str] = []
        self._forms: dict[tuple[str, str], FormSpec | None] = {}

    def _form(self, authority: str, form: str) -> FormSpec | None:
        key = (authority, form)
        if key not in self._forms:
            try:
                self._forms[key] = resolve_form(
                    authority, form=form, extra_dirs=self.mappings_dirs
                )
            except PepdocsError:
                self._forms[key] = None
        return self._forms[key]

    def record(self, out_dir: Path, entries: Sequence[Entry]) -> None:
        wanted = [
            entry for entry in entries if entry.status in _OWNED and entry.pep is not None
        ]
        if not wanted:
            return
        files: list[tuple[Entry, bytes, str]] = []
        for entry in wanted:
            data = (Path(out_dir) / entry.output).read_bytes()
            files.append((entry, data, sha256_of(data)))
        if self.store.documents.folder is not None:
            # before the rows commit; one sync for the chunk
            self.store.documents.put_files((data, digest) for _, data, digest in files)
        with self.store.session() as session:
            for entry, data, digest in files:
                self._record_one(session, entry, data, digest)

    def _record_one(self, session: Any, entry: Entry, data: bytes, digest: str) -> None:
        uid = document_id_for(entry.input_hash)
        if session.scalar(select(Document.id).where(Document.uid == uid)) is not None:
            self.already += 1
            return
        pep_data = entry.pep
        assert pep_data is not None
        meta = pep_data["meta"]
        child_data = pep_data.get("child") or {}
        authority = str(meta.get("authority") or entry.authority)
        child = get_or_make_child(
            session, authority, child_data.get("la_child_id"), child_data.get("upn")
        )
        pep, _ = get_or_make_pep(session, child, TermKey(meta["academic_year"], meta["term"]))
        spec = self._form(authority, entry.form)
        document = Document(
            uid=uid,
            direction="sent",
            pep_id=pep.id,
            child_id=child.id,
            sha256=digest,
            size=len(data),
            kind=Path(entry.output).suffix.lstrip(".").lower(),
            name=entry.output,
            authority=authority,
            form=entry.form,
            form_version=spec.version if spec is not None else None,
            template=spec.template.name if spec is not None else None,
            stored_in=self.store.documents.put(session, data, digest),
            run_id=self.run_id,
            created_at=utcnow(),
            created_by=self.store.user,
        )
        session.add(document)
        session.flush()
        audit(
            session,
            self.store.user,
            "document.sent",
            pep=pep,
            document=document,
            run_id=self.run_id,
            version=pep.version or None,
        )
        self.recorded += 1
        if pep.state not in _REFILLABLE:
            self.notes.append(
                f"{pep_label(child, pep)}: the store holds it as {pep.state.replace('_', ' ')}; "
                "the new form was recorded as sent and the PEP kept its state"
            )
            return
        previous = latest_version(session, pep)
        if previous is None or previous.data_sha256 != data_sha256(pep_data):
            add_version(
                session,
                pep,
                pep_data,
                origin="prefill",
                actor=self.store.user,
                document=document,
                run_id=self.run_id,
            )
        pep.authority, pep.form = authority, entry.form
        take_step(
            session,
            pep,
            "prefill",
            actor=self.store.user,
            what=pep_label(child, pep),
            document=document,
            run_id=self.run_id,
        )

    def finish(self) -> None:
        self.store.finish_run(
            self.run_id, {"recorded": self.recorded, "already recorded": self.already}
        )
