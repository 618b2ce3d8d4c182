"""Steps a person takes in the app, as AppTest actions (widgets found by their stable keys)."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest

from core.formatting import WORD_JOINER
from questions import QuestionBank
from tests.conftest import PASSWORD


def sign_up(at: AppTest, username: str, password: str = PASSWORD, name: str | None = None) -> AppTest:
    """Sign up through the form, called `name` (the username itself unless given)."""
    at.text_input(key="signup-name").input(name or username)
    at.text_input(key="signup-username").input(username)
    at.text_input(key="signup-password").input(password)
    return at.button(key="signup-submit").click().run()


def log_in(at: AppTest, username: str, password: str = PASSWORD) -> AppTest:
    at.text_input(key="login-username").input(username)
    at.text_input(key="login-password").input(password)
    return at.button(key="login-submit").click().run()


def start_round(at: AppTest, context: str = "foer-netvaerket", note: str = "") -> AppTest:
    """Start a round from the start form (moving on from a round just completed, as a leader does)."""
    if any(b.key == "round-done-new" for b in at.button):
        at = at.button(key="round-done-new").click().run()
    at.selectbox(key="round-context").set_value(context)
    if note:
        at.text_area(key="round-note").input(note)
    return at.button(key="round-start").click().run()


def answer_step(at: AppTest, bank: QuestionBank, step: int, rating: int, text: str | None = None) -> AppTest:
    """Rate both questions of competency `step` (and write a text) and go to the next step."""
    for question in bank.competencies[step].questions:
        at.radio(key=f"rating-{question.id}").set_value(rating).run()
        if text is not None:
            at.text_area(key=f"text-{question.id}").input(f"{text} ({question.id})").run()
    return at.button(key="step-next").click().run()


def set_goal(at: AppTest, n: int, competency_id: str, step: str) -> AppTest:
    """On the overview: choose goal n's competency, then write its next step."""
    at.selectbox(key=f"goal-competency-{n}").set_value(competency_id).run()
    return at.text_area(key=f"goal-step-{n}").input(step).run()


def complete_round(
    at: AppTest, bank: QuestionBank, rating: int, text: str | None = None, goals: dict | None = None, **start
) -> AppTest:
    """Start, answer every step, set the goals (default: one on the first competency) and complete."""
    start_round(at, **start)
    for step in range(len(bank.competencies)):
        answer_step(at, bank, step, rating, text)
    for n, (cid, step) in enumerate((goals or {bank.competencies[0].id: "Mit næste skridt"}).items(), start=1):
        set_goal(at, n, cid, step)
    return at.button(key="round-complete").click().run()


def headers(at: AppTest) -> list[str]:
    return [h.value for h in at.header]


def plotly_spec(at: AppTest, index: int = 0, key: str | None = None) -> dict:
    """Return the JSON figure of the index-th plotly chart on the page, or of the one with this key."""
    charts = at.get("plotly_chart")
    if key is not None:
        charts = [c for c in charts if c.proto.id.endswith(f"-{key}")]
        index = 0
    return json.loads(charts[index].proto.spec)


def assert_no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def open_page(at: AppTest, page: str) -> AppTest:
    """Go to a page file (e.g. "deling") as the menu would."""
    return at.switch_page(f"pages/{page}.py").run()


def invite(at: AppTest, scope: str = "scores") -> str:
    """As a signed-in leader, make an invitation code on the sharing page and return it."""
    open_page(at, "deling")
    at.radio(key="invite-scope").set_value(scope)
    at.button(key="invite-create").click().run()
    return at.code[0].value


def redeem(at: AppTest, code: str) -> AppTest:
    """As a signed-in user, type an invitation code on the sharing page and use it."""
    open_page(at, "deling")
    at.text_input(key="invite-redeem-code").input(code)
    return at.button(key="invite-redeem-submit").click().run()


def everything_shown(at: AppTest) -> str:
    """Every element the page sent to the browser (texts, labels, options, charts, tables) as one string."""
    parts: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(parts)


def everything_kept(at: AppTest) -> str:
    """Every value held in the session for this browser tab, as one string."""
    return repr(at.session_state.to_dict())


def plain(value: str) -> str:
    """Undo our Markdown escaping, to compare a shown message with the catalogue text."""
    return value.replace("\\", "").replace(WORD_JOINER, "")


def join_course(at: AppTest, code: str) -> AppTest:
    """As a signed-in leader, join a course with its code on "Mine hold"."""
    open_page(at, "mine_hold")
    at.text_input(key="course-join-code").input(code)
    return at.button(key="course-join-submit").click().run()


def create_course(at: AppTest, name: str) -> AppTest:
    """As a signed-in trainer, create a course on "Hold"."""
    open_page(at, "hold")
    at.text_input(key="course-name").input(name)
    return at.button(key="course-create").click().run()


def in_page_order(at: AppTest) -> list:
    """Every element of the main area, in the order a reader meets them (containers opened)."""
    found: list = []

    def walk(node) -> None:
        children = getattr(node, "children", None)
        if children is None:
            found.append(node)
            return
        for index in sorted(children):
            walk(children[index])

    walk(at.main)
    return found


def table_with(at: AppTest, column: str):
    """The first table on the page with this column, its cells unescaped for comparison."""
    frame = next(t.value for t in at.table if column in [plain(c) for c in t.value.columns])
    return frame.map(lambda cell: plain(cell) if isinstance(cell, str) else cell)


def give_outside_view(
    at: AppTest,
    bank: QuestionBank,
    ratings: dict[str, int] | None = None,
    comments: dict[str, str] | None = None,
    overall: str | None = None,
) -> AppTest:
    """As a co-driver on the co-driver page: walk the competencies one step at a time, rating and
    commenting where given (each stored as it is chosen or typed), then write the overall comment."""
    for comp in bank.competencies:
        if comp.id in (ratings or {}):
            at.radio(key=f"cd-rating-{comp.id}").set_value(ratings[comp.id]).run()
        if comp.id in (comments or {}):
            at.text_area(key=f"cd-comment-{comp.id}").input(comments[comp.id]).run()
        at = at.button(key="cd-step-next").click().run()
    if overall is not None:
        at.text_area(key="cd-overall").input(overall).run()
    return at
