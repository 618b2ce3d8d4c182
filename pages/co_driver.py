"""Co-driver: follow the leaders who share with you, and add your outside view."""

from ui import codriver, gate
from ui.resources import get_bank, guarded_page

bank = get_bank()
user = gate.require_user()
with guarded_page():
    codriver.render_codriver(bank, user.id)
