"""The term as a workflow: the states a PEP moves through and the one table of the steps
allowed between them. Each step taken is a line in the audit log.

::

    (new) --prefill--> prefilled --send--> sent --return--> returned --review--> in_review
                                                   returned / in_review --approve--> approved
                                 returned / in_review / approved --send_back--> returned_to_school
                                                     returned_to_school --return--> returned
                                                              approved --lock--> locked

A locked PEP changes only by a new version: a form returned after the lock (``return``) is
stored as the next version and the PEP goes back to ``returned`` for review, while the
version that was locked stays recorded (``peps.locked_version``); approving, sending back or
locking it again are refused until then.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pepdocs.store.errors import TransitionError

__all__ = ["ACTIONS", "STATES", "TRANSITIONS", "Action", "State", "allowed", "next_state"]

State = Literal[
    "prefilled", "sent", "returned", "in_review", "returned_to_school", "approved", "locked"
]
Action = Literal["prefill", "send", "return", "review", "send_back", "approve", "lock"]

#: the states in the order a term moves through them
STATES: tuple[State, ...] = (
    "prefilled",
    "sent",
    "returned",
    "in_review",
    "returned_to_school",
    "approved",
    "locked",
)
ACTIONS: tuple[Action, ...] = (
    "prefill", "send", "return", "review", "send_back", "approve", "lock"
)

#: (state before, or None for a PEP not yet in the store; action) -> state after
TRANSITIONS: Mapping[tuple[State | None, Action], State] = {
    (None, "prefill"): "prefilled",
    ("prefilled", "prefill"): "prefilled",
    ("sent", "prefill"): "prefilled",
    ("prefilled", "send"): "sent",
    (None, "return"): "returned",
    ("prefilled", "return"): "returned",
    ("sent", "return"): "returned",
    ("returned", "return"): "returned",
    ("in_review", "return"): "returned",
    ("returned_to_school", "return"): "returned",
    ("approved", "return"): "returned",
    ("locked", "return"): "returned",
    ("returned", "review"): "in_review",
    ("returned", "send_back"): "returned_to_school",
    ("in_review", "send_back"): "returned_to_school",
    ("approved", "send_back"): "returned_to_school",
    ("returned", "approve"): "approved",
    ("in_review", "approve"): "approved",
    ("approved", "lock"): "locked",
}

_DOING = {
    "prefill": "pre-fill",
    "send": "mark as sent",
    "return": "take a return for",
    "review": "start reviewing",
    "send_back": "send back",
    "approve": "approve",
    "lock": "lock",
}


def allowed(state: State | None, action: Action) -> bool:
    """True when ``action`` may be taken on a PEP in ``state``."""
    return (state, action) in TRANSITIONS


def next_state(state: State | None, action: Action, what: str = "the PEP") -> State:
    """The state ``action`` leads to from ``state``; ``TransitionError`` (naming ``what``,
    the states it may be taken from) when the table does not allow it."""
    found = TRANSITIONS.get((state, action))
    if found is not None:
        return found
    sources = [before for (before, step) in TRANSITIONS if step == action and before]
    now = state.replace("_", " ") if state else "not in the store"
    return_hint = (
        "; a locked PEP changes only by a new version (collect a new return)"
        if state == "locked"
        else ""
    )
    raise TransitionError(
        f"{what}: cannot {_DOING[action]} it while it is {now} (only when "
        f"{' or '.join(source.replace('_', ' ') for source in sources)}){return_hint}"
    )
