"""A progress bar for long batches: on a terminal only, and nothing personal in it.

Piped or redirected output (cron, CI, ``> log.txt``) gets no bar at all: a bar redrawn with
carriage returns is noise in a log file. The bar shows counts and time only, never a child's
name or id.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import TextIO

import click

__all__ = ["progress_bar"]


def _quiet(done: int) -> None:
    """No terminal: report nothing."""


@contextlib.contextmanager
def progress_bar(
    total: int | None, label: str = "Making forms", stream: TextIO | None = None
) -> Iterator[Callable[[int], None]]:
    """A callback taking the number of rows just finished; draws a bar on a terminal."""
    output = stream if stream is not None else sys.stderr
    if not output.isatty() or not total:
        yield _quiet
        return
    with click.progressbar(
        length=total, label=label, file=output, show_pos=True, show_eta=True
    ) as bar:
        yield bar.update
