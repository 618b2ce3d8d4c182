"""Mine resultater: the leader's completed rounds as radar, trend, table and texts, and co-drivers' views."""

from db import feedback, goals, rounds
from ui import gate, results
from ui.resources import get_bank, guarded_page, tx

bank = get_bank()
user = gate.require_user()
with guarded_page():
    history = tx(rounds.list_history, user_id=user.id)
    results.render_results(
        bank,
        history,
        tx(feedback.feedback_for_leader, leader_id=user.id),
        tx(goals.list_goals, user_id=user.id),
        user.name,
    )
