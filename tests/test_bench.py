"""The benchmark (bench/): a smoke run at the smallest size, so it cannot rot. It checks that every
measure produced a figure, never how fast it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.browser  # it also starts Streamlit and Chromium

MEASURES = {
    "walk-through step rerun",
    "results page rerun (10 rounds)",
    "autosave of one answer",
    "open round with previous (storage)",
    "course dashboard",
    "live view refresh (projector)",
    "simultaneous sessions completing a round",
    "Chromium: click next → next step drawn",
    "Chromium crowd: rating and typing at once, one server",
}


def test_a_smoke_run_gives_every_measure_a_figure_on_both_databases(tmp_path):
    """Every measure on both databases, the Chromium ones on SQLite (the full run: on both)."""
    out = tmp_path / "bench.json"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    for database in ("sqlite", "postgresql"):
        mine = [r for r in report["results"] if r["database"] == database]
        # The smoke run drives Chromium on the first database only (the same pages either way).
        expected = MEASURES if database == "sqlite" else {m for m in MEASURES if not m.startswith("Chromium")}
        assert {r["measure"] for r in mine} == expected
        for r in mine:
            assert r["median_ms"] is not None and r["median_ms"] > 0, r
            if r["baseline"]:
                assert r["baseline_median_ms"] > 0 and r["ratio"] > 0, r
        concurrent = next(r for r in mine if r["measure"] == "simultaneous sessions completing a round")
        assert set(concurrent["extra"]) >= {"errors", "database_is_locked", "lost_answers", "rounds_per_second"}
        for r in mine:  # the figures printed beside the main ones
            if r["measure"] in ("walk-through step rerun", "results page rerun (10 rounds)"):
                assert r["extra"]["script_median_ms"] > 0 and r["extra"]["floor_script_median_ms"] > 0, r
            if r["measure"] == "course dashboard":
                assert r["extra"]["first_view_ms"] > 0, r
            if r["measure"] == "live view refresh (projector)":
                assert r["extra"]["recounting_statements"] == 0, r  # nothing changed: nothing recounted
            if r["measure"].startswith("Chromium crowd"):
                assert r["extra"]["projector_error"] is None and r["extra"]["projector_redraws"] >= 1, r
            if r["measure"].startswith("Chromium:"):
                assert r["extra"]["playwright_median_ms"] > 0, r
            if r["measure"].startswith("Chromium crowd"):
                assert r["extra"]["errors"] == 0 and r["extra"]["lost_values"] == 0, r
                assert r["extra"]["values_typed_or_chosen"] == 2 * 2 * 2, r  # 2 people, 2 ratings and 2 texts
    assert report["machine"]["cpus"] >= 1
    assert done.stdout.startswith("| database | measure |") and "autosave of one answer" in done.stdout
