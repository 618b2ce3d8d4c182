"""Build plotly figures for results: radar of strengths and trend per competency."""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from core.scoring import RATING_MAX, RATING_MIN, ScoredRound
from questions import QuestionBank

T = TypeVar("T")

# A colour-blind-safe palette (Okabe–Ito's first four, then darker ochre and wine from Paul Tol's
# schemes in place of Okabe–Ito's light orange and sky blue): every line reaches 3:1 on white
# (WCAG 1.4.11, checked in tests/test_contrast.py).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8F6A00", "#882255", "#000000")
FONT = dict(family="Source Sans, sans-serif", size=14)
# Passed to every st.plotly_chart: Danish number and date formats, and no plotly toolbar: it sat on
# the charts' titles, spoke English ("Download plot as a PNG", "Autoscale") and offered zooming a
# radar does not need; the numbers are in the table under each chart.
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": False, "locale": "da"}


def as_text(value: str) -> str:
    """A label shown as itself in a chart: plotly reads <a href>, <b> and entities in its texts, so a
    name like '<a href="http://x">Klik</a>' would be a link in the legend."""
    return html.escape(value, quote=False)


def axis_label(name: str, width: int = 14) -> str:
    """Wrap a competency name over short lines so the radar's labels are never clipped."""
    return "<br>".join(textwrap.wrap(name, width=width, break_long_words=False))


def _closed(values: list[T]) -> list[T]:
    """Repeat the first point so the radar's outline closes."""
    return values + values[:1]


def _competency_axes(bank: QuestionBank) -> tuple[list[str], list[str]]:
    names = [c.name for c in bank.competencies]
    return names, [axis_label(name) for name in names]


def _polar_trace(
    bank: QuestionBank, values_by_id: Mapping[str, float | None], name: str, **style: Any
) -> go.Scatterpolar:
    """One closed outline over the competencies; hovering shows the full name and the score."""
    names, axes = _competency_axes(bank)
    values = [values_by_id.get(c.id) for c in bank.competencies]
    return go.Scatterpolar(
        r=_closed(values),
        theta=_closed(axes),
        customdata=_closed(names),
        name=as_text(name),
        hovertemplate="%{customdata}: %{r:.1f}<extra>%{fullData.name}</extra>",
        **style,
    )


def _radar_layout(fig: go.Figure) -> go.Figure:
    fig.update_layout(
        polar=dict(
            radialaxis=dict(range=[0, RATING_MAX], tickvals=list(range(RATING_MIN, RATING_MAX + 1))),
            # The first competency at the top, then clockwise, as the handbook lists them.
            # Labels a little smaller than the text, so they fit beside the radar on a phone too.
            angularaxis=dict(rotation=90, direction="clockwise", tickfont=dict(size=12)),
        ),
        showlegend=True,
        # Above the radar, so a phone's narrow radar leaves no blank band between it and the legend.
        legend=dict(orientation="h", yanchor="bottom", y=1.08, x=0),
        height=580,
        margin=dict(l=95, r=95, t=110, b=70),
        font=FONT,
    )
    return fig


def radar_figure(bank: QuestionBank, rounds: Sequence[ScoredRound]) -> go.Figure:
    """Draw one radar outline per round over the 10 competencies, scale 1–5. Every round is a line,
    so none hides another; the newest has a very light fill and a thicker line to stand out."""
    fig = go.Figure()
    for index, scored in enumerate(rounds):
        colour = PALETTE[index % len(PALETTE)]
        newest = index == len(rounds) - 1
        fig.add_trace(
            _polar_trace(
                bank,
                scored.scores,
                scored.label,
                mode="lines+markers",
                line=dict(color=colour, width=3.5 if newest else 2.5),
                fill="toself" if newest else "none",
                fillcolor=_light(colour) if newest else None,
            )
        )
    return _radar_layout(fig)


