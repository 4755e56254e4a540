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


def _served_login_cookie(db: Path, forwarded_allow_ips: str) -> tuple[str, str]:
    """``pepdocs serve --shared`` run for real (uvicorn), asked for /login as a TLS proxy on
    this machine would ask: the cookie it sets, and the Host check's answer to a stranger."""
    import subprocess
    import sys
    from http.client import HTTPConnection
    from urllib.parse import urlsplit

    from tests.web.test_shared_browser import serving_shared

    done = subprocess.run(
        [sys.executable, "-m", "pepdocs", "users", "add", "ola", "--name", "Ola", "--role",
         "officer", "--password-stdin", "--db", str(db)],
        input="correct horse battery\n", capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    with serving_shared(db, "--forwarded-allow-ips", forwarded_allow_ips,
                        "--server-name", "pep.example") as base:
        answers = []
        for headers in (
            {"Host": "pep.example", "X-Forwarded-Proto": "https",
             "X-Forwarded-For": "203.0.113.9"},
            {"Host": "evil.example"},
        ):
            address = urlsplit(base)
            connection = HTTPConnection(address.hostname or "", address.port, timeout=60)
            connection.request("GET", "/login", headers=headers)
            answer = connection.getresponse()
            answers.append((answer.status, answer.getheader("set-cookie") or ""))
            connection.close()
    (status, cookie), (stranger, _) = answers
    assert status == 200
    return cookie, str(stranger)


def test_behind_a_trusted_proxy_saying_https_the_cookie_is_secure(tmp_path: Path) -> None:
    cookie, stranger = _served_login_cookie(tmp_path / "s.db", "127.0.0.1")
    assert "pepdocs_login=" in cookie and "Secure" in cookie and "HttpOnly" in cookie
    assert stranger == "400"


def test_an_untrusted_proxy_cannot_claim_https(tmp_path: Path) -> None:
    cookie, _ = _served_login_cookie(tmp_path / "s.db", "192.0.2.1")
    assert "pepdocs_login=" in cookie and "Secure" not in cookie
