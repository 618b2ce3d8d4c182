"""Process-wide resources (question bank, database) cached once, and one transaction per action."""

from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import streamlit as st
from sqlalchemy.orm import Session, sessionmaker
from streamlit.errors import StreamlitAPIException

from core import texts
from core.links import app_base
from core.settings import Settings, SettingsError, settings
from db.engine import database_url, in_transaction, shared_sessionmaker
from db.errors import DatabaseConfigError
from questions import DEFAULT_BANK_PATH, BankError, QuestionBank, load_bank
from questions.tools import Tools, ToolsError, load_tools
from ui.flash import show_flash

# The app's icon in the browser tab, served by this server (a Material icon here would be fetched
# from Google's font server on every page: the Content-Security-Policy refuses that, and rightly).
APP_ICON = str(Path(__file__).resolve().parent / "assets" / "icon.png")

log = logging.getLogger("netvaerksspejlet")
UNEXPECTED_SLOT = "unexpected"  # a callback's unexpected error, shown at the top of the page that follows
GATE_SLOT = "login"  # shown on the sign-in gate: why this tab was signed out, or why a sign-in failed
T = TypeVar("T")


def bank_path() -> str:
    """Return the question bank file in use (QUESTION_BANK_PATH overrides the default)."""
    return settings().QUESTION_BANK_PATH or str(DEFAULT_BANK_PATH)


@functools.cache  # not st.cache_resource: its lookup costs a third of a millisecond, twice per run
def _bank_at(path: str) -> QuestionBank:
    return load_bank(path)


def _or_stop(load: Callable[[], T], errors: tuple[type[Exception], ...], message: str) -> T:
    """Return load(); on a known start-up error log it, show one clear message and stop the page."""
    try:
        return load()
    except errors as exc:
        log.error("%s", exc)
        st.error(message.format(detail=exc))
        _no_menu()
        st.stop()


def _stopped() -> None:
    """The page of an app that could not start: the message above is all there is."""


def _no_menu() -> None:
    """Keep the sidebar empty when the app cannot start.

    A run that stops before app.py calls st.navigation leaves Streamlit to list the pages/ folder's
    file names as a menu (under `streamlit run app.py`); a hidden navigation of one empty page
    leaves nothing to list. If this run has already called st.navigation, that one stands.
    """
    with contextlib.suppress(StreamlitAPIException):
        st.navigation([st.Page(_stopped, title=texts.APP_TITLE, url_path="kan-ikke-starte")], position="hidden")


def base_url(page_path: str = "hold") -> str:
    """The app's address for links people follow on their own devices (PUBLIC_URL, or the address
    this browser uses on the page at `page_path`)."""
    return settings().PUBLIC_URL or app_base(st.context.url, page_path) or "http://localhost:8501"


def get_settings() -> Settings:
    """Return the checked settings, or show one clear message naming the variable and stop."""
    return _or_stop(settings, (SettingsError,), texts.SETTINGS_BROKEN)


def get_bank() -> QuestionBank:
    """Return the validated bank, or show one clear message and stop the page."""
    return _or_stop(lambda: _bank_at(bank_path()), (BankError,), texts.BANK_BROKEN)


@functools.cache
def _tools() -> Tools:
    return load_tools()


def get_tools() -> Tools:
    """Return the validated reflection tools, or show one clear message and stop the page."""
    return _or_stop(_tools, (ToolsError,), texts.TOOLS_BROKEN)


def get_sessionmaker() -> sessionmaker[Session]:
    """Return the migrated database's sessionmaker, or show one clear message and stop."""
    return _or_stop(lambda: shared_sessionmaker(database_url()), (DatabaseConfigError,), texts.DATABASE_BROKEN)


def tx(action: Callable[..., T], **kwargs) -> T:
    """Run one storage call in its own transaction: committed on success, rolled back on error."""
    return in_transaction(get_sessionmaker(), action, **kwargs)


@contextmanager
def guarded_page() -> Iterator[None]:
    """Wrap a page body: an unexpected error is logged in full and shown as one calm message.

    Streamlit's stop and rerun signals are BaseExceptions, so they pass straight through.
    """
    show_flash(UNEXPECTED_SLOT)
    try:
        yield
    except Exception:
        log.exception("Unexpected error while drawing a page")
        st.error(texts.UNEXPECTED)
