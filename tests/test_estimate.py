"""The time a round takes, as the start page says it: measured once there is enough to measure."""

from __future__ import annotations

from datetime import timedelta

from core.estimate import MIN_MEASURED, minutes_from_bank, round_minutes


def test_until_enough_rounds_are_done_the_figure_comes_from_the_bank(bank):
    low, high = minutes_from_bank(bank)
    assert (low, high) == (25, 35)  # 1.1 k words to read, 20 ratings, 20 short reflections, goals
    few = [timedelta(minutes=12)] * (MIN_MEASURED - 1)
    assert round_minutes(few, bank) == (low, high)


def test_with_enough_rounds_the_middle_half_of_their_durations_is_shown(bank):
    durations = [timedelta(minutes=m) for m in (14, 16, 18, 19, 21, 22, 24, 30, 31, 40)]
    assert round_minutes(durations, bank) == (20, 30)


def test_rounds_paused_for_hours_do_not_count(bank):
    measured = [timedelta(minutes=20)] * MIN_MEASURED
    paused = [timedelta(days=2)] * 50
    assert round_minutes(measured + paused, bank) == (20, 25)
