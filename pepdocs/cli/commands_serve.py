"""``pepdocs serve``: the Virtual School workbench in a browser (docs/workbench.md).

Local mode only: the server listens on this computer (127.0.0.1) and prints a one-time
sign-in link for the person who started it, who acts as a Virtual School officer (their name
goes in the audit log). Shared mode, with accounts, is not built yet, so other addresses are
refused rather than served without sign-in.
"""

from __future__ import annotations

import datetime as dt

import click

from pepdocs.cli.options import db_option, user_option
from pepdocs.errors import UsageError

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@db_option
@user_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on: this computer only (shared mode is not built).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535),
              help="The port to listen on.")
def serve(db: str | None, user: str | None, host: str, port: int) -> None:
    """Open the PEP workbench in your browser: the term's dashboard, the children, each
    child's PEP versions and findings, returned forms to upload and review, approve or send
    back.

    \b
    Prints a sign-in link: open it in your browser (it works once, for 15 minutes; start
    the server again for a new one). Stop the server with Ctrl+C.

    \b
    Examples:
      pepdocs serve
      pepdocs serve --db term.db --port 8800
    """
    if host not in _LOOPBACK:
        raise UsageError(
            f"--host {host}: the workbench serves this computer only (127.0.0.1) until shared "
            "mode, with accounts, is built"
        )
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


COMMANDS = [serve]
