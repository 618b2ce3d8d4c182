"""A round's fields are written once (core.round_fields): the model, the view, the export and the
import all follow that one list, so a field added there cannot be forgotten in one of them."""

from __future__ import annotations

import typing
from datetime import datetime

from sqlalchemy import inspect as sa_inspect

from core import transfer
from core.clock import as_utc
from core.round_fields import ROUND_FIELDS, RoundFields
from core.transfer import RoundData
from core.vocabulary import ROUND_COMPLETED, ROUND_OPEN
from db import rounds
from db import transfer as storage
from db.models import Round
from db.rounds import RoundView


def test_the_model_has_a_column_for_every_field_and_only_completed_at_may_be_empty():
    columns = {c.key: c for c in sa_inspect(Round).columns}
    assert set(ROUND_FIELDS) <= set(columns)
    optional = {n for n, info in RoundFields.model_fields.items() if type(None) in typing.get_args(info.annotation)}
    assert {name for name in ROUND_FIELDS if columns[name].nullable} == optional == {"completed_at"}


def test_the_view_and_the_file_are_the_fields_and_what_each_adds():
    assert set(RoundView.model_fields) == {*ROUND_FIELDS, "id", "answers"}
    assert set(RoundData.model_fields) == {*ROUND_FIELDS, "ref", "answers", "goals", "feedback_received"}


def test_the_status_a_file_may_carry_is_the_status_a_round_can_have():
    assert set(typing.get_args(RoundFields.model_fields["status"].annotation)) == {ROUND_OPEN, ROUND_COMPLETED}


def test_what_is_stored_is_what_the_view_shows_and_the_export_writes(tx, make_user, bank):
    leader = make_user()
    started = tx(rounds.start_round, user_id=leader.id, context="efter-moede-2", note="Tema", bank_version=bank.version)
    tx(rounds.set_step, user_id=leader.id, round_id=started.id, step=3)
    view = tx(rounds.get_round, user_id=leader.id, round_id=started.id)
    (written,) = tx(storage.export_data, user_id=leader.id).rounds
    for name in ROUND_FIELDS:  # times in UTC in the file (SQLite gives them back without a zone)
        shown = getattr(view, name)
        assert getattr(written, name) == (as_utc(shown) if isinstance(shown, datetime) else shown), name
    assert (view.context, view.note, view.current_step, view.status) == ("efter-moede-2", "Tema", 3, ROUND_OPEN)
    assert transfer.to_json(tx(storage.export_data, user_id=leader.id))  # and the file is valid against it
