"""What the app does in the browser itself: text fields that save while a person types, and a new
walk-through step that opens at its top with the keyboard focus on its heading.

Both, and the posts that hand the session cookie over, are one small Streamlit component (custom
components v2: no iframe, its script runs in the page). Streamlit's text area sends its value only
when it loses focus or on Ctrl+Enter; the script here sends it after a pause in typing, by giving
the text area the same Ctrl+Enter that a person could press. So every text field stays Streamlit's
own `<textarea>` with its visible label, its key and its on_change callback, and the value that
reaches Python is the one the person sees. Python never writes a value back into a field while it
is being typed in (streamlit-keyup's old pitfall): the text area keeps what is typed while a save
is under way.
"""

from __future__ import annotations

import secrets

import streamlit as st

from core import texts
from web import server_id
from web.server_id import SERVER_PATH

PAUSE_MS = 1000  # how long typing must pause before the text is sent (and so stored)

_JS = r"""
export default function ({ data }) {
  const helper = window.__netvaerksspejlet || (window.__netvaerksspejlet = { timers: new Map() });
  helper.pause = data.pause_ms;
  if (data.over) helper.over = data.over;
  if (data.server) {
    helper.server = data.server;
    helper.serverPath = data.server_path;
  }
  if (!helper.listening) {
    helper.listening = true;
    const send = (area) => {
      helper.timers.delete(area);
      if (!area.isConnected) return;
      area.dispatchEvent(new KeyboardEvent("keydown", {
        key: "Enter", code: "Enter", keyCode: 13, which: 13, ctrlKey: true, bubbles: true, cancelable: true,
      }));
    };
    document.addEventListener("input", (event) => {
      const area = event.target;
      if (!(area instanceof HTMLTextAreaElement) || !area.closest('[data-testid="stTextArea"]')) return;
      count(area, helper);
      // In a form, Ctrl+Enter submits the form: its fields are sent with its button, as promised.
      if (area.closest('[data-testid="stForm"]')) return;
      clearTimeout(helper.timers.get(area));
      helper.timers.set(area, setTimeout(() => send(area), helper.pause));
    }, true);
    document.addEventListener("click", (event) => {
      // On a phone the menu lies over the page: close it once a page is chosen.
      if (!event.target.closest('[data-testid="stSidebarNavLink"]') || window.innerWidth > 640) return;
      document.querySelector('[data-testid="stSidebarCollapseButton"] button')?.click();
    });
    // Back after a lost connection: if another process answers now (a restart, or nginx sending
    // this browser elsewhere), it never knew this page's session; reload to draw what is stored.
    const app = document.querySelector('[data-testid="stApp"]');
    let lost = false;
    new MutationObserver(() => {
      if (app.getAttribute("data-test-connection-state") !== "CONNECTED") {
        lost = true;
        return;
      }
      if (!lost) return;
      lost = false;
      fetch(helper.serverPath, { cache: "no-store", credentials: "same-origin" })
        .then((answer) => answer.json())
        .then(({ id }) => { if (helper.server && id !== helper.server) window.location.reload(); })
        .catch(() => {});
    }).observe(app, { attributes: true, attributeFilter: ["data-test-connection-state"] });
    document.addEventListener("focusout", (event) => {
      // Streamlit sends the value itself on blur; a pending pause timer has nothing left to do.
      clearTimeout(helper.timers.get(event.target));
      helper.timers.delete(event.target);
    }, true);
  }
  if (data.post && data.post.id !== helper.posted) {
    // One of our own routes (web/session_cookie.py), cookies included: the session cookie's hand-over.
    helper.posted = data.post.id;
    fetch(data.post.path, {
      method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(data.post.body),
    });
  }
  if (data.view && data.view !== helper.view) {
    const first = helper.view === undefined;
    helper.view = data.view;
    if (!first) openAtTop(data.heading);
  }
}

// The line under a text field starts "1.234 / 5.000 tegn" (ui/text_field.py): move the count on as
// the person types, and say at once when the text passes its limit. Only the text node's value is
// changed, the node React keeps, so the server's next line replaces ours as usual.
const COUNT = /^([\d.]+) \/ ([\d.]+) tegn/;
function count(area, helper) {
  const holder = area.closest('[data-testid="stElementContainer"]');
  const line = holder?.nextElementSibling?.querySelector('[data-testid="stCaptionContainer"] p');
  const text = line?.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE) return;
  const found = COUNT.exec(text.nodeValue);
  if (!found) return;
  const length = [...area.value].length;  // characters as Python counts them, not UTF-16 units
  const limit = Number(found[2].replace(/\./g, ""));
  const shown = `${length.toLocaleString("da-DK")} / ${found[2]} tegn`;
  const rest = text.nodeValue.slice(found[0].length).replace(` · ${helper.over}`, "");
  text.nodeValue = length > limit ? `${shown} · ${helper.over}` : shown + rest;
  line.classList.toggle("nvs-over-limit", length > limit);
}

function openAtTop(heading) {
  const started = performance.now();
  const attempt = () => {
    const target = [...document.querySelectorAll('[data-testid="stMain"] h1, [data-testid="stMain"] h2')]
      .find((h) => h.textContent.trim() === heading);
    if (!target) {
      if (performance.now() - started < 3000) requestAnimationFrame(attempt);
      return;
    }
    for (const box of [document.querySelector('[data-testid="stMain"]'), document.scrollingElement]) {
      if (box) box.scrollTop = 0;
    }
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
  };
  requestAnimationFrame(attempt);
}
"""