def _light(colour: str, alpha: float = 0.08) -> str:
    """A colour as a fill so light that every outline under it still shows."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def trend_figure(bank: QuestionBank, rounds: Sequence[ScoredRound]) -> go.Figure:
    """Draw a small line chart per competency across rounds (x = round number, oldest first)."""
    rows = (len(bank.competencies) + 1) // 2
    fig = make_subplots(
        rows=rows,
        cols=2,
        subplot_titles=[axis_label(c.name, width=26) for c in bank.competencies],
        shared_yaxes=True,
        vertical_spacing=0.08,
    )
    numbers = list(range(1, len(rounds) + 1))
    labels = [r.label for r in rounds]
    for index, comp in enumerate(bank.competencies):
        fig.add_trace(
            go.Scatter(
                x=numbers,
                y=[r.scores.get(comp.id) for r in rounds],
                customdata=labels,
                mode="lines+markers",
                name=comp.name,
                line=dict(color=PALETTE[0], width=3),
                hovertemplate="%{customdata}: %{y:.1f}<extra></extra>",
                showlegend=False,
            ),
            row=index // 2 + 1,
            col=index % 2 + 1,
        )
    fig.update_yaxes(range=[RATING_MIN - 0.5, RATING_MAX + 0.5], dtick=1)
    fig.update_xaxes(tickvals=numbers, range=[0.7, len(rounds) + 0.3])
    fig.update_layout(height=200 * rows, margin=dict(l=40, r=20, t=60, b=20), font=FONT)
    fig.update_annotations(font_size=13)
    return fig


def cohort_radar_figure(
    bank: QuestionBank,
    mean: Mapping[str, float],
    band: Mapping[str, tuple[float, float]] | None,
    labels: Mapping[str, str],
) -> go.Figure:
    """The cohort's mean per competency on the radar and, when there is one, a shaded band from the
    lower to the upper quartile."""
    band_colour = "rgba(0, 114, 178, 0.18)"
    fig = go.Figure()
    if band is not None:
        high = {cid: pair[1] for cid, pair in band.items()}
        low = {cid: pair[0] for cid, pair in band.items()}
        for key, values, fill in (("high", high, "none"), ("low", low, "tonext")):
            line = dict(color=band_colour, width=1)
            fig.add_trace(
                _polar_trace(bank, values, labels[key], mode="lines", line=line, fill=fill, fillcolor=band_colour)
            )
    line = dict(color=PALETTE[0], width=3)
    fig.add_trace(_polar_trace(bank, mean, labels["mean"], mode="lines+markers", line=line))
    return _radar_layout(fig)


def _bar_layout(fig: go.Figure, barmode: str, height: int, **extra: Any) -> go.Figure:
    """Horizontal bars, one row per competency in the handbook's order, legend on top."""
    fig.update_layout(
        barmode=barmode,
        yaxis=dict(autorange="reversed"),
        height=height,
        margin=dict(l=10, r=20, t=30, b=40),
        font=FONT,
        **extra,
    )
    return fig


def change_figure(
    bank: QuestionBank, first: Mapping[str, float], latest: Mapping[str, float], labels: tuple[str, str]
) -> go.Figure:
    """Paired bars per competency: the cohort's first and latest mean."""
    names = [axis_label(c.name, width=26) for c in bank.competencies]
    fig = go.Figure()
    for index, (label, values) in enumerate(zip(labels, (first, latest), strict=True)):
        fig.add_trace(
            go.Bar(
                y=names,
                x=[values.get(c.id) for c in bank.competencies],
                name=as_text(label),
                orientation="h",
                marker_color=PALETTE[index],
                hovertemplate="%{y}: %{x:.1f}<extra>%{fullData.name}</extra>",
            )
        )
    legend = dict(orientation="h", yanchor="bottom", y=1.0)
    return _bar_layout(fig, "group", 620, xaxis=dict(range=[0, RATING_MAX], dtick=1), legend=legend)


def distribution_figure(bank: QuestionBank, distribution: Mapping[str, Mapping[int, int]]) -> go.Figure:
    """Stacked bars per competency: how many times each rating from 1 to 5 was given."""
    names = [axis_label(c.name, width=26) for c in bank.competencies]
    scale = ("#D55E00", "#E69F00", "#BBBBBB", "#56B4E9", "#0072B2")  # diverging, colour-blind safe
    fig = go.Figure()
    for value in range(RATING_MIN, RATING_MAX + 1):
        fig.add_trace(
            go.Bar(
                y=names,
                x=[distribution.get(c.id, {}).get(value, 0) for c in bank.competencies],
                name=str(value),
                orientation="h",
                marker_color=scale[value - RATING_MIN],
                hovertemplate="%{y}: %{x}<extra>" + str(value) + "</extra>",
            )
        )
    return _bar_layout(fig, "stack", 560, legend=dict(orientation="h", yanchor="bottom", y=1.0, traceorder="normal"))
