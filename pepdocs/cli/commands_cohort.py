"""``pepdocs cohort``: the looked-after children on a date, from the authority's 903 export.

Thin: parses options, calls :func:`pepdocs.cohort.load_cohort` and presents the result. The
screen shows 903 child ids, ages, codes and dates, never a date of birth; the files the user
asks for (``-o``) hold everything, dates of birth included.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TYPE_CHECKING

import click

from pepdocs.cli.options import as_of_option

if TYPE_CHECKING:
    from pepdocs.cohort import Cohort
    from pepdocs.ssda903 import Return903

#: the problems shown on screen; --problems FILE lists them all
_PROBLEM_KINDS_SHOWN = 8


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    )


def _summary(cohort: Cohort) -> str:
    children = cohort.children
    phases = Counter(child.phase for child in children if child.needs_pep)
    parts = [
        f"{len(children)} children looked after on {cohort.as_of.isoformat()}",
        f"{sum(phases.values())} need a PEP (early years {phases['early_years']}, school age "
        f"{phases['school_age']}, post-16 {phases['post16']})",
        f"{sum(child.short_breaks_only for child in children)} short breaks only",
        f"{sum(child.on_remand for child in children)} on remand",
        f"{sum(child.uasc for child in children)} UASC",
    ]
    return "; ".join(parts)


def report_export(data: Return903, problems_path: str | None, force: bool) -> None:
    """What was read and what was wrong with it, on stderr (shared with due and batch)."""
    from pepdocs.ssda903 import summarise_problems, write_problems

    for note in data.notes:
        click.echo(f"  note: {note}", err=True)
    read = Counter(file.kind for file in data.files)
    click.echo(
        f"read {len(data.files)} tables ({', '.join(sorted(read))}): {len(data.children)} "
        f"children, {sum(map(len, data.episodes.values()))} episodes, "
        f"{sum(map(len, data.reviews.values()))} reviews",
        err=True,
    )
    if data.problems:
        click.echo(
            f"{len(data.problems)} problems in the export ({data.rows_left_out} rows left out):",
            err=True,
        )
        for line in summarise_problems(data.problems, _PROBLEM_KINDS_SHOWN):
            click.echo(f"  {line}", err=True)
        if problems_path:
            written = write_problems(data.problems, problems_path, force=force)
            click.echo(f"{written}: every problem listed", err=True)
        else:
            click.echo("  (--problems FILE lists every one)", err=True)


@click.command()
@click.argument("export", metavar="903-DIR|903.xml", type=click.Path(exists=True))
@as_of_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "csv", "json", "xlsx"]),
    default=None,
    help="table on screen (default), or csv/json (to the screen, or -o) or xlsx (needs -o).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the cohort to this file (.csv, .json or .xlsx; holds dates of birth).",
)
@click.option(
    "--collection-year",
    metavar="YYYY-YY",
    help="Check every code against this collection year's lists only (as the DfE's "
    "validation of that year's return does); default: each row against its own years.",
)
@click.option(
    "--problems",
    "problems_path",
    type=click.Path(dir_okay=False),
    help="Also write every problem found in the export to this CSV file.",
)
@click.option(
    "-a",
    "--authority",
    help="Whose compliance settings apply (when early-years PEPs start, bank holidays of "
    "review dates); default: the statutory defaults.",
)
@click.option("--force", is_flag=True, help="Overwrite output files that exist.")
def cohort(
    export: str,
    as_of: dt.date,
    output_format: str | None,
    output: str | None,
    collection_year: str | None,
    problems_path: str | None,
    authority: str | None,
    force: bool,
) -> None:
    """The children looked after on a date, from the authority's SSDA903 (903) export.

    903-DIR is a folder of the return's CSV files (recognised by their columns, whatever
    their names) or the XML form of the return. For each child with an episode open on the
    date: the start of the current period of care (episodes chained through changes of legal
    status and placement; a '?' when it began before the export's first episode), emergency
    entry (L1-L3), current legal status and placement, placement moves in this period,
    flags for short breaks only (V3/V4), remand (J1-J3) and UASC, age, year group by age,
    PEP phase, the last statutory review and (in files) the next one due. Codes are checked
    against the 903 code lists of the collection years; bad rows are reported by file, row
    and column and the rest kept. The table shows no dates of birth; -o files hold them.

    \b
    Example:
      pepdocs cohort export/ --as-of 2026-01-05
      pepdocs cohort return.xml --as-of 05/01/2026 -o cohort.xlsx
      pepdocs cohort export/ --as-of 2026-01-05 --format csv > cohort.csv
    """
    # The cohort, the code lists and the compliance rules load when the command runs, not
    # for --help.
    from pepdocs.cohort import format_cohort, load_cohort, write_cohort
    from pepdocs.cohort.export import screen_rows
    from pepdocs.compliance import load_settings

    found = load_cohort(
        export, as_of, collection_year=collection_year, settings=load_settings(authority)
    )
    report_export(found.source, problems_path, force)
    for note in found.notes:
        click.echo(f"  note: {note}", err=True)
    chosen = output_format or ("table" if output is None else None)
    if output is not None:
        if chosen == "table":
            raise click.UsageError("--format table goes to the screen; drop -o or pick a format")
        written = write_cohort(found, output, chosen, force=force)
        click.echo(f"{written}: {len(found)} children written", err=True)
    elif chosen == "table":
        if found.children:
            click.echo(_table(screen_rows(found)))
    else:
        click.echo(format_cohort(found, str(chosen)), nl=False)
    click.echo(_summary(found), err=True)


COMMANDS = [cohort]
