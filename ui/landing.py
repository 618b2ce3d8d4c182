"""The front door (/): send a signed-in person where their work is (core/landing.py)."""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from core.landing import Destination, destination
from db import landing
from ui import gate, invited_actions
from ui.resources import guarded_page, tx


def go_where_work_is(pages: Mapping[Destination, st.Page]) -> None:
    """Show the sign-in form here, or go on to this person's open round, the agreement waiting for
    them, the leaders they follow, their course, their overview or a first round."""
    account = gate.require_user()
    with guarded_page():
        facts = tx(landing.whereabouts, user_id=account.id)
        where = destination(facts)
        if where is Destination.AGREEMENT and facts.pending_agreement is not None:
            invited_actions.pick(facts.pending_agreement)
        st.switch_page(pages[where])
