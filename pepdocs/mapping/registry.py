"""Which authority forms exist, and which one a PEP needs.

Mapping files are looked for, in this order (the first file for an authority's form wins, so
a user directory can override a shipped mapping):

1. the directories passed as ``extra_dirs`` (the CLI's ``--mappings DIR``);
2. the directories in the ``PEPDOCS_MAPPINGS`` environment variable (``os.pathsep``-separated:
   ``:`` on Linux and macOS, ``;`` on Windows);
3. the shipped mappings, :func:`pepdocs._resources.data_dir` ``("mappings")``.

Every ``*.yaml``/``*.yml`` file directly in a directory is one form. Files are read lazily and
cached by path, modification time and size, so batch runs parse each mapping once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pepdocs._resources import data_dir
from pepdocs.errors import AuthorityNotFoundError, MappingError, UsageError
from pepdocs.mapping._suggest import did_you_mean
from pepdocs.mapping.filecache import FileFacts, cache_dir
from pepdocs.mapping.spec import FormSpec
from pepdocs.model.phases import list_phases

#: Environment variable naming extra mapping directories.
ENV_VAR = "PEPDOCS_MAPPINGS"
_SUFFIXES = (".yaml", ".yml")

PathLike = str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class FormSummary:
    """One form of an authority, as listed (the mapping is not fully checked for this)."""

    authority: str
    name: str
    form: str
    phases: tuple[str, ...]
    kind: str
    version: str
    template: Path
    source: Path

    @property
    def covers(self) -> tuple[str, ...]:
        return (self.form, *(phase for phase in self.phases if phase != self.form))

    @property
    def template_found(self) -> bool:
        return self.template.is_file()

    def to_dict(self) -> dict[str, Any]:
        return {
            "form": self.form,
            "phases": list(self.covers),
            "kind": self.kind,
            "version": self.version,
            "template": str(self.template),
            "template_found": self.template_found,
            "source": str(self.source),
        }


@dataclass(frozen=True, slots=True)
class Authority:
    """An authority and its forms (one per phase, usually)."""

    name: str
    display_name: str
    forms: tuple[FormSummary, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "authority": self.name,
            "name": self.display_name,
            "forms": [form.to_dict() for form in self.forms],
        }


@dataclass(frozen=True, slots=True)
class _Header:
    """The top of a mapping file: enough to choose a form without checking all of it."""

    authority: str
    form: str
    phases: tuple[str, ...]
    source: Path

    @property
    def covers(self) -> tuple[str, ...]:
        return (self.form, *(phase for phase in self.phases if phase != self.form))


# --- caches ----------------------------------------------------------------------------------

_StatKey = tuple[int, int]
_spec_cache: dict[tuple[Path, bool], tuple[_StatKey, FormSpec]] = {}
_header_cache: dict[Path, tuple[_StatKey, _Header]] = {}
_file_facts: list[FileFacts] = []  # the facts kept between runs, read once per process
#: files read for their header, kept for loading them (each file is parsed once per process,
#: whether it is then loaded with its template or without; the loader copies what it keeps)
_parsed: dict[Path, tuple[_StatKey, Any]] = {}


def _facts() -> FileFacts:
    if not _file_facts:
        _file_facts.append(FileFacts(cache_dir()))
    return _file_facts[0]


def _stat_key(path: Path) -> _StatKey:
    try:
        status = path.stat()
    except OSError:
        raise MappingError("mapping file not found; check the path", str(path)) from None
    return status.st_mtime_ns, status.st_size


def clear_cache() -> None:
    """Forget every loaded mapping (tests; long-running tools after editing mappings)."""
    _spec_cache.clear()
    _header_cache.clear()
    _file_facts.clear()
    _parsed.clear()


def load_form(path: PathLike, *, require_template: bool = True) -> FormSpec:
    """:func:`~pepdocs.mapping.loader.load_mapping`, cached by (path, mtime, size)."""
    resolved = Path(path).resolve()
    key = _stat_key(resolved)
    cached = _spec_cache.get((resolved, require_template))
    if cached and cached[0] == key:
        return cached[1]
    # Deferred: the loader (transforms, the model's catalog) is for the forms actually used.
    from pepdocs.mapping.loader import load_mapping, load_parsed

    parsed = _parsed.get(resolved)
    if parsed is not None and parsed[0] == key:
        spec = load_parsed(path, parsed[1], require_template=require_template)
    else:
        spec = load_mapping(path, require_template=require_template)
    _spec_cache[(resolved, require_template)] = (key, spec)
    return spec


def _header(path: Path) -> _Header:
    key = _stat_key(path)
    cached = _header_cache.get(path)
    if cached and cached[0] == key:
        return cached[1]
    known = _facts().get(path, key, "header")
    if known is not None:
        header = _Header(known["authority"], known["form"], tuple(known["phases"]), path)
        _header_cache[path] = (key, header)
        return header
    # Deferred: with the facts kept from earlier runs, listing forms reads no YAML at all.
    from pepdocs.mapping.loader import load_mapping, parse_yaml, read_mapping_text

    document = parse_yaml(read_mapping_text(path), str(path))
    _parsed[path] = (key, document)
    authority = document.get("authority") if isinstance(document, Mapping) else None
    form = document.get("form") if isinstance(document, Mapping) else None
    phases = document.get("phases", []) if isinstance(document, Mapping) else []
    if isinstance(phases, str):
        phases = [phases]
    if (
        not isinstance(authority, str)
        or form not in list_phases()
        or not isinstance(phases, list)
        or not all(phase in list_phases() for phase in phases)
    ):
        load_mapping(path, require_template=False)  # raises the precise error, file:line
        raise MappingError("authority or form is missing", str(path), 1)  # pragma: no cover
    header = _Header(authority, str(form), tuple(str(p) for p in phases), path)
    _header_cache[path] = (key, header)
    facts = {"authority": authority, "form": header.form, "phases": list(header.phases)}
    _facts().put(path, key, "header", facts)
    return header


# --- where mappings live ---------------------------------------------------------------------


def mapping_dirs(extra_dirs: Iterable[PathLike] = ()) -> list[Path]:
    """The directories searched, highest priority first (see the module docstring).

    A directory named explicitly (argument or environment variable) must exist.
    """
    dirs: list[Path] = []
    for given, origin in [
        *((Path(d), "--mappings") for d in extra_dirs),
        *((Path(d), ENV_VAR) for d in os.environ.get(ENV_VAR, "").split(os.pathsep) if d),
    ]:
        if not given.is_dir():
            raise UsageError(
                f"{given}: mappings directory not found (from {origin}); check the path"
            )
        dirs.append(given)
    dirs.append(data_dir("mappings"))
    return list(dict.fromkeys(path.resolve() for path in dirs))


def iter_mapping_files(extra_dirs: Iterable[PathLike] = ()) -> list[Path]:
    """Every mapping file, in priority order (directory order, then file name)."""
    files: list[Path] = []
    for directory in mapping_dirs(extra_dirs):
        if directory.is_dir():
            files.extend(
                sorted(
                    path
                    for path in directory.iterdir()
                    if path.suffix.lower() in _SUFFIXES and path.is_file()
                )
            )
    return files


def _index(extra_dirs: Iterable[PathLike]) -> dict[str, list[_Header]]:
    """authority -> its forms' headers; a user directory's file hides a shipped one."""
    chosen: dict[tuple[str, str], _Header] = {}
    for path in iter_mapping_files(extra_dirs):
        header = _header(path)
        key = (header.authority, header.form)
        earlier = chosen.get(key)
        if earlier is None:
            chosen[key] = header
        elif earlier.source.parent == path.parent:
            raise MappingError(
                f"two mapping files for {header.authority}/{header.form} in one directory "
                f"({earlier.source.name} and {path.name}); remove or rename one",
                str(path),
                1,
            )
    _facts().save()
    index: dict[str, list[_Header]] = {}
    for header in chosen.values():
        index.setdefault(header.authority, []).append(header)
    for headers in index.values():
        headers.sort(key=lambda h: list_phases().index(h.form))
    return index


# --- the public verbs ------------------------------------------------------------------------


def list_authorities(extra_dirs: Iterable[PathLike] = ()) -> list[Authority]:
    """Every known authority with its forms, sorted by name.

    Each listed mapping is fully checked (a broken file raises ``MappingError`` naming its
    line); a missing template does not stop the listing (``FormSummary.template_found``).
    """
    authorities: list[Authority] = []
    for name, headers in sorted(_index(extra_dirs).items()):
        forms = tuple(_summary(header) for header in headers)
        authorities.append(Authority(name, forms[0].name, forms))
    _facts().save()
    return authorities


def _summary(header: _Header) -> FormSummary:
    """The listed facts of a header's form: kept from an earlier full load of the same file,
    or from loading (and so checking) it now."""
    key = _stat_key(header.source)
    known = _facts().get(header.source, key, "summary")
    if known is None:
        spec = load_form(header.source, require_template=False)
        known = {
            "name": spec.name,
            "phases": list(spec.phases),
            "kind": spec.kind,
            "version": spec.version,
            "template": str(spec.template),
        }
        _facts().put(header.source, key, "summary", known)
    return FormSummary(
        authority=header.authority,
        name=known["name"],
        form=header.form,
        phases=tuple(known["phases"]),
        kind=known["kind"],
        version=known["version"],
        template=Path(known["template"]),
        source=header.source,
    )


def _looks_like_path(authority: str) -> bool:
    return (
        authority.lower().endswith(_SUFFIXES)
        or "/" in authority
        or os.sep in authority
        or (os.altsep is not None and os.altsep in authority)
    )


def _check_phase(phase: str | None) -> None:
    phases = list_phases()
    if phase is not None and phase not in phases:
        raise UsageError(
            f"unknown phase {phase!r}.{did_you_mean(phase, phases)} (phases: {', '.join(phases)})"
        )


def _describe(headers: Sequence[_Header]) -> str:
    return ", ".join(f"{'/'.join(header.covers)} ({header.source.name})" for header in headers)


def resolve_form(
    authority: str,
    phase: str | None = None,
    form: str | None = None,
    extra_dirs: Iterable[PathLike] = (),
) -> FormSpec:
    """The form to use: ``authority`` is an authority name (``eastborough``) or the path of a
    mapping file; ``phase`` (the PEP's ``meta.phase``) picks among an authority's forms, and
    ``form`` (a form's phase name or its mapping file's name without ``.yaml``) picks
    explicitly. Raises ``AuthorityNotFoundError`` with the choices on any miss."""
    _check_phase(phase)
    if _looks_like_path(authority):
        spec = load_form(authority)
        if phase is not None and phase not in spec.covers:
            raise AuthorityNotFoundError(
                f"{authority}: this form is for {'/'.join(spec.covers)}, not {phase}; use the "
                f"mapping for {phase}, or add it to phases: if this form serves it too"
            )
        return spec

    index = _index(extra_dirs)
    name = authority.strip().lower()
    headers = index.get(name)
    if not headers:
        known = ", ".join(sorted(index)) or "none"
        raise AuthorityNotFoundError(
            f"unknown authority {authority!r}.{did_you_mean(name, index, cutoff=60)} "
            f"(known: {known}); `pepdocs authorities` lists them, and --mappings DIR or "
            f"{ENV_VAR} adds your own"
        )
    if form is not None:
        matches = [h for h in headers if form in (h.form, h.source.stem)]
        if not matches:
            choices = [h.form for h in headers] + [h.source.stem for h in headers]
            raise AuthorityNotFoundError(
                f"{name} has no form {form!r}.{did_you_mean(form, choices)} "
                f"(forms: {_describe(headers)})"
            )
        chosen = matches[0]
        if phase is not None and phase not in chosen.covers:
            raise AuthorityNotFoundError(
                f"{name}'s {form} form is for {'/'.join(chosen.covers)}, not {phase}"
            )
    elif phase is not None:
        matches = [h for h in headers if h.form == phase] or [
            h for h in headers if phase in h.phases
        ]
        if not matches:
            raise AuthorityNotFoundError(
                f"{name} has no form for {phase} (forms: {_describe(headers)}); choose one "
                "with --form, or add the phase to a form's phases:"
            )
        chosen = matches[0]
    elif len(headers) == 1:
        chosen = headers[0]
    else:
        raise AuthorityNotFoundError(
            f"{name} has {len(headers)} forms ({_describe(headers)}); say which by the PEP's "
            "phase or with --form"
        )
    return load_form(chosen.source)
