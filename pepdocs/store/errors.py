"""What the store refuses, as one-line errors (subclasses of the one root, PepdocsError)."""

from __future__ import annotations

from pepdocs.errors import PepdocsError, UsageError

__all__ = [
    "ConcurrentEditError",
    "NotFoundError",
    "SchemaError",
    "StoreError",
    "TransitionError",
]


class StoreError(PepdocsError):
    """The store cannot do what was asked (it cannot be opened, a record is missing...)."""


class NotFoundError(UsageError):
    """No child, PEP or document of that name in the store."""


class TransitionError(PepdocsError):
    """A workflow step that the PEP's state does not allow (approving a locked PEP)."""


class ConcurrentEditError(PepdocsError):
    """Someone else changed the PEP since it was read: nothing was written; read it again."""


class SchemaError(StoreError):
    """The database's schema is not one this pepdocs knows (made by a newer version)."""
