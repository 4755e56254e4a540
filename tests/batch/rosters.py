"""Small fictional rosters built in code for the batch tests (every name, id and school is
invented; UPNs get real check letters so that only the rows meant to be bad are bad)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from pepdocs.model.identifiers import upn_check_letter

HEADERS = (
    "LA Child ID",
    "Forename",
    "Surname",
    "DOB",
    "Gender",
    "UPN",
    "Legal Status",
    "Placement Type",
    "Placement Start",
    "Carer Name",
    "Social Worker",
    "School",
    "URN",
    "NCY",
    "Designated Teacher",
    "SEN Status",
    "Authority",
    "Phase",
)


def upn(rest12: str) -> str:
    """A valid UPN ending in ``rest12`` (the check letter computed)."""
    return upn_check_letter(rest12) + rest12


def child(number: int, **changes: str) -> dict[str, str]:
    """One fictional Year 5 child of Northshire; ``changes`` replace cells by header."""
    row = {
        "LA Child ID": f"90{number:05d}",
        "Forename": f"Testchild{number}",
        "Surname": "Fictional",
        "DOB": "14/03/2016",
        "Gender": "Female",
        "UPN": upn(f"99120221{number:04d}"),
        "Legal Status": "C2",
        "Placement Type": "U4",
        "Placement Start": "02/09/2024",
        "Carer Name": "Pat Example",
        "Social Worker": "Sam Example",
        "School": "Nowhere Primary School",
        "URN": "991299",
        "NCY": "Year 5",
        "Designated Teacher": "Dana Example",
        "SEN Status": "No SEN",
        "Authority": "northshire",
        "Phase": "school_age",
    }
    row.update(changes)
    return row


def csv_text(rows: Sequence[Mapping[str, str]], headers: Sequence[str] = HEADERS) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(headers), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({header: row.get(header, "") for header in headers})
    return buffer.getvalue()


def write_roster(
    path: Path,
    rows: Sequence[Mapping[str, str]],
    headers: Sequence[str] = HEADERS,
    encoding: str = "utf-8",
) -> Path:
    path.write_bytes(csv_text(rows, headers).encode(encoding))
    return path
