"""Batch pre-population: a roster (and last term's PEPs) -> every child's pre-filled form.

``run_batch(roster, BatchOptions(out_dir=...))`` is the library entry point behind
``pepdocs batch``; docs/scaling.md has the measured costs and how it scales.
"""

from pepdocs.batch.manifest import MANIFEST_COLUMNS, STATUSES, Entry, read_manifest
from pepdocs.batch.rollforward import index_previous, roll_forward
from pepdocs.batch.roster import COLUMNS, Roster, RosterRow, open_roster
from pepdocs.batch.runner import (
    BatchOptions,
    BatchRecorder,
    BatchResult,
    document_id_for,
    output_name,
    run_batch,
)

# Terms are the compliance calendar's (one definition); the batch names the one it fills for.
from pepdocs.compliance.calendar import next_term, term_of

__all__ = [
    "COLUMNS",
    "MANIFEST_COLUMNS",
    "STATUSES",
    "BatchOptions",
    "BatchRecorder",
    "BatchResult",
    "Entry",
    "Roster",
    "RosterRow",
    "document_id_for",
    "index_previous",
    "next_term",
    "open_roster",
    "output_name",
    "read_manifest",
    "roll_forward",
    "run_batch",
    "term_of",
]
