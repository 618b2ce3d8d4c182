"""Scenes the browser tests start from, set up through the storage API on the running app's database."""

from __future__ import annotations

from datetime import date

from core.vocabulary import SCOPE_TEXTS
from db import accounts, courses, feedback, sharing
from tests.conftest import PASSWORD
from tests.support.storage import completed_round


def leader_with_codriver(storage, bank, rounds: int = 3):
    """Mette has `rounds` completed rounds, shares them with texts with Karsten, who gave his view
    of the latest. Returns (mette, karsten, the latest round)."""
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    karsten = storage(accounts.create_user, username="Karsten", password=PASSWORD)
    contexts = ["foer-netvaerket", "efter-moede-1", "efter-moede-2", "efter-moede-3"]
    latest = None
    for n in range(rounds):
        goals = {bank.competencies[n].id: "Lyt mere"}
        latest = completed_round(storage, bank, mette.id, rating=n + 2, context=contexts[n], goals=goals)
    _, code = storage(sharing.create_invitation, leader_id=mette.id, scope=SCOPE_TEXTS)
    storage(sharing.redeem_invitation, user_id=karsten.id, code=code)
    ratings = {c.id: 4 for c in bank.competencies}
    storage(feedback.save_feedback, author_id=karsten.id, round_id=latest.id, ratings=ratings, overall="Godt gået")
    return mette, karsten, latest


def course_with_members(storage, bank, members: int = 3):
    """Tove trains a course whose `members` leaders have each completed a round. Returns the course."""
    tove = storage(accounts.create_user, username="Tove", password=PASSWORD)
    storage(accounts.set_roles, username="Tove", is_trainer=True)
    course = storage(
        courses.create_course, trainer_id=tove.id, name="Hold 7", starts_on=date(2027, 1, 1), ends_on=date(2027, 6, 1)
    )
    storage(courses.set_min_group, trainer_id=tove.id, course_id=course.id, min_group=min(members, 5))
    for n in range(members):
        leader = storage(accounts.create_user, username=f"Deltager{n + 1}", password=PASSWORD)
        completed_round(storage, bank, leader.id, rating=n % 5 + 1)
        storage(courses.join_course, user_id=leader.id, code=course.join_code)
    return course
