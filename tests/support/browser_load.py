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
        await page.get_by_text("Refleksionen er afsluttet").wait_for()
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


async def _everyone(url: str, usernames: list[str], password: str, bank: QuestionBank, steps: int) -> list[Person]:
    people = [Person(name) for name in usernames]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            await asyncio.gather(
                *(_person(browser, url, p, password, bank, steps, seed) for seed, p in enumerate(people))
            )
        finally:
            await browser.close()
    return people


def walk_at_once(url: str, usernames: list[str], password: str, bank: QuestionBank, steps: int) -> list[Person]:
    """Let every user walk `steps` competencies at the same time (all 10: also set a goal and
    complete); return what each of them typed and chose.

    It runs in a thread of its own: a test session may already drive a browser with Playwright's
    synchronous API, whose event loop occupies this thread.
    """
    outcome: list = []
    worker = threading.Thread(
        target=lambda: outcome.append(asyncio.run(_everyone(url, usernames, password, bank, steps)))
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
