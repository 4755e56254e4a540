"""Legacy PEPs and authorities' form revisions: lint a mapping against its template, convert
folders of old PEPs, and follow a template from one revision to the next (docs/legacy.md).
Drafting a mapping is :mod:`pepdocs.inference`; recognising a form, :mod:`pepdocs.recognition`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pepdocs._lazy import lazy_exports

if TYPE_CHECKING:
    from pepdocs.legacy.checkmap import CheckProblem, check_form, check_mapping
    from pepdocs.legacy.convert import ConvertSummary, convert_folder
    from pepdocs.legacy.drift import AnchorChange, Drift, diff_template

#: public name -> the module that defines it (imported on first use)
_LAZY: dict[str, str] = {
    "CheckProblem": "pepdocs.legacy.checkmap",
    "check_form": "pepdocs.legacy.checkmap",
    "check_mapping": "pepdocs.legacy.checkmap",
    "ConvertSummary": "pepdocs.legacy.convert",
    "convert_folder": "pepdocs.legacy.convert",
    "AnchorChange": "pepdocs.legacy.drift",
    "Drift": "pepdocs.legacy.drift",
    "diff_template": "pepdocs.legacy.drift",
}
__getattr__, __dir__ = lazy_exports(__name__, _LAZY)

__all__ = [
    "AnchorChange",
    "CheckProblem",
    "ConvertSummary",
    "Drift",
    "check_form",
    "check_mapping",
    "convert_folder",
    "diff_template",
]
