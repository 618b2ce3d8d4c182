"""Ny refleksion: start a round or continue the unfinished one."""

from db import rounds
from ui import gate, walkthrough
from ui.flash import show_flash
from ui.my_courses_actions import JOINED_SLOT
from ui.resources import get_bank, guarded_page, tx

bank = get_bank()
user = gate.require_user()
with guarded_page():
    show_flash(JOINED_SLOT)
    open_round, previous = tx(rounds.open_round_with_previous, user_id=user.id)
    if open_round is None:
        walkthrough.render_start(bank, user.id)
    else:
        walkthrough.render_round(bank, open_round, user.id, previous)
