"""Mine hold: the courses a leader has joined, and what each trainer may see."""

from ui import gate, my_courses
from ui.resources import guarded_page

user = gate.require_user()
with guarded_page():
    my_courses.render_my_courses(user.id)
