"""Helpers for the 903 tests: where the shipped exports are, and small exports built in code."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
#: the validator's fake export (MIT): the CSV set and, separately, the XML form
SHIPPED = DATA / "ssda903"
SHIPPED_XML = SHIPPED / "fake_903.xml"
#: the small exports written for the chaining rules
CASES = DATA / "ssda903-cases"

HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB"
EPISODES = (
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN"
)
REVIEWS = "CHILD,DOB,REVIEW,REVIEW_CODE"


def write_export(folder: Path, files: Mapping[str, Sequence[str]]) -> Path:
    """A folder holding one CSV file per entry: ``{"a.csv": [header, row, ...]}``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, lines in files.items():
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def episode(
    child: str,
    start: str,
    rne: str,
    ls: str,
    place: str,
    end: str = "",
    rec: str = "",
    provider: str = "PR1",
    urn: str = "SC100001",
) -> str:
    return f"{child},{start},{rne},{ls},N1,{place},{provider},{end},{rec},,,,{urn}"
