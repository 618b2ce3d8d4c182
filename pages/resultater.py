"""Mine resultater: the leader's completed rounds as radar, trend, table and texts."""

from db import rounds
from ui import identity, results
from ui.resources import get_bank, guarded_page, tx

bank = get_bank()
user = identity.require_user()
with guarded_page():
    results.render_results(bank, tx(rounds.list_history, user_id=user.id))
