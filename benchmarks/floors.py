"""Floors: what handling a form costs with no work in it, per format.

Each engine's time is printed as a multiple of its format's floor, measured in the same run
on the same files, so the figure says how much the engine adds to merely opening and writing
the package, whatever else the shared machine is doing. One function per format.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

#: passes over the files; the fastest counts (slower passes measure the neighbours)
REPEATS = 3


def _word_round_trip(data: bytes) -> bytes:
    """Unzip a .docx, parse ``word/document.xml``, write it back and re-zip every part (the
    others as they were read), with nothing done in between."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as package,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for item in package.infolist():
            part = package.read(item)
            if item.filename == "word/document.xml":
                part = etree.tostring(etree.fromstring(part), xml_declaration=True,
                                      encoding="UTF-8", standalone=True)  # fmt: skip
            copy.writestr(item.filename, part)
    return out.getvalue()


def word_floor(files: Sequence[Path], repeats: int = REPEATS) -> float:
    """CPU seconds per form of the Word floor over ``files`` (.docx), fastest of
    ``repeats`` passes: read the file, unzip it, parse ``word/document.xml``, serialise it
    and re-zip the package. Reading a form needs less (no re-zip) and filling one from a
    prepared template can need less too (its untouched parts are compressed once), so an
    engine can come in under 1x: the floor is a yardstick, not a bound."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        for path in files:
            _word_round_trip(Path(path).read_bytes())
        best = min(best, time.process_time() - started)
    return best / max(len(files), 1)
