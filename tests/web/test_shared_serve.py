"""``pepdocs serve --shared`` on the command line: other addresses only in shared mode,
shared mode only with an account that can sign in, shared-mode options refused in local
mode."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from pepdocs.cli import cli, main


def _exit(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    return int(stopped.value.code or 0), capsys.readouterr().err


def test_serve_help_shows_shared_mode_with_an_example() -> None:
    out = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "pepdocs serve --shared" in out and "--forwarded-allow-ips" in out


def test_another_address_needs_shared_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _exit(["serve", "--host", "0.0.0.0", "--db", f"{tmp_path}/s.db"], capsys)
    assert code == 2 and "only in shared mode (--shared" in err


def test_shared_options_are_refused_in_local_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _exit(["serve", "--server-name", "pep.example", "--db", f"{tmp_path}/s.db"],
                      capsys)
    assert code == 2 and "--server-name: for shared mode only" in err


def test_shared_mode_without_an_active_account_does_not_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _exit(["serve", "--shared", "--host", "0.0.0.0", "--db", f"{tmp_path}/s.db"],
                      capsys)
    assert code == 2 and "no active account can sign in" in err and "pepdocs users add" in err
