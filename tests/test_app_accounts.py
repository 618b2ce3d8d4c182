"""Accounts people can trust, in the app (AppTest): throttled sign-in, password rules and change,
an administrator's reset code, sessions that end elsewhere, and the municipality's login."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from core.auth import ACCOUNT_LIMIT, SESSION_IDLE
from core.clock import utcnow
from db import accounts, auth_sessions, rounds
from db.models import AuthSession
from tests.conftest import PASSWORD
from tests.support.appflow import assert_no_exception, log_in, open_page, plain, sign_up, start_round

LOCKED = "For mange forsøg på at logge ind."
NEW_PASSWORD = "en helt ny sætning om netværk"


def _errors(at) -> list[str]:
    return [plain(e.value) for e in at.error]


def _infos(at) -> list[str]:
    return [plain(i.value) for i in at.info]


def _signed_in(at) -> bool:
    return "logout" in [b.key for b in at.sidebar.button]


def test_five_wrong_passwords_lock_the_name_with_one_message_for_known_and_unknown(new_session):
    sign_up(new_session(), "Mette")
    for name in ("Mette", "Ukendt"):
        at = new_session()
        for _ in range(ACCOUNT_LIMIT - 1):
            log_in(at, name, "forkert-kode-123")
            assert _errors(at) == ["Forkert brugernavn eller adgangskode."]
        log_in(at, name, "forkert-kode-123")
        assert _errors(at)[0].startswith(LOCKED)
    at = log_in(new_session(), "Mette", PASSWORD)  # the right password waits too
    assert _errors(at)[0].startswith(LOCKED) and not _signed_in(at)


def test_a_common_password_is_refused_at_sign_up_and_nothing_is_made(new_session, app_tx):
    at = sign_up(new_session(), "Mette", "Basketball")
    assert _errors(at) == [
        "Den adgangskode er for almindelig – den står på listen over kendte adgangskoder. Vælg en anden."
    ]
    assert not _signed_in(at)
    assert app_tx(accounts.authenticate, username="Mette", password="Basketball") is None


def test_sign_in_opens_a_session_on_the_server(new_session, app_tx, account_of):
    at = sign_up(new_session(), "Mette")
    session_id = at.session_state["auth-session"]
    assert app_tx(auth_sessions.check, session_id=session_id).account == account_of("Mette")
    at.sidebar.button(key="logout").click().run()
    assert app_tx(auth_sessions.check, session_id=session_id) is None
    assert _infos(at) == ["Du er logget ud."]


def _handoff_posts(at) -> list[str]:
    """The hand-overs the page asked the browser to post to /api/session (ui.browser.post_to_server)."""
    return [c.proto.json for c in at.get("bidi_component") if '"/api/session"' in c.proto.json]


def test_the_page_hands_the_code_over_until_the_browser_has_its_cookie(new_session, app_tx):
    at = sign_up(new_session(), "Mette")
    code = at.session_state["auth-handoff"]
    assert [code in post for post in _handoff_posts(at.run())] == [True]  # a lost post is posted again
    assert app_tx(auth_sessions.redeem_handoff, code=code) is not None  # what the browser's post does
    at.run()
    assert _handoff_posts(at) == [] and "auth-handoff" not in at.session_state and _signed_in(at)


def test_changing_the_password_signs_out_everywhere_else(new_session, app_tx, account_of):
    at = open_page(sign_up(new_session(), "Mette"), "konto")
    phone = log_in(new_session(), "Mette")

    at.text_input(key="password-current").input("forkert-kode-123")
    at.text_input(key="password-new").input(NEW_PASSWORD)
    at.button(key="password-change").click().run()
    assert _errors(at) == ["Den nuværende adgangskode er forkert. Intet er ændret."]

    at.text_input(key="password-current").input(PASSWORD)
    at.text_input(key="password-new").input(NEW_PASSWORD)
    at.button(key="password-change").click().run()
    assert_no_exception(at)
    assert [plain(s.value) for s in at.success] == ["Din adgangskode er skiftet. Du er logget ud alle andre steder."]
    assert _signed_in(at)

    phone.run()
    assert not _signed_in(phone)
    assert _infos(phone)[0].startswith("Du er logget ud – enten fordi")
    assert app_tx(accounts.authenticate, username="Mette", password=NEW_PASSWORD) is not None
    assert app_tx(accounts.authenticate, username="Mette", password=PASSWORD) is None


def test_a_weak_new_password_is_refused_and_the_old_one_still_works(new_session, account_of):
    at = open_page(sign_up(new_session(), "Mette"), "konto")
    at.text_input(key="password-current").input(PASSWORD)
    at.text_input(key="password-new").input("qwertyuiop")
    at.button(key="password-change").click().run()
    assert _errors(at)[0].startswith("Den adgangskode er for almindelig")
    assert account_of("Mette") is not None


def test_an_administrator_resets_a_password_and_the_code_lets_the_person_choose_a_new_one(new_session, app_tx):
    sign_up(new_session(), "Admin", name="Alma Holm")
    mette_browser = sign_up(new_session(), "Mette")
    app_tx(accounts.set_roles, username="Admin", is_admin=True)
    admin = open_page(log_in(new_session(), "Admin"), "admin")
    mette = app_tx(accounts.authenticate, username="Mette", password=PASSWORD)
    assert f"admin-reset-{mette.id}" in [b.key for b in admin.button]
    admin.button(key=f"admin-reset-{mette.id}").click().run()
    message = admin.success[0].value
    code = plain(message).split("engangskode: ")[1].split(" ")[0]
    assert len(code) == 14

    mette_browser.run()  # her session ended with the reset
    assert not _signed_in(mette_browser)
    at = new_session()
    at.text_input(key="reset-username").input("mette")
    at.text_input(key="reset-code").input(code.lower())
    at.text_input(key="reset-password").input(NEW_PASSWORD)
    at.button(key="reset-submit").click().run()
    assert_no_exception(at)
    assert _signed_in(at)
    assert app_tx(accounts.authenticate, username="Mette", password=NEW_PASSWORD) == mette


def test_a_wrong_reset_code_gets_a_message(new_session):
    sign_up(new_session(), "Mette")
    at = new_session()
    at.text_input(key="reset-username").input("Mette")
    at.text_input(key="reset-code").input("AAAA-BBBB-CCCC")
    at.text_input(key="reset-password").input(NEW_PASSWORD)
    at.button(key="reset-submit").click().run()
    assert _errors(at) == ["Brugernavnet eller engangskoden passer ikke, eller koden er brugt eller udløbet."]
    assert not _signed_in(at)


def test_a_session_ended_elsewhere_stops_the_next_click_and_keeps_what_was_typed(new_session, app_tx, bank, account_of):
    at = start_round(sign_up(new_session(), "Mette"))
    question = bank.competencies[0].questions[0]
    mette = account_of("Mette")
    app_tx(auth_sessions.end_session, session_id=at.session_state["auth-session"])

    at.text_area(key=f"text-{question.id}").input("Skrevet efter at sessionen sluttede").run()
    assert not _signed_in(at)
    assert _infos(at)[0].startswith("Du er logget ud – enten fordi")
    stored = app_tx(rounds.get_open_round, user_id=mette.id)
    assert all(not a.text for a in stored.answers.values())  # nothing stored while signed out

    log_in(at, "Mette")
    stored = app_tx(rounds.get_open_round, user_id=mette.id)
    assert stored.answers[question.id].text == "Skrevet efter at sessionen sluttede"


def test_what_one_person_typed_is_never_stored_for_another(new_session, app_tx, bank, account_of):
    at = start_round(sign_up(new_session(), "Mette"))
    sign_up(new_session(), "Birthe")
    question = bank.competencies[0].questions[0]
    app_tx(auth_sessions.end_session, session_id=at.session_state["auth-session"])
    at.text_area(key=f"text-{question.id}").input("Mettes tanker").run()
    log_in(at, "Birthe")
    assert _signed_in(at)
    assert app_tx(rounds.get_open_round, user_id=account_of("Birthe").id) is None
    assert all(not a.text for a in app_tx(rounds.get_open_round, user_id=account_of("Mette").id).answers.values())


def test_an_idle_session_ends_at_the_next_click(new_session, app_tx):
    at = sign_up(new_session(), "Mette")
    stale = utcnow() - SESSION_IDLE - timedelta(minutes=1)

    def make_idle(session):
        session.execute(update(AuthSession).values(last_seen_at=stale, created_at=stale))

    app_tx(make_idle)
    at.run()
    assert not _signed_in(at)
    assert at.button(key="login-submit")


def test_the_municipal_login_button_shows_when_sso_is_configured(new_session):
    at = new_session()
    assert "sso-login" not in [b.key for b in at.button]
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "secret",
        "client_id": "x",
        "client_secret": "y",
        "server_metadata_url": "https://login.example/.well-known/openid-configuration",
    }
    at.run()
    assert "sso-login" in [b.key for b in at.button]
    assert at.text_input(key="login-username")  # passwords stay on unless switched off

    at.secrets["netvaerksspejlet"] = {"local_accounts": False}
    at.run()
    assert "sso-login" in [b.key for b in at.button]
    assert "login-username" not in [t.key for t in at.text_input]
    assert "signup-username" not in [t.key for t in at.text_input]
