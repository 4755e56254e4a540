"""Small Word forms built in code for the legacy tests, with the template build scripts' XML
builders (templates/build/docxkit.py, imported by path: the build folder is not a package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def docxkit() -> ModuleType:
    name = "pepdocs_tests_docxkit"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "templates" / "build" / "docxkit.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def write_form(path: Path, *blocks: str, title: str = "Ashcombe Virtual School") -> Path:
    dk = docxkit()
    package = dk.Package(title=title, creator=title)
    package.add(dk.para(dk.run(title, bold=True, size=32)))
    package.add(*blocks)
    package.logo_png = dk.png_bytes(2, 2, lambda x, y: (0, 0, 0, 255))
    package.write(path)
    return path


def label_table(labels: list[str]) -> str:
    """A two-column label/value table with shaded label cells and empty value cells."""
    dk = docxkit()
    rows = [dk.row(dk.label_cell(label, 3000), dk.cell(width=6000)) for label in labels]
    return dk.table(rows, [3000, 6000])


def control_table(pairs: list[tuple[str, str]]) -> str:
    """Label cells beside content controls tagged ``tag``."""
    dk = docxkit()
    ids = dk.Ids()
    rows = [
        dk.row(
            dk.label_cell(label, 3000), dk.cell(dk.para(dk.sdt_text(ids, tag, label)), width=6000)
        )
        for label, tag in pairs
    ]
    return dk.table(rows, [3000, 6000])


def header_table(headers: list[str], rows: int = 2) -> str:
    dk = docxkit()
    width = 9000 // len(headers)
    head = dk.row(*(dk.label_cell(h, width) for h in headers), header=True)
    body = [dk.row(*(dk.cell(width=width) for _ in headers)) for _ in range(rows)]
    return dk.table([head, *body], [width] * len(headers))


def checkbox_line(lead: str, options: list[str]) -> str:
    dk = docxkit()
    return dk.para(dk.run(f"{lead}: "), *dk.glyph_options(options))


def heading(text: str) -> str:
    dk = docxkit()
    return dk.para(dk.run(text, bold=True, size=26))


def spacer() -> str:
    return docxkit().spacer()
