"""Del med co-driver: invite a co-driver, see and change who has access, redeem a code."""

from ui import consent, gate
from ui.resources import guarded_page

user = gate.require_user()
with guarded_page():
    consent.render_consent(user.id)
