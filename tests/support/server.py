"""A real `streamlit run serve.py` (which serves app.py) for browser tests and the benchmark."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from deploy.cluster import wait_until_healthy
from tests.support.postgres import free_port

ROOT = Path(__file__).resolve().parents[2]
# Debian's Chromium (Playwright's own browser download does not work on these machines).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
# The app is connected and no script run is in flight: how Streamlit's own browser tests wait.
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'


class AppServer:
    """`streamlit run serve.py` on a free loopback port, with its own fresh SQLite database unless given one."""

    def __init__(
        self, tmp: Path, database_url: str | None = None, port: int | None = None, secrets: Path | None = None
    ):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / f"streamlit-{self.port}.log"
        self.database_url = database_url or f"sqlite:///{tmp / 'e2e.sqlite3'}"
        env = {**os.environ, "DATABASE_URL": self.database_url}
        command = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "serve.py",
            "--server.port",
            str(self.port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ]
        if secrets is not None:  # e.g. an [auth] section for single sign-on against a test provider
            command += ["--secrets.files", str(secrets)]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)

    def wait_until_healthy(self, timeout: float = 60) -> None:
        wait_until_healthy(self.url, timeout, self.process, self.log)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


@contextmanager
def running_app(
    folder: Path, database_url: str | None = None, port: int | None = None, secrets: Path | None = None
) -> Iterator[AppServer]:
    """Start the app, wait until it answers, and stop it afterwards whatever happens."""
    server = AppServer(folder, database_url, port, secrets)
    try:
        server.wait_until_healthy()
        yield server
    finally:
        server.stop()
