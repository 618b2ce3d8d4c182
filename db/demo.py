"""Seed a realistic demo into the configured database: `python -m db.demo [--force]`.

A trainer with a course, 12 leaders with three completed rounds each (varied ratings and Danish
reflections, 1–2 development goals per round, followed up in the next), a few who let the trainer
see their results, and one leader sharing with a co-driver who has given feedback; she also has
her network, an agreement her personaleleder has agreed to and one her co-driver may read. Every
account's password is DEMO_PASSWORD.

Every date is relative to the day it is seeded: the last round was completed about a week ago,
the first some four months before, and nothing completed lies in the future (a PDF once said
"udskrevet 7. dec. 2026" of a round "7. maj 2027"). The network's meetings run on from its start,
so some lie ahead, as a real network's do.

It may be seeded beside real accounts (someone who signed up first, as the README has it): the
demo's people are accounts of their own, and nothing of theirs touches anyone else. It refuses
only when one of the demo's usernames, or one that looks like it, is already someone's.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from core.agreements import draft
from core.formatting import local_today
from core.vocabulary import SCOPE_TEXTS
from db import accounts, agreements, courses, feedback, goals, networks, rounds, sharing, tool_answers
from db.engine import make_sessionmaker, prepare_database
from db.models import Round
from questions import QuestionBank, load_bank
from questions.tools import Tools, load_tools

DEMO_PASSWORD = "demo-adgangskode"
TRAINER = "underviser"
CODRIVER = "karsten"
PERSONALELEDER = "susanne"  # Mette's personaleleder, who agreed to their agreement
LEADERS = [
    "mette", "jonas", "aisha", "birgitte", "frederik", "hanne",
    "ole", "sofie", "tariq", "lene", "mikkel", "yasmin",
]  # fmt: skip
NAMES = {
    "underviser": "Inge Mortensen", "karsten": "Karsten Holm", "mette": "Mette Kjær", "jonas": "Jonas Berg",
    "aisha": "Aisha Rahimi", "birgitte": "Birgitte Lund", "frederik": "Frederik Møller", "hanne": "Hanne Vestergaard",
    "ole": "Ole Thomsen", "sofie": "Sofie Dahl", "tariq": "Tariq Aziz", "lene": "Lene Bach", "mikkel": "Mikkel Krogh",
    "yasmin": "Yasmin Haddad", "susanne": "Susanne Berg",
}  # fmt: skip
CONTEXTS = ["foer-netvaerket", "efter-moede-2", "efter-moede-4"]
CONSENTING = {"mette", "aisha", "ole"}
REFLECTIONS = [
    "Jeg fik inviteret borgerne med tidligt, og det gav et andet blik på problemet.",
    "Det var svært at holde fast i fremdriften, da to afdelinger ville noget forskelligt.",
    "Jeg prøvede at stille flere åbne spørgsmål i stedet for at komme med løsninger.",
    "Vi har brug for en tydeligere aftale med direktionen om, hvad vi må afprøve.",
    "Mødet blev bedre, da jeg lod deltagerne selv formulere de næste skridt.",
    "Jeg vil arbejde på at fortælle om netværket, så kollegerne kan se meningen.",
    "Jeg turde at lade et eksperiment slå fejl, og vi lærte meget af det.",
    "Min co-driver hjalp mig med at se, hvem der manglede ved bordet.",
    "",
]
GOAL_STEPS = [
    "Jeg inviterer to borgere med til næste netværksmøde.",
    "Jeg starter mødet med at spørge, hvad deltagerne selv vil have ud af det.",
    "Jeg aftaler med min chef, hvad vi må afprøve uden at spørge igen.",
    "Jeg skriver et kort referat med de næste skridt samme dag.",
    "Jeg lader en deltager lede en del af mødet.",
]
FOLLOWUPS = [
    ("achieved", "Det virkede – deltagerne tog mere ansvar."),
    ("partly", "Jeg nåede det halve; tiden løb fra os."),
    ("not_yet", "Det blev ikke til noget denne gang. Jeg prøver igen."),
]
ROUND_SPACING = timedelta(days=56)  # about two meetings apart
USERNAMES = [TRAINER, CODRIVER, PERSONALELEDER, *LEADERS]


def first_round_day(today: date) -> datetime:
    """When the demo's first rounds were taken: so the last of three was about a week before today."""
    first = today - (len(CONTEXTS) - 1) * ROUND_SPACING - timedelta(days=14)
    return datetime(first.year, first.month, first.day, 9, 0, tzinfo=UTC)


