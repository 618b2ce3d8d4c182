"""Mine data: export, import, delete a round, delete the account."""

from ui import gate, my_data
from ui.resources import get_bank, guarded_page

bank = get_bank()
user = gate.require_user()
with guarded_page():
    my_data.render_my_data(bank, user.id, user.username)
