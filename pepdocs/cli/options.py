"""Options several commands share, defined once so that they read and behave alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import click

from pepdocs.mapping.registry import ENV_VAR

#: ``--mappings DIR`` (repeatable): extra folders of mapping files, before the shipped ones.
#: A folder that is not there is the registry's one-line error (exit 2), as for the same
#: folder named in the environment variable.
mappings_option = click.option(
    "--mappings",
    "mappings_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Extra folder of mapping files, searched before the shipped ones (repeatable; "
    f"also env {ENV_VAR}, a list separated like PATH).",
)

if TYPE_CHECKING:
    # Choice is generic from click 8.5; earlier 8.x cannot subscript it at run time.
    _TextChoice = click.Choice[str]
else:
    _TextChoice = click.Choice


class LibraryChoice(_TextChoice):
    """A ``click.Choice`` whose choices the library owns (the phases, the output formats),
    asked for only when a command's help is shown or its options are parsed: listing them
    must not load the module that defines them each time ``pepdocs`` starts."""

    def __init__(self, load: Callable[[], Sequence[str]]) -> None:
        self._load = load
        super().__init__((), case_sensitive=True)

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(self._load())

    @choices.setter
    def choices(self, _given: Sequence[Any]) -> None:
        # click's __init__ stores the (empty) choices it is given; the library's stand.
        pass


def _as_of(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    # The compliance package (bank holidays, the report workbook) loads only when a command
    # runs, never for --help.
    from pepdocs.compliance import parse_as_of

    return parse_as_of(value) if value else dt.date.today()


#: ``--as-of DATE``: the day deadlines are judged on (and a 903 cohort taken), default today.
as_of_option = click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    callback=_as_of,
    help="Judge deadlines as of this date (YYYY-MM-DD or DD/MM/YYYY); default today.",
)


#: ``--db DB``: the PEP record (docs/store.md): a SQLite file or a database URL. Without it,
#: ``PEPDOCS_DB``, else the per-user default (commands that need a store) or no store at all
#: (``batch``, ``check``, ``due`` and ``report`` on files).
db_option = click.option(
    "--db",
    "db",
    metavar="DB",
    help="The PEP record: a SQLite file or a URL (sqlite:///FILE, postgresql://USER@HOST/DB); "
    "default $PEPDOCS_DB, else pepdocs.db in your data folder.",
)

#: ``--user NAME``: who is acting, for the audit log.
user_option = click.option(
    "--user",
    "user",
    metavar="NAME",
    help="Who is acting, for the audit log (default $PEPDOCS_USER, else your login name).",
)


def _term(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    from pepdocs.store import parse_term

    return parse_term(value)


#: ``--term "2025-26 spring"``: one term of the store.
term_option = click.option(
    "--term",
    "term",
    metavar="YEAR TERM",
    callback=_term,
    help='An academic year and term, as "2025-26 spring" (default: the latest the store holds).',
)
