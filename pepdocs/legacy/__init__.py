"""Legacy PEPs and new authorities' forms: infer a mapping from a blank form, lint a mapping
against its template, recognise which form a document is, convert folders of old PEPs, and
follow a template from one revision to the next (docs/legacy.md).
"""

from pepdocs.legacy.checkmap import CheckProblem, check_form, check_mapping
from pepdocs.legacy.convert import ConvertSummary, convert_folder
from pepdocs.legacy.detect import Detection, detect_form, extract_any
from pepdocs.legacy.drift import AnchorChange, Drift, diff_template
from pepdocs.legacy.infer import InferredEntry, InferredMapping, infer_mapping
from pepdocs.legacy.lexicon import Lexicon, load_lexicon

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
