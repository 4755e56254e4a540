"""Inference for Excel workbooks and PDF AcroForms (Word forms: :mod:`pepdocs.inference.word`).

Excel: label cells matched through the lexicon (value to the right, or below in a row of
labels), defined names by their name, and tables by their header rows; anchors carry their
sheet. PDF: every form field by its name and its tooltip (``/TU``, what a screen reader says:
usually the printed label); drop-downs keep their own option texts as ``values``; radio
groups whose states are a code list's options, and yes/no radios and checkboxes on yes/no
paths. The same lexicon, confidences and assignment rules as for Word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pepdocs.inference.draft import Candidate, InferredEntry, assign, code_prefix
from pepdocs.inference.lexicon import Lexicon, LexiconMatch, fold
from pepdocs.model import field_catalog, get_codelist

__all__ = ["infer_pdf_entries", "infer_workbook_entries"]

_LABEL_MAX_CHARS = 70
_RADIO_FLAG = 1 << 15
_YES_NO = {"yes": "true", "y": "true", "on": "true", "no": "false", "n": "false", "off": "false"}


def _entry(
    path: str,
    anchor: dict[str, Any],
    confidence: float,
    evidence: str,
    claims: Sequence[Any],
    **extra: Any,
) -> Candidate:
    entry = InferredEntry(path, anchor, round(confidence, 3), evidence, element=claims[0])
    entry.also = list(extra.get("also") or [])
    entry.options = dict(extra.get("options") or {})
    entry.columns = list(extra.get("columns") or [])
    return Candidate(entry, tuple(claims))


def _values_for(path: str, options: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """``values`` for a drop-down: each option (export value, shown text) whose code the
    model knows, written as the form shows it."""
    info = field_catalog()[path]
    if info.kind != "choice" or not info.codelist:
        return {}
    codes = get_codelist(info.codelist)
    values: dict[str, str] = {}
    for export, shown in options:
        if not shown.strip():
            continue
        code = (
            (export if export in codes else None)
            or codes.code_for_label(shown)
            or code_prefix(shown, codes.codes)
        )
        if code is not None and code not in values:
            values[code] = shown
    return {"values": values} if values else {}


# --- Excel ---------------------------------------------------------------------------------------


def infer_workbook_entries(
    data: bytes, name: str, lexicon: Lexicon
) -> tuple[list[InferredEntry], list[str]]:
    """Entries and unmatched labels for an Excel workbook."""
    from pepdocs.formats.excel import open_workbook  # the engine's safe loader

    book = open_workbook(data, name)
    catalog = field_catalog()
    candidates: list[Candidate] = []
    unmatched: list[str] = []
    for ws in book.worksheets:
        merged = {}
        for merged_range in ws.merged_cells.ranges:
            bounds = merged_range.bounds
            for row in range(bounds[1], bounds[3] + 1):
                for col in range(bounds[0], bounds[2] + 1):
                    merged[(row, col)] = bounds
        texts = {
            (cell.row, cell.column): str(cell.value).strip()
            for row in ws.iter_rows()
            for cell in row
            if isinstance(cell.value, str) and cell.value.strip()
        }
        claimed: set[tuple[int, int]] = set()
        candidates.extend(_sheet_tables(ws.title, texts, lexicon, claimed))
        seen: dict[str, int] = {}
        for (row, col), text in sorted(texts.items()):
            key = fold(text)
            seen[key] = seen.get(key, 0) + 1
            if (row, col) in claimed or len(text) > _LABEL_MAX_CHARS or "\n" in text:
                continue
            label = text.rstrip(":").strip()
            found = lexicon.match(label) or lexicon.match_in_section(label, ws.title)
            if found is None:
                if text.endswith(":") or text.istitle():
                    unmatched.append(label)
                continue
            if catalog[found.path].kind == "list":
                continue
            bounds = merged.get((row, col), (col, row, col, row))
            right = (bounds[1], bounds[2] + 1)
            below = (bounds[3] + 1, bounds[0])
            right_is_label = right in texts and lexicon.match(texts[right].rstrip(":")) is not None
            direction = "below" if right_is_label and below not in texts else "right"
            target = below if direction == "below" else right
            if target in texts and lexicon.match(texts[target].rstrip(":")) is not None:
                continue  # the box beside it is another label: not a label/value pair
            body: dict[str, Any] = {"text": text, "sheet": ws.title}
            if direction == "below":
                body["direction"] = "below"
            if seen[key] > 1:
                body["occurrence"] = seen[key]
            value = ws.cell(*target).value
            # a total the workbook computes is read, never written over
            computed = {"fill": False} if isinstance(value, str) and value.startswith("=") else {}
            candidates.append(
                _entry(
                    found.path,
                    {"label": body},
                    found.score,
                    f"label {text!r} on sheet {ws.title!r}",
                    [(ws.title, row, col), (ws.title, *target)],
                    options=computed,
                )
            )
    names: list[Candidate] = []
    for defined, holder in list(book.defined_names.items()):
        destinations = list(holder.destinations)
        if len(destinations) != 1 or ":" in destinations[0][1]:
            continue
        found = lexicon.match_identifier(defined)
        if found is None or catalog[found.path].kind == "list":
            continue
        title, ref = destinations[0]
        if title not in book.sheetnames:
            continue
        cell = book[title][ref.replace("$", "")]
        names.append(
            _entry(
                found.path,
                {"name": defined},
                found.score * 0.95,
                f"defined name {defined!r}",
                [(title, cell.row, cell.column)],
            )
        )
    return assign(_with_label_fallbacks(names, candidates)), list(dict.fromkeys(unmatched))


def _with_label_fallbacks(names: list[Candidate], labels: list[Candidate]) -> list[Candidate]:
    """A defined name and a label that point at the same cell for the same path become one
    entry: the name first (it survives rows being inserted), the label as its fallback."""
    merged = list(labels)
    for name in names:
        twin = next(
            (
                label
                for label in labels
                if label.entry.path == name.entry.path and name.claims[0] in label.claims
            ),
            None,
        )
        if twin is not None:
            merged.remove(twin)
            name.entry.also = [twin.entry.anchor]
            name.entry.options = dict(twin.entry.options)
            name.entry.confidence = max(name.entry.confidence, twin.entry.confidence)
            name.entry.evidence += f" and {twin.entry.evidence}"
            name = Candidate(name.entry, (*name.claims, *twin.claims))
        merged.append(name)
    return merged


def _sheet_tables(
    sheet: str,
    texts: Mapping[tuple[int, int], str],
    lexicon: Lexicon,
    claimed: set[tuple[int, int]],
) -> list[Candidate]:
    rows: dict[int, list[tuple[int, str]]] = {}
    for (row, col), text in texts.items():
        rows.setdefault(row, []).append((col, text))
    found: list[Candidate] = []
    catalog = field_catalog()
    for row, cells in sorted(rows.items()):
        if len(cells) < 2:
            continue
        best: tuple[float, str, list[tuple[int, str, str, float]]] | None = None
        for section in lexicon.tables.values():
            columns: dict[str, tuple[int, str, str, float]] = {}
            for col, text in sorted(cells):
                match = lexicon.header_match(text, section)
                if match is None:
                    continue
                column, score = match
                if column not in columns or score > columns[column][3]:
                    columns[column] = (col, text, column, score)
            if len(columns) < 2 or not all(key in columns for key in section.key):
                continue
            score = sum(item[3] for item in columns.values())
            if best is None or score > best[0]:
                best = (score, section.path, sorted(columns.values()))
        if best is None:
            continue
        score, path, scored = best
        kinds = {item.path: item.kind for item in catalog[path].item_fields}
        columns_yaml = []
        for _, text, column, _ in scored:
            entry: dict[str, Any] = {"path": column, "header": text}
            if kinds.get(column) == "date":
                entry["type"] = "date"
            columns_yaml.append(entry)
        for col, _ in cells:
            claimed.add((row, col))
        confidence = min(0.99, score / len(scored)) * (0.9 if len(scored) == 2 else 1.0)
        found.append(
            _entry(
                path,
                {"table": {"header": [text for _, text, _, _ in scored], "sheet": sheet}},
                confidence,
                f"table header on sheet {sheet!r} row {row}",
                [(sheet, row, "table")],
                columns=columns_yaml,
            )
        )
    return found


# --- PDF ------------------------------------------------------------------------------------------


def infer_pdf_entries(
    data: bytes, name: str, lexicon: Lexicon
) -> tuple[list[InferredEntry], list[str]]:
    """Entries and unmatched field names for a PDF AcroForm."""
    from pepdocs.safety.pdf import open_pdf  # bounded, XFA-aware opening of untrusted PDFs

    reader, _summary = open_pdf(data, name)
    fields = reader.get_fields() or {}
    catalog = field_catalog()
    candidates: list[Candidate] = []
    unmatched: list[str] = []
    for full_name, field in fields.items():
        kind = field.get("/FT")
        if kind not in ("/Tx", "/Ch", "/Btn"):
            continue
        tooltip = str(field.get("/TU") or "").strip()
        by_name = lexicon.match_identifier(full_name.rsplit(".", 1)[-1])
        by_tip = lexicon.match(tooltip) if tooltip else None
        chosen = _agree(by_name, by_tip)
        if chosen is None:
            unmatched.append(tooltip or full_name)
            continue
        match, confidence = chosen
        path = match.path
        info = catalog[path]
        if info.kind == "list":
            continue
        evidence = f"field {full_name!r}" + (f" ({tooltip!r})" if tooltip else "")
        options: dict[str, Any] = {}
        anchor: dict[str, Any] = {"field": full_name}
        if kind == "/Btn":
            states = [str(s).lstrip("/") for s in field.get("/_States_") or [] if s != "/Off"]
            radio = bool(int(field.get("/Ff") or 0) & _RADIO_FLAG)
            if info.kind == "bool":
                yes_no = {_YES_NO.get(s.casefold()): s for s in states}
                if radio and {"true", "false"} <= set(yes_no):
                    options = {"values": {"true": yes_no["true"], "false": yes_no["false"]}}
                elif radio:
                    continue  # a radio on a yes/no path whose options are not yes/no
            elif info.kind == "choice" and radio and info.codelist:
                mapped = _radio_states(info.codelist, states)
                if mapped is None:
                    continue
                anchor = {"radio": {"name": full_name, "states": mapped}}
            else:
                continue  # a lone checkbox on a text path: nothing sensible to read
        elif kind == "/Ch":
            pairs = [_option(o) for o in field.get("/Opt") or []]
            options = _values_for(path, pairs)
        candidates.append(_entry(path, anchor, confidence, evidence, [full_name], options=options))
    return assign(candidates), list(dict.fromkeys(unmatched))


def _agree(
    by_name: LexiconMatch | None, by_tip: LexiconMatch | None
) -> tuple[LexiconMatch, float] | None:
    """The path a field's name and tooltip point to, and how surely (as for Word controls)."""
    if by_name and by_tip:
        if by_name.path == by_tip.path:
            return by_name, min(1.0, max(by_name.score, by_tip.score) + 0.05)
        if by_name.exact == by_tip.exact:
            return None
        chosen = by_name if by_name.exact else by_tip
        return chosen, chosen.score * 0.8
    single = by_name or by_tip
    return (single, single.score * 0.95) if single else None


def _option(option: Any) -> tuple[str, str]:
    if isinstance(option, list | tuple) and len(option) == 2:
        return str(option[0]), str(option[1])
    return str(option), str(option)


def _radio_states(codelist: str, states: Sequence[str]) -> dict[str, str] | None:
    """Code -> on-state for a radio group whose states name a code list's options (``EHCP``,
    ``SENSupport``, ``NoSEN``); None unless two or more do and most of them."""
    codes = get_codelist(codelist)
    mapped: dict[str, str] = {}
    for state in states:
        spaced = " ".join(_split_camel(state))
        code = codes.code_for_label(state) or codes.code_for_label(spaced)
        if code is None and state.upper() in codes.codes:
            code = state.upper()
        if code is not None and code not in mapped:
            mapped[code] = state
    if len(mapped) < 2 or len(mapped) < 0.6 * len(states):
        return None
    return mapped


def _split_camel(text: str) -> list[str]:
    from pepdocs.inference.lexicon import split_identifier

    return split_identifier(text).split()
