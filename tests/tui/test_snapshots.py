"""What each screen looks like, at fixed sizes, on the fixed repository of conftest.py (fixed
content, dates and authors, so the same commit ids), with decisions recorded at fixed times.
Nothing time-relative is on screen. Update after an intended change with
`pytest tests/tui/test_snapshots.py --snapshot-update` and look at the SVGs."""

from __future__ import annotations

import pytest

from tests.tui.conftest import make_app, make_tour, settle
from tui.scanning import ScanJob
from tui.screens.scan import ScanScreen
from vibetriage.store import Store


@pytest.fixture
def decided(session):
    """The session with a few decisions made at fixed times."""
    with Store.open(session.db) as store:
        login = store.find_regions("api/auth.py", "Auth.login")[0]
        price = store.find_regions("api/pricing.py", "price")[0]
        store.add_decision(login, "load-bearing", "Ann Lee <ann@example.com>", note="every request passes here",
                           at="2025-06-02T09:00:00+00:00")
        store.add_decision(login, "reviewed", "Bob Ray <bob@example.com>", at="2025-06-03T14:30:00+00:00")
        store.add_decision(price, "prototype-track", "Ann Lee <ann@example.com>", note="to be rewritten",
                           at="2025-06-04T08:15:00+00:00")
    return session


def ready(*keys: str, path: str | None = None, region: str | None = None):
    async def run_before(pilot) -> None:
        await settle(pilot)
        if path is not None:
            pilot.app.screen.open_path(path)
            await settle(pilot)
        if region is not None:
            table = pilot.app.screen.query_one("#regions")
            table.move_to(next(r.key for r in table.rows if r.ranked.region.qualname == region))
        if keys:
            await pilot.press(*keys)
            await settle(pilot)
    return run_before


def test_ranking_of_files_at_80x24(decided, snap_compare):
    assert snap_compare(make_app(decided), terminal_size=(80, 24), run_before=ready())


def test_ranking_of_regions_at_80x24(decided, snap_compare):
    assert snap_compare(make_app(decided), terminal_size=(80, 24), run_before=ready("v"))


def test_ranking_filtered_in_the_light_theme(decided, snap_compare):
    assert snap_compare(make_app(decided), terminal_size=(100, 24), run_before=ready("ctrl+t", "slash", "a", "p", "i", "enter"))


def test_file_screen_at_80x24(decided, snap_compare):
    assert snap_compare(make_app(decided), terminal_size=(80, 24), run_before=ready(path="api/auth.py", region="Auth.login"))


def test_file_screen_history_at_120x36(decided, snap_compare):
    assert snap_compare(make_app(decided), terminal_size=(120, 36), run_before=ready("h", path="api/auth.py", region="Auth.login"))


def test_file_screen_findings_at_120x36(decided, snap_compare):
    assert snap_compare(make_app(decided), terminal_size=(120, 36), run_before=ready("f", path="api/auth.py", region="Auth.login"))


def test_help_screen(decided, snap_compare):
    assert snap_compare(make_app(decided), terminal_size=(100, 30), run_before=ready("question_mark"))


def test_note_dialog(decided, snap_compare):
    assert snap_compare(make_app(decided), terminal_size=(80, 24), run_before=ready("n", path="api/pricing.py"))


def test_confirm_dialog(decided, snap_compare):
    assert snap_compare(make_app(decided), terminal_size=(80, 24), run_before=ready("R", path="api/auth.py"))


def test_language_picker(decided, snap_compare):
    assert snap_compare(make_app(decided), terminal_size=(80, 24), run_before=ready("g", "down"))


def test_tour_screen_at_80x24(decided, snap_compare):
    """The narrow layout: the stop, its note and source above, the list of stops below."""
    from tui.screens.tour import TourScreen

    make_tour(decided, position=1)

    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(TourScreen("first-week"))
        await settle(pilot)

    assert snap_compare(make_app(decided), terminal_size=(80, 24), run_before=run_before)


class FrozenJob(ScanJob):
    """A scan caught in the middle of parsing, with a clock that does not move."""

    def __init__(self, session):
        super().__init__(session)
        self.phase, self.done, self.total, self.working = "parse", 120, 300, True

    def elapsed(self) -> float:
        return 4.0


def test_scan_screen(decided, snap_compare):
    async def run_before(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(ScanScreen(FrozenJob(pilot.app.session)))
        await pilot.pause()

    assert snap_compare(make_app(decided), terminal_size=(80, 24), run_before=run_before)
