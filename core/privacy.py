"""Which cohort aggregates may be shown without exposing one person.

An aggregate is defined by its *selection*: which round of each participant it uses
(person → round). Three rules, applied in the dashboard's order of importance:

1. Too few: a selection with fewer people than the course's minimum (never below 3) is hidden.
2. Difference of one: if two shown selections differ in exactly one person (that person is in
   one and not the other, or has another round in it), subtracting the two would reveal that
   person's answers or their change. The later one in the order is hidden.
3. Consent: the individuals who consented are shown one by one. If exactly one person in a
   selection has not consented, the aggregate minus the consented people is that person, so it
   is hidden.

Pure code: the storage layer collects the selections, the dashboard asks this module.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

TOO_FEW = "too-few"
DIFFERENCE_OF_ONE = "difference-of-one"
ONE_WITHOUT_CONSENT = "one-without-consent"

Selection = Mapping[int, int]  # participant id -> round id


@dataclass(frozen=True)
class Verdict:
    shown: bool
    reason: str | None = None
    missing: int = 0  # how many more participants are needed, when too few
    against: str | None = None  # the selection it would differ from by one person


def _affected(a: Selection, b: Selection) -> int:
    return sum(1 for person in a.keys() | b.keys() if a.get(person) != b.get(person))


def judge(selections: Mapping[str, Selection], consented: Collection[int], min_group: int) -> dict[str, Verdict]:
    """Decide, for each named selection in order of importance, whether its aggregate may be shown."""
    verdicts: dict[str, Verdict] = {}
    shown: dict[str, Selection] = {}
    for name, selection in selections.items():
        if len(selection) < min_group:
            verdicts[name] = Verdict(False, TOO_FEW, missing=min_group - len(selection))
            continue
        if sum(1 for person in selection if person not in consented) == 1:
            verdicts[name] = Verdict(False, ONE_WITHOUT_CONSENT)
            continue
        clash = next((other for other, earlier in shown.items() if _affected(selection, earlier) == 1), None)
        if clash is not None:
            verdicts[name] = Verdict(False, DIFFERENCE_OF_ONE, against=clash)
            continue
        verdicts[name] = Verdict(True)
        shown[name] = selection
    return verdicts
