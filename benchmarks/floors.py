"""Floors: what handling a form's file costs with no pepdocs work at all, per engine.

Each engine's rate is printed beside its floor, measured in the same run, so a figure reads
as "the engine costs N times the floor" whatever else the machine is doing.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass
from pathlib import Path

#: passes over the same work; the fastest counts (slower passes measure the neighbours)
REPEATS = 3


@dataclass(frozen=True)
class PdfFloor:
    """Seconds per document for the PDF floors (fastest of :data:`REPEATS` passes)."""

    #: the file's bytes read and copied into a new buffer: the least any fill can cost
    raw_copy: float
    #: pypdf reading the PDF and writing it out again, nothing changed (``clone_from``)
    pypdf_read_write: float
    #: pypdf opening the PDF and listing its fields (``get_fields``): the least a read costs
    pypdf_read_fields: float

    def lines(self, fill_seconds: float | None = None, read_seconds: float | None = None) -> str:
        """The floors as ``name: docs/s`` lines, with the engine's times as multiples."""
        rate = _rate
        out = [
            f"pdf_floor_raw_copy_docs_per_s: {rate(self.raw_copy):.1f}",
            f"pdf_floor_pypdf_read_write_docs_per_s: {rate(self.pypdf_read_write):.1f}",
            f"pdf_floor_pypdf_read_fields_docs_per_s: {rate(self.pypdf_read_fields):.1f}",
        ]
        if fill_seconds:
            out.append(
                f"pdf_fill_vs_pypdf_read_write: {fill_seconds / self.pypdf_read_write:.2f}x  "
                f"(vs raw copy: {fill_seconds / self.raw_copy:.0f}x)"
            )
        if read_seconds:
            out.append(
                f"pdf_read_vs_pypdf_read_fields: {read_seconds / self.pypdf_read_fields:.2f}x"
            )
        return "\n".join(out)


def _rate(seconds: float) -> float:
    return 1.0 / seconds if seconds else 0.0


def _best(work: object, count: int) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        for _ in range(count):
            work()  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    return best / count


def pdf_floor(template: Path, count: int = 20) -> PdfFloor:
    """The PDF floors on ``template`` (the shipped form), ``count`` documents a pass."""
    from pypdf import PdfReader, PdfWriter

    data = template.read_bytes()

    def copy() -> None:
        bytearray(template.read_bytes())

    def read_write() -> None:
        PdfWriter(clone_from=PdfReader(io.BytesIO(data))).write(io.BytesIO())

    def read_fields() -> None:
        PdfReader(io.BytesIO(data)).get_fields()

    return PdfFloor(
        raw_copy=_best(copy, count * 10),
        pypdf_read_write=_best(read_write, count),
        pypdf_read_fields=_best(read_fields, count),
    )


if __name__ == "__main__":
    shipped = Path(__file__).resolve().parent.parent / "templates/pdf/ridgeford-school-age.pdf"
    print(pdf_floor(shipped).lines())
