"""The theme's colours meet WCAG 2.1 AA contrast, computed from .streamlit/config.toml itself."""

from __future__ import annotations

import tomllib

import pytest

from core import contrast
from core.charts import PALETTE
from tests.conftest import ROOT

THEME = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))["theme"]
WHITE = contrast.parse("#FFFFFF")
# Streamlit draws captions and help text in the text colour at 60 % opacity.
CAPTION_ALPHA = 0.6


def _colour(name: str) -> contrast.RGB:
    return contrast.parse(THEME[name])


def test_the_ratio_matches_the_wcag_reference_values():
    assert contrast.ratio(contrast.parse("#000"), WHITE) == pytest.approx(21.0)
    assert contrast.ratio(contrast.parse("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast.ratio(WHITE, WHITE) == 1.0


@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
@pytest.mark.parametrize("foreground", ["textColor", "linkColor", "codeTextColor"])
def test_text_is_readable_on_both_backgrounds(foreground, background):
    assert contrast.ratio(_colour(foreground), _colour(background)) >= contrast.TEXT


@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
def test_captions_are_readable_on_both_backgrounds(background):
    back = _colour(background)
    caption = contrast.blend(_colour("textColor"), back, CAPTION_ALPHA)
    assert contrast.ratio(caption, back) >= contrast.TEXT


def test_a_primary_button_label_is_readable():
    assert contrast.ratio(WHITE, _colour("primaryColor")) >= contrast.TEXT


@pytest.mark.parametrize("background", ["backgroundColor", "secondaryBackgroundColor"])
def test_a_chosen_rating_and_the_focus_ring_stand_out(background):
    assert contrast.ratio(_colour("primaryColor"), _colour(background)) >= contrast.GRAPHICS


@pytest.mark.parametrize("line", PALETTE)
def test_every_chart_line_stands_out_on_white(line):
    assert contrast.ratio(contrast.parse(line), WHITE) >= contrast.GRAPHICS


def test_the_old_text_colour_would_have_been_caught():
    """#1B1F23 (before issue 6) gave captions 4.38:1, which axe reported on every page."""
    caption = contrast.blend(contrast.parse("#1B1F23"), WHITE, CAPTION_ALPHA)
    assert contrast.ratio(caption, WHITE) < contrast.TEXT


def test_a_colour_that_is_not_hex_is_refused():
    with pytest.raises(ValueError):
        contrast.parse("blue")
