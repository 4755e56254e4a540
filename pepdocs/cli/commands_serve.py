"""``pepdocs serve``: the Virtual School workbench in a browser (docs/workbench.md).

Local mode (the default): the server listens on this computer (127.0.0.1) and prints a
one-time sign-in link for the person who started it, who acts as a Virtual School officer
(their name goes in the audit log). Shared mode (``--shared``): people sign in with the
accounts ``pepdocs users`` keeps, and the server may listen on other addresses; it belongs
behind a reverse proxy that terminates TLS. Without ``--shared`` any address but this
computer's is refused: nothing would stand between the network and the record.
"""

from __future__ import annotations

import datetime as dt
import socket

import click

from pepdocs.cli.options import db_option, user_option
from pepdocs.errors import UsageError

_LOOPBACK = ("127.0.0.1", "localhost", "::1")
_WILDCARD = ("0.0.0.0", "::", "")


def _server_names(host: str, given: tuple[str, ...]) -> list[str]:
    """The Host names the shared workbench answers to: those given, else this machine's
    names (and the address it listens on); this computer's always."""
    names = list(given)
    if not names:
        names = [socket.gethostname(), socket.getfqdn()]
        if host not in _WILDCARD:
            names.append(host)
    return sorted({name.lower() for name in [*names, "127.0.0.1", "localhost", "[::1]"] if name})


@click.command()
@db_option
@user_option
@click.option("--shared", is_flag=True,
              help="Shared mode: people sign in with their accounts (pepdocs users) instead of a "
              "one-time link, and --host may be another address.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on: this computer only, unless --shared "
              "(0.0.0.0: every address).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535),
              help="The port to listen on.")
@click.option("--server-name", "server_names", multiple=True, metavar="NAME",
              help="Shared mode: a name people reach the server by, as the browser sends it "
              "(repeatable; default this machine's names). Other names get 400.")
@click.option("--forwarded-allow-ips", default="127.0.0.1", show_default=True, metavar="IPS",
              help="Shared mode: the reverse proxies (comma-separated addresses, or *) trusted "
              "to say the client's address and that it came over https (X-Forwarded-For, "
              "X-Forwarded-Proto).")
@click.option("--https-only", is_flag=True,
              help="Shared mode: mark the session cookie Secure whatever the proxy says.")
@click.option("--certfile", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Shared mode: serve https directly with this certificate (PEM) ...")
@click.option("--keyfile", type=click.Path(exists=True, dir_okay=False), default=None,
              help="... and this private key (PEM).")
def serve(db: str | None, user: str | None, shared: bool, host: str, port: int,
          server_names: tuple[str, ...], forwarded_allow_ips: str, https_only: bool,
          certfile: str | None, keyfile: str | None) -> None:
    """Open the PEP workbench in your browser: the term's dashboard, the children, each
    child's PEP versions and findings, returned forms to upload and review, approve or send
    back.

    \b
    Local mode (the default) prints a sign-in link: open it in your browser (it works once,
    for 15 minutes; start the server again for a new one). Shared mode (--shared) asks each
    person for their username and password (accounts: pepdocs users add). Stop the server
    with Ctrl+C.

    \b
    Examples:
      pepdocs serve
      pepdocs serve --db term.db --port 8800
      pepdocs serve --shared --db postgresql://vs@dbhost/pepdocs --host 0.0.0.0 \\
          --server-name pep.eastborough.example --forwarded-allow-ips 10.0.0.5
    """
    if not shared:
        if host not in _LOOPBACK:
            raise UsageError(
                f"--host {host}: other computers may reach the workbench only in shared mode "
                "(--shared, with accounts: pepdocs users add)"
            )
        extra = [name for name, given in (
            ("--server-name", server_names), ("--https-only", https_only),
            ("--certfile", certfile), ("--keyfile", keyfile)) if given]
        if extra:
            raise UsageError(f"{extra[0]}: for shared mode only (--shared)")
        _serve_local(db, user, host, port)
        return
    if (certfile is None) != (keyfile is None):
        raise UsageError("--certfile and --keyfile go together")
    _serve_shared(db, user, host, port, _server_names(host, server_names), forwarded_allow_ips,
                  https_only or certfile is not None, certfile, keyfile)


def _serve_local(db: str | None, user: str | None, host: str, port: int) -> None:
    import threading

    import uvicorn

    from pepdocs.store import open_store
    from pepdocs.web import Principal, create_app, sign_in_link

    with open_store(db, user=user) as store:
        app = create_app(store)
        # the dashboard's overdue list is worked out from every PEP: start on it now
        threading.Thread(
            target=app.state.workbench.overdue, args=(dt.date.today(),), daemon=True
        ).start()
        shown = "127.0.0.1" if host == "localhost" else host
        base = f"http://[{shown}]:{port}" if ":" in shown else f"http://{shown}:{port}"
        link = sign_in_link(app, base, Principal(store.user, "officer"))
        click.echo(f"PEP workbench on {base} (store: {store.describe()})")
        click.echo(f"Sign in (once, within 15 minutes): {link}", nl=True)
        click.echo("Stop with Ctrl+C.")
        # access_log off: request lines would print the sign-in link's token
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


def _serve_shared(
    db: str | None, user: str | None, host: str, port: int, names: list[str],
    forwarded_allow_ips: str, secure: bool, certfile: str | None, keyfile: str | None,
) -> None:
    import threading

    import uvicorn

    from pepdocs.store import open_store
    from pepdocs.store.accounts import Accounts
    from pepdocs.web.auth_app import create_shared_app

    with open_store(db, user=user) as store:
        if not Accounts(store).any_enabled():
            raise UsageError(
                f"{store.describe()}: no active account can sign in: add one first "
                "(pepdocs users add NAME --name \"...\" --role officer)"
            )
        app = create_shared_app(store, secure=secure, hosts=names)
        threading.Thread(
            target=app.state.workbench.overdue, args=(dt.date.today(),), daemon=True
        ).start()
        scheme = "https" if certfile else "http"
        shown = f"[{host}]" if ":" in host else host
        click.echo(f"PEP workbench (shared) on {scheme}://{shown}:{port} "
                   f"(store: {store.describe()})")
        click.echo(f"Answers to: {', '.join(names)}; sign in at /login with an account "
                   "(pepdocs users list).")
        if certfile is None and host not in _LOOPBACK:
            click.echo("Warning: plain http on the network: put it behind a reverse proxy "
                       "that terminates TLS (docs/workbench.md), or give --certfile/--keyfile.",
                       err=True)
        click.echo("Stop with Ctrl+C.")
        uvicorn.run(
            app, host=host, port=port, log_level="warning", access_log=False,
            proxy_headers=True, forwarded_allow_ips=forwarded_allow_ips,
            ssl_certfile=certfile, ssl_keyfile=keyfile,
        )


COMMANDS = [serve]
