"""The results page opens with "Siden sidst", and the one-page PDF beside it (AppTest)."""

from __future__ import annotations

import io

from pypdf import PdfReader

from core import texts
from db import accounts
from tests.conftest import PASSWORD
from tests.support.appflow import assert_no_exception, in_page_order, log_in, open_page, plain
from tests.support.storage import completed_round


def _three_rounds(app_tx, bank):
    """Lise's history: rounds 1–3, "Engagere og motivere" rising 2 → 3 → 5, "Kommunikere" falling
    4 → 2, goals set in round 2 and told about in round 3."""
    lise = app_tx(accounts.create_user, username="lise", password=PASSWORD, name="Lise Hansen")
    rising, falling, goal_on = "engagere-motivere", "kommunikere-opbakning", "nysgerrighed-undren"

    def rating(level: dict):
        return lambda qid: level.get(bank.competency_of[qid], 3)

    completed_round(app_tx, bank, lise.id, rating({rising: 2, falling: 4}))
    completed_round(
        app_tx,
        bank,
        lise.id,
        rating({rising: 3, falling: 4}),
        context="efter-moede-1",
        goals={goal_on: "Stille ét åbent spørgsmål pr. møde", falling: "Skrive til ledelsen"},
    )
    completed_round(
        app_tx,
        bank,
        lise.id,
        rating({rising: 5, falling: 2}),
        context="efter-moede-2",
        goals={rising: "Give opgaver væk"},
        followups={goal_on: ("achieved", "Det virkede"), falling: ("not_yet", "")},
    )
    return lise


def test_the_page_opens_with_what_changed_and_how_the_goals_went(new_session, app_tx, bank):
    new_session()
    _three_rounds(app_tx, bank)
    at = open_page(log_in(new_session(), "lise"), "resultater")
    assert_no_exception(at)
    order = in_page_order(at)
    kinds = [getattr(n, "key", None) or n.type for n in order]
    # Above everything else: the summary and its download, before the radar.
    assert [h.value for h in at.header][0] == texts.SUMMARY_TITLE
    assert kinds.index("report-summary-download") < kinds.index("results-radar")
    shown = "\n".join(t.value for t in at.text)
    engage, speak = bank.competency("engagere-motivere").name, bank.competency("kommunikere-opbakning").name
    assert f"• {engage}: 3,0 → 5,0 (+2,0)" in shown
    assert f"• {speak}: 4,0 → 2,0 (−2,0)" in shown
    lists = [t.value for t in at.text]
    assert any(v.startswith(f"• {engage}: 5,0\n") for v in lists)  # the strongest now, first
    assert any(v.startswith(f"• {speak}: 2,0\n") for v in lists)  # the weakest now, first
    assert "1 lykkedes, 0 delvist, 1 ikke endnu" in [plain(c.value) for c in at.caption]
    nysgerrighed = bank.competency("nysgerrighed-undren").name
    assert f"• {nysgerrighed}: Lykkedes" in shown and f"• {speak}: Ikke endnu" in shown


def test_the_one_page_summary_pdf_holds_the_summary_radar_and_goals(new_session, app_tx, bank, downloads):
    new_session()
    _three_rounds(app_tx, bank)
    at = open_page(log_in(new_session(), "lise"), "resultater")
    reader = PdfReader(io.BytesIO(downloads(at, "report-summary-download")))
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1
    assert texts.SUMMARY_PDF_TITLE.format(name="Lise Hansen") in text
    assert f"{bank.competency('engagere-motivere').name}: 3,0 → 5,0" in text
    assert "Give opgaver væk" in text and "Lykkedes" in text
    # The full report names her too, by her name.
    full = PdfReader(io.BytesIO(downloads(at, "report-download")))
    assert "Navn Lise Hansen" in " ".join(full.pages[0].extract_text().split())


def test_a_round_answered_with_the_earlier_bank_keeps_its_wording(new_session, app_tx, bank):
    new_session()
    old = bank.of_version("2026.1")
    lise = app_tx(accounts.create_user, username="lise", password=PASSWORD, name="Lise Hansen")
    completed_round(app_tx, old, lise.id, 2, text_for=lambda qid: f"Svar {qid}")
    completed_round(app_tx, bank, lise.id, 4, context="efter-moede-1", text_for=lambda qid: f"Svar {qid}")
    at = open_page(log_in(new_session(), "lise"), "resultater")
    assert_no_exception(at)
    safe_room = next(e for e in at.expander if e.label == bank.competency("trygt-rum").name)
    prompts = [plain(c.value) for c in safe_room.caption]
    assert old.question("trygt-rum-1").reflection in prompts  # as asked then
    assert bank.wording(bank.question("trygt-rum-3"), "efter-moede-1").reflection in prompts  # as asked now
    assert "Svar trygt-rum-1" in [t.value for t in safe_room.text]
    # The radar compares like with like: "trygt-rum" shares no question, so the old round has no score there.
    table = next(t.value for t in at.table if len(t.value.columns) == 2)
    row = [plain(i) for i in table.index].index(bank.competency("trygt-rum").name)
    assert list(table.iloc[row]) == ["–", "4,0"]
