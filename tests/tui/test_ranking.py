"""The ranking screen driven with Pilot: what shows, sorting, every filter, the view toggle, the
mouse, and opening a file."""

from __future__ import annotations

from tests.tui.conftest import make_app, seen, settle
from tui.screens.file import FileScreen
from tui.screens.ranking import RankingScreen
from tui.widgets.table import RankTable


def paths(app) -> list[str]:
    return [row.key if isinstance(row.key, str) else row.key.label() for row in app.screen.query_one(RankTable).rows]


async def test_files_are_listed_by_risk_with_their_signals(session):
    app = make_app(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, RankingScreen) and app.scan_state == "current"
        assert paths(app)[:2] == ["api/pricing.py", "api/auth.py"]
        assert set(paths(app)) == {"api/pricing.py", "api/auth.py", "web/app.ts", "worker/worker.go", "tests/test_auth.py"}
        text = await seen(pilot, "up to date", "5 files")
        assert "up to date" in text and "5 files" in text
        auth = next(line for line in text.splitlines() if "api/auth.py" in line)
        assert "python" in auth and "·" in auth  # its regions are untriaged


async def test_sorting_by_key_and_by_clicking_a_header(session):
    app = make_app(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        ranking = app.screen
        await pilot.press("s")  # rank -> score: the same order
        assert ranking.sort_column["files"] == "score"
        await pilot.press("S")  # reversed: lowest score first
        assert paths(app)[-1] == "api/pricing.py"
        ranking.sort_by("path")
        await pilot.pause()
        assert paths(app) == sorted(paths(app))
        # clicking the "churn" header sorts by churn, most first; clicking again reverses
        table = ranking.query_one(RankTable)
        x = sum(w + 1 for c, w in table._columns_laid_out()[:4])
        await pilot.click(RankTable, offset=(x + 1, 0))
        assert ranking.sort_column["files"] == "churn" and paths(app)[0] == "api/pricing.py"
        await pilot.click(RankTable, offset=(x + 1, 0))
        assert ranking.sort_reverse["files"] and paths(app)[-1] == "api/pricing.py"


async def test_fuzzy_filter_narrows_as_you_type_and_escape_clears_it(session):
    app = make_app(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "a", "p", "t", "h")  # a..p..t..h: api/auth.py only
        assert app.focused.id == "filter"
        assert paths(app) == ["api/auth.py"]
        assert "files: 1 of 5" in await seen(pilot, "files: 1 of 5")
        await pilot.press("escape")
        assert len(paths(app)) == 5 and isinstance(app.focused, RankTable)


async def test_language_state_and_security_filters(session):
    app = make_app(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("g")  # language picker: all, go, python, typescript
        await pilot.press("down", "enter")
        assert paths(app) == ["worker/worker.go"]
        await pilot.press("x")
        assert len(paths(app)) == 5
        await pilot.press("exclamation_mark")  # open security findings only
        assert paths(app) == ["api/auth.py"]
        await pilot.press("x", "d")  # state picker: any, untriaged, load-bearing, ...
        await pilot.press("down", "down", "enter")
        assert app.screen.state == "load-bearing" and paths(app) == []
        assert "no row matches the filters" in await seen(pilot, "no row matches the filters")
        await pilot.press("x")
        assert len(paths(app)) == 5


async def test_toggle_to_every_region_of_the_repository(session):
    app = make_app(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        rows = paths(app)
        assert rows[0] == "api/pricing.py::price"
        assert "api/auth.py::Auth.login" in rows and "web/app.ts::total" in rows
        assert "regions: " in await seen(pilot, "regions: ")
        await pilot.press("v")
        assert paths(app)[0] == "api/pricing.py"


async def test_enter_and_double_click_open_the_file(session):
    app = make_app(session)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FileScreen) and app.screen.path == "api/auth.py"
        await pilot.press("escape")
        assert isinstance(app.screen, RankingScreen)
        await pilot.click(RankTable, offset=(20, 3))  # third row
        assert app.screen.query_one(RankTable).cursor == 2
        await pilot.double_click(RankTable, offset=(20, 3))
        await settle(pilot)
        assert isinstance(app.screen, FileScreen) and app.screen.path == paths_after(app)


def paths_after(app):
    ranking = next(s for s in app.screen_stack if isinstance(s, RankingScreen))
    return ranking.query_one(RankTable).rows[2].key
