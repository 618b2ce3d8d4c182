"""The app's menu for a floor script: its page among the ten, as st.navigation draws them."""

from collections.abc import Callable

import streamlit as st

from core import texts

TITLES = [
    texts.PAGE_REFLECTION, texts.PAGE_RESULTS, texts.PAGE_OVERVIEW, texts.PAGE_TALKS, texts.PAGE_SHARING,
    texts.PAGE_MY_COURSES, texts.PAGE_MY_DATA, texts.PAGE_CODRIVER, texts.PAGE_COURSES, texts.PAGE_ADMIN,
]  # fmt: skip


def _elsewhere() -> None:
    pass


def run_in_menu(page: Callable[[], None], title: str) -> None:
    """Draw `page` as the chosen one of the menu's pages (seven shown, three hidden, as for a leader)."""
    pages = [
        st.Page(
            page if name == title else _elsewhere,
            title=name,
            url_path=f"p{n}",
            default=name == title,
            visibility="visible" if n < 7 else "hidden",
        )
        for n, name in enumerate(TITLES)
    ]
    st.navigation(pages, position="sidebar").run()
