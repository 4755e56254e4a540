"""The term's workflow is one table: every state can be reached, each step leads where the
table says, and a step the table does not allow is refused with the states it needs."""

from __future__ import annotations

import pytest

from pepdocs.store import ACTIONS, STATES, TRANSITIONS, TransitionError, next_state


def test_every_state_is_reached_from_a_new_pep() -> None:
    reached: set[str | None] = {None}
    while True:
        more = {after for (before, _), after in TRANSITIONS.items() if before in reached}
        if more <= reached:
            break
        reached |= more
    assert reached - {None} == set(STATES)


def test_the_term_goes_from_pre_filled_to_locked() -> None:
    state = None
    for action in ("prefill", "send", "return", "review", "send_back", "return", "approve",
                   "lock"):
        state = next_state(state, action)  # type: ignore[arg-type]
    assert state == "locked"


def test_a_locked_pep_takes_only_a_new_return() -> None:
    allowed = {action for (before, action) in TRANSITIONS if before == "locked"}
    assert allowed == {"return"}
    with pytest.raises(TransitionError, match="changes only by a new version"):
        next_state("locked", "approve", "child 2015090, 2025-26 summer")


def test_a_refused_step_names_the_pep_its_state_and_the_states_it_needs() -> None:
    with pytest.raises(TransitionError) as refused:
        next_state("sent", "approve", "child 2015090, 2025-26 summer")
    assert str(refused.value) == (
        "child 2015090, 2025-26 summer: cannot approve it while it is sent "
        "(only when returned or in review)"
    )


def test_every_action_in_the_table_is_an_action_and_every_target_a_state() -> None:
    assert {action for _, action in TRANSITIONS} == set(ACTIONS)
    assert set(TRANSITIONS.values()) <= set(STATES)
