"""``pepdocs check``, ``pepdocs due`` and ``pepdocs report``: timelines and quality assurance.

Thin on purpose: each command parses options and calls one function of
:mod:`pepdocs.compliance`; errors become messages in :func:`pepdocs.cli.main`. Nothing here
prints a child's name: terminal output carries LA child ids, dates, rule ids and paths; names
go only into the files the user asks for (``--csv``, the report workbook).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import click

from pepdocs._io import write_text_atomic
from pepdocs.errors import PepdocsError


def _as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    # The compliance package (bank holidays, the report workbook) loads only when a command
    # runs, never for --help.
    from pepdocs.compliance import parse_as_of

    return parse_as_of(value) if value else dt.date.today()


_AS_OF = click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    callback=_as_of,
    help="Judge deadlines as of this date (YYYY-MM-DD or DD/MM/YYYY); default today.",
)


@click.command()
@click.argument("path", metavar="PEP.json|DIR", type=click.Path(exists=True))
@_AS_OF
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
    show_default=True, help="text for people, json for other tools.",
)
def check(path: str, as_of: dt.date, output_format: str) -> None:
    """Check PEPs against statutory timelines and Virtual School quality rules.

    Prints each PEP's rating (red/amber/green, or gold/green/amber/red where the authority
    uses it) with the reasons, and every finding as SEVERITY RULE-ID NAME: MESSAGE [PATH],
    followed by what it rests on: statute, statutory guidance, national standard or local
    practice, with the public title and section (local practice names the settings file).
    Statutory breaches are errors. Messages hold dates, counts and field paths, never names
    or other values. A folder means every *.json file directly inside it. Exits 1 when any
    PEP has an error-severity finding or cannot be read (as `pepdocs validate` does), else 0.
    The JSON form gives each finding's rule_id, basis, source, severity, message and path.

    \b
    Example:
      pepdocs check samples/ --as-of 2026-01-20
      pepdocs check pep-aisha.json --format json > findings.json
    """
    from pepdocs.compliance import check_path

    results = check_path(path, as_of)
    if output_format == "json":
        document = {
            "as_of": as_of.isoformat(),
            "results": [result.to_dict() for result in results],
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        for result in results:
            if result.error is not None:
                click.echo(f"{result.source}: cannot check: {result.error}")
                continue
            click.echo(f"{result.source}: {result.rating or 'not rated'}")
            for reason in result.reasons:
                click.echo(f"  - {reason}")
            for finding in result.findings:
                click.echo(f"  {finding}")
                click.echo(f"          {finding.basis_line}")
        failing = sum(1 for result in results if result.has_errors)
        click.echo(
            f"{len(results)} checked as of {as_of.isoformat()}: "
            f"{len(results) - failing} without errors, {failing} with errors"
        )
    if any(result.has_errors for result in results):
        # SystemExit, not ctx.exit(1): with standalone_mode=False click would swallow the code.
        raise SystemExit(1)


_DUE_COLUMNS = (
    "la_child_id", "child", "school", "kind", "due", "status", "basis", "care_review",
    "last_meeting",
)


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(exists=True))
@_AS_OF
@click.option(
    "--csv", "csv_path", type=click.Path(dir_okay=False),
    help="Also write the schedule as CSV (with names) to this file.",
)
@click.option("--force", is_flag=True, help="Overwrite the CSV file if it exists.")
def due(directory: str, as_of: dt.date, csv_path: str | None, force: bool) -> None:
    """The cohort's next PEP deadlines: overdue first, then due soon, then the rest.

    One line per child (the latest PEP of each LA child id): LA child id, status, due date,
    deadline kind (initial_care_plan, initial, initial_local, termly, school_change,
    placement_change, pathway_plan, early_years_start), what the date rests on (statute,
    statutory_guidance, local_practice), the next statutory review of the child's case
    (reg 33: 20 working days after entering care, then 3 months, then every 6 months, as if
    each was held on time; the PEP must be up to date for it) and the PEP meeting date.
    An overdue statutory deadline is listed before an overdue local one. Due soon means
    within the authority's due_soon_days working days (15 by default). The table shows no
    names; the CSV file, which you choose where to keep, adds them. Authorities set to Wales,
    Scotland or Northern Ireland are checked on England's rules with their own bank
    holidays, and a note says so. Files that cannot be read are listed on stderr and leave
    the exit code 1.

    \b
    Example:
      pepdocs due samples/ --as-of 2026-01-20
      pepdocs due samples/ --as-of 20/01/2026 --csv due.csv
    """
    from pepdocs.compliance import due_schedule
    from pepdocs.compliance.check import iter_pep_files
    from pepdocs.model import load_pep_file

    peps = []
    unreadable = 0
    for file in iter_pep_files(directory):
        try:
            peps.append((str(file), load_pep_file(file)))
        except PepdocsError as problem:
            click.echo(f"cannot read: {problem}", err=True)
            unreadable += 1
    items = due_schedule(peps, as_of)
    click.echo(
        f"{'LA child id':<14} {'status':<9} {'due':<10}  {'kind':<17} {'basis':<18} "
        f"{'care review':<11} PEP meeting"
    )
    for item in items:
        click.echo(
            f"{item.la_child_id or '-':<14} {item.status:<9} "
            f"{_day(item.due):<10}  {item.kind or '-':<17} {item.basis or '-':<18} "
            f"{_day(item.care_review):<11} {_day(item.last_meeting)}"
        )
    overdue = sum(1 for item in items if item.status == "overdue")
    soon = sum(1 for item in items if item.status == "due-soon")
    click.echo(
        f"{len(items)} children as of {as_of.isoformat()}: {overdue} overdue, {soon} due soon"
    )
    nations = sorted({item.nation_note for item in items if item.nation_note})
    if nations:
        click.echo(
            f"note: settings for {', '.join(nations)}: checked on England's rules; only the "
            "bank holidays are that nation's"
        )
    if csv_path:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=_DUE_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for item in items:
            # The same formula-injection guard as the workbook: the CSV opens in Excel.
            writer.writerow({k: _csv_safe(v) for k, v in item.to_row().items()})
        written = write_text_atomic(csv_path, buffer.getvalue(), force=force)
        click.echo(f"{written}: written", err=True)
    if unreadable:
        raise SystemExit(1)


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else "-"


def _csv_safe(value: str) -> str:
    from pepdocs.compliance.report import safe_cell

    return str(safe_cell(value))


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(exists=True))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False),
    help="The workbook to write (.xlsx).",
)
@_AS_OF
@click.option("--force", is_flag=True, help="Overwrite the workbook if it exists.")
def report(directory: str, output: str, as_of: dt.date, force: bool) -> None:
    """Write the cohort workbook for the Virtual School.

    Sheets: Summary (counts, and native Excel charts of ratings, overdue PEPs by school and
    PP+ requested vs approved), Children (a row per child: LA child id, name, school,
    rating, meeting, next review and due dates, attendance, PP+ requested and approved) and
    Unreadable files. The workbook holds names: keep it where PEPs are kept. The file is
    written atomically and never over an existing one without --force.

    \b
    Example:
      pepdocs report samples/ -o cohort.xlsx --as-of 2026-01-20
      pepdocs report peps/ -o cohort.xlsx --force
    """
    from pepdocs.compliance import check_path, cohort_report

    results = check_path(directory, as_of)
    written = cohort_report(results, output, as_of, force=force)
    click.echo(f"{written}: {len(results)} PEP files reported", err=True)


COMMANDS = [check, due, report]
