"""Administration: who is a trainer. Only administrators see anything here."""

from ui import admin, identity
from ui.resources import guarded_page

user = identity.require_user()
with guarded_page():
    admin.render_admin(user.id)
