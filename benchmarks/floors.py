"""Floors: the least work a format engine could do per form, measured in the same run as the
engine so its time can be printed as a multiple of it (absolute times on a shared machine
measure the neighbours too).

Each kind has its own function; other benchmarks import them::

    from floors import excel_floor
    floor = excel_floor(template_bytes)          # CPU seconds per package
    print(f"x floor: {engine_seconds / floor:.1f}")

``word_floor`` (unzip, parse ``document.xml``, re-zip), ``excel_floor`` (every XML part) and
``pdf_floor`` (a raw copy, pypdf read-and-write, pypdf open-and-list-fields).

Usage as a script (the Excel engine on Southvale's workbook against its floor; the PDF
floors on the shipped Ridgeford form)::

    python benchmarks/floors.py excel [--count 40]
    python benchmarks/floors.py pdf
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

#: passes of each measurement; the fastest counts (slower passes measure other work)
EXCEL_REPEATS = 5


def _excel_best(work: Callable[[], object], count: int) -> float:
    """CPU seconds per call of ``work``, fastest of :data:`EXCEL_REPEATS` passes of ``count``."""
    best = float("inf")
    for _ in range(EXCEL_REPEATS):
        started = time.process_time()
        for _ in range(count):
            work()
        best = min(best, time.process_time() - started)
    return best / count


def excel_floor(package: bytes, count: int = 40) -> float:
    """CPU seconds to unzip an .xlsx package, parse every XML member with lxml and zip it
    again (deflate, members in order), with no work between: what any engine that opens the
    package and writes it back pays at the least."""

    def once() -> bytes:
        out = io.BytesIO()
        with (
            zipfile.ZipFile(io.BytesIO(package)) as source,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            for info in source.infolist():
                content = source.read(info)
                if info.filename.endswith((".xml", ".rels")):
                    content = etree.tostring(etree.fromstring(content))
                target.writestr(info, content)
        return out.getvalue()

    return _excel_best(once, count)


def _excel_report(count: int) -> None:
    from pepdocs import api
    from pepdocs.binding import form_values
    from pepdocs.formats import excel
    from pepdocs.mapping import resolve_form
    from pepdocs.model import load_pep
    from pepdocs.samples import generate_peps

    spec = resolve_form("southvale", form="school_age")
    peps = list(generate_peps(count, seed=11, authority="southvale", phase="school_age"))
    values = [form_values(load_pep(pep), spec) for pep in peps]
    filled = [api.fill(pep, spec) for pep in peps]
    items = iter(range(10**9))

    def fill_one() -> None:
        excel.fill(spec, values[next(items) % count])

    def read_one() -> None:
        excel.read(spec, filled[next(items) % count], "form.xlsx")

    def openpyxl_one() -> None:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(filled[next(items) % count]))
        book.save(io.BytesIO())

    floor = excel_floor(filled[0], count)
    fill_seconds = _excel_best(fill_one, count)
    read_seconds = _excel_best(read_one, count)
    openpyxl_seconds = _excel_best(openpyxl_one, max(count // 4, 5))
    print(f"# southvale school_age, {count} forms, CPU time, fastest of {EXCEL_REPEATS} passes; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus")  # fmt: skip
    print(f"excel_floor_ms: {floor * 1000:.2f}  (unzip, parse every XML part, re-zip)")
    print(f"excel_fill_ms: {fill_seconds * 1000:.2f}  x floor: {fill_seconds / floor:.2f}")
    print(f"excel_read_ms: {read_seconds * 1000:.2f}  x floor: {read_seconds / floor:.2f}")
    print(
        f"openpyxl_load_save_ms: {openpyxl_seconds * 1000:.2f}  x floor: "
        f"{openpyxl_seconds / floor:.2f}  (the loop people write by hand, no cell touched)"
    )


#: passes over the same work; the fastest counts (slower passes measure the neighbours)
PDF_REPEATS = 3


@dataclass(frozen=True)
class PdfFloor:
    """Seconds per document for the PDF floors (fastest of :data:`PDF_REPEATS` passes)."""

    #: the file's bytes read and copied into a new buffer: the least any fill can cost
    raw_copy: float
    #: pypdf reading the PDF and writing it out again, nothing changed (``clone_from``)
    pypdf_read_write: float
    #: pypdf opening the PDF and listing its fields (``get_fields``): the least a read costs
    pypdf_read_fields: float

    def lines(self, fill_seconds: float | None = None, read_seconds: float | None = None) -> str:
        """The floors as ``name: docs/s`` lines, with the engine's times as multiples."""
        rate = _pdf_rate
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


def _pdf_rate(seconds: float) -> float:
    return 1.0 / seconds if seconds else 0.0


def _pdf_best(work: object, count: int) -> float:
    best = float("inf")
    for _ in range(PDF_REPEATS):
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
        raw_copy=_pdf_best(copy, count * 10),
        pypdf_read_write=_pdf_best(read_write, count),
        pypdf_read_fields=_pdf_best(read_fields, count),
    )


#: passes over the files; the fastest counts (slower passes measure the neighbours)
WORD_REPEATS = 3


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


def word_floor(files: Sequence[Path], repeats: int = WORD_REPEATS) -> float:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["excel", "pdf"], help="which engine against its floor")
    parser.add_argument("--count", type=int, default=40, help="forms per pass")
    args = parser.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    if args.kind == "excel":
        _excel_report(args.count)
    else:
        shipped = Path(__file__).resolve().parent.parent / "templates/pdf/ridgeford-school-age.pdf"
        print(pdf_floor(shipped, max(args.count // 2, 5)).lines())


if __name__ == "__main__":
    main()
