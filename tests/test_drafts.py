"""Drafts (db/drafts.py): a text typed past its field's limit is kept, on both databases."""

from __future__ import annotations

import pytest

from core.limits import DRAFT_MAX_CHARS, TEXT_MAX_CHARS
from db import accounts, drafts
from db.errors import TextTooLongError
from db.models import TextDraft

FIELD = "round-12/text-taenke-andre-ind-1"


def test_a_text_past_the_limit_is_kept_replaced_and_dropped(tx, make_user):
    mette = make_user("Mette")
    long_text = "Et langt citat. " * 400  # 6,400 characters
    assert len(long_text) > TEXT_MAX_CHARS
    tx(drafts.save_text_draft, user_id=mette.id, field=FIELD, text=long_text)
    assert tx(drafts.text_draft, user_id=mette.id, field=FIELD) == long_text
    tx(drafts.save_text_draft, user_id=mette.id, field=FIELD, text=long_text + "mere")
    assert tx(drafts.text_draft, user_id=mette.id, field=FIELD) == long_text + "mere"
    tx(drafts.drop_text_draft, user_id=mette.id, field=FIELD)
    assert tx(drafts.text_draft, user_id=mette.id, field=FIELD) is None


def test_a_draft_is_its_writers_alone(tx, make_user):
    mette, ole = make_user("Mette"), make_user("Ole")
    tx(drafts.save_text_draft, user_id=mette.id, field=FIELD, text="x" * 6000)
    assert tx(drafts.text_draft, user_id=ole.id, field=FIELD) is None
    tx(drafts.drop_text_draft, user_id=ole.id, field=FIELD)
    assert tx(drafts.text_draft, user_id=mette.id, field=FIELD) == "x" * 6000


def test_even_a_draft_has_an_end(tx, make_user):
    mette = make_user("Mette")
    with pytest.raises(TextTooLongError):
        tx(drafts.save_text_draft, user_id=mette.id, field=FIELD, text="x" * (DRAFT_MAX_CHARS + 1))
    assert tx(drafts.text_draft, user_id=mette.id, field=FIELD) is None


def test_deleting_the_account_takes_the_drafts(tx, make_user):
    mette = make_user("Mette")
    tx(drafts.save_text_draft, user_id=mette.id, field=FIELD, text="x" * 6000)
    tx(accounts.delete_account, user_id=mette.id, confirm_username="Mette")
    assert tx(lambda session: session.query(TextDraft).count()) == 0
