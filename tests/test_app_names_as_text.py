"""A person's name is text wherever it is drawn: never a link, bold, an icon or a colour (AppTest).

Streamlit draws headings, labels, messages, captions, help texts and table cells as Markdown. This
test gives every person a name made of Markdown and Streamlit's own codes, walks every page as each
kind of person (leader, co-driver, invited personaleleder, trainer, administrator), and reads every
string that reaches the browser as Markdown: each must hold the name only in its escaped form.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from core.formatting import WORD_JOINER, escape_markdown
from db import accounts, agreements, courses, feedback, networks, sharing
from tests.conftest import PASSWORD
from tests.support.appflow import assert_no_exception, log_in, open_page
from tests.support.storage import completed_round

HOSTILE = "[Klik her](http://x.invalid) **fed** :material/warning: :red[rød]"
RAW = ("](http", "**fed**", ":material/warning:", ":red[", "http://x.invalid")
PEOPLE = {"mette": "Mette", "karsten": "Karsten", "susanne": "Susanne", "inge": "Inge", "admin": "Admin"}
PLAIN_TEXT = {"Text", "Code"}  # elements Streamlit draws as plain text
MARKDOWN_FIELDS = {"body", "label", "help", "caption", "placeholder_markdown"}


def _markdown_strings(at) -> list[str]:
    """Every string of the page that the browser renders as Markdown."""
    found: list[str] = []

    def read(message) -> None:
        for field, value in message.ListFields():
            if field.message_type is not None:
                for item in value if isinstance(value, Sequence) else [value]:
                    if hasattr(item, "ListFields"):
                        read(item)
            elif field.name in MARKDOWN_FIELDS and isinstance(value, str):
                found.append(value)

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and type(proto).__name__ not in PLAIN_TEXT:
            read(proto)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    for table in at.table:
        frame = table.value
        found += [str(v) for v in [*frame.columns, *frame.index, *frame.to_numpy().ravel()]]
    return found


@pytest.fixture
def hostile_world(new_session, app_tx, bank, tools):
    """Everyone is named HOSTILE plus their first name; Mette leads and shares with everyone."""
    new_session()
    who = {
        username: app_tx(accounts.create_user, username=username, password=PASSWORD, name=f"{first} {HOSTILE}")
        for username, first in PEOPLE.items()
    }
    app_tx(accounts.set_roles, username="inge", is_trainer=True)
    app_tx(accounts.set_roles, username="admin", is_admin=True)
    mette, karsten, susanne, inge = who["mette"], who["karsten"], who["susanne"], who["inge"]
    latest = completed_round(app_tx, bank, mette.id, rating=4, text_for=lambda _q: "Min tanke")
    code = app_tx(sharing.create_invitation, leader_id=mette.id, scope="texts")[1]
    app_tx(sharing.redeem_invitation, user_id=karsten.id, code=code)
    app_tx(feedback.save_feedback, author_id=karsten.id, round_id=latest.id, overall="Godt", ratings={})
    course = app_tx(
        courses.create_course, trainer_id=inge.id, name="Hold 7", starts_on=date(2027, 1, 1), ends_on=date(2027, 6, 1)
    )
    app_tx(courses.set_min_group, trainer_id=inge.id, course_id=course.id, min_group=3)
    for member in ("ole", "per"):
        other = app_tx(accounts.create_user, username=member, password=PASSWORD, name=f"{member} {HOSTILE}")
        completed_round(app_tx, bank, other.id, rating=3)
        app_tx(courses.join_course, user_id=other.id, code=course.join_code)
        app_tx(courses.set_consent, user_id=other.id, course_id=course.id, consent=True)
    app_tx(courses.join_course, user_id=mette.id, code=course.join_code)
    app_tx(courses.set_consent, user_id=mette.id, course_id=course.id, consent=True)
    app_tx(networks.save_network, user_id=mette.id, name="Netværk", theme="Tema", meetings=[date(2027, 2, 1)])
    tool = tools.for_talk("personaleleder")
    view = app_tx(
        agreements.start_agreement,
        leader_id=mette.id,
        kind="personaleleder",
        draft={},
        fields=tool.agreement.fields,
    )
    invitation = app_tx(agreements.create_invitation, leader_id=mette.id, kind="personaleleder")[1]
    app_tx(agreements.redeem_invitation, user_id=susanne.id, code=invitation)
    app_tx(agreements.save_comment, user_id=susanne.id, agreement_id=view.id, text="Fint")
    return who


VIEWS = [
    ("mette", "refleksion"),
    ("mette", "resultater"),
    ("mette", "overblik"),
    ("mette", "samtaler"),
    ("mette", "deling"),
    ("mette", "mine_hold"),
    ("mette", "mine_data"),
    ("mette", "konto"),
    ("karsten", "co_driver"),
    ("susanne", "samtaler"),
    ("inge", "hold"),
    ("admin", "admin"),
]


@pytest.mark.parametrize(("username", "page"), VIEWS)
def test_every_name_on_every_page_is_drawn_as_text(hostile_world, new_session, username, page):
    at = open_page(log_in(new_session(), username), page)
    assert_no_exception(at)
    strings = _markdown_strings(at)
    raw = [s for s in strings if any(fragment in s for fragment in RAW)]
    assert raw == [], f"{page} as {username} draws a name as Markdown: {raw}"
    escaped = escape_markdown(HOSTILE)
    shown = [s for s in strings if escaped in s] + [t.value for t in [*at.text, *at.sidebar.text] if HOSTILE in t.value]
    assert shown, f"{page} as {username} names nobody: the test would prove nothing there"


def test_the_escaped_name_reads_as_typed():
    """What the escaping adds is only backslashes and an invisible joiner."""
    escaped = escape_markdown(HOSTILE)
    assert escaped.replace("\\", "").replace(WORD_JOINER, "") == HOSTILE
    assert not any(fragment in escaped for fragment in RAW)
