"""Fixtures for a trainer's course: `setup` (trainer and course), `join` (a member) and `board` (its dashboard)."""

from __future__ import annotations

from datetime import date

import pytest

from core import texts
from db import accounts, cohort, courses


@pytest.fixture
def setup(tx, make_user, bank):
    trainer = make_user("Tove")
    tx(accounts.set_roles, username="Tove", is_trainer=True)
    course = tx(
        courses.create_course,
        trainer_id=trainer.id,
        name="Hold 7",
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 6, 1),
    )
    # The floor, not the default of 5: most tests here are about the rules at the smallest size.
    tx(courses.set_min_group, trainer_id=trainer.id, course_id=course.id, min_group=3)
    return trainer, course


@pytest.fixture
def join(tx, make_user, setup):
    _, course = setup

    def make(name: str):
        user = make_user(name)
        tx(courses.join_course, user_id=user.id, code=course.join_code)
        return user

    return make


@pytest.fixture
def board(tx, setup, bank):
    trainer, course = setup
    mapping = bank.competency_of

    def build(
        choice: str = cohort.LATEST,
        trainer_id: int | None = None,
        course_id: int | None = None,
        question_to_competency: dict[str, str] | None = None,
    ):
        return tx(
            cohort.dashboard,
            trainer_id=trainer_id or trainer.id,
            course_id=course_id or course.id,
            question_to_competency=question_to_competency or mapping,
            contexts=list(texts.CONTEXTS),
            choice=choice,
        )

    return build
