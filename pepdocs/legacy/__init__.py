"""Legacy PEPs and new authorities' forms: infer a mapping from a blank form, lint a mapping
against its template, recognise which form a document is, convert folders of old PEPs, and
follow a template from one revision to the next (docs/legacy.md).
"""

from pepdocs.legacy.checkmap import CheckProblem, check_form, check_mapping
from pepdocs.legacy.infer import InferredEntry, InferredMapping, infer_mapping
from pepdocs.legacy.lexicon import Lexicon, load_lexicon

__all__ = [
    "CheckProblem",
    "InferredEntry",
    "InferredMapping",
    "Lexicon",
    "check_form",
    "check_mapping",
    "infer_mapping",
    "load_lexicon",
]
