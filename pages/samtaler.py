"""Samtaler og aftaler: prepare the three talks, draft and share the agreements, read those you were invited to."""

from ui import gate, talks
from ui.resources import get_tools, guarded_page

tools = get_tools()
user = gate.require_user()
with guarded_page():
    talks.render_page(tools, user.id)
