"""Floor for the walk-through step: the same elements as one step of "Ny refleksion", drawn from
constants (no database, no session), in the same menu. The app's rerun is compared with this."""

import streamlit as st

from bench.floors.menu import run_in_menu
from core import texts
from questions import load_bank
from ui.ratings import RATINGS, rating_label
from ui.resources import APP_ICON


@st.cache_resource
def _bank():
    return load_bank()


bank = _bank()


st.set_page_config(page_title=texts.APP_TITLE, page_icon=APP_ICON, layout="centered")


def page() -> None:
    step = 3
    comp = bank.competencies[step]
    with st.sidebar:
        st.text(texts.SIGNED_IN_AS.format(name="Lise Hansen"))
        st.button(texts.LOGOUT, key="logout")
    st.title(texts.START_TITLE)
    st.caption("Efter netværksmøde 1 · startet 24. nov. 2026")
    st.progress((step + 1) / 11, text=texts.STEP_PROGRESS.format(step=step + 1, total=10))
    st.header(comp.name)
    st.write(comp.description)
    for question in comp.questions:
        with st.container(border=True):
            st.radio(
                question.text,
                RATINGS,
                index=3,
                format_func=rating_label(bank.scale_for(question)),
                horizontal=True,
                key=f"rating-{question.id}",
            )
            st.text_area(
                question.reflection, value="Jeg lyttede mere og spurgte borgerne først.", key=f"text-{question.id}"
            )
            st.caption(texts.REFLECTION_HELP.format(max="5.000"))
            with st.expander(texts.LAST_TIME.format(date="3. nov. 2026")):
                st.text(texts.LAST_TIME_RATING.format(rating=3))
                st.text("Jeg lyttede mere og spurgte borgerne først.")
    st.caption(texts.SAVED_IDLE)
    back, forward = st.columns(2)
    back.button(texts.STEP_BACK, key="step-back")
    forward.button(texts.STEP_NEXT, key="step-next", type="primary")


run_in_menu(page, texts.PAGE_REFLECTION)
