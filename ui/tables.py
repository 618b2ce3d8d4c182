"""Tables of numbers beside the charts, drawn safely."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core import texts
from core.formatting import escape_markdown


def show_table(frame: pd.DataFrame) -> None:
    """Draw a table; st.table renders Markdown, so every label and cell is escaped (names are user text)."""
    shown = frame.map(lambda value: escape_markdown(value) if isinstance(value, str) else value)
    shown.columns = [escape_markdown(str(c)) for c in shown.columns]
    shown.index = pd.Index([escape_markdown(str(i)) for i in shown.index], name=frame.index.name)
    st.table(shown)


def chart_numbers(frame: pd.DataFrame) -> None:
    """The numbers behind the chart just drawn, right below it, for anyone who cannot read the chart."""
    st.markdown(f"**{texts.CHART_NUMBERS}**")
    show_table(frame)
