"""One path for recognising a document: a known form, a known form printed to PDF, or an
unknown form read with a mapping inferred from it. ``extract``, ``convert`` and ``translate``
all come through here when they are not told which form a document is."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from pepdocs.errors import PepdocsError, UsageError
from pepdocs.formats import OpenedDocument, opened
from pepdocs.mapping.spec import FORM_KINDS, FormSpec
from pepdocs.recognition.fingerprint import candidate_forms, detect_form
from pepdocs.recognition.printed import printed_form
from pepdocs.recognition.unknown import INFERRED_AUTHORITY, inferred_form
from pepdocs.safety.package import check_form_kind

__all__ = ["INFERRED_AUTHORITY", "INFERRED_CONFIDENCE", "Recognition", "recognise"]

#: Confidence of a report read with a mapping inferred on the spot: always "check this".
INFERRED_CONFIDENCE = 0.4

How = Literal["known", "printed", "inferred"]


@dataclass(frozen=True, slots=True)
class Recognition:
    """Which form a document is and how that was told: ``known`` (a known form by its
    fingerprint), ``printed`` (a known Word/Excel form printed to PDF, read from the page
    text), ``inferred`` (no known form: a mapping inferred from the document). ``score`` is
    how well it matched (it scales the report's confidence); ``notes`` go first in the report.
    """

    form: FormSpec
    how: How
    score: float
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def inferred(self) -> bool:
        return self.how == "inferred"


def recognise(
    data: bytes | OpenedDocument,
    name: str,
    *,
    authority: str | os.PathLike[str] | None = None,
    form: str | None = None,
    mappings_dirs: Sequence[str | os.PathLike[str]] = (),
) -> Recognition:
    """Recognise which form ``data`` is, among ``authority``'s forms (or every known form).

    ``form`` (a phase or a mapping file's stem) narrows the known forms. With an authority,
    a document that is none of its forms is refused (a usage error: pass ``--form``); without
    one, an unknown Word or PDF form is read with a mapping inferred from it, and a document
    nothing on which reads as a PEP is refused ("could not recognise the form").
    ``data`` is the document's bytes or the document opened once: every step reuses what
    the others parsed of it, and so does the reading that follows when it is passed on.
    """
    document = opened(data, name)
    # By content, not extension; an encrypted or old-style Office file gets its own reason.
    kind: str = document.kind
    if kind not in FORM_KINDS:
        kind = check_form_kind(document.data, name, FORM_KINDS)
    who = os.fspath(authority) if authority is not None else None
    candidates = candidate_forms(kind, mappings_dirs, form, who)
    best_note = "no known form to compare with"
    if candidates:
        detection = detect_form(document, name, candidates=candidates)
        if detection.form is not None:
            return Recognition(
                detection.form,
                "known",
                detection.score,
                (
                    f"form recognised from the document: {detection.form.label} "
                    f"(score {detection.score:.2f})",
                    *detection.notes[1:],
                ),
            )
        if detection.best is not None:
            best_note = f"best known form {detection.best.label} scored {detection.score:.2f}"
    if kind == "pdf":
        printed = printed_form(
            document,
            name,
            [
                *candidate_forms("docx", mappings_dirs, form, who),
                *candidate_forms("xlsx", mappings_dirs, form, who),
            ],
        )
        if printed is not None:
            as_pdf, share = printed
            return Recognition(
                as_pdf,
                "printed",
                share,
                (
                    f"form recognised from the page text: {as_pdf.label} printed to PDF "
                    f"(share of labels found {share:.2f})",
                ),
            )
    if who is not None:
        if not candidates and kind != "pdf":
            raise UsageError(f"{name}: {who} has no {kind} form to read it with")
        raise UsageError(f"{name}: could not tell which of {who}'s forms this is; pass --form")
    if kind not in ("docx", "pdf"):
        raise PepdocsError(f"{name}: could not recognise the form; pass --authority")
    inferred = inferred_form(document, name)
    return Recognition(
        inferred,
        "inferred",
        INFERRED_CONFIDENCE,
        (
            f"low confidence: no known form matched ({best_note}); read with a mapping "
            "inferred from the document itself; check every value",
        ),
    )
