"""``pepdocs fill``, ``pepdocs extract`` and ``pepdocs translate``: the two verbs and their sum.

Each command parses its options and calls one function of :mod:`pepdocs.api`; errors are
``PepdocsError`` and become one line in :func:`pepdocs.cli.main`. The library is imported
inside each command, so that ``pepdocs --help`` does not load the form engines.
"""

from __future__ import annotations

import click

from pepdocs.cli.options import mappings_option

_AUTHORITY_HELP = "Authority name (northshire) or the path of a mapping file (.yaml)."
_FORM_HELP = "Which of the authority's forms, by phase (early_years, school_age, post16)."


_force_option = click.option(
    "--force", is_flag=True, help="Overwrite output files that already exist."
)


@click.command()
@click.argument("pep", type=click.Path(dir_okay=False))
@click.option("-a", "--authority", required=True, help=_AUTHORITY_HELP)
@click.option("--form", help=_FORM_HELP + " Default: the PEP's meta.phase.")
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The form to write."
)
@click.option(
    "--pdf",
    "pdf",
    is_flag=True,
    help="Also write a PDF copy of a Word or Excel form beside it (OUT with .pdf), "
    "through LibreOffice.",
)
@click.option(
    "--flatten",
    is_flag=True,
    help="PDF forms: draw the values into the pages and remove the fields (not editable).",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Write nothing if the PEP holds values the form has no place for (exit 1).",
)
@_force_option
@mappings_option
def fill(
    pep: str,
    authority: str,
    form: str | None,
    output: str,
    pdf: bool,
    flatten: bool,
    strict: bool,
    force: bool,
    mappings_dirs: tuple[str, ...],
) -> None:
    """Fill an authority's own form from a PEP (JSON).

    The PEP is validated first; fields it leaves empty keep the form's blanks. The form is
    chosen by the PEP's phase unless --form names one. The output's extension must be the
    form's kind (.docx, .xlsx or .pdf). Values the form has no place for are listed (by
    field path, never the value) and left out, or with --strict refused. Values that needed
    more room are listed too: a smaller font or a continuation sheet on a PDF form, a row
    made taller in Word or Excel. The --pdf copy leaves prompts ("Click or tap here...")
    blank and is tagged for screen readers.

    \b
    Example:
      pepdocs fill samples/pep-aisha.json --authority northshire -o aisha.docx
      pepdocs fill pep.json --authority my-la.yaml --form post16 -o out.docx --force
      pepdocs fill pep.json --authority southvale -o aisha.xlsx --pdf
      pepdocs fill pep.json --authority ridgeford -o aisha.pdf --flatten
      pepdocs fill pep.json --authority ridgeford -o aisha.pdf --strict
    """
    from pepdocs import api

    report = api.fill_file(
        pep,
        authority,
        output,
        form=form,
        force=force,
        mappings_dirs=mappings_dirs,
        flatten=flatten,
        pdf=pdf,
        strict=strict,
    )
    said = "" if report.complete and not report.overflow else f"; {report.summary()}"
    click.echo(f"{report.output}: written{said}", err=True)
    if report.pdf is not None:
        click.echo(f"{report.pdf}: written", err=True)
    # paths and what was done, never a value from the PEP
    for line in report.lines():
        click.echo(f"  {line}", err=True)


@click.command()
@click.argument("document", type=click.Path(dir_okay=False))
@click.option(
    "-a", "--authority", help=_AUTHORITY_HELP + " Default: recognise the form from the document."
)
@click.option("--form", help=_FORM_HELP)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the PEP (JSON) here instead of printing it.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    help="Write the field-by-field report (JSON) here.",
)
@click.option(
    "--redact",
    is_flag=True,
    help="Pseudonymise names, dates of birth, identifiers and contact details in the PEP "
    "and the report (for sharing an example).",
)
@_force_option
@mappings_option
def extract(
    document: str,
    authority: str | None,
    form: str | None,
    output: str | None,
    report_path: str | None,
    redact: bool,
    force: bool,
    mappings_dirs: tuple[str, ...],
) -> None:
    """Read a completed form back into a PEP (JSON), with a report on every field.

    Without --authority the form is recognised from the document; a form no mapping
    describes is read with a mapping inferred on the spot, marked low-confidence. Prints
    a one-line summary to stderr (found, empty, unparseable, invalid, missing), then the
    report's notes on the document (tracked changes, a re-save, low confidence).
    Exits 0 when the form was read, even if fields were empty; 1 on errors.

    \b
    Example:
      pepdocs extract returned/aisha.docx --authority northshire -o aisha.json
      pepdocs extract unknown.docx -o pep.json --report pep.report.json
      pepdocs extract returned/aisha.docx -a northshire --redact -o example.json
    """
    from pepdocs import api
    from pepdocs.model import dump_pep

    extraction = api.extract_file(
        document,
        output,
        authority,
        form,
        report_path=report_path,
        force=force,
        mappings_dirs=mappings_dirs,
        redact=redact,
    )
    if output is None:
        click.echo(dump_pep(extraction.pep), nl=False)
    report = extraction.report
    if report.inferred:
        click.echo(
            f"{document}: no known form matched; read with a mapping inferred from the "
            f"document (low confidence {report.confidence:.2f}: check every value)",
            err=True,
        )
    elif report.detected:
        click.echo(f"{document}: recognised as {report.authority}/{report.form}", err=True)
    click.echo(f"{document}: {report.summary()}", err=True)
    # Document-level remarks (how the form was recognised, tracked changes, a re-save that
    # lost tags, a low-confidence reading) change how far the PEP can be trusted; they
    # name forms, anchors and counts, never a value from the PEP.
    for note in report.notes:
        click.echo(f"  note: {note}", err=True)


@click.command()
@click.argument("document", type=click.Path(dir_okay=False))
@click.option(
    "--from",
    "from_authority",
    help="The document's authority (name or mapping file). Default: recognise it.",
)
@click.option("--to", "to_authority", required=True, help="The authority to move the PEP to.")
@click.option("--form", help=_FORM_HELP + " Of the target authority; default: the PEP's phase.")
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The form to write."
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(dir_okay=False),
    help="Write the translation report (JSON) here.",
)
@_force_option
@mappings_option
def translate(
    document: str,
    from_authority: str | None,
    to_authority: str,
    form: str | None,
    output: str,
    report_path: str | None,
    force: bool,
    mappings_dirs: tuple[str, ...],
) -> None:
    """Move a completed PEP form from one authority's format to another's.

    Extracts with the first authority's mapping and fills the second's form; prints what
    the target form has no place for.

    \b
    Example:
      pepdocs translate aisha-northshire.docx --from northshire --to westmere -o aisha.docx
      pepdocs translate pep.docx --to eastborough -o moved.docx --report moved.json
    """
    from pepdocs import api

    report = api.translate_file(
        document,
        from_authority,
        to_authority,
        output,
        form,
        report_path=report_path,
        force=force,
        mappings_dirs=mappings_dirs,
    )
    click.echo(f"{output}: {report.summary()}", err=True)
    for path in report.unplaced:
        click.echo(f"  no place on the target form: {path}", err=True)


COMMANDS = [fill, extract, translate]
