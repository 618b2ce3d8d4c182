"""Min konto: password, the municipality's login, and where one is signed in."""

from ui import account, identity
from ui.resources import guarded_page

user = identity.require_user()
with guarded_page():
    account.render_account(user.id, user.name, user.username)
