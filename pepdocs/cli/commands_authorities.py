"""``pepdocs authorities``: which authority forms pepdocs knows, and where they come from."""

from __future__ import annotations

import json

import click

from pepdocs.cli.options import mappings_option

_COLUMNS = ("AUTHORITY", "NAME", "FORM", "KIND", "VERSION", "TEMPLATE")


@click.command()
@mappings_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON for programs instead.")
def authorities(mappings_dirs: tuple[str, ...], as_json: bool) -> None:
    """List the authorities and their forms (one row per form).

    FORM is the phase the form is for, with any further phases it also serves in
    brackets; TEMPLATE is the blank form's file ('missing' when it cannot be found).
    A mapping file in a --mappings folder replaces a shipped one for the same authority
    and form.

    \b
    Example:
      pepdocs authorities
      pepdocs authorities --mappings ./my-mappings
      pepdocs authorities --json | jq '.[].forms[].form'
    """
    from pepdocs.mapping.registry import list_authorities, mapping_dirs

    found = list_authorities(mappings_dirs)
    if as_json:
        click.echo(json.dumps([a.to_dict() for a in found], indent=2, ensure_ascii=False))
        return
    if not found:
        searched = ", ".join(str(path) for path in mapping_dirs(mappings_dirs))
        click.echo(f"No authority mappings found (searched: {searched}).")
        return
    rows = [_COLUMNS]
    for authority in found:
        for form in authority.forms:
            extra = [phase for phase in form.covers if phase != form.form]
            rows.append(
                (
                    form.authority,
                    form.name,
                    form.form + (f" (+{', '.join(extra)})" if extra else ""),
                    form.kind,
                    form.version or "-",
                    form.template.name + ("" if form.template_found else " (missing)"),
                )
            )
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    for row in rows:
        click.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


COMMANDS = [authorities]
