"""Nothing about fewer than the minimum, and nothing about a person who did not consent, can be
computed from everything a trainer is shown: across views, over time, with consents changing.

The auditor (tests/support/disclosure.py) turns every shown number into a linear equation and
looks for a small group the equations say something about. It is tried first on the attacks
that worked before, then on generated cohorts: core.privacy's rule over random histories, and the
real dashboard over random sequences of what trainers and participants do.
"""

from __future__ import annotations

import random

import pytest

from core import texts
from core.privacy import Seen, judge, known_rounds
from core.scoring import rating_quartiles
from db import accounts, cohort, courses
from tests.support.disclosure import Disclosure

# --- The auditor finds what worked before ------------------------------------------------------


def test_the_auditor_finds_the_third_person_from_a_band_of_lowest_and_highest():
    # Three completers, minimum 3: mean, lowest and highest gave all three scores.
    audit = Disclosure({1: 1, 2: 2, 3: 3}, min_group=3)
    audit.group({1, 2, 3})
    assert audit.leaks() == []
    audit.value(1)  # the lowest is somebody's score
    audit.value(3)  # and so is the highest
    assert audit.says_something_about({2})
    assert audit.leaks()


def test_the_auditor_finds_the_mean_of_the_two_who_did_not_consent():
    audit = Disclosure({1: 1, 2: 2, 3: 3}, min_group=3)
    audit.group({1, 2, 3})
    audit.consent(1)
    assert audit.says_something_about({2, 3}) and not audit.says_something_about({2})
    assert frozenset({2, 3}) in audit.leaks()


def test_the_auditor_finds_one_more_person_between_two_visits():
    audit = Disclosure({r: r for r in range(1, 7)}, min_group=3)
    audit.group({1, 2, 3, 4, 5})
    audit.group({1, 2, 3, 4, 5, 6})
    assert audit.says_something_about({6})


def test_the_auditor_lets_a_group_of_the_minimum_be_seen():
    audit = Disclosure({r: r for r in range(1, 10)}, min_group=3)
    audit.group({1, 2, 3})
    audit.group({1, 2, 3, 4, 5, 6})
    audit.consent(9)
    assert audit.leaks() == []


# --- core.privacy over random histories --------------------------------------------------------


def _random_history(rng: random.Random, people: int, min_group: int, steps: int):
    """Selections a trainer might see as a cohort grows: every person's rounds over time, random
    consents, and at each step every selection the dashboard builds."""
    rounds_of: dict[int, list[int]] = {p: [] for p in range(1, people + 1)}
    contexts: dict[int, str] = {}
    next_round = 100
    consented: set[int] = set()
    seen = Seen()
    audit = Disclosure({}, min_group)
    for _ in range(steps):
        action = rng.random()
        person = rng.randint(1, people)
        if action < 0.6:
            rounds_of[person].append(next_round)
            contexts[next_round] = rng.choice(["foer", "efter-1", "efter-2"])
            audit.owner[next_round] = person
            next_round += 1
        elif action < 0.8:
            consented ^= {person}
        done = {p: rs for p, rs in rounds_of.items() if rs}
        selections = {
            "latest": {p: rs[-1] for p, rs in done.items()},
            "first": {p: rs[0] for p, rs in done.items()},
        }
        twice = [p for p, rs in done.items() if len(rs) > 1]
        selections["change-first"] = {p: done[p][0] for p in twice}
        selections["change-latest"] = {p: done[p][-1] for p in twice}
        for context in ("foer", "efter-1", "efter-2"):
            chosen = {p: r for p, rs in done.items() for r in rs if contexts[r] == context}
            selections[context] = chosen
        verdicts = judge(selections, consented, min_group, seen)
        # The trainer looks at one choice (and the change); that is what they are shown.
        look = rng.choice(["latest", "first", "foer", "efter-1", "efter-2"])
        shown = [look] if verdicts[look].shown else []
        if verdicts["change-first"].shown and verdicts["change-latest"].shown:
            shown += ["change-first", "change-latest"]
        known = known_rounds(selections, consented, min_group, seen)
        for name in shown:
            audit.group(selections[name].values())
        for r in known:
            audit.consent(r)
        seen = Seen([*seen.groups, *(selections[n] for n in shown)], set(seen.revealed) | known)
    return audit


@pytest.mark.parametrize("min_group", [3, 4, 5])
def test_no_random_history_lets_a_small_group_be_computed(min_group):
    rng = random.Random(min_group)
    for _ in range(40):
        audit = _random_history(rng, people=rng.randint(4, 8), min_group=min_group, steps=rng.randint(5, 25))
        assert audit.leaks() == [], audit.groups


# --- The real dashboard, over random sequences of what people do -------------------------------


