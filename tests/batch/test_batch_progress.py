"""The progress bar: drawn on a terminal, absent when output is piped, never personal."""

from __future__ import annotations

import io

from pepdocs.batch.progress import progress_bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_with_counts_only() -> None:
    stream = Terminal()
    with progress_bar(10, stream=stream) as advance:
        advance(4)
        advance(6)
    shown = stream.getvalue()
    assert "Making forms" in shown
    assert "10/10" in shown


def test_piped_output_gets_nothing() -> None:
    stream = io.StringIO()
    with progress_bar(10, stream=stream) as advance:
        advance(10)
    assert stream.getvalue() == ""


def test_an_unknown_length_draws_nothing_rather_than_guessing() -> None:
    stream = Terminal()
    with progress_bar(None, stream=stream) as advance:
        advance(3)
    assert stream.getvalue() == ""