def _taken(session: Session) -> list[str]:
    """The demo's usernames someone already has (or one that looks like it)."""
    return [name for name in USERNAMES if accounts.name_problem(session, name) is not None]


def _season(day: date) -> str:
    return f"{'forår' if day.month <= 6 else 'efterår'} {day.year}"


def _rate(rng: random.Random, base: float, growth: float, step: int) -> int:
    return max(1, min(5, round(rng.gauss(base + growth * step, 0.7))))


def _seed_rounds(session: Session, bank: QuestionBank, rng: random.Random, user_id: int, start: datetime) -> None:
    base, growth = rng.uniform(2.0, 3.4), rng.uniform(0.1, 0.6)
    for step, context in enumerate(CONTEXTS):
        round_ = rounds.start_round(
            session=session, user_id=user_id, context=context, note="", bank_version=bank.version
        )
        for question_id in bank.question_ids:
            rating = _rate(rng, base, growth, step)
            rounds.save_rating(
                session=session, user_id=user_id, round_id=round_.id, question_id=question_id, rating=rating
            )
            text = rng.choice(REFLECTIONS)
            if text:
                rounds.save_text(
                    session=session, user_id=user_id, round_id=round_.id, question_id=question_id, text=text
                )
        for goal in goals.goals_to_follow_up(session=session, user_id=user_id, round_id=round_.id):
            outcome, text = rng.choice(FOLLOWUPS)
            goals.save_followup(
                session=session, user_id=user_id, round_id=round_.id, goal_id=goal.id, outcome=outcome, text=text
            )
        picked = rng.sample([c.id for c in bank.competencies], k=rng.randint(1, 2))
        for position, competency_id in enumerate(picked, start=1):
            goals.save_goal(
                session=session,
                user_id=user_id,
                round_id=round_.id,
                position=position,
                competency_id=competency_id,
                step=rng.choice(GOAL_STEPS),
            )
        rounds.complete_round(
            session=session, user_id=user_id, round_id=round_.id, required_question_ids=bank.question_ids, min_goals=1
        )
        when = start + step * ROUND_SPACING + timedelta(days=rng.randint(0, 6), hours=rng.randint(0, 6))
        session.execute(
            update(Round).where(Round.id == round_.id).values(started_at=when, updated_at=when, completed_at=when)
        )


def _seed_talks(session: Session, tools: Tools, leader_id: int, codriver_id: int, start: datetime) -> None:
    """The first leader's network, the talk with her personaleleder prepared and agreed, and a
    draft agreement with her co-driver, who is invited to read it."""
    first_meeting = start.date() + timedelta(days=20)
    networks.save_network(
        session=session,
        user_id=leader_id,
        name="Unge i job",
        theme="Flere unge uden uddannelse i job eller uddannelse, sammen med virksomhederne.",
        meetings=[first_meeting + timedelta(days=days) for days in (0, 35, 70, 112, 140)],
    )
    tool = tools.for_talk("personaleleder")
    answers = {
        "tid-travle-perioder": "Februar og maj-juni bliver travle; april er roligere.",
        "sekretariat-perioder": "Uge 5-6 og uge 20-25 i sekretariatet.",
        "kompetence-udvikling": "Jeg vil blive bedre til at facilitere, når uenighederne er store.",
    }
    for question_id, text in answers.items():
        tool_answers.save_text(session=session, user_id=leader_id, tool_id=tool.id, question_id=question_id, text=text)
    view = agreements.start_agreement(
        session=session,
        leader_id=leader_id,
        kind=tool.talk,
        draft={**draft(tool, answers), "timer": {"opstart": 4, "moeder": 8, "test": 12, "forankring": 3}},
        fields=tool.agreement.fields,
    )
    boss = accounts.create_user(
        session=session, username=PERSONALELEDER, password=DEMO_PASSWORD, name=NAMES[PERSONALELEDER]
    )
    codriver_tool = tools.for_talk("co-driver")
    agreements.start_agreement(
        session=session,
        leader_id=leader_id,
        kind=codriver_tool.talk,
        draft={"roller": "Karsten sparrer før hvert møde og tager referat; vi evaluerer sammen bagefter."},
        fields=codriver_tool.agreement.fields,
    )
    for reader, kind in ((boss.id, tool.talk), (codriver_id, codriver_tool.talk)):
        _, code = agreements.create_invitation(session=session, leader_id=leader_id, kind=kind)
        agreements.redeem_invitation(session=session, user_id=reader, code=code)
    agreements.save_comment(
        session=session, user_id=boss.id, agreement_id=view.id, text="God plan. Vi kigger på timerne igen i april."
    )
    agreements.mark_agreed(session=session, user_id=boss.id, agreement_id=view.id, as_read=view.updated_at)


