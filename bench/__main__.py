"""`python -m bench`: make data at the sizes asked for, measure on SQLite and PostgreSQL, print a
table and write the figures as JSON. Every measure is repeated for a median and a p95, and paired
with its baseline measured in the same run. Nothing here asserts a speed.

    python -m bench                       # 100, 1,000, 10,000 leaders; courses of 20, 200, 2,000
    python -m bench --smoke               # the smallest sizes, a few repetitions (run by the tests)
    python -m bench --databases sqlite --leaders 100,1000 --no-browser
    python -m bench --databases postgresql --cluster-only    # 50 people through nginx on two processes
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import sys
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

from bench import measures, seed
from core.settings import reload_settings
from db.engine import create_db_engine, make_sessionmaker, prepare_database
from questions import load_bank

DEFAULT_JSON = Path(__file__).resolve().parent / "results" / "latest.json"


def _sizes(value: str) -> list[int]:
    return [int(part.replace("_", "")) for part in value.split(",") if part.strip()]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--leaders", type=_sizes, default=[100, 1000, 10000], help="leader counts, e.g. 100,1000")
    parser.add_argument("--courses", type=_sizes, default=[20, 200, 2000], help="course sizes, e.g. 20,200,2000")
    parser.add_argument("--databases", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument("--repeat", type=int, default=30, help="repetitions of each page rerun")
    parser.add_argument("--saves", type=int, default=200, help="repetitions of the autosave pair")
    parser.add_argument("--sessions", type=int, default=50, help="simultaneous sessions")
    parser.add_argument("--clicks", type=int, default=20, help="clicks measured in Chromium")
    parser.add_argument("--people", type=int, default=30, help="people in Chromium at once (the crowd measure)")
    parser.add_argument("--crowd-steps", type=int, default=10, help="competencies each of them answers (10: all)")
    parser.add_argument(
        "--cluster-people",
        type=int,
        default=50,
        help="people in Chromium through nginx on two processes, and on one (PostgreSQL; 0: skip)",
    )
    parser.add_argument("--cluster-only", action="store_true", help="only the two-process measure")
    parser.add_argument("--live", type=_sizes, default=[20, 200, 2000], help="course sizes, live view: 20,200,2000")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measures")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes and few repetitions: does every measure run?")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help=f"where to write the figures ({DEFAULT_JSON})")
    args = parser.parse_args(argv)
    if args.smoke:
        args.leaders, args.courses, args.live = [5], [4, 8], [6]
        args.repeat, args.saves, args.sessions, args.clicks = 3, 10, 4, 3
        args.people, args.crowd_steps = 2, 1
        # Two processes behind nginx: the browser test drives that set-up (test_browser_cluster).
        args.cluster_people = 0
        # The Chromium measures drive the same pages whatever the database: in the smoke run (part
        # of the test suite, which must stay fast) they run on the first database only.
        args.browser_databases = 1
    return args


def _machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": model or platform.processor(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def _database_url(kind: str, workdir: Path, state: dict) -> str:
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'bench.sqlite3'}"
    from sqlalchemy import create_engine, text

    from tests.support.postgres import start_postgres

    server = start_postgres()  # the same throw-away server the tests start
    state["postgres"] = server
    admin = create_engine(server.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text("CREATE DATABASE bench"))
    admin.dispose()
    return server.url_for("bench")


def _fmt(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:,.{digits}f}".replace(",", " ")


def table(results: list[measures.Result]) -> str:
    """The figures as a Markdown table (what docs/benchmark.md shows)."""
    lines = [
        "| database | measure | size | median ms | p95 ms | baseline median / p95 ms | ratio | goal | met |",
        "|---|---|---|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        base = f"{_fmt(r.baseline_median_ms)} / {_fmt(r.baseline_p95_ms)}" if r.baseline else ""
        extra = ""
        if "rounds_per_second" in r.extra:
            extra = (
                f" ({r.extra['errors']} errors, {r.extra['database_is_locked']} locked, "
                f"{r.extra['lost_answers']} lost, {r.extra['rounds_per_second']:.1f} rounds/s)"
            )
        if "rounds_counted" in r.extra:
            extra = f" (first view, counting {r.extra['rounds_counted']:,} rounds: {_fmt(r.extra['first_view_ms'])} ms)"
        if "statements_per_refresh" in r.extra:
            extra = (
                f" ({r.extra['statements_per_refresh']} statements a refresh, {r.extra['recounting_statements']} "
                f"recounting; first view {_fmt(r.extra['first_view_ms'])} ms)"
            )
        if "lost_values" in r.extra:
            extra = (
                f" ({r.extra['errors']} errors, {r.extra['lost_values']} of {r.extra['values_typed_or_chosen']:,} "
                f"values lost, {r.extra['completed']} rounds completed"
            )
            if r.extra.get("projector_redraws"):
                extra += (
                    f"; the projector redrew {r.extra['projector_redraws']} times, every "
                    f"{_fmt(r.extra['projector_gap_median_s'])} s (at most {_fmt(r.extra['projector_gap_max_s'])} s)"
                )
            extra += ")"
        if "playwright_median_ms" in r.extra:
            extra = (
                f" (from Playwright's call, its checks included: {_fmt(r.extra['playwright_median_ms'])} / "
                f"{_fmt(r.extra['playwright_p95_ms'])} ms)"
            )
        if "script_ratio" in r.extra:
            extra = (
                f" (the script alone: {_fmt(r.extra['script_median_ms'])} vs "
                f"{_fmt(r.extra['floor_script_median_ms'])} ms, {_fmt(r.extra['script_ratio'], 2)}×)"
            )
        met = "" if r.met is None else ("yes" if r.met else "**no**")
        lines.append(
            f"| {r.database} | {r.measure}{extra} | {r.size} | {_fmt(r.median_ms)} | {_fmt(r.p95_ms)} | {base} | "
            f"{_fmt(r.ratio, 2)} | {r.goal} | {met} |"
        )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> dict:
    bank = load_bank()
    results: list[measures.Result] = []
    started = datetime.now(UTC)
    configured = os.environ.get("DATABASE_URL")
    try:
        _measure_all(args, bank, results)
    finally:  # the benchmark points the app at its own databases; leave the setting as it was
        if configured is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = configured
        reload_settings()
    return {
        "started": started.isoformat(),
        "seconds": (datetime.now(UTC) - started).total_seconds(),
        "machine": _machine(),
        "arguments": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "results": [r.as_dict() for r in results],
    }


def _measure_all(args: argparse.Namespace, bank, results: list[measures.Result]) -> None:
    with tempfile.TemporaryDirectory(prefix="nvs-bench-") as folder:
        workdir = Path(folder)
        kinds = [k.strip() for k in args.databases.split(",") if k.strip()]
        for kind in kinds:
            state: dict = {}
            try:
                url = _database_url(kind, workdir, state)
                os.environ["DATABASE_URL"] = url  # the app under AppTest and Chromium uses this database
                reload_settings()  # the app reads its settings once per process
                engine = prepare_database(url)
                sm = make_sessionmaker(engine)
                if kind == "postgresql" and args.cluster_people and not args.no_browser:
                    results.append(
                        measures.cluster_crowd(url, sm, bank, args.cluster_people, args.crowd_steps, workdir)
                    )
                if args.cluster_only:
                    engine.dispose()
                    continue
                for size in sorted(args.leaders):
                    began = time.perf_counter()
                    seed.add_leaders(engine, bank, size)
                    seed.settle(engine)
                    print(f"[{kind}] {size} leaders ready ({time.perf_counter() - began:.1f} s)", file=sys.stderr)
                    label = f"{size} leaders"
                    tag = f"{kind}-{size}"
                    results.append(measures.walkthrough_step(kind, label, sm, bank, args.repeat, tag))
                    results.append(measures.results_page(kind, label, sm, bank, args.repeat, tag))
                    results.append(measures.autosave(kind, label, engine, bank, args.saves, tag))
                    results.append(measures.open_round(kind, label, engine, bank, args.saves, tag))
                results += measures.dashboards(kind, sm, bank, sorted(args.courses), args.repeat)
                results += measures.live_refresh(kind, sm, bank, sorted(args.live), args.repeat)
                results.append(measures.concurrent_rounds(kind, create_db_engine(url), bank, args.sessions))
                if not args.no_browser and kinds.index(kind) < getattr(args, "browser_databases", len(kinds)):
                    results.append(measures.browser_next_step(kind, url, sm, bank, args.clicks, workdir))
                    results[-1].size = f"{max(args.leaders)} leaders"
                    results.append(measures.browser_crowd(kind, url, sm, bank, args.people, args.crowd_steps, workdir))
                engine.dispose()
            finally:
                if "postgres" in state:
                    state["postgres"].stop()


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    # AppTest itself touches session state outside a script run and warns about it on every start
    # (Streamlit resets its loggers' levels as it loads its config, so a filter, not a level).
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )
    warnings.filterwarnings("ignore", module="streamlit")
    report = run(args)
    print(table([measures.Result(**r) for r in report["results"]]))
    machine = report["machine"]
    print(f"\n{machine['cpu']}, {machine['cpus']} CPUs, Python {machine['python']}; {report['seconds']:.0f} s in all.")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
