"""The sign-in throttle on its own: five failures free per account, then a lock that doubles
with each failure up to a ceiling; a success clears the account's count but not the
address's; attempts in flight count, so a burst cannot slip past; old counts are forgotten."""

from __future__ import annotations

from pepdocs.web.security import LoginThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _fail(throttle: LoginThrottle, account: str = "ola", address: str = "192.0.2.7") -> float:
    attempt = throttle.attempt(account, address)
    if attempt.allowed:
        attempt.failed()
    return attempt.wait


def test_the_lock_doubles_with_each_failure_past_five_up_to_its_ceiling() -> None:
    clock = Clock()
    throttle = LoginThrottle(clock=clock, delay=30, longest=300)
    for _ in range(5):
        assert _fail(throttle) == 0
    waits = []
    for _ in range(6):
        waits.append(throttle.attempt("ola", "192.0.2.7").wait)
        clock.now += waits[-1]
        assert _fail(throttle) == 0
    assert waits == [30, 60, 120, 240, 300, 300]


def test_a_success_clears_the_accounts_count_but_not_the_addresss() -> None:
    clock = Clock()
    throttle = LoginThrottle(clock=clock, free_per_address=6)
    for _ in range(4):
        _fail(throttle)
    throttle.attempt("ola", "192.0.2.7").succeeded()
    for _ in range(2):
        assert _fail(throttle) == 0  # ola starts again, the address has 6 now
    assert throttle.attempt("ola", "192.0.2.7").wait == 30
    assert throttle.attempt("ola", "198.51.100.1").allowed  # ola elsewhere: 2 failures only


def test_attempts_in_flight_count_so_a_burst_is_held_back() -> None:
    throttle = LoginThrottle(clock=Clock())
    for _ in range(4):
        _fail(throttle)
    first = throttle.attempt("ola", "192.0.2.7")
    second = throttle.attempt("ola", "192.0.2.7")  # before the first is settled
    assert first.allowed and not second.allowed
    first.failed()
    second.failed()  # not allowed: not counted again
    assert throttle.attempt("ola", "192.0.2.7").wait == 30


def test_names_differing_in_case_are_one_account_and_old_failures_are_forgotten() -> None:
    clock = Clock()
    throttle = LoginThrottle(clock=clock, forget=3600)
    for name in ("ola", "OLA", " Ola", "ola", "olA"):
        _fail(throttle, name)
    assert not throttle.attempt("ola", "192.0.2.7").allowed
    clock.now += 3601
    assert throttle.attempt("ola", "192.0.2.7").allowed


def test_a_flood_of_made_up_names_keeps_memory_bounded() -> None:
    throttle = LoginThrottle(clock=Clock(), most_kept=50, free_per_address=10**6)
    for number in range(500):
        _fail(throttle, f"name{number}")
    assert throttle.attempt("someone", "192.0.2.7").allowed
    assert len(throttle._failures) <= 52


def test_a_burst_of_simultaneous_first_guesses_gets_five_through_not_more() -> None:
    throttle = LoginThrottle(clock=Clock())
    burst = [throttle.attempt("ola", f"192.0.2.{n}") for n in range(8)]
    assert [attempt.allowed for attempt in burst] == [True] * 5 + [False] * 3
    for attempt in burst:
        attempt.failed()
    assert throttle.attempt("ola", "192.0.2.99").wait == 30
