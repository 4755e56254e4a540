"""What every layout module shares: the :class:`Layout` record and the table shapes forms are
made of (label/value rows, grids with a header row and rows to copy, sign-off blocks)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from benchmarks.realforms.build import wordkit as wk
from benchmarks.realforms.build.form import Doc
from benchmarks.realforms.build.habits import Habits

Paragraphs = list[str]


@dataclass(frozen=True)
class Layout:
    """One rebuilt form: which real source it follows (``source``: a key of
    :data:`sources.SOURCES`), the fictional authority it is printed as, and its completions
    (a person's key in :data:`people.PEOPLE` and that completer's habits)."""

    id: str
    set: str
    authority: str
    source: str
    phase: str
    kind: str
    features: tuple[str, ...]
    completions: tuple[tuple[str, Habits], ...]
    build: Callable[[Doc], bytes]
    #: further public sources whose house style the layout also follows
    style_sources: tuple[str, ...] = ()


def label_rows(
    pairs: Sequence[tuple[str, Paragraphs]],
    widths: Sequence[int],
    *,
    fill: str = wk.GREY,
    size: int = 18,
) -> list[str]:
    """Rows of label | answer (two columns) or label | answer | label | answer (four)."""
    per_row = len(widths) // 2
    rows = []
    for start in range(0, len(pairs), per_row):
        cells = []
        for column, (text, answer) in enumerate(pairs[start : start + per_row]):
            cells.append(wk.label(text, widths[2 * column], fill=fill, size=size))
            cells.append(wk.cell(*answer, width=widths[2 * column + 1]))
        missing = per_row - len(pairs[start : start + per_row])
        for column in range(per_row - missing, per_row):
            cells.append(wk.cell(width=widths[2 * column]))
            cells.append(wk.cell(width=widths[2 * column + 1]))
        rows.append(wk.row(*cells))
    return rows


def header_row(
    headers: Sequence[str], widths: Sequence[int], *, fill: str = wk.GREY, size: int = 18
) -> str:
    return wk.row(
        *(
            wk.label(text, width, fill=fill, size=size)
            for text, width in zip(headers, widths, strict=True)
        ),
        header=True,
    )


Column = Callable[[int], Paragraphs]


def each(fields: Sequence[str], render: Callable[[str, int], Paragraphs]) -> list[Column]:
    """One column per field name; a cell of row ``i`` is ``render(field, i)``."""
    return [functools.partial(render, name) for name in fields]


def grid_rows(
    doc: Doc,
    list_path: str,
    columns: Sequence[Column],
    widths: Sequence[int],
    *,
    printed_rows: int,
) -> list[str]:
    """A repeating table's body: one row per item (rows beyond the printed ones are copies,
    as people add rows), and the printed rows left empty when there are fewer items."""
    count = max(printed_rows, len(doc.items(list_path)))
    return [
        wk.row(
            *(
                wk.cell(*column(index), width=width)
                for column, width in zip(columns, widths, strict=True)
            )
        )
        for index in range(count)
    ]


def row_tag(base: str, index: int, printed_rows: int) -> str:
    """A control tag in a repeating row: copied rows repeat the last printed row's tag."""
    return f"{base}{min(index, printed_rows - 1) + 1}"


def question_below(
    question: str,
    answer: Paragraphs,
    width: int,
    *,
    fill: str = wk.GREY,
    guidance: str | None = None,
) -> list[str]:
    """A question in a shaded cell with its answer in the cell below."""
    blocks = [wk.para(wk.run(question, bold=True, size=18))]
    if guidance:
        blocks.append(wk.para(wk.run(guidance, italic=True, size=16, color="595959")))
    return [
        wk.row(wk.cell(*blocks, width=width, fill=fill)),
        wk.row(wk.cell(*answer, width=width), height=900),
    ]


def pick(doc: Doc, path: str, items: Sequence[tuple[str, str]]) -> str | None:
    """The option a person picks for ``path`` from a drop-down of (shown text, code)."""
    code = doc.code(path)
    if code is None:
        return None
    return next(text for text, value in items if value == code)


def pick_item(
    doc: Doc, list_path: str, index: int, name: str, items: Sequence[tuple[str, str]]
) -> str | None:
    code = doc.item_code(list_path, index, name)
    if code is None:
        return None
    return next(text for text, value in items if value == code)


def document(
    title: str,
    authority: str,
    service: str,
    reference: str,
    blocks: Sequence[str],
    *,
    accent: str,
    protected: bool = False,
    doc: Doc | None = None,
) -> bytes:
    """A whole .docx in LA house style (marking in header and footer)."""
    package = wk.Package(
        title=title,
        author=f"{authority} Virtual School",
        header=wk.header_block(authority, service, accent=accent),
        footer=wk.footer_block(reference),
        protected=protected,
        last_modified_by="" if doc is None or doc.blank else "School office",
    )
    package.add(*blocks)
    return package.to_bytes()
