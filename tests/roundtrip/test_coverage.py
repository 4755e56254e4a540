"""Every shipped mapping file is round-trip tested: its kind has a round-trip module here."""

from __future__ import annotations

from pathlib import Path

from pepdocs.mapping.registry import list_authorities

MODULES = {
    "docx": "test_word_roundtrip.py",
    "xlsx": "test_excel_roundtrip.py",
    "pdf": "test_pdf_roundtrip.py",
}


def test_every_shipped_form_kind_has_a_round_trip_module() -> None:
    kinds = {summary.kind for authority in list_authorities() for summary in authority.forms}
    assert kinds, "the registry lists no shipped forms"
    here = Path(__file__).parent
    uncovered = sorted(kind for kind in kinds if not (here / MODULES.get(kind, "?")).is_file())
    assert uncovered == []
