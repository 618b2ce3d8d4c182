"""Min konto: password, the municipality's login, and where one is signed in."""

from ui import account, gate
from ui.resources import guarded_page

user = gate.require_user()
with guarded_page():
    account.render_account(user.id, user.name, user.username)
