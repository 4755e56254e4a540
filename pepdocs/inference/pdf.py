"""Inference for PDF AcroForms: each field by its name, its tooltip and its printed label.

A PDF form's fields are read through the PDF engine's inspection API
(``pepdocs.formats.pdf.inspect``), which gives each widget with the printed text around it.
A field is matched to a model path through the lexicon by whichever of these says most:

- its name, unless it is one an editor gave automatically (``Text1``, ``Check Box23``,
  ``Dropdown4``: :data:`AUTO_NAME`), and its tooltip (``/TU``, what a screen reader says);
- its printed label: the text to its left on its line, else the text above it (a box under
  its question), else its column header; a generic label (``Name``) is read through the
  section heading it sits under, as on Word forms, with a lower confidence.

A grid of fields under printed column headers that name a repeating section's columns
(targets, attendees, attainment...) becomes one entry with a ``table`` anchor listing the
field names of each printed row. Checkboxes side by side with option words beside them
become a choice (``checkboxes`` anchor, option code -> field name) when the words are a code
list's labels, or a yes/no pair; a radio group's buttons likewise (``radio`` anchor with its
on-states). Drop-downs keep their own option texts as ``values``. Anchors name the fields
(that is what the PDF holds); the printed label is in each entry's evidence. The same lexicon,
confidences and assignment rules as for Word and Excel: when unsure, nothing is proposed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from pepdocs.formats import OpenedDocument, opened
from pepdocs.formats.pdf.inspect import FieldTable, FormLayout, Label, Widget
from pepdocs.formats.pdf.once import opened_layout
from pepdocs.inference.draft import (
    Candidate,
    InferredEntry,
    assign,
    code_prefix,
    completing_role,
    plausible_value,
    signatory,
)
from pepdocs.inference.lexicon import (
    PERSON_SECTIONS,
    Lexicon,
    LexiconMatch,
    TableSection,
    fold,
    split_identifier,
)
from pepdocs.mapping.transforms import bool_word
from pepdocs.model import field_catalog, get_codelist

__all__ = ["AUTO_NAME", "PdfInference", "guess_pdf_phase", "infer_pdf_entries"]

#: Names PDF editors give fields on their own (Acrobat's ``Text1``, ``Check Box23``,
#: ``Dropdown4``, ``Group1``, ``Radio Button2``; LibreOffice's ``Text Box 1``; online
#: editors' ``untitled3``, ``fill_7``): they say nothing of what a field holds.
AUTO_NAME = re.compile(
    r"(?:text|text ?field|text ?box|check ?box|radio ?button|radio|option ?button|group"
    r"|drop ?down|combo ?box|list ?box|choice|button|field|untitled|fill|form)[\s_.-]*\d*",
    re.IGNORECASE,
)
_LABEL_MAX_CHARS = 70
#: an option word this far (points) from its checkbox, at most, belongs to it
_OPTION_GAP = 24.0
#: a label further than this (points) to the left of its box is not its label
_LEFT_MAX_GAP = 300.0


def infer_pdf_entries(
    data: bytes | OpenedDocument, name: str, lexicon: Lexicon
) -> tuple[list[InferredEntry], list[str], str]:
    """Entries, the labels no path was found for, and the phase the form's title names
    (the layout is the opened document's, when it was taken before)."""
    layout = opened_layout(opened(data, name))
    inference = PdfInference(layout, lexicon)
    entries = inference.run()
    return entries, inference.unmatched, guess_pdf_phase(layout)


def guess_pdf_phase(layout: FormLayout) -> str:
    """Early years or post-16 when the form's title or first headings say so; school age
    otherwise (as for Word forms)."""
    head = " ".join(
        [layout.title, *(phrase.text for phrase in layout.phrases if phrase.page == 1)][:12]
    )
    folded = f" {fold(head)} "
    if any(word in folded for word in (" early years ", " eyfs ", " nursery ")):
        return "early_years"
    if any(word in folded for word in (" post 16 ", " post16 ", " 16 18 ", " further education ")):
        return "post16"
    return "school_age"


def _last_part(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def _label_text(label: Label | None) -> str:
    if label is None:
        return ""
    return label.text.strip().rstrip(":?").strip()


class PdfInference:
    """One pass over a form's layout: tables, option groups, then single fields."""

    def __init__(self, layout: FormLayout, lexicon: Lexicon) -> None:
        self.layout = layout
        self.lexicon = lexicon
        self.catalog = field_catalog()
        self.candidates: list[Candidate] = []
        self.unmatched: list[str] = []
        #: fields given to a table or an option group: not read on their own
        self.claimed: set[str] = set()

    def run(self) -> list[InferredEntry]:
        for table in self.layout.tables:
            self._table(table)
        self._checkbox_groups()
        self._merge_option_lines()
        self._radio_groups()
        self._signature_fields()
        self._single_fields()
        self.unmatched = list(dict.fromkeys(self.unmatched))
        return assign(self.candidates)

    # -- helpers -----------------------------------------------------------------------------

    def _kind(self, path: str) -> str:
        """The model kind of a lexicon path; ``name`` for a box holding a whole name."""
        placed = self.lexicon.placement(path)
        return placed.kind or self.catalog[path].kind

    def _add(
        self,
        path: str,
        anchor: dict[str, Any],
        confidence: float,
        evidence: str,
        claims: Sequence[str],
        *,
        value: str | None = None,
        **extra: Any,
    ) -> None:
        """A candidate entry. A box holding a whole name is read into its parts (``type:
        name``); a box on a completed form holding what its path cannot hold ("Yr 4" under a
        label read as a date) halves the entry's confidence, as for Word."""
        placed = self.lexicon.placement(path)
        if not placed.paths and value is not None and not plausible_value(placed.path, value):
            confidence *= 0.5
            evidence += "; the box holds a value that does not fit"
        entry = InferredEntry(
            placed.path, anchor, round(confidence, 3), evidence, element=claims[0]
        )
        entry.options = {**placed.options, **dict(extra.get("options") or {})}
        entry.paths = list(placed.paths)
        entry.columns = list(extra.get("columns") or [])
        self.candidates.append(Candidate(entry, tuple(claims)))

    def _match_label(self, text: str, section: str | None) -> LexiconMatch | None:
        """The path a printed label names, on its own or through its section heading (a
        generic label read so is less sure: confidence x 0.9, as for Word)."""
        if not text or len(text) > _LABEL_MAX_CHARS:
            return None
        found = self.lexicon.match(text)
        if found is not None or not section:
            return found
        in_section = self.lexicon.match_in_section(text, section)
        if in_section is None:
            return None
        return LexiconMatch(in_section.path, round(in_section.score * 0.9, 3), False, text)

    def _by_name(self, widget: Widget) -> LexiconMatch | None:
        part = _last_part(widget.name)
        if AUTO_NAME.fullmatch(part.strip()):
            return None
        return self.lexicon.match_identifier(part)

    def _note_unmatched(self, text: str) -> None:
        if 2 <= len(text) <= _LABEL_MAX_CHARS:
            self.unmatched.append(text)

    # -- tables of fields --------------------------------------------------------------------

    def _table(self, table: FieldTable) -> None:
        title = self.lexicon.title_match(table.section) if table.section else None
        best: tuple[float, TableSection, list[tuple[int, str, float]]] | None = None
        for section in self.lexicon.tables.values():
            scored = self._columns(table, section)
            present = {column for _, column, _ in scored}
            if len(scored) < 2 or not all(key in present for key in section.key):
                continue
            score = sum(value for *_, value in scored) + (1.5 if title == section.path else 0.0)
            if best is None or score > best[0]:
                best = (score, section, scored)
        if best is None:
            return
        _, section, scored = best
        kinds = {item.path: item.kind for item in self.catalog[section.path].item_fields}
        kept = [index for index, text in enumerate(table.header) if text]
        header = [table.header[index] for index in kept]
        rows = [[row[index] for index in kept] for row in table.rows]
        columns: list[dict[str, Any]] = []
        for index, column, _ in sorted(scored):
            entry: dict[str, Any] = {"path": column, "header": table.header[index]}
            if kinds.get(column) == "date":
                entry["type"] = "date"
            columns.append(entry)
        confidence = min(0.99, sum(value for *_, value in scored) / len(scored))
        if len(scored) == 2:
            confidence *= 0.9  # two matching headers could be coincidence
        names = [name for row in table.rows for name in row]
        first, last = names[0], names[-1]
        headers = ", ".join(repr(text) for text in header)
        mapped = [str(column["path"]) for column in columns]
        key_columns = [column for column in section.item_key if column in mapped]
        self._add(
            section.path,
            {"table": {"header": header, "rows": rows}},
            confidence,
            f"table of fields {first!r} to {last!r} under {headers} (page {table.page})",
            names,
            columns=columns,
            options={"key_columns": key_columns} if key_columns else {},
        )
        self.claimed.update(names)

    def _columns(self, table: FieldTable, section: TableSection) -> list[tuple[int, str, float]]:
        """(column index, item path, score) for the headers naming a column of ``section``,
        each item once (its best header). A checkbox column only names a yes/no item."""
        kinds = {item.path: item.kind for item in self.catalog[section.path].item_fields}
        best: dict[str, tuple[int, str, float]] = {}
        for index, text in enumerate(table.header):
            if not text:
                continue
            found = self.lexicon.header_match(text, section)
            if found is None:
                continue
            column, score = found
            if table.kinds[index] in ("checkbox", "radio") and kinds.get(column) != "bool":
                continue
            if column not in best or score > best[column][2]:
                best[column] = (index, column, score)
        return list(best.values())

    # -- option groups -----------------------------------------------------------------------

    def _option_side(self, boxes: Sequence[Widget]) -> str | None:
        """Whether each box's option word is printed right (``☐ Yes``) or left (``Yes ☐``)
        of it, or None when the words are not close to the boxes."""

        def close(label: Label | None) -> bool:
            return label is not None and label.gap <= _OPTION_GAP

        right = all(close(box.right) for box in boxes)
        left = all(close(box.left) for box in boxes)
        if right and left:
            right_gaps = sum(box.right.gap for box in boxes if box.right is not None)
            left_gaps = sum(box.left.gap for box in boxes if box.left is not None)
            return "right" if right_gaps <= left_gaps else "left"
        return "right" if right else "left" if left else None

    def _question(self, boxes: Sequence[Widget], side: str) -> str:
        """What a group of boxes answers: the text before the first box (or before its
        option word), else the label above the first box."""
        first = boxes[0]
        if side == "right":
            if first.left is not None:
                return _label_text(first.left)
        elif first.left is not None:
            before = self.layout.phrase_before(first.left.phrases[-1])
            if before is not None:
                return before.text.strip().rstrip(":?").strip()
        return _label_text(first.above)

    def _checkbox_groups(self) -> None:
        for row in self.layout.rows:
            run: list[Widget] = []
            for widget in [*row, None]:
                if widget is not None and widget.kind == "checkbox":
                    if widget.name not in self.claimed:
                        run.append(widget)
                    continue
                for group in _split_groups(run) if run else []:
                    side = self._option_side(group) if len(group) >= 2 else None
                    if side is not None:
                        self._checkbox_group(group, side)
                run = []

    def _checkbox_group(self, boxes: Sequence[Widget], side: str) -> None:
        words = [_label_text(box.right if side == "right" else box.left) for box in boxes]
        question = self._question(boxes, side)
        section = boxes[0].section
        lead = self._match_label(question, section) if question else None
        names = [box.name for box in boxes]
        evidence = "checkboxes " + ", ".join(
            f"{name!r} ({word!r})" for name, word in zip(names, words, strict=True)
        )
        if question:
            evidence += f" after {question!r}"
        yes_no = self._yes_no(words, names)
        if lead is not None and self._kind(lead.path) == "bool":
            if yes_no is None:
                return
            anchor = {"checkboxes": {"options": yes_no}}
            self._add(lead.path, anchor, lead.score * 0.95, evidence, names)
            self.claimed.update(names)
            return
        found = self._choice_for(words, lead)
        if found is None:
            if question and lead is None:
                self._note_unmatched(question)
            return
        path, score, codes = found
        options = {code: names[index] for code, index in codes.items()}
        self._add(path, {"checkboxes": {"options": options}}, score, evidence, names)
        self.claimed.update(names)

    def _merge_option_lines(self) -> None:
        """Options of one question printed over two lines or more (``☐ Interim care order
        ☐ Full care order`` / ``☐ Accommodated ☐ Placement order``): the groups found for
        the same choice path, naming different codes, are one group."""
        by_path: dict[str, list[Candidate]] = {}
        for candidate in self.candidates:
            options = candidate.entry.anchor.get("checkboxes", {}).get("options")
            if isinstance(options, dict) and self._kind(candidate.entry.path) == "choice":
                by_path.setdefault(candidate.entry.path, []).append(candidate)
        for path, group in by_path.items():
            codes = [set(c.entry.anchor["checkboxes"]["options"]) for c in group]
            if len(group) < 2 or sum(len(c) for c in codes) != len(set().union(*codes)):
                continue  # one group, or two naming the same code: two places, not one
            merged: dict[str, Any] = {}
            for candidate in group:
                merged.update(candidate.entry.anchor["checkboxes"]["options"])
                self.candidates.remove(candidate)
            first = group[0].entry
            entry = InferredEntry(
                path,
                {"checkboxes": {"options": merged}},
                max(c.entry.confidence for c in group),
                "; ".join(c.entry.evidence for c in group),
                element=first.element,
            )
            claims = tuple(claim for c in group for claim in c.claims)
            self.candidates.append(Candidate(entry, claims))

    def _yes_no(self, words: Sequence[str], names: Sequence[str]) -> dict[str, str] | None:
        """``{yes: field, no: field}`` for two boxes printed Yes and No."""
        meaning = [bool_word(word) for word in words]
        if len(words) != 2 or set(meaning) != {True, False}:
            return None
        yes = names[meaning.index(True)]
        no = names[meaning.index(False)]
        return {"yes": yes, "no": no}

    def _choice_for(
        self, words: Sequence[str], lead: LexiconMatch | None
    ) -> tuple[str, float, dict[str, int]] | None:
        """The choice path whose code list the option words are (code -> option index), and
        how surely: the question's path when it names one, else the one code list most of
        the words belong to."""
        best: tuple[str, float, dict[str, int]] | None = None
        tie = False
        for path, info in self.catalog.items():
            if info.kind != "choice" or not info.codelist:
                continue
            if lead is not None and lead.path != path:
                continue
            codes = get_codelist(info.codelist)
            mapped: dict[str, int] = {}
            for index, word in enumerate(words):
                code = codes.code_for_label(word) or code_prefix(word, codes.codes)
                if code is not None and code not in mapped:
                    mapped[code] = index
            if len(mapped) < 2 or len(mapped) < 0.6 * len(words):
                continue
            share = len(mapped) / len(words)
            score = share * (lead.score * 0.95 if lead is not None else 0.85)
            if best is None or score > best[1]:
                best, tie = (path, score, mapped), False
            elif score == best[1]:
                tie = True
        return None if tie else best

    def _radio_groups(self) -> None:
        groups: dict[str, list[Widget]] = {}
        for widget in self.layout.widgets:
            if widget.kind == "radio" and widget.name not in self.claimed:
                groups.setdefault(widget.name, []).append(widget)
        for name, buttons in groups.items():
            self._radio_group(name, buttons)

    def _radio_group(self, name: str, buttons: Sequence[Widget]) -> None:
        states = [str(button.state or "").lstrip("/") for button in buttons]
        side = self._option_side(buttons)
        words = (
            [_label_text(button.right if side == "right" else button.left) for button in buttons]
            if side is not None
            else []
        )
        question = self._question(buttons, side) if side is not None else ""
        tooltip = buttons[0].tooltip
        by_label = self._match_label(question, buttons[0].section) if question else None
        by_name = self._by_name(buttons[0])
        by_tip = self.lexicon.match(tooltip) if tooltip else None
        chosen = _agree(by_name, by_tip, by_label)
        evidence = f"radio group {name!r}" + (f" after {question!r}" if question else "")
        if chosen is None:
            if question and by_label is None:
                self._note_unmatched(question)
            return
        match, confidence = chosen
        if self._kind(match.path) == "bool":
            for texts in (words, states):
                meaning = {
                    bool_word(text): state for text, state in zip(texts, states, strict=False)
                }
                if {True, False} <= set(meaning) and len(states) == 2:
                    values = {"true": meaning[True], "false": meaning[False]}
                    self._add(
                        match.path,
                        {"field": name},
                        confidence,
                        evidence,
                        [name],
                        options={"values": values},
                    )
                    self.claimed.add(name)
                    return
            return
        info = self.catalog.get(match.path)
        if info is None or info.kind != "choice" or not info.codelist:
            return
        codes = get_codelist(info.codelist)
        mapped: dict[str, str] = {}
        for index, state in enumerate(states):
            word = words[index] if index < len(words) else ""
            spaced = split_identifier(state)
            code = (
                (codes.code_for_label(word) if word else None)
                or codes.code_for_label(state)
                or codes.code_for_label(spaced)
                or (state.upper() if state.upper() in codes.codes else None)
                or (code_prefix(word, codes.codes) if word else None)
            )
            if code is not None and code not in mapped:
                mapped[code] = state
        if len(mapped) < 2 or len(mapped) < 0.6 * len(states):
            return
        anchor = {"radio": {"name": name, "states": mapped}}
        self._add(match.path, anchor, confidence, evidence, [name])
        self.claimed.add(name)

    # -- single fields -----------------------------------------------------------------------

    def _printed_label(self, widget: Widget) -> tuple[str, str, float]:
        """A field's printed label, how it sits (``beside``, ``under``, ``in column``) and
        how much that placement is worth."""
        if widget.kind == "checkbox":
            near = [
                label
                for label in (widget.right, widget.left)
                if label is not None and label.gap <= _OPTION_GAP
            ]
            if near:
                closest = min(near, key=lambda label: label.gap)
                return _label_text(closest), "beside", 1.0
            return "", "", 0.0
        if widget.left is not None and widget.left.gap <= _LEFT_MAX_GAP:
            return _label_text(widget.left), "beside", 1.0
        if widget.above is not None:
            return _label_text(widget.above), "under", 1.0
        if widget.column:
            return widget.column.strip().rstrip(":?").strip(), "in column", 0.9
        return "", "", 0.0

    def _signature_fields(self) -> None:
        """Sign-off boxes, each labelled with whose it is ("Young person's signature",
        "Signature of social worker", or "Completed by (DT)" for the name), and the date box
        after it on its line ("Date", "Date completed"): one ``signoff.signatures`` item per
        signatory, its role the code list's words for the printed role (``item:``)."""
        for row in self.layout.rows:
            for number, widget in enumerate(row):
                if widget.name in self.claimed or widget.kind not in ("text", "multiline"):
                    continue
                label = self._printed_label(widget)[0]
                role, column = _signing(label)
                if not role:
                    continue
                item = {"role": role}
                evidence = f"field {widget.name!r} {label!r}"
                self._add(
                    f"signoff.signatures.{column}",
                    {"field": widget.name},
                    0.9,
                    evidence,
                    [widget.name],
                    options={"item": item},
                )
                # the boxes after it on its line: "Print name [ ]  Date [ ]"
                for after in row[number + 1 :]:
                    if after.kind != "text" or after.name in self.claimed:
                        break
                    after_label = self._printed_label(after)[0]
                    part = _signature_part(after_label)
                    if not part or part == column:
                        break
                    self._add(
                        f"signoff.signatures.{part}",
                        {"field": after.name},
                        0.9,
                        f"field {after.name!r} {after_label!r} after {label!r}",
                        [after.name],
                        value=after.value,
                        options={"item": item, **({"type": "date"} if part == "date" else {})},
                    )

    def _single_fields(self) -> None:
        seen: set[str] = set()
        for widget in self.layout.widgets:
            if widget.name in self.claimed or widget.name in seen:
                continue
            if widget.kind not in ("text", "multiline", "choice", "checkbox"):
                continue
            seen.add(widget.name)
            self._single_field(widget)

    def _person_before(self, widget: Widget) -> str:
        """Whose a generic label is when the field before it on its line is labelled with a
        person (``Tutor / designated person [ ]  Email [ ]  Telephone [ ]``): that person, as
        a section would say it; the signature's label when the field just before is a
        signature (``Social worker's signature [ ]  Date [ ]``); empty otherwise."""
        for row in self.layout.rows:
            if widget not in row:
                continue
            for nearest, other in enumerate(reversed(row[: row.index(widget)])):
                label = self._printed_label(other)[0]
                if nearest == 0 and re.search(r"\bsignature\b|\bsigned\b", label, re.I):
                    # "Social worker's signature [ ]  Date [ ]": the date of that signature
                    return label
                named = self.lexicon.match(label) if label else None
                if named is None:
                    continue
                for prefix, person in PERSON_SECTIONS.items():
                    if named.path.startswith(prefix):
                        return person
                return ""
        return ""

    def _single_field(self, widget: Widget) -> None:
        label, placement, worth = self._printed_label(widget)
        by_label = self._match_label(label, widget.section) if label else None
        if by_label is None and label:
            person = self._person_before(widget)
            beside = self.lexicon.match_in_section(label, person) if person else None
            if beside is not None:
                by_label = LexiconMatch(beside.path, round(beside.score * 0.9, 3), False, label)
        if by_label is not None and worth < 1.0:
            by_label = LexiconMatch(by_label.path, by_label.score * worth, False, by_label.wording)
        by_name = self._by_name(widget)
        by_tip = self.lexicon.match(widget.tooltip) if widget.tooltip else None
        chosen = _agree(by_name, by_tip, by_label)
        if chosen is None:
            if label and by_label is None:
                self._note_unmatched(label)
            return
        match, confidence = chosen
        path = match.path
        kind = self._kind(path)
        if kind == "list":
            return
        evidence = f"field {widget.name!r}"
        if widget.tooltip:
            evidence += f" ({widget.tooltip!r})"
        if label:
            evidence += f" {placement} {label!r}"
        options: dict[str, Any] = {}
        if widget.kind == "checkbox":
            if kind != "bool":
                return  # a lone checkbox on a path that is not yes/no: nothing to read
        elif kind == "bool":
            # yes/no typed in a text box (or chosen in a drop-down): say how it is written
            options = {"values": {"true": "Yes", "false": "No"}}
        elif kind == "name" and widget.kind == "choice":
            return  # a name is typed, not chosen
        elif widget.kind == "choice":
            options = _values_for(path, widget.options)
        self._add(
            path,
            {"field": widget.name},
            confidence,
            evidence,
            [widget.name],
            value=widget.value if widget.kind != "choice" else None,
            options=options,
        )


def _split_groups(boxes: Sequence[Widget]) -> list[list[Widget]]:
    """Boxes on one line cut into the groups printed there: within a group one phrase, an
    option word, stands between two boxes; a new group starts where the nearest text after
    a box is not the nearest text before the next (a question between: ``CAMHS? ☐ Yes ☐ No
    Part-time? ☐ Yes ☐ No``)."""
    groups: list[list[Widget]] = [[boxes[0]]]
    for previous, box in pairwise(boxes):
        after, before = previous.right, box.left
        if after is not None and before is not None and after.phrases == before.phrases:
            groups[-1].append(box)
        else:
            groups.append([box])
    return groups


def _agree(
    by_name: LexiconMatch | None,
    by_tip: LexiconMatch | None,
    by_label: LexiconMatch | None,
) -> tuple[LexiconMatch, float] | None:
    """The path a field's name, tooltip and printed label point to, and how surely: one
    alone a little less sure than its match, two that agree a little more, two that
    disagree nothing unless one is exact and the other fuzzy (as for Word controls)."""
    found = [match for match in (by_name, by_tip, by_label) if match is not None]
    if not found:
        return None
    paths = {match.path for match in found}
    if len(paths) == 1:
        best = max(found, key=lambda match: match.score)
        if len(found) == 1:
            return best, best.score * 0.95
        return best, min(1.0, best.score + 0.05)
    exact = [match for match in found if match.exact]
    if len({match.path for match in exact}) != 1:
        return None
    chosen = exact[0]
    return chosen, chosen.score * 0.8


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


#: the date box after a signature: "Date", "Date signed", "Date completed"
_DATE_LABEL = re.compile(r"^\s*date(?:\s+(?:signed|completed|agreed))?\s*\*?\s*$", re.I)
#: the words of a signature box's label that are not the signatory's role
_NOT_THE_ROLE = re.compile(r"\b(?:of|by|signature|signed)\b|['\u2019]s\b|[()*:]", re.IGNORECASE)
#: "Young person's signature", "Signature of social worker", "Signed (carer)"
_SIGNATURE = re.compile(r"\bsignature\b|\bsigned\b", re.IGNORECASE)


def _signing(label: str) -> tuple[str, str]:
    """The signatory a box's label names, as printed ("Designated person"), and what the box
    holds of them: ``signature`` for a signature box, ``name`` for "Completed by (DT)" (the
    role then in the code list's words); empty when the label names no role."""
    role = completing_role(label)
    if role:
        return role[:1].upper() + role[1:], "name"
    if _SIGNATURE.search(label) and len(label.split()) <= 6:
        printed = " ".join(_NOT_THE_ROLE.sub(" ", label).split())
        if printed and signatory(printed):
            return printed[:1].upper() + printed[1:], "signature"
    return "", ""


def _signature_part(label: str) -> str:
    """What a box after a signature holds by its label: ``date`` or ``name`` (empty: other)."""
    if _DATE_LABEL.match(label):
        return "date"
    if re.fullmatch(r"\s*(?:print(?:ed)?\s+)?name\s*\*?\s*", label, re.IGNORECASE):
        return "name"
    return ""
