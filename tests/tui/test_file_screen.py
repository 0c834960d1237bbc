"""The file screen driven with Pilot: regions with their state, the source scrolled to the
selected region with finding lines marked, why it ranks where it does, the findings, the history,
and moving between files."""

from __future__ import annotations

from tests.tui.conftest import make_app, seen, settle
from tui.screens.file import FileScreen
from tui.screens.ranking import RankingScreen
from tui.widgets.source import SourceView
from tui.widgets.table import RankTable


async def opened(pilot, path: str) -> FileScreen:
    await settle(pilot)
    pilot.app.screen.open_path(path)
    await settle(pilot)
    assert isinstance(pilot.app.screen, FileScreen)
    return pilot.app.screen


async def test_regions_source_and_why_of_the_selected_region(session):
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await opened(pilot, "api/auth.py")
        table = screen.query_one("#regions", RankTable)
        qualnames = [r.ranked.region.qualname for r in table.rows]
        assert qualnames[:2] == ["Auth", "Auth.login"] and set(qualnames) == {"Auth", "Auth.login", "Auth.logout", "helper", "audit"}
        source = screen.query_one(SourceView)
        assert source.band == (6, 16) and source.line_text(6) == "class Auth:"
        text = await seen(pilot, "#2 of 11 regions", "hotspot")
        assert "#2 of 5" in text and "api/auth.py" in text
        assert "region Auth" in text and "#2 of 11 regions" in text and "file api/auth.py" in text and "hotspot" in text
        await pilot.press("down")  # the next region: the source follows it
        assert source.band == (7, 13) and source.line_text(7).strip() == "def login(self, user, password):"
        line = next(line for line in (await seen(pilot, "db.execute(")).splitlines() if "db.execute(" in line)
        assert "▌" in line  # the SQL finding's line is marked in the gutter


async def test_the_source_scrolls_to_a_region_further_down(session):
    app = make_app(session)
    async with app.run_test(size=(100, 16)) as pilot:
        screen = await opened(pilot, "api/auth.py")
        table = screen.query_one("#regions", RankTable)
        table.move_to(next(r.key for r in table.rows if r.ranked.region.qualname == "audit"))
        await pilot.pause()
        source = screen.query_one(SourceView)
        assert source.band == (23, 24)
        assert 1 < source.top_line <= 21 and 24 < source.top_line + source.size.height  # in view, with context


async def test_findings_and_history_tabs(session):
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot, "api/auth.py")
        await pilot.press("f")
        text = await seen(pilot, "python.sql-injection", "CWE-89")
        assert "python.sql-injection" in text and "CWE-89" in text
        await pilot.press("h")
        assert "no decisions on this region yet" in await seen(pilot, "no decisions on this region yet")
        await pilot.press("l")
        await settle(pilot)
        text = await seen(pilot, "by Tess Tester <tess@example.com>")
        assert "load-bearing" in text and "by Tess Tester <tess@example.com>" in text
        await pilot.press("w")
        assert "hotspot" in await seen(pilot, "hotspot")


async def test_next_and_previous_file_follow_the_ranking_as_shown(session):
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await opened(pilot, "api/pricing.py")
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert screen.path == "api/auth.py" and screen.detail.ranked.file.path == "api/auth.py"
        await pilot.press("left_square_bracket", "left_square_bracket")  # no file before the first
        await settle(pilot)
        assert screen.path == "api/pricing.py"
        await pilot.press("backspace")
        assert isinstance(app.screen, RankingScreen)


async def test_order_toggle_and_scrolling_the_source(session):
    app = make_app(session)
    async with app.run_test(size=(100, 14)) as pilot:
        screen = await opened(pilot, "api/auth.py")
        await pilot.press("o")
        table = screen.query_one("#regions", RankTable)
        starts = [r.ranked.region.start_line for r in table.rows]
        assert starts == sorted(starts)
        await pilot.press("e")
        source = screen.query_one(SourceView)
        assert source.has_focus
        await pilot.press("home", "down", "down")
        assert source.top_line == 3
        await pilot.press("end")
        assert source.top_line > 3
        await pilot.press("pageup", "home", "right")
        assert source.scroll_offset.x == 4
        await pilot.press("left", "pagedown")
        assert source.scroll_offset.x == 0 and source.top_line > 1
        top = source.top_line
        await pilot.press("k", "up")
        assert source.top_line == top - 2