def seed(
    session: Session, bank: QuestionBank, rng: random.Random, tools: Tools | None = None, today: date | None = None
) -> str:
    """Create the demo, dated back from `today` (the day it runs); return what to tell the person who ran it."""
    tools = tools or load_tools()
    start = first_round_day(today or local_today())
    trainer = accounts.create_user(session=session, username=TRAINER, password=DEMO_PASSWORD, name=NAMES[TRAINER])
    accounts.set_roles(session=session, username=TRAINER, is_trainer=True)
    course = courses.create_course(
        session=session,
        trainer_id=trainer.id,
        name=f"Netværksledelse – {_season(start.date())}",
        description="Lederuddannelse i netværksledelse, hold 7.",
        starts_on=start.date() - timedelta(days=1),
        ends_on=start.date() + timedelta(days=165),
    )
    codriver = accounts.create_user(session=session, username=CODRIVER, password=DEMO_PASSWORD, name=NAMES[CODRIVER])
    for name in LEADERS:
        leader = accounts.create_user(session=session, username=name, password=DEMO_PASSWORD, name=NAMES[name])
        _seed_rounds(session, bank, rng, leader.id, start)
        courses.join_course(session=session, user_id=leader.id, code=course.join_code)
        if name in CONSENTING:
            courses.set_consent(session=session, user_id=leader.id, course_id=course.id, consent=True)
        if name == LEADERS[0]:
            _, code = sharing.create_invitation(session=session, leader_id=leader.id, scope=SCOPE_TEXTS)
            sharing.redeem_invitation(session=session, user_id=codriver.id, code=code)
            latest = rounds.latest_completed(session=session, user_id=leader.id)
            assert latest is not None, "the demo seeds completed rounds first"
            feedback.save_feedback(
                session=session,
                author_id=codriver.id,
                round_id=latest.id,
                overall="Du er blevet meget bedre til at give plads til de andre. Lad os tale om fremdriften.",
                ratings={c.id: _rate(rng, 3.2, 0, 0) for c in bank.competencies},
                comments={bank.competencies[0].id: "Du fik borgerne med – husk også erhvervslivet næste gang."},
            )
            _seed_talks(session, tools, leader.id, codriver.id, start)
    return (
        f"Demo er lagt ind: underviseren »{TRAINER}«, holdet »{course.name}« (kode {course.join_code}), "
        f"{len(LEADERS)} ledere med {len(CONTEXTS)} runder hver (fx »{LEADERS[0]}«), "
        f"co-driveren »{CODRIVER}« og personalelederen »{PERSONALELEDER}«. Adgangskode til alle: {DEMO_PASSWORD}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m db.demo", description="Læg demodata ind i databasen.")
    # Kept so an older note's command still runs; the demo no longer needs it (its people are its own).
    parser.add_argument("--force", action="store_true", help=argparse.SUPPRESS)
    parser.parse_args(argv)
    engine = prepare_database()
    try:
        with make_sessionmaker(engine).begin() as session:
            taken = _taken(session)
            if accounts.user_named(session, TRAINER) is not None:
                print("Demoen ligger her allerede. Intet er ændret.", file=sys.stderr)
                return 1
            if taken:
                print(
                    f"Brugernavnet »{taken[0]}« er allerede i brug, så demoen er ikke lagt ind. Intet er ændret. "
                    "Læg demoen i en tom database, fx med DATABASE_URL=sqlite:///data/demo.sqlite3.",
                    file=sys.stderr,
                )
                return 1
            print(seed(session, load_bank(), random.Random(2027)))
    finally:
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
