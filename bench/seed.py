"""Make benchmark data fast: leaders with completed rounds, and courses, written in bulk.

Rows go in with executemany through SQLAlchemy Core (no per-row ORM work), so 10,000 leaders
with 5 rounds each (a million answers) take seconds, not hours. Every account has the same
password, hashed once.
"""

from __future__ import annotations

import random
import zlib
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Engine

from core import texts
from core.vocabulary import ROUND_COMPLETED
from db import accounts
from db.accounts import username_key
from db.models import Answer, Course, CourseMember, Goal, Round, User
from questions import QuestionBank

PASSWORD = "bench-adgangskode"
ROUNDS_PER_LEADER = 5
_BATCH = 20_000
_CONTEXTS = list(texts.CONTEXTS)[:ROUNDS_PER_LEADER]
_START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
_hash = None


def password_hash() -> str:
    global _hash
    if _hash is None:
        _hash = accounts._hasher.hash(PASSWORD)  # at the app's cost: signing in needs no rehash
    return _hash


def _write(engine: Engine, table, rows: list[dict]) -> None:
    with engine.begin() as conn:
        for start in range(0, len(rows), _BATCH):
            conn.execute(insert(table), rows[start : start + _BATCH])


def settle(engine: Engine) -> None:
    """After a bulk load, do now what PostgreSQL's autovacuum would do within a minute in a real
    deployment: let the planner see the new sizes (without it, it guesses from empty tables), and
    vacuum the new rows, so that work does not run beside the measures on the same CPUs."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))


def leader_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(User).where(User.username.like("leder-%"))) or 0


def add_leaders(engine: Engine, bank: QuestionBank, upto: int, rounds: int = ROUNDS_PER_LEADER, seed: int = 7) -> None:
    """Grow the number of leaders named `leder-N` to `upto`, each with `rounds` completed rounds."""
    have = leader_count(engine)
    if have >= upto:
        return
    rng = random.Random(seed + have)
    names = [f"leder-{n:05d}" for n in range(have, upto)]
    _write(
        engine,
        User.__table__,
        [
            {"username": n, "username_key": username_key(n), "password_hash": password_hash(), "created_at": _START}
            for n in names
        ],
    )
    with engine.connect() as conn:
        ids = list(conn.scalars(select(User.id).where(User.username.in_(names)).order_by(User.id)))
    add_rounds(engine, bank, ids, rounds, rng)


def add_rounds(engine: Engine, bank: QuestionBank, user_ids: list[int], rounds: int, rng: random.Random) -> None:
    """Give each user `rounds` completed rounds with every question rated and some texts, and a goal each."""
    round_rows = []
    for uid in user_ids:
        for n in range(rounds):
            when = _START + timedelta(days=30 * n, minutes=uid % 600)
            round_rows.append(
                {
                    "user_id": uid,
                    "context": _CONTEXTS[n % len(_CONTEXTS)],
                    "note": "",
                    "bank_version": bank.version,
                    "status": ROUND_COMPLETED,
                    "current_step": len(bank.competencies),
                    "started_at": when,
                    "updated_at": when,
                    "completed_at": when,
                }
            )
    _write(engine, Round.__table__, round_rows)
    with engine.connect() as conn:
        round_ids = list(conn.scalars(select(Round.id).where(Round.user_id.in_(user_ids)).order_by(Round.id)))
    answers, goals = [], []
    first = bank.competencies[0].id
    for rid in round_ids:
        base = rng.uniform(1.5, 4.5)
        for qid in bank.question_ids:
            rating = max(1, min(5, round(rng.gauss(base, 0.8))))
            text = "Jeg lyttede mere og spurgte borgerne først. " * rng.randint(0, 4)
            answers.append({"round_id": rid, "question_id": qid, "rating": rating, "text": text, "updated_at": _START})
        goal = {"round_id": rid, "position": 1, "competency_id": first, "step": "Invitere en borger med"}
        goals.append({**goal, "created_at": _START, "updated_at": _START})
    _write(engine, Answer.__table__, answers)
    _write(engine, Goal.__table__, goals)


def add_course(engine: Engine, bank: QuestionBank, size: int, name: str) -> tuple[int, int]:
    """A trainer and a course of `size` new leaders with rounds, a third consenting; return (trainer, course)."""
    rng = random.Random(size)
    trainer = f"underviser-{name}"
    members = [f"deltager-{name}-{n:05d}" for n in range(size)]
    _write(
        engine,
        User.__table__,
        [
            {
                "username": n,
                "username_key": username_key(n),
                "password_hash": password_hash(),
                "created_at": _START,
                "is_trainer": n == trainer,
            }
            for n in [trainer, *members]
        ],
    )
    with engine.connect() as conn:
        trainer_id = conn.scalar(select(User.id).where(User.username == trainer))
        member_ids = list(conn.scalars(select(User.id).where(User.username.in_(members)).order_by(User.id)))
    add_rounds(engine, bank, member_ids, ROUNDS_PER_LEADER, rng)
    code = "B" + f"{zlib.crc32(name.encode()):07d}"[-7:]  # one per course name: two courses of a size differ
    _write(
        engine,
        Course.__table__,
        [
            {
                "trainer_id": trainer_id,
                "name": f"Hold {name}",
                "description": "",
                "starts_on": _START.date(),
                "ends_on": (_START + timedelta(days=180)).date(),
                "join_code": code,
                "min_group": 3,
                "created_at": _START,
            }
        ],
    )
    with engine.connect() as conn:
        course_id = conn.scalar(select(Course.id).where(Course.join_code == code))
    _write(
        engine,
        CourseMember.__table__,
        [
            {"course_id": course_id, "user_id": uid, "consent": n % 3 == 2, "joined_at": _START}
            for n, uid in enumerate(member_ids)
        ],
    )
    return trainer_id, course_id
