"""Every tagging key, on the file screen and in the ranking, with the rows it leaves in the
database checked after each: one key per tag, clear, the note dialog, whole-file tags (one
transaction), undo (a compensating decision, never a deletion) and stale reviews."""

from __future__ import annotations

from tests.tui.conftest import REVIEWER, decisions, make_app, seen, settle
from tui.screens.confirm import ConfirmScreen
from tui.screens.file import FileScreen
from tui.screens.note import NoteScreen
from tui.widgets.table import RankTable


def rows(session):
    return [(d.key.qualname, d.tag, d.removed, d.note) for d in decisions(session)]


async def open_file(pilot, path: str, region: str | None = None) -> FileScreen:
    ranking = pilot.app.screen
    ranking.open_path(path)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, FileScreen)
    if region is not None:
        table = screen.query_one("#regions", RankTable)
        assert table.move_to(next(r.key for r in table.rows if r.ranked.region.qualname == region))
        await pilot.pause()
    return screen


async def test_one_key_per_tag_writes_at_once_and_clear_removes_them(session):
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, "api/auth.py", "Auth.login")
        await pilot.press("l")
        await settle(pilot)
        assert rows(session) == [("Auth.login", "load-bearing", False, "")]
        assert decisions(session)[0].actor == REVIEWER
        await pilot.press("r")
        await settle(pilot)
        assert rows(session)[-1] == ("Auth.login", "reviewed", False, "")
        assert "LOAD rev" in await seen(pilot, "LOAD rev")
        await pilot.press("p")  # the tracks exclude each other: prototype-track replaces load-bearing
        await settle(pilot)
        state = screen.detail.states[screen.selected_region().key]
        assert (state.track, state.review) == ("prototype-track", "reviewed")
        await pilot.press("c")  # clear: one removal per tag the region has
        await settle(pilot)
        assert rows(session)[-2:] == [("Auth.login", "prototype-track", True, ""), ("Auth.login", "reviewed", True, "")]
        assert screen.selected_region().key not in screen.detail.states or screen.detail.states[screen.selected_region().key].track == "unclassified"
        assert len(rows(session)) == 5


async def test_the_note_dialog_records_the_chosen_tag_with_its_note(session):
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_file(pilot, "api/pricing.py", "price")
        await pilot.press("n")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"core")
        app.screen.query_one("#tag-load-bearing").value = True
        await pilot.press("enter")
        await settle(pilot)
        assert rows(session) == [("price", "load-bearing", False, "core")]
        await pilot.press("n", "x", "escape")  # cancelled: nothing written
        await settle(pilot)
        assert len(rows(session)) == 1
        await pilot.press("h")
        assert "core" in await seen(pilot, "core")


async def test_whole_file_tag_asks_first_and_writes_every_region_in_one_transaction(session):
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_file(pilot, "api/auth.py")
        await pilot.press("R")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert rows(session) == []
        await pilot.press("R", "y")
        await settle(pilot)
        written = decisions(session)
        assert sorted(d.key.qualname for d in written) == ["Auth", "Auth.login", "Auth.logout", "audit", "helper"]
        assert {d.tag for d in written} == {"reviewed"} and len({d.at[:19] for d in written}) == 1
        await pilot.press("C", "y")  # clear every region's tags
        await settle(pilot)
        assert [d.removed for d in decisions(session)] == [False] * 5 + [True] * 5


async def test_whole_file_keys_work_from_the_ranking_and_region_keys_in_its_regions_view(session):
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("home", "L", "y")  # the top file: api/pricing.py
        await settle(pilot)
        assert {(d.key.path, d.tag) for d in decisions(session)} == {("api/pricing.py", "load-bearing")}
        assert "L2" in await seen(pilot, "L2")  # both its regions, in the decisions column
        await pilot.press("l")  # files view: one region's tag needs a region
        await settle(pilot)
        assert len(decisions(session)) == 2
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("home", "r")
        await settle(pilot)
        assert rows(session)[-1] == ("price", "reviewed", False, "")
        assert "LOAD rev" in await seen(pilot, "LOAD rev")


async def test_undo_puts_the_previous_state_back_with_compensating_decisions(session):
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, "api/auth.py", "Auth.login")
        await pilot.press("l", "p")
        await settle(pilot)
        await pilot.press("u")  # undo prototype-track: back to load-bearing, not to nothing
        await settle(pilot)
        assert rows(session)[-1] == ("Auth.login", "load-bearing", False, "undo")
        assert screen.detail.states[screen.selected_region().key].track == "load-bearing"
        await pilot.press("u")  # undo load-bearing: its removal
        await settle(pilot)
        assert rows(session)[-1] == ("Auth.login", "load-bearing", True, "undo")
        assert len(rows(session)) == 4  # append-only: nothing was deleted
        await pilot.press("u")
        await settle(pilot)
        assert len(rows(session)) == 4 and app.undo_stack == []


async def test_undo_of_a_whole_file_tag_is_one_transaction(session):
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await open_file(pilot, "api/pricing.py")
        await pilot.press("P", "y")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        undone = decisions(session)[2:]
        assert [(d.tag, d.removed) for d in undone] == [("prototype-track", True)] * 2 and len({d.at[:19] for d in undone}) == 1
