"""Accessibility checks in the browser: axe-core (from the npm registry) over a page as a person sees it.

`check(page, state)` runs axe-core 4.14 with the WCAG 2.0/2.1 A and AA rules and the best-practice
rules, writes the full report to test-artifacts/axe/<state>.json, and fails on any serious or
critical violation that is not in ALLOWED. It also asserts what axe cannot see by itself: the
page's language is Danish and no widget label is hidden. With E2E_SCREENSHOTS=1 it also saves a
screenshot of the state to test-artifacts/screenshots/<state>.png.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page

from tests.conftest import ROOT
from tests.e2e.helpers import screenshot, wait_for_idle

ARTIFACTS = ROOT / "test-artifacts"
AXE_JS = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
BLOCKING = {"serious", "critical"}


@dataclass(frozen=True)
class Allowed:
    """A finding inside Streamlit's own frame that the app cannot change, and why it is accepted."""

    rule: str
    target: str  # a piece of the CSS selector axe reports for the element
    reason: str


# Findings of serious or critical impact that the app cannot fix. Every entry says why.
# Nothing is silenced wholesale: an entry matches one rule on elements whose selector contains
# `target`, and every match is still written to the report under "allowed".
ALLOWED: tuple[Allowed, ...] = ()


def _allowed(rule: str, target: str) -> Allowed | None:
    return next((a for a in ALLOWED if a.rule == rule and a.target in target), None)


def _axe(page: Page) -> dict:
    if not AXE_JS.exists():
        raise RuntimeError(f"{AXE_JS} is missing: run scripts/install.sh --dev")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's devtools protocol: an injected <script> is (rightly) refused by
        # the app's Content-Security-Policy, and turning the policy off would test another app.
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return {
                url: result.url,
                engine: result.testEngine.version,
                violations: result.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, impact: n.impact,
                                              summary: n.failureSummary})),
                })),
            };
        }""",
        TAGS,
    )


def _hidden_labels(page: Page) -> list[str]:
    """Labels of shown widgets that are not themselves shown (label_visibility='hidden' or 'collapsed').

    A widget on a tab that is not open is not shown at all, so its label does not count.
    """
    return page.evaluate(
        """() => [...document.querySelectorAll('[data-testid="stWidgetLabel"]')]
                .filter(label => {
                    const widget = label.closest('[data-testid="stElementContainer"]') || label.parentElement;
                    const shown = (el) => el.checkVisibility({visibilityProperty: true}) && el.offsetHeight > 0;
                    return shown(widget) && !shown(label);
                })
                .map(label => label.textContent)"""
    )


def check(page: Page, state: str) -> dict:
    """Audit the page as it is now; `state` names the page and its state (e.g. 'walkthrough-step')."""
    wait_for_idle(page)
    if os.environ.get("E2E_SCREENSHOTS"):
        (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
        screenshot(page, ARTIFACTS / "screenshots" / f"{state}.png")
    report = _axe(page)
    report["state"] = state
    report["lang"] = page.evaluate("() => document.documentElement.lang")
    report["hidden_labels"] = _hidden_labels(page)
    blocking, allowed = [], []
    for violation in report["violations"]:
        for node in violation["nodes"]:
            impact = node["impact"] or violation["impact"]
            if impact not in BLOCKING:
                continue
            finding = {"rule": violation["id"], "impact": impact, "target": node["target"], "help": violation["help"]}
            entry = _allowed(violation["id"], node["target"])
            if entry is None:
                blocking.append({**finding, "html": node["html"][:300], "summary": node["summary"]})
            else:
                allowed.append({**finding, "reason": entry.reason})
    report["blocking"], report["allowed"] = blocking, allowed
    (ARTIFACTS / "axe").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe" / f"{state}.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")

    assert report["lang"] == "da", f"{state}: the page says lang={report['lang']!r}"
    assert not report["hidden_labels"], f"{state}: hidden widget labels {report['hidden_labels']}"
    assert not blocking, f"{state}: serious or critical axe findings:\n" + json.dumps(
        blocking, ensure_ascii=False, indent=2
    )
    return report
