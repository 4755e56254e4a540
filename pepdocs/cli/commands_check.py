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
from typing import TYPE_CHECKING

import click

from pepdocs._io import write_text_atomic
from pepdocs.cli.options import as_of_option, db_option, term_option
from pepdocs.errors import PepdocsError

if TYPE_CHECKING:
    from pepdocs.batch.attendance import AttendanceExport
    from pepdocs.compliance import CheckResult
    from pepdocs.store import TermKey


_ATTENDANCE = click.option(
    "--attendance", "attendance_path", type=click.Path(dir_okay=False, exists=True),
    help="An attendance export (CSV or XLSX: child id or UPN, period, sessions, percentage); "
    "a child's figures there newer than the PEP's are the ones checked.",
)


def _from_store(
    db: str | None,
    term: TermKey | None,
    as_of: dt.date,
    attendance: AttendanceExport | None,
) -> list[CheckResult]:
    """The check of each PEP on record (its latest version), as ``check_path`` gives files."""
    from pepdocs.compliance import check_pep
    from pepdocs.store import open_store

    with open_store(db) as store:
        return [
            check_pep(
                attendance.applied_to(stored.data) if attendance else stored.data,
                as_of,
                source=stored.label,
            )
            for stored in store.current(term)
        ]


def _where(path: str | None, db: str | None, term: object) -> bool:
    """True when the PEPs come from the store: no PATH given (``--db``, ``PEPDOCS_DB`` or
    the default store); a PATH and --db together are a usage error."""
    if path is not None and (db is not None or term is not None):
        raise click.UsageError("give a file or folder of PEPs, or --db/--term, not both")
    return path is None


def _attendance(path: str | None) -> AttendanceExport | None:
    if path is None:
        return None
    from pepdocs.batch.attendance import load_attendance

    export = load_attendance(path)
    for problem in export.problems:
        click.echo(f"  attendance: {problem}", err=True)
    return export


