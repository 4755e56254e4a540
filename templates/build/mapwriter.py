"""Collects mapping entries while a template is built and writes them as a mapping YAML file.

Writing the mapping from the same calls that draw the form means a tag or label can never be
in one and not the other. The YAML is laid out as a person would write it (one entry per
field, anchors in flow style, section comments) because data officers read these files as
examples when they write a mapping for their own authority by hand (docs/authoring.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_PLAIN_KEY = re.compile(r"^[a-z_][a-z0-9_]*$")
_PLAIN_VALUE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
# Plain scalars YAML 1.1 readers would turn into booleans or nulls: always quote them.
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "none", "~"}


def _key(key: str) -> str:
    return key if _PLAIN_KEY.match(key) and key.lower() not in _RESERVED else json.dumps(key)


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN_VALUE.match(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(value: Any) -> str:
    """YAML flow style: ``{label: {text: "Date of birth", section: "Child"}}``."""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)}: {flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return _scalar(value)


@dataclass
class Entry:
    path: str
    at: dict[str, Any]
    also: list[dict[str, Any]] = field(default_factory=list)
    type: str | None = None
    format: str | None = None
    values: dict[str, str] | None = None
    columns: list[dict[str, Any]] | None = None
    comment: str = ""
    #: a long answer written one paragraph per line (rich-text block controls)
    multiline: bool | None = None


@dataclass
class MappingDoc:
    """The top-level keys of one mapping file plus its entries in form order."""

    authority: str
    name: str
    form: str
    version: str
    template: str
    description: str
    extra_top: dict[str, Any] = field(default_factory=dict)
    fingerprint: list[str] = field(default_factory=list)
    items: list[Entry | str] = field(default_factory=list)  # str = a section comment

    def section(self, title: str) -> None:
        self.items.append(title)

    def add(self, entry: Entry) -> Entry:
        if any(isinstance(e, Entry) and e.path == entry.path for e in self.items):
            raise ValueError(f"{self.template}: {entry.path} is mapped twice")
        self.items.append(entry)
        return entry

    def entries(self) -> list[Entry]:
        return [e for e in self.items if isinstance(e, Entry)]

    def render(self, generator: str) -> str:
        out = [
            f"# {self.name}: {self.form.replace('_', ' ')} PEP form, version {self.version}.",
            f"# Written by {generator} together with the template, so every",
            "# tag and label below exists in it; change both by editing that script and",
            "# re-running it. docs/authoring.md explains each key.",
            f"authority: {self.authority}",
            f"name: {json.dumps(self.name)}",
            f"form: {self.form}",
            f"version: {json.dumps(self.version)}",
            "kind: docx",
            f"template: {self.template}",
        ]
        for key, value in self.extra_top.items():
            out.append(f"{key}: {flow(value)}")
        out.append("description: >-")
        out.extend(f"  {line}" for line in _wrap(self.description, 94))
        if self.fingerprint:
            out.append("fingerprint:")
            out.extend(f"  - {json.dumps(t, ensure_ascii=False)}" for t in self.fingerprint)
        out.append("fields:")
        for item in self.items:
            if isinstance(item, str):
                out.append("")
                out.append(f"  # --- {item}")
                continue
            if item.comment:
                out.append(f"  # {item.comment}")
            out.append(f"  - path: {item.path}")
            out.append(f"    at: {flow(item.at)}")
            if len(item.also) == 1:
                out.append(f"    also: {flow(item.also[0])}")
            elif item.also:
                out.append(f"    also: {flow(item.also)}")
            if item.type:
                out.append(f"    type: {item.type}")
            if item.format:
                out.append(f"    format: {json.dumps(item.format)}")
            if item.multiline is not None:
                out.append(f"    multiline: {_scalar(item.multiline)}")
            if item.values:
                out.append("    values:")
                out.extend(
                    f"      {json.dumps(code)}: {json.dumps(label, ensure_ascii=False)}"
                    for code, label in item.values.items()
                )
            if item.columns:
                out.append("    columns:")
                for col in item.columns:
                    out.extend(_column(col))
        return "\n".join(out) + "\n"

    def write(self, path: Path, generator: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.render(generator), encoding="utf-8")


def _column(col: Mapping[str, Any]) -> list[str]:
    """One column: on one line when short, else a block (choice columns list their values
    one per line, as a person would write them)."""
    one_line = f"      - {flow(dict(col))}"
    if len(one_line) <= 100:
        return [one_line]
    lines: list[str] = []
    for n, (key, value) in enumerate(col.items()):
        lead = "      - " if n == 0 else "        "
        if isinstance(value, Mapping):
            lines.append(f"{lead}{key}:")
            lines.extend(
                f"          {json.dumps(str(k))}: {json.dumps(v, ensure_ascii=False)}"
                for k, v in value.items()
            )
        else:
            lines.append(f"{lead}{key}: {flow(value)}")
    return lines


def _wrap(text: str, width: int) -> Sequence[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines
