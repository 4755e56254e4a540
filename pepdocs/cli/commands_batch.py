"""``pepdocs batch``: pre-fill every child's PEP form from a roster, before the term's meetings.

The command parses options and calls :func:`pepdocs.batch.run_batch`; errors that stop the
whole batch are ``PepdocsError`` and become one line in :func:`pepdocs.cli.main`. Rows that
fail are listed (row number and reason) and make the exit code 1.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pepdocs.cli.options import db_option, mappings_option, user_option
from pepdocs.errors import TransformError
from pepdocs.mapping.dates import parse_uk_date

if TYPE_CHECKING:
    from pepdocs.batch import BatchOptions, BatchResult
    from pepdocs.store import StoreRecorder

    # ParamType is generic (value, input) from click 8.5; earlier 8.x, which the dependency
    # range allows, cannot subscript it at run time.
    _DateParamType = click.ParamType[dt.date, Any]
else:
    _DateParamType = click.ParamType


class UkDate(_DateParamType):
    """A date as people type it in England: ``03/09/2025``, ``3 Sept 2025``, ``2025-09-03``."""

    name = "date"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return parse_uk_date(str(value))
        except TransformError as problem:
            self.fail(problem.message, param, ctx)


@click.command()
@click.argument("roster", type=click.Path(dir_okay=False), required=False)
@click.option(
    "-o",
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the forms and manifest.csv/manifest.json (created if missing).",
)
@click.option(
    "-a",
    "--authority",
    help="Authority for rows without an Authority column value (a row's own wins).",
)
@click.option(
    "--previous",
    multiple=True,
    type=click.Path(file_okay=False, exists=True),
    help="Folder of last term's PEPs (JSON) to roll forward; matched by LA child id, "
    "else UPN. Repeatable.",
)
@click.option(
    "--meeting-date",
    type=UkDate(),
    help="Meeting date for every row without one (sets term, academic year and the "
    "next review date). Default: the current term, or the one after the "
    "previous PEP's.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes (each prepares its templates once).",
)
@click.option(
    "--pdf",
    is_flag=True,
    help="Also a PDF of each Word/Excel form (LibreOffice, one start per chunk).",
)
@click.option(
    "--zip",
    "make_zip",
    is_flag=True,
    help="Also batch.zip in the folder: the forms and the manifests.",
)
@click.option(
    "--force", is_flag=True, help="Replace files that exist (by default they are kept and listed)."
)
@click.option(
    "--strict",
    is_flag=True,
    help="A row whose PEP holds values its form has no place for fails (not made) instead "
    "of being made with them listed.",
)
@mappings_option
@click.option(
    "--from-903",
    "from_903",
    metavar="903-DIR|903.xml",
    type=click.Path(exists=True),
    help="Instead of a roster: the children the authority's SSDA903 export shows looked after "
    "on --as-of and needing a PEP (see pepdocs cohort).",
)
@click.option(
    "--people",
    type=click.Path(dir_okay=False, exists=True),
    help="With --from-903: names, school, designated teacher, social worker, carer (CSV or "
    "XLSX, headers as a roster's), matched by the 903 child id (CHILD or Child ID).",
)
@click.option(
    "--attendance",
    type=click.Path(dir_okay=False, exists=True),
    help="An attendance export (CSV or XLSX: child id or UPN, period, sessions, percentage): "
    "each child's latest figures go into their form.",
)
@click.option(
    "--as-of",
    "as_of",
    type=UkDate(),
    help="The day the batch is planned on (terms count from it) and the date of the 903 "
    "cohort; default today.",
)
@click.option(
    "--collection-year",
    metavar="YYYY-YY",
    help="With --from-903: check the export's codes against this collection year's lists only.",
)
@db_option
@user_option
@click.pass_context
def batch(
    ctx: click.Context,
    roster: str | None,
    out_dir: str,
    authority: str | None,
    previous: tuple[str, ...],
    meeting_date: dt.date | None,
    jobs: int,
    pdf: bool,
    make_zip: bool,
    force: bool,
    strict: bool,
    mappings_dirs: tuple[str, ...],
    from_903: str | None,
    people: str | None,
    attendance: str | None,
    as_of: dt.date | None,
    collection_year: str | None,
    db: str | None,
    user: str | None,
) -> None:
    """Pre-fill one form per child from a roster (CSV or XLSX), in each child's
    authority's own format, rolling last term's PEP forward when there is one.

    Columns are found by header (DOB, Date of Birth and D.O.B. all work); each row may
    name its own Authority and Phase. Outputs are named
    <authority>-<LA child id>-<academic year>-<term>.docx (.xlsx, .pdf) (an id that is not
    plain upper-case letters, digits, _ and - also gets ~ and a short hash of itself, so two
    children never share a file); an existing file the batch did not make is kept unless
    --force, and a rerun skips what is done and unchanged (also after a killed run). A bad
    row (invalid UPN, unknown authority, no date of birth) is listed with its row number and
    reason while the others are made; the exit code is then 1. manifest.csv and
    manifest.json list every row: output, status, warnings and SHA-256. A value the form has
    no place for (last term's targets on a form without a targets table) is a warning on its
    row ("no place on the form: ..."), listed here for the first rows; --strict makes it a
    failed row. Values that needed more room (a continuation sheet, a taller row) are
    warnings too.

    With --from-903 the roster is made from the authority's 903 export instead: every child
    looked after on --as-of who needs a PEP (aged 2 to 17, not on short breaks only), with
    what the 903 knows (date of birth, UPN, legal status, date the period of care began,
    placement, year group by age) and what --people adds; from-903.csv in the folder lists
    each child and people-file row with what was decided and why. A child missing from the
    people file still gets a form and is listed; so is a people-file row the cohort lacks.

    With a store (--db or PEPDOCS_DB; docs/store.md) every form made carries a document id
    and is recorded as sent: the form, the PEP it was made from (a new version) and the PEP
    pre-filled for its term, so pepdocs collect can match what comes back. Without one the
    batch records nothing and works as before.

    \b
    Example:
      pepdocs batch samples/roster.csv --out prefilled/
      pepdocs batch export.xlsx --out summer/ --previous spring-peps/ --meeting-date 04/05/2026
      pepdocs batch roster.csv --out out/ --authority northshire --jobs 2 --zip
      pepdocs batch --from-903 export/ --people people.csv --authority northshire --out out/
      pepdocs batch samples/roster.csv --out term/ --previous samples --db pepdocs.db
    """
    from pepdocs.batch import BatchOptions, run_batch
    from pepdocs.batch.progress import progress_bar
    from pepdocs.batch.roster import estimate_rows

    if from_903 is None and roster is None:
        raise click.UsageError("give a roster file, or --from-903 903-DIR")
    if from_903 is not None and roster is not None:
        raise click.UsageError("give a roster file or --from-903, not both")
    if from_903 is None and (people or collection_year):
        raise click.UsageError("--people and --collection-year go with --from-903")
    options = BatchOptions(
        out_dir=Path(out_dir),
        authority=authority,
        previous=tuple(Path(folder) for folder in previous),
        meeting_date=meeting_date,
        jobs=jobs,
        force=force,
        pdf=pdf,
        zip=make_zip,
        mappings_dirs=mappings_dirs,
        today=as_of,
        attendance=Path(attendance) if attendance else None,
        strict=strict,
    )
    recorder = _recorder(db, user, options)
    try:
        if from_903 is not None:
            result = _from_903(from_903, people, collection_year, options, force, recorder)
        else:
            assert roster is not None
            with progress_bar(estimate_rows(roster)) as progress:
                result = run_batch(roster, options, progress, recorder)
    finally:
        if recorder is not None:
            recorder.finish()
            recorder.store.close()
    if recorder is not None:
        for note in recorder.notes:
            click.echo(f"  note: {note}", err=True)
        click.echo(
            f"recorded in {recorder.store.describe()}: {recorder.recorded} forms sent"
            + (f", {recorder.already} already recorded" if recorder.already else ""),
            err=True,
        )
    for failure in result.failures:
        click.echo(f"  {failure}", err=True)
    for line in result.unplaced:
        click.echo(f"  {line}", err=True)
    failed = result.counts.get("failed", 0)
    if failed > len(result.failures):
        click.echo(f"  ... {failed - len(result.failures)} more in {result.manifest_csv}", err=True)
    for note in result.notes:
        click.echo(f"  note: {note}", err=True)
    if result.ignored_columns:
        click.echo(f"  columns not used: {', '.join(result.ignored_columns)}", err=True)
    click.echo(f"{result.summary()}; manifest: {result.manifest_csv}", err=True)
    if result.zip_path is not None:
        click.echo(f"zip: {result.zip_path}", err=True)
    if failed:
        click.echo("some rows failed; the other forms were made", err=True)
    ctx.exit(result.exit_code)


def _recorder(db: str | None, user: str | None, options: BatchOptions) -> StoreRecorder | None:
    """The store's recorder when a store is configured (--db or PEPDOCS_DB), else None."""
    import os

    from pepdocs.store.location import DB_ENV

    if not db and not os.environ.get(DB_ENV, "").strip():
        return None
    from pepdocs.store import StoreRecorder, open_store

    store = open_store(db, user=user)
    return StoreRecorder(
        store, mappings_dirs=options.mappings_dirs, folder=str(options.out_dir)
    )


def _from_903(
    export: str,
    people_path: str | None,
    collection_year: str | None,
    options: BatchOptions,
    force: bool,
    recorder: StoreRecorder | None = None,
) -> BatchResult:
    """The 903 route: the cohort, the people file, the batch; the join reported on stderr."""
    from pepdocs.batch.progress import progress_bar
    from pepdocs.cli.commands_cohort import report_export
    from pepdocs.cohort import load_cohort, load_people, prefill_from_903
    from pepdocs.compliance import load_settings

    as_of = options.today or dt.date.today()
    cohort = load_cohort(
        export, as_of, collection_year=collection_year, settings=load_settings(options.authority)
    )
    report_export(cohort.source, None, force)
    people = load_people(people_path) if people_path else None
    if people is not None:
        if people.ignored_columns:
            click.echo(
                f"  people file columns not used: {', '.join(people.ignored_columns)}", err=True
            )
        for problem in people.problems[:_SHOWN]:
            click.echo(f"  {problem}", err=True)
        if len(people.problems) > _SHOWN:
            click.echo(f"  ... {len(people.problems) - _SHOWN} more people-file problems", err=True)
    needing = sum(child.needs_pep for child in cohort.children)
    with progress_bar(needing) as progress:
        done = prefill_from_903(
            cohort, options, people=people, progress=progress, recorder=recorder
        )
    join = done.join
    missing, extra = join.missing_from_people, join.not_in_cohort
    reasons = Counter(
        child.no_pep_reason.split(":")[0] for child in cohort.children if not child.needs_pep
    )
    why = ", ".join(f"{count} {reason}" for reason, count in sorted(reasons.items()))
    click.echo(
        f"{len(cohort.children)} looked after on {as_of.isoformat()}: {len(join.rows)} need a "
        f"form, {sum(reasons.values())} need no PEP" + (f" ({why})" if why else ""),
        err=True,
    )
    if people is not None and missing:
        ids = ", ".join(entry.child_id for entry in missing[:_SHOWN])
        more = f" and {len(missing) - _SHOWN} more" if len(missing) > _SHOWN else ""
        click.echo(
            f"  not in the people file (forms made from the 903 alone): {ids}{more}", err=True
        )
    if extra:
        rows = ", ".join(f"row {entry.people_row}" for entry in extra[:_SHOWN])
        more = f" and {len(extra) - _SHOWN} more" if len(extra) > _SHOWN else ""
        click.echo(f"  people-file rows not in the cohort (no form): {rows}{more}", err=True)
    click.echo(f"{done.report}: every child and what was decided", err=True)
    return done.batch


#: lines of a list shown on screen; the files hold all of them
_SHOWN = 20

COMMANDS = [batch]
