"""The ``pepdocs`` command line: a thin layer over the library.

Each ``commands_*.py`` module in this package defines click commands and lists them in
``COMMANDS``; they are registered here. Errors become messages in exactly one place,
:func:`main`: a ``PepdocsError`` prints one line (``error: ...``) and exits with its code
(1 for errors, 2 for usage); nothing prints a traceback.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from pepdocs._version import __version__
from pepdocs.errors import PepdocsError

_EPILOG = """\b
Examples:
  pepdocs validate samples/*.json
  pepdocs authorities
  pepdocs fill samples/pep-amara-okafor.json --authority northshire -o amara.docx
"""


@click.group(
    epilog=_EPILOG,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "--version", prog_name="pepdocs")
def cli() -> None:
    """Personal Education Plans: one canonical model, every authority's own form, both ways."""


def _register_commands() -> None:
    package_path = __path__
    for module_info in sorted(pkgutil.iter_modules(package_path), key=lambda m: m.name):
        if not module_info.name.startswith("commands_"):
            continue
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for command in getattr(module, "COMMANDS", ()):
            cli.add_command(command)


_register_commands()


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: run the CLI and turn errors into one line and an exit code."""
    try:
        # standalone_mode=False makes click *return* the code of ``ctx.exit(n)``.
        returned = cli.main(args=argv, prog_name="pepdocs", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.exceptions.Exit as stop:
        sys.exit(stop.exit_code)
    except click.ClickException as problem:
        problem.show()
        sys.exit(problem.exit_code)
    except PepdocsError as problem:
        click.echo(f"error: {problem}", err=True)
        sys.exit(problem.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    sys.exit(returned if isinstance(returned, int) else 0)
