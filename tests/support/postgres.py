"""Start a throw-away PostgreSQL server on a loopback port for the test session."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """PostgreSQL's server programs are not installed (scripts/install.sh --dev installs them)."""


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _bindir() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if candidates:
        return Path(candidates[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise PostgresUnavailable("initdb not found; run scripts/install.sh --dev")


def _run_as(user: str | None, args: list[str]) -> None:
    # PostgreSQL refuses to run as root, so as root we drop to the 'postgres' system user.
    command = ["runuser", "-u", user, "--", *args] if user else args
    subprocess.run(command, check=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@dataclass
class PostgresServer:
    root: Path
    port: int
    user: str | None
    bindir: Path

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://test@127.0.0.1:{self.port}/postgres"

    def url_for(self, database: str) -> str:
        return f"postgresql+psycopg://test@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        try:
            _run_as(self.user, [str(self.bindir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_postgres() -> PostgresServer:
    """Initialise a cluster in a temp dir and start it; fast and unsafe settings for tests only."""
    bindir = _bindir()
    user = None
    root = Path(tempfile.mkdtemp(prefix="nvs-pg-"))
    if os.geteuid() == 0:
        user = "postgres"
        try:
            entry = pwd.getpwnam(user)
        except KeyError:
            raise PostgresUnavailable("system user 'postgres' missing; install Debian's postgresql") from None
        os.chown(root, entry.pw_uid, entry.pw_gid)
    data, port = root / "data", free_port()
    _run_as(
        user,
        [
            str(bindir / "initdb"),
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "test",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        ],
    )
    options = (
        f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    _run_as(user, [str(bindir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"])
    return PostgresServer(root=root, port=port, user=user, bindir=bindir)
