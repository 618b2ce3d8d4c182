"""People are called by their names wherever they are named; the username is only for signing in (AppTest)."""

from __future__ import annotations

import re
from datetime import date

from core import texts
from db import accounts, courses, feedback, sharing
from tests.conftest import PASSWORD
from tests.support.appflow import assert_no_exception, log_in, open_page, plain, sign_up
from tests.support.storage import completed_round


def _sidebar(at) -> list[str]:
    return [t.value for t in at.sidebar.text]


def _everything(at) -> str:
    """Every piece of text on the page, tables included."""
    parts = [
        e.value
        for kind in ("text", "caption", "markdown", "header", "title", "info", "success")
        for e in getattr(at, kind)
    ]
    for table in at.table:
        frame = table.value
        parts += [str(c) for c in frame.columns] + [str(i) for i in frame.index]
        parts += [str(v) for v in frame.to_numpy().ravel()]
    parts += [t.label for t in at.toggle] + [b.label for b in at.button]
    return plain("\n".join(parts))


def test_sign_up_asks_for_a_name_and_the_menu_uses_it(new_session):
    at = sign_up(new_session(), "lise", name="Lise Hansen")
    assert_no_exception(at)
    assert texts.SIGNED_IN_AS.format(name="Lise Hansen") in _sidebar(at)


def test_a_name_with_a_space_is_welcome_and_an_empty_one_is_refused(new_session, app_tx):
    at = sign_up(new_session(), "lise", name="   ")
    assert [e.value for e in at.error] == [texts.NAME_MISSING]
    assert app_tx(accounts.authenticate, username="lise", password=PASSWORD) is None
    # A username with a space is still refused, with a message saying where the full name goes.
    at = sign_up(new_session(), "Lise Hansen", name="Lise Hansen")
    assert [plain(e.value) for e in at.error] == [texts.USERNAME_INVALID]
    assert "»Dit navn«" in texts.USERNAME_INVALID


def test_the_name_is_changed_under_my_account_and_the_username_stays(new_session, app_tx):
    at = sign_up(new_session(), "lise", name="Lise Hansen")
    at = open_page(at, "konto")
    assert at.text_input(key="account-name").value == "Lise Hansen"
    at.text_input(key="account-name").input("Lise Hansen Berg")
    at = at.button(key="account-name-save").click().run()
    assert texts.NAME_CHANGED.format(name="Lise Hansen Berg") in [plain(s.value) for s in at.success]
    assert texts.SIGNED_IN_AS.format(name="Lise Hansen Berg") in _sidebar(at)
    again = log_in(new_session(), "lise")  # still signs in with the username
    assert texts.SIGNED_IN_AS.format(name="Lise Hansen Berg") in _sidebar(again)
    # An empty name changes nothing.
    at.text_input(key="account-name").input("  ")
    at = at.button(key="account-name-save").click().run()
    assert [plain(e.value) for e in at.error] == [texts.NAME_INVALID.format(max=80)]
    assert app_tx(accounts.authenticate, username="lise", password=PASSWORD).name == "Lise Hansen Berg"


def test_leader_co_driver_and_trainer_see_each_other_by_name_not_username(new_session, app_tx, bank):
    new_session()
    lise = app_tx(accounts.create_user, username="lise", password=PASSWORD, name="Lise Hansen")
    karsten = app_tx(accounts.create_user, username="kah", password=PASSWORD, name="Karsten Holm")
    inge = app_tx(accounts.create_user, username="underviser", password=PASSWORD, name="Inge Mortensen")
    app_tx(accounts.set_roles, username="underviser", is_trainer=True)
    course = app_tx(
        courses.create_course, trainer_id=inge.id, name="Hold 7", starts_on=date(2027, 1, 1), ends_on=date(2027, 6, 1)
    )
    app_tx(courses.join_course, user_id=lise.id, code=course.join_code)
    app_tx(courses.set_consent, user_id=lise.id, course_id=course.id, consent=True)
    done = completed_round(app_tx, bank, lise.id, 4)
    code = app_tx(sharing.create_invitation, leader_id=lise.id, scope="texts")[1]
    app_tx(sharing.redeem_invitation, user_id=karsten.id, code=code)
    app_tx(feedback.save_feedback, author_id=karsten.id, round_id=done.id, overall="Godt", ratings={})

    views = {
        "the leader's sharing page": open_page(log_in(new_session(), "lise"), "deling"),
        "the leader's results": open_page(log_in(new_session(), "lise"), "resultater"),
        "the leader's courses": open_page(log_in(new_session(), "lise"), "mine_hold"),
        "the co-driver's page": open_page(log_in(new_session(), "kah"), "co_driver"),
        "the trainer's dashboard": open_page(log_in(new_session(), "underviser"), "hold"),
    }
    expected = {
        "the leader's sharing page": "Karsten Holm",
        "the leader's results": "Karsten Holm",
        "the leader's courses": "Inge Mortensen",
        "the co-driver's page": "Lise Hansen",
        "the trainer's dashboard": "Lise Hansen",
    }
    for view, at in views.items():
        assert_no_exception(at)
        shown = _everything(at)
        assert expected[view] in shown, view
        # No username stands anywhere (they are lower case here; the names are not).
        assert not re.search(r"\b(lise|kah|underviser)\b", shown), (
            view,
            re.findall(r".{30}\b(?:lise|kah)\b.{30}", shown),
        )
    assert "Lise Hansens styrker over tid" in [plain(e.label) for e in views["the co-driver's page"].expander]


def test_the_co_drivers_link_still_names_the_leader_by_username(new_session, app_tx, bank):
    new_session()
    lise = app_tx(accounts.create_user, username="lise", password=PASSWORD, name="Lise Hansen")
    karsten = app_tx(accounts.create_user, username="kah", password=PASSWORD, name="Karsten Holm")
    completed_round(app_tx, bank, lise.id, 4)
    app_tx(
        sharing.redeem_invitation,
        user_id=karsten.id,
        code=app_tx(sharing.create_invitation, leader_id=lise.id, scope="scores")[1],
    )
    at = log_in(new_session(), "kah")
    at.query_params["leader"] = "lise"
    at = open_page(at, "co_driver")
    assert_no_exception(at)
    assert not at.warning
    assert at.selectbox(key="cd-leader").value == lise.id
    assert "Lise Hansens styrker over tid" in [plain(e.label) for e in at.expander]
