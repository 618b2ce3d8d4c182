"""From a provider's ID token claims to a local user (db/sso.py)."""

from __future__ import annotations

import pytest

from db import accounts, sso
from db.errors import InvalidInputError, SsoLinkError
from db.models import User

ISSUER = "https://login.microsoftonline.com/kommune/v2.0"


def _claims(sub="abc-123", iat=1_800_000_000, **more):
    return {"iss": ISSUER, "sub": sub, "iat": iat, "email": "mette.hansen@kommune.dk", **more}


def test_a_first_sign_in_creates_a_user_without_a_password(tx):
    outcome = tx(sso.sign_in_with_sso, claims=_claims())
    assert outcome.created and outcome.account.username == "mette.hansen"
    assert not tx(accounts.has_password, user_id=outcome.account.id)
    assert tx(sso.is_linked, user_id=outcome.account.id)


def test_each_id_token_opens_one_session_and_a_newer_one_reaches_the_same_user(tx):
    first = tx(sso.sign_in_with_sso, claims=_claims())
    assert tx(sso.sign_in_with_sso, claims=_claims()) is None  # the same token again (a stale cookie)
    assert tx(sso.sign_in_with_sso, claims=_claims(iat=1_799_999_000)) is None
    again = tx(sso.sign_in_with_sso, claims=_claims(iat=1_800_000_500))
    assert again.account == first.account and not again.created


def test_a_taken_username_gets_a_number(tx, make_user):
    make_user("mette.hansen")
    assert tx(sso.sign_in_with_sso, claims=_claims()).account.username == "mette.hansen2"


def test_connecting_links_the_identity_to_the_signed_in_account(tx, make_user):
    mette = make_user("Mette")
    outcome = tx(sso.sign_in_with_sso, claims=_claims(), link_to=mette.id)
    assert outcome.linked and outcome.account == mette
    assert tx(sso.sign_in_with_sso, claims=_claims(iat=1_800_000_100)).account == mette
    assert tx(lambda session: session.query(User).count()) == 1


def test_an_identity_of_another_account_is_never_moved(tx, make_user):
    owner = tx(sso.sign_in_with_sso, claims=_claims()).account
    other = make_user("Birthe")
    with pytest.raises(SsoLinkError):
        tx(sso.sign_in_with_sso, claims=_claims(iat=1_800_000_100), link_to=other.id)
    assert tx(sso.sign_in_with_sso, claims=_claims(iat=1_800_000_200)).account == owner


def test_a_verified_email_links_a_new_issuer_to_the_same_person(tx):
    first = tx(sso.sign_in_with_sso, claims=_claims(email_verified=True)).account
    moved = {**_claims(sub="new-tenant-sub", email_verified=True), "iss": "https://idp.kommune.dk"}
    outcome = tx(sso.sign_in_with_sso, claims=moved)
    assert outcome.linked and outcome.account == first


def test_an_unverified_email_links_nobody(tx):
    first = tx(sso.sign_in_with_sso, claims=_claims()).account
    other = {**_claims(sub="someone-else"), "iss": "https://idp.kommune.dk"}
    outcome = tx(sso.sign_in_with_sso, claims=other)
    assert outcome.created and outcome.account != first


@pytest.mark.parametrize("missing", ["iss", "sub", "iat"])
def test_claims_without_issuer_subject_or_issue_time_are_refused(tx, missing):
    claims = _claims()
    del claims[missing]
    with pytest.raises(InvalidInputError):
        tx(sso.sign_in_with_sso, claims=claims)
    assert tx(lambda session: session.query(User).count()) == 0


def test_a_new_user_is_called_by_the_providers_name_claim(tx):
    outcome = tx(sso.sign_in_with_sso, claims=_claims(name="Mette Hansen"))
    assert (outcome.account.username, outcome.account.name) == ("mette.hansen", "Mette Hansen")
    # Without a usable name claim, the username stands in.
    other = tx(sso.sign_in_with_sso, claims=_claims(sub="def-456", email="ole@kommune.dk", name="   "))
    assert (other.account.username, other.account.name) == ("ole", "ole")


@pytest.mark.parametrize("name", ["\u200b\u200b\u200b", "\u202e", "Administrator"])
def test_a_providers_name_nobody_can_see_or_the_systems_own_gives_way_to_the_username(tx, name):
    outcome = tx(sso.sign_in_with_sso, claims=_claims(name=name))
    assert outcome.account.name == outcome.account.username == "mette.hansen"


def test_direction_controls_in_a_providers_name_are_dropped(tx):
    outcome = tx(sso.sign_in_with_sso, claims=_claims(name="Mette \u202eHansen\u202c"))
    assert outcome.account.name == "Mette Hansen"
