"""The answers a page gives instead of itself: not signed in (401), not visible (404: the
page does not exist or this person may not see it, told apart by nobody), refused (403: a
POST without this session's CSRF token, or from another origin)."""

from __future__ import annotations

__all__ = ["NotSignedIn", "NotVisible", "Refused"]


class NotVisible(Exception):
    """Answered with 404: the page does not exist, or this person may not see it."""


class NotSignedIn(Exception):
    """Answered with 401 and how to sign in."""


class Refused(Exception):
    """A POST without this session's CSRF token or from another origin: 403."""
