"""Code lists: the official codes the canonical model stores, with their labels.

Each list is a YAML data file beside this module (``legal_status.yaml`` ...), carrying the
collection year it is valid for, because DfE lists change between years (the SSDA903
placement types did in 2023-24 and again for 2025-26). The model stores codes (``C2``);
forms show labels (``Full care order``); :meth:`CodeList.code_for_label` reads a form's text
back into a code, forgiving case, spacing and punctuation but never guessing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from pepdocs.errors import PepdocsError

__all__ = ["CodeList", "get_codelist", "list_codelists"]

_NOT_ALPHANUMERIC = re.compile(r"[\W_]+", re.UNICODE)

#: an aside in brackets after an option's words
_ASIDE = re.compile(r"\(([^()]*)\)")
#: "Group - label" or "Group: label", a label printed under its group
_GROUPED = re.compile(r"^\s*([^:\-\u2013]{3,60}?)\s*(?:[:\u2013]|\s-)\s+(\S.*)$")


def _normalise(text: str) -> str:
    """Fold text for matching: ``"Section-20 "`` and ``"section 20"`` compare equal."""
    return _NOT_ALPHANUMERIC.sub("", text).casefold()


@dataclass(frozen=True, slots=True)
class CodeList:
    """One code list: ``codes`` in the order the source lists them, each with its label."""

    name: str
    title: str
    collection_year: str
    source: str
    labels: Mapping[str, str]
    #: extra texts forms print for a code (``Section 20`` for ``V2``), matched like labels
    aliases: Mapping[str, str] = field(default_factory=dict)
    _lookup: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.labels)

    def __contains__(self, code: object) -> bool:
        return code in self.labels

    def label(self, code: str) -> str:
        """The label of ``code``; an unknown code raises :class:`PepdocsError`."""
        try:
            return self.labels[code]
        except KeyError:
            raise PepdocsError(
                f"not a code of the {self.name} list ({self.collection_year}); "
                f"codes are {', '.join(self.codes)}"
            ) from None

    def normalise_code(self, text: str) -> str | None:
        """The code ``text`` spells, ignoring case and surrounding spaces (``" c2"`` -> ``C2``)."""
        return self._lookup.get("code:" + _normalise(text))

    def code_for_label(self, text: str) -> str | None:
        """The code whose code, label or alias ``text`` is, folding case/spaces/punctuation.

        Returns ``None`` when nothing matches exactly after folding: a form value that is
        only *similar* to a label is reported, not guessed (see :meth:`suggest`).
        """
        folded = _normalise(text)
        if not folded:
            return None
        found = self._lookup.get("code:" + folded) or self._lookup.get("label:" + folded)
        if found is not None:
            return found
        aside = _ASIDE.search(text)
        if aside is not None:
            # an option printed with its code or section in brackets ("Full care order
            # (S31)", "SEN support (K)"): the words and the bracket must not name different
            # codes
            named = {
                self.code_for_label(part)
                for part in (text[: aside.start()] + text[aside.end() :], aside.group(1))
                if part.strip()
            }
            named.discard(None)
            return named.pop() if len(named) == 1 else None
        grouped = _GROUPED.match(text)
        if grouped is not None:
            # a label under its group, as census-style lists print them ("Asian or Asian
            # British - Pakistani", "Mixed: White and Black Caribbean"): the label names it,
            # alone or after the group's first word ("Black or Black British - African")
            group, label = grouped.group(1).split(), grouped.group(2)
            return self.code_for_label(label) or self.code_for_label(f"{group[0]} {label}")
        return None

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """The codes nearest to ``text`` (by code, label or alias), best first, for hints."""
        # Deferred, like the YAML reader below: hints are for mistakes, and a code list is
        # read once per process; neither should weigh on every command's start.
        from rapidfuzz import fuzz, process, utils

        choices: dict[str, str] = {}
        for code, label in self.labels.items():
            choices[f"code:{code}"] = code
            choices[f"label:{code}"] = label
        for alias, code in self.aliases.items():
            choices[f"alias:{alias}:{code}"] = alias
        scored = process.extract(
            text,
            choices,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=None,
        )
        found: list[str] = []
        for _choice, score, key in scored:
            code = key.rsplit(":", 1)[-1] if key.startswith("alias:") else key.split(":", 1)[1]
            if score >= 50 and code not in found:
                found.append(code)
            if len(found) == limit:
                break
        return found


def _codelist_files() -> dict[str, Any]:
    folder = resources.files(__name__)
    return {
        entry.name.removesuffix(".yaml"): entry
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    }


def _build(name: str, text: str) -> CodeList:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    where = f"code list {name}.yaml"
    try:
        data = YAML(typ="safe", pure=True).load(text)
    except YAMLError as exc:
        raise PepdocsError(f"{where}: not valid YAML ({exc.__class__.__name__})") from exc
    if not isinstance(data, dict):
        raise PepdocsError(f"{where}: expected a mapping with name, collection_year and codes")
    codes = data.get("codes")
    year = data.get("collection_year")
    if data.get("name") != name or not isinstance(codes, dict) or not isinstance(year, str):
        raise PepdocsError(f'{where}: needs name: {name}, collection_year: "YYYY-YY", codes')
    aliases = data.get("aliases") or {}
    labels: dict[str, str] = {}
    for code, label in codes.items():
        # Keys are quoted in the files; an unquoted 1 or N would load as int or bool.
        if not isinstance(code, str) or not isinstance(label, str):
            raise PepdocsError(f"{where}: code and label must both be quoted strings")
        labels[code] = label
    lookup: dict[str, str] = {}
    entries = [("code", code, code) for code in labels]
    entries += [("label", label, code) for code, label in labels.items()]
    for alias, code in aliases.items():
        if code not in labels:
            raise PepdocsError(f"{where}: alias points to an unknown code")
        entries.append(("label", alias, code))
    for kind, text_, code in entries:
        key = f"{kind}:{_normalise(text_)}"
        if lookup.setdefault(key, code) != code:
            raise PepdocsError(f"{where}: two codes fold to the same text ({kind})")
    return CodeList(
        name=name,
        title=str(data.get("title") or name),
        collection_year=year,
        source=str(data.get("source") or ""),
        labels=MappingProxyType(labels),
        aliases=MappingProxyType(dict(aliases)),
        _lookup=MappingProxyType(lookup),
    )


@cache
def get_codelist(name: str) -> CodeList:
    """The code list called ``name`` (``legal_status``); unknown names raise ``PepdocsError``."""
    files = _codelist_files()
    entry = files.get(name)
    if entry is None:
        from rapidfuzz import fuzz, process

        near = process.extractOne(name, list(files), scorer=fuzz.ratio, score_cutoff=60)
        hint = f" Did you mean '{near[0]}'?" if near else ""
        raise PepdocsError(f"No code list named '{name}'.{hint} Known: {', '.join(sorted(files))}")
    return _build(name, entry.read_text(encoding="utf-8"))


def list_codelists() -> list[str]:
    """The names of every shipped code list, sorted."""
    return sorted(_codelist_files())
