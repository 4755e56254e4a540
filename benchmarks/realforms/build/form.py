"""One document being built: blank (as the authority sends it) or completed (by one person,
with their :class:`~habits.Habits`), and the truth a careful reader takes from it.

Layouts ask a :class:`Doc` for answers by model path (``doc.text("child.upn")``); a blank doc
answers None, a completed one answers the text as that person types it and records the
canonical value in the truth at the same moment, so a truth file can only hold what its form
shows. Text with no place in the model is asked for with :meth:`Doc.unplaced` and recorded
as such. A sign-off row or signature line is a :class:`Signatory` (``signoff.signatures``);
a phone or email typed in an attendee's row is asked for with :meth:`Doc.contact`.
:func:`box` and friends turn an answer into the Word markup of one form house style (a
content control, a legacy field, typed text, dotted leaders).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from benchmarks.realforms.build import habits as hb
from benchmarks.realforms.build import wordkit as wk

#: How each model path (list items as ``targets.due_date``) is typed.
KINDS: dict[str, str] = {
    "meta.meeting_date": "date",
    "meta.previous_pep_date": "date",
    "meta.next_review_date": "date",
    "meta.academic_year": "academic_year",
    "meta.term": "code",
    "meta.pep_type": "code",
    "child.date_of_birth": "date",
    "child.gender": "code",
    "child.ethnicity": "code",
    "care.legal_status": "code",
    "care.date_became_looked_after": "date",
    "care.placement_type": "code",
    "care.placement_start_date": "date",
    "care.number_of_placements": "int",
    "education.ncy": "ncy",
    "education.date_joined": "date",
    "education.laestab": "laestab",
    "education.sen_provision": "code",
    "education.sen_primary_need": "code",
    "education.ehcp_date": "date",
    "education.part_time_timetable": "bool",
    "education.attendance.percent": "percent",
    "education.attendance.sessions_possible": "int",
    "education.attendance.sessions_missed": "int",
    "education.exclusions.start_date": "date",
    "education.exclusions.sessions": "int",
    "health.sdq_score": "int",
    "health.sdq_date": "date",
    "health.camhs_involved": "bool",
    "attainment.on_track": "bool",
    "previous_targets.outcome": "code",
    "targets.area": "code",
    "targets.due_date": "date",
    "targets.pp_plus_cost": "money",
    "pp_plus.requested_total": "money",
    "transition.date": "date",
    "attendees.invited": "bool",
    "attendees.attended": "bool",
    "signoff.designated_teacher_date": "date",
    "signoff.social_worker_date": "date",
    "signoff.virtual_school_date": "date",
    "signoff.qa_rating": "code",
    "meta.initiated_date": "date",
    "care.emergency_entry": "bool",
    "education.on_roll": "bool",
    "education.attendance.period_start": "date",
    "education.attendance.period_end": "date",
    "pp_plus.approved": "bool",
    "linked_plans.type": "code",
    "linked_plans.date": "date",
}

#: The model's sections in its own order (truth files list them so).
SECTIONS = (
    "meta",
    "child",
    "care",
    "education",
    "health",
    "attainment",
    "views",
    "previous_targets",
    "targets",
    "pp_plus",
    "transition",
    "attendees",
    "linked_plans",
    "signoff",
)

EXCLUSION_TYPES = {"FIXD": "Suspension", "PERM": "Permanent exclusion", "LNCH": "Lunchtime"}


def _get(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(part)
    return data


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    for part in parents:
        data = data.setdefault(part, {})
    data[last] = value


@dataclass
class Truth:
    """What a careful person reads from one completed form.

    ``pep``: a partial canonical PEP; ``unplaced``: text with no model field yet;
    ``not_scored``: text in a box a person would not read into the model (a deliberate blank
    such as "N/A", or a date written as its month only), kept so that a value extracted there
    can be reported."""

    pep: dict[str, Any] = field(default_factory=lambda: {"meta": {}, "child": {}})
    unplaced: list[dict[str, Any]] = field(default_factory=list)
    not_scored: list[dict[str, str]] = field(default_factory=list)

    def set(self, path: str, value: Any) -> None:
        _set(self.pep, path, value)

    def item(self, list_path: str, index: int) -> dict[str, Any]:
        *parents, last = list_path.split(".")
        holder = self.pep
        for part in parents:
            holder = holder.setdefault(part, {})
        items = holder.setdefault(last, [])
        while len(items) <= index:
            items.append({})
        item: dict[str, Any] = items[index]
        return item

    def to_json(self) -> str:
        rank = {name: number for number, name in enumerate(SECTIONS)}
        pep = dict(sorted(self.pep.items(), key=lambda item: rank.get(item[0], len(rank))))
        data = {"pep": pep, "unplaced": self.unplaced, "not_scored": self.not_scored}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


class Doc:
    """A form being built; ``person`` None makes the blank form."""

    def __init__(self, person: dict[str, Any] | None = None, habits: hb.Habits | None = None):
        self.person = person
        # a copy: each document starts the person's date styles afresh
        self.habits = dataclasses.replace(habits) if habits else hb.Habits()
        self.truth = Truth()
        self.ids = wk.Ids()

    @property
    def blank(self) -> bool:
        return self.person is None

    def quirk(self, key: str) -> str | None:
        return None if self.blank else self.habits.quirks.get(key)

    # -- reading the person ---------------------------------------------------------------

    def value(self, path: str) -> Any:
        return None if self.person is None else _get(self.person, path)

    def items(self, list_path: str) -> list[dict[str, Any]]:
        found = self.value(list_path)
        return list(found) if isinstance(found, list) else []

    # -- typed answers (each records the truth) ------------------------------------------

    def _typed(self, kind_path: str, value: Any) -> str:
        kind = KINDS.get(kind_path, "text")
        h = self.habits
        if kind == "date":
            return hb.date_text(value, h.next_date_style())
        if kind == "code":
            return h.word(kind_path, value)
        if kind == "bool":
            return h.yes(bool(value))
        if kind == "money":
            return hb.money_text(value, h.money)
        if kind == "percent":
            return hb.percent_text(value, h.percent)
        if kind == "ncy":
            return hb.ncy_text(value, h.ncy)
        if kind == "laestab":
            return f"{value[:3]}/{value[3:]}"
        if kind == "academic_year":
            return hb.academic_year_text(value, h.academic_year)
        return str(value)

    def _special(self, path: str, value: Any, kind_path: str) -> str | None:
        """Deliberate blanks and month-only dates: typed, never part of the truth."""
        if path in self.habits.blanks or kind_path in self.habits.blanks:
            typed = self.habits.blanks.get(path) or self.habits.blanks[kind_path]
            self.truth.not_scored.append(
                {"path": path, "text": typed, "reason": "deliberate blank"}
            )
            return typed
        if value is not None and (
            path in self.habits.month_only or kind_path in self.habits.month_only
        ):
            typed = hb.month_text(value)
            self.truth.not_scored.append({"path": path, "text": typed, "reason": "month only"})
            return typed
        return None

    def text(self, path: str) -> str | None:
        """The typed answer for one model path (None: left empty)."""
        return self.answer(path)[0]

    def answer(self, path: str) -> tuple[str | None, Any]:
        """The typed answer for one model path and the value a careful person reads from it
        (None for a deliberate blank or a month-only date, which are not read)."""
        if self.blank:
            return None, None
        value = self.value(path)
        special = self._special(path, value, path)
        if special is not None:
            return special, None
        if value is None:
            return None, None
        self.truth.set(path, value)
        return self._typed(path, value), value

    def cell(self, list_path: str, index: int, name: str, *, kind: str | None = None) -> str | None:
        """The typed answer for one field of one list item (``targets``, 1, ``lead``);
        ``kind`` types it as another path's kind (``targets.pp_plus_cost`` for money)."""
        if self.blank:
            return None
        items = self.items(list_path)
        if index >= len(items):
            return None
        value = items[index].get(name)
        kind_path = f"{list_path}.{name}"
        special = self._special(f"{list_path}.{index}.{name}", value, kind_path)
        if special is not None:
            return special
        if value is None:
            return None
        self.truth.item(list_path, index)[name] = value
        return self._typed(kind or kind_path, value)

    def code(self, path: str) -> str | None:
        """A code shown by a mark among printed options (ticked box, circled word)."""
        value = self.value(path)
        if value is not None:
            self.truth.set(path, value)
        return None if value is None else str(value)

    def flag(self, path: str) -> bool | None:
        """A yes/no shown by a mark (a box, a struck-out "No", a highlighted "Yes")."""
        value = self.value(path)
        if value is not None:
            self.truth.set(path, bool(value))
        return None if value is None else bool(value)

    def item_code(self, list_path: str, index: int, name: str) -> Any:
        """A list item's value shown by a mark or a picked option (recorded as it is)."""
        items = self.items(list_path)
        if index >= len(items) or items[index].get(name) is None:
            return None
        value = items[index][name]
        self.truth.item(list_path, index)[name] = value
        return value

    def item_flag(self, list_path: str, index: int, name: str) -> bool | None:
        items = self.items(list_path)
        if index >= len(items) or items[index].get(name) is None:
            return None
        value = bool(items[index][name])
        self.truth.item(list_path, index)[name] = value
        return value

    def full_name(self, prefix: str = "child", *, middle: bool = True) -> str | None:
        """First (middle) last name typed in one box; the truth holds the parts."""
        if self.blank:
            return None
        parts = (
            ["first_name", "middle_names", "last_name"] if middle else ["first_name", "last_name"]
        )
        typed = []
        for part in parts:
            value = self.value(f"{prefix}.{part}")
            if value:
                self.truth.set(f"{prefix}.{part}", value)
                typed.append(value)
        return " ".join(typed) or None

    def unplaced(self, key: str, label: str, suggested_path: str | None = None) -> str | None:
        """Text a person reads that has no field in the model yet."""
        if self.blank:
            return None
        text = _get(self.person, f"unplaced.{key}")
        if text is None:
            return None
        self.truth.unplaced.append({"label": label, "text": text, "suggested_path": suggested_path})
        return str(text)

    def contact(self, attendee: dict[str, Any], name: str, path: str) -> str | None:
        """A phone number or email typed in an attendee's row (a contact column): read from
        the person at ``path`` (recorded there too) and as the attendee's ``name`` field."""
        typed, value = self.answer(path)
        if value is not None:
            attendee[name] = value
        return typed

    def signatory(self, role: str | None) -> Signatory:
        """One signatory of the form, ``role`` as the form prints (or its signer types) it;
        None when the form shows no role for them."""
        return Signatory(self, role)

    def say(self, kind_path: str, value: Any) -> str:
        """How this person types ``value`` of a field of kind ``kind_path`` (not recorded)."""
        return self._typed(kind_path, value)

    def add_item(self, list_path: str, item: dict[str, Any]) -> None:
        """Record one list item read from a form whose rows are printed (attendee roles)."""
        if not self.blank and item:
            *parents, last = list_path.split(".")
            holder = self.truth.pep
            for part in parents:
                holder = holder.setdefault(part, {})
            holder.setdefault(last, []).append(item)

    def attendee(self, kind: str) -> dict[str, Any] | None:
        """The person's attendee of one kind (``social_worker``, ``teacher``, ``carer``,
        ``child``, ``virtual_school``, ``parent``, ``iro``, ``other``)."""
        for item in self.items("attendees"):
            if attendee_kind(item["role"]) == kind:
                return item
        return None

    def exclusion_type(self, index: int) -> str | None:
        """An exclusion's type as schools write it."""
        items = self.items("education.exclusions")
        if index >= len(items):
            return None
        code = items[index]["type"]
        self.truth.item("education.exclusions", index)["type"] = code
        return EXCLUSION_TYPES[code]


