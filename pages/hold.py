"""Hold: a trainer's courses and their dashboards (and, with ?visning=praesentation, the projector's
view). Anyone else is told the page is for trainers."""

from ui import courses, gate, presentation
from ui.resources import get_bank, guarded_page

bank = get_bank()
user = gate.require_user()
with guarded_page():
    if presentation.wanted():  # /hold?visning=praesentation: the projector
        presentation.render_presentation(bank, user.id)
    else:
        courses.render_courses(bank, user.id)