@click.command()
@click.argument("path", metavar="[PEP.json|DIR]", type=click.Path(exists=True), required=False)
@as_of_option
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
    show_default=True, help="text for people, json for other tools.",
)
@_ATTENDANCE
@db_option
@term_option
def check(
    path: str | None,
    as_of: dt.date,
    output_format: str,
    attendance_path: str | None,
    db: str | None,
    term: TermKey | None,
) -> None:
    """Check PEPs against statutory timelines and Virtual School quality rules.

    Prints each PEP's rating (red/amber/green, or gold/green/amber/red where the authority
    uses it) with the reasons, and every finding as SEVERITY RULE-ID NAME: MESSAGE [PATH],
    followed by what it rests on: statute, statutory guidance, national standard or local
    practice, with the public title and section (local practice names the settings file).
    Statutory breaches are errors. Messages hold dates, counts and field paths, never names
    or other values. A folder means every *.json file directly inside it. Exits 1 when any
    PEP has an error-severity finding or cannot be read (as `pepdocs validate` does), else 0.
    The JSON form gives each finding's rule_id, basis, source, severity, message and path.

    With --attendance, each child's latest figures in an attendance export replace the
    PEP's when they are newer (or the PEP has none), so the attendance rules judge current
    figures; the line "attendance from FILE row N" says where they came from.

    Without a PATH the PEPs on record are checked (each PEP's latest version; --term for one
    term; the store from --db, PEPDOCS_DB or the default; docs/store.md).

    \b
    Example:
      pepdocs check samples/ --as-of 2026-01-20
      pepdocs check pep-aisha.json --format json > findings.json
      pepdocs check peps/ --attendance welfare-call-autumn.xlsx
      pepdocs check --db pepdocs.db --term "2025-26 summer"
    """
    from pepdocs.compliance import check_path

    export = _attendance(attendance_path)
    if _where(path, db, term):
        results = _from_store(db, term, as_of, export)
    else:
        assert path is not None
        results = check_path(path, as_of, attendance=export)
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
            record = export.supplied(result.pep) if export and result.pep else None
            if record is not None:
                click.echo(f"  attendance from {record.source}")
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
@click.argument("directory", metavar="DIR", type=click.Path(exists=True), required=False)
@as_of_option
@click.option(
    "--csv", "csv_path", type=click.Path(dir_okay=False),
    help="Also write the schedule as CSV (with names) to this file.",
)
@click.option("--force", is_flag=True, help="Overwrite the CSV file if it exists.")
@click.option(
    "--from-903",
    "from_903",
    metavar="903-DIR|903.xml",
    type=click.Path(exists=True),
    help="The children the authority's SSDA903 export shows looked after on --as-of; DIR, "
    "when given, holds their PEPs on record.",
)
@click.option(
    "--people",
    type=click.Path(dir_okay=False, exists=True),
    help="With --from-903: the people file (names, school, date joined), by 903 child id.",
)
@click.option(
    "-a",
    "--authority",
    help="With --from-903: whose settings judge records that name no authority.",
)
@db_option
@term_option
def due(
    directory: str | None,
    as_of: dt.date,
    csv_path: str | None,
    force: bool,
    from_903: str | None,
    people: str | None,
    authority: str | None,
    db: str | None,
    term: TermKey | None,
) -> None:
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

    With --from-903 the children come from the authority's 903 export instead: everyone
    looked after on the date who needs a PEP, judged by the same rules from what the 903
    records (entry date and emergency, legal status, the last placement move, date of
    birth), each child's latest PEP in DIR (meetings, school) and the people file (school,
    date joined). A child with no PEP on record shows the initial PEP as outstanding. The
    table adds the 18th birthday, when the child leaves care, within a year of the date.

    Without DIR (and without --from-903) the PEPs on record are read: each child's latest
    PEP in the store (--db, PEPDOCS_DB or the default; docs/store.md).

    \b
    Example:
      pepdocs due samples/ --as-of 2026-01-20
      pepdocs due samples/ --as-of 20/01/2026 --csv due.csv
      pepdocs due peps/ --from-903 export/ --people people.csv --as-of 2026-01-05
      pepdocs due --db pepdocs.db --as-of 2026-01-20
    """
    if from_903 is not None:
        if db is not None or term is not None:
            raise click.UsageError("--from-903 reads PEPs from DIR, not from --db")
        _due_from_903(directory, from_903, people, authority, as_of, csv_path, force)
        return
    if people or authority:
        raise click.UsageError("--people and --authority go with --from-903")
    from pepdocs.compliance import due_schedule
    from pepdocs.compliance.check import iter_pep_files
    from pepdocs.model import load_pep_file

    peps = []
    unreadable = 0
    if _where(directory, db, term):
        from pepdocs.store import open_store

        with open_store(db) as store:
            peps = [(stored.label, stored.data) for stored in store.current(term)]
    else:
        assert directory is not None
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


_DUE_903_COLUMNS = (*_DUE_COLUMNS, "pep_on_record", "leaves_care")


def _due_from_903(
    directory: str | None,
    export: str,
    people_path: str | None,
    authority: str | None,
    as_of: dt.date,
    csv_path: str | None,
    force: bool,
) -> None:
    from pepdocs.cli.commands_cohort import report_export
    from pepdocs.cohort import cohort_due, load_cohort, load_people
    from pepdocs.compliance import load_settings

    cohort = load_cohort(export, as_of, settings=load_settings(authority))
    report_export(cohort.source, None, force)
    people = load_people(people_path) if people_path else None
    notes: list[str] = []
    rows = cohort_due(
        cohort,
        peps=(directory,) if directory else (),
        people=people,
        authority=authority,
        notes=notes,
    )
    for note in notes:
        click.echo(f"  note: {note}", err=True)
    if directory is None:
        click.echo(
            "  note: no folder of PEPs given: no child has a PEP on record, so each shows "
            "the initial PEP outstanding; give the folder of PEPs as DIR",
            err=True,
        )
    click.echo(
        f"{'CHILD':<10} {'status':<9} {'due':<10}  {'kind':<17} {'basis':<18} "
        f"{'care review':<11} {'PEP meeting':<11} leaves care"
    )
    for row in rows:
        item = row.item
        meeting = _day(item.last_meeting) if item.last_meeting or row.pep_on_record else "none"
        click.echo(
            f"{item.la_child_id:<10} {item.status:<9} {_day(item.due):<10}  "
            f"{item.kind or '-':<17} {item.basis or '-':<18} {_day(item.care_review):<11} "
            f"{meeting:<11} {_day(row.leaves_care)}"
        )
    overdue = sum(1 for row in rows if row.item.status == "overdue")
    soon = sum(1 for row in rows if row.item.status == "due-soon")
    without = sum(1 for row in rows if row.pep_on_record is None)
    click.echo(
        f"{len(rows)} children needing a PEP on {as_of.isoformat()}: {overdue} overdue, "
        f"{soon} due soon, {without} with no PEP on record",
        err=True,
    )
    if csv_path:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=_DUE_903_COLUMNS, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            cells = {
                **row.item.to_row(),
                "pep_on_record": "yes" if row.pep_on_record else "no",
                "leaves_care": row.leaves_care.isoformat() if row.leaves_care else "",
            }
            writer.writerow({k: _csv_safe(v) for k, v in cells.items() if k in _DUE_903_COLUMNS})
        written = write_text_atomic(csv_path, buffer.getvalue(), force=force)
        click.echo(f"{written}: written", err=True)


def _day(value: dt.date | None) -> str:
    return value.isoformat() if value else "-"


def _csv_safe(value: str) -> str:
    from pepdocs.compliance.report import safe_cell

    return str(safe_cell(value))


@click.command()
@click.argument("directory", metavar="[DIR]", type=click.Path(exists=True), required=False)
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False),
    help="The workbook to write (.xlsx).",
)
@as_of_option
@click.option(
    "--pdf",
    is_flag=True,
    help="Also the board's copy: the Summary sheet printed to PDF (OUT with .pdf; counts and "
    "charts, no child named), through LibreOffice.",
)
@click.option("--force", is_flag=True, help="Overwrite the workbook (and PDF) if they exist.")
@_ATTENDANCE
@db_option
@term_option
def report(
    directory: str | None,
    output: str,
    as_of: dt.date,
    pdf: bool,
    force: bool,
    attendance_path: str | None,
    db: str | None,
    term: TermKey | None,
) -> None:
    """Write the cohort workbook for the Virtual School.

    Sheets: Summary (counts, and one native Excel chart per question: how PEPs are rated,
    which schools have PEPs overdue, PP+ requested against approved), Children (a row per
    child from their most recent PEP: LA child id, legal name, known as, school, rating,
    meeting, next review and due dates, attendance, PP+), Findings (every finding behind
    each child's counts: rule, basis, severity, message, path) and Files passed over (each
    file not reported on, and why). The workbook holds names: keep it where PEPs are kept.
    --pdf adds the board's summary as a tagged PDF, without names. Outputs are written
    atomically and never over existing ones without --force.

    Without DIR the PEPs on record are reported (each PEP's latest version; --term for one
    term; the store from --db, PEPDOCS_DB or the default; docs/store.md).

    \b
    Example:
      pepdocs report samples/ -o cohort.xlsx --as-of 2026-01-20
      pepdocs report peps/ -o cohort.xlsx --pdf --force
      pepdocs report --db pepdocs.db --term "2025-26 summer" -o summer.xlsx
    """
    from pepdocs.compliance import check_path, cohort_report

    export = _attendance(attendance_path)
    if _where(directory, db, term):
        results = _from_store(db, term, as_of, export)
        what = "PEPs on record"
    else:
        assert directory is not None
        results = check_path(directory, as_of, attendance=export)
        what = "PEP files"
    written = cohort_report(results, output, as_of, force=force, pdf=pdf)
    click.echo(f"{written}: {len(results)} {what} reported", err=True)
    if pdf:
        click.echo(f"{written.with_suffix('.pdf')}: written (the board's summary)", err=True)


COMMANDS = [check, due, report]
