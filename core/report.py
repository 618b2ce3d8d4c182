"""The personal report: one round as an A4 PDF a leader can bring to a talk.

Built on the server with fpdf2 (the document) and matplotlib (the radar, drawn without a
browser). Text uses DejaVu Sans, embedded from matplotlib's own font files, so æ, ø, å and
most letters of the world print right; a character the font lacks prints as □ instead of
breaking the file. User text is written as plain text, never interpreted as markup.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import cast

import matplotlib
from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import FontFace
from matplotlib.figure import Figure
from matplotlib.projections.polar import PolarAxes

from core import texts
from core.charts import PALETTE
from core.formatting import danish_date, danish_score
from core.history import comparable_scores, context_label
from core.records import Feedback, Goal, Round
from core.scoring import RATING_MAX, RATING_MIN
from core.summary import Summary, goal_line, move_line, standing_line
from questions import QuestionBank

_FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
_MISSING_GLYPH = "□"
_INK = (33, 37, 41)
_HEADING = (23, 55, 94)  # a calm municipal blue, 11:1 on white
_MUTED = (84, 90, 97)  # captions, 7:1 on white
_RULE = (200, 205, 210)
_LINE_STYLES = ("-", "--", ":", "-.")
_MARKERS = ("o", "s", "^", "D")


@dataclass(frozen=True)
class OutsideView:
    """A co-driver's view of the round: name, rating per competency, comments."""

    name: str
    ratings: dict[str, int | None]
    overall: str = ""
    comments: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class GoalLine:
    """A goal as the report shows it; outcome and followup_text only for a followed-up goal."""

    competency_id: str
    step: str
    outcome: str | None = None
    followup_text: str = ""


@dataclass(frozen=True)
class ReportData:
    name: str  # the leader, as they are called
    round: Round
    previous: Round | None = None
    outside: Sequence[OutsideView] = ()
    goals: Sequence[GoalLine] = ()
    followups: Sequence[GoalLine] = ()


@cache
def _glyphs() -> frozenset[int]:
    """Code points every one of the report's fonts can draw."""
    maps = [set(TTFont(_FONT_DIR / name).getBestCmap()) for name in FONT_FILES.values()]
    return frozenset(set.intersection(*maps))


def printable(value: str) -> str:
    """The text with any character the font cannot draw shown as □ (line breaks kept)."""
    glyphs = _glyphs()
    return "".join(ch if ch in "\n\t" or ord(ch) in glyphs else _MISSING_GLYPH for ch in value)


class _Document(FPDF):
    def __init__(self, footer_text: str):
        super().__init__(orientation="P", unit="mm", format="A4")
        self._footer_text = footer_text
        for style, name in FONT_FILES.items():
            self.add_font("DejaVu", style, str(_FONT_DIR / name))
        self.set_margins(20, 18, 20)
        self.set_auto_page_break(auto=True, margin=20)
        self.set_title(texts.REPORT_TITLE)
        self.set_lang("da")
        self.set_creator(texts.APP_TITLE)

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("DejaVu", "", 8)
        self.set_text_color(*_MUTED)
        self.cell(0, 5, printable(self._footer_text), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, texts.REPORT_PAGE.format(page=self.page_no(), pages="{nb}"), align="R")


