"""The personal report (core.report): a real PDF whose text, read back with pypdf, is the round's."""

from __future__ import annotations

import io
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from core import texts
from core.report import GoalLine, OutsideView, ReportData, build_report, build_summary, printable
from tests.support.goal_fakes import Followup, Goal

LONG = ("Æblegrød, østers og ål på Ærø – vi lærte noget. " * 110)[:4985] + " SLUT-PÅ-TEKST"
PRINTED = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@dataclass
class _Answer:
    rating: int | None
    text: str


@dataclass
class _Round:
    context: str
    note: str
    started_at: datetime
    completed_at: datetime | None
    answers: dict = field(default_factory=dict)
    bank_version: str = "2026.2"
    id: int = 0

    def ratings(self):
        return {qid: a.rating for qid, a in self.answers.items()}


def _round(bank, rating, text_for=lambda qid: "", when=datetime(2026, 11, 3, 10, tzinfo=UTC), **kw):
    answers = {qid: _Answer(rating, text_for(qid)) for qid in bank.question_ids}
    return _Round(kw.get("context", "efter-moede-2"), kw.get("note", ""), when, when, answers)


def _text(pdf: bytes) -> tuple[PdfReader, str]:
    """The document's text without the page footers, so text running over a page break reads on."""
    reader = PdfReader(io.BytesIO(pdf))
    lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
    return reader, "\n".join(line for line in lines if not line.startswith("Netværksspejlet · udskrevet"))


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def full(bank):
    """A round with a long reflection, the previous round, a co-driver, goals and follow-ups."""
    first, second, third = (c.id for c in bank.competencies[:3])
    texts = {bank.question_ids[0]: LONG, bank.question_ids[1]: "x" * 5000, bank.question_ids[2]: "Små skridt – ÆØÅ æøå"}
    data = ReportData(
        name="Mette Østergård",
        round=_round(bank, 4, lambda qid: texts.get(qid, ""), note="Tema: ældre og ensomhed"),
        previous=_round(bank, 2, when=datetime(2026, 9, 1, tzinfo=UTC), context="foer-netvaerket"),
        outside=[OutsideView("Jonas", {c.id: 3 for c in bank.competencies}, "Du samler folk godt.", {first: "Flot!"})],
        goals=[GoalLine(third, "Jeg inviterer to borgere med til næste møde")],
        followups=[GoalLine(second, "Lytte mere end jeg taler", "partly", "Det gik halvt – bedre end før.")],
    )
    return data, build_report(bank, data, PRINTED)


def test_the_report_is_a_pdf_with_the_rounds_facts_and_page_numbers(full, bank):
    _, pdf = full
    assert pdf.startswith(b"%PDF-")
    reader, text = _text(pdf)
    flat = _flat(text)
    pages = len(reader.pages)
    assert pages >= 4
    for expected in ("Mette Østergård", "3. nov. 2026", "Efter netværksmøde 2", "Tema: ældre og ensomhed"):
        assert expected in flat
    assert all(f"Side {n} af {pages}" in _flat(reader.pages[n - 1].extract_text()) for n in range(1, pages + 1))
    assert reader.metadata.title == texts.REPORT_TITLE


def test_the_score_table_has_this_round_the_previous_one_and_the_co_driver(full, bank):
    _, pdf = full
    flat = _flat(_text(pdf)[1])
    assert texts.REPORT_THIS_ROUND in flat and "Forrige runde" in flat
    # The previous round's date stands whole in its narrow column, not broken as "(1. / sep. 2026)".
    assert "(1. sep. 2026)" in _text(pdf)[1].replace("\xa0", " ")
    assert "Co-driverens blik (Jonas)" in flat
    for comp in bank.competencies[:3]:
        assert comp.name in flat
    assert "4,0 2,0 3,0" in flat  # one row: this round, previous, co-driver, with Danish commas


def test_every_reflection_goal_and_follow_up_is_in_the_text_with_danish_letters(full, bank):
    data, pdf = full
    flat = _flat(_text(pdf)[1])
    assert "Små skridt – ÆØÅ æøå" in flat
    assert "Næste skridt: Jeg inviterer to borgere med til næste møde" in flat
    assert "Sådan gik det: Delvist" in flat and "Det gik halvt – bedre end før." in flat
    assert "Samlet kommentar fra Jonas" in flat and "Du samler folk godt." in flat
    assert "Kommentar fra Jonas" in flat and "Flot!" in flat
    for question in bank.competencies[4].questions:
        assert _flat(question.text) in flat


def test_a_five_thousand_character_reflection_is_printed_whole(full):
    _, pdf = full
    text = _text(pdf)[1]
    assert _flat(LONG) in _flat(text)
    # A single 5,000-character word is broken over lines, never clipped at the margin.
    assert "x" * 5000 in "".join(text.split())


def test_user_text_is_printed_as_typed_and_unknown_characters_do_not_break_it(bank):
    odd = "<b>ikke fed</b> **heller ikke** 🌱 ✓ done"
    data = ReportData(name="Ida", round=_round(bank, 3, lambda qid: odd))
    flat = _flat(_text(build_report(bank, data, PRINTED))[1])
    assert "<b>ikke fed</b> **heller ikke** □ ✓ done" in flat
    assert printable("æøå 🌱\nny linje") == "æøå □\nny linje"


def test_a_first_round_without_goals_or_co_driver_still_reads_well(bank):
    data = ReportData(name="Ida", round=_round(bank, 5))
    flat = _flat(_text(build_report(bank, data, PRINTED))[1])
    assert texts.REPORT_NO_GOALS in flat
    assert "Forrige runde" not in flat and "Co-driver" not in flat
    assert flat.count("(ingen refleksion skrevet)") == len(bank.question_ids)


# The one-page summary ------------------------------------------------------------------------------


def _summary_of(bank, data, goals=()):
    from core.summary import summarise

    history = [replace(data.previous, id=1), replace(data.round, id=2)]
    return summarise(bank, history, list(goals), {})


def test_the_summary_is_one_page_with_what_changed_the_radar_and_the_goals(full, bank):
    data, _ = full
    first, second = bank.competencies[0], bank.competencies[1]
    goals = [Goal(1, first.id, "Spørge mere", Followup("achieved")), Goal(2, second.id, "Invitere to borgere")]
    pdf = build_summary(bank, _summary_of(bank, data, goals), data, PRINTED)
    reader, text = _text(pdf)
    flat = _flat(text)
    assert len(reader.pages) == 1
    assert texts.SUMMARY_PDF_TITLE.format(name="Mette Østergård") in flat
    for heading in (texts.SUMMARY_ROSE, texts.SUMMARY_FELL, texts.SUMMARY_STRONGEST, texts.SUMMARY_WEAKEST):
        assert heading in flat
    assert f"{first.name}: 2,0 → 4,0 (+2,0)" in flat  # every competency rose from 2 to 4
    assert texts.SUMMARY_NONE_FELL in flat
    assert f"{first.name}: Lykkedes" in flat and f"{second.name} – Invitere to borgere" in flat
    assert len(reader.pages[0].images) == 1  # the radar


def test_the_summary_stays_one_page_with_the_longest_goals_and_names(full, bank):
    data, _ = full
    data = replace(data, name="Å" * 80)
    long = "Et meget langt næste skridt med mange ord " * 12
    goals = [Goal(1, c.id, long, Followup("partly")) for c in bank.competencies[:3]]
    goals += [Goal(2, c.id, long) for c in bank.competencies[3:6]]
    reader, _ = _text(build_summary(bank, _summary_of(bank, data, goals), data, PRINTED))
    assert len(reader.pages) == 1
