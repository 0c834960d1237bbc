"""Keys pressed while the screen is behind the database: right after a rescan, while the next
file loads, two whole-file keys in a row, an undo of code that changed since. A decision is
recorded on the code the person sees, or not at all, with a notice saying so."""

from __future__ import annotations

import time

from tests.gitrepo import GitRepo
from tests.tui.conftest import build_repo, decisions, make_app, scan_into, settle
from tui.screens.confirm import ConfirmScreen
from tui.screens.file import FileScreen
from tui.widgets.table import RankTable
from vibetriage.store import Store


def open_on(repo: GitRepo, tmp_path):
    """A scanned database of `repo` and the workbench on it, with what it says recorded."""
    db = tmp_path / "t.db"
    session = scan_into(repo.path, db)
    app = make_app(session)
    return session, app, noting(app), db


def noting(app) -> list[str]:
    said: list[str] = []
    real = app.say
    app.say = lambda message, **kw: (said.append(message), real(message, **kw))
    return said


def select(app, qualname: str) -> None:
    table = app.screen.query_one("#regions", RankTable)
    assert table.move_to(next(r.key for r in table.rows if r.ranked.region.qualname == qualname))


async def test_a_key_pressed_before_the_screen_shows_a_new_scan_records_nothing(tmp_path, monkeypatch):
    import tui.screens.file as file_screen

    repo = build_repo(tmp_path / "shop")
    session, app, said, db = open_on(repo, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.open_path("api/auth.py")
        await settle(pilot)
        assert isinstance(app.screen, FileScreen)
        select(app, "Auth.login")
        repo.write("api/auth.py", repo.read("api/auth.py").decode().replace("        return row\n", "        return row or None\n"))
        repo.commit("edit login", date="2025-07-01T10:00:00")
        real = file_screen.load_file  # re-reading the file takes a moment after the rescan
        monkeypatch.setattr(file_screen, "load_file", lambda s, p: (time.sleep(0.6), real(s, p))[1])
        await pilot.press("ctrl+r")
        for _ in range(400):
            await pilot.pause(0.01)
            if app.scan_state == "current" and app.scan_job is None:
                break
        await pilot.press("r")  # the screen still shows the previous scan's Auth.login
        await settle(pilot, rounds=6)
        assert decisions(session) == []
        assert any("nothing recorded: the code it names changed since it was shown" in s for s in said)
        await settle(pilot, rounds=20)  # the file has loaded again
        select(app, "Auth.login")
        await pilot.press("r")
        await settle(pilot)
    with Store.open(db) as store:
        state = store.region_state(store.find_regions("api/auth.py", "Auth.login")[0])
    assert (state.review, [d.tag for d in state.decisions]) == ("reviewed", ["reviewed"])


async def test_a_whole_file_key_while_the_next_file_loads_waits_for_it(session, monkeypatch):
    import tui.screens.file as file_screen

    real = file_screen.load_file
    monkeypatch.setattr(file_screen, "load_file", lambda s, p: (time.sleep(0.4) if p != "api/pricing.py" else None, real(s, p))[1])
    app = make_app(session)
    said = noting(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.open_path("api/pricing.py")
        await settle(pilot)
        await pilot.press("right_square_bracket", "R")  # to api/auth.py, and at once tag it all
        await pilot.pause(0.05)
        assert not isinstance(app.screen, ConfirmScreen) and "api/auth.py is still loading" in said
        await settle(pilot, rounds=20)
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen) and "of api/auth.py as reviewed" in app.screen.question.plain
        await pilot.press("y")
        await settle(pilot)
    assert {d.key.path for d in decisions(session)} == {"api/auth.py"}


async def test_two_quick_whole_file_keys_each_tag_the_file_they_name(session, monkeypatch):
    real = Store.regions  # a busy database: each file's regions take a moment to read
    monkeypatch.setattr(Store, "regions", lambda self, path=None: (time.sleep(0.3), real(self, path))[1])
    app = make_app(session)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("L", "down", "L")  # api/pricing.py (2 regions), then api/auth.py (5)
        await settle(pilot)
        asked = []
        while isinstance(app.screen, ConfirmScreen):
            asked.append(app.screen.question.plain)
            await pilot.press("y")
            await settle(pilot)
    assert sorted(asked) == ["Tag all 2 regions of api/pricing.py as load-bearing?", "Tag all 5 regions of api/auth.py as load-bearing?"]
    counts: dict[str, int] = {}
    for d in decisions(session):
        counts[d.key.path] = counts.get(d.key.path, 0) + 1
    assert counts == {"api/pricing.py": 2, "api/auth.py": 5}


async def test_undo_of_code_that_changed_since_is_refused_not_written_on_a_ghost(tmp_path):
    repo = GitRepo(tmp_path / "r")
    repo.write("k.py", "class A:\n    def m(self, x):\n        if x:\n            return 1\n        return 2\n")
    repo.commit("start", date="2025-03-01T10:00:00")
    session, app, said, db = open_on(repo, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        app.screen.open_path("k.py")
        await settle(pilot)
        select(app, "A.m")
        await pilot.press("l")
        await settle(pilot)
        repo.write("k.py", repo.read("k.py").decode().replace("class A:", "class B:"))
        repo.commit("rename the class", date="2025-03-02T10:00:00")
        await pilot.press("ctrl+r")
        await settle(pilot, rounds=10)
        await pilot.press("u")
        await settle(pilot)
    assert [(d.key.qualname, d.tag, d.removed) for d in decisions(session)] == [("A.m", "load-bearing", False)]
    assert any(s.startswith("cannot undo") for s in said)
    with Store.open(db) as store:
        assert store.region_state(store.find_regions("k.py", "B.m")[0]).track == "load-bearing"  # it followed the move
