"""``pepdocs bundle``: a child's PEP PDF and its attachments as one PDF, optionally encrypted."""

from __future__ import annotations

import os
from pathlib import Path

import click

from pepdocs.errors import UsageError


def _password(
    password: str | None, password_file: str | None, password_env: str | None
) -> str | None:
    given = [
        name
        for name, value in (
            ("--password", password),
            ("--password-file", password_file),
            ("--password-env", password_env),
        )
        if value is not None
    ]
    if len(given) > 1:
        raise UsageError(f"give one of {', '.join(given)}, not several")
    if password_file is not None:
        from pepdocs.safety.textfile import read_text_file

        text = read_text_file(password_file)
        # the first line only: editors add a final newline people do not mean as part of it
        lines = text.splitlines()
        if not lines or not lines[0]:
            raise UsageError(f"{password_file}: the password file is empty")
        return lines[0]
    if password_env is not None:
        value = os.environ.get(password_env)
        if not value:
            raise UsageError(f"environment variable {password_env} is not set or empty")
        return value
    return password


@click.command()
@click.argument("pep_pdf", metavar="PEP.pdf", type=click.Path(dir_okay=False))
@click.argument("attachments", nargs=-1, metavar="ATTACHMENT...", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    help="The bundle to write (a PDF).",
)
@click.option(
    "--password-file",
    type=click.Path(dir_okay=False),
    help="Encrypt (AES-256) with the password on the first line of this file.",
)
@click.option(
    "--password-env",
    metavar="VAR",
    help="Encrypt (AES-256) with the password in this environment variable.",
)
@click.option(
    "--password",
    help="Encrypt (AES-256) with this password. Visible to other users of the machine in "
    "the process list and kept in shell history: prefer --password-file or --password-env.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def bundle(
    pep_pdf: str,
    attachments: tuple[str, ...],
    output: str,
    password_file: str | None,
    password_env: str | None,
    password: str | None,
    force: bool,
) -> None:
    """Merge a PEP PDF and attachments into one PDF with a bookmark per part.

    Attachments may be PDFs, Word or Excel files (converted with LibreOffice, one start for
    all). Each bookmark is named after the part's PDF title, else its file name. With a
    password the bundle is encrypted with AES-256 (never RC4) and opens only with it. The
    bundle is a tagged PDF (title, language, the parts' headings and tables) for screen
    readers; a part that came untagged (a scan) is named in a note.

    \b
    Example:
      pepdocs bundle aisha-pep.pdf ehcp.pdf school-report.docx -o aisha-bundle.pdf
      PEP_PASSWORD='correct horse battery' \\
        pepdocs bundle aisha-pep.pdf ehcp.pdf -o aisha.pdf --password-env PEP_PASSWORD
    """
    secret = _password(password, password_file, password_env)
    from pepdocs.bundle import bundle as make_bundle

    notes: list[str] = []
    written = make_bundle(
        Path(pep_pdf),
        [Path(path) for path in attachments],
        output,
        password=secret,
        force=force,
        notes=notes,
    )
    parts = 1 + len(attachments)
    locked = ", encrypted (AES-256)" if secret is not None else ""
    click.echo(f"{written}: {parts} part(s) bundled{locked}", err=True)
    for note in notes:
        click.echo(f"  note: {note}", err=True)


COMMANDS = [bundle]
