"""Inference for Excel workbooks (Word forms: :mod:`pepdocs.inference.word`, PDF forms:
:mod:`pepdocs.inference.pdf`).

Label cells matched through the lexicon (value to the right, or below in a row of labels),
defined names by their name, and tables by their header rows; anchors carry their sheet. The
same lexicon, confidences and assignment rules as for Word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pepdocs.inference.draft import Candidate, InferredEntry, assign
from pepdocs.inference.lexicon import Lexicon, fold
from pepdocs.model import field_catalog

__all__ = ["infer_workbook_entries"]

_LABEL_MAX_CHARS = 70


def _entry(
    lexicon: Lexicon,
    path: str,
    anchor: dict[str, Any],
    confidence: float,
    evidence: str,
    claims: Sequence[Any],
    **extra: Any,
) -> Candidate:
    """A candidate entry for the lexicon path ``path`` (a whole name's box is read into its
    parts; a question asked the other way round, negated)."""
    placed = lexicon.placement(path)
    entry = InferredEntry(placed.path, anchor, round(confidence, 3), evidence, element=claims[0])
    entry.paths = list(placed.paths)
    entry.also = list(extra.get("also") or [])
    entry.options = {**placed.options, **dict(extra.get("options") or {})}
    entry.columns = list(extra.get("columns") or [])
    return Candidate(entry, tuple(claims))


def _kind(lexicon: Lexicon, path: str) -> str:
    """The model kind of a lexicon path (``name`` for a whole name's box)."""
    return lexicon.placement(path).kind or field_catalog()[path].kind


# --- Excel ---------------------------------------------------------------------------------------


def infer_workbook_entries(
    data: bytes, name: str, lexicon: Lexicon
) -> tuple[list[InferredEntry], list[str]]:
    """Entries and unmatched labels for an Excel workbook."""
    from pepdocs.formats.excel import open_workbook  # the engine's safe loader

    book = open_workbook(data, name)
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
            if _kind(lexicon, found.path) == "list":
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
                    lexicon,
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
        if found is None or _kind(lexicon, found.path) == "list":
            continue
        title, ref = destinations[0]
        if title not in book.sheetnames:
            continue
        cell = book[title][ref.replace("$", "")]
        names.append(
            _entry(
                lexicon,
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
                lexicon,
                path,
                {"table": {"header": [text for _, text, _, _ in scored], "sheet": sheet}},
                confidence,
                f"table header on sheet {sheet!r} row {row}",
                [(sheet, row, "table")],
                columns=columns_yaml,
            )
        )
    return found
