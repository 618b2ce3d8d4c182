"""Many people at once in real browsers: each in a Chromium context of their own, signing in,
rating and typing at human speed through the walk-through against one running app.

Used by the browser load test (a small size) and the benchmark (the full size). Every value a
person typed or chose is returned, so the caller can compare it with what storage holds.
"""

from __future__ import annotations

import asyncio
import random
import threading
import time
from dataclasses import dataclass, field

from playwright.async_api import Page, async_playwright

from db import rounds
from questions import QuestionBank
from tests.support.server import CHROMIUM, CHROMIUM_ARGS, IDLE
from web.session_cookie import COOKIE_NAME

WORDS = [
    "vi",
    "talte",
    "om",
    "borgerne",
    "og",
    "hvad",
    "de",
    "selv",
    "kan",
    "bidrage",
    "med",
    "i",
    "netværket",
    "næste",
    "gang",
]


@dataclass
class Person:
    username: str
    typed: dict[str, str] = field(default_factory=dict)  # question id -> text typed
    rated: dict[str, int] = field(default_factory=dict)  # question id -> rating chosen
    completed: bool = False
    stage: str = "start"  # where the person is, for the error message
    error: str | None = None
    save_ms: list[float] = field(default_factory=list)  # click on a rating -> the app idle again


async def _idle(page: Page) -> None:
    await page.wait_for_timeout(150)
    await page.wait_for_selector(IDLE)


async def _click(page: Page, widget_key: str) -> None:
    await page.locator(f".st-key-{widget_key} button").first.click()
    await _idle(page)


async def _walk(page: Page, url: str, person: Person, password: str, bank: QuestionBank, steps: int, rng) -> None:
    await page.goto(f"{url}/refleksion")
    await _idle(page)
    await page.locator(".st-key-login-username input").fill(person.username)
    await page.locator(".st-key-login-password input").fill(password)
    await _click(page, "login-submit")
    await _click(page, "round-start")
    for step in range(steps):
        comp = bank.competencies[step]
        person.stage = f"step {step + 1}"
        await page.get_by_role("heading", name=comp.name, exact=True).wait_for()
        for question in comp.questions:
            rating = rng.randint(1, 5)
            started = time.perf_counter()
            await page.locator(f".st-key-rating-{question.id} [data-testid='stRadioOption']").nth(rating - 1).click()
            await _idle(page)
            person.save_ms.append((time.perf_counter() - started) * 1000)
            person.rated[question.id] = rating
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9))) + f" ({person.username})"
            await page.locator(f".st-key-text-{question.id} textarea").click()
            await page.keyboard.type(text, delay=rng.randint(25, 70))
            person.typed[question.id] = text
        # Straight on, as people do: the text is sent as the field is left by the click.
        await _click(page, "step-next")
    if steps == len(bank.competencies):
        person.stage = "goal"
        opener = page.locator(".st-key-goal-competency-1 button[aria-haspopup='listbox']")
        option = page.get_by_role("option", name=bank.competencies[0].name, exact=True)
        for attempt in range(3):  # the list closes if the page scrolls while it opens; open it again
            await opener.scroll_into_view_if_needed()
            await page.wait_for_timeout(300)
            await opener.click()
            try:
                await option.click(timeout=5_000)
                break
            except Exception:
                if attempt == 2:
                    raise
        await _idle(page)
        await page.locator(".st-key-goal-step-1 textarea").click()
        await page.keyboard.type("Spørge en borger først", delay=40)
        person.stage = "complete"
        await _click(page, "round-complete")
        await page.get_by_text("Runden er afsluttet").wait_for()
        person.completed = True


async def _person(browser, url: str, person: Person, password: str, bank: QuestionBank, steps: int, seed: int) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = await context.new_page()
    page.set_default_timeout(60_000)
    try:
        await asyncio.sleep(random.Random(seed).uniform(0, 2))  # people do not start in the same millisecond
        await _walk(page, url, person, password, bank, steps, random.Random(seed))
    except Exception as exc:  # reported, not raised: the other people go on
        dialogs = await page.locator("[role=dialog]").all_inner_texts()
        person.error = f"{person.stage}: {type(exc).__name__}: {str(exc).splitlines()[0]} {dialogs}"
    finally:
        await context.close()


