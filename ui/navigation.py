"""Which pages a person sees in the menu: the ones that apply to them."""

from __future__ import annotations

import streamlit as st

from core import texts
from db import sharing
from db.accounts import AccountView
from ui.resources import tx


def pages_for(user: AccountView | None) -> list[st.Page]:
    """Everyone can lead and share; the co-driver page is in the menu once someone shares with you.

    Every page is always registered, so a link to any page works (showing the sign-in form first);
    the co-driver page is only hidden from the menu, and tells a non-co-driver so itself.
    """
    pages = [
        st.Page("pages/refleksion.py", title=texts.PAGE_REFLECTION, url_path="refleksion", default=True),
        st.Page("pages/resultater.py", title=texts.PAGE_RESULTS, url_path="resultater"),
        st.Page("pages/deling.py", title=texts.PAGE_SHARING, url_path="deling"),
    ]
    in_menu = user is not None and tx(sharing.is_codriver, user_id=user.id)
    visibility = "visible" if in_menu else "hidden"
    pages.append(st.Page("pages/co_driver.py", title=texts.PAGE_CODRIVER, url_path="co-driver", visibility=visibility))
    return pages
