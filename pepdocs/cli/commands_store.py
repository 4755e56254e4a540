"""Commands on the PEP record (docs/store.md): ``collect``, the workflow (``approve``,
``send-back``, ``lock``, ``mark-sent``, ``review``), ``history``, ``export`` and ``db``
(``upgrade``, ``info``, ``backup``, ``restore``, ``retention``).

Each parses options, opens the store (``--db``, else ``PEPDOCS_DB``, else the per-user
default) and calls one library function of :mod:`pepdocs.store`. Terminal lines carry LA child
ids, terms, states and field paths; the one exception is ``collect``'s table, which shows the
text a form holds where it could not be read (the person fixing it needs it): it goes to
standard output only, never to a log.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from pepdocs.cli.options import (
    as_of_option,
    db_option,
    mappings_option,
    term_option,
    user_option,
)

if TYPE_CHECKING:
    from pepdocs.store import CollectResult, StepResult, Store, TermKey


def _open(db: str | None, user: str | None = None) -> Store:
    from pepdocs.store import open_store

    return open_store(db, user=user)


def _short(text: str, width: int = 70) -> str:
    flat = " / ".join(part.strip() for part in text.splitlines() if part.strip())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


# -- collect ------------------------------------------------------------------------------------

_TABLE = ("CHILD", "TERM", "FILE", "WHAT", "FIELD", "TEXT")


def _table_rows(result: CollectResult) -> list[tuple[str, str, str, str, str, str]]:
    rows = [
        (item.child, item.term, item.file, item.what, item.path or "-", item.text)
        for item in result.attention
    ]
    for summary in result.no_return:
        rows.append(
            (summary.child, f"{summary.academic_year} {summary.term}", "-",
             f"no return ({summary.state.replace('_', ' ')})", "-", "")
        )
    return rows


@click.command()
@click.argument("directory", metavar="DIR", type=click.Path(exists=True, file_okay=False))
@db_option
@user_option
@as_of_option
@term_option
@mappings_option
@click.option(
    "--csv", "csv_path", type=click.Path(dir_okay=False),
    help="Also write the whole table (text not shortened) as CSV to this file.",
)
@click.option("--force", is_flag=True, help="Overwrite the CSV file if it exists.")
def collect(
    directory: str,
    db: str | None,
    user: str | None,
    as_of: dt.date,
    term: TermKey | None,
    mappings_dirs: tuple[str, ...],
    csv_path: str | None,
    force: bool,
) -> None:
    """Read every returned form in a folder into the PEP record, and list what needs a person.

    Each Word, Excel or PDF form in DIR (and its sub-folders) is matched to the form that was
    sent by the document id written into it, or, where that was stripped, by the child's LA
    child id or UPN and the PEP's term; it is stored as the PEP's next version (nothing is
    overwritten), checked as of --as-of, and the PEP moves to "returned". A form already
    collected is skipped, so running it again after a stop finishes the job.

    The table lists, per child: fields unparseable or invalid and text no field reads
    (unmapped), with the text the form holds; forms returned unchanged since pre-fill;
    forms matching no child; forms that could not be read; and children whose form has not
    come back. The table shows what the forms hold: it is for the person fixing them, so
    keep it out of logs and tickets. Exits 1 when a form could not be read.

    \b
    Example:
      pepdocs collect returned/ --db pepdocs.db --as-of 2026-01-20
      pepdocs collect returned/ --csv to-fix.csv
    """
    from pepdocs.batch.progress import progress_bar
    from pepdocs.store import collect as collect_forms
    from pepdocs.store import returned_files

    with _open(db, user) as store, progress_bar(len(returned_files(directory))) as progress:
        result = collect_forms(
            store, directory, as_of=as_of, term=term, mappings_dirs=mappings_dirs,
            progress=progress,
        )
    rows = _table_rows(result)
    if rows:
        widths = [
            max(len(header), *(len(_short(row[index], 60)) for row in rows))
            for index, header in enumerate(_TABLE[:-1])
        ]
        click.echo("  ".join(h.ljust(w) for h, w in zip(_TABLE, widths, strict=False)) + "  TEXT")
        for row in rows:
            cells = [
                _short(cell, 60).ljust(width) for cell, width in zip(row, widths, strict=False)
            ]
            click.echo("  ".join(cells) + "  " + _short(row[-1]))
    if csv_path:
        _write_csv(csv_path, [_TABLE, *rows], force)
    click.echo(result.summary(), err=True)
    if result.failed:
        raise SystemExit(1)


def _write_csv(path: str, rows: Sequence[Sequence[str]], force: bool) -> None:
    import csv
    import io

    from pepdocs._io import write_text_atomic
    from pepdocs.safety import export_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([export_cell(cell) for cell in row])
    written = write_text_atomic(path, "\ufeff" + buffer.getvalue(), force=force)
    click.echo(f"{written}: written", err=True)


# -- the workflow -------------------------------------------------------------------------------

_ACTIONS_ON_MANY = {
    "approve": ("returned", "in_review"),
    "lock": ("approved",),
    "send": ("prefilled",),
}


def _echo_step(step: StepResult) -> None:
    summary = step.summary
    click.echo(
        f"child {summary.child}, {summary.academic_year} {summary.term}: "
        f"{step.before.replace('_', ' ')} -> {step.after.replace('_', ' ')} "
        f"(version {summary.version})"
    )


def _steps(
    action: str,
    children: tuple[str, ...],
    every: bool,
    db: str | None,
    user: str | None,
    term: TermKey | None,
    authority: str | None,
    version: int | None,
) -> None:
    if every == bool(children):
        raise click.UsageError("name the children (LA child id or UPN), or give --all")
    if every and version is not None:
        raise click.UsageError("--version goes with one child")
    with _open(db, user) as store:
        if every:
            chosen = term or store.latest_term()
            if chosen is None:
                raise click.UsageError("the store holds no PEPs yet")
            done = store.step_many(action, chosen, _ACTIONS_ON_MANY[action])  # type: ignore[arg-type]
            for step in done:
                _echo_step(step)
            click.echo(f"{len(done)} PEPs of {chosen}", err=True)
            return
        for child in children:
            _echo_step(
                store.step(
                    child, action, term=term, authority=authority,  # type: ignore[arg-type]
                    expected_version=version,
                )
            )


_CHILDREN = click.argument("children", metavar="[CHILD]...", nargs=-1)
_ALL = click.option(
    "--all", "every", is_flag=True, help="Every PEP of the term in a state that allows it."
)
_AUTHORITY = click.option(
    "-a", "--authority", help="The child's authority, when the id is known in several."
)
_VERSION = click.option(
    "--version", "version", type=click.IntRange(min=1),
    help="The version you reviewed: refused if the PEP has moved on since.",
)


@click.command()
@_CHILDREN
@_ALL
@db_option
@user_option
@term_option
@_AUTHORITY
@_VERSION
def approve(
    children: tuple[str, ...], every: bool, db: str | None, user: str | None,
    term: TermKey | None, authority: str | None, version: int | None,
) -> None:
    """Approve returned PEPs (PP+ is released against an approved PEP in many authorities).

    CHILD is an LA child id or UPN; the PEP is the child's latest, or the one of --term.
    With --all, every PEP of the term that is returned or in review. Each step is a line in
    the audit log with who and when.

    \b
    Example:
      pepdocs approve 2015090 --db pepdocs.db
      pepdocs approve --all --term "2025-26 summer"
    """
    _steps("approve", children, every, db, user, term, authority, version)


@click.command("send-back")
@click.argument("child", metavar="CHILD")
@click.option(
    "--reason", required=True, help="What the school must change (kept in the audit log)."
)
@db_option
@user_option
@term_option
@_AUTHORITY
@_VERSION
def send_back(
    child: str, reason: str, db: str | None, user: str | None, term: TermKey | None,
    authority: str | None, version: int | None,
) -> None:
    """Return a PEP to the school with a reason; its next return is collected as a new version.

    The reason is kept in the store's audit log (it may name the child: it is never logged).

    \b
    Example:
      pepdocs send-back 2015090 --reason "Targets 2 and 3 have no date or measure"
    """
    from pepdocs.store import open_store

    with open_store(db, user=user) as store:
        _echo_step(
            store.send_back(
                child, reason, term=term, authority=authority, expected_version=version
            )
        )


@click.command()
@_CHILDREN
@_ALL
@db_option
@user_option
@term_option
@_AUTHORITY
def lock(
    children: tuple[str, ...], every: bool, db: str | None, user: str | None,
    term: TermKey | None, authority: str | None,
) -> None:
    """Lock approved PEPs: a locked PEP changes only by a new version (a new return).

    \b
    Example:
      pepdocs lock --all --term "2025-26 summer"
    """
    _steps("lock", children, every, db, user, term, authority, None)


@click.command("mark-sent")
@_CHILDREN
@_ALL
@db_option
@user_option
@term_option
@_AUTHORITY
def mark_sent(
    children: tuple[str, ...], every: bool, db: str | None, user: str | None,
    term: TermKey | None, authority: str | None,
) -> None:
    """Record that pre-filled forms went out to the schools (prefilled -> sent).

    \b
    Example:
      pepdocs mark-sent --all --term "2025-26 summer"
    """
    _steps("send", children, every, db, user, term, authority, None)


@click.command()
@click.argument("child", metavar="CHILD")
@db_option
@user_option
@term_option
@_AUTHORITY
def review(
    child: str, db: str | None, user: str | None, term: TermKey | None, authority: str | None
) -> None:
    """Start reviewing a returned PEP (returned -> in review), so others see it is taken.

    \b
    Example:
      pepdocs review 2015090
    """
    _steps("review", (child,), False, db, user, term, authority, None)


# -- history ------------------------------------------------------------------------------------


@click.command()
@click.argument("child", metavar="CHILD")
@db_option
@_AUTHORITY
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text",
    show_default=True, help="text for people, json for other tools.",
)
@click.option("--fields", is_flag=True, help="List every field each version changed.")
def history(
    child: str, db: str | None, authority: str | None, output_format: str, fields: bool
) -> None:
    """A child's PEPs: every version, and every step with who, when and what changed.

    Changes are listed field by field as paths (added, removed, changed); the values are
    in the versions themselves (pepdocs export --all-versions).

    \b
    Example:
      pepdocs history 2015090 --db pepdocs.db
      pepdocs history B992401123413 --fields
    """
    with _open(db) as store:
        found = store.history(child, authority)
    if output_format == "json":
        click.echo(json.dumps(_history_json(found), indent=2, ensure_ascii=False))
        return
    click.echo(f"child {found.child} ({found.authority})")
    for summary, versions in found.peps:
        click.echo(
            f"{summary.academic_year} {summary.term}: {summary.state.replace('_', ' ')}, "
            f"version {summary.version} ({summary.authority}/{summary.form or '-'})"
        )
        for version in versions:
            problems = ", ".join(f"{k} {v}" for k, v in version.problems.items())
            click.echo(
                f"  v{version.number}  {version.origin:<8} {_when(version.created_at)}  "
                f"{version.created_by}  rating {version.rating or '-'}"
                + (f"  ({problems})" if problems else "")
            )
    click.echo("log:")
    for entry in found.entries:
        term = f"{entry.academic_year} {entry.term}" if entry.academic_year else "-"
        line = f"  {_when(entry.at)}  {entry.actor}  {term}  {entry.action}"
        if entry.to_state:
            line += f": {(entry.from_state or 'new').replace('_', ' ')} -> "
            line += entry.to_state.replace("_", " ")
        if entry.version:
            line += f" (v{entry.version})"
        if entry.changes:
            kinds: dict[str, int] = {}
            for change in entry.changes:
                kinds[change["change"]] = kinds.get(change["change"], 0) + 1
            line += ": " + ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
        if entry.reason:
            line += f"; reason: {_short(entry.reason)}"
        click.echo(line)
        if fields:
            for change in entry.changes:
                click.echo(f"      {change['change']:<8} {change['path']}")


def _when(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _history_json(found: Any) -> dict[str, Any]:
    return {
        "child": found.child,
        "authority": found.authority,
        "peps": [
            {
                "academic_year": summary.academic_year,
                "term": summary.term,
                "state": summary.state,
                "version": summary.version,
                "versions": [
                    {
                        "number": version.number,
                        "origin": version.origin,
                        "created_at": version.created_at.isoformat() + "Z",
                        "created_by": version.created_by,
                        "rating": version.rating,
                        "document": version.document,
                        "problems": version.problems,
                    }
                    for version in versions
                ],
            }
            for summary, versions in found.peps
        ],
        "log": [
            {
                "at": entry.at.isoformat() + "Z",
                "actor": entry.actor,
                "action": entry.action,
                "academic_year": entry.academic_year,
                "term": entry.term,
                "version": entry.version,
                "from_state": entry.from_state,
                "to_state": entry.to_state,
                "reason": entry.reason,
                "changes": list(entry.changes),
            }
            for entry in found.entries
        ],
    }


# -- export -------------------------------------------------------------------------------------


@click.command()
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The file to write (.json, .csv or .xlsx).")
@db_option
@term_option
@click.option("--format", "output_format", type=click.Choice(["json", "csv", "xlsx"]),
              help="Default: from the file's suffix.")
@click.option(
    "--all-versions", is_flag=True, help="Every version, not only each PEP's current one."
)
@click.option("--redact", is_flag=True,
              help="Replace the people in every PEP by consistent pseudonyms (for sharing).")
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
def export(
    output: str, db: str | None, term: TermKey | None, output_format: str | None,
    all_versions: bool, redact: bool, force: bool,
) -> None:
    """Export the PEPs on record: JSON (each PEP whole), CSV or XLSX (a row per PEP version,
    a column per field path).

    The current version of each PEP, or --all-versions; every term, or --term. The file
    holds names unless --redact; it is written atomically, never over a file without --force.

    \b
    Example:
      pepdocs export -o peps.xlsx --db pepdocs.db
      pepdocs export -o shared.json --redact --term "2025-26 summer"
    """
    from pepdocs.store.export import export as export_peps

    with _open(db) as store:
        done = export_peps(
            store, output, output_format=output_format, term=term,
            all_versions=all_versions, redact=redact, force=force,
        )
    click.echo(f"{done.path}: {done.rows} PEP versions ({done.format})", err=True)


# -- db -----------------------------------------------------------------------------------------


@click.group()
def db() -> None:
    """The PEP record's database: schema upgrades, backups, retention.

    \b
    Example:
      pepdocs db info
      pepdocs db backup backups/2026-01-20 --db pepdocs.db
    """


@db.command("upgrade")
@db_option
def db_upgrade(db: str | None) -> None:
    """Bring the store's schema up to this pepdocs (done on open too).

    \b
    Example:
      pepdocs db upgrade --db postgresql://vs@dbhost/pepdocs
    """
    from pepdocs.store import locate
    from pepdocs.store.store import Store

    store = Store(locate(db), upgrade=False)
    try:
        from pepdocs.store.migrate import upgrade

        before, after = upgrade(store.engine)
    finally:
        store.close()
    click.echo(f"{store.describe()}: schema {before or 'none'} -> {after}")


@db.command("info")
@db_option
def db_info(db: str | None) -> None:
    """Where the store is, its schema, where its documents go, and how much it holds.

    \b
    Example:
      pepdocs db info
    """
    from pepdocs.store import SCHEMA_REVISION

    with _open(db) as store:
        counts = store.counts()
        by_state = store.peps_by_state()
    click.echo(f"store: {store.describe()}")
    click.echo(f"schema: {SCHEMA_REVISION}")
    folder = store.documents.folder
    click.echo(f"documents: {folder if folder is not None else 'in the database'}")
    click.echo(", ".join(f"{count} {what}" for what, count in counts.items()))
    for key, states in by_state.items():
        click.echo(f"{key}: " + ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in states.items()))


@db.command("backup")
@click.argument("folder", metavar="FOLDER", type=click.Path(file_okay=False))
@db_option
@click.option("--force", is_flag=True, help="Replace a backup already in FOLDER.")
def db_backup(folder: str, db: str | None, force: bool) -> None:
    """Back up the whole store (database and documents) into FOLDER, while it is in use.

    SQLite: the online backup API; PostgreSQL: pg_dump. Documents are copied by SHA-256,
    so backing up into the same folder again copies only new ones.

    \b
    Example:
      pepdocs db backup /secure/backups/pepdocs-2026-01-20
    """
    from pepdocs.store.backup import backup

    with _open(db) as store:
        done = backup(store, folder, force=force)
    click.echo(f"{done.database}: written; {done.documents} document files ({done.copied} copied)")


@db.command("restore")
@click.argument("folder", metavar="FOLDER", type=click.Path(exists=True, file_okay=False))
@db_option
@user_option
@click.option("--yes", is_flag=True, help="Replace the store's content (required).")
def db_restore(folder: str, db: str | None, user: str | None, yes: bool) -> None:
    """Replace the store's content by a backup made by pepdocs db backup.

    The backup is checked whole first (integrity, schema, every document's SHA-256); the
    restore is recorded in the audit log.

    \b
    Example:
      pepdocs db restore /secure/backups/pepdocs-2026-01-20 --yes
    """
    if not yes:
        raise click.UsageError("restoring replaces everything in the store: add --yes")
    from pepdocs.store.backup import restore

    with _open(db, user) as store:
        documents = restore(store, folder)
        click.echo(f"{store.describe()}: restored from {folder} ({documents} documents)")


@db.command("retention")
@click.option("--before", "before", required=True, metavar="DATE",
              help="Remove documents stored before this date (YYYY-MM-DD or DD/MM/YYYY).")
@db_option
@user_option
@click.option("--yes", is_flag=True, help="Remove them (without it, only list how many).")
def db_retention(before: str, db: str | None, user: str | None, yes: bool) -> None:
    """Remove the documents stored before a date (the authority's retention period), each
    with an audit line. Their file names and the raw text their extraction kept go too; the
    PEP versions and the audit log stay.

    \b
    Example:
      pepdocs db retention --before 2020-09-01
      pepdocs db retention --before 2020-09-01 --yes
    """
    from pepdocs.compliance import parse_as_of
    from pepdocs.store.retention import apply_retention

    day = parse_as_of(before)
    with _open(db, user) as store:
        result = apply_retention(store, day, apply=yes)
    if yes:
        click.echo(
            f"{len(result.documents)} documents stored before {day.isoformat()} removed "
            f"({result.files_removed} files or blobs)"
        )
    else:
        click.echo(
            f"{len(result.documents)} documents stored before {day.isoformat()} would be "
            "removed; add --yes to remove them"
        )


COMMANDS = [collect, approve, send_back, lock, mark_sent, review, history, export, db]
