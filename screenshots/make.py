"""Regenerate screenshots/*.svg from the real app on the demo repository.

    python screenshots/make.py [--size 120x34]

Builds the demo repository in a temporary directory named `basketly`, records a few decisions
at fixed times (so the pictures show every state and do not change from run to run), then drives
the workbench headless with Textual's Pilot and saves each screen as SVG.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "screenshots"
REVIEWER = "Maya Lindqvist <maya@basketly.example>"


def prepare(dest: Path) -> Path:
    from vibetriage.config import load
    from vibetriage.demo import build_demo
    from vibetriage.pipeline import scan
    from vibetriage.store import DEFAULT_DB, Store
    from vibetriage.tours import auto

    root = build_demo(dest)
    with Store.open(root / DEFAULT_DB) as store:
        scan(root, store, load(root))
        regions = {(r.path, r.qualname): r for r in store.regions()}

        def decide(path, name, tag, at, note="", who=REVIEWER):
            store.add_decision(regions[(path, name)], tag, who, note=note, at=at)

        decide("api/auth.py", "login", "load-bearing", "2026-10-30T09:10:00+00:00", "every session starts here")
        decide("api/auth.py", "login", "reviewed", "2026-10-30T09:40:00+00:00", "SQL built with % must go: ticket SEC-12")
        decide("api/auth.py", "verify_token", "load-bearing", "2026-10-30T09:12:00+00:00")
        decide("api/pricing.py", "calculate_totals", "reviewed", "2026-10-30T10:05:00+00:00")
        decide("api/pricing.py", "calculate_discount", "prototype-track", "2026-10-30T10:20:00+00:00",
               "rewrite before the spring campaign")
        decide("web/src/utils.js", "formatPrice", "reviewed", "2026-10-30T11:00:00+00:00", who="Lena Hoffmann <lena@basketly.example>")
        decide("api/pricing.py", "shipping_cost", "reviewed", "2026-10-30T10:30:00+00:00")
        store.save_tour(auto(store, "first-week", hotspots=6))
    # A review the code has moved on from: shipping_cost changes after it was reviewed (the app's
    # start-up scan sees the new commit and shows the review as stale).
    pricing = root / "api" / "pricing.py"
    pricing.write_text(pricing.read_text(encoding="utf-8").replace("    return 499\n", "    return 599  # carrier surcharge\n"),
                       encoding="utf-8")
    _git(root, "commit", "-q", "-a", "-m", "Shipping: carrier surcharge")
    return root


def _git(root: Path, *args: str) -> None:
    when = "1793782800 +0100"  # 2026-11-04 10:00, after the demo's last commit: the same commit id every run
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(root), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_AUTHOR_NAME": "Arjun Mehta", "GIT_AUTHOR_EMAIL": "arjun@basketly.example", "GIT_AUTHOR_DATE": when,
           "GIT_COMMITTER_NAME": "Arjun Mehta", "GIT_COMMITTER_EMAIL": "arjun@basketly.example", "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", f"core.hooksPath={os.devnull}", *args], cwd=root, env=env, check=True)


async def shoot(root: Path, size: tuple[int, int]) -> list[Path]:
    from textual.worker import WorkerFailed

    from tui import scanning
    from tui.app import VibeTriageApp
    from tui.data import Session
    from tui.screens.scan import ScanScreen
    from tui.screens.touring import open_tour
    from tui.widgets.table import RankTable
    from vibetriage.config import load
    from vibetriage.store import DEFAULT_DB

    saved: list[Path] = []

    async def settle(pilot) -> None:
        for _ in range(4):
            for worker in [w for w in pilot.app.workers if not w.is_finished]:
                try:
                    await worker.wait()
                except WorkerFailed:
                    pass
            await pilot.pause()

    def save(app, name: str) -> None:
        path = OUT / f"{name}.svg"
        path.write_text(app.export_screenshot(title=f"vibetriage — {name}"), encoding="utf-8")
        saved.append(path)

    def new_app(db: Path) -> VibeTriageApp:
        app = VibeTriageApp(Session(root, db, REVIEWER, load(root)))
        app.animation_level = "none"
        return app

    app = new_app(root / DEFAULT_DB)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        save(app, "ranking")
        await pilot.press("v")
        await settle(pilot)
        save(app, "regions")
        await pilot.press("v", "slash", *"api", "enter", "exclamation_mark")
        await settle(pilot)
        save(app, "filtered")
        await pilot.press("x")
        app.screen.open_path("api/pricing.py")
        await settle(pilot)
        save(app, "file")
        app.screen.go_to("api/auth.py")
        await settle(pilot)
        table = app.screen.query_one("#regions", RankTable)
        table.move_to(next(r.key for r in table.rows if r.ranked.region.qualname == "login"))
        await pilot.press("f")
        await settle(pilot)
        save(app, "findings")
        await pilot.press("h")
        await settle(pilot)
        save(app, "history")
        await pilot.press("n", *"checked with Sam")
        await pilot.pause()
        save(app, "note")
        await pilot.press("escape", "escape", "question_mark")
        await pilot.pause()
        save(app, "help")
        await pilot.press("escape", "ctrl+p", *"export")
        await settle(pilot)
        save(app, "export")
        await pilot.press("escape")
        open_tour(app, "first-week")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        save(app, "tour")
        await pilot.press("escape", "ctrl+t")
        await settle(pilot)
        save(app, "light")

    # The first scan of a repository, caught while it parses.
    gate, real = threading.Event(), scanning.scan

    def held(root_, store, config, *, progress):
        def report(phase, done, total):
            progress(phase, done, total)
            if phase == "parse" and done >= total // 2:
                gate.wait(20)
        return real(root_, store, config, progress=report)

    scanning.scan = held
    try:
        with tempfile.TemporaryDirectory() as tmp:
            app = new_app(Path(tmp) / "first.db")
            async with app.run_test(size=size) as pilot:
                for _ in range(200):
                    await pilot.pause(0.05)
                    if isinstance(app.screen, ScanScreen) and app.scan_job and app.scan_job.done:
                        break
                app.scan_job.started -= 3  # the picture says "3 s" whenever it is taken
                await pilot.pause(0.3)
                save(app, "scan")
                gate.set()
                await settle(pilot)
    finally:
        scanning.scan = real
        gate.set()
    return saved


def terminal_pictures(root: Path) -> list[Path]:
    """`vibetriage check` failing on a change to reviewed, load-bearing code that adds a finding
    (the gate a team puts in pre-commit and CI), as the terminal shows it."""
    from rich.console import Console

    from vibetriage import gate, render
    from vibetriage.config import load
    from vibetriage.pipeline import scan
    from vibetriage.store import DEFAULT_DB, Store

    auth = root / "api" / "auth.py"
    auth.write_text(auth.read_text(encoding="utf-8").replace(
        "    name = name.strip()\n", "    name = name.strip()\n    os.system(\"logger login \" + name)\n", 1), encoding="utf-8")
    _git(root, "add", "api/auth.py")
    with Store.open(root / DEFAULT_DB) as store:
        config = load(root)
        scan(root, store, config)
        report = gate.check(root, store, base="HEAD", checks=config.check_fail_on, min_severity=config.check_min_severity)
    console = Console(record=True, width=110, file=open(os.devnull, "w"), force_terminal=True)
    console.print(render.plain("$ vibetriage check", "bold"))
    console.print(render.check_report(report))
    check_path = OUT / "check.svg"
    check_path.write_text(console.export_svg(title="vibetriage check"), encoding="utf-8")
    return [check_path]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", default="120x34")
    args = ap.parse_args()
    size = tuple(int(x) for x in args.size.split("x"))
    with tempfile.TemporaryDirectory(prefix="vibetriage-shots-") as tmp:
        root = prepare(Path(tmp) / "basketly")
        for path in asyncio.run(shoot(root, size)) + terminal_pictures(root):
            print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
