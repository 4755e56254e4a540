"""``pepdocs samples``: write synthetic, fictional PEPs for trying the tools out."""

from __future__ import annotations

import click

from pepdocs.cli.options import LibraryChoice
from pepdocs.model.phases import list_phases


def _sample_authorities() -> tuple[str, ...]:
    from pepdocs.samples import AUTHORITIES

    return AUTHORITIES


@click.command()
@click.option("-n", "--count", type=click.IntRange(min=1), required=True,
              help="How many PEPs to write.")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False), required=True,
              help="Folder for pep-0001.json, pep-0002.json ... (created if missing).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Same seed, same PEPs: PEP i depends only on the seed and i.")
@click.option("--authority", type=LibraryChoice(_sample_authorities),
              help="Only this (fictional) authority; default: a mix of all five.")
@click.option("--phase", type=LibraryChoice(list_phases), help="Only this phase; default: a mix.")
@click.option("--force", is_flag=True, help="Overwrite files that already exist.")
def samples(count: int, out_dir: str, seed: int, authority: str | None, phase: str | None,
            force: bool) -> None:
    """Write N synthetic PEPs as canonical JSON files.

    Every child, school, authority and contact is fictional, and every PEP validates:
    use them to try fill, extract and batch without touching real data. Nothing is
    written if any of the files exists, unless --force is given.

    \b
    Example:
      pepdocs samples -n 50 -o demo/
      pepdocs samples -n 10 -o eyfs/ --phase early_years --authority eastborough --seed 3
    """
    from pepdocs.samples import write_samples

    paths = write_samples(count, out_dir, seed, force, authority=authority, phase=phase)
    click.echo(f"{len(paths)} sample PEPs written to {out_dir} (seed {seed})")


COMMANDS = [samples]
