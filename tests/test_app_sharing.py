"""Sharing by consent in the app (AppTest): invite, redeem, refuse bad codes, change scope, revoke, withdraw."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core import texts
from core.clock import utcnow
from db import sharing
from tests.support.appflow import (
    assert_no_exception,
    complete_round,
    invite,
    open_page,
    plain,
    redeem,
    sign_up,
)


@pytest.fixture
def mette(new_session, bank):
    at = sign_up(new_session(), "Mette")
    complete_round(at, bank, rating=2, text="Hemmelig tanke")
    return at


def test_a_new_code_is_shown_once_with_its_expiry_and_listed_as_pending(mette):
    code = invite(mette)
    assert_no_exception(mette)
    assert sharing.normalise_code(code) == code.replace("-", "") and len(code) == 14
    shown = [plain(m.value) for m in mette.markdown]
    expires = (utcnow() + sharing.INVITATION_VALID_FOR).date()
    assert any("kan bruges én gang" in m and str(expires.year) in m for m in shown)
    assert [b.key for b in mette.button if b.key.startswith("invite-withdraw-")]


def test_the_default_scope_is_scores_only(mette):
    open_page(mette, "deling")
    assert mette.radio(key="invite-scope").value == sharing.SCOPE_SCORES


def test_redeeming_a_code_shows_who_now_shares_on_both_sides(mette, new_session):
    code = invite(mette, scope="texts")
    jonas = redeem(sign_up(new_session(), "Jonas"), code)
    assert_no_exception(jonas)
    assert [plain(s.value) for s in jonas.success] == [texts.REDEEM_OK.format(leader="Mette")]
    assert jonas.text_input(key="invite-redeem-code").value == ""
    open_page(mette, "deling")
    assert any(t.value.startswith("Jonas · siden ") for t in mette.text)
    assert not [b for b in mette.button if b.key.startswith("invite-withdraw-")]
    assert not mette.code  # a used code is no longer shown


@pytest.mark.parametrize("case", ["used", "expired", "withdrawn", "own", "typo"])
def test_codes_that_cannot_be_used_are_refused_with_a_clear_message(mette, new_session, app_tx, account_of, case):
    reason = {"typo": "unknown"}.get(case, case)
    if case == "expired":
        eight_days_ago = utcnow() - timedelta(days=8)
        code = app_tx(sharing.create_invitation, leader_id=account_of("Mette").id, scope="texts", now=eight_days_ago)[1]
    else:
        code = invite(mette)
    if case == "used":
        redeem(sign_up(new_session(), "Anna"), code)
    if case == "withdrawn":
        withdraw = next(b for b in mette.button if b.key.startswith("invite-withdraw-"))
        withdraw.click().run()
        assert [plain(s.value) for s in mette.success] == [texts.INVITE_WITHDRAWN]
        assert not mette.code  # the withdrawn code is no longer on screen
    if case == "typo":
        code = code[:-1] + ("X" if code[-1] != "X" else "Y")
    redeemer = mette if case == "own" else sign_up(new_session(), "Jonas")
    redeem(redeemer, code)
    assert_no_exception(redeemer)
    assert [plain(e.value) for e in redeemer.error] == [texts.REDEEM_REFUSED[reason]]
    assert redeemer.text_input(key="invite-redeem-code").value == code  # kept, so a typo can be fixed
    assert not redeemer.success


def test_the_leader_changes_scope_and_revokes_from_the_list(mette, new_session):
    code = invite(mette, scope="scores")
    redeem(sign_up(new_session(), "Jonas"), code)
    open_page(mette, "deling")
    scope = next(r for r in mette.radio if r.key.startswith("share-scope-"))
    assert scope.value == "scores"
    scope.set_value("texts").run()
    assert not mette.warning and not mette.exception
    assert [plain(s.value) for s in mette.success] == [
        texts.SHARE_SCOPE_CHANGED.format(name="Jonas", scope=texts.SCOPE_LABELS["texts"])
    ]
    share_id = scope.key.removeprefix("share-scope-")
    mette.button(key=f"share-revoke-{share_id}").click().run()
    assert [plain(s.value) for s in mette.success] == [texts.SHARE_REVOKED.format(name="Jonas")]
    assert [c.value for c in mette.caption] == [texts.SHARES_EMPTY]