class _Course:
    """A course where people complete rounds with random ratings; knows every true answer."""

    def __init__(self, tx, bank, join, make_completed_round, setup, rng: random.Random, min_group: int):
        self.tx, self.bank, self.rng = tx, bank, rng
        self.trainer, self.course = setup
        self.join, self.complete = join, make_completed_round
        self.people: dict[str, object] = {}
        self.ratings: dict[int, dict[str, int]] = {}  # round id -> question id -> rating
        self.owner: dict[int, int] = {}
        tx(courses.set_min_group, trainer_id=self.trainer.id, course_id=self.course.id, min_group=min_group)
        self.audit = Disclosure(self.owner, min_group)
        self.competency_of = bank.competency_of

    def add(self) -> None:
        self.joined = getattr(self, "joined", 0) + 1
        name = f"deltager{self.joined}"
        self.people[name] = self.join(name)

    def finish(self, name: str) -> None:
        given = {qid: self.rng.randint(1, 5) for qid in self.bank.question_ids}
        context = self.rng.choice(list(texts.CONTEXTS)[:3])
        made = self.complete(self.people[name].id, rating=given.__getitem__, context=context)
        self.ratings[made.id] = given
        self.owner[made.id] = self.people[name].id

    def consent(self, name: str, on: bool) -> None:
        self.tx(courses.set_consent, user_id=self.people[name].id, course_id=self.course.id, consent=on)

    def delete(self, name: str) -> None:
        person = self.people.pop(name)
        self.tx(accounts.delete_account, user_id=person.id, confirm_username=name)

    def truth(self, rounds) -> tuple[dict[str, float], dict[str, dict[int, int]]]:
        totals: dict[str, list[int]] = {}
        for r in rounds:
            for qid, value in self.ratings[r].items():
                totals.setdefault(self.competency_of[qid], []).append(value)
        means = {cid: sum(v) / len(v) for cid, v in totals.items()}
        counts = {cid: {n: v.count(n) for n in range(1, 6) if v.count(n)} for cid, v in totals.items()}
        return means, counts

    def look(self, board) -> None:
        """Write down, as the auditor's equations, everything this dashboard (or the projector's
        live view) shows; and check that
        every number shown is the true one for the rounds it claims to cover."""
        if board.stats is not None:
            means, counts = self.truth(board.stats.rounds)
            assert board.stats.people == len(board.stats.rounds)
            assert board.stats.mean == pytest.approx(means)
            assert board.stats.distribution == counts
            if board.stats.band is not None:  # read off the distribution: nothing more
                assert board.stats.band == {cid: rating_quartiles(c) for cid, c in counts.items()}
            assert len({self.owner[r] for r in board.stats.rounds}) == len(board.stats.rounds)
            self.audit.group(board.stats.rounds)
        if getattr(board, "change", None) is not None:
            first, latest = board.change_rounds
            assert board.change[0] == pytest.approx(self.truth(first)[0])
            assert board.change[1] == pytest.approx(self.truth(latest)[0])
            self.audit.group(first)
            self.audit.group(latest)
        for person in getattr(board, "individuals", []):
            assert person.scores == pytest.approx(self.truth([person.round_id])[0])
            self.audit.consent(person.round_id)


@pytest.mark.parametrize("seed, min_group", [(1, 3), (2, 3), (3, 4), (4, 5)])
def test_no_sequence_of_dashboards_lets_a_small_group_be_computed(
    tx, bank, join, make_completed_round, setup, board, seed, min_group
):
    rng = random.Random(seed)
    world = _Course(tx, bank, join, make_completed_round, setup, rng, min_group)
    for _ in range(min_group + 2):
        world.add()
    shown = 0
    for _ in range(24):
        names = list(world.people)
        action = rng.random()
        if action < 0.55:
            world.finish(rng.choice(names))
        elif action < 0.75:
            world.consent(rng.choice(names), on=rng.random() < 0.5)
        elif action < 0.82:
            world.add()
        elif action < 0.86 and len(names) > min_group:
            world.delete(rng.choice(names))
        if rng.random() < 0.15:  # the trainer presets another context for the session
            context = rng.choice([None, *list(texts.CONTEXTS)[:3]])
            tx(courses.set_session_context, trainer_id=world.trainer.id, course_id=world.course.id,
               context=context, contexts=list(texts.CONTEXTS))  # fmt: skip
        for _ in range(rng.randint(1, 2)):
            if rng.random() < 0.3:  # the projector, refreshing by itself
                live = tx(cohort.presentation, trainer_id=world.trainer.id, course_id=world.course.id,
                          question_to_competency=world.competency_of, contexts=list(texts.CONTEXTS))  # fmt: skip
                world.look(live)
                shown += live.stats is not None
                continue
            choice = rng.choice([cohort.LATEST, cohort.FIRST, *list(texts.CONTEXTS)[:3]])
            seen = board(choice)
            world.look(seen)
            shown += seen.stats is not None
    assert world.audit.leaks() == []
    assert shown, "the sequence never showed a picture: it tested nothing"
