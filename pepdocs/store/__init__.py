"""The PEP record: every form sent and returned, every version, every decision, on a real
database (SQLite by default, PostgreSQL for an authority with several users).

``open_store()`` gives a :class:`Store` (docs/store.md): the workflow (approve, send back,
lock), queries for dashboards (PEPs by state per term, overdue, returns outstanding, a
child's history), ``collect`` of a folder of returned forms, what ``batch`` sends (its
recorder), export, backup and restore, retention. This package loads SQLAlchemy: nothing
imports it until a command or a caller uses the store.
"""

from pepdocs.store.collect import Attention, Collector, CollectResult, collect, returned_files
from pepdocs.store.errors import (
    ConcurrentEditError,
    NotFoundError,
    SchemaError,
    StoreError,
    TransitionError,
)
from pepdocs.store.location import DB_ENV, DOCUMENTS_ENV, StoreLocation, default_database, locate
from pepdocs.store.migrate import SCHEMA_REVISION
from pepdocs.store.recording import StoreRecorder
from pepdocs.store.records import TermKey, parse_term
from pepdocs.store.store import (
    ChildHistory,
    PepSummary,
    StepResult,
    Store,
    StoredPep,
    open_store,
)
from pepdocs.store.workflow import ACTIONS, STATES, TRANSITIONS, next_state

__all__ = [
    "ACTIONS",
    "DB_ENV",
    "DOCUMENTS_ENV",
    "SCHEMA_REVISION",
    "STATES",
    "TRANSITIONS",
    "Attention",
    "ChildHistory",
    "CollectResult",
    "Collector",
    "ConcurrentEditError",
    "NotFoundError",
    "PepSummary",
    "SchemaError",
    "StepResult",
    "Store",
    "StoreError",
    "StoreLocation",
    "StoreRecorder",
    "StoredPep",
    "TermKey",
    "TransitionError",
    "collect",
    "default_database",
    "locate",
    "next_state",
    "open_store",
    "parse_term",
    "returned_files",
]
