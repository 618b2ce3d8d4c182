"""Figures: the radar shows each chosen round's scores; the trend shows each competency."""

from __future__ import annotations

from core.charts import axis_label, cohort_radar_figure, distribution_figure, radar_figure, trend_figure
from core.scoring import ScoredRound


def _round(bank, label, value):
    return ScoredRound(label, {c.id: value + i * 0.1 for i, c in enumerate(bank.competencies)})


def test_radar_draws_one_closed_trace_per_round_with_its_scores(bank):
    fig = radar_figure(bank, [_round(bank, "Før", 2.0), _round(bank, "Nu", 3.0)])
    assert [t.name for t in fig.data] == ["Før", "Nu"]
    latest = fig.data[1]
    assert list(latest.customdata[:10]) == [c.name for c in bank.competencies]
    assert list(latest.theta[:10]) == [axis_label(c.name) for c in bank.competencies]
    assert latest.r[0] == latest.r[-1] == 3.0
    assert round(latest.r[9], 2) == 3.9


def test_radar_scale_runs_from_zero_to_five_with_ticks_one_to_five(bank):
    fig = radar_figure(bank, [_round(bank, "Nu", 3.0)])
    axis = fig.layout.polar.radialaxis
    assert list(axis.range) == [0, 5]
    assert list(axis.tickvals) == [1, 2, 3, 4, 5]


def test_every_round_stays_visible_under_the_newest(bank):
    """The newest round's fill once hid the earlier rounds: now it is all but transparent."""
    fig = radar_figure(bank, [_round(bank, "Før", 2.0), _round(bank, "Nu", 3.0)])
    assert [t.fill for t in fig.data] == ["none", "toself"]
    alpha = float(fig.data[1].fillcolor.rsplit(",", 1)[1].rstrip(")"))
    assert alpha <= 0.1 and all(t.opacity in (None, 1) for t in fig.data)
    assert "%{customdata}: %{r:.1f}" in fig.data[0].hovertemplate  # hover says competency and score


def test_trend_has_one_series_per_competency_across_all_rounds(bank):
    rounds = [_round(bank, "A", 1.0), _round(bank, "B", 2.0), _round(bank, "C", 4.0)]
    fig = trend_figure(bank, rounds)
    assert len(fig.data) == 10
    assert list(fig.data[0].x) == [1, 2, 3]
    assert list(fig.data[0].y) == [1.0, 2.0, 4.0]
    assert list(fig.data[0].customdata) == ["A", "B", "C"]
    titles = [a.text for a in fig.layout.annotations]
    assert titles == [axis_label(c.name, width=26) for c in bank.competencies]


def test_long_axis_labels_are_wrapped_not_clipped():
    """Short lines fit beside the radar on a 375 px phone (the browser test checks the drawing)."""
    assert (
        axis_label("Genforhandle beslutninger og sikre fremdrift")
        == "Genforhandle<br>beslutninger<br>og sikre<br>fremdrift"
    )
    assert axis_label("Mod og eksperimenter") == "Mod og<br>eksperimenter"
    # A word longer than a line stays whole rather than being split mid-word.
    assert axis_label("Tænke andre ind i opgaveløsningen") == "Tænke andre<br>ind i<br>opgaveløsningen"


def test_cohort_radar_draws_the_band_under_the_mean(bank):
    ids = [c.id for c in bank.competencies]
    labels = {"mean": "Gennemsnit", "low": "Nedre kvartil", "high": "Øvre kvartil"}
    fig = cohort_radar_figure(bank, dict.fromkeys(ids, 3.0), dict.fromkeys(ids, (2, 4)), labels)
    high, low, mean = fig.data
    assert (high.name, low.name, mean.name) == ("Øvre kvartil", "Nedre kvartil", "Gennemsnit")
    assert low.fill == "tonext" and list(high.r[:10]) == [4] * 10 and list(mean.r[:10]) == [3.0] * 10
    # A small group: the mean alone, no band.
    assert [t.name for t in cohort_radar_figure(bank, dict.fromkeys(ids, 3.0), None, labels).data] == ["Gennemsnit"]


def test_distribution_stacks_the_five_ratings_per_competency(bank):
    fig = distribution_figure(bank, {bank.competencies[0].id: {1: 2, 5: 4}})
    assert [t.name for t in fig.data] == ["1", "2", "3", "4", "5"]
    assert fig.data[0].x[0] == 2 and fig.data[4].x[0] == 4 and fig.data[2].x[0] == 0


def test_a_name_in_a_legend_is_text_never_a_link_or_bold(bank):
    """Plotly reads <a href> and <b> in trace names; a co-driver's name is someone's own text."""
    scores = {c.id: 3.0 for c in bank.competencies}
    figure = radar_figure(bank, [ScoredRound('<a href="http://x.invalid">Klik</a> <b>Jonas</b> & co', scores)])
    name = figure.data[0].name
    assert "<" not in name and ">" not in name
    assert name == '&lt;a href="http://x.invalid"&gt;Klik&lt;/a&gt; &lt;b&gt;Jonas&lt;/b&gt; &amp; co'