# (Inline CSS must span lines: Streamlit takes a one-line string with "[" for a file pattern.)
_CSS = """
/* Where the keyboard is, clearly (WCAG 2.4.7): Streamlit's own mark on a rating choice was a faint grey box. */
[data-testid="stMain"] label:has(input:focus-visible),
[data-testid="stMain"] button:focus-visible, [data-testid="stSidebar"] button:focus-visible,
[data-testid="stSidebar"] a:focus-visible, [data-testid="stMain"] a:focus-visible,
[data-testid="stMain"] summary:focus-visible, [data-testid="stMain"] [role="tab"]:focus-visible {
  outline: 3px solid #005A8C !important; outline-offset: 2px; border-radius: 4px;
}

/* A button that deletes looks like one: red, never the primary blue. */
[class*="st-key-round-delete-confirm-"] button, .st-key-account-delete button {
  background-color: #B3261E !important; border-color: #B3261E !important; color: #FFFFFF !important;
}
[class*="st-key-round-delete-confirm-"] button:hover, .st-key-account-delete button:hover {
  background-color: #8C1D18 !important; border-color: #8C1D18 !important;
}
[class*="st-key-round-delete-"]:not([class*="-confirm-"]):not([class*="-cancel-"]) button,
[class*="st-key-share-revoke-"] button, [class*="st-key-agreement-reader-remove-"] button {
  color: #B3261E !important; border-color: #B3261E !important;
}

/* A text past its limit, said at once under the field while it is typed (ui/browser.py's count). */
.nvs-over-limit { color: #B3261E; font-weight: 600; }

/* Text is sent by itself, so the 'Press Ctrl+Enter to apply' hint would be wrong. */
[data-testid="stTextArea"] [data-testid="InputInstructions"] { display: none; }

/* A phone (or 200 % zoom): the 1-5 scale stays one row of five, each choice a 44 px target with
   its words under the number; buttons, menu links and choices are 44 px tall at least. */
@media (max-width: 640px) {
  [class*="st-key-rating-"], [class*="st-key-cd-rating-"] { width: 100%; }
  [class*="st-key-rating-"] [role="radiogroup"], [class*="st-key-cd-rating-"] [role="radiogroup"] {
    display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 0.25rem; width: 100%;
    align-items: start;
  }
  [class*="st-key-rating-"] [data-testid="stRadioOption"],
  [class*="st-key-cd-rating-"] [data-testid="stRadioOption"] {
    width: 100%; min-height: 44px; margin: 0; padding: 0.25rem 0; justify-content: center;
  }
  [class*="st-key-rating-"] [data-testid="stRadioOption"] > div,
  [class*="st-key-cd-rating-"] [data-testid="stRadioOption"] > div {
    flex-direction: column; align-items: center; text-align: center; gap: 0.25rem;
  }
  [class*="st-key-rating-"] [data-testid="stRadioOption"] [data-testid="stMarkdownContainer"],
  [class*="st-key-cd-rating-"] [data-testid="stRadioOption"] [data-testid="stMarkdownContainer"] {
    padding: 0; font-size: 0.875rem; line-height: 1.2;
  }
  [data-testid="stMain"] button, [data-testid="stSidebar"] button,
  [data-testid="stSidebarNavLink"], [data-testid="stExpander"] summary,
  [data-testid="stSelectbox"] [data-baseweb="select"] > div { min-height: 44px; }
  [data-testid="stMain"] [data-testid="stRadioOption"] { min-height: 44px; min-width: 44px; align-items: center; }
  [data-testid="stExpandSidebarButton"] { min-width: 44px; min-height: 44px; }
}

/* The projector (/hold?visning=praesentation): read from the back of a room. */
.st-key-present-code p { font-size: 5rem; font-weight: 700; letter-spacing: 0.04em; line-height: 1.1; margin: 0;
  white-space: nowrap; }
.st-key-present-count p { font-size: 4.5rem; font-weight: 700; line-height: 1.1; margin: 0; }
.st-key-present-page h1 { font-size: 3.5rem; }
.st-key-present-page [data-testid="stCaptionContainer"] p,
.st-key-present-page [data-testid="stAlertContentInfo"] p { font-size: 1.6rem; color: #262730; }
.st-key-present-link code { font-size: 1.5rem; }
.st-key-present-qr img { width: 100% !important; max-width: 30rem; image-rendering: pixelated; }"""

_helper = st.components.v2.component("netvaerksspejlet.browser", js=_JS, css=_CSS, isolate_styles=False)

AUTOSAVE_KEY = "browser-autosave"
STEP_VIEW_KEY = "browser-step-view"
POST_KEY = "browser-post"


def autosave_text_fields() -> None:
    """Make every text area on the page send its value after a pause in typing (once per run)."""
    _helper(
        key=AUTOSAVE_KEY,
        data={
            "pause_ms": PAUSE_MS,
            "server": server_id.PROCESS_ID,
            "server_path": SERVER_PATH,
            "over": texts.FIELD_OVER,
        },
    )


def open_step_at_top(view: str, heading: str) -> None:
    """When `view` differs from the one drawn before, scroll to the top and focus `heading`."""
    _helper(key=STEP_VIEW_KEY, data={"pause_ms": PAUSE_MS, "view": view, "heading": heading})


def post_to_server(path: str, body: dict) -> None:
    """Have the browser post `body` as JSON to one of our own routes, with its cookies.

    A script of the component's, not an inline one: the Content-Security-Policy allows no inline
    scripts (web/security_headers.py). Posted once per page run that asks (the id is new each run).
    """
    _helper(key=POST_KEY, data={"pause_ms": PAUSE_MS, "post": {"path": path, "body": body, "id": secrets.token_hex(8)}})
