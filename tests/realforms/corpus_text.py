"""Reading the corpus's built files back as plain text, for checking truth files against the
forms they describe (independently of pepdocs: lxml for Word, pypdf for PDF)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree
from pypdf import PdfReader

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def word_text(path: Path) -> str:
    """Every paragraph's text (runs joined, line breaks as spaces), paragraphs apart."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    paragraphs = []
    for paragraph in root.iter(f"{W}p"):
        pieces = []
        for node in paragraph.iter(f"{W}t", f"{W}br", f"{W}tab"):
            pieces.append(node.text or "" if node.tag == f"{W}t" else " ")
        paragraphs.append("".join(pieces))
    return normalise(" ".join(paragraphs))


def pdf_text(path: Path) -> str:
    """The printed page text and every field's value."""
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    printed = " ".join(page.extract_text() or "" for page in reader.pages)
    values = " ".join(str(field.get("/V") or "") for field in (reader.get_fields() or {}).values())
    return normalise(f"{printed} {values}")


def document_text(path: Path) -> str:
    return pdf_text(path) if path.suffix == ".pdf" else word_text(path)
