"""Each person signs in at the front page and is where their work is (AppTest; ui/landing.py)."""

from __future__ import annotations

from datetime import date

import pytest

from core import texts
from db import accounts, agreements, courses, rounds, sharing
from tests.conftest import PASSWORD
from tests.support.appflow import assert_no_exception, log_in, open_page
from tests.support.storage import completed_round


def _titles(at) -> list[str]:
    return [t.value for t in at.title]


@pytest.fixture
def people(new_session, app_tx, bank, tools):
    """Mette leads (a completed round), Karsten follows her, Susanne is invited to her agreement,
    Inge trains a course, Nina is new."""
    new_session()
    made = {
        u: app_tx(accounts.create_user, username=u, password=PASSWORD)
        for u in ("mette", "karsten", "susanne", "inge", "nina")
    }
    completed_round(app_tx, bank, made["mette"].id, rating=4)
    app_tx(
        sharing.redeem_invitation,
        user_id=made["karsten"].id,
        code=app_tx(sharing.create_invitation, leader_id=made["mette"].id, scope="texts")[1],
    )
    tool = tools.for_talk("personaleleder")
    view = app_tx(
        agreements.start_agreement,
        leader_id=made["mette"].id,
        kind="personaleleder",
        draft={},
        fields=tool.agreement.fields,
    )
    code = app_tx(agreements.create_invitation, leader_id=made["mette"].id, kind="personaleleder")[1]
    app_tx(agreements.redeem_invitation, user_id=made["susanne"].id, code=code)
    app_tx(accounts.set_roles, username="inge", is_trainer=True)
    app_tx(
        courses.create_course,
        trainer_id=made["inge"].id,
        name="Hold 7",
        starts_on=date(2027, 1, 1),
        ends_on=date(2027, 6, 1),
    )
    return made, view


@pytest.mark.parametrize(
    ("username", "title"),
    [
        ("mette", texts.MY_OVERVIEW_TITLE),  # completed rounds, nothing open: her overview
        ("karsten", texts.CODRIVER_TITLE),  # follows Mette and has no rounds of his own
        ("susanne", texts.TALKS_TITLE),  # an agreement waits for her
        ("inge", texts.COURSES_TITLE),
        ("nina", texts.START_TITLE),  # nothing yet: the start of a first round
    ],
)
def test_signing_in_at_the_front_page_lands_where_the_work_is(people, new_session, username, title):
    at = log_in(new_session(), username)
    assert_no_exception(at)
    assert _titles(at)[:1] == [title]


def test_an_open_round_comes_before_everything_and_opens_at_its_step(people, new_session, app_tx, bank):
    made, _ = people
    app_tx(accounts.set_roles, username="mette", is_trainer=True)
    started = app_tx(
        rounds.start_round, user_id=made["mette"].id, context="efter-moede-1", note="", bank_version=bank.version
    )
    app_tx(rounds.set_step, user_id=made["mette"].id, round_id=started.id, step=3)
    at = log_in(new_session(), "mette")
    assert [h.value for h in at.header][:1] == [bank.competencies[3].name]


def test_the_invited_person_finds_the_agreement_open_and_nothing_of_a_leaders_own(people, new_session, tools):
    _, view = people
    at = log_in(new_session(), "susanne")
    assert_no_exception(at)
    assert any(texts.TALK_PERSON["personaleleder"] in s.value for s in at.subheader)
    keys = {b.key for b in at.button}
    leaders_own = {f"tool-{t.id}" for t in tools.tools} | {f"agreement-{t.talk}" for t in tools.tools}
    assert keys & leaders_own == set()
    assert at.get("page_link")[0].proto.label == texts.READER_OWN_REFLECTION


def test_a_deep_link_still_wins(people, new_session):
    at = new_session()
    at = open_page(at, "mine_data")
    at = log_in(at, "karsten")
    assert _titles(at)[:1] == [texts.MY_DATA_TITLE]


def test_own_comment_is_never_beside_no_comments_yet(people, new_session, app_tx):
    made, view = people
    app_tx(agreements.save_comment, user_id=made["susanne"].id, agreement_id=view.id, text="Det lyder godt")
    at = log_in(new_session(), "susanne")
    captions = [c.value for c in at.caption]
    assert texts.AGREEMENT_NO_COMMENTS not in captions
    assert texts.AGREEMENT_NO_OTHER_COMMENTS in captions
    assert at.text_area(key="agreement-comment").value == "Det lyder godt"
