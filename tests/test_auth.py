"""The rules of signing in (core/auth.py): session lifetimes, throttling, passwords, codes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from core import auth
from core.auth import FailureCount

T0 = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


def test_a_session_lives_8_idle_hours_and_14_days_at_most():
    assert auth.session_alive(T0, T0, T0 + timedelta(hours=7, minutes=59))
    assert not auth.session_alive(T0, T0, T0 + timedelta(hours=8))
    used_all_along = T0 + timedelta(days=13, hours=23)
    assert auth.session_alive(T0, used_all_along, used_all_along + timedelta(minutes=30))
    assert not auth.session_alive(T0, T0 + timedelta(days=14), T0 + timedelta(days=14, minutes=1))


def test_last_seen_is_written_at_most_every_five_minutes():
    assert not auth.needs_touch(T0, T0 + timedelta(minutes=4, seconds=59))
    assert auth.needs_touch(T0, T0 + timedelta(minutes=5))


def test_the_fifth_failure_within_15_minutes_locks_for_15_minutes():
    count = None
    for n in range(1, 5):
        count = auth.after_failure(count, T0 + timedelta(minutes=n), auth.ACCOUNT_LIMIT)
        assert (count.failures, count.locked_until) == (n, None)
        assert not auth.is_locked(count, T0 + timedelta(minutes=n))
    count = auth.after_failure(count, T0 + timedelta(minutes=5), auth.ACCOUNT_LIMIT)
    assert count.locked_until == T0 + timedelta(minutes=20)
    assert auth.is_locked(count, T0 + timedelta(minutes=19, seconds=59))
    assert not auth.is_locked(count, T0 + timedelta(minutes=20))


def test_failures_spread_wider_than_the_window_never_lock():
    count = None
    for n in range(10):
        count = auth.after_failure(count, T0 + timedelta(minutes=16 * n), auth.ACCOUNT_LIMIT)
    assert count.failures == 1 and count.locked_until is None


def test_counting_starts_afresh_after_a_lock_has_run_out():
    locked = FailureCount(5, T0, T0 + timedelta(minutes=15))
    count = auth.after_failure(locked, T0 + timedelta(minutes=16), auth.ACCOUNT_LIMIT)
    assert (count.failures, count.locked_until) == (1, None)


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("kort-kode", "short"),
        ("x" * 129, "long"),
        ("x" * 128, None),
        ("basketball", "common"),
        ("Sommer2025", "common"),  # compared without case; a Danish entry of our own
        ("1234567890", "common"),
        ("mette.hansen", "username"),
        ("fire ord om netværket", None),
    ],
)
def test_password_rules(password, problem):
    assert auth.password_problem(password, "Mette.Hansen") == problem


def test_the_shipped_list_holds_only_passwords_long_enough_to_matter():
    listed = auth.common_passwords()
    assert len(listed) > 1500
    assert all(len(p) >= 10 for p in listed)


def test_tokens_are_long_and_only_their_hash_is_kept():
    token = auth.new_token()
    assert len(token) >= 43
    assert auth.token_hash(token) != token and len(auth.token_hash(token)) == 64


@pytest.mark.parametrize(
    ("claims", "first"),
    [
        ({"email": "mette.hansen@kommune.dk"}, "mette.hansen"),
        ({"preferred_username": "mh@kommune.dk", "email": "x@y.dk"}, "mh-sso"),
        ({"email": "søren+netværk@kommune.dk"}, "sørennetværk"),
        ({}, "bruger"),
    ],
)
def test_a_new_sso_user_gets_a_username_from_the_claims(claims, first):
    candidates = auth.username_candidates(claims)
    assert candidates[0] == first
    assert candidates[1] == f"{first}2"


def test_the_client_is_the_address_our_proxy_saw_not_what_the_client_wrote():
    # nginx appends the address it saw; "6.6.6.1" was typed by the client itself.
    assert auth.forwarded_client("6.6.6.1, 203.0.113.9") == "203.0.113.9"
    assert auth.forwarded_client("203.0.113.9") == "203.0.113.9"


def test_rotating_a_typed_first_entry_gives_no_new_client():
    typed = [f"10.9.{n}.1, 198.51.100.4" for n in range(25)]
    assert {auth.forwarded_client(value) for value in typed} == {"198.51.100.4"}


def test_two_proxies_of_ours_mean_the_second_entry_from_the_right():
    assert auth.forwarded_client("6.6.6.1, 203.0.113.9, 10.0.0.2", hops=2) == "203.0.113.9"
    assert auth.forwarded_client("203.0.113.9", hops=2) == "203.0.113.9"


@pytest.mark.parametrize("value", ["", " , ", ","])
def test_an_empty_header_names_no_client(value):
    assert auth.forwarded_client(value) is None
