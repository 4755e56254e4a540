"""Bidirectional transforms between model values and form values (see docs/mappings.md)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from pepdocs.mapping.spec import FormValue


class Transform(ABC):
    """Turns a model value into what the form shows (``to_form``) and back (``from_form``).

    ``from_form`` raises :class:`pepdocs.errors.TransformError` on text it cannot read; the
    caller reports the field as unparseable and keeps the raw text. ``reversible`` is False
    for a transform that loses information; the loader and reports say so.
    """

    name: str = ""
    reversible: bool = True

    @abstractmethod
    def to_form(self, value: Any) -> FormValue: ...

    @abstractmethod
    def from_form(self, raw: FormValue) -> Any: ...
