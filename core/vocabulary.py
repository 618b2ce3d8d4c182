"""The domain's words, each defined once: where in a network a round is done, a round's status,
what a leader shares, how a goal went, how many goals, the group picture's floor, the talks.

db/, ui/, web/ and core/ import them from here; core/texts.py says how each one reads, in
dictionaries keyed by these constants (tests/test_texts.py checks that each covers its words).
"""

from __future__ import annotations

from questions.tools import CO_DRIVER as CO_DRIVER
from questions.tools import KINDS as KINDS
from questions.tools import PERSONALELEDER as PERSONALELEDER
from questions.tools import REFERENCELEDER as REFERENCELEDER

# Where in the network a round is done (a round's context), in the order of a network.
CONTEXT_BEFORE = "foer-netvaerket"
MEETINGS_MAX = 6  # the handbook's 4–6 network meetings
CONTEXT_AFTER_TEST = "efter-testfasen"
CONTEXT_OTHER = "andet"
CONTEXT_MAX_CHARS = 40


def after_meeting(number: int) -> str:
    """The context of a round done after network meeting `number` (1–6)."""
    return f"efter-moede-{number}"


CONTEXTS = (
    CONTEXT_BEFORE,
    *(after_meeting(n) for n in range(1, MEETINGS_MAX + 1)),
    CONTEXT_AFTER_TEST,
    CONTEXT_OTHER,
)

# A round's status.
ROUND_OPEN = "open"
ROUND_COMPLETED = "completed"

# What a leader shares with a co-driver: the numbers only, or the numbers and the written texts.
SCOPE_SCORES = "scores"
SCOPE_TEXTS = "texts"
SCOPES = (SCOPE_SCORES, SCOPE_TEXTS)

# How a development goal went, as the leader tells it in the next round.
OUTCOME_ACHIEVED = "achieved"
OUTCOME_PARTLY = "partly"
OUTCOME_NOT_YET = "not_yet"
OUTCOMES = (OUTCOME_ACHIEVED, OUTCOME_PARTLY, OUTCOME_NOT_YET)
MIN_GOALS = 1  # a round ends with at least one development goal
MAX_GOALS = 3  # and at most three

# Where a participant stands in a course's session, and which round of each the dashboard shows.
NOT_STARTED, IN_PROGRESS, COMPLETED = "not-started", "in-progress", "completed"
LATEST, FIRST = "latest", "first"

# The group picture of a course.
MIN_GROUP_FLOOR = 3  # no cohort aggregate is ever shown for fewer people than this
MIN_GROUP_DEFAULT = 5  # a new course's minimum (the usual default of 360-degree tools)
MIN_GROUP_CEILING = 50

# The three talks that make a network leader's mandate, each ending in an agreement (its kind).
AGREEMENT_KINDS = KINDS
TALKS = (PERSONALELEDER, REFERENCELEDER, CO_DRIVER)
