"""What happens when a leader saves their network and its meetings, and every key of the overview's
state."""

from __future__ import annotations

from datetime import date

import streamlit as st

from core import texts
from db import networks
from db.errors import InvalidInputError, TextTooLongError
from ui import identity
from ui.flash import Kind, set_flash
from ui.resources import tx

NAME_KEY = "network-name"
THEME_KEY = "network-theme"
SAVE_KEY = "network-save"
MEETING_FIELDS = 6  # the handbook's 4–6 meetings
NETWORK_SLOT = "network"


def meeting_key(number: int) -> str:
    return f"network-meeting-{number}"


@identity.live
def save_network(user_id: int) -> None:
    name = (st.session_state.get(NAME_KEY) or "").strip()
    if not name:
        set_flash(NETWORK_SLOT, Kind.ERROR, texts.NETWORK_NAME_MISSING)
        return
    meetings = [st.session_state.get(meeting_key(n)) for n in range(1, MEETING_FIELDS + 1)]
    try:
        tx(
            networks.save_network,
            user_id=user_id,
            name=name,
            theme=st.session_state.get(THEME_KEY) or "",
            meetings=[m for m in meetings if isinstance(m, date)],
        )
    except (TextTooLongError, InvalidInputError):
        set_flash(NETWORK_SLOT, Kind.ERROR, texts.NETWORK_INVALID)
        return
    for number in range(1, MEETING_FIELDS + 1):  # shown again in date order, from storage
        st.session_state.pop(meeting_key(number), None)
    set_flash(NETWORK_SLOT, Kind.SUCCESS, texts.NETWORK_SAVED)
