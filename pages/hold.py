"""Hold: a trainer's courses and their dashboards. Anyone else is told the page is for trainers."""

from ui import courses, identity
from ui.resources import get_bank, guarded_page

bank = get_bank()
user = identity.require_user()
with guarded_page():
    courses.render_courses(bank, user.id)
