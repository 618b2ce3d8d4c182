"""Several app processes behind nginx, on one database: render nginx's site file, or run it all here.

    python -m deploy.cluster render-site --apps 8501,8502 --listen "443 ssl" --server-name spejl.kommune.dk \\
        --tls-certificate /etc/ssl/spejl.crt --tls-key /etc/ssl/private/spejl.key
    python -m deploy.cluster run --port 8080 --processes 2

`render-site` prints the site file for Debian's nginx (deploy/nginx/site.conf.template, filled in);
a server then runs one systemd unit per app port (deploy/systemd/netvaerksspejlet@.service).
`run` starts the app processes and an nginx of its own under data/cluster/ in the foreground, for
trying the set-up on one machine; a process that dies is started again, and Ctrl+C stops all.
The tests start the same set-up through `Cluster`, and kill and restart its processes.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "nginx"
# How the app finds the client's address behind this nginx (docs/operations.md, "Settings").
PROXY_SETTINGS = {"CLIENT_IP_HEADER": "X-Forwarded-For", "CLIENT_IP_HOPS": "1"}


@dataclass(frozen=True)
class Site:
    """What nginx's site file says: where it listens and which app processes it sends people to."""

    apps: tuple[int, ...]
    listen: str = "127.0.0.1:8080"
    server_name: str = "_"
    tls_certificate: str | None = None
    tls_key: str | None = None


def render_site(site: Site) -> str:
    """The site file for nginx's http context, from deploy/nginx/site.conf.template."""
    if not site.apps:
        raise ValueError("at least one app process")
    servers = "\n".join(f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in site.apps)
    tls = ""
    if site.tls_certificate and site.tls_key:
        tls = (
            f"    ssl_certificate {site.tls_certificate};\n"
            f"    ssl_certificate_key {site.tls_key};\n"
            "    ssl_protocols TLSv1.2 TLSv1.3;\n"
        )
    values = {
        "@@UPSTREAM_SERVERS@@": servers,
        "@@LISTEN@@": site.listen,
        "@@SERVER_NAME@@": site.server_name,
        "@@TLS@@": tls,
        "@@COOKIE_SECURE@@": "; Secure" if tls else "",
    }
    text = (TEMPLATES / "site.conf.template").read_text(encoding="utf-8")
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def render_standalone(prefix: Path) -> str:
    """A whole nginx.conf that includes prefix/site.conf and keeps everything under prefix."""
    text = (TEMPLATES / "standalone.conf.template").read_text(encoding="utf-8")
    return text.replace("@@PREFIX@@", str(prefix))


def nginx_binary() -> str:
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(found).exists():
        raise RuntimeError("nginx is not installed (Debian: apt install nginx; scripts/install.sh --dev does it)")
    return found


def wait_until_healthy(
    url: str, timeout: float, process: subprocess.Popen | None = None, log: Path | None = None
) -> None:
    """Wait until the server at `url` answers its health check; raise if `process` exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"exited early:\n{log.read_text() if log else ''}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise RuntimeError(f"{url} did not become healthy:\n{log.read_text() if log else ''}")


class AppProcess:
    """One `streamlit run serve.py` on a loopback port."""

    def __init__(self, port: int, folder: Path, env: Mapping[str, str]):
        self.port, self.folder, self.env = port, folder, dict(env)
        self.url = f"http://127.0.0.1:{port}"
        self.log = folder / f"app-{port}.log"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [sys.executable, "-m", "streamlit", "run", "serve.py", "--server.port", str(self.port),
                   "--server.address", "127.0.0.1", "--server.headless", "true"]  # fmt: skip
        with self.log.open("a") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)

    def wait_until_healthy(self, timeout: float = 60) -> None:
        wait_until_healthy(self.url, timeout, self.process, self.log)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """Die at once, as a crashed process or a pulled plug (SIGKILL: nothing is closed cleanly)."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop cleanly (SIGTERM, as systemd does): Streamlit closes its websockets first."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


class Cluster:
    """nginx on `port` in front of one app process per port in `app_ports`, all on DATABASE_URL."""

    def __init__(self, folder: Path, port: int, app_ports: list[int], env: Mapping[str, str] | None = None):
        self.folder = folder
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        folder.mkdir(parents=True, exist_ok=True)
        app_env = {**os.environ, **PROXY_SETTINGS, **(env or {})}
        self.apps = [AppProcess(p, folder, app_env) for p in app_ports]
        self.nginx: subprocess.Popen | None = None

    def start(self) -> None:
        for app in self.apps:
            app.start()
        for app in self.apps:
            app.wait_until_healthy()
        site = Site(apps=tuple(app.port for app in self.apps), listen=f"127.0.0.1:{self.port}")
        (self.folder / "site.conf").write_text(render_site(site), encoding="utf-8")
        conf = self.folder / "nginx.conf"
        conf.write_text(render_standalone(self.folder), encoding="utf-8")
        with (self.folder / "nginx.out").open("a") as out:
            self.nginx = subprocess.Popen(
                [nginx_binary(), "-p", str(self.folder), "-c", str(conf)], stdout=out, stderr=subprocess.STDOUT
            )
        wait_until_healthy(self.url, 30, self.nginx, self.folder / "error.log")

    def restart(self, app: AppProcess) -> None:
        """A rolling restart's one step: stop this process cleanly, start it again, wait for it."""
        app.stop()
        app.start()
        app.wait_until_healthy()

    def stop(self) -> None:
        if self.nginx is not None and self.nginx.poll() is None:
            self.nginx.terminate()
            self.nginx.wait(timeout=10)
        for app in self.apps:
            app.stop()

    def supervise(self) -> None:
        """Run until interrupted; start any app process that dies again (as systemd's Restart=always)."""
        try:
            while True:
                for app in self.apps:
                    if not app.alive():
                        print(f"Appen på port {app.port} stoppede; starter den igen.", flush=True)
                        app.start()
                time.sleep(1)
        except KeyboardInterrupt:
            pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deploy.cluster", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    render = commands.add_parser("render-site", help="print nginx's site file")
    render.add_argument("--apps", required=True, help="the app processes' ports, e.g. 8501,8502")
    render.add_argument("--listen", default="80", help='what nginx listens on, e.g. "443 ssl"')
    render.add_argument("--server-name", default="_")
    render.add_argument("--tls-certificate")
    render.add_argument("--tls-key")
    run = commands.add_parser("run", help="start nginx and the app processes here, in the foreground")
    run.add_argument("--port", type=int, default=8080)
    run.add_argument("--processes", type=int, default=2)
    run.add_argument("--first-app-port", type=int, default=8501)
    args = parser.parse_args(argv)
    if args.command == "render-site":
        ports = tuple(int(p) for p in args.apps.split(",") if p.strip())
        print(render_site(Site(ports, args.listen, args.server_name, args.tls_certificate, args.tls_key)), end="")
        return 0
    ports = [args.first_app_port + n for n in range(args.processes)]
    cluster = Cluster(ROOT / "data" / "cluster", args.port, ports)
    try:
        cluster.start()
        print(f"Netværksspejlet kører på {cluster.url} med {len(ports)} processer ({ports}).", flush=True)
        cluster.supervise()
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
