"""Legacy PEPs and new authorities' forms: infer a mapping from a blank form, lint a mapping
against its template, recognise which form a document is, convert folders of old PEPs, and
follow a template from one revision to the next (docs/legacy.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pepdocs._lazy import lazy_exports

if TYPE_CHECKING:
    from pepdocs.legacy.checkmap import CheckProblem, check_form, check_mapping
    from pepdocs.legacy.convert import ConvertSummary, convert_folder
    from pepdocs.legacy.detect import Detection, detect_form, extract_any
    from pepdocs.legacy.drift import AnchorChange, Drift, diff_template
    from pepdocs.legacy.infer import InferredEntry, InferredMapping, infer_mapping
    from pepdocs.legacy.lexicon import Lexicon, load_lexicon

#: public name -> the module that defines it (imported on first use)
_LAZY: dict[str, str] = {
    "CheckProblem": "pepdocs.legacy.checkmap",
    "check_form": "pepdocs.legacy.checkmap",
    "check_mapping": "pepdocs.legacy.checkmap",
    "ConvertSummary": "pepdocs.legacy.convert",
    "convert_folder": "pepdocs.legacy.convert",
    "Detection": "pepdocs.legacy.detect",
    "detect_form": "pepdocs.legacy.detect",
    "extract_any": "pepdocs.legacy.detect",
    "AnchorChange": "pepdocs.legacy.drift",
    "Drift": "pepdocs.legacy.drift",
    "diff_template": "pepdocs.legacy.drift",
    "InferredEntry": "pepdocs.legacy.infer",
    "InferredMapping": "pepdocs.legacy.infer",
    "infer_mapping": "pepdocs.legacy.infer",
    "Lexicon": "pepdocs.legacy.lexicon",
    "load_lexicon": "pepdocs.legacy.lexicon",
}
__getattr__, __dir__ = lazy_exports(__name__, _LAZY)

__all__ = [
    "AnchorChange",
    "CheckProblem",
    "ConvertSummary",
    "Detection",
    "Drift",
    "InferredEntry",
    "InferredMapping",
    "Lexicon",
    "check_form",
    "check_mapping",
    "convert_folder",
    "detect_form",
    "diff_template",
    "extract_any",
    "infer_mapping",
    "load_lexicon",
]
