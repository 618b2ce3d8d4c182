"""Which cohort aggregates may be shown without exposing anyone, now or by arithmetic later.

The model. Every number the trainer sees about a group (a mean per competency, how often each
rating was given) is a sum over the rounds in that group, divided by a count the trainer also
sees. So each shown aggregate is one linear equation over the rounds it covers: the same
equation for every competency and every rating value. A consenting participant's rounds are
shown one by one: they are known. What a trainer can *compute* is everything in the linear span
of those equations, over every view they have ever been shown (any selection, any day, the
exports, the live presentation). The promise: nothing in that span is about fewer than
`min_group` people (one person's score, one person's change, the sum of two people), unless it
was known already.

An aggregate is defined by its *selection*: which round of each participant it uses
(person → round). Candidates are judged one by one in the dashboard's order of importance,
against what was shown before (`Seen`) and the candidates already allowed. Reasons, from the
plainest to the most general:

1. TOO_FEW: fewer people than the minimum (never below 3).
2. FEW_WITHOUT_CONSENT: the people in it who have not consented are between 1 and min-1:
   the aggregate minus the consenting people would be about them alone.
3. DIFFERENCE: it differs from a picture that is shown (or was shown before: `EARLIER`) in
   between 1 and min-1 people: subtracting the two is about those people.
4. COMBINATION: the exact test. Some combination of everything shown would be about fewer
   than the minimum.

The exact test. A vector in the span is constant on every *cell*: the rounds that lie in exactly
the same shown groups. So a vector about fewer than `min_group` people can only use cells with
fewer people than that, and whether it exists is a rank question on a cells-by-groups matrix of
0s and 1s (numpy), small whatever the cohort's size. A candidate is refused if, for some set of
cells with fewer than `min_group` people in all, the span with the candidate reaches further into
those cells than the span without it.

Pure code: the storage layer collects the selections and what was shown, and records what it
shows; the dashboard asks this module.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

TOO_FEW = "too-few"
FEW_WITHOUT_CONSENT = "few-without-consent"
DIFFERENCE = "difference"
COMBINATION = "combination"
EARLIER = "earlier"  # `against` for a picture the trainer was shown before

# When the exact test would have to try more sets of cells than this, it refuses instead: a
# refusal can only hide too much, never show too much.
_MOST_TRIES = 2_000

Selection = Mapping[int, int]  # participant id -> round id


@dataclass(frozen=True)
class Seen:
    """What the trainer has already been shown of a course: groups (person → round), and rounds
    seen one by one (a consenting participant's)."""

    groups: Sequence[Selection] = ()
    revealed: Collection[int] = frozenset()


@dataclass(frozen=True)
class Verdict:
    shown: bool
    reason: str | None = None
    missing: int = 0  # how many more participants are needed, when too few
    against: str | None = None  # the picture it would differ from by too few people (or EARLIER)


def known_rounds(
    selections: Mapping[str, Selection], consented: Collection[int], min_group: int, seen: Seen = Seen()
) -> frozenset[int]:
    """Rounds the trainer may know one by one: seen before, and a consenting participant's round
    in any selection (the trainer can choose any selection and see its consenting individuals).

    A consent can come after the trainer saw a picture with that round in it; then the picture
    minus the round is about the others in it. A round is only shown on its own if everything
    shown before, with it known, still says nothing about fewer than the minimum; else it is
    withheld (and stays unknown, so the rules below count its owner as not consenting).
    """
    known = set(seen.revealed)
    owner = _owners(selections, seen)
    wanted = sorted(
        {r for selection in selections.values() for person, r in selection.items() if person in consented} - known
    )

    def fine_without(rounds: set[int]) -> bool:
        rows = {frozenset(r for r in group.values() if r not in rounds) for group in seen.groups}
        return not exposes([row for row in rows if row], owner, min_group)

    if wanted and fine_without(known | set(wanted)):  # the usual case, in one test
        return frozenset(known | set(wanted))
    for candidate in wanted:
        if fine_without(known | {candidate}):
            known.add(candidate)
    return frozenset(known)


def _owners(selections: Mapping[str, Selection], seen: Seen) -> dict[int, int]:
    return {r: person for group in (*seen.groups, *selections.values()) for person, r in group.items()}


def judge(
    selections: Mapping[str, Selection],
    consented: Collection[int],
    min_group: int,
    seen: Seen = Seen(),
    known: Collection[int] | None = None,
) -> dict[str, Verdict]:
    """Decide, for each named selection in order, whether its aggregate may be shown beside what
    was seen and the selections before it. `known`: the rounds the trainer knows one by one
    (by default known_rounds of these selections)."""
    known = frozenset(known) if known is not None else known_rounds(selections, consented, min_group, seen)
    owner = _owners(selections, seen)

    def unknown(group: Selection) -> frozenset[int]:
        return frozenset(r for r in group.values() if r not in known)

    shown: list[tuple[str, frozenset[int]]] = []
    for group in seen.groups:
        row = unknown(group)
        if row and all(row != other for _, other in shown):
            shown.append((EARLIER, row))
    verdicts: dict[str, Verdict] = {}
    for name, selection in selections.items():
        verdicts[name] = _verdict(selection, unknown(selection), shown, owner, min_group)
        if verdicts[name].shown:
            row = unknown(selection)
            if row and all(row != other for _, other in shown):
                shown.append((name, row))
    return verdicts


def _verdict(
    selection: Selection,
    row: frozenset[int],
    shown: Sequence[tuple[str, frozenset[int]]],
    owner: Mapping[int, int],
    min_group: int,
) -> Verdict:
    if len(selection) < min_group:
        return Verdict(False, TOO_FEW, missing=min_group - len(selection))
    if 0 < len(row) < min_group:
        return Verdict(False, FEW_WITHOUT_CONSENT)
    if not row or any(row == other for _, other in shown):
        return Verdict(True)  # nothing new: every number in it can be computed already
    for name, other in shown:
        if 0 < len({owner[r] for r in row ^ other}) < min_group:
            return Verdict(False, DIFFERENCE, against=name)
    if reveals([other for _, other in shown], row, owner, min_group):
        return Verdict(False, COMBINATION)
    return Verdict(True)


def _cells(rows: Sequence[frozenset[int]], owner: Mapping[int, int]) -> tuple[np.ndarray, list[frozenset[int]]]:
    """The rows as a rows-by-cells matrix of 0s and 1s, and the people in each cell."""
    member_of: dict[int, list[int]] = {}
    for index, row in enumerate(rows):
        for r in row:
            member_of.setdefault(r, []).append(index)
    cells: dict[tuple[int, ...], set[int]] = {}
    for r, indices in member_of.items():
        cells.setdefault(tuple(indices), set()).add(owner[r])
    signatures = list(cells)
    matrix = np.zeros((len(rows), len(signatures)))
    for column, signature in enumerate(signatures):
        matrix[list(signature), column] = 1.0
    return matrix, [frozenset(cells[s]) for s in signatures]


def _further(matrix: np.ndarray, base: np.ndarray, people: Sequence[frozenset[int]], min_group: int) -> bool:
    """Whether the span of `matrix`'s rows reaches into some set of cells with fewer than
    `min_group` people further than the span of `base`'s rows (same cells) does."""
    small = [j for j, who in enumerate(people) if len(who) < min_group]
    if not small or _reach(matrix, small) == _reach(base, small):
        return False  # nothing more about any small cell, so about no small group
    for tries, group in enumerate(_largest_groups(_active(matrix, small), people, min_group), start=1):
        if tries > _MOST_TRIES or _reach(matrix, group) > _reach(base, group):
            return True
    return False


def reveals(before: Sequence[Collection[int]], new: Collection[int], owner: Mapping[int, int], min_group: int) -> bool:
    """Whether showing the sum over `new` beside the sums over `before` lets anyone compute
    something about fewer than `min_group` people that could not be computed before."""
    if not new:
        return False
    rows = [frozenset(row) for row in (*before, new) if row]
    matrix, people = _cells(rows, owner)
    return _further(matrix, matrix[:-1], people, min_group)


def exposes(rows: Sequence[Collection[int]], owner: Mapping[int, int], min_group: int) -> bool:
    """Whether these sums together let anyone compute something about fewer than `min_group` people."""
    sums = [frozenset(row) for row in rows if row]
    if not sums:
        return False
    matrix, people = _cells(sums, owner)
    return _further(matrix, np.zeros((0, matrix.shape[1])), people, min_group)


def _rank(matrix: np.ndarray) -> int:
    return int(np.linalg.matrix_rank(matrix)) if matrix.size else 0


def _reach(matrix: np.ndarray, columns: Sequence[int]) -> int:
    """The dimension of the span's part that lies in these columns alone."""
    rest = [j for j in range(matrix.shape[1]) if j not in set(columns)]
    return _rank(matrix) - _rank(matrix[:, rest])


def _active(matrix: np.ndarray, small: Sequence[int]) -> list[int]:
    """The small cells that some vector of the span lying in small cells alone actually uses."""
    rest = [j for j in range(matrix.shape[1]) if j not in set(small)]
    outside = matrix[:, rest]
    # Combinations of the rows that vanish outside the small cells: the null space of outside^T.
    if outside.size:
        _, singular, vt = np.linalg.svd(outside.T)
        rank = int((singular > 1e-9 * max(outside.shape)).sum())
        null = vt[rank:]
    else:
        null = np.eye(matrix.shape[0])
    inside = null @ matrix[:, small]
    return [small[k] for k in range(len(small)) if np.abs(inside[:, k]).max(initial=0.0) > 1e-9]


def _largest_groups(cells: Sequence[int], people: Sequence[frozenset[int]], min_group: int) -> Iterator[list[int]]:
    """Every set of these cells with fewer than `min_group` people in all, to which no further cell
    can be added (what a larger set cannot reveal, a smaller one cannot either)."""

    def grow(start: int, chosen: list[int], who: frozenset[int]) -> Iterator[list[int]]:
        extended = False
        for index in range(start, len(cells)):
            together = who | people[cells[index]]
            if len(together) < min_group:
                extended = True
                yield from grow(index + 1, [*chosen, cells[index]], together)
        if not extended and all(len(who | people[c]) >= min_group for c in cells if c not in chosen):
            yield chosen

    yield from grow(0, [], frozenset())
