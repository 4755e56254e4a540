"""``pepdocs batch``: pre-fill every child's PEP form from a roster, before the term's meetings.

The command parses options and calls :func:`pepdocs.batch.run_batch`; errors that stop the
whole batch are ``PepdocsError`` and become one line in :func:`pepdocs.cli.main`. Rows that
fail are listed (row number and reason) and make the exit code 1.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from pepdocs.cli.options import mappings_option
from pepdocs.errors import TransformError
from pepdocs.mapping.dates import parse_uk_date

if TYPE_CHECKING:
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
@click.argument("roster", type=click.Path(dir_okay=False))
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
@mappings_option
@click.pass_context
def batch(
    ctx: click.Context,
    roster: str,
    out_dir: str,
    authority: str | None,
    previous: tuple[str, ...],
    meeting_date: dt.date | None,
    jobs: int,
    pdf: bool,
    make_zip: bool,
    force: bool,
    mappings_dirs: tuple[str, ...],
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
    manifest.json list every row: output, status, warnings and SHA-256.

    \b
    Example:
      pepdocs batch samples/roster.csv --out prefilled/
      pepdocs batch export.xlsx --out summer/ --previous spring-peps/ --meeting-date 04/05/2026
      pepdocs batch roster.csv --out out/ --authority northshire --jobs 2 --zip
    """
    from pepdocs.batch import BatchOptions, run_batch
    from pepdocs.batch.progress import progress_bar
    from pepdocs.batch.roster import estimate_rows

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
    )
    with progress_bar(estimate_rows(roster)) as progress:
        result = run_batch(roster, options, progress)
    for failure in result.failures:
        click.echo(f"  {failure}", err=True)
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


COMMANDS = [batch]
