"""Fixtures for the workbench's tests: a small repository with fixed dates, authors and content
(so screenshots are the same on every run), scanned once per test process; each test gets its own
copy of the database, so decisions never leak between tests. Helpers to drive the app."""

from __future__ import annotations

import asyncio
import inspect
import shutil
from pathlib import Path

import pytest

from tests.gitrepo import GitRepo
from vibetriage.config import load as load_config
from vibetriage.pipeline import scan
from vibetriage.store import Store

REVIEWER = "Tess Tester <tess@example.com>"

# Pilot waits for the app to go idle in steps of 20 ms, several per key press; 5 ms steps keep the
# same check (the CPU rests for a whole step) and make a test of twenty key presses a second
# shorter. Pilot's real synchronisation -- every message the screen was sent has been handled --
# is unchanged.
import textual._wait  # noqa: E402

textual._wait.SLEEP_GRANULARITY = 0.005


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests (Pilot needs an event loop) without a plugin: one loop per test."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None

AUTH = '''\
import db

SECRET = "not-a-real-secret"


class Auth:
    def login(self, user, password):
        if not user or not password:
            return None
        row = db.execute("SELECT * FROM users WHERE name = '%s'" % user)
        if row is None:
            return None
        return row

    def logout(self, user):
        return True


def helper(x):
    return x or 1
'''

PRICING = '''\
def price(cart, coupon):
    total = 0
    for item in cart:
        if item.qty > 10:
            total += item.price * 0.9
        elif item.qty > 5:
            total += item.price * 0.95
        else:
            total += item.price
    if coupon and coupon.valid:
        if coupon.kind == "percent":
            total -= total * coupon.amount / 100
        else:
            total -= coupon.amount
    return total


def rounded(x):
    return round(x, 2)
'''

APP_TS = '''\
export function total(xs: number[]): number {
  let t = 0;
  for (const x of xs) {
    if (x > 0) { t += x; }
  }
  return t;
}

export function label(name: string): string {
  return "Hello " + name;
}
'''

WORKER_GO = '''\
package worker

func Run(jobs []string) int {
	n := 0
	for _, j := range jobs {
		if j != "" {
			n++
		}
	}
	return n
}
'''

TEST_AUTH = '''\
from api.auth import Auth


def test_login_refuses_empty():
    assert Auth().login("", "") is None
'''


def build_repo(path: Path) -> GitRepo:
    repo = GitRepo(path)
    repo.write("api/auth.py", AUTH)
    repo.write("api/pricing.py", PRICING)
    repo.write("web/app.ts", APP_TS)
    repo.commit("start", date="2025-03-01T10:00:00", author=("Ann Lee", "ann@example.com"))
    repo.write("worker/worker.go", WORKER_GO)
    repo.write("tests/test_auth.py", TEST_AUTH)
    repo.commit("worker and tests", date="2025-04-01T10:00:00", author=("Bob Ray", "bob@example.com"))
    for i in range(3):
        repo.write("api/pricing.py", PRICING + f"\n\nRATE_{i} = {i}\n")
        repo.commit(f"pricing tweak {i}", date=f"2025-05-1{i}T10:00:00", author=("Cy Dube", "cy@example.com"))
    repo.write("api/auth.py", AUTH + "\n\ndef audit(event):\n    return event\n")
    repo.commit("audit", date="2025-06-01T10:00:00", author=("Bob Ray", "bob@example.com"))
    return repo


def scan_into(root: Path, db: Path):
    """Scan `root` into `db`; the workbench's session on them."""
    from tui.data import Session

    with Store.open(db) as store:
        scan(root, store, load_config(root), jobs=1)
    return Session(root, db, REVIEWER, load_config(root))


@pytest.fixture(scope="session")
def scanned_repo(tmp_path_factory) -> tuple[Path, Path]:
    """(repository, database of its scan): built once per test process; never modify either."""
    base = tmp_path_factory.mktemp("workbench")
    repo = build_repo(base / "shop")
    db = base / "scanned.db"
    scan_into(repo.path, db)
    return repo.path, db


@pytest.fixture
def session(scanned_repo, tmp_path):
    """A session on the shared repository with a database of its own."""
    from tui.data import Session

    root, db = scanned_repo
    mine = tmp_path / "triage.db"
    shutil.copyfile(db, mine)
    return Session(root, mine, REVIEWER, load_config(root))


def make_app(session, **kwargs):
    from tui.app import VibeTriageApp

    app = VibeTriageApp(session, **kwargs)
    app.animation_level = "none"  # nothing to wait for between key presses
    return app


async def settle(pilot, rounds: int = 3) -> None:
    """Let workers finish (a failed one too: the app reports its error) and the messages they
    caused be handled: done when two rounds in a row found no worker running (a screen being
    pushed starts its workers a round later)."""
    from textual.worker import WorkerFailed

    quiet = 0
    for _ in range(rounds + 3):
        await pilot.pause()
        running = [w for w in pilot.app.workers if not w.is_finished]
        for worker in running:
            try:
                await worker.wait()
            except WorkerFailed:
                pass
        quiet = 0 if running else quiet + 1
        if quiet >= 2:
            break


def screen_text(app) -> str:
    """The screen as a person sees it: plain text, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def seen(pilot, *needles: str, timeout: float = 3.0) -> str:
    """The screen's text once every needle is on it (or the timeout passed): what a person
    looking at the screen would wait for. A redraw can trail the key press by a frame."""
    from time import monotonic

    deadline = monotonic() + timeout
    while True:
        text = screen_text(pilot.app)
        if all(n in text for n in needles) or monotonic() > deadline:
            return text
        await pilot.pause(0.01)


async def hits(pilot, first: str) -> None:
    """Wait until the palette lists its hits, `first` at the top (the palette searches in a worker)."""
    from textual.command import CommandList

    for _ in range(300):
        await pilot.pause(0.01)
        found = pilot.app.screen.query(CommandList)
        if found and found[0].option_count and first in str(found[0].get_option_at_index(0).prompt):
            return
    raise AssertionError(f"the palette did not list {first!r} first")


async def run_command(pilot, typed: str, first: str) -> None:
    """Open the palette, type `typed`, and run its first hit once it is `first`."""
    await pilot.press("ctrl+p", *typed)
    await hits(pilot, first)
    await pilot.press("enter")
    await settle(pilot)


def make_tour(session, name: str = "first-week", position: int = 0) -> None:
    """A tour of five stops: four regions of the scan, and one region that is gone (its line kept)."""
    from vibetriage.model import RegionKey, Tour, TourStop

    with Store.open(session.db) as store:
        def key(path: str, qualname: str) -> RegionKey:
            return store.find_regions(path, qualname)[0].key

        stops = (
            TourStop("api/pricing.py", key("api/pricing.py", "price"), None, "Prices are made here."),
            TourStop("api/auth.py", key("api/auth.py", "Auth.login"), None, "Every request passes here."),
            TourStop("worker/worker.go", key("worker/worker.go", "worker.Run"), None, "The job loop."),
            TourStop("web/app.ts", key("web/app.ts", "total"), None, "Sums in the browser."),
            TourStop("api/auth.py", RegionKey("api/auth.py", "function", "checkout", 0), 19, "Checkout used to live here."),
        )
        store.save_tour(Tour(name, stops, position))


def decisions(session):
    with Store.open(session.db) as store:
        return store.decisions()
