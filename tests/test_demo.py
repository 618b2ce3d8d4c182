"""The demo command: a realistic course in one go, and never on top of real accounts unless forced."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest

from core import texts
from core.clock import as_utc
from db import accounts, agreements, cohort, courses, demo, feedback, goals, networks, rounds, sharing
from db.engine import create_db_engine, make_sessionmaker
from questions import load_bank
from tests.conftest import ROOT


@pytest.fixture
def db_env(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    return database_url


def _login(tx, name):
    return tx(accounts.authenticate, username=name, password=demo.DEMO_PASSWORD)


def test_the_demo_holds_a_course_of_twelve_with_three_rounds_each_and_a_co_driver(db_env, tx, bank, capsys):
    assert demo.main([]) == 0
    assert "Adgangskode til alle: demo-adgangskode" in capsys.readouterr().out
    trainer = _login(tx, demo.TRAINER)
    course = tx(courses.trainer_courses, trainer_id=trainer.id)[0]
    assert course.member_count == 12
    mapping = bank.competency_of
    board = tx(
        cohort.dashboard,
        trainer_id=trainer.id,
        course_id=course.id,
        question_to_competency=mapping,
        contexts=list(texts.CONTEXTS),
    )
    assert board.stats.people == 12 and board.change_people == 12
    assert sorted(i.name for i in board.individuals) == sorted(demo.NAMES[u] for u in demo.CONSENTING)
    ratings = {r for p in board.stats.distribution.values() for r in p}
    assert len(ratings) >= 4  # varied, not one number everywhere
    mette = _login(tx, "mette")
    history = tx(rounds.list_history, user_id=mette.id)
    assert [r.context for r in history] == demo.CONTEXTS
    assert any(a.text for a in history[0].answers.values())
    # Every round has goals; those of the first two are followed up in the round after.
    mettes_goals = tx(goals.list_goals, user_id=mette.id)
    assert {g.round_id for g in mettes_goals} == {r.id for r in history}
    followed = [g for g in mettes_goals if g.round_id != history[-1].id]
    assert followed and all(g.followup is not None and g.followup.outcome for g in followed)
    codriver = _login(tx, demo.CODRIVER)
    assert [s.leader_name for s in tx(sharing.shares_received, codriver_id=codriver.id)] == [demo.NAMES["mette"]]
    assert (
        tx(feedback.feedback_for_leader, leader_id=mette.id)[history[-1].id][0].author_name == demo.NAMES[demo.CODRIVER]
    )
    # Her talks: the network, an agreement her personaleleder agreed to, one her co-driver may read.
    assert tx(networks.get_network, user_id=mette.id).name == "Unge i job"
    mine = tx(agreements.list_agreements, leader_id=mette.id)
    assert mine["personaleleder"].agreed_by_name == demo.NAMES[demo.PERSONALELEDER]
    assert mine["personaleleder"].values["timer"]["moeder"] == 8
    assert not mine["co-driver"].is_agreed
    assert [i.kind for i in tx(agreements.invited_to, user_id=codriver.id)] == ["co-driver"]
    boss = _login(tx, demo.PERSONALELEDER)
    assert [i.leader_name for i in tx(agreements.invited_to, user_id=boss.id)] == [demo.NAMES["mette"]]


def test_it_goes_in_beside_someone_who_signed_up_first_and_touches_nothing_of_theirs(db_env, tx, make_user, bank):
    """The README's order: sign up, then the demo. The real account keeps its own (empty) history."""
    real = make_user("Rigtig")
    assert demo.main([]) == 0
    assert _login(tx, demo.TRAINER) is not None
    assert tx(rounds.list_rounds, user_id=real.id) == []
    assert tx(sharing.shares_received, codriver_id=real.id) == []
    assert tx(courses.my_courses, user_id=real.id) == []
    assert demo.main([]) == 1  # never twice


@pytest.mark.parametrize("username", ["mette", "MEtte", "mеtte"])  # the last with a Cyrillic е
def test_it_refuses_when_a_demo_username_is_someones_and_stores_nothing(db_env, tx, make_user, username, capsys):
    make_user(username)
    assert demo.main([]) == 1
    said = capsys.readouterr().err
    assert "»mette« er allerede i brug" in said and "Intet er ændret." in said
    assert _login(tx, demo.TRAINER) is None


def test_every_date_lies_before_today_and_the_last_round_is_recent(db_env, tx):
    today = date(2026, 12, 7)
    engine = create_db_engine(db_env)
    with make_sessionmaker(engine).begin() as session:
        demo.seed(session, load_bank(), random.Random(2027), today=today)
    engine.dispose()
    mette = _login(tx, "mette")
    done = [as_utc(r.completed_at) for r in tx(rounds.list_history, user_id=mette.id)]
    moment = datetime(2026, 12, 7, 23, 59, tzinfo=UTC)
    assert all(d < moment for d in done)
    assert moment - max(done) < timedelta(days=21) and moment - min(done) > timedelta(days=100)
    course = tx(courses.trainer_courses, trainer_id=_login(tx, demo.TRAINER).id)[0]
    assert course.name == "Netværksledelse – efterår 2026"


def test_the_documented_command_runs_in_under_a_minute(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "db.demo"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Demo er lagt ind" in done.stdout