def _heading(pdf: _Document, text: str, size: float = 14) -> None:
    if pdf.get_y() > pdf.h - 45:  # never leave a heading alone at the foot of a page
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", size)
    pdf.set_text_color(*_HEADING)
    pdf.multi_cell(0, size * 0.5, printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    pdf.set_text_color(*_INK)


def _paragraph(
    pdf: _Document, text: str, *, style: str = "", size: float = 10.5, color: tuple[int, int, int] = _INK
) -> None:
    pdf.set_font("DejaVu", style, size)
    pdf.set_text_color(*color)
    # Left-aligned: fpdf2 justifies by default, which stretches short Danish lines into wide gaps.
    pdf.multi_cell(0, size * 0.5, printable(text), align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*_INK)


def _wrapped(name: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(name, width=width))


def radar_png(bank: QuestionBank, series: Sequence[tuple[str, dict[str, float | None]]]) -> bytes:
    """The radar as a PNG: one outline per (label, scores), told apart by colour, line and marker."""
    names = [c.name for c in bank.competencies]
    angles = [2 * math.pi * i / len(names) for i in range(len(names))]
    figure = Figure(figsize=(7.0, 7.2), dpi=200)
    axes = cast(PolarAxes, figure.add_subplot(projection="polar"))
    # The first competency at the top, then clockwise, as on the results page.
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    axes.set_ylim(0, RATING_MAX)
    axes.set_yticks(range(RATING_MIN, RATING_MAX + 1))
    axes.set_yticklabels([str(v) for v in range(RATING_MIN, RATING_MAX + 1)], fontsize=7, color="#545a61")
    axes.set_xticks(angles)
    axes.set_xticklabels([_wrapped(n) for n in names], fontsize=8.5, family="DejaVu Sans")
    axes.tick_params(axis="x", pad=10)
    for tick, angle in zip(axes.get_xticklabels(), angles, strict=True):
        # Labels on the right start at the circle, labels on the left end at it: none overlaps it.
        if 0.01 < angle < math.pi - 0.01:
            tick.set_horizontalalignment("left")
        elif math.pi + 0.01 < angle < 2 * math.pi - 0.01:
            tick.set_horizontalalignment("right")
    axes.grid(color="#c8cdd2", linewidth=0.6)
    for n, (label, scores) in enumerate(series):
        points = [(a, v) for a, c in zip(angles, bank.competencies, strict=True) if (v := scores.get(c.id)) is not None]
        if not points:
            continue
        xs, ys = [a for a, _ in points], [v for _, v in points]
        colour = PALETTE[n % len(PALETTE)]
        axes.plot(
            xs + xs[:1],
            ys + ys[:1],
            color=colour,
            linestyle=_LINE_STYLES[n % len(_LINE_STYLES)],
            marker=_MARKERS[n % len(_MARKERS)],
            markersize=4,
            linewidth=1.8,
            label=printable(label),
        )
        if n == 0:
            axes.fill(xs, ys, color=colour, alpha=0.12)
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.17), ncol=1, fontsize=8, frameon=False)
    figure.subplots_adjust(left=0.2, right=0.8, top=0.88, bottom=0.22)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _meta(pdf: _Document, data: ReportData) -> None:
    round_ = data.round
    rows = [
        (texts.REPORT_NAME, data.name),
        (texts.REPORT_DATE, danish_date(round_.completed_at or round_.started_at)),
        (texts.REPORT_CONTEXT, context_label(round_.context)),
    ]
    if round_.note:
        rows.append((texts.REPORT_NOTE, round_.note))
    for label, value in rows:
        pdf.set_font("DejaVu", "B", 10.5)
        pdf.cell(38, 6, label)
        pdf.set_font("DejaVu", "", 10.5)
        pdf.multi_cell(0, 6, printable(value), align="L", new_x="LMARGIN", new_y="NEXT")


def _unbroken_date(moment: datetime) -> str:
    """The date with no-break spaces: a narrow column breaks a heading between words, never inside
    "1. dec. 2026"."""
    return danish_date(moment).replace(" ", "\u00a0")


def _series(bank: QuestionBank, data: ReportData) -> list[tuple[str, dict[str, float | None]]]:
    """This round, the one before (scored like with like, as the radar) and each co-driver's view."""
    if data.previous is None:
        series = [(texts.REPORT_THIS_ROUND, comparable_scores(bank, [data.round])[0])]
    else:
        before, now = comparable_scores(bank, [data.previous, data.round])
        when = _unbroken_date(data.previous.completed_at or data.previous.started_at)
        series = [(texts.REPORT_THIS_ROUND, now), (texts.REPORT_PREVIOUS_ROUND.format(date=when), before)]
    series += [(texts.OUTSIDE_CD_TRACE.format(name=view.name), dict(view.ratings)) for view in data.outside]
    return series


def _score_table(pdf: _Document, bank: QuestionBank, series: list[tuple[str, dict[str, float | None]]]) -> None:
    columns = [texts.REPORT_COL_COMPETENCY] + [label for label, _ in series]
    other = (pdf.epw - 70) / max(1, len(series))
    headings = FontFace(emphasis="BOLD", color=_HEADING, fill_color=(236, 241, 247))
    pdf.set_font("DejaVu", "", 9.5)
    with pdf.table(
        col_widths=(70, *([other] * len(series))),
        text_align=("LEFT", *(["CENTER"] * len(series))),
        headings_style=headings,
        line_height=5.5,
        borders_layout="HORIZONTAL_LINES",
        width=pdf.epw,
    ) as table:
        row = table.row()
        for column in columns:
            row.cell(printable(column))
        for comp in bank.competencies:
            row = table.row()
            row.cell(printable(comp.name))
            for _, scores in series:
                row.cell(danish_score(scores.get(comp.id)))


