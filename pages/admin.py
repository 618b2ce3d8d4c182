"""Administration: who is a trainer. Only administrators see anything here."""

from ui import admin, gate
from ui.resources import guarded_page

user = gate.require_user()
with guarded_page():
    admin.render_admin(user.id)