class Signatory:
    """One row of a sign-off table, or one signature line, recorded in ``signoff.signatures``
    as its boxes are typed: the role, then the name, typed signature and date that the row
    itself shows. A row nobody filled is no signatory; a name or date given elsewhere on the
    form is not this row's."""

    def __init__(self, doc: Doc, role: str | None):
        self.doc = doc
        self.item: dict[str, Any] = {} if role is None else {"role": role}
        self.recorded = False

    def _keep(self, name: str, value: Any) -> None:
        if value is None or self.doc.blank:
            return
        self.item[name] = value
        if not self.recorded:  # the first box filled: the row is a signatory
            self.doc.add_item("signoff.signatures", self.item)
            self.recorded = True

    def name(self, path: str) -> str | None:
        """The name typed in this row, read from the person at ``path`` (recorded there too)."""
        typed, value = self.doc.answer(path)
        self._keep("name", value)
        return typed

    def named(self, typed: str | None) -> str | None:
        """A name typed in this row that no single model path holds (a full name)."""
        self._keep("name", typed)
        return typed

    def signature(self, who: str) -> str | None:
        """The signature typed in this row: ``who`` signed it (``designated_teacher``,
        ``social_worker``, ``young_person``, ``chair``), as that person types a signature."""
        typed = None if self.doc.blank else _get(self.doc.person, f"signatures.{who}")
        self._keep("signature", typed)
        return None if typed is None else str(typed)

    def date(self, path: str) -> str | None:
        """The date typed in this row, read from the person at ``path`` (recorded there too)."""
        typed, value = self.doc.answer(path)
        self._keep("date", value)
        return typed


