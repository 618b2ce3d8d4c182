"""Single sign-on end to end: Streamlit's st.login against a real OpenID Connect provider on loopback.

The provider is `oidc-provider-mock` (a small Authlib-based provider for tests), started in a
thread by this test. Signing in there gives a local user here, with our own session cookie;
signing out here ends it, and the provider's stale sign-in does not bring it back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from oidc_provider_mock import User, run_server_in_thread
from playwright.sync_api import Page, expect

from db.models import SsoIdentity
from db.models import User as LocalUser
from tests.e2e import a11y
from tests.e2e.helpers import click, key, wait_for_cookie, wait_for_idle, wait_for_no_cookie
from tests.support.postgres import free_port
from tests.support.server import running_app
from web.session_cookie import COOKIE_NAME

pytestmark = [
    pytest.mark.browser,
    # The test provider (run in this process) still uses an Authlib hook Authlib now calls deprecated.
    pytest.mark.filterwarnings("ignore:get_jwt_config:DeprecationWarning"),
]

METTE = User(
    sub="0f3a9c1e-mette",
    claims={"email": "mette.hansen@kommune.dk", "email_verified": True, "name": "Mette Hansen"},
)


@pytest.fixture
def provider() -> Iterator[str]:
    with run_server_in_thread(user_claims=[METTE]) as server:
        yield f"http://localhost:{server.server_port}"


def _secrets(folder: Path, app_port: int, provider: str, local_accounts: bool = True) -> Path:
    path = folder / "secrets.toml"
    path.write_text(
        f"""
[auth]
redirect_uri = "http://127.0.0.1:{app_port}/oauth2callback"
cookie_secret = "a-long-random-test-secret-for-streamlit-auth-cookies"
client_id = "netvaerksspejlet"
client_secret = "test-client-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[netvaerksspejlet]
local_accounts = {str(local_accounts).lower()}
""",
        encoding="utf-8",
    )
    return path


def _sign_in_at_provider(page: Page, provider: str) -> None:
    page.locator(f"{key('sso-login')} button").click()
    page.wait_for_url(f"{provider}/**")
    page.get_by_role("button", name=METTE.sub).click()  # the provider's "authorize as" form
    page.wait_for_url("http://127.0.0.1:*/**")
    wait_for_idle(page)


def test_municipal_login_creates_a_local_user_and_signs_out_for_good(tmp_path, page, provider):
    port = free_port()
    database = f"sqlite:///{tmp_path / 'sso.sqlite3'}"
    with running_app(tmp_path, database, port=port, secrets=_secrets(tmp_path, port, provider, False)) as app:
        page.goto(app.url)
        wait_for_idle(page)
        expect(page.locator(key("login-username"))).to_have_count(0)  # passwords are switched off
        a11y.check(page, "login-sso-only")

        _sign_in_at_provider(page, provider)
        expect(page.get_by_text("Logget ind som Mette Hansen")).to_be_visible()
        assert wait_for_cookie(page, COOKIE_NAME)["httpOnly"] is True

        from sqlalchemy import create_engine, select
        from sqlalchemy.orm import Session

        engine = create_engine(database)
        with Session(engine) as session:
            user = session.scalar(select(LocalUser).where(LocalUser.username == "mette.hansen"))
            identity = session.scalar(select(SsoIdentity).where(SsoIdentity.user_id == user.id))
            assert user.password_hash is None and user.name == "Mette Hansen"  # from the name claim
            assert (identity.issuer, identity.subject, identity.email) == (
                provider,
                METTE.sub,
                "mette.hansen@kommune.dk",
            )
        engine.dispose()

        page.reload()
        wait_for_idle(page)
        expect(page.get_by_text("Logget ind som Mette Hansen")).to_be_visible()

        click(page, "logout")
        expect(page.locator(key("sso-login"))).to_be_visible()
        expect(page.get_by_text("Du er logget ud.")).to_be_visible()
        wait_for_no_cookie(page, "_streamlit_user", COOKIE_NAME)
        page.reload()
        wait_for_idle(page)
        expect(page.locator(key("sso-login"))).to_be_visible()
        expect(page.locator(key("logout"))).to_have_count(0)

        # Signing in again at the provider reaches the same local user, not a new one.
        _sign_in_at_provider(page, provider)
        expect(page.get_by_text("Logget ind som Mette Hansen")).to_be_visible()
