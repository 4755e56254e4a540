"""openpyxl where it is still the right tool: a whole workbook for inference and recognition
(``open_workbook``), and the print copy (``print_copy``), which may touch any text cell.

Fill and read do not come here: they work on the worksheets' XML (:mod:`.writer`,
:mod:`.reader`). openpyxl gets a workbook only after ``vet_workbook`` (the safe-open checks,
the sheet limits, and a re-packed copy that openpyxl's unbounded unzipping cannot be led past
the limits with).
"""

from __future__ import annotations

import io
import warnings

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

from pepdocs.errors import DocumentError, PepdocsError
from pepdocs.formats.addresses import breakable, may_hold_address
from pepdocs.safety.package import vet_workbook

__all__ = ["open_workbook", "print_copy"]


def open_workbook(data: bytes, name: str) -> Workbook:
    """An untrusted workbook opened as openpyxl's (safe-open checks first, formulas as
    formulas): the engine's inspection API for inference and recognition."""
    vetted = vet_workbook(data, name)  # checked, measured and re-packed before openpyxl
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return load_workbook(
                io.BytesIO(vetted.data), data_only=False, keep_links=False, keep_vba=False
            )
        except PepdocsError:
            raise
        except Exception:  # openpyxl raises many kinds on damaged parts; all mean "damaged"
            raise DocumentError("is not a readable Excel workbook (damaged?)", name) from None


def print_copy(data: bytes, name: str) -> bytes:
    """The copy of a filled workbook that goes to the printer: email and web addresses in
    text cells can wrap after an ``@``, a dot or a slash (``pepdocs.formats.addresses``),
    not in the middle of a word. The workbook itself keeps them as typed."""
    book = open_workbook(data, name)
    changed = False
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if (
                    isinstance(value, str)
                    and may_hold_address(value)
                    and cell.data_type != "f"
                    and not isinstance(value, ArrayFormula | DataTableFormula)
                    and not (value.startswith("=") and cell.data_type != "s")
                ):
                    broken = breakable(value)
                    if broken != value:
                        cell.value = broken
                        changed = True
    if not changed:
        return data
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
