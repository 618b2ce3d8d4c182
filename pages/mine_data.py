"""Mine data: export, import, delete a round, delete the account."""

from ui import identity, my_data
from ui.resources import get_bank, guarded_page

bank = get_bank()
user = identity.require_user()
with guarded_page():
    my_data.render_my_data(bank, user.id, user.username)
