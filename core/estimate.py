"""How long a round takes: the figure on the start page.

Measured where there is something to measure: the middle half of how long the latest completed
rounds took from start to completion (rounds paused for hours are left out: they say nothing of
the time spent). Until enough rounds are done, the figure is worked out from the bank itself: the
words a leader reads, a moment per rating, and a few written lines per question.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import timedelta

from questions import QuestionBank

MIN_MEASURED = 8  # completed rounds needed before their durations stand for the figure
LONGEST_COUNTED = timedelta(hours=2)  # a longer round was paused: its duration is not time spent
READING_WORDS_PER_MINUTE = 180  # careful reading of plain Danish prose
SECONDS_PER_RATING = 8
WORDS_PER_REFLECTION = 25  # a few honest lines
WRITING_WORDS_PER_MINUTE = 20  # composing one's own thoughts, not copying
GOAL_MINUTES = 3  # choosing 1–3 goals with a next step each


def _round_to_five(minutes: float) -> int:
    return max(5, int(5 * round(minutes / 5)))


def minutes_from_bank(bank: QuestionBank) -> tuple[int, int]:
    """The range worked out from the bank's text: from reading and rating with short notes to
    writing a full reflection to every question."""
    words = sum(len(c.description.split()) for c in bank.competencies) + sum(
        len(q.text.split()) + len(q.reflection.split()) for c in bank.competencies for q in c.questions
    )
    questions = len(bank.question_ids)
    reading = words / READING_WORDS_PER_MINUTE + questions * SECONDS_PER_RATING / 60 + GOAL_MINUTES
    writing = questions * WORDS_PER_REFLECTION / WRITING_WORDS_PER_MINUTE
    return _round_to_five(reading + writing / 2), _round_to_five(reading + writing)


def round_minutes(durations: Sequence[timedelta], bank: QuestionBank) -> tuple[int, int]:
    """The range a new round is likely to take, in whole five minutes (low, high)."""
    counted = sorted(d.total_seconds() / 60 for d in durations if timedelta(0) < d <= LONGEST_COUNTED)
    if len(counted) < MIN_MEASURED:
        return minutes_from_bank(bank)
    low = counted[math.floor((len(counted) - 1) * 0.25)]
    high = counted[math.ceil((len(counted) - 1) * 0.75)]
    low_5, high_5 = _round_to_five(low), _round_to_five(high)
    return low_5, max(high_5, low_5 + 5)