def attendee_kind(role: str) -> str:
    """Which printed attendee row a role belongs on."""
    folded = role.lower()
    for kind, words in (
        ("iro", ("iro", "reviewing")),
        ("virtual_school", ("virtual school", "learning advocate")),
        ("social_worker", ("social worker",)),
        ("teacher", ("designated", "key person", "setting manager", "head of sixth")),
        ("carer", ("carer", "key worker", "residential", "manager")),
        ("parent", ("mother", "father", "parent")),
        ("child", ("child", "young person", "student")),
    ):
        if any(word in folded for word in words):
            return kind
    return "child" if folded == "me" else "other"


# --- one answer in one house style -------------------------------------------------------------


def _split_first_sentence(text: str) -> tuple[str, str]:
    head, dot, rest = text.partition(". ")
    if not rest:
        return text, ""
    return head + dot.strip(), rest


def box(
    doc: Doc,
    typed: str | None,
    *,
    style: str,
    key: str = "",
    lead: Sequence[str] = (),
    tag: str | None = None,
    alias: str | None = None,
    placeholder: str = wk.PLACEHOLDER,
    size: int | None = None,
    dots: int = 40,
) -> list[str]:
    """The paragraphs of one answer box. ``lead`` runs (a printed label) open the first
    paragraph. Styles: ``control`` (plain-text content control), ``rich`` (block rich-text
    control, the label on a paragraph of its own), ``legacy`` (FORMTEXT field), ``typed``
    (text typed into the cell), ``dots`` (dotted leader, typed over), ``date`` (date picker).

    The person's quirk for ``key`` changes where the text lands: ``beside`` types it after
    the control (which keeps its placeholder), ``below`` puts the answer's second sentence
    in a new paragraph under the control, ``tracked`` (typed text) records the typing as an
    unaccepted tracked insertion, ``picker`` (date) fills the date picker's own date."""
    quirk = doc.quirk(key) if key else None
    runs = list(lead)
    if style == "typed":
        if typed is not None:
            typed_run = wk.run(typed, size=size)
            # ``tracked``: typed with Track Changes on and never accepted
            runs.append(wk.inserted(doc.ids, typed_run) if quirk == "tracked" else typed_run)
        return [wk.para(*runs)]
    if style == "dots":
        if typed is None:
            runs.append(wk.run("\u2026" * (dots // 2), size=size))
        else:
            runs.append(wk.run(f"{typed}", size=size))
        return [wk.para(*runs)]
    if style == "legacy":
        runs.append(wk.legacy_text(doc.ids, tag or key or "Text", value=typed, size=size))
        return [wk.para(*runs)]
    if style == "date":
        iso = _picked_iso(typed) if typed is not None and quirk == "picker" else None
        runs.append(
            wk.date_control(
                doc.ids,
                tag=tag,
                alias=alias,
                iso=iso,
                shown=typed,
                size=size,
                placeholder=placeholder,
            )
        )
        return [wk.para(*runs)]
    if style == "rich":
        first = [wk.para(*runs)] if runs else []
        if typed is None:
            return [
                *first,
                wk.block_control(doc.ids, tag=tag, alias=alias, placeholder=placeholder, size=size),
            ]
        if quirk == "beside":
            return [
                *first,
                wk.block_control(doc.ids, tag=tag, alias=alias, placeholder=placeholder, size=size),
                wk.para(wk.run(typed, size=size)),
            ]
        paragraphs = [p for p in typed.split("\n\n") if p]
        return [
            *first,
            wk.block_control(doc.ids, tag=tag, alias=alias, paragraphs=paragraphs, size=size),
        ]
    if style == "control":
        if typed is None:
            runs.append(
                wk.control(doc.ids, tag=tag, alias=alias, placeholder=placeholder, size=size)
            )
            return [wk.para(*runs)]
        if quirk == "beside":
            runs.append(
                wk.control(doc.ids, tag=tag, alias=alias, placeholder=placeholder, size=size)
            )
            runs.append(wk.run(f" {typed}", size=size))
            return [wk.para(*runs)]
        if quirk == "below":
            head, rest = _split_first_sentence(typed)
            runs.append(wk.control(doc.ids, tag=tag, alias=alias, value=head, size=size))
            paragraphs = [wk.para(*runs)]
            if rest:
                paragraphs.append(wk.para(wk.run(rest, size=size)))
            return paragraphs
        runs.append(
            wk.control(
                doc.ids, tag=tag, alias=alias, value=typed, size=size, multiline="\n" in typed
            )
        )
        return [wk.para(*runs)]
    raise ValueError(f"unknown box style {style!r}")


def _picked_iso(typed: str) -> str | None:
    """The picker writes dd/MM/yyyy: the ISO date of such a text, else None."""
    parts = typed.split("/")
    if len(parts) == 3 and len(parts[2]) == 4 and all(p.isdigit() for p in parts):
        return f"{parts[2]}-{int(parts[1]):02d}-{int(parts[0]):02d}"
    return None


def marks(
    options: Sequence[tuple[str, Any]],
    chosen: Any,
    *,
    style: str,
    doc: Doc,
    name: str = "Check",
    size: int = 18,
) -> list[str]:
    """Printed options with the chosen one marked. Styles: ``glyph`` (☐/☒ typed), ``control``
    (checkbox controls), ``legacy`` (FORMCHECKBOX), ``sym`` (Wingdings), ``glyph_x`` (the
    chosen option's ☐ typed over with an X), ``sym_x`` (the Wingdings box replaced by an X),
    ``x`` (an X typed before the option), ``highlight``/``bold``/``strike`` (circle one: the
    chosen option highlighted or bold, or the others struck through), ``delete`` (the others
    deleted: only the chosen word remains)."""
    runs: list[str] = []
    for number, (text, code) in enumerate(options):
        picked = chosen is not None and code == chosen
        sep = "   " if number < len(options) - 1 else ""
        if style == "delete":
            if chosen is None or picked:
                runs.append(wk.run(text + (" / " if chosen is None and sep else ""), size=size))
            continue
        if style in ("highlight", "bold", "strike"):
            fmt: dict[str, Any] = {"size": size}
            if chosen is not None:
                if style == "highlight" and picked:
                    fmt["highlight"] = "yellow"
                elif style == "bold" and picked:
                    fmt["bold"] = True
                    fmt["underline"] = True
                elif style == "strike" and not picked:
                    fmt["strike"] = True
            runs.append(wk.run(text, **fmt))
            if sep:
                runs.append(wk.run(" / ", size=size))
            continue
        if style == "glyph":
            runs.append(
                wk.run(wk.TICKED_BOX if picked else wk.EMPTY_BOX, font="Segoe UI Symbol", size=size)
            )
        elif style == "glyph_x":  # the empty box typed over with an X
            runs.append(
                wk.run("X", bold=True, size=size)
                if picked
                else wk.run(wk.EMPTY_BOX, font="Segoe UI Symbol", size=size)
            )
        elif style == "control":
            runs.append(wk.checkbox_control(doc.ids, checked=picked))
        elif style == "legacy":
            runs.append(wk.legacy_checkbox(doc.ids, f"{name}{doc.ids.value}", checked=picked))
        elif style == "sym":
            runs.append(wk.sym_box(picked))
        elif style == "sym_x":  # the Wingdings box deleted and an X typed in its place
            runs.append(wk.run("X", bold=True, size=size) if picked else wk.sym_box(False))
        elif style == "x":
            runs.append(wk.run("X " if picked else "", bold=True, size=size))
        else:
            raise ValueError(f"unknown marks style {style!r}")
        runs.append(wk.run(f" {text}{sep}", size=size))
    return runs


def yes_no(doc: Doc, value: bool | None, *, style: str, size: int = 18) -> list[str]:
    """A printed "Yes / No" pair marked in one of the :func:`marks` styles."""
    return marks([("Yes", True), ("No", False)], value, style=style, doc=doc, size=size)
