"""Tours in the workbench, driven with Pilot: the tour screen's keys (next and previous stop, a
click in the list, move a stop up and down, edit its note, delete it, open its file), each
checked on screen and in the database's rows; a tour resumes at the reader's stop; a stop whose
region is gone still shows its file; the palette adds the selected region to a tour, makes an
automatic tour, opens and deletes tours, and writes the risk register."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3

import pytest

from tests.tui.conftest import AUTH, REVIEWER, build_repo, make_app, make_tour, run_command, scan_into, seen, settle
from tui.data import Session
from tui.screens.confirm import ConfirmScreen
from tui.screens.file import FileScreen
from tui.screens.note import TextScreen
from tui.screens.pick import PickScreen
from tui.screens.ranking import RankingScreen
from tui.screens.tour import TourScreen
from tui.widgets.source import SourceView
from tui.widgets.table import RankTable
from vibetriage.config import load as load_config
from vibetriage.model import RegionKey, Tour, TourStop
from vibetriage.store import Store
from vibetriage.tours import auto

HOSTILE = "[bold]x[/] [@click=app.quit]y \x1b[31mred"


def region_key(store: Store, path: str, qualname: str) -> RegionKey:
    return store.find_regions(path, qualname)[0].key


@pytest.fixture
def toured(session):
    make_tour(session)
    return session


def rows(session, name: str = "first-week") -> tuple[int | None, list[tuple[str, str]]]:
    """The tour as its rows hold it: (tours.position, [(stop, note)] in tour_stops.seq order)."""
    with sqlite3.connect(session.db) as conn:
        found = conn.execute("SELECT id, position FROM tours WHERE name = ?", (name,)).fetchone()
        if found is None:
            return None, []
        stops = conn.execute("SELECT qualname, path, line, note FROM tour_stops WHERE tour_id = ? ORDER BY seq", (found[0],))
        return found[1], [(qualname or f"{path}:{line}", note) for qualname, path, line, note in stops]


def order(session, name: str = "first-week") -> list[str]:
    return [stop for stop, _ in rows(session, name)[1]]


async def open_tour(pilot, name: str = "first-week") -> TourScreen:
    await settle(pilot)
    await run_command(pilot, "touropen" + name.replace("-", ""), f"tour: open {name}")
    screen = pilot.app.screen
    assert isinstance(screen, TourScreen) and screen.tour_name == name
    return screen


async def test_next_and_previous_walk_the_stops_and_save_the_readers_place(toured):
    app = make_app(toured)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_tour(pilot)
        text = await seen(pilot, "stop 1 of 5", "Prices are made here.")
        assert "tour first-week — stop 1 of 5" in text and "api/pricing.py  function price  lines 1-15" in text
        source = screen.query_one(SourceView)
        assert source.band == (1, 15) and source.line_text(1) == "def price(cart, coupon):"
        await pilot.press("n")
        await settle(pilot)
        text = await seen(pilot, "stop 2 of 5", "Every request passes here.")
        assert "api/auth.py  method Auth.login  lines 7-13" in text
        assert source.band == (7, 13) and source.line_text(7).strip() == "def login(self, user, password):"
        assert rows(toured)[0] == 1
        await pilot.press("right")
        await settle(pilot)
        assert "stop 3 of 5" in await seen(pilot, "stop 3 of 5") and rows(toured)[0] == 2
        assert source.line_text(3).strip() == "func Run(jobs []string) int {"
        await pilot.press("p", "left")
        await settle(pilot)
        assert "stop 1 of 5" in await seen(pilot, "stop 1 of 5") and rows(toured)[0] == 0
        await pilot.press("p")  # no stop before the first
        await settle(pilot)
        assert screen.position == 0 and rows(toured)[0] == 0
        assert any("first stop" in n.message for n in app._notifications)
        await pilot.click("#tour-stops", offset=(10, 4))  # the list's fourth stop (under its header)
        await settle(pilot)
        assert "stop 4 of 5" in await seen(pilot, "stop 4 of 5", "Sums in the browser.") and rows(toured)[0] == 3
        assert screen.query_one(RankTable).cursor == 3  # the reader's stop is the list's highlighted one
        await run_command(pilot, "tournext", "tour: next stop")
        assert "stop 5 of 5" in await seen(pilot, "stop 5 of 5") and rows(toured)[0] == 4
        await run_command(pilot, "tourprev", "tour: previous stop")
        assert "stop 4 of 5" in await seen(pilot, "stop 4 of 5") and rows(toured)[0] == 3


async def test_a_tour_resumes_at_the_stop_its_reader_left(toured):
    app = make_app(toured)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_tour(pilot)
        await pilot.press("n", "n")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, RankingScreen) and rows(toured)[0] == 2
        screen = await open_tour(pilot)
        assert screen.position == 2 and "stop 3 of 5" in await seen(pilot, "stop 3 of 5", "The job loop.")
    app = make_app(Session(toured.root, toured.db, REVIEWER, load_config(toured.root)))  # another session, later
    async with app.run_test(size=(100, 30)) as pilot:
        await open_tour(pilot)
        assert "stop 3 of 5" in await seen(pilot, "stop 3 of 5", "The job loop.")


async def test_moving_a_stop_up_and_down_reorders_the_tour_and_the_reader_moves_with_it(toured):
    app = make_app(toured)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_tour(pilot)
        await pilot.press("n", "J")  # Auth.login down, after Run
        await settle(pilot)
        assert order(toured) == ["price", "worker.Run", "Auth.login", "total", "checkout"] and rows(toured)[0] == 2
        assert "stop 3 of 5" in await seen(pilot, "stop 3 of 5", "Every request passes here.")
        assert [r.stop.key.qualname for r in screen.query_one(RankTable).rows][:3] == ["price", "worker.Run", "Auth.login"]
        await pilot.press("K", "K")  # up twice: first
        await settle(pilot)
        assert order(toured) == ["Auth.login", "price", "worker.Run", "total", "checkout"] and rows(toured)[0] == 0
        await pilot.press("K")  # first already: nothing moves
        await settle(pilot)
        assert order(toured)[0] == "Auth.login" and any("first in the tour already" in n.message for n in app._notifications)
        await pilot.press("ctrl+down")
        await settle(pilot)
        assert order(toured) == ["price", "Auth.login", "worker.Run", "total", "checkout"] and rows(toured)[0] == 1
        await pilot.press("ctrl+up")
        await settle(pilot)
        assert order(toured) == ["Auth.login", "price", "worker.Run", "total", "checkout"] and rows(toured)[0] == 0
        assert [note for _, note in rows(toured)[1]][0] == "Every request passes here."  # notes travel with their stops


async def test_editing_a_stops_note_writes_it_and_cancel_writes_nothing(toured):
    app = make_app(toured)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_tour(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, TextScreen)
        await pilot.press("end", *" Check the coupon maths", "ctrl+s")
        await settle(pilot)
        assert rows(toured)[1][0] == ("price", "Prices are made here. Check the coupon maths")
        assert "Check the coupon maths" in await seen(pilot, "Check the coupon maths")
        await pilot.press("e", "x", "escape")  # cancelled
        await settle(pilot)
        assert rows(toured)[1][0][1] == "Prices are made here. Check the coupon maths"
        await pilot.press("e", "enter", *"second line", "ctrl+s")  # a note of several lines
        await settle(pilot)
        assert rows(toured)[1][0][1] == "Prices are made here. Check the coupon maths\nsecond line"
        lines = [line.split("│")[-1].strip() for line in (await seen(pilot, "second line")).splitlines()]  # right of the list
        assert lines[lines.index("second line") - 1].endswith("Check the coupon maths")  # the line break shows
        assert [n for _, n in rows(toured)[1][1:]] == ["Every request passes here.", "The job loop.", "Sums in the browser.",
                                                      "Checkout used to live here."]


async def test_deleting_a_stop_asks_first_and_the_next_one_takes_its_place(toured):
    app = make_app(toured)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_tour(pilot)
        await pilot.press("n", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no
        await settle(pilot)
        assert len(order(toured)) == 5
        await pilot.press("d", "y")
        await settle(pilot)
        assert order(toured) == ["price", "worker.Run", "total", "checkout"] and rows(toured)[0] == 1
        assert "stop 2 of 4" in await seen(pilot, "stop 2 of 4", "The job loop.")
        await pilot.press("end")  # the last stop, then delete it: the reader steps back one
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        assert order(toured) == ["price", "worker.Run", "total"] and rows(toured)[0] == 2
        for _ in range(3):
            await pilot.press("d", "y")
            await settle(pilot)
        assert rows(toured) == (0, []) and "no stops" in await seen(pilot, "no stops")
        await pilot.press("d", "n", "e", "J", "enter")  # nothing to act on: nothing happens
        await settle(pilot)
        assert isinstance(app.screen, TourScreen) and rows(toured) == (0, [])


async def test_enter_opens_the_stops_file_at_its_region_and_escape_comes_back(toured):
    app = make_app(toured)
    async with app.run_test(size=(120, 36)) as pilot:
        tour = await open_tour(pilot)
        await pilot.press("n", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FileScreen) and screen.path == "api/auth.py"
        assert screen.selected_region().qualname == "Auth.login"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is tour and "stop 2 of 5" in await seen(pilot, "stop 2 of 5")
        await pilot.press("enter")
        await settle(pilot)
        await open_tour(pilot)  # from the file: back to the tour's screen, not a second one on it
        assert app.screen is tour and sum(isinstance(s, TourScreen) for s in app.screen_stack) == 1


async def test_a_stop_whose_region_is_gone_shows_its_file_at_the_kept_line(toured):
    with Store.open(toured.db) as store:
        tour = store.tour("first-week")
        gone_file = TourStop("api/orders.py", RegionKey("api/orders.py", "function", "order", 0), 3, "")
        store.save_tour(Tour("first-week", (*tour.stops, gone_file), 4), replace=True)
    app = make_app(toured)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_tour(pilot)
        text = await seen(pilot, "stop 5 of 6", "not in the last scan")
        assert "api/auth.py  function checkout  not in the last scan: the file at line 19" in text
        source = screen.query_one(SourceView)
        assert source.band == (19, 19) and source.line_text(19) == "def helper(x):"
        await pilot.press("enter")  # its file is there: it opens
        await settle(pilot)
        assert isinstance(app.screen, FileScreen) and app.screen.path == "api/auth.py"
        await pilot.press("escape", "n")
        await settle(pilot)
        text = await seen(pilot, "stop 6 of 6", "the file is gone")
        assert "not in the last scan: the file is gone" in text and "this file is not in the last scan" in text
        await pilot.press("enter")  # no file to open: a notice, and the reader stays
        await settle(pilot)
        assert app.screen is screen and app.is_running
        assert any("api/orders.py is not in the last scan" in n.message for n in app._notifications)


async def test_a_region_that_leaves_the_code_stays_a_stop_at_its_line_after_a_rescan(tmp_path):
    repo = build_repo(tmp_path / "shop")
    db = tmp_path / "t.db"
    session = scan_into(repo.path, db)
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.push_screen(FileScreen("api/auth.py", region=RegionKey("api/auth.py", "function", "helper", 0)))
        await settle(pilot)
        await run_command(pilot, "touradd", "tour: add this region")
        await pilot.press(*"t", "enter")
        await settle(pilot)
        screen = await open_tour(pilot, "t")
        assert "function helper  lines 19-20" in await seen(pilot, "lines 19-20")
        repo.write("api/auth.py", AUTH.replace("def helper(x):\n    return x or 1\n", "# helper went away\n"))
        repo.commit("no helper", date="2025-07-01T10:00:00")
        await pilot.press("ctrl+r")
        await settle(pilot, rounds=6)
        assert app.screen is screen and app.scan_state == "current"
        assert "not in the last scan: the file at line 19" in await seen(pilot, "not in the last scan")
        assert screen.query_one(SourceView).line_text(19) == "# helper went away"  # the file as it is now
    assert rows(session, "t") == (0, [("helper", "")])


async def test_a_hostile_note_shows_literally_and_an_unedited_one_is_kept_as_it_was(session):
    with Store.open(session.db) as store:
        store.save_tour(Tour("odd", (TourStop("api/auth.py", region_key(store, "api/auth.py", "helper"), None, HOSTILE),)))
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_tour(pilot, "odd")
        shown = "[bold]x[/] [@click=app.quit]y \\x1b[31mred"
        assert shown in await seen(pilot, shown)
        await pilot.click("#tour-note", offset=(14, 0))  # on the would-be link: nothing happens
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, TourScreen)
        await pilot.press("e")
        assert shown in await seen(pilot, shown)  # the dialog shows the escape character as text too
        await pilot.press("ctrl+s")  # saved unedited: the note stays as it was, not as shown
        await settle(pilot)
        assert rows(session, "odd")[1] == [("helper", HOSTILE)]


async def test_add_this_region_asks_for_a_tour_refuses_an_empty_name_and_adds_once(session):
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.open_path("api/auth.py")
        await settle(pilot)
        table = app.screen.query_one("#regions", RankTable)
        table.move_to(next(r.key for r in table.rows if r.ranked.region.qualname == "Auth.login"))
        await run_command(pilot, "touradd", "tour: add this region")
        assert isinstance(app.screen, TextScreen)  # no tour yet: a name for a new one
        await pilot.press("space", "enter")  # an empty name
        await settle(pilot)
        assert rows(session, "") == (None, []) and rows(session, " ") == (None, [])
        assert any("a tour needs a name" in n.message for n in app._notifications)
        await run_command(pilot, "touradd", "tour: add this region")
        await pilot.press(*"intro", "enter")
        await settle(pilot)
        assert rows(session, "intro") == (0, [("Auth.login", "")])
        with Store.open(session.db) as store:
            assert store.tour("intro").stops[0].line == 7  # where it starts: shown there if it goes
        await pilot.press("escape", "v")  # the ranking's regions view: the top region, price
        await settle(pilot)
        await run_command(pilot, "touradd", "tour: add this region")
        assert isinstance(app.screen, PickScreen)  # a tour to choose, or a new one
        await pilot.press("enter")  # intro
        await settle(pilot)
        assert rows(session, "intro") == (0, [("Auth.login", ""), ("price", "")])
        await run_command(pilot, "touradd", "tour: add this region")
        await pilot.press("enter")  # again: a region is a stop once
        await settle(pilot)
        assert order(session, "intro") == ["Auth.login", "price"]
        assert any("is already stop 2 of 2" in n.message for n in app._notifications)
        await run_command(pilot, "touradd", "tour: add this region")
        await pilot.press("down", "enter", *"second", "enter")  # "a new tour…"
        await settle(pilot)
        assert rows(session, "second") == (0, [("price", "")])


async def test_a_stop_added_elsewhere_shows_in_the_open_tour(toured):
    app = make_app(toured)
    async with app.run_test(size=(120, 36)) as pilot:
        tour = await open_tour(pilot)
        await pilot.press("n", "n")  # reader at stop 3
        await settle(pilot)
        app.push_screen(FileScreen("api/auth.py", region=RegionKey("api/auth.py", "function", "audit", 0)))
        await settle(pilot)
        await run_command(pilot, "touradd", "tour: add this region")
        await pilot.press("enter")  # first-week
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is tour and "stop 3 of 6" in await seen(pilot, "stop 3 of 6")
        assert order(toured)[-1] == "audit" and rows(toured)[0] == 2
        await pilot.press("d", "y")  # the tour on screen is the one stored, with the new stop
        await settle(pilot)
        assert order(toured) == ["price", "Auth.login", "total", "checkout", "audit"]


async def test_a_new_automatic_tour_is_made_as_the_cli_makes_it_and_opens(session):
    with Store.open(session.db) as store:
        expected = auto(store, "auto")
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await run_command(pilot, "tournewauto", "tour: new automatic")
        await pilot.press(*"auto", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TourScreen) and app.screen.tour_name == "auto"
        with Store.open(session.db) as store:
            made = store.tour("auto")
        assert made.stops == expected.stops and len(made.stops) >= 5
        assert f"stop 1 of {len(made.stops)}" in await seen(pilot, f"stop 1 of {len(made.stops)}", "Risk rank")
        await pilot.press("escape")
        await run_command(pilot, "tournewauto", "tour: new automatic")
        await pilot.press(*"auto", "enter")  # the name is taken: refused, the tour kept
        await settle(pilot)
        assert isinstance(app.screen, RankingScreen)
        assert any("already a tour named 'auto'" in n.message for n in app._notifications)
        with Store.open(session.db) as store:
            assert store.tour("auto").stops == expected.stops


async def test_deleting_a_tour_from_the_palette_asks_first_and_closes_its_screen(toured):
    make_tour(toured, "other")
    app = make_app(toured)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await run_command(pilot, "tourdeleteother", "tour: delete other")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert rows(toured, "other")[0] == 0
        await run_command(pilot, "tourdeleteother", "tour: delete other")
        await pilot.press("y")
        await settle(pilot)
        assert rows(toured, "other") == (None, []) and len(order(toured)) == 5
        await open_tour(pilot)
        await pilot.press("enter")  # the stop's file on top of the tour
        await settle(pilot)
        await run_command(pilot, "tourdeletefirst", "tour: delete first-week")
        await pilot.press("y")
        await settle(pilot)
        assert rows(toured) == (None, []) and isinstance(app.screen, FileScreen)  # the screen on top stays
        await pilot.press("escape")  # back: the deleted tour's screen closes too
        await settle(pilot)
        assert isinstance(app.screen, RankingScreen) and not any(isinstance(s, TourScreen) for s in app.screen_stack)
        assert any("no tour named first-week" in n.message for n in app._notifications)


@pytest.fixture
def own_repo(session, tmp_path):
    """The session on a copy of the repository (the export writes into it)."""
    root = tmp_path / "shop"
    shutil.copytree(session.root, root, symlinks=True)
    return Session(root, session.db, REVIEWER, load_config(root))


async def test_export_from_the_palette_writes_a_register_that_parses(own_repo):
    app = make_app(own_repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await run_command(pilot, "exportjson", "export: risk register as json")
        target = own_repo.root / ".vibetriage" / "risk-register.json"
        register = json.loads(target.read_text(encoding="utf-8"))
        assert {item["path"] for item in register["files"]} == {"api/auth.py", "api/pricing.py", "web/app.ts",
                                                               "worker/worker.go", "tests/test_auth.py"}
        assert any(str(target) in n.message for n in app._notifications)
        await run_command(pilot, "exportcsv", "export: risk register as csv")
        table = list(csv.DictReader(io.StringIO(target.with_suffix(".csv").read_text(encoding="utf-8-sig"))))
        assert len(table) == len(register["files"]) + len(register["regions"])
        assert {row["path"] for row in table if row["type"] == "file"} == {item["path"] for item in register["files"]}


async def test_an_export_that_cannot_be_written_is_a_notice(own_repo):
    (own_repo.root / ".vibetriage").write_text("in the way")
    app = make_app(own_repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await run_command(pilot, "exportmd", "export: risk register as md")
        assert app.is_running and isinstance(app.screen, RankingScreen)
        notice = next(n for n in app._notifications if "not written" in n.message)
        assert notice.severity == "error" and "is not a directory" in notice.message