def _goal_lines(pdf: _Document, bank: QuestionBank, goals: Sequence[GoalLine], *, with_outcome: bool) -> None:
    for goal in goals:
        _paragraph(pdf, bank.competency(goal.competency_id).name, style="B")
        _paragraph(pdf, texts.REPORT_GOAL_STEP.format(step=goal.step))
        if with_outcome:
            outcome = texts.OUTCOME_LABELS.get(goal.outcome or "", texts.REPORT_NO_OUTCOME)
            _paragraph(pdf, texts.REPORT_GOAL_OUTCOME.format(outcome=outcome), style="I")
            if goal.followup_text:
                _paragraph(pdf, goal.followup_text)
        pdf.ln(2)


def _reflections(pdf: _Document, bank: QuestionBank, data: ReportData) -> None:
    asked = bank.of_version(data.round.bank_version)  # the wording the round was answered with
    scale_label = {RATING_MIN: asked.scale.low, RATING_MAX: asked.scale.high}
    for comp in asked.competencies:
        _heading(pdf, comp.name, size=12)
        for question in comp.questions:
            wording = asked.wording(question, data.round.context)
            answer = data.round.answers.get(question.id)
            rating = answer.rating if answer else None
            shown = texts.REPORT_NO_RATING if rating is None else str(rating)
            if rating in scale_label:
                shown = f"{rating} – {scale_label[rating]}"
            _paragraph(pdf, wording.text, style="B", size=10)
            _paragraph(pdf, texts.REPORT_RATING.format(rating=shown), size=10, color=_MUTED)
            _paragraph(pdf, wording.reflection, style="I", size=10, color=_MUTED)
            _paragraph(pdf, answer.text if answer and answer.text else texts.NO_REFLECTION)
            pdf.ln(2)
        for view in data.outside:
            comment = view.comments.get(comp.id)
            if comment:
                _paragraph(pdf, texts.REPORT_CD_COMMENT.format(name=view.name), style="B", size=10, color=_MUTED)
                _paragraph(pdf, comment)
                pdf.ln(2)


def _summary_lines(summary: Summary) -> list[tuple[str, list[str]]]:
    """The summary's lists as (heading, lines), the same words as the results page."""
    parts: list[tuple[str, list[str]]] = []
    if summary.has_previous:
        parts.append((texts.SUMMARY_ROSE, [move_line(m) for m in summary.rose] or [texts.SUMMARY_NONE_ROSE]))
        parts.append((texts.SUMMARY_FELL, [move_line(m) for m in summary.fell] or [texts.SUMMARY_NONE_FELL]))
    parts.append((texts.SUMMARY_STRONGEST, [standing_line(s) for s in summary.strongest]))
    parts.append((texts.SUMMARY_WEAKEST, [standing_line(s) for s in summary.weakest]))
    return parts


