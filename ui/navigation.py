"""Which pages a person sees in the menu: the ones that apply to them."""

from __future__ import annotations

import streamlit as st

from core import texts
from db.accounts import Roles, Standing

_PAGES_KEY = "nav-pages"  # (standing, pages) built for this browser session


def pages_for(standing: Standing | None) -> list[st.Page]:
    """Everyone can lead, share and join courses; the co-driver page is in the menu once someone
    shares with you, and the trainers' page ("Hold") for trainers.

    Every page is always registered, so a link to any page works (showing the sign-in form first);
    the co-driver page is only hidden from the menu, and tells a non-co-driver so itself.

    The list is built once per browser session and standing: making the eleven pages (each finds its
    file on disk) took over a millisecond of every rerun. It is never shared between sessions,
    because st.navigation marks the chosen page object as the one this run may call.
    """
    kept = st.session_state.get(_PAGES_KEY)
    if kept is not None and kept[0] == standing:
        return kept[1]
    pages = _build(standing)
    st.session_state[_PAGES_KEY] = (standing, pages)
    return pages


def _build(standing: Standing | None) -> list[st.Page]:
    roles = standing.roles if standing else Roles()
    codriver = standing.is_codriver if standing else False
    walkthrough = st.Page("pages/refleksion.py", title=texts.PAGE_REFLECTION, url_path="refleksion")
    return [
        # Streamlit serves the default page at "/" only, so "/refleksion" would be "page not found";
        # the front door instead sends "/" on to /refleksion, and every page has its own address.
        st.Page(
            lambda: st.switch_page(walkthrough),
            title=texts.PAGE_REFLECTION,
            url_path="forside",
            default=True,
            visibility="hidden",
        ),
        walkthrough,
        st.Page("pages/resultater.py", title=texts.PAGE_RESULTS, url_path="resultater"),
        st.Page("pages/overblik.py", title=texts.PAGE_OVERVIEW, url_path="overblik"),
        st.Page("pages/samtaler.py", title=texts.PAGE_TALKS, url_path="samtaler"),
        st.Page("pages/deling.py", title=texts.PAGE_SHARING, url_path="deling"),
        st.Page("pages/mine_hold.py", title=texts.PAGE_MY_COURSES, url_path="mine-hold"),
        st.Page("pages/mine_data.py", title=texts.PAGE_MY_DATA, url_path="mine-data"),
        st.Page("pages/konto.py", title=texts.PAGE_ACCOUNT, url_path="konto"),
        st.Page("pages/co_driver.py", title=texts.PAGE_CODRIVER, url_path="co-driver", visibility=_shown(codriver)),
        st.Page("pages/hold.py", title=texts.PAGE_COURSES, url_path="hold", visibility=_shown(roles.is_trainer)),
        st.Page("pages/admin.py", title=texts.PAGE_ADMIN, url_path="admin", visibility=_shown(roles.is_admin)),
    ]


def _shown(applies: bool) -> str:
    return "visible" if applies else "hidden"
