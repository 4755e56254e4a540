"""Form engines, one per file kind, found by the mapping file's ``kind``.

Engines are imported on first use: reading a Word form should not pay for importing pypdf,
and a kind whose engine is not written yet fails with one clear line instead of at import.
"""

from __future__ import annotations

import importlib
from typing import cast

from pepdocs.errors import PepdocsError
from pepdocs.formats.base import FormEngine

#: file kind (``FormSpec.kind``) -> module implementing :class:`FormEngine`
ENGINE_MODULES: dict[str, str] = {
    "docx": "pepdocs.formats.word",
    "xlsx": "pepdocs.formats.excel",
    "pdf": "pepdocs.formats.pdf",
}


def get_engine(kind: str) -> FormEngine:
    """The engine for ``kind`` (``docx``, ``xlsx``, ``pdf``)."""
    module_name = ENGINE_MODULES.get(kind)
    if module_name is None:
        known = ", ".join(sorted(ENGINE_MODULES))
        raise PepdocsError(f"no form engine for kind {kind!r}: use one of {known}")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        # Only "the engine itself is absent" means unsupported; a missing import *inside* an
        # engine is a real bug and must surface as one.
        if exc.name != module_name:
            raise
        raise PepdocsError(f"{kind} forms are not supported yet (no {module_name})") from None
    return cast(FormEngine, module)


def list_kinds() -> list[str]:
    """File kinds whose engine is installed."""
    kinds = []
    for kind, module_name in ENGINE_MODULES.items():
        try:
            importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        kinds.append(kind)
    return kinds
