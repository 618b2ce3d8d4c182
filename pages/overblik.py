"""Overblik: where the leader stands: the network, the three talks, the rounds and the goals."""

from ui import gate, my_overview
from ui.resources import get_bank, get_tools, guarded_page

bank = get_bank()
tools = get_tools()
user = gate.require_user()
with guarded_page():
    my_overview.render_overview(bank, tools, user.id)
