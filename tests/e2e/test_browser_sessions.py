"""Staying signed in, in a real browser: the session cookie survives a reload, a new tab and a
server restart; signing out in one tab ends the other; the cookie's flags are as promised."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

from db import accounts
from tests.conftest import PASSWORD
from tests.e2e import a11y
from tests.e2e.helpers import (
    click,
    go_to,
    key,
    log_in,
    sign_up_here,
    wait_for_cookie,
    wait_for_idle,
    wait_for_no_cookie,
)
from tests.support.server import running_app
from web.session_cookie import COOKIE_NAME, DEVICE_COOKIE_NAME

pytestmark = pytest.mark.browser
FLAGS = a11y.ARTIFACTS / "session-cookie.json"


def _signed_in(page: Page) -> None:
    expect(page.locator(key("logout"))).to_be_visible()


def _mette_signs_in(app_server, page: Page, storage) -> dict:
    """Mette has an account and signs in; returns her session cookie once the browser holds it."""
    storage(accounts.create_user, username="Mette", password=PASSWORD)
    page.goto(app_server.url)
    wait_for_idle(page)
    # She comes back the next morning (a page load: the websocket carries the device cookie).
    page.reload()
    wait_for_idle(page)
    log_in(page, "Mette", PASSWORD)
    _signed_in(page)
    return wait_for_cookie(page, COOKIE_NAME)


def test_a_reload_and_a_new_tab_stay_signed_in_with_an_httponly_cookie(app_server, page, storage):
    cookie = _mette_signs_in(app_server, page, storage)
    FLAGS.parent.mkdir(parents=True, exist_ok=True)
    FLAGS.write_text(json.dumps({**cookie, "value": "<hidden>"}, indent=2))
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Strict"
    assert cookie["secure"] is True  # loopback counts as a secure origin for cookies
    assert cookie["path"] == "/"
    assert 13.9 * 86400 < cookie["expires"] - page.evaluate("Date.now() / 1000") <= 14 * 86400
    assert COOKIE_NAME not in page.evaluate("document.cookie"), "page scripts must not read the session cookie"
    assert cookie["value"] not in page.url

    page.reload()
    wait_for_idle(page)
    _signed_in(page)
    expect(page.get_by_text("Logget ind som Mette")).to_be_visible()

    other_tab = page.context.new_page()
    other_tab.goto(f"{app_server.url}/resultater")
    wait_for_idle(other_tab)
    _signed_in(other_tab)
    expect(other_tab.get_by_role("heading", name="Mine resultater")).to_be_visible()
    other_tab.close()


def test_signing_out_in_one_tab_signs_the_other_out_at_its_next_click(app_server, page, storage):
    _mette_signs_in(app_server, page, storage)

    second = page.context.new_page()
    second.goto(f"{app_server.url}/mine-hold")
    wait_for_idle(second)
    _signed_in(second)

    click(page, "logout")
    expect(page.locator(key("login-username"))).to_be_visible()
    expect(page.get_by_text("Du er logget ud.")).to_be_visible()

    # The second tab still shows its page; its next action finds the session ended.
    second.locator(f"{key('course-join-code')} input").fill("ABCD-EFGH")
    click(second, "course-join-submit")
    expect(second.locator(key("login-username"))).to_be_visible()
    expect(second.get_by_text("Du er logget ud – enten fordi")).to_be_visible()
    a11y.check(second, "login-session-ended")

    # The cookie is gone from the browser, and a reload does not bring the session back.
    wait_for_no_cookie(page, COOKIE_NAME)
    second.reload()
    wait_for_idle(second)
    expect(second.locator(key("login-username"))).to_be_visible()


def test_a_server_restart_keeps_the_browser_signed_in(tmp_path, page):
    database = f"sqlite:///{tmp_path / 'restart.sqlite3'}"
    with running_app(tmp_path, database) as first:
        page.goto(first.url)
        wait_for_idle(page)
        sign_up_here(page, "Mette", PASSWORD)
        _signed_in(page)
        wait_for_cookie(page, COOKIE_NAME)
        port = first.port
        before = page.evaluate("() => window.__netvaerksspejlet.server")
    with running_app(tmp_path, database, port=port) as second:
        # The open page reconnects by itself, sees a new process (web/server_id.py) and reloads.
        page.wait_for_function("old => (window.__netvaerksspejlet?.server ?? old) !== old", arg=before)
        wait_for_idle(page)
        _signed_in(page)
        page.goto(f"{second.url}/mine-data")
        wait_for_idle(page)
        _signed_in(page)
        expect(page.get_by_text("Logget ind som Mette")).to_be_visible()


def test_a_password_change_ends_the_other_browsers_session(app_server, new_person, storage):
    storage(accounts.create_user, username="Mette", password=PASSWORD)
    laptop, phone = new_person(), new_person()
    for browser_page in (laptop, phone):
        browser_page.goto(app_server.url)
        wait_for_idle(browser_page)
        log_in(browser_page, "Mette", PASSWORD)
        _signed_in(browser_page)

    go_to(laptop, "Min konto")
    a11y.check(laptop, "account")
    laptop.locator(f"{key('password-current')} input").fill(PASSWORD)
    laptop.locator(f"{key('password-new')} input").fill("en helt ny sætning om netværk")
    click(laptop, "password-change")
    expect(laptop.get_by_text("Din adgangskode er skiftet")).to_be_visible()
    a11y.check(laptop, "account-password-changed")

    go_to(phone, "Mine resultater")
    expect(phone.locator(key("login-username"))).to_be_visible()
    log_in(phone, "Mette", "en helt ny sætning om netværk")
    _signed_in(phone)


def test_someone_guessing_her_name_does_not_lock_her_out_of_her_own_browser(app_server, page, storage, new_person):
    """Five wrong guesses at "Mette" lock the name for new browsers; hers, used before, still gets in."""
    _mette_signs_in(app_server, page, storage)
    wait_for_cookie(page, DEVICE_COOKIE_NAME)
    click(page, "logout")
    expect(page.locator(key("login-username"))).to_be_visible()

    stranger = new_person()
    stranger.goto(app_server.url)
    wait_for_idle(stranger)
    for _ in range(5):
        log_in(stranger, "Mette", "forkert-kode-123")
    expect(stranger.get_by_text("For mange forsøg")).to_be_visible()
    log_in(stranger, "Mette", PASSWORD)  # the right password, from a browser she never used: held back
    expect(stranger.get_by_text("For mange forsøg")).to_be_visible()
    expect(stranger.locator(key("logout"))).to_have_count(0)

    # She comes back the next morning (a page load: the websocket carries the device cookie).
    page.reload()
    wait_for_idle(page)
    log_in(page, "Mette", PASSWORD)
    _signed_in(page)
