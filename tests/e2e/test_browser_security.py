"""What an attacker tries over HTTP, against the real server: framing the app, sniffing, and
fetching someone's download by its link (web/security_headers.py, web/downloads.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from db import accounts
from tests.conftest import PASSWORD
from tests.e2e.helpers import click, key, log_in, sign_up, wait_for_idle
from tests.support.storage import completed_round
from web.session_cookie import END_PATH, OPEN_PATH

pytestmark = pytest.mark.browser


def _assert_protected(url: str, headers: dict[str, str]) -> None:
    csp = headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in csp, url
    assert "default-src 'self'" in csp and "object-src 'none'" in csp, url
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0], url
    assert headers.get("x-frame-options") == "DENY", url
    assert headers.get("x-content-type-options") == "nosniff", url
    assert headers.get("referrer-policy") == "no-referrer", url


def test_every_response_forbids_framing_sniffing_and_referrers(app_server, storage, bank, new_person):
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    completed_round(storage, bank, mette.id)
    page = new_person()
    seen: dict[str, dict[str, str]] = {}
    page.on("response", lambda response: seen.setdefault(response.url, response.headers))
    page.goto(f"{app_server.url}/resultater")
    wait_for_idle(page)
    log_in(page, "Mette", PASSWORD)
    expect(page.locator(key("logout"))).to_be_visible()
    with page.expect_download() as caught:
        page.locator(f"{key('report-download')} button").click()
    assert caught.value.path().read_bytes().startswith(b"%PDF-")
    direct = {
        "/does-not-exist": page.request.get(f"{app_server.url}/does-not-exist"),
        "/_stcore/health": page.request.get(f"{app_server.url}/_stcore/health"),
        OPEN_PATH: page.request.post(f"{app_server.url}{OPEN_PATH}", data="{}"),
        END_PATH: page.request.post(f"{app_server.url}{END_PATH}"),
        caught.value.url: page.request.get(caught.value.url),
    }
    for path, response in direct.items():
        seen[f"{app_server.url}{path}" if path.startswith("/") else path] = response.headers
    kinds = {url.split("?")[0].rsplit(".", 1)[-1] for url in seen if "/static/" in url}
    assert {"js", "css"} <= kinds, kinds  # the page's own assets were among them
    assert any("/media/" in url for url in seen) and f"{app_server.url}/resultater" in seen
    for url, headers in seen.items():
        if url.startswith(app_server.url):
            _assert_protected(url, headers)


def test_another_site_cannot_frame_the_app(app_server, new_person):
    """A page elsewhere framed /mine-hold at 30 % opacity over its own button (clickjacking)."""
    page = new_person()
    answered, said = [], []
    page.on("response", lambda response: response.url.endswith("/mine-hold") and answered.append(response.status))
    page.on("console", lambda message: said.append(message.text))
    page.set_content(
        f'<p>Vind en kaffe!</p><iframe id="trap" style="opacity:0.3" width="900" height="700" '
        f'src="{app_server.url}/mine-hold"></iframe>'
    )
    page.wait_for_timeout(3000)
    assert answered == [200]  # the server answered; the browser refused to show it in the frame
    assert any("frame-ancestors 'none'" in text for text in said), said
    for frame in page.frames[1:]:
        assert frame.locator(key("login-submit")).count() == 0
        assert frame.locator('[data-testid="stApp"]').count() == 0


def test_a_download_goes_only_to_the_session_that_asked_and_not_after_sign_out(app_server, storage, bank, new_person):
    mette = storage(accounts.create_user, username="Mette", password=PASSWORD)
    completed_round(storage, bank, mette.id, text_for=lambda question_id: "Jeg var nervøs for mødet")
    page = new_person()
    page.goto(f"{app_server.url}/resultater")
    wait_for_idle(page)
    log_in(page, "Mette", PASSWORD)
    with page.expect_download() as caught:
        page.locator(f"{key('report-download')} button").click()
    link = caught.value.url
    assert "/media/" in link
    assert page.request.get(link).body().startswith(b"%PDF-")  # the same browser may fetch it again

    stranger = new_person()
    stranger.goto(app_server.url)
    assert stranger.request.get(link).status == 404
    sign_up(stranger, app_server.url, "Frede", PASSWORD)  # signed in, but as someone else
    assert stranger.request.get(link).status == 404

    click(page, "logout")
    expect(page.locator(key("login-submit"))).to_be_visible()
    assert page.request.get(link).status == 404
