"""Which pages a person sees in the menu: the ones that apply to them."""

from __future__ import annotations

import streamlit as st

from core import texts
from db import sharing
from db.accounts import AccountView
from ui.resources import tx


def pages_for(user: AccountView | None) -> list[st.Page]:
    """Everyone can lead and share; the co-driver page appears once someone shares with you.

    Before sign-in every page is registered, so a link to any page shows the sign-in form there.
    """
    pages = [
        st.Page("pages/refleksion.py", title=texts.PAGE_REFLECTION, url_path="refleksion", default=True),
        st.Page("pages/resultater.py", title=texts.PAGE_RESULTS, url_path="resultater"),
        st.Page("pages/deling.py", title=texts.PAGE_SHARING, url_path="deling"),
    ]
    if user is None or tx(sharing.is_codriver, user_id=user.id):
        pages.append(st.Page("pages/co_driver.py", title=texts.PAGE_CODRIVER, url_path="co-driver"))
    return pages