def _short(text: str, limit: int = 160) -> str:
    """A goal's next step cut to a line or two: the one-page summary must stay one page."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def build_summary(bank: QuestionBank, summary: Summary, data: ReportData, printed_at: datetime) -> bytes:
    """ "Siden sidst" on one A4 page: the summary, the radar of the latest round and the one before,
    and the goals (how last time's went, and the new ones). For bringing to a talk."""
    pdf = _Document(texts.REPORT_FOOTER.format(date=danish_date(printed_at)))
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(auto=False)  # one page, by construction: every part below has a bounded size
    pdf.add_page()
    pdf.set_font("DejaVu", "", 8.5)
    pdf.set_text_color(*_MUTED)
    round_ = data.round
    when = danish_date(round_.completed_at or round_.started_at)
    pdf.cell(
        0, 4.5, f"{texts.APP_TITLE.upper()} · {when} · {context_label(round_.context)}", new_x="LMARGIN", new_y="NEXT"
    )
    _heading(pdf, texts.SUMMARY_PDF_TITLE.format(name=data.name), size=16)
    top = bottom = pdf.get_y()
    column = (pdf.epw - 6) / 2
    for index, (heading, lines) in enumerate(_summary_lines(summary)):
        if index % 2 == 0:  # a new row of two lists starts below the longer of the last two
            top = bottom + (1 if index else 0)
        pdf.set_xy(pdf.l_margin + (index % 2) * (column + 6), top)
        pdf.set_font("DejaVu", "B", 9.5)
        pdf.set_text_color(*_HEADING)
        pdf.multi_cell(column, 4.6, printable(heading), align="L", new_x="LEFT", new_y="NEXT")
        pdf.set_font("DejaVu", "", 8.5)
        pdf.set_text_color(*_INK)
        for line in lines[:3]:
            pdf.multi_cell(column, 4.2, printable("• " + line), align="L", new_x="LEFT", new_y="NEXT")
        bottom = max(bottom, pdf.get_y())
    pdf.set_xy(pdf.l_margin, bottom)
    pdf.ln(2)
    series = _series(bank, data)
    pdf.set_font("DejaVu", "", 8.5)
    pdf.set_text_color(*_MUTED)
    pdf.multi_cell(0, 4.2, texts.SUMMARY_PDF_RADAR, align="L", new_x="LMARGIN", new_y="NEXT")
    size = 118  # mm: the radar, centred (the longest lists and goals still leave room for it)
    pdf.image(io.BytesIO(radar_png(bank, series[:2])), x=pdf.l_margin + (pdf.epw - size) / 2, w=size)
    goals = [
        (
            texts.SUMMARY_GOALS,
            [goal_line(g) for g in summary.goals_followed],
        ),
        (texts.SUMMARY_GOALS_NOW, [f"{g.name} – {_short(g.step)}" for g in summary.goals_now]),
    ]
    for heading, lines in goals:
        if not lines:
            continue
        pdf.set_font("DejaVu", "B", 9.5)
        pdf.set_text_color(*_HEADING)
        pdf.multi_cell(0, 4.8, printable(heading), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 8.5)
        pdf.set_text_color(*_INK)
        for line in lines[:3]:
            pdf.multi_cell(0, 4.2, printable("• " + line), align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    return bytes(pdf.output())


def build_report(bank: QuestionBank, data: ReportData, printed_at: datetime) -> bytes:
    """The whole report as PDF bytes."""
    pdf = _Document(texts.REPORT_FOOTER.format(date=danish_date(printed_at)))
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("DejaVu", "", 9)
    pdf.set_text_color(*_MUTED)
    pdf.cell(0, 5, texts.APP_TITLE.upper() + " · " + texts.REPORT_KIND, new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, texts.REPORT_TITLE, size=20)
    _meta(pdf, data)

    series = _series(bank, data)
    _heading(pdf, texts.RADAR_TITLE)
    _paragraph(pdf, texts.REPORT_RADAR_CAPTION, size=9, color=_MUTED)
    pdf.image(io.BytesIO(radar_png(bank, series)), x=pdf.l_margin + 10, w=pdf.epw - 20)
    pdf.add_page()
    _heading(pdf, texts.TABLE_TITLE)
    _score_table(pdf, bank, series)

    _heading(pdf, texts.GOALS_TITLE)
    if data.goals:
        _paragraph(pdf, texts.REPORT_GOALS_INTRO, size=9.5, color=_MUTED)
        pdf.ln(1)
        _goal_lines(pdf, bank, data.goals, with_outcome=False)
    else:
        _paragraph(pdf, texts.REPORT_NO_GOALS)
    if data.followups:
        _heading(pdf, texts.FOLLOWUP_TITLE)
        _goal_lines(pdf, bank, data.followups, with_outcome=True)

    overall = [view for view in data.outside if view.overall]
    if overall:
        _heading(pdf, texts.OUTSIDE_TITLE)
        for view in overall:
            _paragraph(pdf, texts.REPORT_CD_OVERALL.format(name=view.name), style="B")
            _paragraph(pdf, view.overall)
            pdf.ln(2)

    pdf.add_page()
    _heading(pdf, texts.REFLECTIONS_TITLE, size=16)
    _reflections(pdf, bank, data)
    return bytes(pdf.output())


def assemble(
    name: str, history: Sequence[Round], index: int, feedback: Mapping[int, Sequence[Feedback]], goals: Sequence[Goal]
) -> ReportData:
    """The report of history[index] (completed rounds, oldest first), from what the results page loads:
    co-drivers' feedback by round id, and every goal with its follow-up."""
    round_ = history[index]
    outside = [
        OutsideView(
            name=view.author_name,
            ratings=dict(view.ratings()),
            overall=view.overall,
            comments={cid: item.comment for cid, item in view.items.items() if item.comment},
        )
        for view in feedback.get(round_.id, [])
    ]
    return ReportData(
        name=name,
        round=round_,
        previous=history[index - 1] if index > 0 else None,
        outside=outside,
        goals=[GoalLine(g.competency_id, g.step) for g in goals if g.round_id == round_.id],
        followups=[
            GoalLine(g.competency_id, g.step, g.followup.outcome, g.followup.text)
            for g in goals
            if g.followup is not None and g.followup.round_id == round_.id
        ],
    )
