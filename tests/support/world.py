"""A leader with everything a leader can own, for deletion and export tests: the `world` fixture."""

from __future__ import annotations

from datetime import date

import pytest

from core.vocabulary import OUTCOME_ACHIEVED
from db import accounts, agreements, courses, feedback, goals, networks, rounds, sharing, tool_answers


@pytest.fixture
def world(tx, make_user, make_completed_round, bank, tools):
    """Mette leads (two rounds with goals and a follow-up), shares with Jonas, is Lise's co-driver,
    runs a course as trainer and is a consenting member of Tove's course."""
    mette, jonas, lise, tove = (make_user(n) for n in ("Mette", "Jonas", "Lise", "Tove"))
    first, second = bank.competencies[0].id, bank.competencies[1].id
    r1 = make_completed_round(mette.id, rating=2, goals={first: "Inviter en borger"})
    r2 = tx(rounds.start_round, user_id=mette.id, context="efter-moede-1", note="Mette-note", bank_version=bank.version)
    goal = tx(goals.goals_to_follow_up, user_id=mette.id, round_id=r2.id)[0]
    tx(goals.save_followup, user_id=mette.id, round_id=r2.id, goal_id=goal.id, outcome=OUTCOME_ACHIEVED, text="Ja!")
    for qid in bank.question_ids:
        tx(rounds.save_rating, user_id=mette.id, round_id=r2.id, question_id=qid, rating=4)
    tx(goals.save_goal, user_id=mette.id, round_id=r2.id, position=1, competency_id=second, step="Lyt")
    tx(rounds.complete_round, user_id=mette.id, round_id=r2.id, required_question_ids=bank.question_ids)
    # Mette shares with Jonas, who comments; she also has an unused invitation lying about.
    tx(
        sharing.redeem_invitation,
        user_id=jonas.id,
        code=tx(sharing.create_invitation, leader_id=mette.id, scope="texts")[1],
    )
    tx(sharing.create_invitation, leader_id=mette.id, scope="scores")
    tx(feedback.save_feedback, author_id=jonas.id, round_id=r1.id, overall="Godt, Mette", ratings={first: 4})
    # Lise shares with Mette, who comments on Lise's round.
    lise_round = make_completed_round(lise.id, rating=3)
    tx(
        sharing.redeem_invitation,
        user_id=mette.id,
        code=tx(sharing.create_invitation, leader_id=lise.id, scope="scores")[1],
    )
    tx(feedback.save_feedback, author_id=mette.id, round_id=lise_round.id, overall="Fra Mette", ratings={first: 5})
    # Mette runs a course Jonas is on, and is herself on Tove's course.
    for trainer in ("Mette", "Tove"):
        tx(accounts.set_roles, username=trainer, is_trainer=True)
    own_course = tx(
        courses.create_course,
        trainer_id=mette.id,
        name="Mettes hold",
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 2, 1),
    )
    tx(courses.join_course, user_id=jonas.id, code=own_course.join_code)
    other = tx(
        courses.create_course,
        trainer_id=tove.id,
        name="Toves hold",
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 2, 1),
    )
    tx(courses.join_course, user_id=mette.id, code=other.join_code)
    tx(courses.set_consent, user_id=mette.id, course_id=other.id, consent=True)
    # Mette's network, a prepared talk and an agreement Jonas agreed to; she agreed to one of Lise's.
    _talks(tx, tools, mette, jonas, lise)
    return dict(mette=mette, jonas=jonas, lise=lise, r1=r1, r2=r2, lise_round=lise_round)


def _talks(tx, tools, mette, jonas, lise) -> None:
    tx(networks.save_network, user_id=mette.id, name="Mettes netværk", theme="Mette-tema", meetings=[date(2027, 2, 1)])
    tool = tools.for_talk("co-driver")
    tx(tool_answers.save_text, user_id=mette.id, tool_id=tool.id, question_id="kandidater", text="Mette-svar")
    for leader, reader in ((mette, jonas), (lise, mette)):
        view = tx(
            agreements.start_agreement,
            leader_id=leader.id,
            kind="co-driver",
            draft={"roller": f"{leader.username}-roller"},
            fields=tool.agreement.fields,
        )
        code = tx(agreements.create_invitation, leader_id=leader.id, kind="co-driver")[1]
        tx(agreements.redeem_invitation, user_id=reader.id, code=code)
        tx(agreements.save_comment, user_id=reader.id, agreement_id=view.id, text=f"Fra {reader.username}")
        tx(agreements.mark_agreed, user_id=reader.id, agreement_id=view.id, as_read=view.updated_at)
