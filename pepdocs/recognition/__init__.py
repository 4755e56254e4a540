"""Recognition: which form a document is (a known form by its fingerprint, a known form
printed to PDF, or an unknown form read with a mapping inferred from it), in one path that
``extract``, ``convert`` and ``translate`` share (docs/legacy.md)."""

from __future__ import annotations

from pepdocs.recognition.fingerprint import (
    DETECTION_THRESHOLD,
    Detection,
    candidate_forms,
    detect_form,
    fingerprint,
)
from pepdocs.recognition.printed import PRINTED_THRESHOLD, printed_form
from pepdocs.recognition.recognise import INFERRED_CONFIDENCE, Recognition, recognise
from pepdocs.recognition.unknown import INFERRED_AUTHORITY, inferred_form

__all__ = [
    "DETECTION_THRESHOLD",
    "INFERRED_AUTHORITY",
    "INFERRED_CONFIDENCE",
    "PRINTED_THRESHOLD",
    "Detection",
    "Recognition",
    "candidate_forms",
    "detect_form",
    "fingerprint",
    "inferred_form",
    "printed_form",
    "recognise",
]
