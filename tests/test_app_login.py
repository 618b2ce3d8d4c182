"""Signing up, in and out in the app (AppTest)."""

from __future__ import annotations

from tests.support.appflow import assert_no_exception, log_in, sign_up


def test_sign_up_signs_the_new_leader_in(new_session):
    at = sign_up(new_session(), "Mette")
    assert_no_exception(at)
    assert [t.value for t in at.title] == ["Ny runde"]
    assert at.sidebar.button(key="logout")


def test_sign_in_with_other_case_reaches_the_same_account(new_session):
    sign_up(new_session(), "Mette")
    at = log_in(new_session(), "METTE")
    assert at.button(key="round-start")


def test_wrong_password_and_unknown_user_get_the_same_message(new_session):
    sign_up(new_session(), "Mette")
    wrong = log_in(new_session(), "Mette", "forkert-kode-123")
    unknown = log_in(new_session(), "Ukendt", "forkert-kode-123")
    assert (
        [e.value for e in wrong.error] == [e.value for e in unknown.error] == ["Forkert brugernavn eller adgangskode."]
    )
    assert "logout" not in [b.key for b in wrong.sidebar.button]
    assert "logout" not in [b.key for b in unknown.sidebar.button]


def test_taken_username_is_refused_with_a_message(new_session):
    sign_up(new_session(), "Mette")
    at = sign_up(new_session(), "mette")
    assert [e.value for e in at.error] == ["Brugernavnet er allerede i brug. Vælg et andet."]


def test_a_look_alike_of_a_username_is_refused_saying_why(new_session):
    sign_up(new_session(), "Mette")
    at = sign_up(new_session(), "Mеtte")  # Cyrillic е
    [error] = [e.value for e in at.error]
    assert error.startswith("Brugernavnet ligner for meget et, der allerede er i brug")
    assert "logout" not in [b.key for b in at.sidebar.button]


def test_short_password_is_refused_with_the_rule(new_session):
    at = sign_up(new_session(), "Mette", "kort")
    assert [e.value for e in at.error] == ["Adgangskoden skal være mindst 10 tegn."]
    assert "logout" not in [b.key for b in at.sidebar.button]


def test_log_out_returns_to_the_sign_in_page_and_forgets_the_user(new_session):
    at = sign_up(new_session(), "Mette")
    at.sidebar.button(key="logout").click().run()
    assert at.button(key="login-submit")
    assert "account" not in at.session_state
