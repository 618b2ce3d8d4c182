"""A disclosure auditor: what could a trainer compute from everything they were shown?

Written for the tests, apart from core.privacy and without its shortcuts. Every number shown
about a group is a linear equation over the rounds in it: the group's sum (its mean times its
count, for every competency and every rating value alike). A consenting person's round shown on
its own is a known value; a shown lowest or highest is a revealed value too (it is somebody's).
The trainer can compute everything in the span of those equations. A leak is a group of fewer
than `min_group` people about whom the span says something the consented values alone do not:
dim(span ∩ their rounds) grows. A rank test with numpy, over every such group of people.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from itertools import combinations

import numpy as np


def _rank(matrix: np.ndarray) -> int:
    return int(np.linalg.matrix_rank(matrix)) if matrix.size else 0


class Disclosure:
    def __init__(self, owner: dict[int, int], min_group: int):
        self.owner = owner  # round id -> person id (the caller may add rounds as they come)
        self.min_group = min_group
        self.groups: list[frozenset[int]] = []
        self.revealed: set[int] = set()  # lowest/highest: somebody's value, no consent behind it
        self.consented: set[int] = set()  # rounds shown one by one, with their owner's consent

    def group(self, rounds: Collection[int]) -> None:
        """A mean (and counts) over these rounds was shown."""
        self.groups.append(frozenset(rounds))

    def value(self, round_id: int) -> None:
        """One round's value was shown without consent (a lowest or a highest)."""
        self.revealed.add(round_id)

    def consent(self, round_id: int) -> None:
        self.consented.add(round_id)

    def _matrix(self, rows: Iterable[Collection[int]], columns: list[int]) -> np.ndarray:
        index = {r: j for j, r in enumerate(columns)}
        rows = list(rows)
        matrix = np.zeros((len(rows), len(columns)))
        for i, row in enumerate(rows):
            for r in row:
                matrix[i, index[r]] = 1.0
        return matrix

    def _columns(self) -> list[int]:
        return sorted({r for g in self.groups for r in g} | self.revealed | self.consented)

    def says_something_about(self, group: Collection[int]) -> bool:
        """Whether the span holds something about these people (person ids) that the consented
        values alone do not."""
        columns = self._columns()
        units = [{r} for r in sorted(self.consented)]
        everything = self._matrix([*self.groups, *({r} for r in sorted(self.revealed)), *units], columns)
        known = self._matrix(units, columns)
        outside = [j for j, r in enumerate(columns) if self.owner[r] not in set(group)]

        def reach(matrix: np.ndarray) -> int:
            return _rank(matrix) - _rank(matrix[:, outside])

        return reach(everything) > reach(known)

    def leaks(self) -> list[frozenset[int]]:
        """Every largest group below the minimum (min - 1 people) about whom something can be
        computed. What can be computed about a smaller group is about each larger one holding it."""
        columns = self._columns()
        people = sorted({self.owner[r] for r in columns})
        size = min(self.min_group - 1, len(people))
        return [frozenset(g) for g in combinations(people, size) if columns and self.says_something_about(g)]
