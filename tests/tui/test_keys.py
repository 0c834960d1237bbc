"""The remaining keys: table navigation (j/k, page, home/end), the dialogs' keys (pick, confirm,
note), f1 for help, and ctrl+r, which re-scans so a commit made while the app is open shows."""

from __future__ import annotations

from tests.tui.conftest import build_repo, decisions, make_app, scan_into, seen, settle
from tui.screens.confirm import ConfirmScreen
from tui.screens.help import HelpScreen
from tui.screens.note import NoteScreen
from tui.screens.pick import PickScreen
from tui.screens.ranking import RankingScreen
from tui.widgets.table import RankTable
from vibetriage.store import Store


async def test_table_navigation_keys(session):
    app = make_app(session)
    async with app.run_test(size=(100, 9)) as pilot:  # a page of 7 rows: the regions view needs two
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        table = app.screen.query_one(RankTable)
        await pilot.press("j", "j", "k")
        assert table.cursor == 1
        await pilot.press("pagedown")
        assert table.cursor == 1 + table._page
        await pilot.press("end")
        assert table.cursor == len(table.rows) - 1 and table.scroll_offset.y > 0
        await pilot.press("pageup", "home")
        assert table.cursor == 0 and table.scroll_offset.y == 0
        await pilot.press("down", "up", "up")  # no row above the first
        assert table.cursor == 0


async def test_dialog_keys(session):
    app = make_app(session)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        assert isinstance(app.screen, PickScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, RankingScreen) and app.screen.language is None
        await pilot.press("L")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert decisions(session) == []
        await pilot.press("enter")  # the file screen
        await settle(pilot)
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("tab", "down", "space")  # to the tags: from reviewed down to prototype-track
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [(d.tag, d.note) for d in decisions(session)] == [("prototype-track", "")]
        await pilot.press("n")
        await pilot.click("#cancel")
        await settle(pilot)
        assert len(decisions(session)) == 1
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")  # closes help; does not quit
        assert app.is_running and not isinstance(app.screen, HelpScreen)


async def test_ctrl_r_rescans_and_shows_what_changed(tmp_path):
    repo = build_repo(tmp_path / "shop")
    db = tmp_path / "t.db"
    app = make_app(scan_into(repo.path, db))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        repo.write("api/orders.py", "def order(x):\n    return x\n")
        head = repo.commit("orders", date="2025-07-01T10:00:00")
        await pilot.press("ctrl+r")
        await settle(pilot, rounds=6)
        assert app.scan_state == "current" and "api/orders.py" in await seen(pilot, "api/orders.py")
    with Store.open(db) as store:
        assert store.last_scan().head == head
