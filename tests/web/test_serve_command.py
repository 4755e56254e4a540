"""``pepdocs serve`` on the command line: its help shows how to start it, and it refuses to
listen beyond this computer in local mode (tests/web/test_shared_serve.py: shared mode)."""

from __future__ import annotations

from click.testing import CliRunner

from pepdocs.cli import cli


def test_serve_help_shows_an_example() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "pepdocs serve --db term.db" in result.output


def test_serve_refuses_to_listen_beyond_this_computer(tmp_path: object) -> None:
    import pytest

    from pepdocs.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["serve", "--host", "0.0.0.0", "--db", f"{tmp_path}/s.db"])
    assert stopped.value.code == 2
