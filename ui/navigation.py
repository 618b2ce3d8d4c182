"""Which pages a person sees in the menu: the ones that apply to them."""

from __future__ import annotations

import streamlit as st

from core import texts
from core.landing import Destination
from db.accounts import Roles, Standing
from ui import landing

_PAGES_KEY = "nav-pages"  # (standing, pages) built for this browser session


def pages_for(standing: Standing | None) -> list[st.Page]:
    """Everyone can lead, share and join courses; the co-driver page is in the menu (at its top)
    once someone shares with you, and the trainers' page ("Hold") for trainers. Someone who is here
    only to read an agreement they were invited to sees "Aftaler", "Mine data" and "Min konto".

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
    reader = standing.reads_only if standing else False
    leader = _shown(not reader)  # someone only reading an agreement is not offered the leader's pages
    pages = {
        Destination.ROUND: st.Page(
            "pages/refleksion.py", title=texts.PAGE_REFLECTION, url_path="refleksion", visibility=leader
        ),
        Destination.OVERVIEW: st.Page(
            "pages/overblik.py", title=texts.PAGE_OVERVIEW, url_path="overblik", visibility=leader
        ),
        Destination.AGREEMENT: st.Page(
            "pages/samtaler.py", title=texts.PAGE_AGREEMENTS if reader else texts.PAGE_TALKS, url_path="samtaler"
        ),
        Destination.CODRIVER: st.Page(
            "pages/co_driver.py", title=texts.PAGE_CODRIVER, url_path="co-driver", visibility=_shown(codriver)
        ),
        Destination.COURSES: st.Page(
            "pages/hold.py", title=texts.PAGE_COURSES, url_path="hold", visibility=_shown(roles.is_trainer)
        ),
    }
    pages[Destination.FIRST_ROUND] = pages[Destination.ROUND]
    results = st.Page("pages/resultater.py", title=texts.PAGE_RESULTS, url_path="resultater", visibility=leader)
    return [
        # Streamlit serves the default page at "/" only; the front door sends a person on to where their
        # work is (ui/landing.py), and every page keeps its own address.
        st.Page(
            lambda: landing.go_where_work_is(pages),
            title=texts.PAGE_REFLECTION,
            url_path="forside",
            default=True,
            visibility="hidden",
        ),
        *([pages[Destination.CODRIVER]] if codriver else []),  # a co-driver's work comes first
        pages[Destination.ROUND],
        results,
        pages[Destination.OVERVIEW],
        pages[Destination.AGREEMENT],
        st.Page("pages/deling.py", title=texts.PAGE_SHARING, url_path="deling", visibility=leader),
        st.Page("pages/mine_hold.py", title=texts.PAGE_MY_COURSES, url_path="mine-hold", visibility=leader),
        st.Page("pages/mine_data.py", title=texts.PAGE_MY_DATA, url_path="mine-data"),
        st.Page("pages/konto.py", title=texts.PAGE_ACCOUNT, url_path="konto"),
        *([] if codriver else [pages[Destination.CODRIVER]]),
        pages[Destination.COURSES],
        st.Page("pages/admin.py", title=texts.PAGE_ADMIN, url_path="admin", visibility=_shown(roles.is_admin)),
    ]


def _shown(applies: bool) -> str:
    return "visible" if applies else "hidden"