@dataclass
class Projector:
    """A trainer's projector page (presentation mode) left alone while the crowd works: when its
    live part was redrawn (bursts of messages from the server), what it said, and any error."""

    username: str
    path: str
    redraws: list[float] = field(default_factory=list)  # seconds since the page was ready
    counts: list[str] = field(default_factory=list)  # "N af M er færdige", as it changed
    error: str | None = None

    def gaps(self) -> list[float]:
        return [b - a for a, b in zip(self.redraws, self.redraws[1:], strict=False)]


async def _watch(
    browser, url: str, projector: Projector, password: str, ready: asyncio.Event, done: asyncio.Event
) -> None:
    context = await browser.new_context(viewport={"width": 1920, "height": 1080}, locale="da-DK")
    page = await context.new_page()
    page.set_default_timeout(60_000)
    last = [0.0]
    began = [0.0]

    def frame(_payload) -> None:
        now = time.perf_counter()
        if began[0] and now - last[0] > 1.0:  # a new burst: the fragment ran again
            projector.redraws.append(now - began[0])
        last[0] = now

    page.on("websocket", lambda ws: ws.on("framereceived", frame))
    try:
        await page.goto(f"{url}/hold")
        await _idle(page)
        await page.locator(".st-key-login-username input").fill(projector.username)
        await page.locator(".st-key-login-password input").fill(password)
        await _click(page, "login-submit")
        await page.locator(".st-key-course-join-link").wait_for()
        for _ in range(100):  # the session cookie lands a moment after the page shows the trainer in
            if any(c["name"] == COOKIE_NAME for c in await context.cookies()):
                break
            await asyncio.sleep(0.1)
        await page.goto(f"{url}{projector.path}")
        await page.locator(".st-key-present-count").wait_for()
        began[0] = last[0] = time.perf_counter()
        ready.set()
        while not done.is_set():
            said = (await page.locator(".st-key-present-count").inner_text()).strip()
            if not projector.counts or projector.counts[-1] != said:
                projector.counts.append(said)
            if await page.locator("[data-testid='stException']").count():
                projector.error = await page.locator("[data-testid='stException']").first.inner_text()
                break
            await asyncio.sleep(0.5)
    except Exception as exc:
        projector.error = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    finally:
        ready.set()
        await context.close()


async def _everyone(
    url: str, usernames: list[str], password: str, bank: QuestionBank, steps: int, projector: Projector | None
) -> list[Person]:
    people = [Person(name) for name in usernames]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ready, done = asyncio.Event(), asyncio.Event()
        watching = None
        if projector:
            watching = asyncio.create_task(_watch(browser, url, projector, password, ready, done))
            await ready.wait()  # the projector is up before the room starts
        try:
            await asyncio.gather(
                *(_person(browser, url, p, password, bank, steps, seed) for seed, p in enumerate(people))
            )
            if watching and any(p.completed for p in people):
                await asyncio.sleep(8)  # long enough for the last finisher to show on the wall
        finally:
            done.set()
            if watching:
                await watching
            await browser.close()
    return people


def walk_at_once(
    url: str, usernames: list[str], password: str, bank: QuestionBank, steps: int, projector: Projector | None = None
) -> list[Person]:
    """Let every user walk `steps` competencies at the same time (all 10: also set a goal and
    complete); return what each of them typed and chose. With a `projector`, a trainer's
    presentation page stays open meanwhile, untouched, and the projector records how it redrew.

    It runs in a thread of its own: a test session may already drive a browser with Playwright's
    synchronous API, whose event loop occupies this thread.
    """
    outcome: list = []
    worker = threading.Thread(
        target=lambda: outcome.append(asyncio.run(_everyone(url, usernames, password, bank, steps, projector)))
    )
    worker.start()
    worker.join()
    if not outcome:
        raise RuntimeError("the browsers' event loop ended without a result (see the thread's error above)")
    return outcome[0]


def lost_values(run, people: list[Person], user_ids: dict[str, int]) -> list[str]:
    """Every typed text and chosen rating that storage does not hold as it was typed or chosen."""
    lost = []
    for person in people:
        stored = run(rounds.list_rounds, user_id=user_ids[person.username])
        answers = stored[-1].answers if stored else {}
        for qid, text in person.typed.items():
            if (answers[qid].text if qid in answers else None) != text:
                lost.append(f"{person.username} {qid} text: {answers.get(qid)!r} != {text!r}")
        for qid, rating in person.rated.items():
            if (answers[qid].rating if qid in answers else None) != rating:
                lost.append(f"{person.username} {qid} rating: {answers.get(qid)!r} != {rating!r}")
    return lost
