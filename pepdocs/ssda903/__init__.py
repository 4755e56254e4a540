"""SSDA903 ("903") data: the children-looked-after return every English authority's
case-management system exports, read and checked (docs/ssda903.md).

``load_903(folder_or_xml)`` reads the CSV set (files recognised by their columns) or the XML
form into a :class:`Return903`: each child's header, episodes, reviews and UASC status, the
other tables as checked rows, and every problem at its file, row and column.
"""

from pepdocs.ssda903.codes import (
    CodeBook,
    CodeList903,
    collection_year_of,
    load_codebook,
    year_label,
)
from pepdocs.ssda903.kinds import KINDS, FileKind
from pepdocs.ssda903.problems import summarise_problems, write_problems
from pepdocs.ssda903.read import load_903, parse_903_date
from pepdocs.ssda903.records import (
    Child903,
    DataProblem,
    Episode,
    FileRead,
    Record,
    Return903,
    Review,
    Source,
    UascStatus,
)

__all__ = [
    "KINDS",
    "Child903",
    "CodeBook",
    "CodeList903",
    "DataProblem",
    "Episode",
    "FileKind",
    "FileRead",
    "Record",
    "Return903",
    "Review",
    "Source",
    "UascStatus",
    "collection_year_of",
    "load_903",
    "load_codebook",
    "parse_903_date",
    "summarise_problems",
    "write_problems",
    "year_label",
]
