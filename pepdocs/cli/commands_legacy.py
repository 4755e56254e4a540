"""``pepdocs infer-mapping``, ``check-mapping``, ``convert`` and ``diff-template``: new
authorities' forms and years of legacy PEPs.

Each command parses its options and calls one function of :mod:`pepdocs.legacy`; errors are
``PepdocsError`` and become one line in :func:`pepdocs.cli.main`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from pepdocs._io import write_text_atomic
from pepdocs.cli.options import LibraryChoice, mappings_option
from pepdocs.errors import OutputExistsError


def _output_formats() -> tuple[str, ...]:
    from pepdocs.legacy.convert import FORMATS

    return FORMATS


def _authority_from(path: str) -> str:
    stem = Path(path).stem.lower()
    name = "".join(ch if ch.isalnum() else "-" for ch in stem).strip("-")
    return name or "new-authority"


@click.command("infer-mapping")
@click.argument("blank", type=click.Path(dir_okay=False, exists=True))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="Draft mapping to write (.yaml).",
)
@click.option("--authority", help="Authority name for the draft (default: from the file name).")
@click.option("--force", is_flag=True, help="Overwrite the output if it exists.")
def infer_mapping(blank: str, output: str, authority: str | None, force: bool) -> None:
    """Draft a mapping file for a form no mapping describes yet.

    Labels, content controls, legacy fields, checkbox groups and table headers are matched
    to model paths; each entry says how sure the match is, and doubtful ones are marked
    "confirm". PDF forms whose fields are named only Text1, Check Box2 are read by the
    labels printed beside them. Check the draft with check-mapping.

    \b
    Example:
      pepdocs infer-mapping ashcombe-blank.docx -o mappings/ashcombe-school-age.yaml
      pepdocs check-mapping mappings/ashcombe-school-age.yaml
    """
    if Path(output).exists() and not force:
        raise OutputExistsError(output)
    from pepdocs.inference import infer_mapping as run_infer

    inferred = run_infer(blank)
    out_dir = Path(output).resolve().parent
    template = Path(blank).resolve()
    try:
        shown = os.path.relpath(template, out_dir)
    except ValueError:  # another drive on Windows
        shown = str(template)
    # the authority as the form names itself, else the file's name
    text = inferred.to_yaml(
        authority or inferred.authority or _authority_from(blank), template=shown
    )
    write_text_atomic(output, text, force=force)
    doubtful = sum(1 for entry in inferred.entries if entry.doubtful)
    click.echo(
        f"{output}: {len(inferred.entries)} fields drafted, {doubtful} to confirm, "
        f"{len(inferred.unmatched)} labels, {len(inferred.unplaced_columns)} table columns "
        f"and {len(inferred.unplaced_boxes)} boxes not placed (listed at the end)",
        err=True,
    )


@click.command("check-mapping")
@click.argument("mapping", type=click.Path(dir_okay=False, exists=True))
def check_mapping(mapping: str) -> None:
    """Check a mapping file against its template.

    Every anchor must be found exactly once in the blank template, the file must load
    (types, transforms, codes), and generated PEPs must read back as written. Problems are
    listed as file:line; exit code 1 when there are errors (warnings alone pass).

    \b
    Example:
      pepdocs check-mapping mappings/westmere-school-age.yaml
    """
    from pepdocs.legacy.checkmap import check_mapping as run_check

    problems = run_check(mapping)
    for problem in problems:
        click.echo(str(problem))
    errors = [p for p in problems if p.severity == "error"]
    warnings = len(problems) - len(errors)
    click.echo(f"{mapping}: {len(errors)} errors, {warnings} warnings", err=True)
    if errors:
        sys.exit(1)


@click.command("convert")
@click.argument("src_dir", type=click.Path(file_okay=False, exists=True))
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to write into.",
)
@click.option(
    "--format",
    "fmt",
    type=LibraryChoice(_output_formats),
    default="json",
    show_default=True,
    help="Flat table format.",
)
@click.option("--redact", is_flag=True, help="Pseudonymise names, dates of birth and identifiers.")
@click.option("--force", is_flag=True, help="Overwrite outputs that exist.")
@mappings_option
@click.pass_context
def convert(
    ctx: click.Context,
    src_dir: str,
    out_dir: str,
    fmt: str,
    redact: bool,
    force: bool,
    mappings_dirs: tuple[str, ...],
) -> None:
    """Convert a folder of legacy PEPs into canonical JSON and one flat table.

    Word (.docx), .doc and .odt (through LibreOffice) and PDF forms are read; known forms
    are recognised, others read with a mapping inferred on the spot (low confidence). Files
    that cannot be read are listed in errors.csv and on stderr; the others are still
    converted. Exit code 1 when any file failed, 0 when all were converted. The originals
    are never changed; --redact uses one set of pseudonyms for the whole run.

    \b
    Example:
      pepdocs convert old-peps/ --out converted/ --format xlsx
      pepdocs convert old-peps/ --out shareable/ --format csv --redact
    """
    from pepdocs.legacy.convert import convert_folder

    progress = None
    bar = None
    if sys.stderr.isatty():
        bar = click.progressbar(length=1, label="converting", file=sys.stderr)

        def progress(done: int, total: int, name: str) -> None:
            assert bar is not None
            bar.length = total
            bar.update(1)

    try:
        summary = convert_folder(
            src_dir,
            out_dir,
            fmt,  # type: ignore[arg-type]
            redact,
            force=force,
            mappings_dirs=mappings_dirs,
            progress=progress,
        )
    finally:
        if bar is not None:
            bar.render_finish()
    click.echo(f"{out_dir}: {summary.summary()}", err=True)
    for file, problem in summary.errors:
        click.echo(f"  {file}: {problem}", err=True)
    if summary.errors:
        click.echo("some files failed (listed in errors.csv); the others were converted", err=True)
    ctx.exit(summary.exit_code)


@click.command("diff-template")
@click.argument("old", type=click.Path(dir_okay=False, exists=True))
@click.argument("new", type=click.Path(dir_okay=False, exists=True))
@click.option(
    "--mapping",
    "mapping",
    required=True,
    type=click.Path(dir_okay=False, exists=True),
    help="The mapping for OLD.",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the updated mapping here."
)
@click.option("--force", is_flag=True, help="Overwrite the output if it exists.")
def diff_template(old: str, new: str, mapping: str, output: str | None, force: bool) -> None:
    """Show anchors that moved, vanished or were renamed between two template revisions.

    With -o, writes the mapping updated for the new revision where it can (renamed labels,
    tags and field names rewritten, comments kept); vanished anchors are listed to fix.

    \b
    Example:
      pepdocs diff-template ashcombe-2024.docx ashcombe-2025.docx --mapping ashcombe.yaml
      pepdocs diff-template old.docx new.docx --mapping ashcombe.yaml -o ashcombe-2025.yaml
    """
    from pepdocs.legacy.drift import diff_template as run_diff

    if output is not None and Path(output).exists() and not force:
        raise OutputExistsError(output)
    drift = run_diff(old, new, mapping)
    for change in drift.changes:
        click.echo(str(change))
    if not drift.changes:
        click.echo("no anchor changed")
    if output is not None:
        write_text_atomic(output, drift.updated_yaml, force=force)
        click.echo(f"{output}: written", err=True)


COMMANDS = [infer_mapping, check_mapping, convert, diff_template]
