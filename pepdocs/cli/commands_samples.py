"""``pepdocs samples``: write synthetic, fictional PEPs for trying the tools out."""

from __future__ import annotations

import click

from pepdocs.cli.options import LibraryChoice
from pepdocs.model.phases import list_phases


def _sample_authorities() -> tuple[str, ...]:
    from pepdocs.samples import AUTHORITIES

    return AUTHORITIES


@click.command()
@click.option("-n", "--count", type=click.IntRange(min=1),
              help="How many PEPs to write.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False), required=True,
              help="Folder for pep-0001.json, pep-0002.json ... (created if missing).")
@click.option("--returns", "batch_dir", metavar="BATCH-DIR",
              type=click.Path(exists=True, file_okay=False),
              help="Instead: the forms a batch wrote to BATCH-DIR, filled in as schools would, "
              "some with problems (for trying pepdocs collect).")
@click.option("--meeting-date", metavar="DATE",
              help="With --returns: the day the PEP meetings were held (YYYY-MM-DD).")
@click.option("--every", type=click.IntRange(min=0), default=7, show_default=True,
              help="With --returns: every Nth form brings one of the problems (0: none).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Same seed, same PEPs: PEP i depends only on the seed and i.")
@click.option("--authority", type=LibraryChoice(_sample_authorities),
              help="Only this (fictional) authority; default: a mix of all five.")
@click.option("--phase", type=LibraryChoice(list_phases), help="Only this phase; default: a mix.")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def samples(count: int | None, out_dir: str, seed: int, authority: str | None,
            phase: str | None, force: bool, batch_dir: str | None, meeting_date: str | None,
            every: int) -> None:
    """Write N synthetic PEPs as canonical JSON files.

    Every child, school, authority and contact is fictional, and every PEP validates:
    use them to try fill, extract and batch without touching real data. Nothing is
    written if any of the files exists, unless --force is given.

    With --returns, the forms a batch wrote are filled in as schools would (meeting held,
    form completed, the child's view, a new target) and written to the output folder with
    their document ids, every Nth bringing a problem in turn: returned as sent, a date
    nobody can read, a UPN with a wrong check letter, retyped without its document id, not
    returned; plus one form for a child the batch never made.

    \b
    Example:
      pepdocs samples -n 50 -o demo/
      pepdocs samples -n 10 -o eyfs/ --phase early_years --authority eastborough --seed 3
      pepdocs samples --returns term/ -o returned/ --meeting-date 2026-05-11 --every 2
    """
    if batch_dir is not None:
        if count is not None or authority or phase:
            raise click.UsageError("--returns makes a return per form: no -n, --authority, --phase")
        _returns(batch_dir, out_dir, seed, meeting_date, every, force)
        return
    if count is None:
        raise click.UsageError("give -n N (how many PEPs), or --returns BATCH-DIR")
    from pepdocs.samples import write_samples

    paths = write_samples(count, out_dir, seed, force, authority=authority, phase=phase)
    click.echo(f"{len(paths)} sample PEPs written to {out_dir} (seed {seed})")


def _returns(
    batch_dir: str, out_dir: str, seed: int, meeting_date: str | None, every: int, force: bool
) -> None:
    import datetime as dt

    from pepdocs.batch.returns import make_returns
    from pepdocs.compliance import parse_as_of

    meeting = parse_as_of(meeting_date) if meeting_date else dt.date.today()
    made = make_returns(batch_dir, out_dir, meeting=meeting, seed=seed, every=every, force=force)
    click.echo(f"{out_dir}: {made.summary()}")


COMMANDS = [samples]
