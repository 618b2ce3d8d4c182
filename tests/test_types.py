"""The type checker is part of the test command: a wrong type in core/, db/ or questions/ fails the run.

mypy reads its settings (strict, the files it checks) from pyproject.toml's [tool.mypy].
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_checks_core_and_storage_strictly():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    assert {"core", "db", "questions"} <= set(config["files"])


def test_mypy_finds_no_type_errors():
    checked = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--no-color-output"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
