"""Del med co-driver: invite a co-driver, see and change who has access, redeem a code."""

from ui import consent, identity
from ui.resources import guarded_page

user = identity.require_user()
with guarded_page():
    consent.render_consent(user.id)
