"""Courses (storage): only trainers create them, leaders join by code, consent is per course and off."""

from __future__ import annotations

from datetime import date

import pytest

from db import accounts, courses
from db.errors import CourseJoinError, InvalidInputError, NotAllowedError, NotFoundError

START, END = date(2027, 1, 10), date(2027, 6, 30)


@pytest.fixture
def make_trainer(tx, make_user):
    def make(name: str = "Tove"):
        user = make_user(name)
        tx(accounts.set_roles, username=name, is_trainer=True)
        return user

    return make


@pytest.fixture
def course(tx, make_trainer):
    trainer = make_trainer()
    return trainer, tx(courses.create_course, trainer_id=trainer.id, name="Hold 7", starts_on=START, ends_on=END)


def test_a_trainer_creates_a_course_with_an_eight_character_join_code(course):
    _, created = course
    assert created.name == "Hold 7" and created.min_group == 5 and created.member_count == 0
    assert len(created.join_code) == 9 and created.join_code[4] == "-"


def test_only_a_trainer_can_create_or_list_courses(tx, make_user):
    leader = make_user("Mette")
    with pytest.raises(NotAllowedError):
        tx(courses.create_course, trainer_id=leader.id, name="Mit hold", starts_on=START, ends_on=END)
    with pytest.raises(NotAllowedError):
        tx(courses.trainer_courses, trainer_id=leader.id)


def test_a_trainer_whose_role_is_removed_loses_the_courses_at_once(tx, course):
    trainer, created = course
    tx(accounts.set_roles, username="Tove", is_trainer=False)
    with pytest.raises(NotAllowedError):
        tx(courses.trainer_course, trainer_id=trainer.id, course_id=created.id)


def test_a_trainer_sees_no_course_of_another_trainer(tx, course, make_trainer):
    _, created = course
    other = make_trainer("Ibrahim")
    assert tx(courses.trainer_courses, trainer_id=other.id) == []
    with pytest.raises(NotFoundError):
        tx(courses.trainer_course, trainer_id=other.id, course_id=created.id)
    with pytest.raises(NotFoundError):
        tx(courses.participants, trainer_id=other.id, course_id=created.id)
    with pytest.raises(NotFoundError):
        tx(courses.set_min_group, trainer_id=other.id, course_id=created.id, min_group=5)


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "  "},
        {"name": "x" * 121},
        {"starts_on": END, "ends_on": START},
        {"description": "x" * 1001},
    ],
)
def test_bad_course_fields_are_refused_and_nothing_is_created(tx, make_trainer, fields):
    trainer = make_trainer()
    values = {"name": "Hold", "starts_on": START, "ends_on": END, "description": ""} | fields
    with pytest.raises(InvalidInputError):
        tx(courses.create_course, trainer_id=trainer.id, **values)
    assert tx(courses.trainer_courses, trainer_id=trainer.id) == []


def test_leaders_join_by_code_typed_loosely_and_consent_starts_off(tx, course, make_user):
    trainer, created = course
    mette = make_user("Mette")
    joined = tx(courses.join_course, user_id=mette.id, code=" " + created.join_code.lower().replace("-", " "))
    assert (joined.course_name, joined.trainer_name, joined.consent) == ("Hold 7", "Tove", False)
    tx(courses.join_course, user_id=mette.id, code=created.join_code)  # joining again changes nothing
    assert [(p.name, p.consent) for p in tx(courses.participants, trainer_id=trainer.id, course_id=created.id)] == [
        ("Mette", False)
    ]


def test_unknown_and_own_codes_are_refused(tx, course, make_user):
    trainer, created = course
    with pytest.raises(CourseJoinError) as unknown:
        tx(courses.join_course, user_id=make_user("Mette").id, code="ABCD-EFGH")
    assert unknown.value.reason == "unknown"
    with pytest.raises(CourseJoinError) as own:
        tx(courses.join_course, user_id=trainer.id, code=created.join_code)
    assert own.value.reason == "own"


def test_consent_and_leaving_take_effect_at_once(tx, course, make_user):
    trainer, created = course
    mette = make_user("Mette")
    tx(courses.join_course, user_id=mette.id, code=created.join_code)
    tx(courses.set_consent, user_id=mette.id, course_id=created.id, consent=True)
    assert tx(courses.participants, trainer_id=trainer.id, course_id=created.id)[0].consent
    tx(courses.set_consent, user_id=mette.id, course_id=created.id, consent=False)
    assert not tx(courses.participants, trainer_id=trainer.id, course_id=created.id)[0].consent
    tx(courses.leave_course, user_id=mette.id, course_id=created.id)
    assert tx(courses.participants, trainer_id=trainer.id, course_id=created.id) == []
    assert tx(courses.my_courses, user_id=mette.id) == []


def test_nobody_changes_another_persons_membership(tx, course, make_user):
    _, created = course
    mette, other = make_user("Mette"), make_user("Anden")
    tx(courses.join_course, user_id=mette.id, code=created.join_code)
    with pytest.raises(NotFoundError):
        tx(courses.set_consent, user_id=other.id, course_id=created.id, consent=True)
    with pytest.raises(NotFoundError):
        tx(courses.leave_course, user_id=other.id, course_id=created.id)
    assert len(tx(courses.my_courses, user_id=mette.id)) == 1


def test_the_minimum_group_can_be_raised_but_never_below_three(tx, course):
    trainer, created = course
    tx(courses.set_min_group, trainer_id=trainer.id, course_id=created.id, min_group=5)
    assert tx(courses.trainer_course, trainer_id=trainer.id, course_id=created.id).min_group == 5
    for bad in (2, 0, -1, 51):
        with pytest.raises(InvalidInputError):
            tx(courses.set_min_group, trainer_id=trainer.id, course_id=created.id, min_group=bad)
    assert tx(courses.trainer_course, trainer_id=trainer.id, course_id=created.id).min_group == 5
