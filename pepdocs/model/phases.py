"""The PEP phases: which of an authority's forms covers a child (``meta.phase``).

The code list ``codelists/phase.yaml`` defines them, with their labels and the texts forms
print for them; every part of pepdocs that needs the list of phases asks :func:`list_phases`.
:data:`Phase` is the type checker's spelling of the same codes (a ``Literal`` cannot be read
from a file): tests/model/test_phases.py fails if the two ever differ.
"""

from __future__ import annotations

from functools import cache
from typing import Literal, cast

from pepdocs.model.codelists import get_codelist

__all__ = ["Phase", "list_phases"]

Phase = Literal["early_years", "school_age", "post16"]


@cache
def list_phases() -> tuple[Phase, ...]:
    """The phases in the code list's order: youngest first (forms are listed in it)."""
    return cast(tuple[Phase, ...], get_codelist("phase").codes)
