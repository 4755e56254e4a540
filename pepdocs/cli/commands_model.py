"""``pepdocs schema`` and ``pepdocs validate``: the canonical model from the command line."""

from __future__ import annotations

import json

import click

from pepdocs._io import write_text_atomic
from pepdocs.errors import PepdocsError


@click.command()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the schema to this file instead of printing it.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def schema(output: str | None, force: bool) -> None:
    """Print the JSON Schema (draft 2020-12) of a canonical PEP.

    The schema checks each field (codes, dates, identifiers, unknown keys) for tools outside
    pepdocs; the rules between fields are checked by `pepdocs validate`.

    \b
    Example:
      pepdocs schema -o pep.schema.json
      pepdocs schema | jq '.properties | keys'
    """
    from pepdocs.model import pep_json_schema

    text = json.dumps(pep_json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    written = write_text_atomic(output, text, force=force)
    click.echo(f"{written}: written", err=True)


@click.command()
@click.argument("files", nargs=-1, required=True, metavar="FILE...")
@click.option("-q", "--quiet", is_flag=True, help="Print only problems, not 'ok' lines.")
def validate(files: tuple[str, ...], quiet: bool) -> None:
    """Check PEP JSON files against the canonical model and its rules.

    Prints every problem as FILE: PATH: REASON (never the value), FILE: ok for a valid
    file, and a summary when given several files. Exits 1 if any file is invalid or
    cannot be read.

    \b
    Example:
      pepdocs validate samples/*.json
      pepdocs validate -q pep-aisha.json
    """
    from pepdocs.model import validate_pep_file

    invalid = 0
    for name in files:
        try:
            problems = validate_pep_file(name)
        except PepdocsError as problem:
            # One unreadable file is one line of this report, not the end of the batch:
            # the message already names the file and says what is wrong with it.
            click.echo(str(problem))
            invalid += 1
            continue
        if problems:
            invalid += 1
            for found in problems:
                click.echo(f"{name}: {found}")
        elif not quiet:
            click.echo(f"{name}: ok")
    if len(files) > 1:
        click.echo(f"{len(files) - invalid} valid, {invalid} invalid")
    if invalid:
        # SystemExit, not ctx.exit(1): with standalone_mode=False (pepdocs.cli.main) click
        # returns ctx.exit's code instead of raising it, and the code would be lost.
        raise SystemExit(1)


COMMANDS = [schema, validate]
