"""Ways a person uses the app in the browser, found by the stable widget keys (st-key-<key>)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.support.server import IDLE


def wait_for_idle(page: Page) -> None:
    """Wait until the app is connected and no script run is in flight, as Streamlit's own tests do."""
    page.wait_for_timeout(150)  # let a just-triggered rerun flip the state to 'running'
    page.wait_for_selector(IDLE)


def wait_for_cookie(page: Page, name: str) -> dict:
    """Return the browser's cookie `name` once it holds one.

    The page sets the session cookie with a fetch of its own after the run that signed in, so
    the cookie lands a moment after the page shows the person signed in.
    """
    for _ in range(100):
        found = [c for c in page.context.cookies() if c["name"] == name]
        if found:
            assert len(found) == 1, page.context.cookies()
            return found[0]
        page.wait_for_timeout(100)
    raise AssertionError(f"no cookie {name!r} after 10 s: {page.context.cookies()}")


def wait_for_no_cookie(page: Page, *prefixes: str) -> None:
    """Wait until the browser holds no cookie whose name starts with one of `prefixes`."""
    for _ in range(100):
        left = [c["name"] for c in page.context.cookies() if c["name"].startswith(prefixes)]
        if not left:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"cookies {left} still set after 10 s")


def screenshot(page: Page, path) -> None:
    """Save the whole page, not just the window: Streamlit scrolls its main area, not the document,
    so the window is made as tall as the content for the picture and then put back."""
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollHeight ?? 0")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 12_000)})
    page.wait_for_timeout(300)  # let the charts redraw at the new size
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def key(name: str) -> str:
    return f".st-key-{name}"


def fill(page: Page, name: str, value: str) -> None:
    """Type into a text input or text area and leave it, which commits the value."""
    field = page.locator(f"{key(name)} input, {key(name)} textarea").first
    field.fill(value)
    field.press("Tab")
    wait_for_idle(page)


def click(page: Page, name: str) -> None:
    page.locator(f"{key(name)} button").first.click()
    wait_for_idle(page)


def choose_rating(page: Page, question_id: str, rating: int) -> None:
    page.locator(f"{key('rating-' + question_id)} label:has(input[type=radio])").nth(rating - 1).click()
    wait_for_idle(page)


def sign_up_here(page: Page, username: str, password: str, name: str | None = None) -> None:
    """Create an account on the sign-in form the page shows now (whatever page was asked for)."""
    page.get_by_role("tab", name="Opret konto").click()
    page.locator(f"{key('signup-name')} input").fill(name or username)
    page.locator(f"{key('signup-username')} input").fill(username)
    page.locator(f"{key('signup-password')} input").fill(password)
    click(page, "signup-submit")


def sign_up(page: Page, base_url: str, username: str, password: str, name: str | None = None) -> None:
    page.goto(base_url)
    wait_for_idle(page)
    sign_up_here(page, username, password, name)
    expect(page.locator(key("round-start"))).to_be_visible()


def log_in(page: Page, username: str, password: str) -> None:
    page.locator(f"{key('login-username')} input").fill(username)
    page.locator(f"{key('login-password')} input").fill(password)
    click(page, "login-submit")


def choose(page: Page, widget_key: str, option: int) -> None:
    """Pick the option-th (0-based) choice of a radio group found by its key."""
    page.locator(f"{key(widget_key)} label:has(input[type=radio])").nth(option).click()
    wait_for_idle(page)


def go_to(page: Page, title: str) -> None:
    """Open a page from the sidebar menu, as a person would (the session stays signed in)."""
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title, exact=True).click()
    wait_for_idle(page)


def select(page: Page, widget_key: str, label: str) -> None:
    """Pick an option of a selectbox found by its key, by the option's visible text.

    The list closes when the page scrolls, so the box is scrolled into view before it is opened.
    """
    opener = page.locator(f"{key(widget_key)} button[aria-haspopup='listbox']")
    opener.scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    opener.click()
    page.get_by_role("option", name=label, exact=True).click()
    wait_for_idle(page)


def start_a_round(page: Page, base_url: str, username: str, password: str) -> None:
    """Open the walk-through, sign in and start a round: its first step is open. (The front page would
    send a leader with completed rounds to their overview.)"""
    page.goto(f"{base_url}/refleksion")
    wait_for_idle(page)
    log_in(page, username, password)
    click(page, "round-start")
